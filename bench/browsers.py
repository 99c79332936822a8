"""The assessment in each browser engine here: Chromium, Firefox ESR and WebKitGTK, against the built demo site.

    python bench/browsers.py [--runs 3] [--mbps 1.6]
    python bench/browsers.py --runs 1          # one run per browser, about a minute
    python bench/browsers.py --tiny [--only "Firefox ESR"]   # one run (tests/test_bench.py)

Each run starts the browser with a fresh profile (cold cache), opens the collective leadership
assessment, clicks an answer to every statement, waits for the scorer and presses "See my results"
(the same run as tests/test_every_browser.py; Chromium through Playwright, as its tests drive it).
It reports, as medians:
- scorer ready: navigation start to the page's "huddle:scorer-ready" mark;
- submit to results: the form's submit event to the page's "huddle:results-shown" mark;
- bytes on the wire: everything the server sent to the browser (headers included), counted by a
  loopback relay between them, from opening the page until the page has kept its files for offline
  use (keep.js; "kept" says whether it did within the time allowed), and the files asked for twice;
- with --mbps, the same again with the relay passing at most that many megabits a second, shared by
  all the browser's connections (no added latency).
A browser that is not installed is left out and said so. Needs Xvfb for WebKitGTK (`make test` installs it).
"""

from __future__ import annotations

import argparse
import contextlib
import re
import socket
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.build import build_site  # noqa: E402
from generator.headers import site_headers  # noqa: E402
from generator.serve import host_names, make_server  # noqa: E402
from tests.assessment_page import framework_of  # noqa: E402
from tests.conftest import CHROMIUM_FLAGS, chromium_path  # noqa: E402
from tests.every_browser import (  # noqa: E402
    TIMEOUT,
    Run,
    Unavailable,
    firefox_path,
    run_firefox,
    run_webkit,
    script,
    smoke_answers,
    webkit_paths,
)

PAGE = "assessments/collective-leadership/"


class Relay:
    """A loopback TCP relay in front of `port`: counts the bytes sent to the browser, at most `mbps` if given."""

    def __init__(self, port: int, mbps: float | None = None) -> None:
        self.port, self.mbps = port, mbps
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.sent = 0
        self.asked: Counter[bytes] = Counter()  # request paths, from the request lines the browser sent
        self.lock = threading.Lock()
        self.free_at = 0.0  # when the shared link has sent everything handed to it so far
        threading.Thread(target=self.accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.listener.getsockname()[1]}/"

    def accept(self) -> None:
        while True:
            try:
                browser, _ = self.listener.accept()
            except OSError:  # closed
                return
            server = socket.create_connection(("127.0.0.1", self.port))
            threading.Thread(target=self.pipe, args=(browser, server, False), daemon=True).start()
            threading.Thread(target=self.pipe, args=(server, browser, True), daemon=True).start()

    def pipe(self, source: socket.socket, sink: socket.socket, to_browser: bool) -> None:
        try:
            while data := source.recv(16384):
                if to_browser:
                    self.pace(len(data))
                else:
                    self.asked.update(re.findall(rb"^GET (\S+) HTTP", data, re.MULTILINE))
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (sink, source):
                with contextlib.suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)

    def pace(self, size: int) -> None:
        with self.lock:
            self.sent += size
            if not self.mbps:
                return
            start = max(time.monotonic(), self.free_at)
            self.free_at = start + size * 8 / (self.mbps * 1e6)
            wait = self.free_at - time.monotonic()
        time.sleep(max(wait, 0))

    def close(self) -> None:
        self.listener.close()


