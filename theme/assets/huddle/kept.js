// The site's offline page (generator/pages/offline.py): lists the pages this device keeps
// (offline.js's caches), each a link by its heading, which opens with no connection.

const list = document.querySelector("[data-huddle-kept]");
// The offline page's own address: its <base> when the worker shows it in place of another page.
const here = document.baseURI.split("#")[0];

function titleOf(html) {
  const page = new DOMParser().parseFromString(html, "text/html");
  const heading = page.querySelector("h1");
  heading?.querySelectorAll(".headerlink").forEach((link) => link.remove());
  return (heading?.textContent || page.title).trim();
}

async function keptPages() {
  const pages = new Map();
  for (const name of (await caches.keys()).filter((n) => n.startsWith("huddle-"))) {
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

// Shown in place of another page, a link to a part of this page (the skip link, say) would
// otherwise lead to the offline page's own address.
const shown = location.href.split("#")[0];
if (shown !== here) {
  for (const link of document.querySelectorAll('a[href^="#"]')) link.href = shown + link.getAttribute("href");
}

if (list && "caches" in window) {
  keptPages()
    .then((pages) => {
      for (const [url, title] of pages) {
        const link = Object.assign(document.createElement("a"), { href: url, textContent: title || url });
        const item = document.createElement("li");
        item.append(link);
        list.append(item);
      }
      if (pages.length) {
        document.querySelector("[data-huddle-kept-box]").hidden = false;
        document.querySelector("[data-huddle-kept-none]").hidden = true;
      }
    })
    .catch(() => {}); // storage blocked: the page says none is kept
}
