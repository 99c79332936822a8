// Huddle assessment page. Starts the scorer as the page opens and shows how its
// download is going; tracks progress; offers opt-in saving; on the results button
// lists the statements left (all optional), then shows results scored in this
// browser. Answers never leave the device unless the person downloads them, and
// nothing here ever needs a reload: a scorer that fails is started again in place.
//
// The results view is HTML rendered by the Python scoring package in the
// worker, and every sentence comes from the build (see messages.js): this
// file only inserts what it is given and wires events.

import { fillAnswers, readAnswers, unansweredOf } from "./answers.js";
import { download, today } from "./download.js";
import { forgetKept, scopeOf } from "./keep.js";
import { config, say, sayWith } from "./messages.js";
import { pageScorer } from "./scorer.js";
import { readInvitation, seal, sealingAvailable } from "./seal.js";
import { codeBox, nonce } from "./share.js";
import { jumpLinks, jumpTo, measureSticky } from "./sticky.js";
import { insert } from "./view.js";
import { keepProgress } from "./storage.js";

const form = document.querySelector("[data-huddle-assessment]");
const $ = (selector, root = document) => root.querySelector(selector);
const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];

const status = $("[data-huddle-status]", form);
const loading = $("[data-huddle-loading]", form);
const notice = $("[data-huddle-notice]", form);
const retryLine = $("[data-huddle-retry-line]", form);
const gaps = $("[data-huddle-gaps]", form);
const results = $("[data-huddle-results]");
const notes = $("[data-huddle-notes]", results);
const code = codeBox(results);
const total = Number(form.dataset.total);
const items = $$("fieldset[data-item]", form);

// The results on screen: {answers, date, view, comparison, json, csv, stem}.
let shown = null;
// {answers, date} of a loaded earlier result.
let earlier = null;
// Asked for results before the scorer was ready.
let waitingForResults = false;
// Why the scorer could not start, while it could not.
let failure = null;

// The scorer --------------------------------------------------------------------

const scorer = pageScorer(form, {
  progress(said) {
    loading.hidden = false;
    loading.textContent = said;
  },
  ready() {
    loading.hidden = true;
    if (waitingForResults) seeResults();
  },
  failed(error) {
    failure = error;
    // At once, not only when the person asks for results; but someone already answering
    // is not taken away from the statement they are on: the sticky bar says it instead.
    showFailure(error, { move: waitingForResults || Object.keys(answers()).length === 0 });
  },
});

// Said at the top of the questions and, with "Try again", in the sticky bar, which is always
// in view; with `move`, the notice is brought into view with focus, so it is seen on a phone too.
function showFailure(error, { move = true } = {}) {
  const link = Object.assign(document.createElement("a"), {
    href: config.printable,
    textContent: say("printable-link"),
  });
  // Blocked by the site's policy, trying again cannot help: the printable version can.
  const blocked = error.key === "wasm-blocked";
  $("[data-huddle-notice-text]", notice).replaceChildren(
    ...(blocked
      ? sayWith("boot-blocked", {}, { printable: link })
      : sayWith("boot-failed", { reason: error.message }, { printable: link })),
  );
  notice.hidden = false;
  status.textContent = "";
  loading.hidden = false;
  loading.textContent = say("boot-failed-bar");
  retryLine.hidden = blocked;
  if (move) jumpTo(notice);
}

// The person stays where they are: the bar says how the new start is going.
$("[data-huddle-retry]", retryLine).addEventListener("click", () => {
  notice.hidden = true;
  retryLine.hidden = true;
  failure = null;
  status.textContent = say("retrying");
  scorer.start();
});

// Answers -------------------------------------------------------------------

function answers() {
  return readAnswers(items);
}

function setAnswers(given) {
  fillAnswers(items, given);
  updateProgress();
}

function unanswered() {
  return unansweredOf(items);
}

function updateProgress() {
  $("[data-huddle-progress]", form).textContent = say("progress", { answered: total - unanswered().length, total });
}

// Keeping answers: for this tab always, on this device when the person opts in (storage.js)

