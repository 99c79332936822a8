"""`huddle serve`: the real server on a free port, rebuilding when an author saves a file."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.sites import REPO, copy_fixture


@pytest.fixture
def served(tmp_path):
    config = copy_fixture("minimal", tmp_path)
    shutil.copy(REPO / "netlify.toml", config.parent)  # the headers a trust deploys with
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "-f", str(config), "serve", "--port", "0"],
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    lines: list[str] = []
    try:
        while not any("Serving" in line for line in lines):
            line = process.stderr.readline()
            assert line, f"the server stopped:\n{''.join(lines)}"
            lines.append(line)
        url = re.search(r"http://[\d.]+:\d+/", lines[-1]).group(0)
        yield config.parent, url, process, lines
    finally:
        process.terminate()
        process.wait(timeout=10)
        process.stderr.close()


def fetch(url: str):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode(), response.headers


def wait_for(condition, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError("timed out")


def test_serve_sends_the_deployed_headers_and_module_mime_types(served):
    _, url, _, _ = served
    _, headers = fetch(url + "assessments/tiny/")
    assert "wasm-unsafe-eval" in headers["Content-Security-Policy"]
    version = next(iter(os.listdir(served[0] / "site" / "assets" / "pyodide")))
    assert fetch(url + f"assets/pyodide/{version}/pyodide.mjs")[1]["Content-Type"].startswith("text/javascript")


def test_serve_rebuilds_on_save_and_keeps_the_last_good_site_on_errors(served):
    folder, url, process, lines = served
    story = folder / "content" / "case-studies" / "first-story.md"
    story.write_text(story.read_text().replace("Once upon a time", "On a rainy Tuesday"))
    wait_for(lambda: "On a rainy Tuesday" in fetch(url + "case-studies/first-story/")[0])

    (folder / "assessments" / "broken.yml").write_text("id: [\n")
    line = process.stderr.readline()
    while "Rebuild" not in line and "broken.yml" not in line:
        line = process.stderr.readline()
    assert "On a rainy Tuesday" in fetch(url + "case-studies/first-story/")[0]
