"""The organisation view in real Chromium: profile files from team pages, a survey split by its team column, the
board beside the rest, rounds, hostile labels, 375 px and axe, light and dark."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from generator.scoring import api
from generator.scoring.organisation import pool, read_profile_files
from generator.scoring.strings import HUDDLE
from tests.assessment_page import RESULTS_TIMEOUT, framework_of
from tests.test_accessibility import violations
from tests.test_collective_browser import TEAM, member, show_profile
from tests.test_results_view import HOSTILE

pytestmark = pytest.mark.browser

ORGANISATION = TEAM + "organisation/"
K, K_GROUP = 5, 3


def profile_file(framework, label: str, first: int, size: int, round_label: str = "") -> dict:
    """A profile file as a team page gives it, for `size` members from the `first`."""
    pasted = "\n".join(member(framework, n) for n in range(first, first + size))
    figures = api.team_call(HUDDLE, framework, None, pasted, "", K, K_GROUP)["figures"]
    text = api.profile_file_call(HUDDLE, framework, None, figures, label, round_label, "2026-12-05")["text"]
    return {"name": f"{label.replace('/', '-')}.json", "mimeType": "application/json", "buffer": text.encode()}


def show(page) -> None:
    page.get_by_role("button", name="Show the organisation view").click()
    page.locator("[data-huddle-heat]").wait_for(timeout=RESULTS_TIMEOUT)


def heat(page) -> dict[str, list[str]]:
    """Each row of the heat map: its heading, then its cells' scores."""
    return page.eval_on_selector_all(
        "[data-huddle-heat] tbody tr",
        """rows => Object.fromEntries(rows.map((r) => [r.querySelector('th').textContent,
            [...r.querySelectorAll('td')].map((td) => td.dataset.score)]))""",
    )


def test_a_profile_downloaded_from_a_team_page_shows_beside_two_more_with_the_organisation_pooled(
    page, demo_url, demo_site
):
    framework = framework_of(demo_site, TEAM)
    page.goto(demo_url + TEAM + "team/")
    show_profile(page, [member(framework, n) for n in range(6)])
    download = page.get_by_role("button", name="Download the profile file")
    download.click()
    page.locator("[data-huddle-file-status]").get_by_text("Type the team's label first").wait_for()
    assert page.evaluate("document.activeElement.id") == "huddle-team-label"
    page.get_by_label("The team's label").fill("Medicine / Ward 7")
    with page.expect_download() as made:
        download.click()
    text = Path(made.value.path()).read_text(encoding="utf-8")
    assert made.value.suggested_filename.startswith("team-culture-profile-medicine-ward-7-")
    assert json.loads(text)["team"] == "Medicine / Ward 7" and "codes" not in text
    others = [profile_file(framework, "Medicine / Ward 8", 10, 5), profile_file(framework, "Surgery", 20, 7)]
    page.goto(demo_url + ORGANISATION)
    files = [{"name": "ward-7.json", "mimeType": "application/json", "buffer": text.encode()}, *others]
    page.get_by_label("This round's profile files").set_input_files(files)
    show(page)
    teams, _ = read_profile_files(framework, [{"name": f["name"], "text": f["buffer"].decode()} for f in files])
    pooled = pool(framework, teams, K)
    rows = heat(page)
    assert list(rows) == ["Medicine / Ward 7", "Medicine / Ward 8", "Surgery", "Whole organisation: 3 teams pooled"]
    assert rows["Whole organisation: 3 teams pooled"] == ["18", *[pooled[c.id].score for c in framework.competencies()]]
    assert rows["Medicine / Ward 7"][1:] == [t.score(c.id).score for t in teams[:1] for c in framework.competencies()]
    # One group's teams alone ("Surgery", a label of one part, is in no group), the organisation still below.
    page.get_by_label("Show the teams of").select_option("Medicine")
    shown_rows = "ths => ths.map((t) => t.textContent)"
    visible = page.eval_on_selector_all("[data-huddle-heat] tbody tr:not([hidden]) th", shown_rows)
    assert visible == ["Medicine / Ward 7", "Medicine / Ward 8", "Whole organisation: 3 teams pooled"]
    assert page.locator("[data-huddle-status]").inner_text().startswith("Showing the teams of Medicine")
    # Medicine has 2 teams: not pooled (3 needed), said by name.
    assert "Medicine: 2 of its teams shown" in page.locator("[data-huddle-withheld-teams]").inner_text()
    with page.expect_download() as kept:
        page.get_by_role("button", name="Download the heat map (CSV)").click()
    kept_rows = list(csv.reader(io.StringIO(Path(kept.value.path()).read_text(encoding="utf-8-sig"))))
    assert kept_rows[-1][:2] == ["Whole organisation", "18"]


