"""The assessment experience in real Chromium: keyboard, errors, saving, results, files, privacy."""

from __future__ import annotations

import json
import random

import pytest

from generator.scoring import compare, score
from tests.assessment_page import (
    RESULTS_TIMEOUT,
    answer,
    checked_answers,
    clear_answers,
    expected_scores,
    framework_of,
    items_of,
    see_results,
    shown_scores,
    wait_until,
    with_settings,
)

pytestmark = pytest.mark.browser

PAGE = "assessments/collective-leadership/"


@pytest.fixture
def framework(demo_site):
    return framework_of(demo_site, PAGE)


def storage_sizes(page) -> tuple[int, int]:
    return tuple(page.evaluate("[localStorage.length, sessionStorage.length]"))


def test_the_assessment_can_be_completed_by_keyboard_alone(page, demo_url, framework):
    page.goto(demo_url + PAGE)
    choices = random.Random(7)
    first = page.locator("fieldset[data-item] input").first
    for _ in range(80):  # Tab from the top of the page to the first answer
        page.keyboard.press("Tab")
        if first.evaluate("e => e === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the first answer")
    options = len(framework.scale.points) + 1
    for _ in items_of(framework):
        steps = choices.randrange(options)
        page.keyboard.press("Space") if steps == 0 else [page.keyboard.press("ArrowRight") for _ in range(steps)]
        page.keyboard.press("Tab")
    assert page.locator("[data-huddle-progress]").inner_text() == f"{len(items_of(framework))} of 28 answered"
    for _ in range(5):
        if page.evaluate("document.activeElement.textContent.trim()") == "See my results":
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.locator("[data-huddle-results]").wait_for(state="visible", timeout=RESULTS_TIMEOUT)
    assert page.evaluate("document.activeElement.id") == "huddle-results-title"  # focus moved to the results
    assert shown_scores(page) == expected_scores(score(framework, checked_answers(page, framework)))


def test_statements_left_are_listed_with_continue_answering_and_see_results_now(page, demo_url, framework):
    page.goto(demo_url + PAGE)
    answered = [item.id for item in items_of(framework)][:25]
    for item in answered:
        answer(page, item, "Often")
    page.get_by_role("button", name="See my results", exact=True).click()
    gaps = page.locator("[data-huddle-gaps]")
    assert gaps.is_visible()
    assert gaps.evaluate("e => e === document.activeElement")
    title = page.locator("[data-huddle-gaps-title]")
    assert title.inner_text() == "You have answered 25 of 28"
    box = title.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= page.viewport_size["height"]  # in view as focus lands
    links = gaps.get_by_role("link")
    numbers = {item.id: n for n, item in enumerate(items_of(framework), start=1)}
    missing = [item for item in items_of(framework) if item.id not in answered]
    assert links.all_inner_texts() == [f"{numbers[item.id]}. {item.text}" for item in missing]
    links.first.click()
    focused = page.evaluate("[document.activeElement.name, document.activeElement.type]")
    assert focused == [missing[0].id, "radio"]
    page.get_by_role("button", name="See my results", exact=True).click()
    page.get_by_role("button", name="Continue answering").click()
    assert page.evaluate("document.activeElement.name") == missing[0].id
    assert not gaps.is_visible()
    page.get_by_role("button", name="See my results", exact=True).click()
    page.get_by_role("button", name="See results now").click()
    page.locator("[data-huddle-results]").wait_for(state="visible", timeout=RESULTS_TIMEOUT)
    assert not gaps.is_visible()


