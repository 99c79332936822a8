"""Paper, in real Chromium after real scoring in Pyodide: A4 PDFs read back with pypdf.

Results fit two pages whatever the ties, with every piece of advice the screen shows; the team, board
and 360 printouts say when they were made and which round of codes they hold; no page is blank.
"""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from tests.assessment_page import RESULTS_TIMEOUT, answer, framework_of, see_results, shown_scores, wait_until

pytestmark = pytest.mark.browser

PAGE = "assessments/collective-leadership/"
NOTES = "Ask Priya to sit in on a huddle.\nTry the quiet-first round for a month."
EARLIER_NOTES = "Ask for feedback from the night team."
TIES = {
    "all tied": [3, 3, 3, 3, 3, 3],
    "all different": [5, 4, 3, 2, 1, 3],
    "five tied strengths": [5, 5, 5, 5, 5, 1],
    "three strengths and three to develop": [5, 5, 5, 1, 1, 1],
    "tied at top and bottom": [5, 5, 3, 3, 1, 1],
}
"""Each competency's answers, by position on the scale (1 its lowest point), in framework order."""


def printed(page, path) -> list[str]:
    """The page printed on A4, as each sheet's text."""
    page.pdf(path=path, format="A4")
    return [sheet.extract_text() for sheet in PdfReader(path).pages]


def bare(text: str) -> str:
    return re.sub(r"\s+", "", text)


def give(page, framework, levels: list[int]) -> None:
    """Answer each competency's statements at its level (statements counted in reverse the other way)."""
    labels = [p.label for p in framework.scale.points]
    for competency, level in zip(framework.competencies(), levels, strict=True):
        for item in competency.items:
            answer(page, item.id, labels[len(labels) - level if item.reverse else level - 1])


def see_scores(page, framework, levels: list[int]) -> None:
    """See the results, and wait until they are these answers' (the results of the case before stay up
    while the new ones are scored)."""
    see_results(page)
    expected = {c.id: f"{level}.0" for c, level in zip(framework.competencies(), levels, strict=True)}
    wait_until(page, lambda: shown_scores(page) == expected)


def on_screen_advice(page) -> list[str]:
    """Every competency block's text on screen but its case studies (paper keeps two), each piece alone."""
    return page.eval_on_selector_all(
        ".huddle-block > :not(.huddle-block__studies), .huddle-block__studies li:nth-child(-n + 2) > a",
        "els => els.map((e) => e.innerText)",
    )


@pytest.fixture(scope="module")
def results_page(browser, demo_url):
    """One assessment page, its scorer booted once, scored again for each case."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(demo_url + PAGE)
        yield page
    finally:
        context.close()


def check_results_paper(page, demo_url, path) -> list[str]:
    sheets = printed(page, path)
    assert 1 <= len(sheets) <= 2, f"{len(sheets)} pages"
    assert all(sheet.strip() for sheet in sheets), "a blank page"
    # Addresses printed after links split the advice's sentences; the advice is checked without them.
    flat = re.sub(r"\(" + re.escape(demo_url) + r"[^)]*\)", "", bare(" ".join(sheets)))
    advice = on_screen_advice(page)
    assert len(advice) > 30
    missing = [text for text in advice if bare(text) not in flat]
    assert missing == [], f"on screen, not on paper: {missing}"
    assert bare(NOTES) in flat
    return sheets


@pytest.mark.parametrize("case", list(TIES))
def test_results_print_on_two_pages_with_every_piece_of_advice_whatever_the_ties(
    results_page, demo_url, demo_site, tmp_path, case
):
    page = results_page
    framework = framework_of(demo_site, PAGE)
    give(page, framework, TIES[case])
    see_scores(page, framework, TIES[case])
    page.locator("[data-huddle-notes]").fill(NOTES)
    check_results_paper(page, demo_url, tmp_path / "results.pdf")


def test_results_compared_with_an_earlier_one_still_print_on_two_pages(results_page, demo_url, demo_site, tmp_path):
    page = results_page
    framework = framework_of(demo_site, PAGE)
    give(page, framework, [1, 2, 3, 4, 5, 3])
    see_scores(page, framework, [1, 2, 3, 4, 5, 3])
    page.locator("[data-huddle-notes]").fill(EARLIER_NOTES)
    with page.expect_download() as info:
        page.get_by_role("button", name="Download my results (to compare next time)").click()
    info.value.save_as(tmp_path / "earlier.json")
    for levels in (TIES["three strengths and three to develop"], TIES["five tied strengths"]):
        give(page, framework, levels)
        page.locator("#huddle-earlier-results").set_input_files(tmp_path / "earlier.json")
        page.locator("[data-huddle-compare]").wait_for(state="visible", timeout=RESULTS_TIMEOUT)
        see_scores(page, framework, levels)
        page.locator("[data-huddle-notes]").fill(NOTES)
        sheets = check_results_paper(page, demo_url, tmp_path / "compared.pdf")
        flat = bare(" ".join(sheets))
        assert bare(EARLIER_NOTES) in flat and bare("Compared with an earlier result") in flat
