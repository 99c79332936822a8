"""One browser session, a fresh profile (cold cache), the same few steps in Chromium, Firefox ESR and WebKitGTK.

bench/assessment.py measures its weak-network visits through this, so that each visit is the same in every
engine: `goto`, `run` (a JavaScript expression's value in the page), `click` (as a person does, the element an
expression gives) and `wait` (until an expression is true). Chromium is Playwright's (a new context of a
browser already started), Firefox is driven over WebDriver BiDi by puppeteer-core (tests/browsers/
firefox_session.mjs), WebKitGTK's MiniBrowser by Selenium in a private Xvfb (tests/every_browser.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

from tests.every_browser import SCRIPTS, Unavailable, click, display, firefox_path, webkit_paths
from tests.sites import REPO

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
    def __init__(self, browser) -> None:
        self.context = browser.new_context(viewport={"width": 375, "height": 740})
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
    def __init__(self, timeout: float) -> None:
        self.process = subprocess.Popen(
            ["node", str(SCRIPTS / "firefox_session.mjs"), firefox_path(), str(round(timeout * 1000))],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=REPO,
        )
        started = self.process.stdout.readline()
        if not started:
            raise AssertionError("Firefox did not start (tests/browsers/firefox_session.mjs).")
        self.version = "Firefox " + json.loads(started)["version"].split("/")[-1]

    def ask(self, what: str, argument: str):
        self.process.stdin.write(json.dumps([what, argument]) + "\n")
        self.process.stdin.flush()
        answer = json.loads(self.process.stdout.readline() or '{"error": "Firefox is gone"}')
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
        self.process.stdin.close()
        self.process.wait(timeout=60)


class WebKitSession(Session):
    def __init__(self, driver) -> None:
        self.driver = driver
        self.version = "WebKitGTK " + driver.capabilities.get("browserVersion", "")

    def goto(self, url: str) -> None:
        self.driver.get(url)

    def run(self, expression: str):
        return self.driver.execute_script(f"return ({expression})")

    def click(self, expression: str) -> None:
        found = self.run(expression)
        assert found, f"Nothing to click: {expression}"
        click(self.driver, found)


ENGINES = ("Chromium", "Firefox ESR", "WebKitGTK")


def available(engine: str) -> None:
    """Raises Unavailable, saying what is missing, where `engine` cannot run here."""
    if engine == "Firefox ESR":
        firefox_path()
    elif engine == "WebKitGTK":
        webkit_paths()


@contextmanager
def session(engine: str, chromium=None, timeout: float = 600) -> Iterator[Session]:
    """A fresh session of `engine` (one of ENGINES; `chromium`: a started Playwright browser)."""
    if engine == "Chromium":
        opened = ChromiumSession(chromium)
        try:
            yield opened
        finally:
            opened.context.close()
    elif engine == "Firefox ESR":
        opened = FirefoxSession(timeout)
        try:
            yield opened
        finally:
            opened.close()
    elif engine == "WebKitGTK":
        from selenium import webdriver

        driver_path, browser_path = webkit_paths()
        options = webdriver.WebKitGTKOptions()
        options.binary_location = browser_path
        options.add_argument("--automation")
        with display() as screen:
            service = webdriver.WebKitGTKService(executable_path=driver_path, env={**os.environ, "DISPLAY": screen})
            with warnings.catch_warnings():  # as in tests/every_browser.py
                warnings.filterwarnings("ignore", "setting remote_server_addr", DeprecationWarning)
                driver = webdriver.WebKitGTK(options=options, service=service)
            try:
                driver.set_page_load_timeout(timeout)
                driver.set_script_timeout(60)
                yield WebKitSession(driver)
            finally:
                driver.quit()
    else:
        raise Unavailable(f"No engine called {engine!r}: one of {', '.join(ENGINES)}.")
