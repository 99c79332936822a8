// The answers of a questionnaire's fieldsets (each `fieldset[data-item]` of radios that
// carry their answer as JSON: a scale value, or the "not applicable" one), read, filled
// in, and resumed where the person stopped. The assessment and the rater page share it.

import { say } from "./messages.js";
import { jumpTo } from "./sticky.js";

export function readAnswers(items) {
  const out = {};
  for (const fieldset of items) {
    const chosen = fieldset.querySelector("input[type=radio]:checked");
    if (chosen) out[fieldset.dataset.item] = JSON.parse(chosen.dataset.answer);
  }
  return out;
}

export function fillAnswers(items, given) {
  for (const fieldset of items) {
    const value = JSON.stringify(given[fieldset.dataset.item]);
    for (const radio of fieldset.querySelectorAll("input[type=radio]")) radio.checked = radio.dataset.answer === value;
  }
}

export function unansweredOf(items) {
  const given = readAnswers(items);
  return items.filter((fieldset) => !(fieldset.dataset.item in given));
}

// Saved progress resumes where the person stopped, and says so in `status`, in view.
export function resume(items, status) {
  const left = unansweredOf(items);
  const total = items.length;
  const answered = total - left.length;
  if (!left.length) {
    status.textContent = say("resumed-all", { total });
    return;
  }
  status.textContent = say("resumed", { answered, total, number: items.indexOf(left[0]) + 1 });
  if (answered) jumpTo(left[0], left[0].querySelector("input"));
}