@pytest.mark.no_pyodide
def test_answers_are_stored_only_after_opting_in_and_clear_removes_them(page, demo_url):
    page.goto(demo_url + PAGE)
    answer(page, "v1", "Often")
    page.reload()  # kept for this tab (session storage), not on the device
    assert page.locator("fieldset[data-item='v1']").get_by_label("Often", exact=True).is_checked()
    assert storage_sizes(page) == (0, 1)

    save = page.get_by_label("Save my progress on this device")
    assert not save.is_checked()
    answer(page, "v1", "Often")
    save.check()
    answer(page, "s2", "Rarely")
    page.reload()
    assert page.get_by_label("Save my progress on this device").is_checked()
    assert page.locator("fieldset[data-item='v1']").get_by_label("Often", exact=True).is_checked()
    assert page.locator("fieldset[data-item='s2']").get_by_label("Rarely", exact=True).is_checked()
    assert page.locator("[data-huddle-progress]").inner_text() == "2 of 28 answered"

    page.get_by_role("button", name="Clear my answers").click()
    page.get_by_role("button", name="No, keep them").click()
    assert page.locator("fieldset input:checked").count() == 2  # asked first, and kept
    clear_answers(page)
    assert storage_sizes(page) == (0, 0)
    assert page.locator("fieldset input:checked").count() == 0
    page.reload()
    assert page.locator("fieldset input:checked").count() == 0
    assert not page.get_by_label("Save my progress on this device").is_checked()


@pytest.mark.no_pyodide
def test_turning_saving_off_removes_what_was_stored(page, demo_url):
    page.goto(demo_url + PAGE)
    page.get_by_label("Save my progress on this device").check()
    answer(page, "v1", "Often")
    assert storage_sizes(page) == (1, 1)
    page.get_by_label("Save my progress on this device").uncheck()
    assert storage_sizes(page) == (0, 1)  # what this tab keeps until it closes
    assert page.locator("fieldset[data-item='v1']").get_by_label("Often", exact=True).is_checked()


def download(page, name: str, tmp_path):
    with page.expect_download() as info:
        page.get_by_role("button", name=name).click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    return path


def test_a_downloaded_result_loads_back_with_the_same_answers_and_shows_the_change(page, demo_url, framework, tmp_path):
    page.goto(demo_url + PAGE)
    choices = random.Random(3)
    labels = [p.label for p in framework.scale.points]
    for item in items_of(framework):
        answer(page, item.id, choices.choice(labels))
    earlier = checked_answers(page, framework)
    see_results(page)
    saved = download(page, "Download my results (to compare next time)", tmp_path)
    assert saved.name.startswith("collective-leadership-") and saved.suffix == ".json"
    assert json.loads(saved.read_text())["answers"] == earlier
    spreadsheet = download(page, "Download as a spreadsheet (CSV)", tmp_path)
    assert spreadsheet.read_text().count("\n") == 7

    page = page.context.new_page()  # a new visit (a new tab), nothing saved on the device
    page.goto(demo_url + PAGE)
    assert page.locator("fieldset input:checked").count() == 0
    page.get_by_text("Continue from a result you downloaded before").click()
    page.locator("#huddle-earlier-intro").set_input_files(saved)
    page.get_by_text("Loaded your earlier result").wait_for(timeout=RESULTS_TIMEOUT)
    assert checked_answers(page, framework) == earlier

    for item in ["v1", "v2", "s1", "cs1"]:
        answer(page, item, "Always")
    now = checked_answers(page, framework)
    see_results(page)
    table = page.locator("[data-huddle-compare]")
    table.wait_for(state="visible", timeout=RESULTS_TIMEOUT)
    shown = {
        row.get_attribute("data-competency"): row.locator("[data-change]").inner_text()
        for row in table.locator("tbody tr").all()
    }
    assert shown == {r.id: r.change or "no change shown" for r in compare(framework, earlier, now)}
    assert any(change.startswith("+") for change in shown.values())


def test_clear_my_answers_also_forgets_a_loaded_earlier_result(page, demo_url, framework, tmp_path):
    page.goto(demo_url + PAGE)
    for item in ["v1", "v2", "v3"]:
        answer(page, item, "Often")
    see_results(page)
    saved = download(page, "Download my results (to compare next time)", tmp_path)
    page.locator("#huddle-earlier-results").set_input_files(saved)
    page.locator("[data-huddle-compare]").wait_for(state="visible", timeout=RESULTS_TIMEOUT)
    clear_answers(page)
    assert not page.locator("[data-huddle-compare]").is_visible()
    assert page.locator("[data-huddle-earlier-status]").all_inner_texts() == ["", ""]
    answer(page, "v1", "Rarely")
    see_results(page)
    assert not page.locator("[data-huddle-compare]").is_visible()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("this is not json", "This file is not a result saved from this self-assessment: it is not JSON."),
        (
            json.dumps(
                {
                    "format": "huddle-result",
                    "format_version": 1,
                    "answers": {},
                    "framework": {"id": "collective-leadership", "version": "0.1"},
                }
            ),
            "This result was scored against another version of this self-assessment",
        ),
    ],
)
def test_a_file_from_another_version_or_malformed_is_refused_without_breaking_the_page(
    page, demo_url, tmp_path, content, message
):
    page.goto(demo_url + PAGE)
    answer(page, "v1", "Often")
    file = tmp_path / "earlier.json"
    file.write_text(content)
    page.get_by_text("Continue from a result you downloaded before").click()
    page.locator("#huddle-earlier-intro").set_input_files(file)
    page.get_by_text(message).wait_for(timeout=RESULTS_TIMEOUT)
    assert page.locator("fieldset[data-item='v1']").get_by_label("Often", exact=True).is_checked()
    see_results(page)
    assert shown_scores(page)


