// What sticks to the top of the view: Material's header (2.4rem, while it sticks: see huddle.css)
// and a page's bar, whose height changes with what it says, measured into a CSS variable, so that
// whatever is brought into view (by a script, an in-page link or the keyboard) lands just below
// them: `scroll-padding-top` and `scroll-margin-top` in huddle.css. WCAG 2.2 2.4.11, focus not
// obscured. Read from the observer's own sizes, so measuring never makes the browser lay out the
// page again (it would lengthen the start-up task).

const root = document.documentElement;

export function measureSticky(bar) {
  if (!bar) return;
  let said = "";
  new ResizeObserver(([entry]) => {
    const height = Math.ceil(entry.borderBoxSize?.[0]?.blockSize ?? entry.contentRect.height);
    if (`${height}px` !== said) root.style.setProperty("--huddle-bar", (said = `${height}px`));
  }).observe(bar);
}

// `target` at the top of the view, below what sticks there, and focus on `focus` (the target by default).
export function jumpTo(target, focus = target) {
  target.scrollIntoView({ block: "start" });
  if (!focus.matches("a[href], button, input, select, textarea, summary, [tabindex]")) focus.tabIndex = -1;
  focus.focus({ preventScroll: true });
}

// In-page links ("Start now", the results' "jump to" links) land the same way, and take focus with
// them. The address gains the link's `#part`, as a link's would, unless it carries something else
// (an invitation's `#join=...`, which a reload must still find).
export function jumpLinks(within) {
  within.addEventListener("click", (event) => {
    const link = event.target.closest("a[href^='#']");
    if (!link || event.defaultPrevented || link.hash.length < 2) return;
    const target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!target) return;
    event.preventDefault();
    const here = location.hash.slice(1);
    if (!here || document.getElementById(here)) history.pushState(null, "", link.hash);
    jumpTo(target);
  });
}
