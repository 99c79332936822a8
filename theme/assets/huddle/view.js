// Puts HTML the scoring package rendered into the page: it escapes everything but the
// guidance the build rendered from the framework's Markdown. Each link carries its full
// address for print, where it follows the link's text. With `newTab` (the results, which
// say so), links open in a new tab: following one must not take the results away.
export function insert(target, html, { newTab = false } = {}) {
  target.innerHTML = html;
  for (const link of target.querySelectorAll("a[href]")) {
    link.dataset.address = link.href;
    if (newTab && !link.getAttribute("href").startsWith("#")) Object.assign(link, { target: "_blank", rel: "noopener" });
  }
}
