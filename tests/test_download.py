"""The scorer's download on a weak network: gzip copies, a download continued after a drop (Range), an
aborted stall, and progress that counts what is fetched. Real Chromium, real Pyodide, a metered server."""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import shutil
import urllib.request
import zipfile
from pathlib import Path

import pytest

from generator.assets import GZIPPED
from generator.headers import HEADERS, site_headers
from generator.scoring import score
from tests.assessment_page import (
    RESULTS_TIMEOUT,
    answer,
    checked_answers,
    expected_scores,
    framework_of,
    see_results,
    shown_scores,
    wait_until,
    with_settings,
)
from tests.metered import Meter, metered
from tests.sites import serving

PAGE = "assessments/collective-leadership/"
FETCHED = [*(name + ".gz" for name in GZIPPED), "pyodide.mjs", "scoring.zip.gz"]
"""What the worker fetches, by file name: the gzip copies, and the module it imports as it is."""


def runtime(site: Path) -> Path:
    return next((site / "assets" / "pyodide").iterdir())


def published(site: Path, name: str) -> Path:
    return site / "assets" / "huddle" / name if name.startswith("scoring") else runtime(site) / name


def sizes(site: Path, names: list[str]) -> dict[str, int]:
    return {name: published(site, name).stat().st_size for name in names}


@pytest.fixture
def meter(demo_site):
    """The demo served by a metered server: (its URL, its Meter)."""
    found = Meter()
    with serving(demo_site, site_headers(demo_site), handler_class=metered(found)) as url:
        yield url, found
        found.release.set()


def entries(archive: bytes) -> dict[str, tuple]:
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        return {i.filename: (i.date_time, i.external_attr, opened.read(i)) for i in opened.infolist()}


def test_the_gzip_copies_decompress_to_the_files_they_copy(demo_site):
    for name in [*GZIPPED, "scoring.zip"]:
        copy, plain = gzip.decompress(published(demo_site, name + ".gz").read_bytes()), published(demo_site, name)
        if name.endswith(".zip"):  # the same entries, stored: gzip compresses them better across entries
            assert entries(copy) == entries(plain.read_bytes()), name
            assert len(copy) > plain.stat().st_size
        else:
            assert copy == plain.read_bytes(), name
    wasm = published(demo_site, "pyodide.asm.wasm")
    assert published(demo_site, "pyodide.asm.wasm.gz").stat().st_size < 0.4 * wasm.stat().st_size
    framework = demo_site / PAGE / "framework.json"
    assert gzip.decompress(framework.with_name("framework.json.gz").read_bytes()) == framework.read_bytes()


def request(url: str, **headers: str):
    try:
        return urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=10)
    except urllib.error.HTTPError as error:
        return error


def test_huddle_serve_answers_a_range_with_those_bytes(demo_site, demo_url):
    path = published(demo_site, "pyodide.asm.wasm.gz")
    whole, url = path.read_bytes(), demo_url + path.relative_to(demo_site).as_posix()
    with request(url) as response:
        assert response.status == 200 and response.headers["Accept-Ranges"] == "bytes"
        modified = response.headers["Last-Modified"]
    with request(url, Range="bytes=1000-1999") as response:
        assert response.status == 206
        assert response.headers["Content-Range"] == f"bytes 1000-1999/{len(whole)}"
        assert response.read() == whole[1000:2000]
    with request(url, Range="bytes=1000000-", **{"If-Range": modified}) as response:
        assert response.status == 206 and response.read() == whole[1_000_000:]
    with request(url, Range="bytes=1000-", **{"If-Range": "Thu, 01 Jan 1970 00:00:00 GMT"}) as response:
        assert response.status == 200 and response.read() == whole  # changed since: the whole file
    with request(url, Range=f"bytes={len(whole)}-") as response:
        assert response.status == 416 and response.headers["Content-Range"] == f"bytes */{len(whole)}"


def boot_bytes(page) -> dict[str, int]:
    return page.evaluate("JSON.parse(document.getElementById('huddle-config').textContent).bootBytes")