def test_a_survey_with_a_team_column_shows_two_teams_and_withholds_the_third_by_name(page, demo_url, demo_site):
    framework = framework_of(demo_site, TEAM)
    items = framework.items()
    labels = [p.label for p in framework.scale.points]
    rows = [["Timestamp", "Which team are you in?", *[i.text for i in items]]]
    for name, size in [("Ward 7", 6), ("Ward 8", 6), ("Ward 9", 2)]:
        rows += [["2026-12-01", name, *[labels[(n + j) % 5] for j in range(len(items))]] for n in range(size)]
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(demo_url + ORGANISATION)
    page.locator("details.huddle-survey summary").click()
    page.locator("[data-huddle-survey-file]").set_input_files(
        {"name": "survey.csv", "mimeType": "text/csv", "buffer": out.getvalue().encode()}
    )
    column = page.get_by_label("The column that says each person's team")
    column.wait_for(timeout=RESULTS_TIMEOUT)
    assert page.evaluate("document.activeElement.id") == "huddle-group-column"
    column.select_option(label="Which team are you in?")
    page.locator("[data-huddle-heat]").wait_for(timeout=RESULTS_TIMEOUT)
    assert list(heat(page)) == ["Ward 7", "Ward 8", "Whole organisation: 2 teams pooled"]
    assert "Ward 9: 2 people." in page.locator("[data-huddle-withheld-teams]").inner_text()
    # The page never scrolls sideways; the table scrolls in its own box, the team column staying in view.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    box = page.locator(".huddle-table:has([data-huddle-heat])")
    assert box.evaluate("b => b.scrollWidth > b.clientWidth")
    box.evaluate("b => { b.scrollLeft = 200; }")
    first = page.locator("[data-huddle-heat] tbody th").first.bounding_box()
    assert first["x"] >= box.bounding_box()["x"] - 1


def test_the_board_beside_the_rest_and_a_second_round_in_words_keyboard_and_axe(page, demo_url, demo_site):
    framework = framework_of(demo_site, TEAM)
    now = [
        profile_file(framework, "Board", 0, 5),
        profile_file(framework, "Ward 1", 5, 6),
        profile_file(framework, HOSTILE, 11, 5),
    ]
    then = [
        profile_file(framework, "Ward 1", 30, 6, "Spring"),
        profile_file(framework, "Board", 40, 5, "Spring"),
        profile_file(framework, "Ward 2", 50, 5, "Spring"),  # not in this round: not compared
    ]
    page.goto(demo_url + ORGANISATION)
    page.get_by_label("This round's profile files").set_input_files(now)
    page.locator("details.huddle-round summary").click()
    page.get_by_label("The earlier round's profile files").set_input_files(then)
    show(page)
    assert page.locator("[data-huddle-heat] img").count() == 0  # the hostile label is text
    assert HOSTILE in page.locator("[data-huddle-heat]").inner_text()
    changes = page.locator("[data-huddle-round-changes='Ward 1']").inner_text()
    assert "→" in changes
    # By keyboard: Space ticks "Board"; the board beside the rest appears and focus stays on the box.
    board = page.get_by_label("Board", exact=True)
    board.focus()
    page.keyboard.press("Space")
    page.locator("[data-huddle-board-gaps]").wait_for(timeout=RESULTS_TIMEOUT)
    assert page.evaluate("document.activeElement.value") == "Board"
    first = framework.competencies()[0].title
    assert page.locator("[data-huddle-board-gaps] li").first.inner_text().startswith(f"{first}: the board ")
    # By keyboard, the first competency's heading sorts the teams, highest first, then lowest first.
    first_column = page.locator("[data-huddle-heat] thead th").nth(2)
    first_column.get_by_role("button").focus()
    page.keyboard.press("Enter")
    scores = lambda: [float(row[1]) for row in list(heat(page).values())[:3]]  # noqa: E731
    assert first_column.get_attribute("aria-sort") == "descending" and scores() == sorted(scores(), reverse=True)
    page.keyboard.press("Enter")
    assert first_column.get_attribute("aria-sort") == "ascending" and scores() == sorted(scores())
    assert "lowest first" in page.locator("[data-huddle-status]").inner_text()
    assert list(heat(page))[-1].startswith("Whole organisation")  # pooled rows stay last
    assert violations(page) == []
    page.locator("form[data-md-component=palette] label:visible").first.click()  # the site's dark scheme
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    assert violations(page) == []


def test_the_printout_is_a4_landscape_with_20_teams_a_sheet_the_date_and_the_round(page, demo_url, demo_site, tmp_path):
    from pypdf import PdfReader

    from generator.scoring.results import long_date

    framework = framework_of(demo_site, TEAM)
    files = [profile_file(framework, f"Ward {n:02d}", 5 * n, 5) for n in range(25)]
    page.goto(demo_url + ORGANISATION)
    page.get_by_label("This round's profile files").set_input_files(files)
    show(page)
    path = tmp_path / "organisation.pdf"
    page.pdf(path=path, prefer_css_page_size=True)
    sheets = PdfReader(path).pages
    assert len(sheets) == 2 and all(s.mediabox.width > s.mediabox.height for s in sheets)  # landscape
    first, second = (s.extract_text() for s in sheets)
    assert "Ward 19" in first and "Ward 20" not in first and "Ward 20" in second  # 20 teams a sheet
    assert "Ward 24" in second and "Whole organisation" in second
    date = long_date(HUDDLE, __import__("datetime").date.today().isoformat())
    flat = "".join(first.split())
    assert "".join(HUDDLE.say("print-made", version=framework.version, date=date).split()) in flat
    assert "".join(HUDDLE.say("print-round-profiles", teams=25, people=125).split()) in flat
    assert "Download" not in first and "Choose" not in first  # the form is not on paper
