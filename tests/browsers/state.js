// Evaluated in the assessment page when a smoke test fails: the scorer's state and what the page says.
(() => {
  const form = document.querySelector("[data-huddle-submit]")?.form;
  if (!form) return "no assessment form on the page";
  const said = (selector) => form.querySelector(selector)?.textContent.trim() ?? "";
  const submitted = performance.getEntriesByName("smoke:submit").length ? "submitted" : "never submitted";
  return `scorer ${form.dataset.scorer}, ${submitted}; notice: "${said("[data-huddle-notice-text]")}"; bar: "${said("[data-huddle-status]")}"`;
})()
