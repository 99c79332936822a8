// Material for MkDocs' inline start-up script (partials/javascripts/base.html), moved
// to a file for a strict CSP, with one change for privacy law (UK PECR): Material
// writes to localStorage as pages load (the colour palette, among others). Here it
// may only store the palette, and only once the person has chosen one with the
// toggle; every other write is dropped. Reading is unchanged.
// The __md_ names are Material's page-wide globals, as its inline script makes them (its bundle reads them).
/* global __md_scope: writable, __md_hash: writable, __md_get: writable, __md_set: writable, __md_chosen: writable */
/* exported __md_hash, __md_get, __md_set */
__md_scope = new URL(document.currentScript.dataset.scope, location);
__md_hash = (e) => [...e].reduce((e, _) => (e << 5) - e + _.charCodeAt(0), 0);
__md_get = (e, _ = localStorage, t = __md_scope) => JSON.parse(_.getItem(t.pathname + "." + e));
__md_chosen = false;
document.addEventListener("change", (event) => {
  if (event.isTrusted && event.target.name === "__palette") __md_chosen = true;
}, true);
__md_set = (e, _, t = localStorage, a = __md_scope) => {
  if (e !== "__palette" || !__md_chosen) return;
  try {
    t.setItem(a.pathname + "." + e, JSON.stringify(_));
  } catch {
    // storage full or blocked: the palette is simply not remembered
  }
};