def test_results_show_bands_chart_strengths_and_advice_with_case_studies(page, demo_url, framework):
    page.goto(demo_url + PAGE)
    for competency, label in zip(framework.domains[0].competencies, ["Always", "Never"], strict=True):
        for item in competency.items:
            answer(page, item.id, label)
    see_results(page)
    results = page.locator("[data-huddle-results]")
    assert results.locator("figure.huddle-chart li").count() == len(framework.competencies())
    assert results.locator("tr[data-competency='speaking-up'] .huddle-band").inner_text() == "Emerging"
    advice = results.locator(".huddle-block--develop[data-competency='speaking-up']")
    assert advice.get_by_role("link").count() >= 2  # case studies and the competency page
    href = advice.get_by_role("link").first.get_attribute("href")
    assert page.request.get(page.url + href).ok


def test_submitting_before_the_scorer_is_ready_says_so_then_shows_results(page, demo_url):
    held = []
    page.route("**/pyodide.asm.wasm*", lambda route: held.append(route))
    page.goto(demo_url + PAGE)
    for item in ["v1", "v2", "v3", "v4"]:
        answer(page, item, "Often")
    page.get_by_role("button", name="See my results", exact=True).click()
    page.get_by_role("button", name="See results now").click()
    page.get_by_text("Your results will show here as soon as the scorer has finished downloading").wait_for()
    wait_until(page, lambda: held)  # the WebAssembly download has reached us and is held
    assert held and not page.locator("[data-huddle-results]").is_visible()
    for route in held:
        route.continue_()
    page.locator("[data-huddle-results]").wait_for(state="visible", timeout=RESULTS_TIMEOUT)
    assert shown_scores(page)["vision"] == "3.5"  # "Often" (4) for each; v3 is reverse-keyed, so 2


def test_when_pyodide_cannot_start_the_page_says_so_and_keeps_the_answers(page, demo_url):
    # The runtime's address made one where nothing is: the document's settings are rewritten, which holds
    # however busy the machine (a route on the worker's own requests can miss its first ones).
    with_settings(page, retryAfter=[], pyodide=demo_url + "assets/pyodide/nothing-here/")
    page.goto(demo_url + PAGE)
    # Said at once, before the person has answered everything and asked for results.
    page.locator("[data-huddle-notice]").get_by_text("the scorer could not start").wait_for(timeout=RESULTS_TIMEOUT)
    answer(page, "v1", "Often")
    page.get_by_role("button", name="See my results", exact=True).click()
    page.get_by_role("button", name="See results now").click()
    status = page.locator("[data-huddle-notice]")
    status.get_by_text("the scorer could not start").wait_for(timeout=RESULTS_TIMEOUT)
    link = status.get_by_role("link", name="printable version with its scoring key")
    assert page.request.get(page.url + link.get_attribute("href")).ok
    assert page.locator("fieldset[data-item='v1']").get_by_label("Often", exact=True).is_checked()


def test_a_pyodide_file_the_server_refuses_fails_the_boot_at_once(page, demo_url):
    # Pyodide only logs a refused WebAssembly download and never settles; the worker must say so at once,
    # not after the 30 s boot timeout (whose message would not name the file).
    page.route("**/pyodide.asm.wasm*", lambda route: route.fulfill(status=404, body="Not Found"))
    page.goto(demo_url + PAGE)
    status = page.locator("[data-huddle-notice]")
    status.get_by_text("pyodide.asm.wasm could not be loaded (404)").wait_for(timeout=RESULTS_TIMEOUT)
    assert status.get_by_role("link", name="printable version with its scoring key").is_visible()


