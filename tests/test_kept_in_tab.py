"""Answers kept for the tab (real Chromium): a reload and Back keep them without "Save my progress";
closing the tab, and "Clear my answers", do not."""

from __future__ import annotations

import pytest

from generator.headers import site_headers
from tests.assessment_page import RESULTS_TIMEOUT, answer, clear_answers, wait_until
from tests.conftest import CHROMIUM_FLAGS, chromium_path, new_context
from tests.metered import Meter, metered
from tests.sites import serving

pytestmark = [pytest.mark.browser, pytest.mark.no_pyodide]

PAGE = "assessments/collective-leadership/"
RATER = "assessments/collective-leadership/rater/"


def checked(page) -> list[str]:
    return page.eval_on_selector_all("fieldset[data-item] input:checked", "els => els.map((e) => e.id)")


def test_a_reload_keeps_the_answers_and_notes_without_saving_and_nothing_in_local_storage(page, demo_url):
    page.goto(demo_url + PAGE)
    answer(page, "v1", "Often")
    answer(page, "v2", "Rarely")
    page.locator("[data-huddle-notes]").evaluate("(e) => { e.value = 'ask Sam'; e.dispatchEvent(new Event('input')); }")
    page.reload()
    page.locator("form[data-scorer]").wait_for()
    assert checked(page) == ["answer-v1-4", "answer-v2-2"]
    assert page.locator("[data-huddle-notes]").input_value() == "ask Sam"
    assert page.locator("[data-huddle-progress]").inner_text() == "2 of 28 answered"
    assert page.locator("[data-huddle-status]").inner_text() == "Your answers in this tab are back: 2 of 28 answered."
    assert not page.get_by_label("Save my progress on this device").is_checked()
    assert page.evaluate("localStorage.length") == 0


def test_back_after_following_a_menu_link_keeps_the_answers(page, demo_url):
    page.goto(demo_url + PAGE)
    answer(page, "v1", "Often")
    page.on("dialog", lambda dialog: dialog.accept())  # "Leave site?": closing the tab would lose them
    page.get_by_role("navigation").get_by_role("link", name="Case studies").first.click()
    page.wait_for_url("**/case-studies/")
    page.go_back()
    page.locator("form[data-scorer]").wait_for()
    assert checked(page) == ["answer-v1-4"]


def assert_back_from_the_cache(page) -> None:
    """Back to the assessment page (answered v1 "Often", with a `pageshow` listener that notes `persisted`):
    the browser's cache for Back gave it, with its answer."""
    page.go_back(wait_until="commit")  # a page kept for Back fires no "load"
    # (Polled from outside the page: the site's policy refuses the eval wait_for_function needs.)
    kept_or_loaded = "window.huddleKept !== undefined || document.readyState === 'complete'"
    wait_until(page, lambda: page.evaluate(kept_or_loaded), timeout=10_000)
    reasons = page.evaluate("JSON.stringify(performance.getEntriesByType('navigation')[0].notRestoredReasons)")
    assert page.evaluate("window.huddleKept"), f"the page was not kept for Back: {reasons}"
    assert checked(page) == ["answer-v1-4"]


def test_a_page_the_browser_keeps_for_back_keeps_its_answers(browser, demo_url, request):
    # Playwright turns the back/forward cache off; browsers have it on, so this Chromium does too.
    kept_for_back = browser.browser_type.launch(
        executable_path=chromium_path(), args=CHROMIUM_FLAGS, ignore_default_args=["--disable-back-forward-cache"]
    )
    try:
        page = kept_for_back.new_context().new_page()  # Pyodide not held: the page starts the worker when ready
        page.goto(demo_url + PAGE)
        page.locator("form[data-scorer=ready]").wait_for(timeout=RESULTS_TIMEOUT)
        # The offline worker's first start claims the open pages, which takes a page out of the
        # browser's cache for Back (it loads again, its answers from sessionStorage): wait for it.
        wait_until(page, lambda: page.evaluate("navigator.serviceWorker.controller !== null"), timeout=60_000)
        page.evaluate("window.addEventListener('pageshow', (e) => { window.huddleKept = e.persisted; })")
        answer(page, "v1", "Often")
        page.goto(demo_url + "about/")
        assert_back_from_the_cache(page)
    finally:
        kept_for_back.close()


def test_a_page_kept_for_back_stays_kept_when_the_offline_worker_finishes_keeping_its_files(browser, demo_site):
    """The offline worker replies "kept" when it has kept a page's files, which can be after the person has
    moved on: a message to a page the browser keeps for Back would take it out of that cache. The server
    holds the worker's request for the printable version until the page is left, so the reply comes late."""
    kept_for_back = browser.browser_type.launch(
        executable_path=chromium_path(), args=CHROMIUM_FLAGS, ignore_default_args=["--disable-back-forward-cache"]
    )
    sent = Meter()
    try:
        with serving(demo_site, site_headers(demo_site), handler_class=metered(sent)) as url:
            printable = f"/{PAGE}print/"
            sent.stall[printable] = 0  # the worker's copy of the printable version waits (nothing else asks)
            page = kept_for_back.new_context().new_page()  # Pyodide not held: the scorer's start asks for "keep"
            page.goto(url + PAGE)
            page.locator("form[data-scorer=ready]").wait_for(timeout=RESULTS_TIMEOUT)
            wait_until(page, lambda: printable not in sent.stall, timeout=30_000)  # the worker is keeping
            page.evaluate("window.addEventListener('pageshow', (e) => { window.huddleKept = e.persisted; })")
            answer(page, "v1", "Often")
            page.goto(url + "about/")
            sent.release.set()  # the worker finishes keeping while the assessment page waits for Back
            kept = (
                "async (u) => { for (const n of await caches.keys())"
                " if (await (await caches.open(n)).match(u)) return 1 }"
            )
            wait_until(page, lambda: page.evaluate(kept, url + printable[1:]), timeout=10_000)
            page.wait_for_timeout(1_000)  # its reply, "kept", sent by now: to no one, with the fix
            assert_back_from_the_cache(page)
    finally:
        sent.release.set()
        kept_for_back.close()


def test_a_closed_tab_takes_the_answers_with_it(browser, demo_url, request):
    context = new_context(browser, request)
    try:
        page = context.new_page()
        page.goto(demo_url + PAGE)
        answer(page, "v1", "Often")
        page.close()
        again = context.new_page()  # a new tab of the same browser: its own session storage
        again.goto(demo_url + PAGE)
        again.locator("form[data-scorer]").wait_for()
        assert checked(again) == []
        assert again.evaluate("[localStorage.length, sessionStorage.length]") == [0, 0]
    finally:
        context.close()


def test_clear_my_answers_clears_them_from_the_tab_too(page, demo_url):
    page.goto(demo_url + PAGE)
    answer(page, "v1", "Often")
    assert page.evaluate("sessionStorage.length") == 1
    clear_answers(page)
    assert page.evaluate("sessionStorage.length") == 0
    page.reload()
    page.locator("form[data-scorer]").wait_for()
    assert checked(page) == []


def test_a_rater_reload_keeps_the_answers_without_saving(page, demo_url):
    page.goto(demo_url + RATER)
    page.locator("fieldset[data-item='v1']").get_by_label("Often", exact=True).click()
    page.reload()
    page.locator("form[data-scorer]").wait_for()
    assert checked(page) == ["answer-v1-4"]
    assert page.evaluate("localStorage.length") == 0
