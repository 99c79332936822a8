"""axe-core (npm, pinned) finds no WCAG 2.2 AA violations in any state of the pages, light or dark."""

from __future__ import annotations

import pytest

from tests.assessment_page import answer, see_results
from tests.conftest import new_context
from tests.sites import REPO

pytestmark = pytest.mark.browser

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PAGE = "assessments/collective-leadership/"
FAILURES = """async (tags) => {
  const found = await axe.run(document, {
    runOnly: {type: "tag", values: tags},
    resultTypes: ["violations", "incomplete"],
  });
  const doubtful = found.incomplete.filter((v) => v.id.startsWith("aria-"));
  return [...found.violations, ...doubtful].map(
    (v) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`
  );
}"""


def settle(page) -> None:
    """Wait until what the last change started (a transition, a resize's slide) has ended: two frames for it
    to start, then every animation finished."""
    page.evaluate(
        """() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() =>
  Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null))).then(done))))"""
    )


def violations(page) -> list[str]:
    # Material fades colours over 125 ms; measure contrast once transitions have finished.
    settle(page)
    # Statements far from view are laid out only as they come near it (content-visibility: auto), and axe
    # measures sizes and colours: lay each one out as the person sees it once it is in view.
    page.eval_on_selector_all(".huddle-domain", "els => els.forEach((e) => { e.style.contentVisibility = 'visible'; })")
    if not page.evaluate("typeof axe !== 'undefined'"):
        # Evaluated through the DevTools protocol, so the page's strict CSP stays on.
        page.evaluate(AXE.read_text())
    # axe leaves some ARIA checks "incomplete" (needs review) rather than failing them; ours must pass.
    # Only those and the violations come back: the passes would be most of the work and of the bytes.
    return page.evaluate(FAILURES, TAGS)


@pytest.fixture(params=["light", "dark"])
def schemed_page(request, browser):
    context = new_context(browser, request, color_scheme=request.param)
    try:
        yield context.new_page()
    finally:
        context.close()


def test_assessment_page_in_every_state_has_no_violations(schemed_page, demo_url, tmp_path):
    page = schemed_page
    page.goto(demo_url + PAGE)
    assert violations(page) == [], "intro"
    for item in ["v1", "v2", "s1"]:
        answer(page, item, "Often")
    page.get_by_label("Save my progress on this device").check()
    assert violations(page) == [], "questions"
    page.get_by_role("button", name="See my results", exact=True).click()
    assert violations(page) == [], "statements left"
    page.get_by_role("button", name="See results now").click()
    see_results(page)
    page.locator("[data-huddle-answers] summary").click()
    page.locator("[data-huddle-notes]").fill("Ask for feedback.")
    assert violations(page) == [], "results"
    with page.expect_download() as info:
        page.get_by_role("button", name="Download my results (to compare next time)").click()
    info.value.save_as(tmp_path / "earlier.json")
    page.locator("#huddle-earlier-results").set_input_files(tmp_path / "earlier.json")
    page.locator("[data-huddle-compare]").wait_for(state="visible")
    assert violations(page) == [], "comparison"
    page.get_by_role("button", name="Clear my answers").click()
    assert violations(page) == [], "confirm clearing"


@pytest.mark.parametrize(
    "path",
    [
        "",
        "case-studies/",
        "case-studies/ward-huddles/",
        "case-studies/by-setting/acute/",
        "case-studies/by-tag/board-development/",
        "frameworks/collective-leadership/",
        "frameworks/collective-leadership/vision/",
        "assessments/collective-leadership/print/",
        pytest.param("assessments/team-culture/", marks=pytest.mark.no_pyodide),  # starts Pyodide
        pytest.param("assessments/team-culture/team/", marks=pytest.mark.no_pyodide),
        pytest.param("assessments/team-culture/organisation/", marks=pytest.mark.no_pyodide),
        pytest.param("assessments/collective-leadership/rater/", marks=pytest.mark.no_pyodide),
        pytest.param("assessments/collective-leadership/360/", marks=pytest.mark.no_pyodide),
        "frameworks/team-culture/teamwork/",
        "frameworks/board-leadership/",
        "frameworks/board-leadership/holding-challenge/",
        "guide/strategy/",
        "about/",
        "privacy/",
        "accessibility/",
    ],
)
def test_site_pages_have_no_violations(schemed_page, demo_url, path):
    schemed_page.goto(demo_url + path)
    assert violations(schemed_page) == []


CONTRAST = """h1 => {
  const rgb = (text) => text.match(/[\\d.]+/g).map(Number);
  const luminance = ([r, g, b]) => {
    const linear = (c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  };
  let node = h1, back = rgb(getComputedStyle(node).backgroundColor);
  while (back.length === 4 && back[3] === 0 && node.parentElement) {
    node = node.parentElement;
    back = rgb(getComputedStyle(node).backgroundColor);
  }
  const [r, g, b, a = 1] = rgb(getComputedStyle(h1).color);
  const fore = [r, g, b].map((c, i) => c * a + back[i] * (1 - a));
  const [light, dark] = [luminance(fore), luminance(back)].sort((x, y) => y - x);
  return {contrast: (light + 0.05) / (dark + 0.05), weight: Number(getComputedStyle(h1).fontWeight)};
}"""


@pytest.mark.no_pyodide
@pytest.mark.parametrize("path", ["", "case-studies/", "frameworks/board-leadership/"])
def test_page_titles_are_bold_with_the_contrast_of_body_text(schemed_page, demo_url, path):
    schemed_page.goto(demo_url + path)
    settle(schemed_page)
    title = schemed_page.evaluate(CONTRAST, schemed_page.locator("article h1").element_handle())
    # Material's own: weight 300 and a pale grey, about 3.6:1 in light; body text is over 12:1.
    assert title["weight"] >= 700
    assert title["contrast"] >= 7, title
