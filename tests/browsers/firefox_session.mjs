// A Firefox driven line by line, for bench/assessment.py (tests/sessions.py): one fresh profile, one page.
//
//   node tests/browsers/firefox_session.mjs FIREFOX TIMEOUT_MS
//
// Reads one JSON array a line from standard input, [what, argument], and answers each with one line of
// JSON, {"value": ...} or {"error": "..."}: ["goto", url] opens url (until its DOM is read); ["run", expression]
// gives the expression's value in the page; ["click", expression] clicks, as a person does, the element
// the expression gives. The first line it writes is {"version": ...}; it closes Firefox at the end of input.
import { createInterface } from "node:readline";
import puppeteer from "puppeteer-core";

const [executablePath, timeout] = process.argv.slice(2);
const browser = await puppeteer.launch({
  browser: "firefox",
  executablePath,
  headless: true,
  timeout: Number(timeout),
  // Nothing but the page's own origin: no update or captive-portal checks.
  extraPrefsFirefox: { "network.captive-portal-service.enabled": false, "app.update.enabled": false },
});
const page = await browser.newPage();
page.setDefaultTimeout(Number(timeout));
const say = (answer) => process.stdout.write(`${JSON.stringify(answer)}\n`);
const steps = {
  goto: (url) => page.goto(url, { waitUntil: "domcontentloaded" }).then(() => null),
  run: (expression) => page.evaluate(`(${expression})`),
  click: async (expression) => {
    const found = (await page.evaluateHandle(`(${expression})`)).asElement();
    if (!found) throw new Error(`Nothing to click: ${expression}`);
    await found.click();
    return null;
  },
};
say({ version: await browser.version() });
try {
  for await (const line of createInterface({ input: process.stdin })) {
    const [what, argument] = JSON.parse(line);
    try {
      say({ value: (await steps[what](argument)) ?? null });
    } catch (error) {
      say({ error: error.message });
    }
  }
} finally {
  await browser.close();
}
