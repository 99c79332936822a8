// Huddle's service worker: every page of this site a person has opened opens again with no
// network, a self-assessment opens, scores and shows results offline after a first visit, and a
// repeat visit boots the scorer from this cache. A page not kept gets the site's offline page
// (generator/pages/offline.py), which lists the pages that are.
//
// Three caches, each named after the build (`?build=`) and the site's own folder (its scope), so a
// new build's worker deletes this site's old ones when it takes over, and never those of another
// Huddle site of the same origin (/trust-a/ and /trust-b/, say):
// - KEPT: what a page that scores asked it to keep ("keep" message, keep.js): the page, its
//   printable version, styles and scripts, framework.json, the scoring package and Pyodide's
//   boot files; and the offline page with its files, kept when the worker installs.
// - PAGES: every page of this site the person opened, as they open it: the newest MAX_PAGES.
// - FILES: those pages' styles, scripts, images and fonts, and the search index: the newest MAX_FILES.
// Only this site's own public files are kept: same origin, inside the worker's scope, GET, no
// query string, a whole 200 response that was not redirected. Never an answer: answers are never
// in a URL or a request. Pyodide's versioned files are served from the cache first; everything
// else comes from the network, and from the cache only when the network fails.

const build = new URL(self.location.href).searchParams.get("build");
const scope = self.registration.scope;
const SCOPE = new URL(scope).pathname;
const KEPT = `huddle-${build}${SCOPE}`; // the name scorer.js gives the scoring worker (keep.js keptCache)
const PAGES = `huddle-pages-${build}${SCOPE}`;
const FILES = `huddle-files-${build}${SCOPE}`;
// Whether a cache is one of this site's (of any build): "huddle-", a kind and build, then exactly this scope.
const ofThisSite = (name) => name.match(/^huddle-[^/]*(\/.*)$/)?.[1] === SCOPE;
const MAX_PAGES = 50;
const MAX_FILES = 200;
const MAX_FILE_BYTES = 5_000_000; // a large download an author linked is left to the network

// The offline page's address: generator/pages/uris.py OFFLINE_URI, published at the top of the site.
const OFFLINE_PAGE = new URL("offline/", scope).href;
const SEARCH_INDEX = new URL("search/search_index.json", scope).href;

// This site's own files: same origin, inside the scope, no query string.
const sameOrigin = (url) => url.origin === self.location.origin && url.href.startsWith(scope) && !url.search;
// Pyodide's files live under a versioned folder and never change: served from the cache first,
// and kept only when a page that scores asks (they are large).
const versioned = (url) => url.pathname.includes("/assets/pyodide/");
// The files of a page worth keeping with it, by name (a page's own HTML names them so).
const PAGE_FILE = /\.(?:css|js|mjs|png|svg|ico|jpe?g|gif|webp|avif|woff2?)$/i;
const pageFile = (url) => sameOrigin(url) && !versioned(url) && (PAGE_FILE.test(url.pathname) || url.href === SEARCH_INDEX);
// What a page loads that is kept with it (a worker: search's, say, so that search works offline).
const KINDS = ["style", "script", "worker", "image", "font"];

// A response that may be kept: the whole of a same-origin file, not a redirect, not too large.
function keepable(response, html = false) {
  const length = Number(response.headers.get("content-length") || 0);
  const type = response.headers.get("content-type") || "";
  return (
    response.status === 200 &&
    response.type === "basic" &&
    !response.redirected &&
    length <= MAX_FILE_BYTES &&
    (!html || type.startsWith("text/html"))
  );
}

// Keeps `response` under `url` in cache `name` as its newest entry, and drops the oldest beyond `limit`.
async function remember(name, href, response, limit) {
  const url = address(href).href; // never a #part (see address)
  const cache = await caches.open(name);
  await cache.delete(url); // kept again: now the newest
  await cache.put(url, response);
  const keys = await cache.keys(); // oldest first
  await Promise.all(keys.slice(0, Math.max(0, keys.length - limit)).map((request) => cache.delete(request)));
}

