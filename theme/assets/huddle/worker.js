// Huddle's scoring worker: downloads the self-hosted Pyodide and our scoring package,
// boots Pyodide, imports our scoring package (`generator.scoring`, the same source the
// build tests in CPython) and answers calls. It runs as a module worker so the page
// never blocks. Failures are sent as message keys with values; the page says them.
//
// Messages in:  {type: "init", pyodide, scoring, framework, bootTimeout, retryAfter, gzip, cache}
//               {type: "retry"} (after a failed start: continue the download where it stopped)
//               {type: "call", id, name, args}
// Messages out: {type: "progress", loaded, rate} (bytes of the boot files so far; bytes a second, once known)
//               {type: "retrying", seconds} (the connection dropped: the download goes on by itself then)
//               {type: "ready"} | {type: "failed", key, values}
//               {type: "result", id, value} | {type: "error", id, message} | {type: "error", id, key, values}

let call = null;
let settings = null; // the init message's
let starting = null; // the start under way, if any

// `dropped`: the connection failed (no answer, a cut, a stall, a server's 5xx), so the same
// request may well work a little later; a 404, say, will not.
class Failure extends Error {
  constructor(key, values = {}, dropped = false) {
    super(key);
    Object.assign(this, { key, values, dropped });
  }
}

// The boot files, as the build publishes them (generator/assets.py): the worker imports the
// first as it is; the rest have gzip copies, which the worker fetches where it can decompress
// them.
const IMPORTED = ["pyodide.mjs"];
const GZIPPED = ["pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"];
const TYPES = {
  wasm: "application/wasm",
  zip: "application/zip",
  json: "application/json",
  mjs: "text/javascript",
  gz: "application/gzip",
};

function bootFiles({ pyodide, scoring, gzip }) {
  const gz = gzip ? ".gz" : "";
  return [
    ...IMPORTED.map((name) => ({ name, url: pyodide + name })),
    ...GZIPPED.map((name) => ({ name, url: pyodide + name + gz })),
    { name: "scoring.zip", url: scoring + gz },
  ];
}

// What has arrived of each file, by URL: kept across a failed start, so "Try again"
// asks only for the rest (an HTTP Range request), and whole files are kept in Cache
// Storage (this build's cache, see offline.js) for the next visit.
const files = new Map();

async function fromCache(cacheName, url) {
  try {
    const found = await (await caches.open(cacheName)).match(url);
    return found ? await found.arrayBuffer() : undefined;
  } catch {
    return undefined; // no Cache Storage here (a private window, say): the network it is
  }
}

// Kept with its type, as the site sent it: offline, the service worker answers the import of
// `pyodide.mjs` with it, and a module must be JavaScript.
async function keepWhole(cacheName, url, bytes) {
  try {
    const headers = { "Content-Type": TYPES[url.split(".").pop()] ?? "application/octet-stream" };
    await (await caches.open(cacheName)).put(url, new Response(bytes, { headers }));
  } catch {
    // Keeping is a bonus: full storage or none, the download still served this visit.
  }
}

// The bytes a response's body should hold, or null where it cannot be told: with no
// Content-Length, or one a host's compression on the way makes the length of other bytes.
function promisedLength(response) {
  const length = response.headers.get("Content-Length");
  if (length === null || response.headers.get("Content-Encoding")) return null;
  return Number(length);
}

