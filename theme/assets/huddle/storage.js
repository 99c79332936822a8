// Answers (and the notes typed under the results) kept in this browser, never sent anywhere:
// - in "sessionStorage", always: for this tab only, so a reload or Back does not lose them;
//   the browser drops them when the tab closes (strictly necessary for the service asked for);
// - in "localStorage", only when the person ticks "Save my progress" (the "save-label" box),
//   across visits; unticking it, or the "clear" button, removes what was stored.
// Keys are `<prefix><version>`, so answers to an older version of the framework are not
// restored into a newer one, but the "clear" button still removes them.

export function storageFor(prefix, version, place = "localStorage") {
  const key = `${prefix}${version}`;
  let store = null;
  try {
    store = window[place];
    store.getItem(key);
  } catch {
    store = null; // storage blocked (a locked-down browser): saving is not offered
  }
  return {
    available: store !== null,
    // {answers, notes}, or null when nothing (readable) is saved.
    read() {
      try {
        const saved = JSON.parse(store.getItem(key));
        if (!saved || typeof saved.answers !== "object") return null;
        return { answers: saved.answers, notes: typeof saved.notes === "string" ? saved.notes : "" };
      } catch {
        return null;
      }
    },
    write(answers, notes) {
      try {
        store.setItem(key, JSON.stringify({ answers, notes }));
        return true;
      } catch {
        return false;
      }
    },
    remove() {
      store?.removeItem(key);
    },
    removeAll() {
      if (!store) return;
      const mine = Object.keys(store).filter((name) => name.startsWith(prefix));
      for (const name of mine) store.removeItem(name);
    },
  };
}
