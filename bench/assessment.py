"""Assessment page benchmark, in one headless Chromium run against the built demo site.

    python bench/assessment.py [--runs 5]

For each run, in a fresh browser context (cold cache):
- a bare page that only boots Pyodide, as npm ships it (untrimmed), in a module
  worker;
- the demo assessment page until its scorer is ready, counting main-thread
  long tasks (over 50 ms) in that time, and the bytes it fetched;
- with every statement answered, "See my results" until the results are shown;
- once the service worker has kept the page's files, a repeat visit in the same
  context (warm) until its scorer is ready.
Prints the medians, the ratios of the assessment page to the bare boot (time,
and bytes as sent and as gzip would send them), then a walk-through of one
visit at 1.6 Mbps with 150 ms latency: what the person sees, and when.

Then, on weak networks, a Markdown table for the README (`--table-only` skips
the rest): the bytes a first visit takes from a server that does not compress
(this one, counting what it sends), against a bare Pyodide boot's; the time to
results for a person who answers for 60 s from the moment the questions are
there, at 1.6 Mbps / 150 ms and at 400 kbps / 300 ms (Chromium's network
emulation); and the bytes of the scorer's files fetched again after the line drops
at half the scorer's download (a server that sends at 1.6 Mbps and drops every
connection once half is sent, so that it counts exactly what goes out), twice:
the line comes back while the page waits to try again by itself, and the line
stays down until the page's own tries are spent, then the person taps "Try again".

Then the same four figures in every engine here (Chromium, Firefox ESR, WebKitGTK; `--engines` to choose),
each visit a fresh profile, with the weak network made by the server for all of them alike: it sends at
1.6 Mbps and waits 150 ms before each response (`tests/metered.py`; Firefox and WebKitGTK have no network
emulation to drive). An engine that cannot run here is said so in its column, with the reason.

    python bench/assessment.py --tiny    # the same code paths in well under a minute: one run, no throttling,
                                         # no time spent answering (tests/test_bench.py)
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.assets import PYODIDE_BOOT_FILES, RETRY_AFTER  # noqa: E402
from generator.build import build_site  # noqa: E402
from generator.headers import site_headers  # noqa: E402
from generator.scoring.strings import MESSAGES  # noqa: E402
from generator.serve import make_server  # noqa: E402
from tests.conftest import CHROMIUM_FLAGS, chromium_path  # noqa: E402
from tests.every_browser import Unavailable  # noqa: E402
from tests.metered import Meter, metered  # noqa: E402
from tests.sessions import ENGINES, available, session, visible  # noqa: E402

PAGE = "assessments/collective-leadership/"

BARE_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bare Pyodide boot</title>
<script type="module" src="bare.js"></script></head><body><p>Booting Pyodide…</p></body></html>
"""
BARE_JS = """
const worker = new Worker(new URL("bare-worker.js", import.meta.url), { type: "module" });
worker.onmessage = () => { performance.mark("bare:ready"); document.body.dataset.ready = "yes"; };
worker.postMessage(new URL("pyodide/", import.meta.url).href);
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
new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => [e.startTime, e.duration])))
  .observe({ type: "longtask", buffered: true });
"""


def long_tasks_before(page, limit: float) -> tuple[int, float]:
    """How many main-thread tasks over 50 ms began before `limit` (ms), and the longest one's length."""
    found = page.evaluate("limit => window.__longTasks.filter(([start]) => start < limit).map(([, d]) => d)", limit)
    return len(found), max(found, default=0.0)


SLOW = {"offline": False, "latency": 150, "downloadThroughput": 1_600_000 / 8, "uploadThroughput": 750_000 / 8}
"""1.6 Mbps down with 150 ms latency: weak ward Wi-Fi, as issue 10 measured it."""


