// The site's offline page (generator/pages/offline.py): lists the pages this device keeps
// (offline.js's caches of this site), each a link by its heading, which opens with no connection;
// its button forgets them all (a shared ward computer would show the next person the list).

import { forgetKept, ofSite } from "./keep.js";

const list = document.querySelector("[data-huddle-kept]");
// This site's folder and its offline page (this script is at assets/huddle/kept.js of the site):
// the page may be shown at the address of another page, not kept (offline.js offlinePage).
const scope = new URL("../../", import.meta.url).pathname;
const here = new URL("../../offline/", import.meta.url).href;

function titleOf(html) {
  const page = new DOMParser().parseFromString(html, "text/html");
  const heading = page.querySelector("h1");
  heading?.querySelectorAll(".headerlink").forEach((link) => link.remove());
  return (heading?.textContent || page.title).trim();
}

async function keptPages() {
  const pages = new Map();
  for (const name of (await caches.keys()).filter((n) => ofSite(n, scope))) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      if (pages.has(request.url) || request.url === here || request.url.includes("#")) continue; // never a ticket
      const response = await cache.match(request);
      if (!response?.headers.get("content-type")?.startsWith("text/html")) continue;
      pages.set(request.url, titleOf(await response.text()));
    }
  }
  return [...pages].sort(([, a], [, b]) => a.localeCompare(b));
}

function show(pages) {
  list.replaceChildren();
  for (const [url, title] of pages) {
    const link = Object.assign(document.createElement("a"), { href: url, textContent: title || url });
    const item = document.createElement("li");
    item.append(link);
    list.append(item);
  }
  document.querySelector("[data-huddle-kept-box]").hidden = !pages.length;
  document.querySelector("[data-huddle-kept-none]").hidden = pages.length > 0;
}

if (list && "caches" in window) {
  keptPages()
    .then(show)
    .catch(() => {}); // storage blocked: the page says none is kept
  const forget = document.querySelector("[data-huddle-forget]");
  const status = document.querySelector("[data-huddle-forget-status]");
  forget?.addEventListener("click", async () => {
    await forgetKept(scope).catch(() => {});
    show(await keptPages().catch(() => []));
    status.textContent = forget.dataset.forgotten;
    status.focus(); // the button went with the list
  });
}
