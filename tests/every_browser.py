"""The assessment in Firefox and WebKitGTK (Safari's engine), beside the Chromium of the other browser tests.

Each browser is Debian's (`firefox-esr`; `webkit2gtk-driver`'s WebKitWebDriver and MiniBrowser, in a
private Xvfb), installed by `make test` as it installs Chromium, and never downloaded. Firefox is driven over
WebDriver BiDi by puppeteer-core (npm, pinned) in `tests/browsers/firefox_smoke.mjs`; WebKitGTK by Selenium.
One run opens the assessment page, clicks a label for every statement as a person would, presses "See my
results", and reads back the scores shown and the page's own timings. Used by tests/test_every_browser.py
and bench/browsers.py.
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import subprocess
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from generator.scoring.model import Framework
from tests.assessment_page import items_of, label_values
from tests.sites import REPO

SCRIPTS = Path(__file__).resolve().parent / "browsers"
TIMEOUT = 90  # s, for the page's scorer to start and show results; about 3 s in Firefox and 10 s in WebKitGTK here


@dataclass(frozen=True)
class Run:
    """What one browser showed: scores by competency, as text, and the page's timings (ms)."""

    browser: str
    version: str
    scores: dict[str, str]
    ready_ms: float  # navigation start to the page's "huddle:scorer-ready" mark
    submit_ms: float  # the form's submit event (once the scorer is ready) to "huddle:results-shown"
    # Console errors and uncaught exceptions, where the driver sees them (Firefox's does; Selenium's does not).
    errors: list[str] = field(default_factory=list)
    kept: bool | None = None  # asked to wait for it: whether the page kept its files for offline use in time


class Unavailable(Exception):
    """The browser (or what drives it) is not installed here; the message says what is missing."""


def smoke_answers(framework: Framework) -> dict[str, str]:
    """A label for every statement, every label of the scale used (not applicable too), by statement id."""
    labels = list(label_values(framework))
    return {item.id: labels[n % len(labels)] for n, item in enumerate(items_of(framework))}


def values_of(framework: Framework, answers: dict[str, str]) -> dict[str, object]:
    """The answers as the scorer takes them: each label's value."""
    values = label_values(framework)
    return {item: values[label] for item, label in answers.items()}


def script(name: str) -> str:
    """tests/browsers/<name>: one JavaScript expression (its comments included), in parentheses."""
    return f"({(SCRIPTS / name).read_text(encoding='utf-8')})"


# Firefox ---------------------------------------------------------------------


def firefox_path() -> str:
    """Firefox: $HUDDLE_FIREFOX, or Debian's firefox-esr, or a `firefox` on the PATH."""
    found = shutil.which(os.environ.get("HUDDLE_FIREFOX") or "firefox-esr") or shutil.which("firefox")
    if not found:
        raise Unavailable("Firefox is not installed: `make test` installs firefox-esr where apt-get runs as root.")
    if not (REPO / "node_modules" / "puppeteer-core").is_dir() or not shutil.which("node"):
        raise Unavailable("puppeteer-core is not installed (run `npm ci`), so Firefox cannot be driven.")
    return found


def run_firefox(url: str, answers: dict[str, str], timeout: float = TIMEOUT, keep: bool = False) -> Run:
    """The assessment at `url` answered with `answers` in headless Firefox, one fresh profile; `timeout` in s.

    With `keep`, the browser stays until the page has kept its files for offline use (or `timeout`)."""
    executable = firefox_path()
    done = subprocess.run(
        ["node", str(SCRIPTS / "firefox_smoke.mjs"), executable, url, str(round(timeout * 1000))] + ["keep"] * keep,
        input=json.dumps(answers),
        capture_output=True,
        text=True,
        timeout=timeout + 30,
        cwd=REPO,
    )
    if done.returncode != 0:
        raise AssertionError(f"Firefox did not show results:\n{done.stdout}{done.stderr}")
    found = json.loads(done.stdout.splitlines()[-1])
    return Run("Firefox", found.pop("version"), **found)


# WebKitGTK -------------------------------------------------------------------