def test_a_browser_without_webassembly_is_told_so_and_offered_the_printable_version(page, demo_url):
    page.add_init_script("delete window.WebAssembly")
    page.goto(demo_url + PAGE)
    status = page.locator("[data-huddle-notice]")
    status.get_by_text("this browser cannot run WebAssembly").wait_for(timeout=10_000)
    assert status.get_by_role("link", name="printable version with its scoring key").is_visible()


@pytest.mark.no_pyodide
def test_the_focused_answer_has_a_visible_outline(page, demo_url):
    page.goto(demo_url + PAGE)
    radio = page.locator("fieldset[data-item='v1'] input").first
    radio.focus()
    page.keyboard.press("ArrowRight")  # keyboard focus, so :focus-visible applies
    style = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, parseFloat(s.outlineWidth)]; }"
    )
    assert style[0] != "none" and style[1] >= 2


def test_a_download_that_stalls_fails_after_boot_timeout_seconds_without_progress(page, demo_url):
    with_settings(page, bootTimeout=2, retryAfter=[])  # failed after the first stall, not tried again by itself
    page.route("**/pyodide.asm.wasm*", lambda route: None)  # never answered
    page.goto(demo_url + PAGE)
    answer(page, "v1", "Often")
    page.get_by_role("button", name="See my results", exact=True).click()
    page.get_by_role("button", name="See results now").click()
    status = page.locator("[data-huddle-notice]")
    status.get_by_text("nothing arrived for 2 seconds").wait_for(timeout=30_000)
    assert status.get_by_role("link", name="printable version with its scoring key").is_visible()
    assert page.locator("fieldset[data-item='v1']").get_by_label("Often", exact=True).is_checked()


def test_a_whole_visit_leaves_no_cookies_no_storage_and_no_requests_elsewhere(page, demo_url, tmp_path):
    from urllib.parse import urlsplit

    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(demo_url)
    page.get_by_role("link", name="collective leadership self-assessment").first.click()
    answer(page, "v1", "Often")
    see_results(page)
    download(page, "Download my results (to compare next time)", tmp_path)
    assert page.context.cookies() == []
    # Nothing on the device; the answers kept for this tab only, which the browser drops with it.
    assert storage_sizes(page) == (0, 1)
    assert page.evaluate("Object.keys(sessionStorage)") == ["huddle:collective-leadership:3.0"]
    origin = urlsplit(demo_url).netloc
    assert [url for url in requests if urlsplit(url).netloc != origin and not url.startswith("blob:")] == []
    assert not [url for url in requests if "?" in url and "v1" in url.split("?", 1)[1]]


def test_material_stores_the_colour_scheme_only_once_the_person_chooses_one(page, demo_url):
    page.goto(demo_url)
    assert storage_sizes(page) == (0, 0)
    page.get_by_title("Switch to dark mode").click()
    assert page.evaluate("Object.keys(localStorage)") == ["/.__palette"]
    page.goto(demo_url + "about/")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"


@pytest.mark.no_pyodide
def test_answer_targets_are_at_least_24_by_24_css_pixels(page, demo_url):
    page.set_viewport_size({"width": 360, "height": 740})  # a small phone
    page.goto(demo_url + PAGE)
    sizes = page.eval_on_selector_all(
        "fieldset[data-item] input, [data-huddle-save]",
        "els => els.map(e => { const r = e.getBoundingClientRect(); return [r.width, r.height]; })",
    )
    assert sizes and min(min(w, h) for w, h in sizes) >= 24


def test_printing_the_results_gives_the_report_without_the_questionnaire(page, demo_url):
    page.goto(demo_url + PAGE)
    answer(page, "v1", "Often")
    see_results(page)
    page.emulate_media(media="print")
    assert page.locator("[data-huddle-results] figure.huddle-chart").is_visible()
    assert not page.locator("form[data-huddle-assessment]").is_visible()
    assert not page.get_by_role("button", name="Download my results (to compare next time)").is_visible()
    assert not page.locator(".md-header").is_visible()