def run_chromium(url: str, answers: dict[str, str], timeout: float = TIMEOUT, keep: bool = False) -> Run:
    """The same run in headless Chromium (Debian's, or Playwright's), a fresh browser each time."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        try:
            page = browser.new_page()
            page.goto(url)
            page.evaluate(script("watch.js"))
            for item, label in answers.items():
                page.locator(f"fieldset[data-item='{item}']").get_by_label(label, exact=True).click()
            page.wait_for_selector("form[data-scorer=ready]", timeout=timeout * 1000)
            page.locator("[data-huddle-submit]").click()
            page.wait_for_selector("[data-huddle-results]:not([hidden])", timeout=timeout * 1000)
            found = page.evaluate(script("read.js"))
            if keep:
                try:
                    page.wait_for_selector("form[data-offline=kept]", state="attached", timeout=timeout * 1000)
                    found["kept"] = True
                except PlaywrightTimeout:
                    found["kept"] = False
            return Run("Chromium", browser.version, **found)
        finally:
            browser.close()


BROWSERS: dict[str, tuple[Callable[[], object], Callable[..., Run]]] = {
    "Chromium": (lambda: chromium_path(), run_chromium),
    "Firefox ESR": (firefox_path, run_firefox),
    "WebKitGTK": (webkit_paths, run_webkit),
}


def measure(run: Callable[..., Run], server, answers: dict[str, str], mbps: float | None) -> dict[str, object]:
    """One run through a new relay in front of `server`, which is told to answer to the relay's address."""
    relay = Relay(server.server_address[1], mbps)
    server.host_names = host_names("127.0.0.1", relay.listener.getsockname()[1])
    try:
        shown = run(relay.url + PAGE, answers, timeout=600 if mbps else TIMEOUT, keep=True)
    finally:
        relay.close()
    again = sorted(path.decode() for path, count in relay.asked.items() if count > 1)
    return {
        "again": again,
        "kept": shown.kept,
        "ready": shown.ready_ms,
        "submit": shown.submit_ms,
        "bytes": relay.sent,
        "version": shown.version,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per browser (1 for a quick look)")
    parser.add_argument("--mbps", type=float, help="also one run per browser at this many megabits a second")
    parser.add_argument("--tiny", action="store_true", help="one run per browser: that the bench still runs")
    parser.add_argument("--only", help="one browser: Chromium, Firefox ESR or WebKitGTK")
    args = parser.parse_args()
    if args.tiny:
        args.runs = 1
    with tempfile.TemporaryDirectory(prefix="huddle-bench-") as work:
        site = build_site(REPO / "site.yml", site_dir=Path(work) / "site")
        answers = smoke_answers(framework_of(site, PAGE))
        server = make_server(site, "127.0.0.1", 0, site_headers(site))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        rows = []
        try:
            for name, (found, run) in BROWSERS.items():
                if args.only and name != args.only:
                    continue
                try:
                    found()
                except Unavailable as missing:
                    print(f"{name}: left out. {missing}")
                    continue
                runs, slow = [], None
                for _ in range(args.runs):
                    runs.append(measure(run, server, answers, None))
                if args.mbps:
                    slow = measure(run, server, answers, args.mbps)
                rows.append((name, runs, slow))
        finally:
            server.shutdown()
    print(f"\nruns: {args.runs} per browser, each a fresh profile (cold cache); medians")
    print("| browser | version | scorer ready | submit to results | bytes on the wire | kept offline |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, runs, _ in rows:
        median = {key: statistics.median(run[key] for run in runs) for key in ("ready", "submit", "bytes")}
        kept = sum(bool(run["kept"]) for run in runs)
        print(
            f"| {name} | {runs[0]['version']} | {median['ready'] / 1000:.1f} s | {median['submit']:.0f} ms "
            f"| {median['bytes'] / 1e6:.1f} MB | {kept} of {len(runs)} |"
        )
    for name, runs, _ in rows:
        big = [path for path in runs[0]["again"] if "/pyodide/" in path or path.endswith(".zip")]
        if runs[0]["again"]:
            among = ", ".join(big) or "none of the runtime"
            print(f"\n{name} asked twice for {len(runs[0]['again'])} files, among them {among}")
    if args.mbps:
        print(f"\nat {args.mbps} Mbps (one run each)")
        print("| browser | scorer ready | submit to results |")
        print("| --- | --- | --- |")
        for name, _, slow in rows:
            print(f"| {name} | {slow['ready'] / 1000:.1f} s | {slow['submit']:.0f} ms |")


if __name__ == "__main__":
    main()
