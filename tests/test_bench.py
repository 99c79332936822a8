"""Every bench in bench/ run tiny (`--tiny`: the real code path on the smallest input), so that none rots.

Each runs as `make bench` would run it, in a subprocess, and must exit 0 and print its table's rows.
"""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from tests.every_browser import Unavailable, firefox_path, webkit_paths
from tests.sessions import Hung, within
from tests.sites import REPO


def tiny(name: str, *more: str, timeout: float = 300) -> str:
    done = subprocess.run(
        [sys.executable, f"bench/{name}", "--tiny", *more],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert done.returncode == 0, f"bench/{name} --tiny failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def test_a_session_step_that_hangs_fails_saying_which():
    started = time.monotonic()
    with pytest.raises(Hung, match="the goto did not end within 0 s"):
        within(0.2, "the goto", lambda: time.sleep(30))
    assert time.monotonic() - started < 5
    assert within(5, "the run", lambda: 42) == 42
    with pytest.raises(ValueError):
        within(5, "the click", lambda: int("x"))


def test_build_bench():
    out = tiny("build.py")
    assert "case studies: 5" in out
    assert "huddle: build" in out and "plain: build" in out and "material: build" in out
    assert "the time of the plain lower bound" in out and "the time of bare Material" in out


@pytest.mark.browser
def test_aggregate_bench():
    out = tiny("aggregate.py")
    assert "team profile from 20 result codes" in out and "team profile from a 20-row CSV" in out
    assert "organisation view of 4 profile files" in out and "split into 4 teams by a column" in out


@pytest.mark.browser
def test_stdlib_modules_bench():
    assert "top-level modules are used." in tiny("stdlib_modules.py")


@pytest.mark.long
@pytest.mark.browser
def test_browser_tests_bench():
    out = tiny("browser_tests.py")
    assert "... and the assessment's scorer ready" in out and "browser tests," in out


@pytest.mark.long
@pytest.mark.browser
@pytest.mark.timeout(360)  # its two drop visits wait out the page's own tries (1 s and 1 s when tiny)
def test_assessment_bench_in_chromium():
    out = tiny("assessment.py", "--engines", "Chromium")
    for row in (
        "bare Pyodide boot:",
        "assessment page, scorer ready:",
        "what the person sees",
        "| measure (Chromium; tiny",
        "| First visit, bytes on the wire",
        "| Results after the last answer",
        "comes back while the page waits to try again by itself",
        "stays down until the page's own tries are spent, then “Try again”",
    ):
        assert row in out
    assert "failed:" not in out


@pytest.mark.long
@pytest.mark.browser
@pytest.mark.timeout(360)  # the engine's four visits: about a minute here
@pytest.mark.parametrize(("engine", "found"), [("Firefox ESR", firefox_path), ("WebKitGTK", webkit_paths)])
def test_assessment_bench_in_engine(engine, found):
    """Every cell of the engine's column filled: in Firefox and WebKitGTK a connection closed early ends the
    body without an error, which the worker once took for a whole file (and the page never became ready)."""
    try:
        found()
    except Unavailable as missing:
        pytest.skip(str(missing))
    out = tiny("assessment.py", "--engines-only", "--engines", engine)
    column = [line for line in out.splitlines() if "comes back while the page waits" in line]
    assert column and "failed:" not in out and "not run:" not in out, out


@pytest.mark.browser
@pytest.mark.parametrize(("engine", "found"), [("Firefox ESR", firefox_path), ("WebKitGTK", webkit_paths)])
def test_browsers_bench(engine, found):
    try:
        found()
    except Unavailable as missing:
        pytest.skip(str(missing))
    out = tiny("browsers.py", "--only", engine)
    assert f"| {engine.split()[0]}" in out