const progress = keepProgress(form, `huddle:${form.dataset.huddleAssessment}:`, {
  items,
  status,
  notes: () => notes.value,
  restore(saved) {
    updateProgress();
    setNotes(saved.notes);
  },
});
const clearBox = $("[data-huddle-clear-box]", form);
const confirmBox = $("[data-huddle-confirm]", form);

function clearEverything() {
  progress.clear();
  // The pages of this site the device keeps for offline use: a list of what was read (offline.js).
  if ("caches" in window) forgetKept(scopeOf(config)).catch(() => {});
  setAnswers({});
  setNotes("");
  gaps.hidden = true;
  results.hidden = true;
  shown = null;
  earlier = null;
  $("[data-huddle-comparison]", results).replaceChildren();
  code.hide();
  for (const said of $$("[data-huddle-earlier-status]")) said.textContent = "";
  for (const button of $$("[data-huddle-use-earlier]")) button.hidden = true;
  document.body.classList.remove("huddle-has-results", "huddle-compared");
}
clearBox.hidden = false;
$("[data-huddle-clear]", form).addEventListener("click", () => {
  confirmBox.hidden = false;
  confirmBox.focus();
});
$("[data-huddle-keep]", form).addEventListener("click", () => {
  confirmBox.hidden = true;
  $("[data-huddle-clear]", form).focus();
});
$("[data-huddle-confirm-clear]", form).addEventListener("click", () => {
  confirmBox.hidden = true;
  clearEverything();
  status.textContent = say("cleared");
  $("[data-huddle-clear]", form).focus();
});

form.addEventListener("change", (event) => {
  if (event.target.type !== "radio") return;
  updateProgress();
  progress.keep();
});

// Notes: typed by the person, so never re-rendered; a copy prints in their place.
function setNotes(text) {
  notes.value = text;
  $("[data-huddle-notes-print]", results).textContent = text;
}
notes.addEventListener("input", () => {
  $("[data-huddle-notes-print]", results).textContent = notes.value;
  progress.keep();
});

// Results ---------------------------------------------------------------------

// Score `given` (with the change since an earlier result, when one is loaded) and show it.
async function show(given) {
  const date = today();
  shown = { answers: given, date, ...(await scorer.call("results", { answers: given, date, earlier })) };
  insert($("[data-huddle-results-view]", results), shown.view, { newTab: true });
  insert($("[data-huddle-comparison]", results), shown.comparison, { newTab: true });
  document.body.classList.toggle("huddle-compared", Boolean(shown.comparison));
}

async function seeResults() {
  gaps.hidden = true;
  if (scorer.state !== "ready") {
    // Said in the sticky bar, which stays in view; results follow once the scorer is ready.
    waitingForResults = true;
    if (failure) showFailure(failure);
    else status.textContent = scorer.said("still-booting");
    return;
  }
  waitingForResults = false;
  try {
    await show(answers());
    status.textContent = "";
    results.hidden = false;
    document.body.classList.add("huddle-has-results");
    performance.mark("huddle:results-shown");
    jumpTo($("#huddle-results-title", results));
  } catch (error) {
    status.textContent = say("not-scored", { reason: error.message });
  }
}

function showGaps(missing) {
  $("[data-huddle-gaps-list]", gaps).replaceChildren(
    ...missing.map((fieldset) => {
      const link = Object.assign(document.createElement("a"), {
        href: `#${fieldset.id}`,
        textContent: $("legend", fieldset).textContent,
      });
      link.addEventListener("click", (event) => {
        event.preventDefault();
        goTo(fieldset);
      });
      const item = document.createElement("li");
      item.append(link);
      return item;
    }),
  );
  $("[data-huddle-gaps-title]", gaps).textContent = say("answered-some", { answered: total - missing.length, total });
  gaps.hidden = false;
  jumpTo(gaps);
}