// One boot file, resumed where an earlier attempt stopped. `onBytes(n, network)` hears each
// chunk; `signal` aborts it (a stall), keeping what arrived.
async function download({ name, url }, { signal, onBytes, cacheName }) {
  let file = files.get(url);
  if (!file) files.set(url, (file = { chunks: [], received: 0, whole: null }));
  if (file.whole) return file.whole;
  if (!file.received) {
    const kept = await fromCache(cacheName, url);
    if (kept) {
      onBytes(kept.byteLength, false);
      return (file.whole = kept);
    }
  }
  const failed = (status) => new Failure("file-not-loaded", { name, status }, typeof status !== "number" || status >= 500);
  let response;
  try {
    const headers = file.received ? { Range: `bytes=${file.received}-` } : {};
    response = await fetch(url, { signal, headers, cache: file.received ? "no-store" : "default" });
  } catch (error) {
    throw failed(error.message);
  }
  const resumed = file.received && response.status === 206;
  if (resumed && !response.headers.get("Content-Range")?.startsWith(`bytes ${file.received}-`)) throw failed(206);
  if (!resumed && response.status !== 200) throw failed(response.status);
  if (!resumed && file.received) {
    // The server sent the whole file again (it does not do ranges): start this file afresh.
    onBytes(-file.received, false);
    Object.assign(file, { chunks: [], received: 0 });
  }
  const reader = response.body.getReader();
  const promised = promisedLength(response);
  let read = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      file.chunks.push(value);
      file.received += value.byteLength;
      read += value.byteLength;
      onBytes(value.byteLength, true);
    }
  } catch (error) {
    throw failed(error.message);
  }
  // Firefox ends the body without an error when the connection closes early: a drop, not a whole file.
  if (promised !== null && read < promised) throw failed(`${read} of ${promised} bytes`);
  file.whole = await new Blob(file.chunks).arrayBuffer();
  file.chunks = [];
  keepWhole(cacheName, url, file.whole);
  return file.whole;
}

// A kept file as a response: decompressed as it is read when it is a gzip copy (a host that
// already decompressed it, having said `Content-Encoding: gzip`, leaves no gzip header to see).
function served(bytes, name) {
  const head = new Uint8Array(bytes, 0, Math.min(2, bytes.byteLength));
  const gzipped = head[0] === 0x1f && head[1] === 0x8b;
  const body = gzipped ? new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip")) : bytes;
  return new Response(body, { headers: { "Content-Type": TYPES[name.split(".").pop()] } });
}

// Pyodide fetches its wasm, standard library and lock itself: it is handed the kept files,
// the wasm streamed into its `WebAssembly.instantiateStreaming` as it is decompressed.
const networkFetch = self.fetch.bind(self);
function serveBootFiles(indexURL, kept) {
  self.fetch = async (resource, options) => {
    const url = String(resource instanceof Request ? resource.url : resource);
    const name = url.startsWith(indexURL) ? url.slice(indexURL.length) : "";
    if (kept.has(name)) return served(kept.get(name), name);
    return networkFetch(resource, options);
  };
}

// Pyodide's module `pyodide.asm.mjs`, imported from its decompressed bytes (a `blob:` URL, which
// the worker's own policy allows: generator/headers.py); undefined when it is not a gzip copy or
// the host's policy refuses, and then Pyodide imports the plain file from the site itself.
async function decompressedModule(bytes) {
  const head = new Uint8Array(bytes, 0, Math.min(2, bytes.byteLength));
  if (head[0] !== 0x1f || head[1] !== 0x8b) return undefined;
  const source = await served(bytes, "pyodide.asm.mjs").blob();
  const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  try {
    return (await import(url)).default;
  } catch {
    return undefined;
  } finally {
    URL.revokeObjectURL(url);
  }
}

// A module the worker fetched whole, imported from those bytes (a `blob:` URL, as above): WebKit's
// worker does not find the file it has just fetched in the browser's cache, and would fetch it
// again. From its address where the host's policy refuses `blob:` (the browser's cache may answer).
async function keptModule(bytes, url) {
  const blobUrl = URL.createObjectURL(new Blob([bytes], { type: "text/javascript" }));
  try {
    return await import(blobUrl);
  } catch {
    return import(url);
  } finally {
    URL.revokeObjectURL(blobUrl);
  }
}

// The smallest WebAssembly module: compiled before anything is downloaded, so a site whose policy
// refuses WebAssembly (a Content Security Policy without 'wasm-unsafe-eval') is told at once.
const EMPTY_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

function wasmRefused() {
  try {
    new WebAssembly.Module(EMPTY_MODULE);
    return false;
  } catch {
    return true;
  }
}

// A refusal seen later, inside Pyodide (its compile rejected, or the policy's report): the same failure.
function isWasmRefusal(error) {
  return error instanceof WebAssembly.CompileError && /refused|unsafe-eval|content security policy/i.test(error.message);
}