def write_bare_page(site: Path) -> None:
    """A page that boots Pyodide's own, untrimmed boot files from `bench/pyodide/`."""
    folder = site / "bench"
    (folder / "pyodide").mkdir(parents=True)
    for name in PYODIDE_BOOT_FILES:
        shutil.copyfile(REPO / "node_modules" / "pyodide" / name, folder / "pyodide" / name)
    (folder / "index.html").write_text(BARE_HTML)
    (folder / "bare.js").write_text(BARE_JS)
    (folder / "bare-worker.js").write_text(BARE_WORKER)


class Fetched:
    """The bytes a page's requests (its workers' included) brought, as gzip would send them (`gzipped`); `sent`
    is set from the server's Meter, which also counts what the worker fetches itself."""

    def __init__(self, page, site: Path, base: str):
        self.sent = self.gzipped = 0
        self.site, self.base = site, base
        page.on("requestfinished", self.count)

    def count(self, request) -> None:
        self.sent += request.sizes()["responseBodySize"]
        path = request.url.removeprefix(self.base).split("?")[0].split("#")[0]
        file = self.site / path / "index.html" if path.endswith("/") or not path else self.site / path
        if file.is_file():
            self.gzipped += len(gzip.compress(file.read_bytes(), 6))


QUICK_RETRIES = [1, 1]
"""The page's waits before its own tries after a drop, in a tiny run: the same two tries as the real 5 s and
15 s (`generator/assets.py` RETRY_AFTER), so the code path is the same, without 20 s of waiting per visit."""


def quick_retries(site: Path) -> None:
    """The bench's page, in a tiny run, tries again after QUICK_RETRIES rather than the site's waits."""
    page = site / PAGE / "index.html"
    said = f'"retryAfter": {json.dumps(RETRY_AFTER)}'
    html = page.read_text(encoding="utf-8")
    assert said in html, f"the page's settings no longer say {said}"
    page.write_text(html.replace(said, f'"retryAfter": {json.dumps(QUICK_RETRIES)}'), encoding="utf-8")


def mark(page, name: str) -> float:
    return page.evaluate("name => performance.getEntriesByName(name)[0].startTime", name)


def one_run(browser, site: Path, base: str, meter: Meter) -> dict[str, float]:
    context = browser.new_context()
    try:
        page = context.new_page()
        bare_bytes = Fetched(page, site, base)
        meter.reset()
        page.goto(base + "bench/")
        page.wait_for_selector("body[data-ready]", timeout=120_000)
        bare = mark(page, "bare:ready")
        bare_bytes.sent = sum(meter.sent.values())

        page = context.new_page()
        page.add_init_script(LONG_TASKS)
        page_bytes = Fetched(page, site, base)
        meter.reset()
        page.goto(base + PAGE)
        page.wait_for_selector("form[data-scorer=ready]", timeout=120_000)
        ready = mark(page, "huddle:scorer-ready")
        page_bytes.sent = sum(meter.sent.values())
        long_tasks, longest = long_tasks_before(page, ready)
        page.eval_on_selector_all("fieldset[data-item] input[value='4']", "els => els.forEach((e) => e.click())")
        page.evaluate("performance.mark('bench:submit'); document.querySelector('[data-huddle-submit]').click()")
        page.wait_for_selector("[data-huddle-results]:not([hidden])", timeout=60_000)
        submit = mark(page, "huddle:results-shown") - mark(page, "bench:submit")

        page.wait_for_selector("form[data-offline=kept]", timeout=60_000)
        page.close()
        page = context.new_page()
        page.goto(base + PAGE)
        page.wait_for_selector("form[data-scorer=ready]", timeout=120_000)
        warm = mark(page, "huddle:scorer-ready")
        return {
            "bare": bare,
            "ready": ready,
            "submit": submit,
            "long_tasks": long_tasks,
            "longest_task": longest,
            "warm": warm,
            "bare_sent": bare_bytes.sent,
            "page_sent": page_bytes.sent,
            "bare_gzip": bare_bytes.gzipped,
            "page_gzip": page_bytes.gzipped,
        }
    finally:
        context.close()


