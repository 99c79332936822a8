// A function of a statement's id and an answer's text: the label a person clicks to give that answer, or null.
(item, label) => {
  const labels = document.querySelectorAll(`fieldset[data-item="${CSS.escape(item)}"] label`);
  return [...labels].find((each) => each.textContent.trim() === label) ?? null;
}
