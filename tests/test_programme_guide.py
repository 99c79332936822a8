"""The demo's programme guide for an OD lead: linked from the home page, its three phases linked in order, the
pages it sends people to, and its sources said as the domain brief allows."""

from __future__ import annotations

import re

import pytest

from tests.conftest import new_context
from tests.test_accessibility import violations
from tests.test_knowledge import links

GUIDE = "guide/programme"
PHASES = ["guide/programme-discovery", "guide/programme-design", "guide/programme-delivery"]
WHITE_PAPER = "Delivering a collective leadership strategy for health care"


def text(site, page: str) -> str:
    html = (site / page / "index.html").read_text(encoding="utf-8")
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_home_page_links_the_guide_and_the_guide_links_its_three_phases_in_order(demo_site):
    assert GUIDE + "/" in links(demo_site, "")
    assert {p + "/" for p in PHASES} <= links(demo_site, GUIDE)
    for page, following in zip(PHASES, PHASES[1:], strict=False):
        assert following + "/" in links(demo_site, page), page
    for page in PHASES:
        assert GUIDE + "/" in links(demo_site, page), page


def test_discovery_sends_people_to_the_pages_that_collect_and_pool_results(demo_site):
    found = links(demo_site, PHASES[0])
    assert {
        "assessments/team-culture/",
        "assessments/board-leadership/",
        "assessments/collective-leadership/",
        "assessments/team-culture/team/",
        "assessments/team-culture/organisation/",
    } <= found


def test_the_white_paper_is_named_for_the_phases_and_the_rest_is_said_to_be_huddles_own(demo_site):
    for page in [GUIDE, *PHASES]:
        said = text(demo_site, page)
        assert WHITE_PAPER in said, page
        assert "Huddle's own advice" in said or "Huddle project's own advice" in said, page
        assert "{{" not in said, page  # every placeholder filled


def test_the_culture_and_leadership_programme_is_further_reading_from_another_organisation(demo_site):
    said = text(demo_site, GUIDE)
    assert "Culture and Leadership Programme" in said
    assert "another organisation's resource" in said


@pytest.fixture(params=["light", "dark"])
def schemed(request, browser):
    context = new_context(browser, request, color_scheme=request.param)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("page", [GUIDE, *PHASES])
def test_the_guide_pages_have_no_violations_light_and_dark(schemed, demo_url, page):
    schemed.goto(f"{demo_url}{page}/")
    assert violations(schemed) == []


@pytest.mark.browser
@pytest.mark.parametrize("page", [GUIDE, *PHASES])
def test_the_guide_reads_on_a_phone_without_sideways_scrolling(browser, demo_url, page):
    context = browser.new_context(viewport={"width": 375, "height": 700})
    try:
        tab = context.new_page()
        tab.goto(f"{demo_url}{page}/")
        assert tab.evaluate("document.documentElement.scrollWidth") <= 375
    finally:
        context.close()