SEEN = """() => {
  const shown = (s) => {
    const e = document.querySelector(s);
    return e?.checkVisibility() ? e.innerText.trim() : "";
  };
  return [shown("[data-huddle-loading]"), shown("[data-huddle-status]"), shown("[data-huddle-notice]")]
    .filter(Boolean).join(" | ") || "(no status shown)";
}"""


def slow_walkthrough(browser, base: str, network: dict | None = SLOW, every: float = 1.5) -> list[tuple[float, str]]:
    """One cold visit at 1.6 Mbps on a 375 px screen by a person who answers a statement every 1.5 s
    from the moment the form is there, then taps "See my results": each change to what the page says."""
    context = browser.new_context(viewport={"width": 375, "height": 740})
    try:
        page = context.new_page()
        if network:
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.emulateNetworkConditions", network)
        start = time.monotonic()
        page.goto(base + PAGE, wait_until="commit")
        page.wait_for_selector("fieldset[data-item] input", state="attached", timeout=120_000)
        seen = [(time.monotonic() - start, "(the questions are on screen)")]
        items = page.eval_on_selector_all("fieldset[data-item]", "els => els.map((e) => e.dataset.item)")
        next_answer, submitted = time.monotonic(), False
        while time.monotonic() - start < 300:
            now = time.monotonic()
            if items and now >= next_answer:
                page.locator(f"fieldset[data-item='{items.pop(0)}'] input[value='4']").check()
                next_answer = now + every
            elif not items and not submitted:
                page.locator("[data-huddle-submit]").click()
                seen.append((now - start, "(all 28 answered; taps See my results)"))
                submitted = True
            if page.locator("[data-huddle-results]:not([hidden])").count():
                seen.append((time.monotonic() - start, "(results on screen)"))
                return seen
            text = page.evaluate(SEEN)
            # A new message, or the same one with new figures every 10 s.
            if re.sub(r"[\d.]+", "#", text) != re.sub(r"[\d.]+", "#", seen[-1][1]) or (
                text != seen[-1][1] and now - start - seen[-1][0] >= 10
            ):
                seen.append((now - start, text))
            time.sleep(0.25)
        return [*seen, (300.0, "(no results after 300 s)")]
    finally:
        context.close()


WARD = {"offline": False, "latency": 150, "downloadThroughput": 1_600_000 / 8, "uploadThroughput": 750_000 / 8}
POOR = {"offline": False, "latency": 300, "downloadThroughput": 400_000 / 8, "uploadThroughput": 200_000 / 8}
"""1.6 Mbps / 150 ms (as SLOW) and 400 kbps / 300 ms: a ward's Wi-Fi on a good and on a bad day."""


def bare_bytes(browser, base: str, meter: Meter) -> int:
    """The bytes a bare Pyodide boot (its raw files, as npm ships them) takes from the server."""
    context = browser.new_context()
    try:
        meter.reset()
        page = context.new_page()
        page.goto(base + "bench/")
        page.wait_for_selector("body[data-ready]", timeout=120_000)
        return sum(meter.sent.values())
    finally:
        context.close()


