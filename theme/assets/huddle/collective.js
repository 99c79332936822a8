// A collective page: result codes pooled into a team (or board) profile in this
// browser. The scoring worker reads the codes and renders the profile (Python,
// escaping by default); this file only starts it, passes the text pasted or
// loaded, inserts what comes back and wires the buttons. Nothing is sent anywhere.

import { download } from "./download.js";
import { say } from "./messages.js";
import { startPageScorer } from "./scorer.js";

const config = JSON.parse(document.getElementById("huddle-config").textContent);
const form = document.querySelector("[data-huddle-collective]");
const $ = (selector, root = document) => root.querySelector(selector);

const status = $("[data-huddle-status]", form);
const codes = $("[data-huddle-codes]", form);
const earlier = $("[data-huddle-earlier-codes]", form);
const profile = $("[data-huddle-profile]");
let shown = null; // {view, notes, csv, stem}
let waiting = false;

const scorer = startPageScorer(config, form.dataset.frameworkUrl, (said) => {
  if (waiting) status.textContent = said;
});
form.dataset.scorer = "booting";
scorer.ready.then(
  () => {
    form.dataset.scorer = "ready";
    if (waiting) show();
  },
  (error) => {
    form.dataset.scorer = "failed";
    status.textContent = error.message;
  },
);

function insert(target, html) {
  target.innerHTML = html;
  for (const link of target.querySelectorAll("a[href]")) link.dataset.address = link.href;
}

async function show() {
  if (scorer.state !== "ready") {
    waiting = true;
    status.textContent = say("still-booting");
    return;
  }
  waiting = false;
  try {
    const { team, group } = config.thresholds;
    shown = await scorer.call("team", [codes.value, earlier.value, team, group]);
    insert($("[data-huddle-batch]", profile), shown.notes);
    insert($("[data-huddle-profile-view]", profile), shown.view);
    status.textContent = say("codes-counted", { counted: shown.counted });
    $(".huddle-buttons", profile).hidden = !shown.shown;
    profile.hidden = false;
    profile.focus();
  } catch (error) {
    status.textContent = error.message;
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  show();
});

$("[data-huddle-codes-file]", form).addEventListener("change", async (event) => {
  const file = event.target.files[0];
  if (!file) return;
  if (file.size > config.maxFileBytes) {
    status.textContent = say("file-too-big");
  } else {
    const text = await file.text();
    codes.value = codes.value.trim() ? `${codes.value.trimEnd()}\n${text}` : text;
    status.textContent = say("codes-loaded");
  }
  event.target.value = "";
});

$("[data-huddle-download]", profile).addEventListener("click", () => {
  if (shown) download(`${shown.stem}.csv`, "text/csv", shown.csv);
});
$("[data-huddle-print]", profile).addEventListener("click", () => window.print());
