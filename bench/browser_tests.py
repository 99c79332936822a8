"""What one browser test costs before it checks anything, in headless Chromium against the built demo.

    python bench/browser_tests.py [--runs 8]
    python bench/browser_tests.py --tiny       # one run of each: that the bench still runs

The browser tests each open a fresh browser context (no storage carried over
from another test) and most boot Pyodide, because what they check is what a
person sees once the scorer has started. This measures those fixed costs, as
wall time and as busy CPU time of the whole machine (from /proc/stat, so
Chromium's processes are counted: they are not children that `time` sees):
- a fresh context with a page and nothing loaded;
- the same, then a navigation to the case studies listing;
- the same, then the assessment page with Pyodide's files held back;
- the same, until the assessment's scorer is ready (Pyodide booted);
- reloading a page in a context already open, for comparison.
Then it counts the browser tests, and those that boot Pyodide, and prints the
least time the browser tests could take on this machine if every core were busy
with nothing but those fixed costs. Linux only (reads /proc/stat).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.build import build_site  # noqa: E402
from generator.headers import site_headers  # noqa: E402
from tests.conftest import CHROMIUM_FLAGS, PYODIDE_FILES, chromium_path  # noqa: E402
from tests.sites import serving  # noqa: E402

ASSESSMENT = "assessments/collective-leadership/"


def busy_seconds() -> float:
    """CPU seconds all cores have spent busy since boot (user, nice, system, irq, softirq)."""
    fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:8]
    user, nice, system, _idle, _iowait, irq, softirq = map(int, fields)
    return (user + nice + system + irq + softirq) / os.sysconf("SC_CLK_TCK")


def measure(runs: int, step) -> tuple[float, float]:
    """Median wall milliseconds and mean busy core-milliseconds of `step`."""
    walls = []
    start_busy = busy_seconds()
    for _ in range(runs):
        start = time.perf_counter()
        step()
        walls.append((time.perf_counter() - start) * 1000)
    return statistics.median(walls), (busy_seconds() - start_busy) * 1000 / runs


def collected(marker: str) -> int:
    """How many tests pytest collects with `-m marker`."""
    out = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--collect-only", "-m", marker],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    return int(out.splitlines()[-1].split("/")[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=8)
    parser.add_argument("--tiny", action="store_true", help="one run of each, to check that the bench still runs")
    args = parser.parse_args()
    runs = 1 if args.tiny else args.runs
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site = build_site(REPO / "site.yml", strict=True, site_dir=Path(tmp) / "site")
        with serving(site, site_headers(site)) as url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)

            def visit(path: str | None, wait_for: str = "body", hold: bool = False):
                def step() -> None:
                    context = browser.new_context()
                    if hold:
                        context.route(PYODIDE_FILES, lambda route: route.abort())
                    page = context.new_page()
                    if path is not None:
                        page.goto(url + path)
                        page.wait_for_selector(wait_for, timeout=120_000)
                    context.close()

                return step

            open_page = browser.new_context().new_page()
            open_page.goto(url + "case-studies/")
            rows = [
                ("fresh context and page", visit(None)),
                ("... and the case studies listing", visit("case-studies/")),
                ("... and the assessment, no Pyodide", visit(ASSESSMENT, "form[data-huddle-assessment]", hold=True)),
                ("... and the assessment's scorer ready", visit(ASSESSMENT, "form[data-scorer=ready]")),
                ("a reload in an open context", lambda: open_page.reload()),
            ]
            costs = {}
            print(f"Fixed costs of a browser test ({runs} runs; wall median, busy CPU mean):")
            for label, step in rows:
                step()  # once first, so nothing is measured cold (the server, Chromium's first process)
                wall, busy = measure(runs, step)
                costs[label] = busy
                print(f"  {label:40} {wall:6.0f} ms wall  {busy:6.0f} core-ms busy")
            browser.close()

    tests = collected("browser")
    without = collected("browser and no_pyodide")
    cores = os.cpu_count() or 1
    listing, booted = costs["... and the case studies listing"], costs["... and the assessment's scorer ready"]
    floor = (without * listing + (tests - without) * booted) / 1000
    print(
        f"{tests} browser tests, {tests - without} of them boot Pyodide: about {floor:.0f} core-s of fixed"
        f" costs, {floor / cores:.0f} s on {cores} cores kept busy, before any test does anything."
    )


if __name__ == "__main__":
    main()
