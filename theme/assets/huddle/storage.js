// Answers (and the notes typed under the results) kept in this browser, never sent anywhere:
// - in "sessionStorage", always: for this tab only, so a reload or Back does not lose them;
//   the browser drops them when the tab closes (strictly necessary for the service asked for);
// - in "localStorage", only when the person ticks "Save my progress" (the "save-label" box),
//   across visits; unticking it, or the "clear" button, removes what was stored.
// Keys are `<prefix><version>`, so answers to an older version of the framework are not
// restored into a newer one, but the "clear" button still removes them.

import { fillAnswers, readAnswers, resume } from "./answers.js";
import { say } from "./messages.js";

// The place `name` ("localStorage" or "sessionStorage") where `key` can be kept, or null where
// storage is blocked (a locked-down browser): then saving is not offered.
function placeOf(name, key) {
  try {
    window[name].getItem(key);
    return window[name];
  } catch {
    return null;
  }
}

// {answers, notes} kept under `key`, or null when nothing (readable) is.
function read(place, key) {
  try {
    const saved = JSON.parse(place.getItem(key));
    if (!saved || typeof saved.answers !== "object") return null;
    return { answers: saved.answers, notes: typeof saved.notes === "string" ? saved.notes : "" };
  } catch {
    return null;
  }
}

// Whether it was kept (a full storage, say, keeps nothing).
function write(place, key, answers, notes) {
  try {
    place.setItem(key, JSON.stringify({ answers, notes }));
    return true;
  } catch {
    return false;
  }
}

// A questionnaire's answers (`items`, its `fieldset[data-item]`s) and `notes()` (the text typed
// under the results, if any), kept as the person goes: put back as the page opens (what this
// device saved, else what this tab was given, said in `status`) with `restore(saved)` hearing
// it, kept after each `keep()`, and on this device too while the form's "save" box is ticked.
// Leaving with answers that are not saved (and `unsaved()`, a page's own reason) asks first.
export function keepProgress(form, prefix, { items, status, notes = () => "", restore, unsaved = () => true }) {
  const key = prefix + form.dataset.version;
  const device = placeOf("localStorage", key);
  const tab = placeOf("sessionStorage", key);
  const saveBox = form.querySelector("[data-huddle-save]");
  const answered = () => Object.keys(readAnswers(items)).length;
  const given = () => answered() > 0 || notes() !== "";
  const put = (saved) => {
    fillAnswers(items, saved.answers);
    restore(saved);
  };
  const saved = device && read(device, key);
  if (device) form.querySelector("[data-huddle-storage]").hidden = false;
  if (saved) {
    put(saved);
    saveBox.checked = true;
    resume(items, status);
  }
  // A reload, or Back to a page the browser did not keep, brings back what this tab was given.
  const kept = !saved && tab && read(tab, key);
  if (kept) {
    put(kept);
    status.textContent = say("kept-back", { answered: answered(), total: items.length });
  }
  const save = () => write(device, key, readAnswers(items), notes());
  function keep() {
    if (tab && given()) write(tab, key, readAnswers(items), notes());
    else tab?.removeItem(key);
    if (saveBox.checked) save();
  }
  // Answers given before this script ran (on a slow connection the statements show first) are
  // kept as any others.
  if (!kept && given()) keep();
  saveBox.addEventListener("change", () => {
    if (saveBox.checked) {
      status.textContent = say(save() ? "saving-on" : "saving-failed");
    } else {
      device.removeItem(key);
      status.textContent = say("saving-off");
    }
  });
  // Back and Forward may bring the page back as it was (the back/forward cache), answers and all:
  // they are this tab's, like a reload's. Nothing here listens for "unload", which would keep the
  // page out of that cache.
  window.addEventListener("beforeunload", (event) => {
    if (!saveBox.checked && given() && unsaved()) event.preventDefault();
  });
  return {
    keep,
    // Everything kept, on this device and in this tab, of every version of the framework: gone.
    clear() {
      for (const place of [device, tab]) {
        for (const name of Object.keys(place ?? {})) if (name.startsWith(prefix)) place.removeItem(name);
      }
      saveBox.checked = false;
    },
  };
}
