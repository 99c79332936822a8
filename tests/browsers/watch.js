// Run in the assessment page once it has loaded, by every browser's smoke test (tests/every_browser.py):
// marks "smoke:submit" when the form is submitted, so the time from "See my results" to the page's own
// "huddle:results-shown" mark can be read back, in the page's clock, with the page's "huddle:scorer-ready".
document
  .querySelector("[data-huddle-submit]")
  .form.addEventListener("submit", () => performance.mark("smoke:submit"), { capture: true })
