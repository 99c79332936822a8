// Only Huddle's service worker serves this site. A service worker registered by any other
// script of this origin (a file an author once published, say) could go on answering for
// every page, and reading what they store, after the file itself is gone; each page
// unregisters every registration whose script is not Huddle's own (huddle-offline.js).
const own = new URL(document.currentScript.dataset.offline, location.href).pathname;
navigator.serviceWorker
  ?.getRegistrations()
  .then((registrations) => {
    for (const registration of registrations) {
      const worker = registration.active || registration.waiting || registration.installing;
      if (!worker || new URL(worker.scriptURL).pathname !== own) registration.unregister();
    }
  })
  .catch(() => {}); // no service workers here (a private window, say): nothing to remove
