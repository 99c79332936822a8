// Sealed codes and invitations, with Web Crypto only (no library): nothing here is sent anywhere.
// - A facilitator's *collection*: an ECDH P-256 key pair and a random secret, kept in a key file.
// - An *invitation* link: the collection, its public key, a number n and a ticket (HMAC-SHA256 of
//   "huddle-ticket:<collection>:<n>" under the secret), in the URL's fragment, which never reaches a server.
// - A *sealed* code: `H2:<framework>:<version>:<collection>:<sealed>:<check>`, where sealed is
//   base64url(ephemeral public key || iv || AES-GCM ciphertext) of "<H1 code>|<n>.<ticket>", the key made by
//   HKDF-SHA256 from the ECDH secret (salt: the collection; info: "huddle-sealed-code-1"), the clear fields
//   bound as additional data. The scoring package (sealed.py) checks tickets; tests/sealing.py does the same
//   sealing in CPython.

import { config, failure } from "./messages.js";

export const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const INFO = "huddle-sealed-code-1";
// The largest invitation number, and the lengths a code's group and role are padded to: sealed.py's
// (page_settings), in the page's settings.
const { maxInvitations: MAX_INVITATIONS, padGroup: PAD_GROUP, padRole: PAD_ROLE } = config.sealing;
const CURVE = { name: "ECDH", namedCurve: "P-256" };
const SEALED = /(?<![0-9A-Za-z])H2:[^\s"',;<>]+/g;
const JOIN = /^#join=([0-9A-Z]{8})\.([A-Za-z0-9_-]{87})\.(\d{1,5})\.([0-9A-Z]{16})$/;
const utf8 = (text) => new TextEncoder().encode(text);

// Web Crypto is there only in a secure context (HTTPS, or loopback as `huddle serve` and tests are).
export function sealingAvailable() {
  return Boolean(globalThis.isSecureContext && globalThis.crypto?.subtle);
}

export function b64(bytes) {
  let binary = "";
  for (const byte of new Uint8Array(bytes)) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

export function unb64(text) {
  const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

// The check of a code, as codes.py's `_check`: CRC-32 of the text, its low 30 bits in 6 characters.
let table;
export function check(text) {
  table ??= Array.from({ length: 256 }, (_, n) => {
    for (let k = 0; k < 8; k++) n = n & 1 ? 0xedb88320 ^ (n >>> 1) : n >>> 1;
    return n >>> 0;
  });
  let crc = 0xffffffff;
  for (const byte of utf8(text)) crc = table[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  const value = ((crc ^ 0xffffffff) >>> 0) & 0x3fffffff;
  return [25, 20, 15, 10, 5, 0].map((shift) => ALPHABET[(value >>> shift) & 31]).join("");
}

function randomText(length) {
  // Even: 256 = 8 × 32.
  return [...crypto.getRandomValues(new Uint8Array(length))].map((n) => ALPHABET[n % 32]).join("");
}

// A new collection's key file (an object, to be downloaded as JSON).
export async function makeCollection(framework, version, created) {
  const pair = await crypto.subtle.generateKey(CURVE, true, ["deriveBits"]);
  return {
    huddle: "collection key",
    format: 1,
    framework,
    version,
    collection: randomText(8),
    created,
    public: b64(await crypto.subtle.exportKey("raw", pair.publicKey)),
    private: await crypto.subtle.exportKey("jwk", pair.privateKey),
    secret: b64(crypto.getRandomValues(new Uint8Array(32))),
    issued: 0,
  };
}

// Invitation n's ticket: the first 10 bytes of the HMAC in base 32 (16 characters), as sealed.py's `ticket`.
export async function ticket(secret, collection, number) {
  const key = await crypto.subtle.importKey("raw", unb64(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const digest = new Uint8Array(await crypto.subtle.sign("HMAC", key, utf8(`huddle-ticket:${collection}:${number}`)));
  let value = 0n;
  for (const byte of digest.slice(0, 10)) value = (value << 8n) | BigInt(byte);
  return Array.from({ length: 16 }, (_, n) => ALPHABET[Number((value >> BigInt(75 - 5 * n)) & 31n)]).join("");
}

// Invitations `from` to `from + count - 1` of the collection `key` (a key file), to the page at `url`.
export async function invitations(key, url, from, count) {
  const links = [];
  for (let number = from; number < from + count; number++) {
    const given = await ticket(key.secret, key.collection, number);
    links.push({ number, url: `${url}#join=${key.collection}.${key.public}.${number}.${given}` });
  }
  return links;
}

// The invitation in a page's fragment (`location.hash`), or null.
export function readInvitation(hash) {
  const found = JOIN.exec(hash);
  if (!found) return null;
  return { collection: found[1], public: found[2], number: Number(found[3]), ticket: found[4] };
}

async function aesKey(shared, collection, use) {
  const base = await crypto.subtle.importKey("raw", shared, "HKDF", false, ["deriveKey"]);
  const params = { name: "HKDF", hash: "SHA-256", salt: utf8(collection), info: utf8(INFO) };
  return crypto.subtle.deriveKey(params, base, { name: "AES-GCM", length: 256 }, false, [use]);
}

// A sealed code's length would say its group, its role and how many digits its invitation number has (the
// person rated knows who sent each code): the plaintext is padded with "~" to the length it would have with a
// group of PAD_GROUP characters, the longest role and a five-digit number, so every code of a collection is as
// long as every other. A group id longer than PAD_GROUP still shows in the length.
const PAD_INVITATION = `|${MAX_INVITATIONS}.`.length + 16;
function padded(plain, code) {
  const [, , , group = "", role = ""] = code.split(":");
  const target = code.length - group.length - role.length + PAD_GROUP + PAD_ROLE + PAD_INVITATION;
  return plain.padEnd(target, "~");
}

// The sealed code of `code` (an H1 code, as the scorer made it) for the invitation `join`.
export async function seal(code, join) {
  const [, framework, version] = code.split(":");
  const clear = `H2:${framework}:${version}:${join.collection}`;
  const theirs = await crypto.subtle.importKey("raw", unb64(join.public), CURVE, false, []);
  const mine = await crypto.subtle.generateKey(CURVE, true, ["deriveBits"]);
  const shared = await crypto.subtle.deriveBits({ name: "ECDH", public: theirs }, mine.privateKey, 256);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = utf8(padded(`${code}|${join.number}.${join.ticket}`, code));
  const box = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: utf8(clear) },
    await aesKey(shared, join.collection, "encrypt"),
    plain,
  );
  const raw = new Uint8Array(await crypto.subtle.exportKey("raw", mine.publicKey));
  const sealed = new Uint8Array([...raw, ...iv, ...new Uint8Array(box)]);
  const body = `${clear}:${b64(sealed)}`;
  return `${body}:${check(body)}`;
}

// A key file's text read for the framework `framework`: {key, opener}, where `key` holds what the scorer
// needs ({collection, secret}) and `opener` the private key. Throws a failure with a sentence.
export async function readKeyFile(text, framework, title) {
  let file;
  try {
    file = JSON.parse(text);
  } catch {
    throw failure("collection-key-unreadable");
  }
  const fine =
    file?.huddle === "collection key" &&
    file.format === 1 &&
    /^[0-9A-Z]{8}$/.test(file.collection ?? "") &&
    typeof file.secret === "string" &&
    typeof file.private === "object" &&
    Number.isInteger(file.issued) &&
    file.issued >= 0 &&
    file.issued <= MAX_INVITATIONS;
  if (!fine) throw failure("collection-key-unreadable");
  if (file.framework !== framework) throw failure("collection-key-other-framework", { title });
  try {
    if (unb64(file.secret).length !== 32 || unb64(file.public).length !== 65) throw new Error();
  } catch {
    // A secret no invitation could be made with, or no public key.
    throw failure("collection-key-unreadable");
  }
  let opener;
  try {
    opener = await crypto.subtle.importKey("jwk", file.private, CURVE, false, ["deriveBits"]);
  } catch {
    throw failure("collection-key-unreadable");
  }
  return { key: { collection: file.collection, secret: file.secret }, opener, file };
}

const OPENED = /^H1:[^\s|]+\|\d{1,5}\.[0-9A-Za-z]{16}$/;

// The plaintext of one sealed code, or null when this collection's private key cannot open it.
async function openCode(code, collection, opener) {
  const body = code.slice(0, code.lastIndexOf(":"));
  const fields = body.split(":");
  if (fields.length !== 5 || fields[3] !== collection) return null;
  try {
    const raw = unb64(fields[4]);
    const theirs = await crypto.subtle.importKey("raw", raw.slice(0, 65), CURVE, false, []);
    const shared = await crypto.subtle.deriveBits({ name: "ECDH", public: theirs }, opener, 256);
    const plain = await crypto.subtle.decrypt(
      { name: "AES-GCM", iv: raw.slice(65, 77), additionalData: utf8(fields.slice(0, 4).join(":")) },
      await aesKey(shared, collection, "decrypt"),
      raw.slice(77),
    );
    // The padding, never part of a code.
    const opened = new TextDecoder().decode(plain).replace(/~+$/, "");
    // One H1 code and its invitation, nothing else: a line break sealed in would move every later line's number.
    return OPENED.test(opened) ? opened : null;
  } catch {
    // Changed, cut short or sealed with another key: the scorer names the line.
    return null;
  }
}

// `text` with each sealed code that `opened` (from readKeyFile) opens replaced by what it holds; a code left
// sealed is one it could not open, which the scorer names by its line.
export async function openText(text, { key, opener }) {
  const found = [...text.matchAll(SEALED)];
  const plain = await Promise.all(found.map((match) => openCode(match[0], key.collection, opener)));
  let out = "";
  let at = 0;
  found.forEach((match, n) => {
    out += text.slice(at, match.index) + (plain[n] ?? match[0]);
    at = match.index + match[0].length;
  });
  return out + text.slice(at);
}
