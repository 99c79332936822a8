// "Save my progress on this device": opt-in storage of answers in this
// browser's localStorage. Nothing is written unless the person ticks the box;
// unticking it, or "Clear my answers", removes what was stored.

export function storageFor(key) {
  let store = null;
  try {
    store = window.localStorage;
    store.getItem(key);
  } catch {
    store = null; // storage blocked (a locked-down browser): saving is not offered
  }
  return {
    available: store !== null,
    read() {
      try {
        const saved = JSON.parse(store.getItem(key));
        return saved && typeof saved.answers === "object" ? saved.answers : null;
      } catch {
        return null;
      }
    },
    write(answers) {
      try {
        store.setItem(key, JSON.stringify({ answers }));
        return true;
      } catch {
        return false;
      }
    },
    remove() {
      store?.removeItem(key);
    },
  };
}
