// Huddle assessment page: starts the scoring worker as the page opens, and on
// "See my results" sends the answers to it and shows the scores. Answers never
// leave this browser: the worker scores them locally with Pyodide.

const config = JSON.parse(document.getElementById("huddle-config").textContent);
const form = document.querySelector("[data-huddle-assessment]");
const status = form.querySelector("[data-huddle-status]");
const submit = form.querySelector("[data-huddle-submit]");
const results = document.querySelector("[data-huddle-results]");

const absolute = (url) => new URL(url, document.baseURI).href;

let state = "booting"; // booting | ready | failed
let bootError = "";
let pending = null; // answers waiting for the scorer to be ready
let nextId = 0;

const worker = new Worker(absolute(config.worker), { type: "module" });
worker.postMessage({
  type: "init",
  pyodide: absolute(config.pyodide),
  scoring: absolute(config.scoring),
  framework: absolute(form.dataset.frameworkUrl),
  bootTimeout: config.bootTimeout,
});
form.dataset.scorer = "booting";

worker.onmessage = ({ data }) => {
  if (data.type === "ready") {
    state = "ready";
    form.dataset.scorer = "ready";
    if (pending) score(pending);
  } else if (data.type === "failed") {
    state = "failed";
    bootError = data.message;
    form.dataset.scorer = "failed";
    if (pending) showFailure();
  } else if (data.type === "scored") {
    status.textContent = "";
    showResults(data.result);
  } else if (data.type === "error") {
    status.textContent = `Your answers could not be scored: ${data.message}`;
  }
};
worker.onerror = (event) => {
  state = "failed";
  bootError = event.message || "the scoring worker could not start";
  form.dataset.scorer = "failed";
  if (pending) showFailure();
};

function answers() {
  const out = {};
  for (const [name, value] of new FormData(form)) {
    out[name] = value === "na" ? "na" : Number(value);
  }
  return out;
}

function score(answers) {
  pending = null;
  worker.postMessage({ type: "score", id: nextId++, answers });
}

function showFailure() {
  status.textContent =
    `Your answers are still here, but the scorer could not start: ${bootError}. ` +
    "Try reloading the page, or use a recent browser with WebAssembly enabled.";
}

function showResults(result) {
  const body = results.querySelector("tbody");
  body.replaceChildren(
    ...result.competencies.map((competency) => {
      const row = document.createElement("tr");
      row.dataset.competency = competency.id;
      const title = document.createElement("th");
      title.scope = "row";
      title.textContent = competency.title;
      const value = document.createElement("td");
      value.dataset.score = "";
      value.textContent = competency.score ?? "not enough answers";
      row.append(title, value);
      return row;
    }),
  );
  results.hidden = false;
  results.focus();
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const given = answers();
  if (state === "ready") {
    score(given);
  } else if (state === "failed") {
    pending = given;
    showFailure();
  } else {
    pending = given;
    status.textContent = "The scorer is still getting ready; your results will appear in a moment.";
  }
});

form.querySelector("[data-huddle-nojs]").hidden = true;
submit.hidden = false;
