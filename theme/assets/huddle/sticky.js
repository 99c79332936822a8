// What sticks to the top of the view (Material's header, while it sticks, and a page's bar),
// measured into CSS variables, so that whatever is brought into view (by a script, an in-page
// link or the keyboard) lands just below it: `scroll-padding-top` and `scroll-margin-top` in
// huddle.css. WCAG 2.2 2.4.11, focus not obscured.

const root = document.documentElement;

export function measureSticky(bar) {
  const header = document.querySelector(".md-header");
  const measure = () => {
    const stuck = header && ["sticky", "fixed"].includes(getComputedStyle(header).position);
    const height = stuck ? header.offsetHeight : 0;
    root.style.setProperty("--huddle-header", `${height}px`);
    if (bar) root.style.setProperty("--huddle-bar", `${bar.offsetHeight}px`);
  };
  // Called once laid out, then as the window, the zoom or what the bar says changes its size.
  const watch = new ResizeObserver(measure);
  for (const part of [header, bar]) if (part) watch.observe(part);
  window.addEventListener("resize", measure);
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
