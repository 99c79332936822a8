// The assessment smoke test in Firefox, driven over WebDriver BiDi by puppeteer-core (no browser download).
//
//   node tests/browsers/firefox_smoke.mjs FIREFOX URL TIMEOUT_MS [keep] < answers.json
//
// answers.json maps each statement's id to the label to click. Opens URL in a fresh profile, clicks every
// label as a person would, presses "See my results" once the scorer is ready and prints one line of JSON:
// the scores shown by competency, the page's timings, and what the page logged as an error; with `keep`,
// once the page has kept its files for offline use (`kept`: whether it did in time). On failure it
// says what the page said and logged, and exits 1. tests/every_browser.py runs it.
import { readFileSync } from "node:fs";
import puppeteer from "puppeteer-core";

const [executablePath, url, timeout, keep] = process.argv.slice(2);
const answers = JSON.parse(readFileSync(0, "utf8"));
const script = (name) => readFileSync(new URL(name, import.meta.url), "utf8");
const TIMEOUT = Number(timeout);
const choose = script("label.js");
const errors = [];
const browser = await puppeteer.launch({
  browser: "firefox",
  executablePath,
  headless: true,
  timeout: TIMEOUT,
  // Nothing but the page's own origin: no update or captive-portal checks.
  extraPrefsFirefox: { "network.captive-portal-service.enabled": false, "app.update.enabled": false },
});
let page;
try {
  page = await browser.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto(url, { waitUntil: "load" });
  await page.evaluate(script("watch.js"));
  for (const [item, label] of Object.entries(answers)) {
    const found = await page.evaluateHandle(`(${choose})(${JSON.stringify(item)}, ${JSON.stringify(label)})`);
    if (!found.asElement()) throw new Error(`Statement ${item} has no answer labelled "${label}".`);
    await found.asElement().click();
    if (!(await found.evaluate((each) => each.control.checked))) {
      throw new Error(`Clicking "${label}" for statement ${item} did not check that answer.`);
    }
  }
  const started = await page.waitForSelector("form[data-scorer=ready], form[data-scorer=failed]");
  if ((await started.evaluate((form) => form.dataset.scorer)) !== "ready") throw new Error("The scorer did not start.");
  await page.click("[data-huddle-submit]");
  await page.waitForSelector("[data-huddle-results]:not([hidden])");
  const found = await page.evaluate(script("read.js"));
  if (keep) {
    found.kept = await page.waitForSelector("form[data-offline=kept]").then(() => true, () => false);
  }
  process.stdout.write(`${JSON.stringify({ ...found, errors, version: await browser.version() })}\n`);
} catch (error) {
  const said = page ? await page.evaluate(script("state.js")).catch(() => "page gone") : "no page";
  process.stderr.write(`${error.message}\nThe page: ${said}\nLogged: ${JSON.stringify(errors)}\n`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
