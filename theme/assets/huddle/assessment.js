// Huddle assessment page. Starts the scorer as the page opens; tracks
// progress; offers opt-in saving; on "See my results" checks for unanswered
// statements (error summary, GOV.UK pattern), then shows results scored in
// this browser. Answers never leave the device unless the person downloads them.

import { startScorer } from "./scorer.js";
import { storageFor } from "./storage.js";
import { download, showComparison, showResults } from "./results.js";

const config = JSON.parse(document.getElementById("huddle-config").textContent);
const guidance = JSON.parse(document.getElementById("huddle-guidance").textContent);
const form = document.querySelector("[data-huddle-assessment]");
const $ = (selector, root = document) => root.querySelector(selector);
const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];
const absolute = (url) => new URL(url, document.baseURI).href;

const status = $("[data-huddle-status]", form);
const summary = $("[data-huddle-error-summary]", form);
const results = $("[data-huddle-results]");
const total = Number(form.dataset.total);
const items = $$("fieldset[data-item]", form);

let lastReport = null; // {answers, report} of the results on screen
let earlier = null; // {answers, date} of a loaded earlier result

const scorer = startScorer({
  workerUrl: absolute(config.worker),
  pyodideUrl: absolute(config.pyodide),
  scoringUrl: absolute(config.scoring),
  frameworkUrl: absolute(form.dataset.frameworkUrl),
  bootTimeout: config.bootTimeout,
});
form.dataset.scorer = "booting";
scorer.ready.then(
  () => (form.dataset.scorer = "ready"),
  (error) => {
    form.dataset.scorer = "failed";
    showFailure(error); // at once, not only when the person asks for results
  },
);

// Answers -------------------------------------------------------------------

function answers() {
  const out = {};
  for (const fieldset of items) {
    const chosen = $("input[type=radio]:checked", fieldset);
    if (chosen) out[fieldset.dataset.item] = chosen.value === "na" ? "na" : Number(chosen.value);
  }
  return out;
}

function setAnswers(given) {
  for (const fieldset of items) {
    const value = given[fieldset.dataset.item];
    for (const radio of $$("input[type=radio]", fieldset)) radio.checked = String(value) === radio.value;
  }
  updateProgress();
}

function unanswered() {
  const given = answers();
  return items.filter((fieldset) => !(fieldset.dataset.item in given));
}

function updateProgress() {
  const text = `${total - unanswered().length} of ${total} answered`;
  $("[data-huddle-progress]", form).textContent = text;
  $("[data-huddle-progress-copy]", form).textContent = text;
}

// Saving on this device (opt-in) ----------------------------------------------

const storage = storageFor(`huddle:${form.dataset.huddleAssessment}:`, form.dataset.version);
const saveBox = $("[data-huddle-save]", form);
if (storage.available) {
  $("[data-huddle-storage]", form).hidden = false;
  const saved = storage.read();
  if (saved) {
    setAnswers(saved);
    saveBox.checked = true;
    status.textContent = "Your saved answers from this device have been restored.";
  }
}
saveBox.addEventListener("change", () => {
  if (saveBox.checked) {
    status.textContent = storage.write(answers())
      ? "Your answers will be saved on this device as you go."
      : "Your answers could not be saved: this browser's storage is full or blocked.";
  } else {
    storage.remove();
    status.textContent = "Saving is off, and the answers saved on this device have been removed.";
  }
});
function clearEverything() {
  storage.removeAll();
  saveBox.checked = false;
  setAnswers({});
  summary.hidden = true;
  results.hidden = true;
  lastReport = null;
  earlier = null;
  $("[data-huddle-compare]", results).hidden = true;
  for (const said of $$("[data-huddle-earlier-status]")) said.textContent = "";
  for (const button of $$("[data-huddle-use-earlier]")) button.hidden = true;
  document.body.classList.remove("huddle-has-results", "huddle-compared");
  for (const fieldset of items) fieldset.classList.remove("huddle-item--unanswered");
}
$("[data-huddle-clear-box]", form).hidden = false;
$("[data-huddle-clear]", form).addEventListener("click", () => {
  clearEverything();
  status.textContent = "Your answers and results have been cleared from this page and from this device.";
});

// Back and Forward can bring a page back with its answers still ticked; unless the
// person chose to save them, a page shown again starts empty (shared computers).
window.addEventListener("pageshow", (event) => {
  if (event.persisted && !saveBox.checked) clearEverything();
});

