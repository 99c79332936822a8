"""What the person is taken to is in view (real Chromium): results and every jump land just below
the sticky header (and bar), the sticky parts leave room at 200 % zoom and on a phone on its side,
and "Try again" is in view wherever the person is (WCAG 2.2 2.4.11, focus not obscured)."""

from __future__ import annotations

import pytest

from tests.assessment_page import RESULTS_TIMEOUT, answer, framework_of, items_of, with_settings

pytestmark = pytest.mark.browser

PAGE = "assessments/collective-leadership/"
PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
SHORT = [{"width": 640, "height": 400}, {"width": 844, "height": 390}]  # 200 % zoom; a phone on its side
NEAR = 16  # px: "just below"


def settled(page) -> None:
    """Wait until the page has stopped scrolling (Material scrolls smoothly)."""
    page.wait_for_function(
        """() => new Promise((done) => {
            let last = scrollY, still = 0;
            const look = () => {
                still = scrollY === last ? still + 1 : 0;
                last = scrollY;
                still > 5 ? done(true) : requestAnimationFrame(look);
            };
            requestAnimationFrame(look);
        })""",
        timeout=10_000,
    )


def top_of(page, selector: str) -> float:
    return page.locator(selector).evaluate("e => e.getBoundingClientRect().top")


def covered(page) -> float:
    """How far down the view the sticky header and bar reach, where they are in view."""
    return page.evaluate(
        """() => Math.max(0, ...['.md-header', '[data-huddle-bar]'].map((s) => document.querySelector(s))
            .filter((e) => e && ['sticky', 'fixed'].includes(getComputedStyle(e).position))
            .map((e) => e.getBoundingClientRect()).filter((r) => r.bottom > 0 && r.top < innerHeight)
            .map((r) => r.bottom))"""
    )


def header_bottom(page) -> float:
    return page.locator(".md-header").evaluate("e => e.getBoundingClientRect().bottom")


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_results_and_their_jump_links_land_just_below_the_header(page, demo_url, demo_site, size):
    page.set_viewport_size(size)
    page.goto(demo_url + PAGE)
    for item in items_of(framework_of(demo_site, PAGE)):
        answer(page, item.id, "Often")
    page.locator("form[data-scorer=ready]").wait_for(timeout=RESULTS_TIMEOUT)
    page.get_by_role("button", name="See my results", exact=True).focus()
    page.keyboard.press("Enter")
    page.locator("[data-huddle-results]").wait_for(state="visible", timeout=RESULTS_TIMEOUT)
    settled(page)
    assert page.evaluate("document.activeElement.id") == "huddle-results-title"
    below = header_bottom(page)
    assert below <= top_of(page, "#huddle-results-title") <= below + NEAR
    for link in page.locator("[data-huddle-results] a[href^='#huddle-']").all():
        target = link.get_attribute("href")[1:]
        link.focus()
        page.keyboard.press("Enter")
        settled(page)
        assert page.evaluate("document.activeElement.id") == target
        at_end = page.evaluate("Math.ceil(scrollY + innerHeight) >= document.documentElement.scrollHeight")
        assert below <= top_of(page, f"#{target}") <= (size["height"] if at_end else below + NEAR), target
        page.locator("#huddle-results-title").scroll_into_view_if_needed()


@pytest.mark.no_pyodide
def test_continue_answering_lands_just_below_the_bar(page, demo_url):
    page.set_viewport_size(PHONE)
    page.goto(demo_url + PAGE)
    for item in ["v1", "v2", "v3"]:
        answer(page, item, "Often")
    page.get_by_role("button", name="See my results", exact=True).click()
    page.get_by_role("button", name="Continue answering").click()
    settled(page)
    assert page.evaluate("document.activeElement.name") == "v4"
    reach = covered(page)
    assert reach <= top_of(page, "fieldset[data-item='v4']") <= reach + NEAR


@pytest.mark.no_pyodide
@pytest.mark.parametrize("size", SHORT, ids=["640x400", "844x390"])
def test_at_short_heights_the_sticky_parts_take_a_fifth_and_never_cover_the_focus(page, demo_url, size):
    page.set_viewport_size(size)
    page.goto(demo_url + PAGE)
    answer(page, "ab4", "Often")  # far down: the page scrolls there
    for _ in range(12):  # back up the statements, by keyboard, each one brought into view from above
        page.keyboard.press("Shift+Tab")
        settled(page)
        reach = covered(page)
        assert reach <= size["height"] * 0.2, f"header and bar take {reach} px of {size['height']}"
        focused = page.evaluate("document.activeElement.getBoundingClientRect().top")
        assert focused >= reach, f"the focused answer is under the header or bar ({focused} < {reach})"
    # The bar at its fullest: the download's progress and the long "results will follow" line.
    page.get_by_role("button", name="See my results", exact=True).click()
    page.get_by_role("button", name="See results now").click()
    page.locator("[data-huddle-status]").get_by_text("Your answers are in.").wait_for()
    page.locator("fieldset[data-item='sl2']").scroll_into_view_if_needed()
    settled(page)
    assert covered(page) <= size["height"] * 0.2


@pytest.mark.parametrize("size", [PHONE, SHORT[0]], ids=["phone", "640x400"])
def test_after_a_failed_download_try_again_is_in_the_bar_in_view_at_statement_10(page, demo_url, size):
    page.set_viewport_size(size)
    with_settings(page, retryAfter=[])
    page.route("**/assets/pyodide/**", lambda route: route.abort())
    page.goto(demo_url + PAGE)
    page.locator("form[data-scorer=failed]").wait_for(timeout=RESULTS_TIMEOUT)
    answer(page, "sl2", "Often")  # statement 10: the person carries on answering
    page.locator("fieldset[data-item='sl2']").scroll_into_view_if_needed()
    settled(page)
    again = page.locator("[data-huddle-bar]").get_by_role("button", name="Try again")
    box = again.bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= size["height"]
    hit = page.evaluate(
        "([x, y]) => document.elementFromPoint(x, y)?.closest('[data-huddle-retry]') !== null",
        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
    )
    assert hit  # nothing covers it
