// A collective page's collection (team, board or 360 feedback): set one up and download its key file,
// make invitation links (each opens the self-assessment or the rater page with the collection's public key
// and a ticket in the fragment), or load a key file to open sealed codes and make more links. Nothing is
// sent anywhere. The cryptography is seal.js's; the markup is Python's (generator/pages/collection.py):
// this file wires it.

import { download, today } from "./download.js";
import { say } from "./messages.js";
import { invitations, makeCollection, readKeyFile, sealingAvailable } from "./seal.js";

const $ = (selector, root = document) => root.querySelector(selector);
const MAX_KEY_FILE_BYTES = 64 * 1024; // a key file is under 1 kB

// The page's collection: `opened()` is the key file made or loaded ({key, opener, file}), or null.
export function collection() {
  const box = $("[data-huddle-collection]");
  let opened = null;
  const controls = { opened: () => opened };
  if (!box) return controls;
  if (!sealingAvailable()) {
    $("[data-huddle-no-sealing]", box).hidden = false;
    $("[data-huddle-sealing]", box).hidden = true;
    return controls;
  }
  const status = $("[data-huddle-collection-status]", box);
  const count = $("[data-huddle-invite-count]", box);
  const more = $("[data-huddle-more-links]", box);
  const list = $("[data-huddle-links]", box);
  const row = $("[data-huddle-link-row]", box);
  const { huddleFramework: framework, version, title } = box.dataset;
  const target = new URL(box.dataset.huddleInviteTo, location.href);
  target.hash = "";

  function howMany() {
    const n = Number(count.value);
    if (Number.isInteger(n) && n >= 1 && n <= Number(count.max)) return n;
    status.textContent = say("collection-count-bad", { most: count.max });
    count.focus();
    return 0;
  }
  const keep = () =>
    download(
      `huddle-collection-${framework}-${opened.file.created}.json`,
      "application/json",
      JSON.stringify(opened.file, null, 2),
    );
  async function show(from, n) {
    for (const { number, url } of await invitations(opened.file, target.href, from, n)) {
      const item = row.content.firstElementChild.cloneNode(true);
      const field = $("[data-huddle-link]", item);
      field.value = url;
      field.setAttribute("aria-label", say("invitation-label", { number }));
      $("[data-huddle-copy-link]", item).dataset.number = number;
      list.append(item);
    }
    $("[data-huddle-links-box]", box).hidden = false;
    more.hidden = false;
  }

  $("[data-huddle-make-collection]", box).addEventListener("click", async () => {
    const n = howMany();
    if (!n) return;
    const file = { ...(await makeCollection(framework, version, today())), issued: n };
    opened = await readKeyFile(JSON.stringify(file), framework, title);
    keep();
    list.replaceChildren();
    await show(1, n);
    status.textContent = say("collection-made", { collection: file.collection });
  });
  more.addEventListener("click", async () => {
    const n = howMany();
    if (!n || !opened) return;
    const from = opened.file.issued + 1;
    opened.file.issued += n;
    keep();
    await show(from, n);
    status.textContent = say("collection-more-made", { count: n });
  });
  $("[data-huddle-key-file]", box).addEventListener("change", async (event) => {
    const file = event.target.files[0];
    event.target.value = "";
    if (!file) return;
    try {
      if (file.size > MAX_KEY_FILE_BYTES) throw new Error(say("collection-key-unreadable"));
      opened = await readKeyFile(await file.text(), framework, title);
    } catch (error) {
      status.textContent = error.message;
      return;
    }
    list.replaceChildren();
    if (opened.file.issued) await show(1, opened.file.issued);
    status.textContent = say("collection-loaded", { collection: opened.key.collection, issued: opened.file.issued });
  });
  list.addEventListener("click", async (event) => {
    const button = event.target.closest("[data-huddle-copy-link]");
    if (!button) return;
    const field = $("[data-huddle-link]", button.parentElement);
    try {
      await navigator.clipboard.writeText(field.value);
      status.textContent = say("link-copied", { number: button.dataset.number });
    } catch {
      field.focus();
      field.select();
      status.textContent = say("link-not-copied");
    }
  });
  $("[data-huddle-print-links]", box).addEventListener("click", () => {
    box.open = true;
    document.body.classList.add("huddle-printing-links");
    window.print();
  });
  window.addEventListener("afterprint", () => document.body.classList.remove("huddle-printing-links"));
  return controls;
}
