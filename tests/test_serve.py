"""`huddle serve`: the real server on a free port, rebuilding when an author saves a file."""

from __future__ import annotations

import contextlib
import http.client
import os
import queue
import re
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pytest
from mkdocs.livereload import LiveReloadServer

from generator.build import load
from generator.headers import HEADERS
from generator.watch import watched_paths
from tests.sites import copy_fixture

DEADLINE = 60  # seconds for the server to say something: a build takes about 1 s here


class ServerLog:
    """What the server writes to stderr, read by a thread so that every wait has a deadline.

    A bare `readline()` blocks for ever if the server hangs without exiting; here a
    wait that runs out fails with everything the server has said so far.
    """

    def __init__(self, stream: IO[str]):
        self.lines: list[str] = []
        self._unread: queue.Queue[str] = queue.Queue()
        self._reader = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self._reader.start()

    def _read(self, stream: IO[str]) -> None:
        for line in stream:
            self._unread.put(line)
        self._unread.put("")  # end of output: the server has stopped

    def wait_for(self, text: str, seconds: float = DEADLINE) -> str:
        """The next line containing `text`; fails if the server stops or `seconds` pass first."""
        deadline = time.monotonic() + seconds
        while True:
            try:
                line = self._unread.get(timeout=max(deadline - time.monotonic(), 0))
            except queue.Empty:
                raise AssertionError(f"the server did not say {text!r} within {seconds} s:\n{self.text()}") from None
            if not line:
                self._unread.put("")  # still stopped for the next wait
                raise AssertionError(f"the server stopped before saying {text!r}:\n{self.text()}")
            self.lines.append(line)
            if text in line:
                return line

    def text(self) -> str:
        return "".join(self.lines)

    def close(self) -> None:
        """Wait for the reader to see the end of the output (call once the server has exited)."""
        self._reader.join(timeout=DEADLINE)


@pytest.fixture
def served(tmp_path):
    with serving(copy_fixture("minimal", tmp_path)) as site:
        yield site


@contextlib.contextmanager
def serving(config: Path) -> Iterator[tuple[Path, str, subprocess.Popen, ServerLog]]:
    """`huddle serve` of the site at `config` on a free port: (its folder, its URL, the process, its log)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "-f", str(config), "serve", "--port", "0"],
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    log = ServerLog(process.stderr)
    try:
        url = re.search(r"http://[\d.]+:\d+/", log.wait_for("Serving")).group(0)
        yield config.parent, url, process, log
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()
        process.stderr.close()


def fetch(url: str):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode(), response.headers


def fetch_headers(url: str):
    with urllib.request.urlopen(urllib.request.Request(url, method="HEAD"), timeout=10) as response:
        return response.headers


def test_serve_sends_the_sites_own_headers_file_and_module_mime_types(served):
    _, url, _, _ = served
    _, headers = fetch(url + "assessments/tiny/")
    assert headers["Content-Security-Policy"] == HEADERS["Content-Security-Policy"]
    version = next(iter(os.listdir(served[0] / "site" / "assets" / "pyodide")))
    assert fetch(url + f"assets/pyodide/{version}/pyodide.mjs")[1]["Content-Type"].startswith("text/javascript")
    wasm = fetch_headers(url + f"assets/pyodide/{version}/pyodide.asm.wasm")
    assert wasm.get_all("Content-Type") == ["application/wasm"]  # the site's, not a second one
    assert "immutable" in wasm["Cache-Control"]


def test_serve_rebuilds_on_save_and_keeps_the_last_good_site_on_errors(served):
    folder, url, _, log = served
    story = folder / "content" / "case-studies" / "first-story.md"
    story.write_text(story.read_text().replace("Once upon a time", "On a rainy Tuesday"))
    log.wait_for("Rebuilt the site")
    assert "On a rainy Tuesday" in fetch(url + "case-studies/first-story/")[0]

    (folder / "assessments" / "broken.yml").write_text("id: [\n")
    log.wait_for("Rebuild failed")
    log.wait_for("broken.yml")  # the failure is the one just caused
    assert "On a rainy Tuesday" in fetch(url + "case-studies/first-story/")[0]


def test_serve_rebuilds_when_the_strings_file_changes(tmp_path):
    config = copy_fixture("minimal", tmp_path)
    (config.parent / "strings.yml").write_text("studies-index-title: Stories from the wards\n")
    config.write_text(config.read_text().replace("  - huddle:\n", "  - huddle:\n      strings: strings.yml\n"))
    with serving(config) as (folder, url, _, log):
        assert "Stories from the wards" in fetch(url + "case-studies/")[0]
        (folder / "strings.yml").write_text("studies-index-title: Tales from the wards\n")
        log.wait_for("Rebuilt the site")
        assert "Tales from the wards" in fetch(url + "case-studies/")[0]


def test_mkdocs_serve_watches_what_huddle_serve_watches(tmp_path):
    config_file = copy_fixture("minimal", tmp_path)
    (config_file.parent / "strings.yml").write_text("studies-index-title: Stories from the wards\n")
    config_file.write_text(
        config_file.read_text().replace("  - huddle:\n", "  - huddle:\n      strings: strings.yml\n")
    )
    (config_file.parent / "audit").mkdir()
    (config_file.parent / "audit" / "report.json").write_text('{"summary": "Tested."}')
    config = load(config_file)
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    try:
        config.plugins.on_serve(server, config=config, builder=lambda: None)
        watched = {str(path) for path in watched_paths(config)}
        assert str(config_file.parent / "strings.yml") in watched
        assert str(config_file.parent / "audit" / "report.json") in watched  # {{ audit.summary }}
        assert watched <= set(server._watched_paths)  # noqa: SLF001 - what MkDocs' server was asked to watch
    finally:
        server.server_close()


LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => window.__violations.push(event.effectiveDirective));
"""


