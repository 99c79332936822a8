// A collective page, worked out in this browser, nothing sent anywhere:
// - "team": result codes pooled into a team (or board) profile;
// - "360": a person's own code and their raters' codes, as 360 feedback;
// - "rater": a colleague answers in the rater's wording and gets a code to send back;
// - "organisation": many teams' profile files (or a survey export split by a column) side by side.
// The scoring worker reads the codes and renders everything (Python, escaping by
// default); this file only passes the text given, inserts what comes back and wires
// the buttons.

import { readAnswers } from "./answers.js";
import { collection } from "./collection.js";
import { download, today } from "./download.js";
import { config, failure, say } from "./messages.js";
import { pageScorer } from "./scorer.js";
import { openText, readInvitation, seal, sealingAvailable } from "./seal.js";
import { codeBox, nonce } from "./share.js";
import { keepProgress } from "./storage.js";
import { measureSticky } from "./sticky.js";
import { insert } from "./view.js";

const form = document.querySelector("[data-huddle-collective]");
const kind = form.dataset.huddleCollective;
const $ = (selector, root = document) => root.querySelector(selector);
const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];

const status = $("[data-huddle-status]", form);
const profile = $("[data-huddle-profile]");
const sealing = collection(); // the team and 360 pages' collection, to invite people and open sealed codes
let shown = null; // what the worker gave: {view, notes, csv, stem, ...}
let waiting = false;

// Started at once; after a failure (weak Wi-Fi), pressing the page's button again starts it afresh.
// The download shows in a quiet line from the start, so a facilitator sees when the page is ready.
const loading = $("[data-huddle-loading]", form);
// Once ready, the page is kept, so a facilitator can open it again in a room with no Wi-Fi.
const scorer = pageScorer(form, {
  progress(said) {
    loading.hidden = false;
    loading.textContent = said;
    if (waiting) status.textContent = said;
  },
  ready() {
    loading.hidden = false;
    loading.textContent = say("scorer-ready");
    if (waiting) go();
  },
  failed(error) {
    loading.hidden = true;
    waiting = false;
    status.textContent =
      error.key === "wasm-blocked"
        ? say("collective-boot-blocked")
        : say("collective-boot-failed", { reason: error.message });
  },
});
scorer.start();

// What went wrong, in place of whatever was shown before: a profile left on screen (and
// printed, or downloaded) would be taken for the codes just given.
function failed(error) {
  shown = null;
  if (profile) profile.hidden = true;
  status.textContent = error.message;
}

// A profile, a 360 or an organisation view: the lines (or files) not counted, then the view.
// `focus`: false when the person changed something inside the view, which keeps their place.
async function showProfile(name, args, focus = true) {
  shown = await scorer.call(name, args);
  insert($("[data-huddle-print-head]", profile), shown.head); // on paper only: the date and the round
  insert($("[data-huddle-batch]", profile), shown.notes);
  insert($("[data-huddle-profile-view]", profile), shown.view);
  status.textContent = say(kind === "organisation" ? "teams-counted" : "codes-counted", { counted: shown.counted });
  const buttons = $(".huddle-buttons", profile);
  buttons.hidden = shown.shown === false;
  const fileBox = $("[data-huddle-profile-file]", profile); // the team page's profile file, when one is shown
  if (fileBox) fileBox.hidden = !shown.figures || !Object.keys(shown.figures).length;
  profile.hidden = false;
  if (focus) profile.focus();
}

// The organisation view: the files chosen (read here, each at most maxFileBytes), or the survey
// export split by the column chosen, with the teams ticked as the board.
async function readFiles(input) {
  const files = [...(input?.files ?? [])];
  return Promise.all(
    files.map(async (file) => ({ name: file.name, text: file.size > config.maxFileBytes ? null : await file.text() })),
  );
}
let orgSurvey = null;
async function showOrganisation(focus = true) {
  const { team, group } = config.thresholds;
  const column = $("[data-huddle-group-column]", form)?.value;
  const args = {
    files: await readFiles($("[data-huddle-profile-files]", form)),
    earlier: await readFiles($("[data-huddle-earlier-files]", form)),
    board: $$("[data-huddle-board-choice]:checked", profile).map((box) => box.value),
    k: team,
    k_group: group,
    date: today(),
    survey_text: orgSurvey ?? "",
    grouped_by: orgSurvey && column ? Number(column) : null,
  };
  if (orgSurvey && args.grouped_by === null) {
    const asked = await scorer.call("organisation", args); // the columns of the file, to choose from
    insert($("[data-huddle-columns-box]", form), asked.columns);
    status.textContent = say("survey-group-now");
    $("[data-huddle-group-column]", form)?.focus();
    return;
  }
  await showProfile("organisation", args, focus);
}