// The framework's JSON, fetched once (a start that goes on after a drop has it already): its gzip
// copy where the worker can decompress it (a quarter of the bytes), else the plain file. Kept in this
// build's cache, like the boot files, so the offline worker does not fetch it again; but only once it
// is known whole and good (its length as promised, decompressed, JSON): a cut or corrupt copy kept
// would be served offline, and taken by the offline worker for the real one.
let framework = null;
async function frameworkOf(url, { signal, gzip, cacheName }) {
  if (framework !== null) return framework;
  const address = gzip ? `${url}.gz` : url;
  const failed = (status) => new Failure("framework-not-loaded", { status }, true);
  let response, bytes, text;
  try {
    response = await fetch(address, { signal });
    if (response.ok) bytes = await response.arrayBuffer();
  } catch (error) {
    throw failed(error.message);
  }
  if (!response.ok) throw new Failure("framework-not-loaded", { status: response.status }, response.status >= 500);
  const promised = promisedLength(response);
  if (promised !== null && bytes.byteLength < promised) throw failed(`${bytes.byteLength} of ${promised} bytes`);
  try {
    text = await served(bytes, "framework.json").text();
    JSON.parse(text);
  } catch (error) {
    throw failed(error.message);
  }
  await keepWhole(cacheName, address, bytes);
  return (framework = text);
}

async function boot(data, { signal, onBytes, downloaded }) {
  if (wasmRefused()) throw new Failure("wasm-blocked");
  const wanted = bootFiles(data);
  // The boot files and the framework's JSON: until the last is in, a stall fails the start (boot files
  // kept from an earlier visit may all be in at once, while the framework's fetch hangs).
  let left = wanted.length + 1;
  const arrived = (whole) => {
    if (--left === 0) downloaded(); // every byte in: what follows is work, not waiting
    return whole;
  };
  const frameworkText = frameworkOf(data.framework, { signal, gzip: data.gzip, cacheName: data.cache }).then(arrived);
  frameworkText.catch(() => {}); // awaited below, after the boot files: a failure before then is not "unhandled"
  const whole = await Promise.all(
    wanted.map((file) => download(file, { signal, onBytes, cacheName: data.cache }).then(arrived)),
  );
  const kept = new Map(wanted.map((file, i) => [file.name, whole[i]]));
  serveBootFiles(data.pyodide, kept);
  const { loadPyodide } = await keptModule(kept.get("pyodide.mjs"), `${data.pyodide}pyodide.mjs`);
  const createPyodideModule = await decompressedModule(kept.get("pyodide.asm.mjs"));
  const py = await loadPyodide({ indexURL: data.pyodide, packages: [], createPyodideModule });
  const archive = await served(kept.get("scoring.zip"), "scoring.zip").arrayBuffer();
  py.unpackArchive(archive, "zip", { extractDir: "/huddle" });
  py.runPython("import sys; sys.path.insert(0, '/huddle')");
  const api = py.pyimport("generator.scoring.api");
  const json = await frameworkText;
  return (name, args) => JSON.parse(api.call(json, name, JSON.stringify(args)));
}

// The start fails when nothing has arrived for `seconds` while downloading: a slow download
// that keeps moving is never abandoned, a stalled one is, and its requests are aborted (what
// arrived is kept). Once every byte is in, nothing counts (the boot is work, however slow);
// nor does a time the worker was too busy to look (a check that comes late: a loaded machine).
// Some failures surface inside Pyodide only as an unhandled rejection, or as the policy's
// report of a refused WebAssembly compile; those fail the start at once.
const CHECK = 500; // ms