def answered_visit(browser, base: str, meter: Meter, network: dict | None, answering: float = 60) -> dict[str, float]:
    """A cold first visit on `network` by a person who answers the 28 statements evenly over `answering`
    seconds from the moment they are there, then taps "See my results": the seconds from that tap to the
    results, and the bytes the server sent for the whole visit (up to the page's files kept for offline)."""
    context = browser.new_context(viewport={"width": 375, "height": 740})
    try:
        meter.reset()
        page = context.new_page()
        if network:
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.emulateNetworkConditions", network)
        start = time.monotonic()
        page.goto(base + PAGE, wait_until="commit")
        page.wait_for_selector("fieldset[data-item] input", state="attached", timeout=120_000)
        items = page.eval_on_selector_all("fieldset[data-item]", "els => els.map((e) => e.dataset.item)")
        began = time.monotonic()
        for number, item in enumerate(items, 1):
            page.wait_for_timeout(max(0, (began + answering * number / len(items) - time.monotonic()) * 1000))
            page.locator(f"fieldset[data-item='{item}'] input[value='4']").check()
        tapped = time.monotonic()
        page.locator("[data-huddle-submit]").click()
        if page.locator("[data-huddle-gaps]").is_visible():
            page.get_by_role("button", name="See results now").click()
        page.wait_for_selector("[data-huddle-results]:not([hidden])", timeout=600_000)
        results = time.monotonic()
        page.wait_for_selector("form[data-offline=kept]", timeout=120_000)
        return {"after_last": results - tapped, "from_start": results - start, "bytes": sum(meter.sent.values())}
    finally:
        context.close()


def scorer_files(site: Path) -> dict[str, int]:
    """The scorer's files, by name, and their sizes as sent."""
    runtime = next((site / "assets" / "pyodide").iterdir())
    files = {p.name: p.stat().st_size for p in [runtime / "pyodide.mjs", *runtime.glob("*.gz")]}
    files["scoring.zip.gz"] = (site / "assets" / "huddle" / "scoring.zip.gz").stat().st_size
    return files


def fetched_again(meter: Meter, files: dict[str, int]) -> int:
    """The bytes of the scorer's files sent more than once (and any of its raw files sent at all)."""
    again = sum(max(0, meter.sent[name] - size) for name, size in files.items())
    plain = [name for name in meter.sent if name in {"pyodide.asm.wasm", "pyodide.asm.mjs", "python_stdlib.zip"}]
    return again + sum(meter.sent[name] for name in plain)


RETRYING = MESSAGES["reconnecting"].split("{")[0]
"""What the sticky bar begins with while the page waits to try again by itself ("… trying again in ")."""
WAITING = f"document.querySelector('[data-huddle-loading]')?.textContent.startsWith({RETRYING!r}) === true"
"""An expression: the page is waiting to try again by itself."""
DROPS = {
    "back": "and comes back while the page waits to try again by itself",
    "down": "and stays down until the page's own tries are spent, then “Try again”",
}
"""The two drops measured, as the tables say them: the line back before the page gives up, and after."""


def dropped_visit(
    browser, site: Path, base: str, meter: Meter, drop: str, pace: float | None = WARD["downloadThroughput"]
):
    """A cold visit from a server sending at `pace` whose line drops once half of the scorer's download has
    gone out, and comes back (`drop`, one of DROPS): "back" as soon as the page says it will try again by
    itself, "down" once it has given up and offers "Try again", which is then tapped. The bytes of the
    scorer's files sent more than once."""
    files = scorer_files(site)
    boot = sum(files.values())
    context = browser.new_context()
    try:
        meter.reset()
        meter.pace, meter.counted, meter.drop_after = pace, frozenset(files), boot // 2
        page = context.new_page()
        page.goto(base + PAGE)
        if drop == "back":
            page.wait_for_function(f"() => {WAITING}", timeout=300_000, polling=50)
        else:
            page.get_by_role("button", name="Try again").wait_for(timeout=300_000)
        at_drop = sum(meter.sent[name] for name in files)
        meter.dropped.clear()
        if drop == "down":
            page.get_by_role("button", name="Try again").click()
        page.wait_for_selector("form[data-scorer=ready]", timeout=300_000)
        return {"at_drop": at_drop, "boot": boot, "again": fetched_again(meter, files)}
    finally:
        meter.pace = meter.drop_after = meter.counted = None
        meter.dropped.clear()
        context.close()


def drop_row(drop: str, figures: dict[str, int]) -> str:
    """A table's words for one drop, with where it dropped and how big the download is."""
    mb = 1e6
    at = f"{figures['at_drop'] / figures['boot']:.0%} of the {figures['boot'] / mb:.1f} MB download"
    return f"Bytes of the scorer fetched again after the line drops at {at} {DROPS[drop]}"