// A rater's code: their role and their answers, read from the checked radios.
const code = kind === "rater" ? codeBox(form) : null;
const items = $$("fieldset[data-item]", form);
let coded = false; // a code was made from these answers
let warnedFew = false; // told that few statements are answered
const raterAnswers = () => readAnswers(items);
// A rater who came from an invitation gets a sealed code, where this browser can seal it.
const invitation = kind === "rater" ? readInvitation(location.hash) : null;
const sealFor = invitation && sealingAvailable() ? invitation : null;
if (invitation) {
  const note = $("[data-huddle-sealed-note]");
  note.hidden = false;
  note.textContent = sealFor
    ? say("rater-sealed", { collection: invitation.collection, least: config.thresholds.rater })
    : say("invitation-no-sealing");
  const plain = note.previousElementSibling; // the page's list of what plain codes show
  if (sealFor && plain?.tagName === "UL") plain.hidden = true;
}
async function raterCode() {
  status.textContent = "";
  const role = $("input[name='huddle-role']:checked", form).value;
  const made = await scorer.call("code", { answers: raterAnswers(), group: "", role, nonce: nonce() });
  code.show(sealFor ? await seal(made, sealFor) : made);
  if (sealFor) code.say(say("code-sealed-made", { collection: sealFor.collection }));
  coded = true;
}

// The codes as the scorer reads them: sealed ones opened with the collection's key file, when one is loaded.
async function opened(text) {
  const key = sealing.opened();
  return key ? openText(text, key) : text;
}
if (kind === "rater") {
  measureSticky($("[data-huddle-bar]", form)); // statements brought into view land below it
  const progress = $("[data-huddle-progress]", form);
  const counted = () =>
    (progress.textContent = say("progress", { answered: Object.keys(raterAnswers()).length, total: items.length }));
  // Kept as on the assessment: for this tab always, and on this device when the person opts in;
  // the answers, not the role. Leaving with answers and no code made from them asks first.
  const kept = keepProgress(form, `huddle-rater:${form.dataset.huddleFramework}:`, {
    items,
    status,
    restore: counted,
    unsaved: () => !coded,
  });
  form.addEventListener("change", (event) => {
    if (event.target.type !== "radio" || event.target.name === "huddle-role") return;
    coded = false;
    counted();
    kept.keep();
  });
}

async function go() {
  // The role is asked for at once, not once the scorer has downloaded.
  if (kind === "rater" && !$("input[name='huddle-role']:checked", form)) {
    status.textContent = say("choose-role");
    $("input[name='huddle-role']", form).focus();
    return;
  }
  // A code from a few answers counts for little: asked once, then made if pressed again.
  if (kind === "rater" && !warnedFew) {
    const answered = Object.keys(raterAnswers()).length;
    if (answered < items.length / 2) {
      warnedFew = true;
      status.textContent = say("rater-few", { answered, total: items.length });
      return;
    }
  }
  if (scorer.state === "failed") {
    scorer.start();
    waiting = true;
    status.textContent = say("retrying-collective");
    return;
  }
  if (scorer.state !== "ready") {
    waiting = true;
    status.textContent = scorer.said("still-working");
    return;
  }
  waiting = false;
  const { team, group, rater, gap } = config.thresholds;
  try {
    const key = sealing.opened()?.key ?? null;
    const codes = $("[data-huddle-codes]", form); // the team and 360 pages'
    const pasted = codes ? await opened(codes.value) : "";
    if (kind === "team") {
      const earlier = await opened($("[data-huddle-earlier-codes]", form).value);
      await showProfile("team", { pasted, earlier, k: team, k_group: group, key, date: today() });
    } else if (kind === "organisation") {
      await showOrganisation();
    } else if (kind === "360") {
      const own = $("[data-huddle-own-code]", form).value;
      await showProfile("feedback", { own, pasted, least: rater, gap, key, date: today() });
    } else {
      await raterCode();
    }
  } catch (error) {
    failed(error);
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  go();
});

$("[data-huddle-codes-file]", form)?.addEventListener("change", async (event) => {
  const file = event.target.files[0];
  if (!file) return;
  const codes = $("[data-huddle-codes]", form);
  if (file.size > config.maxFileBytes) {
    status.textContent = say("file-too-big");
  } else {
    const text = await file.text();
    codes.value = codes.value.trim() ? `${codes.value.trimEnd()}\n${text}` : text;
    status.textContent = say("codes-loaded");
  }
  event.target.value = "";
});