@pytest.mark.browser
def test_the_page_fetches_the_gzip_copies_once_and_its_progress_counts_exactly_those(page, meter, demo_site):
    url, sent = meter
    page.goto(url + PAGE)
    page.locator("form[data-scorer=ready]").wait_for(timeout=RESULTS_TIMEOUT)
    page.locator("form[data-offline=kept]").wait_for(timeout=RESULTS_TIMEOUT)  # its offline copy made too
    fetched = {name: count for name, count in sent.sent.items() if name in FETCHED or name in GZIPPED}
    # The copies only, each once and whole: none of the plain files Pyodide would fetch itself.
    assert fetched == sizes(demo_site, FETCHED)
    assert not {"pyodide.asm.mjs", "scoring.zip"} & set(sent.sent)
    # The framework's JSON too: its gzip copy, a quarter of the bytes, and never the plain file.
    assert sent.sent["framework.json.gz"] == (demo_site / PAGE / "framework.json.gz").stat().st_size
    assert "framework.json" not in sent.sent
    assert boot_bytes(page)["gzip"] == sum(fetched.values())
    total = f"{sum(fetched.values()) / 1e6:.1f}"
    assert page.locator("[data-huddle-loading]").inner_text() == f"Getting the scorer ready: {total} of {total} MB"


@pytest.mark.browser
def test_a_drop_at_half_goes_on_by_itself_from_there_and_scores_as_cpython(page, meter, demo_site):
    url, sent = meter
    wasm = published(demo_site, "pyodide.asm.wasm.gz").stat().st_size
    sent.cut["pyodide.asm.wasm.gz"] = wasm // 2  # the Wi-Fi drops half way through the largest file
    page.goto(url + PAGE)
    bar = page.locator("[data-huddle-loading]")
    bar.get_by_text("The connection dropped: trying again in 5 seconds.").wait_for(timeout=RESULTS_TIMEOUT)
    framework = framework_of(demo_site, PAGE)
    for item in ["v1", "v2", "s1", "s2"]:
        answer(page, item, "Often")
    page.locator("form[data-scorer=ready]").wait_for(timeout=RESULTS_TIMEOUT)
    assert not page.locator("[data-huddle-notice]").is_visible()  # nothing for the person to do
    # Asked for the rest only, so every file came once: nothing fetched twice.
    assert sent.ranges["pyodide.asm.wasm.gz"] == [None, f"bytes={wasm // 2}-"]
    assert {name: sent.sent[name] for name in FETCHED} == sizes(demo_site, FETCHED)
    see_results(page)
    assert shown_scores(page) == expected_scores(score(framework, checked_answers(page, framework)))


@pytest.mark.browser
def test_a_download_cut_at_half_continues_from_there_after_try_again_and_scores_as_cpython(page, meter, demo_site):
    url, sent = meter
    wasm = published(demo_site, "pyodide.asm.wasm.gz").stat().st_size
    sent.cut["pyodide.asm.wasm.gz"] = wasm // 2
    with_settings(page, retryAfter=[])  # no going on by itself: the person presses Try again
    page.goto(url + PAGE)
    page.unroute_all()  # the HTTP cache back on: the import of pyodide.mjs is answered from it
    notice = page.locator("[data-huddle-notice]")
    notice.get_by_text("pyodide.asm.wasm could not be loaded").wait_for(timeout=RESULTS_TIMEOUT)
    framework = framework_of(demo_site, PAGE)
    for item in ["v1", "v2", "s1", "s2"]:
        answer(page, item, "Often")
    page.locator("[data-huddle-bar]").get_by_role("button", name="Try again").click()
    page.locator("form[data-scorer=ready]").wait_for(timeout=RESULTS_TIMEOUT)
    assert sent.ranges["pyodide.asm.wasm.gz"] == [None, f"bytes={wasm // 2}-"]
    assert {name: sent.sent[name] for name in FETCHED} == sizes(demo_site, FETCHED)
    see_results(page)
    assert shown_scores(page) == expected_scores(score(framework, checked_answers(page, framework)))


@pytest.mark.browser
def test_a_stalled_download_is_aborted_and_goes_on_by_itself(page, meter, demo_site):
    url, sent = meter
    wasm = published(demo_site, "pyodide.asm.wasm.gz").stat().st_size
    sent.stall["pyodide.asm.wasm.gz"] = wasm // 3
    with_settings(page, bootTimeout=2)
    page.goto(url + PAGE)
    page.locator("[data-huddle-loading]").get_by_text("The connection dropped").wait_for(timeout=RESULTS_TIMEOUT)
    # The browser gave the stalled request up: nothing can arrive, or count, behind it.
    wait_until(page, lambda: sent.abandoned == ["pyodide.asm.wasm.gz"], timeout=5_000)
    page.locator("form[data-scorer=ready]").wait_for(timeout=RESULTS_TIMEOUT)
    assert sent.ranges["pyodide.asm.wasm.gz"] == [None, f"bytes={wasm // 3}-"]
    assert sent.sent["pyodide.asm.wasm.gz"] == wasm


