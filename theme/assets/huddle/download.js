// Saves `text` as a file named `name`: made in this browser, never sent anywhere.
// A CSV starts with a byte order mark, so Excel reads it as UTF-8 ("–" and "’" in titles stay themselves).
export function download(name, type, text) {
  const url = URL.createObjectURL(new Blob(type === "text/csv" ? ["\ufeff", text] : [text], { type }));
  const link = Object.assign(document.createElement("a"), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// Today's date in this browser's time zone, as files and results name it: 2026-11-26.
export function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
