// A function of the statement's id and an answer's text: the label a person clicks to give that answer, or
// null. It is scrolled to the middle of the view first, as a person scrolls to a statement (WebKitWebDriver's
// own scrolling leaves a label just below the view, where it cannot be clicked).
(item, label) => {
  const labels = document.querySelectorAll(`fieldset[data-item="${CSS.escape(item)}"] label`);
  const found = [...labels].find((each) => each.textContent.trim() === label) ?? null;
  found?.scrollIntoView({ block: "center" });
  return found;
}
