"""Collective views in real Chromium: a code shared from results, team and board profiles from codes."""

from __future__ import annotations

import re
import time
from fractions import Fraction
from pathlib import Path

import pytest

from generator.scoring.codes import encode, read_codes
from generator.scoring.feedback import feedback
from generator.scoring.score import round_half_up
from generator.scoring.team import profile
from tests.assessment_page import RESULTS_TIMEOUT, answer, framework_of, items_of, see_results, with_settings
from tests.conftest import new_context
from tests.test_accessibility import violations

pytestmark = pytest.mark.browser

TEAM = "assessments/team-culture/"
BOARD = "assessments/board-leadership/"


def member(framework, n, group=""):
    """A member's code with a spread of answers that differs from member to member."""
    points = [p.value for p in framework.scale.points]
    answers = {item.id: points[(n + j) % len(points)] for j, item in enumerate(framework.items())}
    return encode(framework, answers, group=group, nonce=f"{n:03d}")


def show_profile(page, codes: list[str]) -> None:
    page.get_by_label("Result codes", exact=True).fill("\n".join(codes))
    page.locator("[data-huddle-show]").click()
    page.locator("[data-huddle-profile]").wait_for(state="visible", timeout=RESULTS_TIMEOUT)


def show_360(page, own: str, raters: list[str]) -> None:
    """On "My 360": paste my code and my raters' codes, press the button, wait for the view."""
    page.get_by_label("Your own result code").fill(own)
    page.get_by_label("Codes from the people who gave you feedback").fill("\n".join(raters))
    page.locator("[data-huddle-show]").click()
    page.locator("[data-huddle-360]").wait_for(timeout=RESULTS_TIMEOUT)


def test_a_person_finishes_the_team_check_and_gets_a_code_that_counts(browser, request, demo_url, demo_site):
    context = new_context(browser, request)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    try:
        page = context.new_page()
        framework = framework_of(demo_site, TEAM)
        page.goto(demo_url + TEAM)
        labels = [p.label for p in framework.scale.points]
        given = {}
        for n, item in enumerate(items_of(framework)):
            answer(page, item.id, labels[n % len(labels)])
            given[item.id] = framework.scale.points[n % len(labels)].value
        see_results(page)
        page.get_by_role("button", name="Get a code to share").click()
        page.locator("[data-huddle-code-box]").wait_for()
        code = page.get_by_label("Your result code").input_value()
        assert code.startswith("H1:team-culture:")
        assert read_codes(framework, code).codes[0].answers == given
        page.get_by_role("button", name="Copy code").click()
        page.get_by_text("Copied: paste the code").wait_for()
        assert page.evaluate("navigator.clipboard.readText()") == code
        assert "it does not contain your name" in page.locator("[data-huddle-share]").inner_text()
    finally:
        context.close()


def test_four_codes_ask_for_one_more_and_five_show_the_expected_team_scores(page, demo_url, demo_site):
    framework = framework_of(demo_site, TEAM)
    codes = [member(framework, n) for n in range(5)]
    page.goto(demo_url + TEAM + "team/")
    show_profile(page, codes[:4])
    assert "Add 1 more code to see the profile." in page.locator("[data-huddle-profile]").inner_text()
    assert not page.locator("[data-huddle-team-table]").count()
    show_profile(page, codes)
    page.locator("[data-huddle-team-table]").wait_for()
    expected = profile(framework, read_codes(framework, "\n".join(codes)).codes, 5)
    shown = {
        row.get_attribute("data-competency"): row.locator("[data-score]").inner_text()
        for row in page.locator("[data-huddle-team-table] tbody tr").all()
    }
    assert shown == {c.id: c.score for c in expected.competencies}
    # Each row is ruled across, its heading included, as the cells are.
    second = page.locator("[data-huddle-team-table] tbody tr").nth(1)
    style = "e => [getComputedStyle(e).borderTopStyle, getComputedStyle(e).borderTopColor]"
    assert second.locator("th").evaluate(style) == second.locator("td").first.evaluate(style)
    assert second.locator("th").evaluate(style)[0] == "solid"
    assert page.locator("[data-huddle-status]").inner_text() == "5 result codes counted."
    with page.expect_download() as downloading:
        page.locator("[data-huddle-download]").click()
    name = downloading.value.suggested_filename  # dated, so a round kept beside the last one has its own
    assert re.fullmatch(r"team-culture-team-profile-\d{4}-\d{2}-\d{2}\.csv", name), name
    saved = Path(downloading.value.path()).read_bytes()
    assert saved.startswith("\ufeffcompetency,title,team_score".encode())  # Excel reads it as UTF-8
    page.emulate_media(media="print")  # the profile prints; the codes, each one person's answers, never do
    assert page.locator("[data-huddle-team-table]").is_visible()
    assert not page.get_by_label("Result codes", exact=True).is_visible()