def webkit_paths() -> tuple[str, str]:
    """WebKitWebDriver and MiniBrowser ($HUDDLE_MINIBROWSER, or where webkit2gtk-driver's library puts it)."""
    driver = shutil.which("WebKitWebDriver")
    browsers = [os.environ.get("HUDDLE_MINIBROWSER", "")] + sorted(glob.glob("/usr/lib/*/webkit2gtk-4.*/MiniBrowser"))
    browser = next((b for b in browsers if b and os.access(b, os.X_OK)), None)
    if not driver or not browser:
        raise Unavailable(
            "WebKitGTK is not installed: `make test` installs webkit2gtk-driver where apt-get runs as root."
        )
    if not shutil.which("Xvfb") and not os.environ.get("DISPLAY"):
        raise Unavailable("WebKitGTK needs a display: `make test` installs xvfb where apt-get runs as root.")
    return driver, browser


@contextmanager
def display() -> Iterator[str]:
    """A private X display (Xvfb on the first free number), or the one this session has if Xvfb is missing.

    MiniBrowser has a `--headless` mode, but it hangs here, so WebKitGTK draws on a virtual screen.
    """
    if not shutil.which("Xvfb"):
        yield os.environ["DISPLAY"]
        return
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        with os.fdopen(read) as said:
            number = said.readline().strip()
        if not number:
            raise AssertionError("Xvfb did not start.")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


IN_VIEW = """
const [element, done] = [arguments[0], arguments[arguments.length - 1]];
element.scrollIntoView({ block: "center" });
requestAnimationFrame(() => requestAnimationFrame(() => done()));
"""


def click(driver, element) -> None:
    """Click `element` as a person does: scrolled to the middle of the view, once the view has settled.

    WebKitWebDriver's own scrolling leaves an element just below the view (ElementNotInteractable), and
    its click straight after a scroll sometimes lands where the page was before: on nothing, or on
    another statement's answer.
    """
    driver.execute_async_script(IN_VIEW, element)
    element.click()


def run_webkit(url: str, answers: dict[str, str], timeout: float = TIMEOUT, keep: bool = False) -> Run:
    """The assessment at `url` answered with `answers` in WebKitGTK's MiniBrowser (Selenium); `timeout` in s.

    With `keep`, the browser stays until the page has kept its files for offline use (or `timeout`)."""
    from selenium import webdriver
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver_path, browser_path = webkit_paths()
    options = webdriver.WebKitGTKOptions()
    options.binary_location = browser_path
    options.add_argument("--automation")
    with display() as screen:
        service = webdriver.WebKitGTKService(executable_path=driver_path, env={**os.environ, "DISPLAY": screen})
        with warnings.catch_warnings():  # Selenium's own WebKitGTK class still passes it (4.51): not ours to change
            warnings.filterwarnings("ignore", "setting remote_server_addr", DeprecationWarning)
            driver = webdriver.WebKitGTK(options=options, service=service)
        try:
            driver.set_page_load_timeout(timeout)
            choose = f"return {script('label.js')}(arguments[0], arguments[1])"
            driver.get(url)
            driver.execute_script(script("watch.js"))
            for item, label in answers.items():
                found = driver.execute_script(choose, item, label)
                assert found, f'Statement {item} has no answer labelled "{label}".'
                click(driver, found)
                assert driver.execute_script("return arguments[0].control.checked", found), (
                    f'Clicking "{label}" for statement {item} did not check that answer.'
                )
            wait = WebDriverWait(driver, timeout, poll_frequency=0.05)
            try:
                wait.until(
                    lambda d: d.find_elements(By.CSS_SELECTOR, "form[data-scorer=ready], form[data-scorer=failed]")
                )
                if not driver.find_elements(By.CSS_SELECTOR, "form[data-scorer=ready]"):
                    raise TimeoutException("the scorer did not start")
                click(driver, driver.find_element(By.CSS_SELECTOR, "[data-huddle-submit]"))
                wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-huddle-results]:not([hidden])"))
            except TimeoutException:
                said = driver.execute_script("return " + script("state.js"))
                raise AssertionError(f"WebKitGTK did not show results ({said}).") from None
            found = driver.execute_script("return " + script("read.js"))
            if keep:
                try:
                    found["kept"] = bool(
                        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "form[data-offline=kept]"))
                    )
                except TimeoutException:
                    found["kept"] = False
            version = driver.capabilities.get("browserVersion", "")
        finally:
            driver.quit()
    return Run("WebKitGTK", version, **found)
