"""Hostile text in every author-written field (tests/fixtures/hostile) runs nothing, even with the CSP off.

The payloads set `window.__pwned`, open a dialog, or navigate to another
origin if they ever run. The site is served with its deployed headers, but
the browser context bypasses the Content Security Policy, as a host that sends
no headers (or `mkdocs serve`) would.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from generator.build import build_site
from generator.headers import POLICY, site_headers
from tests.assessment_page import RESULTS_TIMEOUT, answer, see_results
from tests.sites import FIXTURES, serving

pytestmark = pytest.mark.browser

MARKERS = ["<img", "<svg", "<script", "<meta", "onfocus", "javascript:", "<style", "<form"]


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory):
    site = build_site(FIXTURES / "hostile" / "site.yml", site_dir=tmp_path_factory.mktemp("h") / "site")
    with serving(site, site_headers(site)) as url:
        yield site, url


@pytest.fixture
def open_page(browser):
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    seen = {"dialogs": [], "requests": [], "navigations": []}
    page.on("dialog", lambda dialog: (seen["dialogs"].append(dialog.message), dialog.dismiss()))
    page.on("request", lambda request: seen["requests"].append(request.url))
    page.on("framenavigated", lambda frame: frame == page.main_frame and seen["navigations"].append(frame.url))
    try:
        yield page, seen
    finally:
        context.close()


def pages_of(site: Path) -> list[str]:
    return sorted(
        p.parent.relative_to(site).as_posix() + "/" if p.parent != site else ""
        for p in site.rglob("index.html")
        if "assets" not in p.parts
    )


def assert_nothing_ran(page, seen, origin: str, url: str) -> None:
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__pwned") is None, url
    assert seen["dialogs"] == [], url
    assert [u for u in seen["navigations"] if u != url] == [], url  # no meta refresh, no redirect
    # blob: is the scoring worker's module, decompressed from the site's own file (worker.js).
    assert [
        u for u in seen["requests"] if urlsplit(u).netloc != origin and not u.startswith(("data:", "blob:"))
    ] == [], url
    # The one http-equiv is the site's own policy (no injected refresh, no second policy).
    policies = page.eval_on_selector_all("head meta[http-equiv]", "els => els.map(e => [e.httpEquiv, e.content])")
    assert policies == [["Content-Security-Policy", "; ".join(POLICY)]], url


@pytest.mark.long
def test_no_payload_runs_on_any_page_and_titles_stay_text(open_page, hostile_url):
    site, base = hostile_url
    page, seen = open_page
    origin = urlsplit(base).netloc
    paths = pages_of(site)
    assert len(paths) >= 10  # home, assessment, printable, framework, competencies, case studies, listings
    assert {"assessments/hostile/team/", "assessments/hostile/rater/", "assessments/hostile/360/"} <= set(paths)
    for path in paths:
        seen["navigations"].clear()
        page.route("**/pyodide.asm.wasm*", lambda route: route.abort())  # scoring is tested below
        page.goto(base + path)
        assert_nothing_ran(page, seen, origin, base + path)
        assert page.locator("head title").count() == 1, path
        if path in ("assessments/hostile/", "frameworks/hostile/", "case-studies/story-2/"):
            assert "</title><meta" in page.title()  # the title is text, not markup
        body = page.locator("article").inner_html()
        # Payloads show as text: none of them became an element or an attribute.
        assert page.locator("article [onerror], article [onload], article [onfocus], article [onclick]").count() == 0
        assert (
            page.locator(
                "article script, article style, article iframe,"
                " article form:not([data-huddle-assessment]):not([data-huddle-collective])"
            ).count()
            == 0
        )
        # As elements' addresses (a title that is only text may read `<a href="javascript:...">`, escaped).
        assert page.locator('article [href^="javascript:" i], article [src^="data:" i]').count() == 0
        assert 'href="javascript:' not in body.replace("&lt;a href=", "")  # and never as markup either


def test_the_assessment_keeps_its_fieldsets_and_shows_results_with_the_payloads_as_text(open_page, hostile_url):
    _, base = hostile_url
    page, seen = open_page
    origin = urlsplit(base).netloc
    page.goto(base + "assessments/hostile/")
    assert page.locator("fieldset[data-item]").count() == 4
    for item in ["a1", "a2", "b1", "b2"]:
        page.locator(f"fieldset[data-item='{item}'] input[type=radio]").first.check()
    page.get_by_role("button", name="See my results", exact=True).click()
    page.locator("[data-huddle-results]").wait_for(state="visible", timeout=RESULTS_TIMEOUT)
    results = page.locator("[data-huddle-results]")
    assert results.locator("tr[data-competency]").count() == 2
    assert "</script><script>" in results.inner_text()  # shown, as text
    assert results.locator("[onerror], [onload], [onfocus], [onclick], script, style, form").count() == 0
    assert_nothing_ran(page, seen, origin, base + "assessments/hostile/")


def test_searching_for_a_payload_runs_nothing(open_page, hostile_url):
    _, base = hostile_url
    page, seen = open_page
    origin = urlsplit(base).netloc
    page.goto(base)
    search = page.locator("input.md-search__input")
    search.click()
    for query in ["img onerror", "tag", "Story"]:
        search.fill("")
        search.press_sequentially(query)  # Material searches on key presses
        page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
        assert (
            page.locator(".md-search-result [onerror], .md-search-result [onload], .md-search-result script").count()
            == 0
        )
    assert_nothing_ran(page, seen, origin, base)


DEMO = "assessments/collective-leadership/"


def test_a_huge_file_is_refused_without_reading_it_and_the_answers_stay(page, demo_url, tmp_path):
    huge = tmp_path / "huge.json"
    with open(huge, "wb") as sparse:  # 300 MB on paper, nothing on disk
        sparse.truncate(300 * 1024 * 1024)
    page.goto(demo_url + DEMO)
    answer(page, "v1", "Often")
    page.get_by_text("Continue from a result you downloaded before").click()
    page.locator("#huddle-earlier-intro").set_input_files(huge)
    status = page.locator("[data-huddle-earlier-status]").first
    status.get_by_text("This file is too large to be a saved result (over 1 MB)").wait_for()
    assert page.locator("fieldset[data-item='v1']").get_by_label("Often", exact=True).is_checked()


def test_deep_nesting_gets_a_sentence_and_a_refused_file_ends_the_comparison(page, demo_url, tmp_path):
    page.goto(demo_url + DEMO)
    for item in ["v1", "v2", "v3"]:
        answer(page, item, "Often")
    see_results(page)
    with page.expect_download() as info:
        page.get_by_role("button", name="Download my results (to compare next time)").click()
    info.value.save_as(tmp_path / "earlier.json")
    page.locator("#huddle-earlier-results").set_input_files(tmp_path / "earlier.json")
    page.locator("[data-huddle-compare]").wait_for(state="visible", timeout=RESULTS_TIMEOUT)

    deep = tmp_path / "deep.json"
    deep.write_text("[" * 50_000 + "]" * 50_000)
    page.locator("#huddle-earlier-results").set_input_files(deep)
    status = page.locator("[data-huddle-results] [data-huddle-earlier-status]")
    status.get_by_text("This file is not a result saved from this self-assessment: it nests too deeply.").wait_for(
        timeout=RESULTS_TIMEOUT
    )
    page.locator("[data-huddle-compare]").wait_for(state="detached", timeout=RESULTS_TIMEOUT)
    assert page.locator("[data-huddle-results]").is_visible()


def test_a_service_worker_that_is_not_huddles_is_unregistered_by_the_next_page(open_page, hostile_url):
    site, base = hostile_url
    page, _ = open_page
    # A script once published (or run) on this origin registered its own worker; the file may be gone since.
    (site / "case-studies" / "stripper.js").write_text("self.addEventListener('fetch', () => {});\n")
    page.goto(base)
    scripts = """async () => {
        const found = await navigator.serviceWorker.getRegistrations();
        return found.map((r) => new URL((r.active || r.waiting || r.installing).scriptURL).pathname).sort();
    }"""
    page.evaluate(
        """async () => {
        await navigator.serviceWorker.register('case-studies/stripper.js', {scope: './case-studies/'});
        await navigator.serviceWorker.register('huddle-offline.js?build=test', {scope: './'});
    }"""
    )
    assert page.evaluate(scripts) == ["/case-studies/stripper.js", "/huddle-offline.js"]
    page.goto(base + "case-studies/story-2/")
    for _ in range(50):  # the page unregisters as it loads; its promise settles a moment later
        if page.evaluate(scripts) == ["/huddle-offline.js"]:
            break
        page.wait_for_timeout(100)
    assert page.evaluate(scripts) == ["/huddle-offline.js"]