def weak_network_table(browser, site: Path, base: str, meter: Meter, tiny: bool = False) -> str:
    """The README's table of the scorer's download on weak networks, measured now (`tiny`: once each,
    not throttled, answering at once: that the code still runs, not a measure)."""
    step("Chromium: bare boot")
    bare = bare_bytes(browser, base, meter)
    step("Chromium: answered visits")
    ward = answered_visit(browser, base, meter, None if tiny else WARD, 0 if tiny else 60)
    # Tiny, both visits would be the same one (not throttled, answering at once): one is enough.
    poor = ward if tiny else answered_visit(browser, base, meter, POOR, 60)
    drops = {}
    for drop in DROPS:
        step(f"Chromium: dropped visit, the line {drop}")
        drops[drop] = dropped_visit(browser, site, base, meter, drop, None if tiny else WARD["downloadThroughput"])
    mb = 1e6
    rows = [
        (
            "First visit, bytes on the wire from a server that does not compress ÷ a bare Pyodide boot's raw files",
            f"{ward['bytes'] / mb:.2f} MB ÷ {bare / mb:.2f} MB = **{ward['bytes'] / bare:.3f}**",
            "≤ 0.40",
        ),
        (
            "Results after the last answer, 1.6 Mbps / 150 ms, answering for 60 s",
            f"**{ward['after_last']:.1f} s** ({ward['from_start']:.0f} s from opening the page)",
            "≤ 5 s",
        ),
        (
            "Results after the last answer, 400 kbps / 300 ms, answering for 60 s",
            f"**{poor['after_last']:.1f} s** ({poor['from_start']:.0f} s from opening the page)",
            "",
        ),
        *((drop_row(drop, d), f"**{d['again']:,}**", "0") for drop, d in drops.items()),
    ]
    lines = ["| measure (Chromium) | now | goal |", "| --- | --- | --- |"]
    if tiny:
        lines[0] = "| measure (Chromium; tiny: not throttled, answering at once) | now | goal |"
    return "\n".join([*lines, *(f"| {what} | {now} | {goal} |" for what, now, goal in rows)])


def step(what: str) -> None:
    """What the bench is doing now, on standard error (a full run takes many minutes)."""
    print(f"{time.strftime('%H:%M:%S')} {what}", file=sys.stderr, flush=True)


PACE = 1_600_000 / 8  # bytes a second: 1.6 Mbps
DELAY = 0.150  # s before each response


def paced_answered(engine: str, chromium, base: str, meter: Meter, tiny: bool) -> dict[str, float]:
    """answered_visit in any engine, the line made by the server: a cold first visit, the 28 statements
    answered evenly over 60 s from the moment they are there, then "See my results"."""
    answering = 0 if tiny else 60
    meter.reset()
    meter.pace, meter.delay = (None, None) if tiny else (PACE, DELAY)
    try:
        with session(engine, chromium) as page:
            start = time.monotonic()
            page.goto(base + PAGE)
            page.wait("document.querySelector('fieldset[data-item] input') !== null", 300)
            items = page.run("[...document.querySelectorAll('fieldset[data-item]')].map((e) => e.dataset.item)")
            began = time.monotonic()
            for number, item in enumerate(items, 1):
                time.sleep(max(0.0, began + answering * number / len(items) - time.monotonic()))
                page.click(visible(f"fieldset[data-item='{item}'] input[value='4']"))
            tapped = time.monotonic()
            page.click(visible("[data-huddle-submit]"))
            gaps = "[...document.querySelectorAll('[data-huddle-gaps] button')].find((b) => b.checkVisibility() "
            gaps += "&& b.textContent.trim() === 'See results now') ?? null"
            if page.run(gaps):
                page.click(gaps)
            page.wait(f"{visible('[data-huddle-results]:not([hidden])')} !== null", 600)
            results = time.monotonic()
            page.wait("document.querySelector('form[data-offline=kept]') !== null", 300)
            sent = sum(meter.sent.values())
            return {
                "after_last": results - tapped,
                "from_start": results - start,
                "bytes": sent,
                "version": page.version,
            }
    finally:
        meter.pace = meter.delay = None


