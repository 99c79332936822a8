// Offline use of Huddle's pages that score: the assessment and the collective pages register the
// service worker (offline.js) themselves, once their scorer is ready, and tell it what to keep
// (every other page registers it as it loads: workers.js).

const absolute = (url) => new URL(url, document.baseURI).href;

// The name of the cache the service worker keeps a page's scorer in (KEPT in offline.js): this
// build's, of this site's folder, which the worker's scope is.
export const keptCache = (config) => `huddle-${config.build}${scopeOf(config)}`;
export const scopeOf = (config) => new URL(".", absolute(config.offline)).pathname;

// Whether a cache is one of the site at `scope` (a path), of any build: the worker names them
// "huddle-", a kind and build, then the site's folder (offline.js), so that two sites of one
// origin keep their own.
export const ofSite = (name, scope) => name.match(/^huddle-[^/]*(\/.*)$/)?.[1] === scope;

// Offline after the first visit: a service worker keeps what this page needed (no
// answers), asked only once the scorer is ready so nothing competes with its download.
// `form` is the page's form: its framework's URL, and `data-offline=kept` once all is kept.
export async function keepForOffline(config, form) {
  if (!("serviceWorker" in navigator)) return;
  try {
    const registration = await navigator.serviceWorker.register(`${config.offline}?build=${config.build}`, {
      scope: scopeOf(config),
    });
    // The newest worker: after a new build, the old one is still active while its successor installs.
    const worker = registration.installing || registration.waiting || registration.active;
    await new Promise((resolve) => {
      if (worker.state === "activated") resolve();
      else worker.addEventListener("statechange", () => worker.state === "activated" && resolve());
    });
    const own = performance
      .getEntriesByType("resource")
      .map((entry) => entry.name)
      .filter((url) => new URL(url).origin === location.origin);
    // The page, its printable version (which the failure notice offers), its framework and scorer.
    // The scorer's gzip copies, or the plain files where the browser cannot decompress them (scorer.js).
    const gzip = typeof DecompressionStream === "function";
    const needed = [
      location.href.split("#")[0],
      absolute(config.printable),
      absolute(form.dataset.frameworkUrl) + (gzip ? ".gz" : ""),
      absolute(config.worker),
    ];
    const keep = gzip ? config.keep : config.keep.map((url) => url.replace(/\.gz$/, ""));
    const urls = [...needed, ...keep.map(absolute), ...own];
    navigator.serviceWorker.addEventListener("message", ({ data }) => {
      if (data?.type === "kept") form.dataset.offline = "kept";
    });
    worker.postMessage({ type: "keep", urls: [...new Set(urls)] });
  } catch {
    // Offline use is a bonus: without it the page works exactly as before.
  }
}

// Forgets the pages of the site at `scope` this device keeps (what the offline page lists: a
// list of what was read, on a shared ward computer), with their files; the offline page stays,
// shown with no connection, and the scorer's own files (the same for everyone).
export async function forgetKept(scope) {
  const offlinePage = new URL(`${scope}offline/`, location.origin).href; // generator/pages/uris.py OFFLINE_URI
  for (const name of (await caches.keys()).filter((n) => ofSite(n, scope))) {
    if (/^huddle-(pages|files)-/.test(name)) {
      await caches.delete(name);
      continue;
    }
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const type = (await cache.match(request))?.headers.get("content-type") || "";
      if (type.startsWith("text/html") && request.url !== offlinePage) await cache.delete(request);
    }
  }
}