form.addEventListener("change", (event) => {
  if (event.target.type !== "radio") return;
  event.target.closest("fieldset")?.classList.remove("huddle-item--unanswered");
  updateProgress();
  if (saveBox.checked) storage.write(answers());
});

// Results ---------------------------------------------------------------------

function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function showFailure(error) {
  const printable = Object.assign(document.createElement("a"), {
    href: guidance.print,
    textContent: "printable version with its scoring key",
  });
  status.replaceChildren(
    `Your answers are still here, but the scorer could not start: ${error.message}. ` +
      "Try reloading the page, or use the ",
    printable,
    ".",
  );
}

async function compareWithEarlier() {
  if (!earlier || !lastReport) return;
  const rows = await scorer.call("compare", [earlier.answers, lastReport.answers]);
  showComparison(results, rows, earlier.date);
  document.body.classList.add("huddle-compared");
}

async function seeResults() {
  summary.hidden = true;
  const given = answers();
  if (scorer.state === "booting") {
    status.textContent = "The scorer is still getting ready; your results will appear in a moment.";
  }
  try {
    const report = await scorer.call("report", [given, today()]);
    lastReport = { answers: given, report };
    status.textContent = "";
    showResults(results, report, guidance);
    results.hidden = false;
    document.body.classList.add("huddle-has-results");
    await compareWithEarlier();
    performance.mark("huddle:results-shown");
    results.focus();
  } catch (error) {
    if (scorer.state === "failed") showFailure(error);
    else status.textContent = `Your answers could not be scored: ${error.message}`;
  }
}

function showErrorSummary(missing) {
  const list = $("[data-huddle-error-list]", summary);
  list.replaceChildren(
    ...missing.map((fieldset) => {
      fieldset.classList.add("huddle-item--unanswered");
      const link = Object.assign(document.createElement("a"), {
        href: `#${fieldset.id}`,
        textContent: $("legend", fieldset).textContent,
      });
      link.addEventListener("click", (event) => {
        event.preventDefault();
        fieldset.scrollIntoView({ block: "center" });
        $("input", fieldset).focus();
      });
      const item = document.createElement("li");
      item.append(link);
      return item;
    }),
  );
  const count = missing.length;
  $("[data-huddle-error-title]", summary).textContent =
    `${count} ${count === 1 ? "statement is" : "statements are"} not answered`;
  summary.hidden = false;
  summary.focus();
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const missing = unanswered();
  if (missing.length) showErrorSummary(missing);
  else seeResults();
});
$("[data-huddle-continue]", summary).addEventListener("click", seeResults);

for (const button of $$("[data-huddle-download]", results)) {
  button.addEventListener("click", () => {
    if (!lastReport) return;
    const { report } = lastReport;
    const stem = `${report.framework.id}-${report.date}`;
    if (button.dataset.huddleDownload === "json") download(`${stem}.json`, "application/json", report.saved);
    else download(`${stem}.csv`, "text/csv", report.csv);
  });
}
$("[data-huddle-print]", results).addEventListener("click", () => window.print());

// Earlier results: compare, and restore answers for a retake --------------------

for (const box of $$("[data-huddle-earlier-box]")) {
  box.hidden = false;
  const input = $("[data-huddle-earlier]", box);
  const said = $("[data-huddle-earlier-status]", box);
  const replace = $("[data-huddle-use-earlier]", box);
  replace.addEventListener("click", () => {
    setAnswers(earlier.answers);
    if (saveBox.checked) storage.write(answers());
    replace.hidden = true;
    said.textContent = "Your earlier answers are filled in below. Change any that differ now, then see your results.";
  });
  input.addEventListener("change", async () => {
    const file = input.files[0];
    if (!file) return;
    said.textContent = "Reading the file…";
    replace.hidden = true;
    try {
      const loaded = await scorer.call("read_saved", [await file.text()]);
      earlier = loaded;
      const hasAnswers = Object.keys(answers()).length > 0;
      if (!hasAnswers) setAnswers(loaded.answers);
      replace.hidden = !hasAnswers;
      said.textContent = hasAnswers
        ? "Loaded your earlier result. Your current answers are kept, and your results will show what changed."
        : "Loaded your earlier result: its answers are filled in below. Change any that differ now, then see " +
          "your results to see what changed.";
      await compareWithEarlier();
    } catch (error) {
      said.textContent = scorer.state === "failed" ? `The file could not be read: ${error.message}.` : error.message;
    } finally {
      input.value = "";
    }
  });
}

$("[data-huddle-nojs]", form).hidden = true;
$("[data-huddle-submit]", form).hidden = false;
updateProgress();