def paced_bare(engine: str, chromium, base: str, meter: Meter) -> int:
    """bare_bytes in any engine: the bytes a bare Pyodide boot takes from the server."""
    meter.reset()
    with session(engine, chromium) as page:
        page.goto(base + "bench/")
        page.wait("document.body.dataset.ready === 'yes'", 300)
        return sum(meter.sent.values())


def paced_dropped(engine: str, chromium, site: Path, base: str, meter: Meter, drop: str, tiny: bool) -> dict[str, int]:
    """dropped_visit in any engine: the line drops at half the scorer's download, and comes back as `drop` says."""
    files = scorer_files(site)
    boot = sum(files.values())
    meter.reset()
    meter.pace, meter.counted, meter.drop_after = None if tiny else PACE, frozenset(files), boot // 2
    try:
        with session(engine, chromium) as page:
            page.goto(base + PAGE)
            if drop == "back":
                page.wait(WAITING, 120 if tiny else 300)
            else:
                page.wait(f"{visible('[data-huddle-retry]')} !== null", 120 if tiny else 300)
            at_drop = sum(meter.sent[name] for name in files)
            meter.dropped.clear()
            if drop == "down":
                page.click(visible("[data-huddle-retry]"))
            page.wait("document.querySelector('form[data-scorer=ready]') !== null", 120 if tiny else 300)
            return {"at_drop": at_drop, "boot": boot, "again": fetched_again(meter, files)}
    finally:
        meter.pace = meter.drop_after = meter.counted = None
        meter.dropped.clear()


def engine_column(engine: str, chromium, site: Path, base: str, meter: Meter, tiny: bool) -> tuple[str, list[str]]:
    """One engine's head (its version, once known) and cells; a figure that fails says why in its cell(s),
    and the others are still measured."""
    mb = 1e6
    column, head = [], engine
    for measure in ("bytes", *DROPS):
        try:
            step(f"{engine}: {measure}")
            if measure == "bytes":
                bare = paced_bare(engine, chromium, base, meter)
                first = paced_answered(engine, chromium, base, meter, tiny)
                head = first["version"]
                column.append(f"{first['bytes'] / mb:.2f} MB ÷ {bare / mb:.2f} MB = **{first['bytes'] / bare:.3f}**")
                column.append(f"**{first['after_last']:.1f} s** ({first['from_start']:.0f} s from opening the page)")
            else:
                drop = paced_dropped(engine, chromium, site, base, meter, measure, tiny)
                column.append(f"**{drop['again']:,}** (drop at {drop['at_drop'] / drop['boot']:.0%})")
        except Exception as error:  # noqa: BLE001 (the table says what failed, the other figures go on)
            said = " ".join(str(error).split())[:160]
            column += [f"failed: {type(error).__name__}: {said}"] * (2 if measure == "bytes" else 1)
    return head, column