def test_a_board_profile_with_three_and_three_shows_both_groups(page, demo_url, demo_site):
    framework = framework_of(demo_site, BOARD)
    execs, nons = (g.id for g in framework.groups)
    codes = [member(framework, n, execs) for n in range(3)] + [member(framework, n + 3, nons) for n in range(3)]
    page.goto(demo_url + BOARD + "team/")
    show_profile(page, codes)
    heads = page.locator("[data-huddle-groups] thead th").all_inner_texts()
    assert heads == ["Competency", "Executive directors (3)", "Non-executive directors (3)"]
    show_profile(page, codes[:5])
    assert "one has fewer: Non-executive directors (2)" in page.locator("[data-huddle-groups-folded]").inner_text()


def test_bad_and_repeated_lines_are_named_and_the_rest_still_count(page, demo_url, demo_site):
    framework = framework_of(demo_site, TEAM)
    codes = [member(framework, n) for n in range(5)]
    page.goto(demo_url + TEAM + "team/")
    show_profile(page, [*codes, "not a code", codes[0][:-2]])
    notes = page.locator("[data-huddle-batch-notes]").inner_text()
    assert "Line 6: This is not a result code." in notes
    assert "Line 7: This code is incomplete or has been changed" in notes
    page.locator("[data-huddle-team-table]").wait_for()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [375, 1280])
def test_the_profile_page_reads_at_every_width_with_no_violations(browser, request, demo_url, demo_site, scheme, width):
    context = new_context(browser, request, viewport={"width": width, "height": 800}, color_scheme=scheme)
    try:
        page = context.new_page()
        framework = framework_of(demo_site, BOARD)
        execs, nons = (g.id for g in framework.groups)
        page.goto(demo_url + BOARD + "team/")
        assert violations(page) == [], "empty"
        codes = [member(framework, n, execs) for n in range(3)] + [member(framework, n + 3, nons) for n in range(3)]
        page.get_by_text("Compare with an earlier round").click()
        page.get_by_label("The earlier round's result codes").fill(  # as many as now: rounds are compared
            "\n".join(member(framework, n + 9) for n in range(6))
        )
        show_profile(page, [*codes, "junk"])
        page.locator("[data-huddle-round-changes]").wait_for()
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert violations(page) == [], "profile"
    finally:
        context.close()


CL = "assessments/collective-leadership/"


def test_a_rater_answers_in_the_rater_wording_and_my_360_shows_the_right_view(browser, request, demo_url, demo_site):
    framework = framework_of(demo_site, CL)
    context = new_context(browser, request)
    try:
        page = context.new_page()
        page.goto(demo_url + CL + "rater/")
        first = framework.items()[0]
        assert page.locator(f"fieldset[data-item='{first.id}'] legend").inner_text() == f"1. {first.rater_text}"
        assert violations(page) == [], "rater page"
        page.locator("[data-huddle-show]").click()
        page.get_by_text("Choose your role for this colleague first").wait_for(timeout=RESULTS_TIMEOUT)
        page.get_by_label("I am their line manager").check()
        top = framework.scale.points[-1].label
        for item in framework.items()[:8]:
            answer(page, item.id, top)
        page.locator("[data-huddle-show]").click()
        total = len(framework.items())
        said = f"You have answered 8 of {total} statements. Your code counts only for the competencies where"
        assert said in page.locator("[data-huddle-status]").inner_text()  # asked once: few answers count for little
        assert not page.locator("[data-huddle-code-box]").is_visible()
        page.locator("[data-huddle-show]").click()  # "press the button again to get your code as it is"
        page.locator("[data-huddle-code-box]").wait_for(timeout=RESULTS_TIMEOUT)
        manager = page.get_by_label("Your feedback code").input_value()
        assert read_codes(framework, manager).codes[0].role == "manager"

        own = encode(framework, {i.id: framework.scale.low for i in framework.items()}, nonce="0WN")
        peers = [encode(framework, {i.id: 3 for i in framework.items()}, role="peer", nonce=f"P{n}0") for n in range(3)]
        page.goto(demo_url + CL + "360/")
        page.get_by_label("Your own result code").fill(own)
        page.get_by_label("Codes from the people who gave you feedback").fill("\n".join([manager, *peers]))
        page.locator("[data-huddle-show]").click()
        page.locator("[data-huddle-360]").wait_for(timeout=RESULTS_TIMEOUT)
        heads = page.locator("[data-huddle-360] thead th").all_inner_texts()
        assert heads == ["Competency", "Self", "Manager (1)", "Peers (3)", "All raters (4)"]
        first_row = page.locator("[data-huddle-360] tbody tr").first.locator("td").all_inner_texts()
        raters = read_codes(framework, "\n".join([manager, *peers])).codes
        expected = feedback(framework, read_codes(framework, own).codes[0], raters, 3, Fraction(1, 2))
        columns = [expected.own, *(v.scores for v in expected.views), expected.everyone.scores]
        assert first_row == [round_half_up(scores[0]) for scores in columns]
        assert page.locator("[data-huddle-gaps-list='hidden-strengths'] li").count() >= 1
        assert violations(page) == [], "my 360"
    finally:
        context.close()


