"""Assessment page benchmark, in one headless Chromium run against the built demo site.

    python bench/assessment.py [--runs 5]

For each run, in a fresh browser context (cold cache):
- a bare page that only boots the same self-hosted Pyodide in a module worker;
- the demo assessment page until its scorer is ready, counting main-thread
  long tasks (over 50 ms) in that time;
- with every statement answered, "See my results" until the results are shown.
Prints the medians, and the ratio of the assessment's boot to the bare boot.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.build import build_site  # noqa: E402
from generator.serve import deploy_headers, make_server  # noqa: E402
from tests.conftest import CHROMIUM_FLAGS, chromium_path  # noqa: E402

PAGE = "assessments/collective-leadership/"

BARE_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bare Pyodide boot</title>
<script type="module" src="bare.js"></script></head><body><p>Booting Pyodide…</p></body></html>
"""
BARE_JS = """
const worker = new Worker(new URL("bare-worker.js", import.meta.url), { type: "module" });
worker.onmessage = () => { performance.mark("bare:ready"); document.body.dataset.ready = "yes"; };
worker.postMessage(new URL("../assets/pyodide/VERSION/", import.meta.url).href);
"""
BARE_WORKER = """
self.onmessage = async ({ data: indexURL }) => {
  const { loadPyodide } = await import(`${indexURL}pyodide.mjs`);
  await loadPyodide({ indexURL, packages: [] });
  self.postMessage("ready");
};
"""
LONG_TASKS = """
window.__longTasks = [];
new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.startTime)))
  .observe({ type: "longtask", buffered: true });
"""


def write_bare_page(site: Path) -> None:
    version = next((site / "assets" / "pyodide").iterdir()).name
    folder = site / "bench"
    folder.mkdir()
    (folder / "index.html").write_text(BARE_HTML)
    (folder / "bare.js").write_text(BARE_JS.replace("VERSION", version))
    (folder / "bare-worker.js").write_text(BARE_WORKER)


def mark(page, name: str) -> float:
    return page.evaluate("name => performance.getEntriesByName(name)[0].startTime", name)


def one_run(browser, base: str) -> dict[str, float]:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(base + "bench/")
        page.wait_for_selector("body[data-ready]", timeout=120_000)
        bare = mark(page, "bare:ready")

        page = context.new_page()
        page.add_init_script(LONG_TASKS)
        page.goto(base + PAGE)
        page.wait_for_selector("form[data-scorer=ready]", timeout=120_000)
        ready = mark(page, "huddle:scorer-ready")
        long_tasks = page.evaluate("limit => window.__longTasks.filter((t) => t < limit).length", ready)
        page.eval_on_selector_all("fieldset[data-item] input[value='4']", "els => els.forEach((e) => e.click())")
        page.evaluate("performance.mark('bench:submit'); document.querySelector('[data-huddle-submit]').click()")
        page.wait_for_selector("[data-huddle-results]:not([hidden])", timeout=60_000)
        submit = mark(page, "huddle:results-shown") - mark(page, "bench:submit")
        return {"bare": bare, "ready": ready, "submit": submit, "long_tasks": long_tasks}
    finally:
        context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="huddle-bench-") as work:
        site = build_site(REPO / "site.yml", site_dir=Path(work) / "site")
        write_bare_page(site)
        server = make_server(site, "127.0.0.1", 0, deploy_headers(REPO / "netlify.toml"))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
                runs = [one_run(browser, base) for _ in range(args.runs)]
                browser.close()
        finally:
            server.shutdown()
    median = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
    print(f"runs: {args.runs} (cold cache each)")
    print(f"bare Pyodide boot:                  median {median['bare']:7.0f} ms")
    print(f"assessment page, scorer ready:      median {median['ready']:7.0f} ms")
    print(f"  ratio to bare boot:               {median['ready'] / median['bare']:.2f}x")
    print(f"submit to results shown:            median {median['submit']:7.1f} ms")
    print(
        f"main-thread long tasks during boot: median {median['long_tasks']:.0f}, "
        f"max {max(run['long_tasks'] for run in runs)}"
    )


if __name__ == "__main__":
    main()
