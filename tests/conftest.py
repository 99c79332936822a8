"""Shared fixtures: built sites (each once per session), a local server for the demo, and a real Chromium."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.audit.browse import chromium_path as audit_chromium_path
from generator.build import build_site
from generator.frameworks import load_framework
from generator.headers import site_headers
from tests.sites import FIXTURES, REPO, serving

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    """Debian's Chromium when present (this machine, CI); otherwise Playwright's own browser: as `huddle audit`
    chooses."""
    return audit_chromium_path()


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's demo site, built in strict mode into a temporary folder."""
    return build_site(REPO / "site.yml", strict=True, site_dir=tmp_path_factory.mktemp("demo") / "site")


@pytest.fixture(scope="session")
def minimal_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/fixtures/minimal built once, strict, for every module that reads it.

    Read-only: a test that changes a site builds its own copy (`copy_fixture`).
    """
    return build_site(FIXTURES / "minimal" / "site.yml", strict=True, site_dir=tmp_path_factory.mktemp("m") / "site")


# The demo's frameworks, read once: frozen, so tests can share them.
@pytest.fixture(scope="session")
def framework():
    """The demo's collective leadership framework (the one with 360 feedback)."""
    return load_framework(REPO / "assessments" / "collective-leadership.yml", REPO)


@pytest.fixture(scope="session")
def team():
    """The demo's team culture check."""
    return load_framework(REPO / "assessments" / "team-culture.yml", REPO)


@pytest.fixture(scope="session")
def board():
    """The demo's board framework, with executive and non-executive groups."""
    return load_framework(REPO / "assessments" / "board-leadership.yml", REPO)


@pytest.fixture(scope="session")
def demo_url(demo_site: Path) -> Iterator[str]:
    """The demo site served on a free loopback port, with the headers its `_headers` file gives each path."""
    with serving(demo_site, site_headers(demo_site)) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """A real headless Chromium, driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        try:
            yield instance
        finally:
            instance.close()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tests marked `long` first (each keeps its place among them, as do the rest): `make test` runs on
    every core with `--dist worksteal`, and a long test begun last would leave one worker running it alone."""
    items.sort(key=lambda item: item.get_closest_marker("long") is None)


PYODIDE_FILES = "**/assets/pyodide/**"


def hold_pyodide(context) -> None:
    """Never answer the context's requests for Pyodide's files, so Pyodide never boots.

    Booting takes a few seconds of both cores here, and a test that never asks for
    scores would pay for it, and slow the tests around it, for nothing. The requests
    are held rather than aborted so the page stays as a person sees it while the
    scorer starts: an abort would put the "could not start" message on the page,
    which axe, say, would then check instead. A test's own `page.route` still wins.
    """
    context.route(PYODIDE_FILES, lambda route: None)


def new_context(browser, request: pytest.FixtureRequest, **options):
    """A fresh browser context; Pyodide is held back if the test is marked `no_pyodide`."""
    context = browser.new_context(**options)
    if request.node.get_closest_marker("no_pyodide"):
        hold_pyodide(context)
    return context


@pytest.fixture
def page(browser, request):
    """A page in its own fresh context (no cookies or storage), closed after the test."""
    context = new_context(browser, request)
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()