@pytest.mark.browser
def test_a_download_that_stays_down_is_said_once_the_automatic_tries_are_spent(page, meter, demo_site):
    url, sent = meter
    wasm = published(demo_site, "pyodide.asm.wasm.gz").stat().st_size
    # The Wi-Fi drops half way through the largest file and stays down: every response stops at once.
    sent.drop_after, sent.counted = wasm // 2, frozenset({"pyodide.asm.wasm.gz"})
    with_settings(page, retryAfter=[1, 1])
    page.goto(url + PAGE)
    page.unroute_all()  # the HTTP cache back on: the import of pyodide.mjs is answered from it
    notice = page.locator("[data-huddle-notice]")
    notice.get_by_text("the scorer could not start").wait_for(timeout=RESULTS_TIMEOUT)
    tries = sent.ranges["pyodide.asm.wasm.gz"]
    assert len(tries) == 3 and tries[0] is None and tries[1] == tries[2]  # the first, then one after each wait
    sent.dropped.clear()  # the Wi-Fi is back
    page.locator("[data-huddle-bar]").get_by_role("button", name="Try again").click()
    page.locator("form[data-scorer=ready]").wait_for(timeout=RESULTS_TIMEOUT)
    assert sent.ranges["pyodide.asm.wasm.gz"][3] == tries[1]
    assert {name: sent.sent[name] for name in FETCHED} == sizes(demo_site, FETCHED)  # nothing fetched twice


@pytest.mark.browser
def test_progress_says_the_speed_and_the_time_left_once_measured(page, demo_url, demo_site):
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    # About 10 s for the 5 MB: the speed is measured after a second or two.
    cdp.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 20, "downloadThroughput": 500_000, "uploadThroughput": 100_000},
    )
    page.goto(demo_url + PAGE)
    loading = page.locator("[data-huddle-loading]")
    loading.get_by_text("MB a second").wait_for(timeout=RESULTS_TIMEOUT)
    said = loading.inner_text()
    speed = float(said.split(" at ")[1].split(" MB")[0])
    assert 0.3 <= speed <= 0.6, said  # CDP's 0.5 MB a second, as measured
    assert " to go" in said
    page.get_by_role("button", name="See my results", exact=True).click()
    page.get_by_role("button", name="See results now").click()
    assert "at this speed" in page.locator("[data-huddle-status]").inner_text()
    assert "minute or two" not in json.dumps(boot_bytes(page))
    page.locator("[data-huddle-results]").wait_for(state="visible", timeout=RESULTS_TIMEOUT)


@pytest.mark.browser
def test_without_decompression_streams_the_plain_files_are_fetched_and_counted(page, meter, demo_site):
    url, sent = meter
    page.add_init_script("delete globalThis.DecompressionStream")  # as in a browser from before 2023
    page.goto(url + PAGE)
    page.locator("form[data-scorer=ready]").wait_for(timeout=RESULTS_TIMEOUT)
    page.locator("form[data-offline=kept]").wait_for(timeout=RESULTS_TIMEOUT)  # its offline copy made too
    plain = ["pyodide.mjs", *GZIPPED, "scoring.zip"]
    assert {name: sent.sent[name] for name in plain} == sizes(demo_site, plain)
    assert not [name for name in sent.sent if name.endswith(".gz")]
    assert sent.sent["framework.json"] == (demo_site / PAGE / "framework.json").stat().st_size
    assert boot_bytes(page)["plain"] == sum(sent.sent[name] for name in plain)


@pytest.mark.browser
def test_where_the_worker_cannot_have_its_own_policy_it_imports_the_plain_module(page, demo_site):
    """A host that gives every file the pages' policy (no `blob:` for the worker) still scores: the worker
    imports Pyodide's plain `pyodide.asm.mjs` from the site."""
    found = Meter()
    with serving(demo_site, HEADERS, handler_class=metered(found)) as url:
        page.goto(url + PAGE)
        page.locator("form[data-scorer=ready]").wait_for(timeout=RESULTS_TIMEOUT)
        assert found.sent["pyodide.asm.mjs"] == published(demo_site, "pyodide.asm.mjs").stat().st_size
        assert found.sent["pyodide.asm.wasm.gz"] == published(demo_site, "pyodide.asm.wasm.gz").stat().st_size


@pytest.mark.browser
def test_a_policy_that_refuses_webassembly_is_said_at_once_not_taken_for_a_dropped_connection(page, demo_site):
    """A host whose own policy lacks 'wasm-unsafe-eval' (on the page and the worker): the scorer's start fails
    in seconds with what is wrong and who can fix it, not after the 30 s of a stalled download, and offers
    the printable version rather than "Try again"."""
    strict = {name: value.replace(" 'wasm-unsafe-eval'", "") for name, value in HEADERS.items()}
    assert "wasm-unsafe-eval" not in strict["Content-Security-Policy"]
    with serving(demo_site, strict) as url:
        page.route(
            url + PAGE,
            lambda route: route.fulfill(
                response=(fetched := route.fetch()), body=fetched.text().replace(" 'wasm-unsafe-eval'", "")
            ),
        )
        page.goto(url + PAGE)
        notice = page.locator("[data-huddle-notice]")
        notice.get_by_text("this site's settings stop the scorer running").wait_for(timeout=8_000)
        assert "docs/hosting.md" in notice.inner_text()
        assert notice.get_by_role("link", name="printable version").is_visible()
        assert page.locator("[data-huddle-bar]").get_by_role("button", name="Try again").is_hidden()
        assert "connection" not in notice.inner_text()