def test_a_survey_export_is_read_mapped_by_hand_and_profiled(page, demo_url, demo_site, tmp_path):
    framework = framework_of(demo_site, TEAM)
    items = framework.items()
    labels = [p.label for p in framework.scale.points]
    header = ["Respondent", *[item.text for item in items[:-1]], "Last question"]
    rows = [[str(n), *[labels[(n + j) % len(labels)] for j in range(len(items))]] for n in range(6)]
    rows.append(["7", "nonsense", *[""] * (len(items) - 1)])
    export = tmp_path / "forms-export.csv"
    export.write_text("\n".join(",".join(f'"{cell}"' for cell in row) for row in [header, *rows]) + "\n")
    page.goto(demo_url + TEAM + "team/")
    page.get_by_text("Load a survey export (CSV)").click()
    page.get_by_label("Survey export (a .csv file)").set_input_files(export)
    page.locator("[data-huddle-mapping]").wait_for(timeout=RESULTS_TIMEOUT)
    assert "Row 8 is left out" in page.locator("[data-huddle-batch-notes]").inner_text()
    assert page.locator("[data-huddle-profile] [data-huddle-members]").inner_text() == (
        "The profile of 6 people's answers, from the survey export."
    )
    page.get_by_label("Column “Last question”").select_option(items[-1].id)
    page.get_by_role("button", name="Use these columns").click()
    page.locator("[data-huddle-matched]").get_by_text(f"({len(items)} of its {len(items)} statements)").wait_for()
    shown = {
        row.get_attribute("data-competency"): row.locator("[data-score]").inner_text()
        for row in page.locator("[data-huddle-team-table] tbody tr").all()
    }
    from generator.scoring.survey import read_survey

    read = read_survey(framework, export.read_text(), {str(len(header) - 1): items[-1].id})
    assert shown == {c.id: c.score for c in profile(framework, read.people, 5).competencies}
    assert violations(page) == []


def test_a_survey_of_30000_columns_is_refused_at_once_and_what_was_chosen_stays(page, demo_url, demo_site, tmp_path):
    framework = framework_of(demo_site, TEAM)
    items = framework.items()
    label = framework.scale.points[2].label
    pasted = "\n".join(member(framework, n) for n in range(3))
    first = tmp_path / "forms-export.csv"  # every statement by its id but the last, mapped by hand
    first.write_text(",".join([item.id for item in items[:-1]] + ["Last question"]) + "\n" + f"{label}," * 19 + "3\n")
    wide = tmp_path / "wide.csv"
    wide.write_text(",".join(f"Question {n}" for n in range(30_000)) + "\n" + ",".join(["3"] * 30_000) + "\n")
    page.goto(demo_url + TEAM + "team/")
    page.get_by_label("Result codes", exact=True).fill(pasted)
    page.get_by_text("Load a survey export (CSV)").click()
    page.get_by_label("Survey export (a .csv file)").set_input_files(first)
    page.locator("[data-huddle-mapping]").wait_for(timeout=RESULTS_TIMEOUT)
    page.get_by_label("Column “Last question”").select_option(items[-1].id)
    options = page.locator("option").count()
    started = time.monotonic()
    page.get_by_label("Survey export (a .csv file)").set_input_files(wide)
    page.get_by_text("This file has more than 500 columns").wait_for(timeout=10_000)
    assert time.monotonic() - started < 10  # it took two minutes, and made 630,000 choices
    assert page.locator("option").count() == options
    assert page.get_by_label("Column “Last question”").input_value() == items[-1].id
    assert page.get_by_label("Result codes", exact=True).input_value() == pasted
    page.get_by_role("button", name="Use these columns").click()  # still the first file's columns
    page.locator("[data-huddle-matched]").get_by_text(f"({len(items)} of its {len(items)} statements)").wait_for()


