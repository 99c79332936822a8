"""Never lose an answer (real Chromium): failed and slow downloads, phones, keys, leaving, resuming."""

from __future__ import annotations

import re
import shutil

import pytest

from generator.headers import site_headers
from tests.assessment_page import RESULTS_TIMEOUT, answer, see_results, shown_scores, with_settings
from tests.sites import serving

pytestmark = pytest.mark.browser

PAGE = "assessments/collective-leadership/"
PHONE = {"width": 375, "height": 740}


def in_viewport(page, locator) -> bool:
    box = locator.bounding_box()
    size = page.viewport_size
    return (
        box is not None
        and box["y"] >= 0
        and box["y"] + box["height"] <= size["height"]
        and box["width"] <= size["width"]
    )


def with_boot_timeout(page, base: str, seconds: int) -> None:
    """Serve the assessment page with another `boot_timeout`, as a site could set it."""

    def rewrite(route):
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace('"bootTimeout": 30', f'"bootTimeout": {seconds}'))

    page.route(f"{base}{PAGE}", rewrite)


def test_a_failed_download_is_said_in_view_and_try_again_keeps_every_answer(page, demo_url):
    page.set_viewport_size(PHONE)
    failing = {"on": True}
    with_settings(page, retryAfter=[])
    page.route("**/pyodide.asm.wasm*", lambda route: route.abort() if failing["on"] else route.continue_())
    page.goto(demo_url + PAGE)
    notice = page.locator("[data-huddle-notice]")
    notice.get_by_text("the scorer could not start").wait_for(timeout=RESULTS_TIMEOUT)
    assert notice.evaluate("e => e === document.activeElement")
    again = page.locator("[data-huddle-bar]").get_by_role("button", name="Try again")
    assert in_viewport(page, again)
    for item in ["v1", "v2", "s1"]:
        answer(page, item, "Often")
    failing["on"] = False  # the Wi-Fi is back
    again.click()
    assert not notice.is_visible() and not again.is_visible()
    page.locator("form[data-scorer=ready]").wait_for(timeout=RESULTS_TIMEOUT)
    assert page.locator("fieldset input:checked").count() == 3
    see_results(page)
    assert shown_scores(page)["vision"] == "4.0"  # v1 and v2 "Often" (4); 2 of 4 answered is enough


def test_a_slow_download_that_keeps_moving_is_never_abandoned_and_progress_is_shown(page, demo_url, demo_site):
    with_boot_timeout(page, demo_url, 2)
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    # About 5 s for the runtime's 11 MB: over twice the 2 s allowed without progress.
    cdp.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 20, "downloadThroughput": 2_000_000, "uploadThroughput": 100_000},
    )
    page.goto(demo_url + PAGE)
    loading = page.locator("[data-huddle-loading]")
    loading.get_by_text("Getting the scorer ready:").wait_for(timeout=RESULTS_TIMEOUT)
    runtime = next((demo_site / "assets" / "pyodide").iterdir())
    gzipped = [*runtime.glob("*.gz"), demo_site / "assets" / "huddle" / "scoring.zip.gz"]
    fetched = sum(file.stat().st_size for file in [runtime / "pyodide.mjs", *gzipped])
    assert f" of {fetched / 1e6:.1f} MB" in loading.inner_text()
    page.locator("form[data-scorer=ready]").wait_for(timeout=RESULTS_TIMEOUT)
    assert not page.locator("[data-huddle-notice]").is_visible()


def test_an_early_submit_is_told_in_view_that_results_will_follow(page, demo_url):
    page.set_viewport_size(PHONE)
    held = []
    with_settings(page, retryAfter=[])
    page.route("**/pyodide.asm.wasm*", lambda route: held.append(route))
    page.goto(demo_url + PAGE)
    answer(page, "v1", "Often")
    page.get_by_role("button", name="See my results", exact=True).click()
    page.get_by_role("button", name="See results now").click()
    said = page.locator("[data-huddle-status]").get_by_text(
        "Your results will show here as soon as the scorer has finished downloading"
    )
    said.wait_for()
    assert in_viewport(page, said)  # the sticky bar, not below the button
    for route in held:
        route.continue_()
    page.locator("[data-huddle-results]").wait_for(state="visible", timeout=RESULTS_TIMEOUT)


@pytest.mark.no_pyodide
def test_one_letter_shortcuts_pressed_on_an_answer_change_nothing(page, demo_url):
    page.goto(demo_url + PAGE)
    answer(page, "v1", "Often")
    page.locator("fieldset[data-item='v1']").get_by_label("Often", exact=True).focus()
    for key in ["n", "p", ".", ",", "/", "s", "f"]:
        page.keyboard.press(key)
    assert page.url == demo_url + PAGE
    assert not page.locator(".md-search__input").evaluate("e => e === document.activeElement")
    assert page.locator("fieldset input:checked").count() == 1
    page.locator(".md-search__input").click()
    page.keyboard.type("huddle")  # typing into a field still works
    assert page.locator(".md-search__input").input_value() == "huddle"


