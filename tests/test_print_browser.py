"""Paper, in real Chromium after real scoring in Pyodide: A4 PDFs read back with pypdf.

Results fit two pages whatever the ties, with every piece of advice the screen shows; the team, board
and 360 printouts say when they were made and which round of codes they hold; no page is blank.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from pypdf import PdfReader

from generator.scoring.codes import encode
from generator.scoring.results import long_date
from generator.scoring.strings import HUDDLE
from tests.assessment_page import RESULTS_TIMEOUT, answer, framework_of, see_results, shown_scores, wait_until
from tests.test_collective_browser import member, show_360, show_profile

pytestmark = pytest.mark.browser

TEAM = "assessments/team-culture/"
BOARD = "assessments/board-leadership/"
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


def check_collective_paper(page, path, framework, *sentences: str) -> list[str]:
    """The view printed: no blank page, made today (this browser's date, the machine's here), the round."""
    sheets = printed(page, path)
    assert all(sheet.strip() for sheet in sheets), f"a blank page among {len(sheets)}"
    flat = bare(" ".join(sheets))
    made = HUDDLE.say("print-made", version=framework.version, date=long_date(HUDDLE, date.today().isoformat()))
    for sentence in (made, *sentences):
        assert bare(sentence) in flat, sentence
    return sheets


def test_a_team_printout_says_when_it_was_made_and_which_rounds_it_holds(page, demo_url, demo_site, tmp_path):
    framework = framework_of(demo_site, TEAM)
    page.goto(demo_url + TEAM + "team/")
    show_profile(page, [member(framework, n) for n in range(6)])
    page.locator("[data-huddle-team-table]").wait_for()
    this_round = HUDDLE.say("print-round", members=6)
    compared = bare(HUDDLE.say("print-round-earlier", members=0).split(":")[0])  # "Compared with an earlier round"
    sheets = check_collective_paper(page, tmp_path / "team.pdf", framework, this_round)
    assert compared not in bare(" ".join(sheets))
    page.locator(".huddle-round summary").click()
    earlier = page.locator("[data-huddle-earlier-codes]")
    # 6 people now and 5 then are not compared (the change would be one person's): paper does not claim it.
    earlier.fill("\n".join(member(framework, n + 1) for n in range(5)))
    show_profile(page, [member(framework, n) for n in range(6)])
    page.locator("[data-huddle-round-not-compared]").wait_for()
    sheets = check_collective_paper(page, tmp_path / "five.pdf", framework, this_round)
    assert compared not in bare(" ".join(sheets))
    earlier.fill("\n".join(member(framework, n + 1) for n in range(6)))
    show_profile(page, [member(framework, n) for n in range(6)])
    page.locator("[data-huddle-round-changes]").wait_for()
    check_collective_paper(
        page, tmp_path / "rounds.pdf", framework, this_round, HUDDLE.say("print-round-earlier", members=6)
    )


def test_a_board_printout_says_when_it_was_made_and_which_round_it_holds(page, demo_url, demo_site, tmp_path):
    framework = framework_of(demo_site, BOARD)
    execs, nons = (g.id for g in framework.groups)
    page.goto(demo_url + BOARD + "team/")
    show_profile(
        page, [member(framework, n, execs) for n in range(3)] + [member(framework, n, nons) for n in range(3, 6)]
    )
    page.locator("[data-huddle-groups]").wait_for()
    check_collective_paper(page, tmp_path / "board.pdf", framework, HUDDLE.say("print-round", members=6))


def test_a_360_printout_is_one_dated_page_with_no_blank_one_after(page, demo_url, demo_site, tmp_path):
    framework = framework_of(demo_site, PAGE)
    own = encode(framework, {i.id: 3 for i in framework.items()}, nonce="0WN")
    peers = [encode(framework, {i.id: 3 for i in framework.items()}, role="peer", nonce=f"P{n}0") for n in range(3)]
    page.goto(demo_url + PAGE + "360/")
    show_360(page, own, peers)
    sheets = check_collective_paper(page, tmp_path / "360.pdf", framework, HUDDLE.say("print-round-feedback", raters=3))
    assert len(sheets) == 1


SMALLEST_ON_PAPER = 32 / 3  # px: 8pt, for anything printed
SMALLEST_BODY_ON_PAPER = 12  # px: 9pt, for the paragraphs and list items one reads and annotates

PRINTED_TEXT = """() => {
  // Each piece of text that prints, with the font size it prints at (pseudo-elements too, such as a
  // link's address after it), and whether it is body text (a paragraph's or a list item's own words).
  const found = [];
  const shows = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent.trim() || !el || !shows(el)) continue;
    const body = Boolean(el.closest("p, li")) && !el.closest(".huddle-illustrative-mark, sup, sub");
    found.push({ text: node.textContent.trim().slice(0, 40), size: parseFloat(getComputedStyle(el).fontSize), body });
  }
  for (const el of document.body.querySelectorAll("*")) {
    if (!shows(el)) continue;
    for (const pseudo of ["::before", "::after"]) {
      const style = getComputedStyle(el, pseudo);
      if (/^["'].*\\S.*["']$/.test(style.content) || style.content.includes("attr(")) {
        const text = pseudo + " of " + el.textContent.trim().slice(0, 30);
        found.push({ text, size: parseFloat(style.fontSize), body: false });
      }
    }
  }
  return found;
}"""


def too_small_on_paper(page) -> list[str]:
    """What prints below 8pt, or below 9pt in body text, in print emulation (as the PDF has it)."""
    page.emulate_media(media="print")
    try:
        found = page.evaluate(PRINTED_TEXT)
    finally:
        page.emulate_media(media=None)
    assert len(found) > 20
    return [
        f"{t['text']!r} at {t['size'] * 0.75:.1f}pt"
        for t in found
        if t["size"] < SMALLEST_ON_PAPER - 0.01 or (t["body"] and t["size"] < SMALLEST_BODY_ON_PAPER - 0.01)
    ]


def test_results_print_no_text_under_8pt_and_body_text_at_9pt_or_more(results_page, demo_site):
    page = results_page
    framework = framework_of(demo_site, PAGE)
    give(page, framework, TIES["five tied strengths"])
    see_scores(page, framework, TIES["five tied strengths"])
    page.locator("[data-huddle-notes]").fill(NOTES)
    assert too_small_on_paper(page) == []


def test_team_and_360_printouts_have_no_text_under_8pt_and_body_text_at_9pt_or_more(page, demo_url, demo_site):
    framework = framework_of(demo_site, TEAM)
    page.goto(demo_url + TEAM + "team/")
    show_profile(page, [member(framework, n) for n in range(6)])
    page.locator("[data-huddle-team-table]").wait_for()
    assert too_small_on_paper(page) == []
    framework = framework_of(demo_site, PAGE)
    own = encode(framework, {i.id: 3 for i in framework.items()}, nonce="0WN")
    peers = [encode(framework, {i.id: 4 for i in framework.items()}, role="peer", nonce=f"P{n}0") for n in range(3)]
    page.goto(demo_url + PAGE + "360/")
    show_360(page, own, peers)
    assert too_small_on_paper(page) == []
