// Huddle's service worker: after a first visit, a self-assessment opens, scores and
// shows results with no network, and a repeat visit boots the scorer from this cache.
//
// It keeps only the files of this site an assessment page or a collective page
// (team, 360, rater) asked it to keep (keep.js): the page itself, its styles and
// scripts, framework.json, the scoring package and Pyodide's boot files. Never an answer: answers are never in a URL or a request.
// Only Pyodide's versioned files are served from the cache while online; the rest
// comes from the network, and from the cache only when the network fails. The
// cache is named after the build (`?build=`), so a new build's worker deletes the
// old cache when it takes over.

const build = new URL(self.location.href).searchParams.get("build");
const CACHE = `huddle-${build}`;

const sameOrigin = (url) => url.origin === self.location.origin && !url.search;
// Pyodide's files live under a versioned folder and never change: served from the cache first.
const versioned = (url) => url.pathname.includes("/assets/pyodide/");

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith("huddle-") && n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

// The page asks, once its scorer is ready (so nothing competes with its download),
// for the files it needed to be kept; they come from the browser's HTTP cache.
self.addEventListener("message", (event) => {
  if (event.data?.type !== "keep") return;
  const urls = event.data.urls.map((u) => new URL(u, self.location.href)).filter(sameOrigin);
  // The scorer's files the worker kept itself once whole (worker.js) are not fetched again.
  const scorers = (u) => versioned(u) || /\/scoring\.zip(\.gz)?$/.test(u.pathname);
  const missing = async (cache) => {
    const kept = await Promise.all(urls.map((u) => scorers(u) && cache.match(u.href)));
    return urls.filter((u, i) => !kept[i]).map((u) => u.href);
  };
  event.waitUntil(
    caches
      .open(CACHE)
      .then(async (cache) => cache.addAll(await missing(cache)))
      .then(
        () => event.source?.postMessage({ type: "kept" }),
        () => event.source?.postMessage({ type: "not-kept" }),
      ),
  );
});

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || !sameOrigin(url)) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      if (versioned(url)) {
        const cached = await cache.match(url.href);
        if (cached) return cached;
      }
      try {
        return await fetch(event.request);
      } catch (error) {
        // Offline: whatever was kept, else the network's own failure.
        const cached = await cache.match(url.href, { ignoreVary: true });
        if (cached) return cached;
        throw error;
      }
    })(),
  );
});