@pytest.mark.no_pyodide
def test_a_survey_file_over_20_mb_is_refused_by_the_page_without_reading_it(page, demo_url, tmp_path):
    big = tmp_path / "big.csv"
    with big.open("wb") as file:
        file.truncate(20_000_001)  # sparse: no 20 MB written
    page.goto(demo_url + TEAM + "team/")
    page.get_by_label("Result codes", exact=True).fill("kept as typed")
    page.get_by_text("Load a survey export (CSV)").click()
    page.get_by_label("Survey export (a .csv file)").set_input_files(big)
    status = page.locator("[data-huddle-status]")
    status.get_by_text("This file is over 20 MB").wait_for()
    assert page.locator("[data-huddle-collective]").get_attribute("data-scorer") == "booting"  # not Python's check
    assert page.get_by_label("Result codes", exact=True).input_value() == "kept as typed"


def test_the_team_and_rater_pages_work_by_keyboard_alone(page, demo_url, demo_site):
    framework = framework_of(demo_site, TEAM)
    page.goto(demo_url + TEAM + "team/")
    page.get_by_label("Result codes", exact=True).focus()
    page.keyboard.insert_text("\n".join(member(framework, n) for n in range(5)))
    for _ in range(12):  # on to the button, past the file input and the two disclosures
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('[data-huddle-show]')"):
            break
    page.keyboard.press("Enter")
    page.locator("[data-huddle-team-table]").wait_for(timeout=RESULTS_TIMEOUT)
    assert page.evaluate("document.activeElement.matches('[data-huddle-profile]')")

    rated = framework_of(demo_site, CL)
    page.goto(demo_url + CL + "rater/")
    page.locator("#role-peer").focus()
    page.keyboard.press("Space")
    first = rated.items()[0]
    page.locator(f"fieldset[data-item='{first.id}'] input").first.focus()
    page.keyboard.press("ArrowRight")  # radios move with the arrow keys, as everywhere
    page.locator("[data-huddle-show]").focus()
    page.keyboard.press("Enter")
    page.get_by_text("You have answered 1 of").wait_for()
    page.keyboard.press("Enter")  # again: the code as it is
    page.locator("[data-huddle-code-box]").wait_for(timeout=RESULTS_TIMEOUT)
    code = read_codes(rated, page.get_by_label("Your feedback code").input_value()).codes[0]
    assert code.role == "peer" and code.answers == {first.id: rated.scale.points[1].value}


@pytest.mark.no_pyodide
def test_a_rater_is_asked_for_their_role_at_once_sees_progress_and_is_asked_before_leaving(page, demo_url, demo_site):
    # Pyodide is held back: nothing here waits for the scorer.
    framework = framework_of(demo_site, CL)
    page.goto(demo_url + CL + "rater/")
    total = len(framework.items())
    progress = page.locator("[data-huddle-progress]")
    assert progress.inner_text() == f"0 of {total} answered"
    first, second = framework.items()[:2]
    answer(page, first.id, framework.scale.points[0].label)
    answer(page, second.id, framework.scale.points[1].label)
    assert progress.inner_text() == f"2 of {total} answered"
    page.get_by_role("button", name="Get my code to send back").click()
    page.locator("[data-huddle-status]").get_by_text("Choose your role for this colleague first").wait_for()
    assert page.evaluate("document.activeElement.name") == "huddle-role"
    asked = []
    page.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.accept()))
    page.close(run_before_unload=True)  # leaving with answers and no code made: the browser asks first
    page.wait_for_event("close")
    assert asked == ["beforeunload"]


@pytest.mark.no_pyodide
def test_a_rater_can_save_their_progress_and_find_it_again_and_clearing_the_assessment_leaves_it(
    page, demo_url, demo_site
):
    framework = framework_of(demo_site, CL)
    first, second = framework.items()[:2]
    low = framework.scale.points[0].label
    page.goto(demo_url + CL + "rater/")
    answer(page, first.id, low)
    assert page.evaluate("localStorage.length") == 0  # nothing stored before opting in
    page.get_by_label("Save my progress on this device").check()
    answer(page, second.id, low)
    page.reload()
    total = len(framework.items())
    status = page.locator("[data-huddle-status]")
    assert status.inner_text() == (
        f"Your saved answers are back: 2 of {total} answered. You can carry on from statement 3."
    )
    assert page.locator("[data-huddle-progress]").inner_text() == f"2 of {total} answered"
    assert page.get_by_label("Save my progress on this device").is_checked()
    page.goto(demo_url + CL)  # the person's own assessment, on the same device: clearing it is about theirs
    page.get_by_role("button", name="Clear my answers").click()
    page.locator("[data-huddle-confirm-clear]").click()
    assert page.evaluate("Object.keys(localStorage)") == [f"huddle-rater:{framework.id}:{framework.version}"]
    page.goto(demo_url + CL + "rater/")
    page.get_by_label("Save my progress on this device").uncheck()
    assert page.evaluate("localStorage.length") == 0