// The kept copy of `url` in any of this build's caches (never another script's cache).
async function kept(url) {
  for (const cacheName of [KEPT, PAGES, FILES]) {
    const found = await caches.match(url, { cacheName, ignoreVary: true });
    if (found) return found;
  }
  return undefined;
}

// The files a page of this site names (styles, scripts, images), as absolute URLs.
function filesOf(html, page) {
  const urls = [...html.matchAll(/\s(?:src|href)="([^"]+)"/g)].map((found) => address(found[1], page));
  return [...new Set(urls.filter((url) => url && pageFile(url)).map((url) => url.href))];
}

// An address without its #part: a fragment can carry an invitation's ticket (#join=…), which
// must never be kept, nor listed on the offline page.
function address(href, base) {
  try {
    const url = new URL(href, base);
    url.hash = "";
    return url;
  } catch {
    return null; // not an address: nothing to keep
  }
}

// The offline page and its files, kept once (at install, and again if a cache was cleared); asked of
// the server, never an old copy from the browser's HTTP cache.
async function keepOfflinePage() {
  const cache = await caches.open(KEPT);
  if (await cache.match(OFFLINE_PAGE)) return;
  const response = await fetch(OFFLINE_PAGE, { cache: "no-cache" });
  if (!keepable(response, true)) return;
  // Each file on its own: one that fails (a missing image, say) leaves the page less styled, not missing.
  const files = filesOf(await response.clone().text(), OFFLINE_PAGE);
  const keep = (url) => cache.add(new Request(url, { cache: "no-cache" })).then(() => keptNow.add(url));
  await Promise.allSettled(files.map(keep));
  await cache.put(OFFLINE_PAGE, response);
}

// What this worker has just kept, fresh from the site (the offline page's styles and scripts, which a
// page that scores shares): not fetched a second time when that page asks for its files to be kept.
// WebKit's service worker does not read the browser's HTTP cache, so each would cross the network again.
const keptNow = new Set();