@pytest.mark.no_pyodide
@pytest.mark.parametrize(
    ("answered", "saved", "asks"), [(True, False, True), (True, True, False), (False, False, False)]
)
def test_leaving_asks_first_only_with_answers_that_are_not_saved(browser, demo_url, answered, saved, asks):
    context = browser.new_context()
    try:
        page = context.new_page()
        page.route("**/pyodide.asm.wasm*", lambda route: route.abort())
        page.goto(demo_url + PAGE)
        page.locator("h1").click()  # a gesture, which Chromium needs before it asks
        if saved:
            page.get_by_label("Save my progress on this device").check()
        if answered:
            answer(page, "v1", "Often")
        dialogs = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.accept()))
        page.close(run_before_unload=True)
        page.wait_for_event("close")
        assert dialogs == (["beforeunload"] if asks else [])
    finally:
        context.close()


@pytest.mark.no_pyodide
def test_saved_progress_resumes_at_the_first_statement_left_and_says_so(page, demo_url):
    page.goto(demo_url + PAGE)
    page.get_by_label("Save my progress on this device").check()
    for item in ["v1", "v2", "v3"]:
        answer(page, item, "Often")
    page.reload()
    said = page.locator("[data-huddle-status]")
    assert said.inner_text() == "Your saved answers are back: 3 of 28 answered. You can carry on from statement 4."
    assert page.evaluate("document.activeElement.name") == "v4"
    assert in_viewport(page, said)


def test_at_phone_width_nothing_scrolls_sideways_and_answers_are_44_px_targets(page, demo_url):
    page.set_viewport_size(PHONE)
    page.goto(demo_url + PAGE)
    wide = "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    assert page.evaluate(wide)
    heights = page.eval_on_selector_all(
        "fieldset[data-item] .huddle-option", "els => els.map((e) => e.getBoundingClientRect().height)"
    )
    widths = page.eval_on_selector_all(
        "fieldset[data-item='v1'] .huddle-option", "els => els.map((e) => e.getBoundingClientRect().width)"
    )
    assert min(heights) >= 44 and min(widths) > 300  # stacked, each the width of the screen
    answer(page, "v1", "Often")
    bar = page.locator("[data-huddle-bar]")
    page.locator("fieldset[data-item='ab1']").scroll_into_view_if_needed()
    assert in_viewport(page, bar.locator("[data-huddle-progress]"))  # the count stays in view
    see_results(page)
    assert page.evaluate(wide)
    assert page.locator(".md-header__title").evaluate("e => e.scrollWidth <= e.clientWidth + 1")
    for details in page.locator("details:has(input[type=file])").all():
        details.evaluate("e => { e.open = true; }")
    pickers = page.eval_on_selector_all("input[type=file]", "els => els.map((e) => e.getBoundingClientRect().height)")
    assert pickers and min(pickers) >= 44  # loading an earlier result is a tap target too


def test_after_a_first_visit_the_assessment_opens_scores_and_shows_results_offline(browser, demo_url):
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(demo_url + PAGE)
        page.locator("form[data-offline=kept]").wait_for(timeout=RESULTS_TIMEOUT)
        keys = page.evaluate("caches.keys()")
        assert keys and all(key.startswith("huddle-") and key.endswith(keys[0][-16:]) for key in keys)
        kept = page.evaluate(
            "caches.keys().then((names) => Promise.all(names.map((n) => caches.open(n).then((c) => c.keys()))))"
            ".then((lists) => lists.flat().map((r) => r.url))"
        )
        assert not [url for url in kept if "?" in url or "#" in url]  # no answers, ever
        context.set_offline(True)
        page.reload()
        page.locator("form[data-scorer=ready]").wait_for(timeout=RESULTS_TIMEOUT)
        assert not page.locator("[data-huddle-notice]").is_visible()
        for item in ["v1", "v2", "v3", "v4"]:
            answer(page, item, "Often")
        see_results(page)
        assert shown_scores(page)["vision"] == "3.5"  # "Often" (4) for each; v3 is reverse-keyed, so 2
    finally:
        context.close()


