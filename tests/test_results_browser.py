"""Results worth taking to an appraisal, in real Chromium: phone and desktop, light and dark, notes, paper."""

from __future__ import annotations

import json
import re

import pytest
from pypdf import PdfReader

from tests.assessment_page import RESULTS_TIMEOUT, answer, framework_of, items_of, see_results
from tests.test_accessibility import settle, violations

pytestmark = pytest.mark.browser

PAGE = "assessments/collective-leadership/"
NOTES = "Ask Priya to sit in on a huddle.\nTry the quiet-first round for a month."
SPREAD = [4, 1, 3, 5, 2]
"""Answers by position on the scale (1 its lowest point), going round: a spread of scores."""


def answer_all(page, framework) -> None:
    labels = [point.label for point in framework.scale.points]
    for n, item in enumerate(items_of(framework)):
        answer(page, item.id, labels[SPREAD[n % len(SPREAD)] - 1])


@pytest.fixture(scope="module")
def results_page(browser, demo_url, demo_site):
    """The demo's results with every answer given and the answers opened: one scorer start for the module's
    widths and schemes, as a person's phone turns or switches to dark while the results are on screen."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(demo_url + PAGE)
        answer_all(page, framework_of(demo_site, PAGE))
        see_results(page)
        page.locator("[data-huddle-answers] summary").click()
        yield page
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [375, 1280])
def test_results_read_at_every_width_with_no_sideways_scroll_and_no_violations(results_page, width, scheme):
    page = results_page
    page.set_viewport_size({"width": width, "height": 800})
    page.emulate_media(color_scheme=scheme)
    assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") == (scheme == "dark")
    # What the resize starts (Material's drawer slides between its phone and desktop places) ends first.
    settle(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    sizes = page.eval_on_selector_all(
        ".huddle-chart figcaption, .huddle-chart__label, .huddle-chart__value, .huddle-chart__axis span",
        "els => els.map((e) => parseFloat(getComputedStyle(e).fontSize) * (e.getBoundingClientRect().width ? 1 : 0))",
    )
    assert len(sizes) > 12 and min(sizes) >= 12
    blocks = page.locator(".huddle-block")
    assert blocks.count() == 6
    box = blocks.first.bounding_box()
    assert box["width"] <= width
    assert violations(page) == []


def test_notes_are_in_the_download_and_stored_only_after_opting_in(page, demo_url, demo_site, tmp_path):
    page.goto(demo_url + PAGE)
    answer_all(page, framework_of(demo_site, PAGE))
    see_results(page)
    page.locator("[data-huddle-notes]").fill(NOTES)
    assert page.evaluate("localStorage.length") == 0  # typed, never stored on the device without opting in
    with page.expect_download() as info:
        page.get_by_role("button", name="Download my results (to compare next time)").click()
    info.value.save_as(tmp_path / "result.json")
    assert json.loads((tmp_path / "result.json").read_text())["notes"] == NOTES

    page.get_by_label("Save my progress on this device").check()
    stored = page.evaluate("Object.values(localStorage).map((v) => JSON.parse(v))")
    assert [entry["notes"] for entry in stored] == [NOTES]
    page.reload()
    assert page.locator("[data-huddle-notes]").input_value() == NOTES  # saved progress brings them back


def test_the_printout_fits_two_a4_pages_with_notes_and_case_study_addresses(page, demo_url, demo_site, tmp_path):
    page.goto(demo_url + PAGE)
    framework = framework_of(demo_site, PAGE)
    answer_all(page, framework)
    see_results(page)
    page.locator("[data-huddle-notes]").fill(NOTES)
    pdf = tmp_path / "results.pdf"
    page.pdf(path=pdf, format="A4")
    reader = PdfReader(pdf)
    assert 1 <= len(reader.pages) <= 2
    flat = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "Ask Priya to sit in on a huddle." in flat
    assert re.search(re.escape(demo_url) + r"case-studies/[a-z0-9-]+/", flat.replace(" ", ""))
    assert "Name" in flat and "Discussed with" in flat
    assert f"{framework.title}, version {framework.version}" in flat
    assert "See my results" not in flat and "Download my results" not in flat


def test_a_comparison_calls_out_band_changes_and_draws_the_earlier_result(page, demo_url, demo_site, tmp_path):
    framework = framework_of(demo_site, PAGE)
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(demo_url + PAGE)
    low, high = framework.scale.points[0].label, framework.scale.points[-1].label
    for item in framework.competency("vision").items:
        answer(page, item.id, high if item.reverse else low)
    see_results(page)
    with page.expect_download() as info:
        page.get_by_role("button", name="Download my results (to compare next time)").click()
    info.value.save_as(tmp_path / "earlier.json")
    for item in framework.competency("vision").items:
        answer(page, item.id, low if item.reverse else high)
    page.locator("#huddle-earlier-results").set_input_files(tmp_path / "earlier.json")
    page.locator("[data-huddle-compare]").wait_for(state="visible", timeout=RESULTS_TIMEOUT)
    see_results(page)
    changes = page.locator("[data-huddle-band-changes] li").all_inner_texts()
    assert len(changes) == 1 and changes[0].startswith("Shared vision: Emerging → ")
    assert page.locator(".huddle-chart__earlier[data-earlier='vision']").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert violations(page) == []


def test_a_link_in_the_results_opens_a_new_tab_and_the_results_stay(page, demo_url, demo_site):
    page.goto(demo_url + PAGE)
    answer_all(page, framework_of(demo_site, PAGE))
    see_results(page)
    results = page.locator("[data-huddle-results]")
    assert results.locator("[data-huddle-new-tab]").is_visible()  # said before any link
    links = results.locator("a[href]:not([href^='#'])")
    assert links.count() > 10
    assert links.evaluate_all("ls => ls.filter((l) => l.target !== '_blank' || l.rel !== 'noopener').length") == 0
    # After the summary, links down the long page (on a phone, eleven screens) to what to do with it.
    jump = results.locator("nav.huddle-jump")
    assert jump.get_by_role("link").all_inner_texts() == [
        "Next steps",
        "Share your results with your team",
        "Keep your results",
    ]
    jump.get_by_role("link", name="Keep your results").click()
    assert page.url.endswith("#huddle-keep") and page.locator("#huddle-keep").is_visible()
    with page.context.expect_page() as opened:
        results.locator(".huddle-blocks a[href*='case-studies/']").first.click()
    opened.value.wait_for_load_state()
    assert "/case-studies/" in opened.value.url
    assert results.is_visible() and page.url.startswith(demo_url + PAGE)