// The offline page, shown at the address the person asked for: its relative links, styles and
// scripts, and the base and search worker Material reads from its settings, made absolute (a
// <base> would not do: Material and workers.js resolve some of them against the page's address).
const RELATIVE = /(\s(?:src|href|data-offline)="|"(?:base|search)": ")(\.[^"]*)"/g;
async function offlinePage() {
  const page = await caches.match(OFFLINE_PAGE, { cacheName: KEPT });
  if (!page) return Response.error();
  const absolute = (found, before, url) => `${before}${new URL(url, OFFLINE_PAGE).href}"`;
  const html = (await page.text()).replace(RELATIVE, absolute);
  const headers = new Headers(page.headers);
  headers.delete("content-length");
  return new Response(html, { status: 503, statusText: "Offline", headers });
}

self.addEventListener("install", (event) => {
  self.skipWaiting();
  event.waitUntil(keepOfflinePage().catch(() => {})); // tried again with every message below
});

self.addEventListener("activate", (event) => {
  const ours = [KEPT, PAGES, FILES];
  const old = (name) => ofThisSite(name) && !ours.includes(name); // another site's caches are its own
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter(old).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
  // Claimed, so the page that registered this worker (and its search worker) is kept as it
  // fetches. A page the browser kept for Back when this first happens is dropped from that
  // cache and loads again; its answers come back from sessionStorage (assessment.js).
});

// Messages from the pages (the protocol keep.js and workers.js speak):
// - {type: "keep", urls}: a page that scores, once its scorer is ready (so nothing competes with
//   its download), asks for the files it needs to be kept; they come from the browser's HTTP
//   cache. Answered {type: "kept"} or {type: "not-kept"}.
// - {type: "visited", page, files}: a page opened before this worker controlled it (the first
//   page of a first visit) and its files, kept as if it had been opened through the worker.
// The reply goes to the page only if it is still open: a page the browser keeps for Back is no
// client (`clients.get` leaves it out), and a message to it would take it out of that cache.
async function reply(event, message) {
  const client = event.source && (await self.clients.get(event.source.id));
  client?.postMessage(message);
}

const ownURLs = (urls) =>
  (Array.isArray(urls) ? urls : []).map((u) => address(u, self.location.href)).filter((url) => url && sameOrigin(url));

self.addEventListener("message", (event) => {
  if (event.data?.type === "keep") {
    const urls = ownURLs(event.data.urls);
    // What the scoring worker kept itself as it arrived (worker.js) is not fetched again: the scorer's
    // files and the framework's JSON. The rest is fetched now, so a page is never kept from an older build.
    const byWorker = (u) => versioned(u) || /\/(?:scoring\.zip|framework\.json)(?:\.gz)?$/.test(u.pathname);
    const missing = async (cache) => {
      const kept = await Promise.all(urls.map((u) => keptNow.has(u.href) || (byWorker(u) && cache.match(u.href))));
      return urls.filter((u, i) => !kept[i]).map((u) => u.href);
    };
    event.waitUntil(
      caches
        .open(KEPT)
        .then(async (cache) => cache.addAll(await missing(cache)))
        .then(() => keepOfflinePage().catch(() => {})) // the page's own files are what "kept" reports
        .then(
          () => reply(event, { type: "kept" }),
          () => reply(event, { type: "not-kept" }),
        ),
    );
  } else if (event.data?.type === "visited") {
    const pages = ownURLs([event.data.page]);
    const files = ownURLs(event.data.files).filter(pageFile);
    event.waitUntil(
      Promise.allSettled([
        keepOfflinePage(),
        ...pages.map((url) => keepFetched(url.href, PAGES, MAX_PAGES, true)),
        ...files.map((url) => keepFetched(url.href, FILES, MAX_FILES)),
      ]).then(() => reply(event, { type: "visited-kept" })),
    );
  }
});

async function keepFetched(url, name, limit, html = false) {
  const response = await fetch(url);
  if (keepable(response, html)) await remember(name, url, response, limit);
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = address(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (request.mode === "navigate") event.respondWith(openPage(event, url));
  else if (sameOrigin(url)) event.respondWith(openFile(event, url));
});

// A page: from the network, kept as it arrives; offline, the kept copy or else the offline page.
// On weak ward Wi-Fi the network may neither answer nor fail: after NETWORK_WAIT the kept copy, if
// there is one, is shown (the network's answer is still kept when it comes).
const NETWORK_WAIT = 4000; // ms
async function openPage(event, url) {
  const network = fetch(event.request);
  const keep = (response) => sameOrigin(url) && keepable(response, true) && remember(PAGES, url.href, response.clone(), MAX_PAGES);
  event.waitUntil(network.then(keep).catch(() => {})); // cloned before the page reads the body
  const copy = async () => (sameOrigin(url) && (await kept(url.href))) || undefined;
  try {
    const slow = new Promise((resolve) => setTimeout(resolve, NETWORK_WAIT));
    return (await Promise.race([network, slow])) || (await copy()) || (await network);
  } catch {
    return (await copy()) || offlinePage();
  }
}

// A file: Pyodide's from the cache first; the rest from the network (a page's styles, scripts,
// images and fonts kept as they arrive), and from the cache only when the network fails.
async function openFile(event, url) {
  if (versioned(url)) {
    const cached = await caches.match(url.href, { cacheName: KEPT });
    if (cached) return cached;
  }
  try {
    const response = await fetch(event.request);
    const wanted = KINDS.includes(event.request.destination) || url.href === SEARCH_INDEX;
    if (wanted && pageFile(url) && !event.request.headers.has("range") && keepable(response)) {
      event.waitUntil(remember(FILES, url.href, response.clone(), MAX_FILES).catch(() => {}));
    }
    return response;
  } catch (error) {
    // Offline: whatever was kept, else the network's own failure.
    const cached = await kept(url.href);
    if (cached) return cached;
    throw error;
  }
}
