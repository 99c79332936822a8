// Only Huddle's service worker serves this site. A service worker registered by any other
// script of this site (a file an author once published, say) could go on answering for every
// page, and reading what they store, after the file itself is gone; each page unregisters every
// registration inside this site's folder whose script is not Huddle's own (huddle-offline.js).
// Another site of the same origin (/trust-b/ beside /trust-a/) keeps its own.
const script = document.currentScript;
const own = new URL(script.dataset.offline, document.baseURI); // at the top of the site
const root = new URL(".", own).href;
navigator.serviceWorker
  ?.getRegistrations()
  .then((registrations) => {
    for (const registration of registrations) {
      if (!registration.scope.startsWith(root)) continue; // another site's
      const worker = registration.active || registration.waiting || registration.installing;
      if (!worker || new URL(worker.scriptURL).pathname !== own.pathname) registration.unregister();
    }
  })
  .catch(() => {}); // no service workers here (a private window, say): nothing to remove

// Every page registers Huddle's own worker (offline.js) once it has loaded, so that whatever page
// a person reads first, the pages they read next are kept for when the connection drops. A page
// that scores registers it itself (keep.js) once its scorer is ready, so that nothing competes
// with the scorer's download. The first page, opened before the worker was there, asks to be
// kept too; `data-offline=kept` on <html> says it is.
async function register() {
  const worker = `${script.dataset.offline}?build=${script.dataset.build}`; // the same URL as keep.js's
  const controlled = navigator.serviceWorker.controller;
  await navigator.serviceWorker.register(worker, { scope: new URL(".", new URL(worker, document.baseURI)).pathname });
  if (controlled) return; // the worker saw this page arrive and kept it
  const registration = await navigator.serviceWorker.ready;
  navigator.serviceWorker.addEventListener("message", ({ data }) => {
    if (data?.type === "visited-kept") document.documentElement.dataset.offline = "kept";
  });
  const files = performance.getEntriesByType("resource").map((entry) => entry.name);
  registration.active?.postMessage({ type: "visited", page: location.href.split("#")[0], files });
}

// (Offline, there is no new worker to look for.) Whether the page scores is asked once it has loaded:
// this script runs in the page's head, before the page's settings (`#huddle-config`) are parsed.
if (navigator.serviceWorker && navigator.onLine && script.dataset.build) {
  const start = () => {
    if (document.getElementById("huddle-config")) return; // it registers the worker itself, later (keep.js)
    register().catch(() => {}); // offline use is a bonus: the page works the same without it
  };
  if (document.readyState === "complete") start();
  else addEventListener("load", start, { once: true });
}
