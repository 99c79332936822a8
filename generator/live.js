// `huddle serve` only: the server adds this script to the pages it serves (never to
// the built site). It listens to the server's events: after a rebuild the page
// reloads itself; after a failed one it shows the server's message at the top of
// the page, until a rebuild succeeds. Same origin and no inline code or styles, so
// the page's Content Security Policy allows it as it is.
(() => {
  const script = document.currentScript;
  const events = new EventSource(new URL("events", script.src));
  const built = Number(script.dataset.build);
  let shown = null;

  const show = (error) => {
    shown?.remove();
    shown = null;
    if (!error) return;
    shown = document.createElement("div");
    shown.className = "admonition failure";
    shown.setAttribute("role", "alert");
    shown.dataset.huddleRebuild = "failed";
    const title = document.createElement("p");
    title.className = "admonition-title";
    title.textContent = error.title;
    const text = document.createElement("pre");
    text.textContent = error.text;
    shown.append(title, text);
    const where = document.querySelector(".md-content__inner") ?? document.body;
    where.prepend(shown);
    shown.classList.add("md-typeset");
  };

  events.addEventListener("state", (event) => {
    const state = JSON.parse(event.data);
    if (state.build !== built && !state.error) {
      location.reload();
      return;
    }
    show(state.error);
  });
})();
