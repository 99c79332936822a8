"""`huddle audit SITE_DIR`: the checks chosen, run over every page, and the report written."""

from __future__ import annotations

import fnmatch
import sys
from datetime import UTC, datetime
from pathlib import Path

from mkdocs.exceptions import Abort

from .. import __version__, bundle
from ..headers import site_headers
from .findings import CHECKS, Report
from .static import html_pages, static_findings

BROWSER_CHECKS = {"axe", "keyboard", "reflow", "privacy", "console", "csp"}


def chosen(only: str | None) -> list[str]:
    """The checks `--only` names (all when None), in the report's order; an Abort naming any unknown."""
    if only is None:
        return list(CHECKS)
    named = [name.strip() for name in only.split(",") if name.strip()]
    unknown = [name for name in named if name not in CHECKS]
    if unknown or not named:
        raise Abort(f"--only takes checks among {', '.join(CHECKS)}, separated by commas; got {only!r}.")
    return [check for check in CHECKS if check in named]


def audit(site: Path, checks: list[str], pages_like: str | None = None, quiet: bool = False) -> Report:
    """Audit the built site in `site`: every HTML page (or those matching `pages_like`, a glob)."""
    if not (site / "index.html").is_file():
        raise Abort(
            f"{site} is not a built site (it has no index.html). Build it first (huddle build), or name its "
            "folder: huddle audit path/to/site."
        )
    pages = html_pages(site)
    if pages_like:
        pages = [page for page in pages if fnmatch.fnmatch("/" + page, pages_like)]
        if not pages:
            raise Abort(f"No page of {site} matches {pages_like!r}; pages are named as served, such as '/about/'.")
    report = Report(
        site=str(site),
        date=datetime.now(UTC).strftime("%Y-%m-%d"),
        huddle=__version__,
        browser="no browser",
        checks=checks,
        pages=pages,
        whole=not pages_like,
    )
    selected = set(checks)
    report.findings += [f for f in static_findings(site, pages, site_headers(site)) if f.check in selected]
    if selected & BROWSER_CHECKS:
        try:
            import playwright  # noqa: F401

            from .browse import audit_pages
        except ImportError:
            raise Abort(
                "huddle audit needs Playwright to drive Chromium: pip install 'huddle-leadership[audit]'. It uses "
                "the system's Chromium when there is one (or HUDDLE_CHROMIUM); else run `playwright install "
                "chromium` once. `--only links` needs no browser."
            ) from None
        axe = (bundle.axe_dir() / "axe.min.js").read_text(encoding="utf-8")
        found, views, reached, browser = audit_pages(site, pages, axe, selected, _progress(quiet))
        report.findings += [f for f in found if f.check != "csp" or f.rule != "no-policy"]  # said once, statically
        report.states, report.reached, report.browser = views, reached, browser
    return report


def _progress(quiet: bool):
    terminal = sys.stderr.isatty()

    def said(n: int, total: int, page: str) -> None:
        if quiet:
            return
        done = int(24 * n / total)
        line = f"[{'#' * done}{'.' * (24 - done)}] {n}/{total} /{page}"
        if terminal:
            print(f"\r{line[:100]:<100}", end="" if n < total else "\n", file=sys.stderr, flush=True)
        elif n == 1 or n == total or n % 10 == 0:
            print(line, file=sys.stderr, flush=True)

    return said