def test_a_failed_download_is_said_and_pressing_again_tries_again_keeping_the_codes(page, demo_url, demo_site):
    framework = framework_of(demo_site, TEAM)
    failing = {"on": True}
    with_settings(page, retryAfter=[])
    page.route("**/pyodide.asm.wasm*", lambda route: route.abort() if failing["on"] else route.continue_())
    page.goto(demo_url + TEAM + "team/")
    codes = "\n".join(member(framework, n) for n in range(5))
    page.get_by_label("Result codes", exact=True).fill(codes)
    page.locator("form[data-scorer=failed]").wait_for(timeout=RESULTS_TIMEOUT)
    status = page.locator("[data-huddle-status]")
    assert "The scorer could not start:" in status.inner_text()
    assert "press the button again to try again" in status.inner_text()
    failing["on"] = False  # the Wi-Fi is back
    page.get_by_role("button", name="Show team profile").click()
    assert "Trying again to get the scorer ready" in status.inner_text()
    page.locator("[data-huddle-team-table]").wait_for(timeout=RESULTS_TIMEOUT)
    assert page.get_by_label("Result codes", exact=True).input_value() == codes


def test_an_error_takes_away_the_360_shown_before_so_it_is_not_taken_for_the_new_codes(page, demo_url, demo_site):
    framework = framework_of(demo_site, CL)
    own = encode(framework, {i.id: framework.scale.low for i in framework.items()}, nonce="0WN")
    raters = [encode(framework, {i.id: 3 for i in framework.items()}, role="peer", nonce=f"P{n}0") for n in range(3)]
    page.goto(demo_url + CL + "360/")
    show_360(page, own, raters)
    page.get_by_label("Your own result code").fill(own[:-3])  # a truncated paste
    page.locator("[data-huddle-show]").click()
    page.locator("[data-huddle-profile]").wait_for(state="hidden", timeout=RESULTS_TIMEOUT)
    assert page.locator("[data-huddle-status]").inner_text() != ""
    assert page.locator("[data-huddle-360]:visible").count() == 0


@pytest.mark.no_pyodide
def test_at_phone_width_each_pasted_code_is_one_line_of_the_box(page, demo_url, demo_site):
    """So that "Line 7" of a note can be found by counting lines; the box scrolls sideways, the page does not."""
    framework = framework_of(demo_site, TEAM)
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(demo_url + TEAM + "team/")
    box = page.get_by_label("Result codes", exact=True)
    box.fill("\n".join(member(framework, n) for n in range(6)))  # 6 codes in a box of 8 rows
    height, client_height, width, client_width = box.evaluate(
        "e => [e.scrollHeight, e.clientHeight, e.scrollWidth, e.clientWidth]"
    )
    assert height <= client_height and width > client_width
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_the_scorers_download_shows_from_the_start_in_a_quiet_line(page, demo_url):
    """A facilitator sees when the page is ready, before pasting anything; the line is not read out."""
    page.goto(demo_url + TEAM + "team/")
    line = page.locator("[data-huddle-loading]")
    assert line.get_attribute("role") is None and line.get_attribute("aria-live") is None
    page.locator("form[data-scorer=ready]").wait_for(timeout=RESULTS_TIMEOUT)
    assert line.inner_text() == "The scorer is ready: what you ask for is worked out at once, on this device."
    assert page.locator("[data-huddle-status]").inner_text() == ""  # nothing asked for yet


def test_five_plain_codes_of_the_same_answers_are_named_as_alike_with_what_plain_codes_cannot_protect(
    page, demo_url, demo_site
):
    framework = framework_of(demo_site, TEAM)
    same = {item.id: framework.scale.points[1].value for item in framework.items()}
    codes = [encode(framework, same, nonce=nonce) for nonce in ("A1B", "C2D", "E3F", "G4H", "J5K")]
    page.goto(demo_url + TEAM + "team/")
    show_profile(page, codes)  # one person's answers under five made-up nonces still shows a profile ...
    notes = page.locator("[data-huddle-batch-notes]")
    notes.get_by_text("Lines 1, 2, 3, 4 and 5 hold the same answers to every statement").wait_for()
    assert "Plain codes cannot show who made them" in notes.inner_text()  # ... but says so, and what it means
