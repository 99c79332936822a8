// Puts HTML the scoring package rendered into the page: it escapes everything but the
// guidance the build rendered from the framework's Markdown. Each link carries its full
// address for print, where it follows the link's text.
export function insert(target, html) {
  target.innerHTML = html;
  for (const link of target.querySelectorAll("a[href]")) link.dataset.address = link.href;
}