@pytest.mark.browser
@pytest.mark.no_pyodide
def test_open_pages_reload_after_a_rebuild_and_show_a_failed_rebuild_in_the_page(served, page):
    folder, url, _, log = served
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.add_init_script(LISTEN)
    page.goto(url + "case-studies/first-story/")
    page.evaluate("window.__before = true")
    story = folder / "content" / "case-studies" / "first-story.md"
    story.write_text(story.read_text().replace("Once upon a time", "On a rainy Tuesday"))
    log.wait_for("Rebuilt the site")
    # A function, not an expression: Playwright evals an expression again at each poll, which the
    # site's CSP (no 'unsafe-eval') refuses whenever the reload has not happened by the first check.
    page.wait_for_function("() => window.__before === undefined", timeout=DEADLINE * 1000)  # reloaded by itself
    page.get_by_text("On a rainy Tuesday").wait_for()

    (folder / "assessments" / "broken.yml").write_text("id: [\n")
    log.wait_for("Rebuild failed")
    alert = page.locator("[data-huddle-rebuild=failed]")
    alert.wait_for(timeout=DEADLINE * 1000)
    assert alert.get_attribute("role") == "alert"
    assert "Rebuild failed; still serving the last good site." in alert.inner_text()
    assert "broken.yml" in alert.inner_text()

    page.evaluate("window.__before = true")
    (folder / "assessments" / "broken.yml").unlink()
    log.wait_for("Rebuilt the site")
    page.wait_for_function("() => window.__before === undefined", timeout=DEADLINE * 1000)
    assert alert.count() == 0
    assert page.evaluate("window.__violations") == [] and errors == []


def test_the_built_site_has_no_live_reload_only_serve_adds_it(served):
    folder, url, _, _ = served
    assert b"__huddle" not in (folder / "site" / "index.html").read_bytes()
    body, _ = fetch(url)
    assert '<script src="/__huddle/live.js" data-build="0"></script></body>' in body
    script, headers = fetch(url + "__huddle/live.js")
    assert "EventSource" in script and headers["Content-Type"].startswith("text/javascript")


def test_serve_answers_only_its_own_host_names_the_event_stream_too(served):
    _, url, _, _ = served
    port = int(url.rstrip("/").rsplit(":", 1)[1])
    for path in ["/", "/__huddle/events"]:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.putrequest("GET", path, skip_host=True)
        connection.putheader("Host", f"rebound.example:{port}")
        connection.endheaders()
        response = connection.getresponse()
        assert response.status == 400 and response.read().startswith(b"Huddle's preview answers only at")
        connection.close()
    assert "Minimal fixture" in fetch(url.replace("127.0.0.1", "localhost"))[0]
