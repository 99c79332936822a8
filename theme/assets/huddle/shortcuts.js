// Material's one-letter keyboard shortcuts (n, p, ".", ",", "/", s, f) are switched off
// on every page: WCAG 2.2 SC 2.1.4 asks for a way to turn such shortcuts off, and a
// site for the public has no need of them. Pressing "n" on a focused answer used to
// leave the assessment. A key event with no modifier for a single character stops
// here, before Material's listener on window sees it; typing into a field still
// works, since nothing prevents the key's default action.
window.addEventListener(
  "keydown",
  (event) => {
    if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.stopImmediatePropagation();
    }
  },
  { capture: true },
);
