"""One browser session, a fresh profile (cold cache), the same few steps in Chromium, Firefox ESR and WebKitGTK.

bench/assessment.py measures its weak-network visits through this, so that each visit is the same in every
engine: `goto`, `run` (a JavaScript expression's value in the page), `click` (as a person does, the element an
expression gives) and `wait` (until an expression is true). Every step has a hard time limit (`STEP`): a browser
that hangs (a page load that never ends, a driver that stops answering) fails the step, saying which, and its
session is ended, so a bench's cell says why instead of the bench hanging. Chromium is Playwright's (a new context of a
browser already started), Firefox is driven over WebDriver BiDi by puppeteer-core (tests/browsers/
firefox_session.mjs), WebKitGTK's MiniBrowser by Selenium in a private Xvfb (tests/every_browser.py).
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import threading
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

from tests.every_browser import SCRIPTS, Unavailable, click, display, firefox_path, webkit_paths
from tests.sites import REPO

STEP = 60.0
"""Seconds one step (goto, run, click) may take at most, in every engine: long waits are many short steps."""


class Hung(AssertionError):
    """A step that did not end within its time: the browser is stopped, and this says which step it was."""


def within(seconds: float, what: str, step):
    """`step()`'s value, or Hung after `seconds`: the step is left in a daemon thread, which ends with the
    session that is then stopped (a call into a hung browser cannot be cancelled, only abandoned)."""
    done = {}

    def work() -> None:
        try:
            done["value"] = step()
        except BaseException as error:  # noqa: BLE001 (raised again below, in the caller's thread)
            done["error"] = error

    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        raise Hung(f"{what} did not end within {seconds:.0f} s.")
    if "error" in done:
        raise done["error"]
    return done.get("value")


VISIBLE = """(selector => {
  const all = [...document.querySelectorAll(selector)];
  const found = all.find((each) => each.checkVisibility()) ?? null;
  return found?.labels?.[0] ?? found;
})(%s)"""
"""The first visible element `selector` matches (an input's label: what a person clicks), or null."""


def visible(selector: str) -> str:
    """An expression: the first visible element that `selector` matches, or null."""
    return VISIBLE % json.dumps(selector)


class Session:
    """What every engine's session does; `version` is the browser's."""

    version = ""

    def goto(self, url: str) -> None:
        raise NotImplementedError

    def run(self, expression: str):
        raise NotImplementedError

    def click(self, expression: str) -> None:
        raise NotImplementedError

    def wait(self, expression: str, timeout: float, every: float = 0.05) -> None:
        """Until `expression` is true in the page; AssertionError after `timeout` s, saying what it waited for."""
        end = time.monotonic() + timeout
        while not self.run(expression):
            if time.monotonic() > end:
                raise AssertionError(f"Waited {timeout:.0f} s for {expression}")
            time.sleep(every)


class ChromiumSession(Session):
    """Playwright's own time limits bound its steps (`page.evaluate` has none, but it is Chromium's own page)."""

    def __init__(self, browser, step: float = STEP) -> None:
        self.context = browser.new_context(viewport={"width": 375, "height": 740})
        self.context.set_default_timeout(step * 1000)
        self.context.set_default_navigation_timeout(step * 1000)
        self.page = self.context.new_page()
        self.version = f"Chromium {browser.version}"

    def goto(self, url: str) -> None:
        self.page.goto(url, wait_until="domcontentloaded")

    def run(self, expression: str):
        return self.page.evaluate(f"() => ({expression})")

    def click(self, expression: str) -> None:
        found = self.page.evaluate_handle(f"() => ({expression})").as_element()
        assert found, f"Nothing to click: {expression}"
        found.click()


class FirefoxSession(Session):
    """Its answers are read by a thread, so that a step whose answer does not come within `step` s stops
    Firefox (puppeteer's `page.evaluate` has no time limit of its own)."""

    def __init__(self, step: float = STEP) -> None:
        self.step = step
        self.process = subprocess.Popen(
            # puppeteer's own limit a little shorter, so that its error (which says more) usually comes first.
            ["node", str(SCRIPTS / "firefox_session.mjs"), firefox_path(), str(round((step - 5) * 1000))],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=REPO,
        )
        self.answers: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        started = self._answer("its start")
        if not started:
            raise AssertionError("Firefox did not start (tests/browsers/firefox_session.mjs).")
        self.version = "Firefox " + json.loads(started)["version"].split("/")[-1]

    def _read(self) -> None:
        for line in self.process.stdout:
            self.answers.put(line)
        self.answers.put("")  # Firefox is gone

    def _answer(self, what: str) -> str:
        """The next line Firefox's script writes, or Hung (and Firefox stopped) after `step` s."""
        try:
            return self.answers.get(timeout=self.step)
        except queue.Empty:
            self.process.kill()
            raise Hung(f"Firefox did not answer {what} within {self.step:.0f} s; it was stopped.") from None

    def ask(self, what: str, argument: str):
        if self.process.poll() is not None:
            raise AssertionError(f"Firefox is gone (exit status {self.process.returncode}).")
        self.process.stdin.write(json.dumps([what, argument]) + "\n")
        self.process.stdin.flush()
        answer = json.loads(self._answer(f"`{what}`") or '{"error": "Firefox is gone"}')
        if "error" in answer:
            raise AssertionError(f"Firefox: {answer['error']}")
        return answer["value"]

    def goto(self, url: str) -> None:
        self.ask("goto", url)

    def run(self, expression: str):
        return self.ask("run", expression)

    def click(self, expression: str) -> None:
        self.ask("click", expression)

    def close(self) -> None:
        """Ends Firefox: at the end of its input, or killed if it does not end within a minute."""
        try:
            self.process.stdin.close()
            self.process.wait(timeout=60)
        except (OSError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()


class WebKitSession(Session):
    """Each WebDriver call in a thread (`within`): WebKitWebDriver may never answer one, and Selenium waits
    for its answers without a limit of its own that would do here."""

    def __init__(self, driver, step: float = STEP) -> None:
        self.driver, self.step = driver, step
        self.hung = False
        self.version = "WebKitGTK " + driver.capabilities.get("browserVersion", "")

    def _within(self, what: str, step):
        try:
            return within(self.step, f"WebKitGTK's {what}", step)
        except Hung:
            self.hung = True
            raise

    def goto(self, url: str) -> None:
        self._within("goto", lambda: self.driver.get(url))

    def run(self, expression: str):
        return self._within("run", lambda: self.driver.execute_script(f"return ({expression})"))

    def click(self, expression: str) -> None:
        found = self.run(expression)
        assert found, f"Nothing to click: {expression}"
        self._within("click", lambda: click(self.driver, found))

    def quit(self) -> None:
        """Ends the browser; a driver that hung is killed rather than asked (it would not answer)."""
        if self.hung:
            self.driver.service.process.kill()
        else:
            within(self.step, "WebKitGTK's quit", self.driver.quit)


ENGINES = ("Chromium", "Firefox ESR", "WebKitGTK")


def available(engine: str) -> None:
    """Raises Unavailable, saying what is missing, where `engine` cannot run here."""
    if engine == "Firefox ESR":
        firefox_path()
    elif engine == "WebKitGTK":
        webkit_paths()


@contextmanager
def session(engine: str, chromium=None, step: float = STEP) -> Iterator[Session]:
    """A fresh session of `engine` (one of ENGINES; `chromium`: a started Playwright browser), each of its
    steps failing (Hung, or the engine's own timeout) after `step` s."""
    if engine == "Chromium":
        opened = ChromiumSession(chromium, step)
        try:
            yield opened
        finally:
            opened.context.close()
    elif engine == "Firefox ESR":
        opened = FirefoxSession(step)
        try:
            yield opened
        finally:
            opened.close()
    elif engine == "WebKitGTK":
        with display() as screen, webkit_driver(screen, step) as driver:
            opened = WebKitSession(driver, step)
            try:
                yield opened
            finally:
                opened.quit()
    else:
        raise Unavailable(f"No engine called {engine!r}: one of {', '.join(ENGINES)}.")


@contextmanager
def webkit_driver(screen: str, step: float) -> Iterator:
    """MiniBrowser under WebKitWebDriver on `screen`: a page load waits for the DOM only ("eager": the page
    works from then on; its load event may wait on a download the line has dropped) and for `step` s at most."""
    from selenium import webdriver

    driver_path, browser_path = webkit_paths()
    options = webdriver.WebKitGTKOptions()
    options.binary_location = browser_path
    options.add_argument("--automation")
    options.page_load_strategy = "eager"
    service = webdriver.WebKitGTKService(executable_path=driver_path, env={**os.environ, "DISPLAY": screen})
    with warnings.catch_warnings():  # as in tests/every_browser.py
        warnings.filterwarnings("ignore", "setting remote_server_addr", DeprecationWarning)
        try:
            driver = within(step, "WebKitGTK's start", lambda: webdriver.WebKitGTK(options=options, service=service))
        except Hung:
            if getattr(service, "process", None):
                service.process.kill()
            raise
    driver.set_page_load_timeout(step)
    driver.set_script_timeout(step)
    yield driver