function goTo(fieldset) {
  jumpTo(fieldset, $("input", fieldset));
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const missing = unanswered();
  if (missing.length) showGaps(missing);
  else seeResults();
});
$("[data-huddle-continue]", gaps).addEventListener("click", seeResults);
$("[data-huddle-continue-answering]", gaps).addEventListener("click", () => {
  gaps.hidden = true;
  const missing = unanswered();
  if (missing.length) goTo(missing[0]);
});

for (const button of $$("[data-huddle-download]", results)) {
  button.addEventListener("click", async () => {
    if (!shown) return;
    const kind = button.dataset.huddleDownload;
    if (kind === "csv") {
      download(`${shown.stem}.csv`, "text/csv", shown.csv);
      return;
    }
    // The notes as they are now: they are typed after the results are shown.
    const saved = await scorer.call("saved", { answers: shown.answers, date: shown.date, notes: notes.value });
    download(`${shown.stem}.json`, "application/json", saved);
  });
}
$("[data-huddle-print]", results).addEventListener("click", () => window.print());

// A result code to pool with a team: made by the scoring package from the answers shown,
// a chosen group and three random numbers (so equal answers still give different codes).
// Opened from an invitation (`#join=...`), the code is sealed for its collection where this browser can.
const invitation = readInvitation(location.hash);
const sealFor = invitation && sealingAvailable() ? invitation : null;
if (invitation) {
  const note = $("[data-huddle-sealed-note]", results);
  note.hidden = false;
  note.textContent = sealFor ? say("code-sealed-note", { collection: invitation.collection }) : say("invitation-no-sealing");
  if (sealFor) $("[data-huddle-plain-note]", results).hidden = true;
}
$("[data-huddle-get-code]", results).addEventListener("click", async () => {
  if (!shown) return;
  const group = $("[data-huddle-group]", results)?.value ?? "";
  try {
    const made = await scorer.call("code", { answers: shown.answers, group, role: "", nonce: nonce() });
    code.show(sealFor ? await seal(made, sealFor) : made);
    if (sealFor) code.say(say("code-sealed-made", { collection: sealFor.collection }));
  } catch (error) {
    code.say(error.message);
  }
});

// Earlier results: compare, and restore answers for a retake --------------------

// A refused file replaces any earlier result: the results on screen stop comparing with it.
async function forgetEarlier() {
  if (!earlier) return;
  earlier = null;
  if (shown) await show(shown.answers);
}

for (const box of $$("[data-huddle-earlier-box]")) {
  box.hidden = false;
  const input = $("[data-huddle-earlier]", box);
  const said = $("[data-huddle-earlier-status]", box);
  const replace = $("[data-huddle-use-earlier]", box);
  replace.addEventListener("click", () => {
    setAnswers(earlier.answers);
    progress.keep();
    replace.hidden = true;
    said.textContent = say("earlier-replaced");
  });
  input.addEventListener("change", async () => {
    const file = input.files[0];
    if (!file) return;
    replace.hidden = true;
    if (file.size > config.maxFileBytes) {
      // Refused before reading: a huge file would take the tab, and every answer, with it.
      said.textContent = say("file-too-big");
      input.value = "";
      await forgetEarlier();
      return;
    }
    said.textContent = say("reading-file");
    try {
      earlier = await scorer.call("read_saved", { text: await file.text() });
      const hasAnswers = Object.keys(answers()).length > 0;
      if (!hasAnswers) {
        setAnswers(earlier.answers);
        progress.keep();
      }
      replace.hidden = !hasAnswers;
      said.textContent = say(hasAnswers ? "earlier-kept" : "earlier-filled");
      // The results on screen gain the comparison; focus stays here.
      if (shown) await show(shown.answers);
    } catch (error) {
      said.textContent = scorer.state === "failed" ? say("file-unreadable", { reason: error.message }) : error.message;
      await forgetEarlier();
    } finally {
      input.value = "";
    }
  });
}

$("[data-huddle-nojs]", form).hidden = true;
$("[data-huddle-submit]", form).hidden = false;
$("[data-huddle-resume]")?.removeAttribute("hidden");
updateProgress();
measureSticky($("[data-huddle-bar]", form));
jumpLinks(document.body);
scorer.start();