def test_a_new_build_replaces_the_old_offline_cache(browser, demo_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(demo_site, site)
    context = browser.new_context()
    try:
        with serving(site, site_headers(site)) as url:
            page = context.new_page()
            page.goto(url + PAGE)
            page.locator("form[data-offline=kept]").wait_for(timeout=RESULTS_TIMEOUT)
            first = page.evaluate("caches.keys()")
            # The site is built again with changed scoring code: its pages name another build.
            built = site / PAGE / "index.html"
            built.write_text(re.sub(r'"build": "[0-9a-f]+"', '"build": "0000000000000000"', built.read_text()))
            page.reload()
            page.locator("form[data-offline=kept]").wait_for(timeout=RESULTS_TIMEOUT)
            # Named "huddle-<kind>-<build><the site's folder>" (offline.js).
            assert first and not [name for name in first if name.endswith("0000000000000000/")]
            now = page.evaluate("caches.keys()")
            assert now and [name for name in now if not name.endswith("-0000000000000000/")] == []
    finally:
        context.close()


@pytest.mark.no_pyodide
@pytest.mark.parametrize("viewport", [PHONE, {"width": 1280, "height": 800}], ids=["phone", "desktop"])
def test_the_search_index_is_fetched_only_when_the_person_opens_search(page, demo_url, viewport):
    page.set_viewport_size(viewport)
    fetched = []
    page.on("request", lambda request: fetched.append(request.url) if "search_index" in request.url else None)
    with page.expect_request("**/workers/search.*.js"):  # Material sets up search (it used to fetch the index here)
        page.goto(demo_url + PAGE)
    page.wait_for_timeout(500)
    assert fetched == []
    if viewport is PHONE:
        page.locator("label.md-header__button[for='__search']").click()
    else:
        page.locator(".md-search__input").click()
    page.keyboard.type("huddle")
    page.locator(".md-search-result__item").first.wait_for()
    assert fetched == [demo_url + "search/search_index.json"]


def test_a_failure_while_answering_is_said_in_the_bar_without_moving_the_person(page, demo_url):
    page.set_viewport_size(PHONE)
    held = []
    with_settings(page, retryAfter=[])
    page.route("**/pyodide.asm.wasm*", lambda route: held.append(route))
    with page.expect_request("**/pyodide.asm.wasm*"):
        page.goto(demo_url + PAGE)
    for item in ["v1", "v2", "s1", "s2", "s3"]:
        answer(page, item, "Often")
    here = page.locator("fieldset[data-item='s3']")
    here.scroll_into_view_if_needed()
    before = here.bounding_box()["y"]
    held[0].abort()  # the Wi-Fi drops while the person is on statement 7
    bar = page.locator("[data-huddle-loading]")
    bar.get_by_text("The scorer could not start; your answers are kept.").wait_for(timeout=RESULTS_TIMEOUT)
    assert in_viewport(page, bar)
    assert abs(here.bounding_box()["y"] - before) < 2  # the statement stays where it was on the screen
    assert not page.locator("[data-huddle-notice]").evaluate("e => e === document.activeElement")
    page.get_by_role("button", name="See my results", exact=True).click()
    page.get_by_role("button", name="See results now").click()
    notice = page.locator("[data-huddle-notice]")
    assert notice.evaluate("e => e === document.activeElement") and in_viewport(page, notice)
    assert page.locator("[data-huddle-status]").inner_text() == ""  # not also "still getting ready"


@pytest.mark.no_pyodide
def test_start_now_brings_the_offer_to_save_into_view_and_its_button_out(page, demo_url):
    page.set_viewport_size(PHONE)
    page.goto(demo_url + PAGE)
    start = page.get_by_role("button", name="Start now")
    start.click()
    # The page moves (smoothly) until the button has gone under the header: the person sees that it worked.
    page.wait_for_function(
        "() => document.querySelector('.huddle-start').getBoundingClientRect().bottom"
        " < document.querySelector('.md-header').getBoundingClientRect().bottom + 8",
        timeout=5000,
    )
    assert in_viewport(page, page.get_by_label("Save my progress on this device"))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "huddle-save"  # and the keyboard carries on from there


def test_after_a_first_visit_the_team_page_opens_and_profiles_offline(browser, demo_url, demo_site):
    from tests.assessment_page import framework_of
    from tests.test_collective_browser import member, show_profile

    team_page = "assessments/team-culture/team/"
    framework = framework_of(demo_site, "assessments/team-culture/")
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(demo_url + team_page)
        page.locator("form[data-offline=kept]").wait_for(timeout=RESULTS_TIMEOUT)
        context.set_offline(True)  # the meeting room has no Wi-Fi
        page.reload()
        page.locator("form[data-scorer=ready]").wait_for(timeout=RESULTS_TIMEOUT)
        show_profile(page, [member(framework, n) for n in range(5)])
        page.locator("[data-huddle-team-table]").wait_for(timeout=RESULTS_TIMEOUT)
    finally:
        context.close()
