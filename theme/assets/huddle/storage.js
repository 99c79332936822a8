// Saving progress on this device (the "save-label" box): opt-in storage of answers (and the notes
// typed under the results) in this browser's localStorage. Nothing is written unless the person ticks the box;
// unticking it, or the "clear" button, removes what was stored. Keys are
// `<prefix><version>`, so answers to an older version of the framework are not
// restored into a newer one, but the "clear" button still removes them.

export function storageFor(prefix, version) {
  const key = `${prefix}${version}`;
  let store = null;
  try {
    store = window.localStorage;
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