// A survey tool's export: read here, matched by the scoring package; columns it could not
// match are offered for mapping by hand, and the remap button reads it again with them.
// A file refused (too large here, too many columns or rows in Python) leaves the file
// read before, its mapping and the codes as they were.
let survey = null;
async function showSurvey(text, mapping) {
  try {
    const { team } = config.thresholds;
    if (scorer.state !== "ready") status.textContent = scorer.said("still-working");
    await showProfile("survey", { text, mapping, k: team, date: today() });
    survey = text;
    insert($("[data-huddle-mapping-box]", form), shown.mapping);
  } catch (error) {
    failed(error);
  }
}
const teamSurvey = kind === "team" ? $("[data-huddle-survey-file]", form) : null; // the organisation's: below
teamSurvey?.addEventListener("change", async (event) => {
  const file = event.target.files[0];
  event.target.value = ""; // the same file, once fixed, can be chosen again
  if (!file) return;
  if (file.size > config.maxSurveyBytes) {
    failed(failure("survey-too-big"));
    return;
  }
  await showSurvey(await file.text(), {});
});
form.addEventListener("click", (event) => {
  if (!event.target.matches("[data-huddle-remap]")) return;
  const mapping = {};
  for (const select of $$("select[data-column]", form)) mapping[select.dataset.column] = select.value;
  showSurvey(survey, mapping);
});

if (kind === "organisation") {
  $("[data-huddle-survey-file]", form).addEventListener("change", async (event) => {
    const file = event.target.files[0];
    event.target.value = "";
    if (!file) return;
    if (file.size > config.maxSurveyBytes) {
      failed(failure("survey-too-big"));
      return;
    }
    orgSurvey = await file.text();
    insert($("[data-huddle-columns-box]", form), "");
    go();
  });
  form.addEventListener("change", (event) => {
    if (event.target.matches("[data-huddle-group-column]") && event.target.value) go();
  });
  // A heading's button sorts the teams by its column: a score highest first, then lowest first
  // (withheld last either way); the team's name A to Z. Pooled rows stay below the teams.
  profile.addEventListener("click", (event) => {
    const button = event.target.closest("[data-huddle-sort]");
    if (!button) return;
    const heading = button.closest("th");
    const column = Number(button.dataset.huddleSort);
    const byName = column === 0;
    const lowFirst = !byName && heading.getAttribute("aria-sort") === "descending";
    for (const other of heading.parentElement.children) other.removeAttribute("aria-sort");
    heading.setAttribute("aria-sort", byName || lowFirst ? "ascending" : "descending");
    const body = heading.closest("table").tBodies[0];
    const value = (row) => row.children[column].dataset.score;
    const teams = $$("tr[data-team]", body).sort((a, b) => {
      if (byName) return a.dataset.team.localeCompare(b.dataset.team);
      const [x, y] = [value(a), value(b)];
      if (x === "" || y === "") return (x === "") - (y === "");
      return lowFirst ? x - y : y - x;
    });
    body.prepend(...teams);
    const key = byName ? "heat-sorted-name" : lowFirst ? "heat-sorted-low" : "heat-sorted-high";
    status.textContent = say(key, { column: button.textContent });
  });
  // Ticking a team as the board shows the board beside the rest at once, keeping the person's place.
  // Choosing a group shows its teams alone, with its pooled row and the whole organisation's.
  profile.addEventListener("change", async (event) => {
    if (event.target.matches("[data-huddle-heat-filter]")) {
      const group = event.target.value;
      for (const row of $$("[data-huddle-heat] tbody tr", profile)) {
        row.hidden = Boolean(group) && row.dataset.inGroup !== group && !("organisation" in row.dataset);
      }
      status.textContent = group ? say("heat-filtered", { group }) : say("heat-unfiltered");
      return;
    }
    if (!event.target.matches("[data-huddle-board-choice]")) return;
    const value = event.target.value;
    try {
      await showOrganisation(false);
      $$("[data-huddle-board-choice]", profile).find((box) => box.value === value)?.focus();
    } catch (error) {
      failed(error);
    }
  });
}

// The team page's profile file, labelled by the facilitator, for the organisation view.
$("[data-huddle-profile-download]", profile ?? form)?.addEventListener("click", async () => {
  const said = $("[data-huddle-file-status]", profile);
  const label = $("[data-huddle-team-label]", profile);
  if (!shown?.figures) return;
  try {
    const round = $("[data-huddle-round-label]", profile).value;
    const made = await scorer.call("profile_file", { figures: shown.figures, team: label.value, round, date: today() });
    download(`${made.stem}-${today()}.json`, "application/json", made.text);
    said.textContent = say("profile-file-made", { team: made.team });
  } catch (error) {
    said.textContent = error.message;
    label.focus();
  }
});

$("[data-huddle-download]", profile ?? form)?.addEventListener("click", () => {
  if (shown?.csv) download(`${shown.stem}-${today()}.csv`, "text/csv", shown.csv); // one a round, not one name
});
$("[data-huddle-print]", profile ?? form)?.addEventListener("click", () => window.print());