function stalled(seconds, progress, abort) {
  return new Promise((_, reject) => {
    const unhandled = (event) => reject(event.reason);
    const refused = (event) => {
      if (event.blockedURI === "wasm-eval") reject(new Failure("wasm-blocked"));
    };
    self.addEventListener("unhandledrejection", unhandled, { once: true });
    self.addEventListener("securitypolicyviolation", refused);
    let looked = Date.now();
    const check = setInterval(() => {
      const now = Date.now();
      if (now - looked > 4 * CHECK) progress.last += now - looked - CHECK; // busy, not waiting
      looked = now;
      if (now - progress.last > seconds * 1000) {
        clearInterval(check);
        abort();
        reject(new Failure("boot-stalled", { seconds }, true));
      }
    }, CHECK);
    progress.stop = () => {
      clearInterval(check);
      self.removeEventListener("unhandledrejection", unhandled);
      self.removeEventListener("securitypolicyviolation", refused);
    };
  });
}

function failed(error) {
  if (error instanceof Failure) return { key: error.key, values: error.values };
  if (isWasmRefusal(error)) return { key: "wasm-blocked", values: {} };
  return { key: "boot-error", values: { detail: String(error?.message || error) } };
}

// Bytes a second over the network, over the last few seconds of arrivals.
function speedometer() {
  const seen = [];
  return {
    add(bytes) {
      const now = Date.now();
      seen.push([now, bytes]);
      while (seen.length > 2 && now - seen[0][0] > 5000) seen.shift();
    },
    rate() {
      if (seen.length < 2) return 0;
      const span = (seen[seen.length - 1][0] - seen[0][0]) / 1000;
      if (span < 1) return 0;
      return seen.slice(1).reduce((sum, [, bytes]) => sum + bytes, 0) / span;
    },
  };
}

let loaded = 0; // bytes of the boot files kept so far, across attempts
const speed = speedometer();

// A start whose download dropped goes on by itself after each wait of `settings.retryAfter`
// (seconds; sooner when the browser says it is back online), asking only for what has not
// arrived; the page hears "failed" only when the last of them has failed too.
async function start() {
  for (const [n, seconds] of [...settings.retryAfter, null].entries()) {
    const error = await attempt(n > 0);
    if (!error) return;
    if (seconds === null || !error.dropped) {
      self.postMessage({ type: "failed", ...failed(error) });
      return;
    }
    self.postMessage({ type: "retrying", seconds });
    await new Promise((resume) => {
      const online = () => {
        clearTimeout(timer);
        resume();
      };
      const timer = setTimeout(() => {
        self.removeEventListener("online", online);
        resume();
      }, seconds * 1000);
      self.addEventListener("online", online, { once: true });
    });
  }
}

// One try at the start: undefined once ready, else why it failed. `again`: after a wait, whose
// message ("trying again in 5 seconds") the progress replaces at once.
async function attempt(again) {
  const controller = new AbortController();
  const progress = { last: Date.now(), told: Date.now(), stop: () => {} }; // told: at most one a 200 ms
  const tell = () => self.postMessage({ type: "progress", loaded, rate: speed.rate() });
  const onBytes = (bytes, network) => {
    if (controller.signal.aborted) return; // nothing counts behind a failed start
    progress.last = Date.now();
    loaded += bytes;
    if (network) speed.add(bytes);
    if (progress.last - progress.told > 200) {
      progress.told = progress.last;
      tell();
    }
  };
  try {
    const downloaded = () => (progress.last = Infinity); // nothing left to stall
    const booted = boot(settings, { signal: controller.signal, onBytes, downloaded });
    if (again) tell();
    call = await Promise.race([booted, stalled(settings.bootTimeout, progress, () => controller.abort())]);
    tell();
    self.postMessage({ type: "ready" });
    return undefined;
  } catch (error) {
    controller.abort();
    return error;
  } finally {
    progress.stop();
  }
}

self.onmessage = async ({ data }) => {
  if (data.type === "init" || data.type === "retry") {
    if (data.type === "init") settings = data;
    if (!call && !starting) starting = start().finally(() => (starting = null));
  } else if (data.type === "call") {
    try {
      const answer = call(data.name, data.args);
      if ("error" in answer) self.postMessage({ type: "error", id: data.id, message: answer.error });
      else self.postMessage({ type: "result", id: data.id, value: answer.value });
    } catch (error) {
      self.postMessage({ type: "error", id: data.id, key: "scoring-failed", values: { detail: error.message || error } });
    }
  }
};