@pytest.mark.browser
@pytest.mark.parametrize("broken", ["truncated", "corrupt"])
def test_a_broken_framework_file_fails_the_start_is_never_kept_and_try_again_takes_the_good_one(
    page, demo_site, tmp_path, broken
):
    site = tmp_path / "site"
    shutil.copytree(demo_site, site)
    copy = site / PAGE / "framework.json.gz"
    good = copy.read_bytes()
    # Cut short (as a proxy that gave up would leave it), or its compressed bytes changed past the header.
    copy.write_bytes(good[: len(good) // 2] if broken == "truncated" else good[:20] + bytes(len(good) - 20))
    with_settings(page, retryAfter=[])  # the HTTP cache off too, so "Try again" asks the server
    with serving(site, site_headers(site)) as url:
        page.goto(url + PAGE)
        notice = page.locator("[data-huddle-notice]")
        notice.get_by_text("the framework could not be loaded").wait_for(timeout=RESULTS_TIMEOUT)
        kept = "async (url) => (await (await caches.match(url))?.arrayBuffer())?.byteLength ?? null"
        assert page.evaluate(kept, url + PAGE + "framework.json.gz") is None  # nothing broken kept for offline
        copy.write_bytes(good)
        page.locator("[data-huddle-bar]").get_by_role("button", name="Try again").click()
        page.locator("form[data-scorer=ready]").wait_for(timeout=RESULTS_TIMEOUT)
        assert page.evaluate(kept, url + PAGE + "framework.json.gz") == len(good)
        for item in ["v1", "v2", "s1", "s2"]:
            answer(page, item, "Often")
        see_results(page)
        framework = framework_of(site, PAGE)
        assert shown_scores(page) == expected_scores(score(framework, checked_answers(page, framework)))


@pytest.mark.browser
def test_a_framework_that_stalls_after_the_boot_files_came_from_the_cache_fails_the_start(page, demo_site, tmp_path):
    # The settings are in the page itself: the second visit's page comes through the offline worker,
    # which Playwright's routes (with_settings) do not see.
    site = tmp_path / "site"
    shutil.copytree(demo_site, site)
    built = site / PAGE / "index.html"
    html = re.sub(r'"bootTimeout": \d+', '"bootTimeout": 2', built.read_text())
    built.write_text(re.sub(r'"retryAfter": \[[^\]]*\]', '"retryAfter": []', html))
    framework = site / PAGE / "framework.json.gz"
    # Modified just now (the copy has the demo's time): the browser's HTTP cache may not take it as fresh
    # and answer the second visit itself; and with a route set, Playwright turns that cache off.
    os.utime(framework)
    with_settings(page)
    sent = Meter()
    with serving(site, site_headers(site), handler_class=metered(sent)) as url:
        page.goto(url + PAGE)
        page.locator("form[data-offline=kept]").wait_for(timeout=RESULTS_TIMEOUT)  # the scorer's files kept
        sent.stall["framework.json.gz"] = 0
        # Newer on the server, so the browser's cached copy is not confirmed (a 304 has no body to stall).
        os.utime(framework, (framework.stat().st_mtime + 60,) * 2)
        page.reload()
        # Every boot file is in at once, from the cache: only the framework's fetch is left, and it hangs.
        failed = page.locator("form[data-scorer=failed]")
        failed.or_(page.locator("form[data-scorer=ready]")).wait_for(timeout=RESULTS_TIMEOUT)
        assert failed.count() == 1, f"ready, though its framework stalled: {sent.ranges['framework.json.gz']}"
        assert "the scorer could not start" in page.locator("[data-huddle-notice]").inner_text()
        assert sent.ranges["pyodide.asm.wasm.gz"] == [None]  # fetched once, on the first visit
        wait_until(page, lambda: sent.abandoned == ["framework.json.gz"], timeout=5_000)
        page.locator("[data-huddle-bar]").get_by_role("button", name="Try again").click()
        page.locator("form[data-scorer=ready]").wait_for(timeout=RESULTS_TIMEOUT)
        sent.release.set()