def engines_table(engines: list[str], chromium, site: Path, base: str, meter: Meter, tiny: bool = False) -> str:
    """The weak-network figures in each engine, the line made by the server; a cell says why a figure is missing."""
    heads, cells = [], []
    for engine in engines:
        try:
            available(engine)
        except Unavailable as missing:
            heads.append(engine)
            cells.append([f"not run: {missing}"] * 4)
            continue
        head, column = engine_column(engine, chromium, site, base, meter, tiny)
        heads.append(head)
        cells.append(column)
    line = "not throttled (tiny)" if tiny else "server sending at 1.6 Mbps, 150 ms before each response"
    half = "Bytes of the scorer fetched again after the line drops at half its download "
    what = [
        "First visit, bytes on the wire ÷ a bare Pyodide boot's raw files",
        "Results after the last answer" + ("" if tiny else ", answering for 60 s"),
        *(half + said for said in DROPS.values()),
    ]
    goals = ["≤ 0.40", "≤ 5 s", "0", "0"]
    lines = [
        f"| measure ({line}) | {' | '.join(heads)} | goal |",
        "| --- |" + " --- |" * (len(heads) + 1),
        *(f"| {what[n]} | {' | '.join(column[n] for column in cells)} | {goals[n]} |" for n in range(len(what))),
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--table-only", action="store_true", help="only the weak-network tables")
    parser.add_argument(
        "--engines",
        default=",".join(ENGINES),
        help=f"comma-separated, for the table in every engine (default {','.join(ENGINES)}; empty: none)",
    )
    parser.add_argument(
        "--engines-only", action="store_true", help="only the table in every engine, not Chromium's emulated one"
    )
    parser.add_argument("--tiny", action="store_true", help="one run, not throttled: that the bench still runs")
    args = parser.parse_args()
    engines = [name.strip() for name in args.engines.split(",") if name.strip()]
    if args.tiny:
        args.runs = 1
    from playwright.sync_api import sync_playwright

    meter = Meter()
    with tempfile.TemporaryDirectory(prefix="huddle-bench-") as work:
        site = build_site(REPO / "site.yml", site_dir=Path(work) / "site")
        write_bare_page(site)
        if args.tiny:
            quick_retries(site)
        server = make_server(site, "127.0.0.1", 0, site_headers(site), handler_class=metered(meter))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
                tables = [] if args.engines_only else [weak_network_table(browser, site, base, meter, args.tiny)]
                if engines:
                    tables.append(engines_table(engines, browser, site, base, meter, args.tiny))
                table = "\n\n".join(tables)
                if args.table_only or args.engines_only:
                    print(table)
                    return
                runs = [one_run(browser, site, base, meter) for _ in range(args.runs)]
                walk = slow_walkthrough(browser, base, None if args.tiny else SLOW, 0 if args.tiny else 1.5)
                browser.close()
        finally:
            meter.release.set()
            server.shutdown()
    median = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
    print(f"runs: {args.runs} (cold cache each)")
    print(f"bare Pyodide boot:                  median {median['bare']:7.0f} ms")
    print(f"assessment page, scorer ready:      median {median['ready']:7.0f} ms")
    print(f"  ratio to bare boot:               {median['ready'] / median['bare']:.2f}x")
    print(f"submit to results shown:            median {median['submit']:7.1f} ms")
    print(
        f"main-thread long tasks during boot: median {median['long_tasks']:.0f}, "
        f"max {max(run['long_tasks'] for run in runs)}; longest {max(run['longest_task'] for run in runs):.0f} ms"
    )
    print(f"repeat visit (warm), scorer ready:  median {median['warm']:7.0f} ms")
    mb = 1e6
    print(
        f"bytes fetched, as sent:             bare {median['bare_sent'] / mb:.2f} MB, "
        f"assessment page {median['page_sent'] / mb:.2f} MB, ratio {median['page_sent'] / median['bare_sent']:.2f}x"
    )
    print(
        f"bytes fetched, gzip (as hosts send): bare {median['bare_gzip'] / mb:.2f} MB, "
        f"assessment page {median['page_gzip'] / mb:.2f} MB, ratio {median['page_gzip'] / median['bare_gzip']:.2f}x"
    )
    print("\nAt 1.6 Mbps, 150 ms latency, 375 px, cold cache: what the person sees" + " (tiny: not)" * args.tiny)
    for at, text in walk:
        print(f"  {at:6.1f} s  {text}")
    print("\nThe scorer's download on weak networks (for the README)\n")
    print(table)


if __name__ == "__main__":
    main()
