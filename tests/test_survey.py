"""Survey tool exports (CPython): columns matched by id or wording, mapping by hand, labels, bad rows."""

from __future__ import annotations

import csv
import io
import time

import pytest

from generator.scoring import api, survey
from generator.scoring.model import NOT_APPLICABLE
from generator.scoring.strings import HUDDLE
from generator.scoring.survey import SurveyError, read_survey
from tests.test_results_view import HOSTILE, tree


def export(header, rows):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def test_columns_match_by_id_or_by_wording_and_labels_by_any_spelling(team):
    a, b, c = team.items()[:3]
    labels = [p.label for p in team.scale.points]
    header = ["ID", "Start time", a.id, b.text.upper().rstrip("."), f"Q3 {c.id}"]
    rows = [
        ["1", "09:00", labels[0], labels[4].lower(), "2"],
        ["2", "09:05", "5", "", "4"],
    ]
    read = read_survey(team, "\ufeff" + export(header, rows))
    assert read.matched == {2: a.id, 3: b.id}
    assert read.unmatched == (0, 1, 4)
    assert [dict(p.answers) for p in read.people] == [{a.id: 1, b.id: 5}, {a.id: 5}]
    mapped = read_survey(team, export(header, rows), {"4": c.id, "0": ""})
    assert mapped.matched == {2: a.id, 3: b.id, 4: c.id}
    assert [dict(p.answers) for p in mapped.people] == [{a.id: 1, b.id: 5, c.id: 2}, {a.id: 5, c.id: 4}]


def test_rows_that_cannot_be_read_are_named_and_the_rest_count(team):
    a = team.items()[0]
    text = export([a.id], [["Often-ish"], [""], ["3"], ["x" * 300]])
    read = read_survey(team, text)
    assert len(read.people) == 1
    assert read.problems[0] == (
        2,
        f"Row 2 is left out: the answer “Often-ish” in column “{a.id}” is not one of the scale's answers.",
    )
    assert read.problems[1][0] == 5 and "…" in read.problems[1][1] and len(read.problems[1][1]) < 200


def test_not_applicable_is_read_by_its_label(team):
    a = team.items()[0]
    if not team.scale.not_applicable:
        pytest.skip("the team framework has no not-applicable answer")
    read = read_survey(team, export([a.id], [[team.scale.not_applicable]]))
    assert read.people[0].answers == {a.id: NOT_APPLICABLE}


def test_a_file_that_is_no_survey_is_refused_with_a_sentence(team):
    with pytest.raises(SurveyError, match="no header row"):
        read_survey(team, "")


def test_a_file_whose_columns_match_nothing_offers_them_all_for_mapping_by_hand(team):
    a = team.items()[0]
    text = export(["Name", "How true is it?"], [["A", "3"], ["B", "4"], ["C", "5"]])
    value = api.survey_call(HUDDLE, team, None, text, {}, 3)
    assert value["counted"] == 0 and not value["shown"]
    notes = " ".join(t for _, _, t in tree(value["notes"]))
    assert "No column of this file matches a statement of this self-assessment" in notes
    assert "press “Use these columns”" in notes
    assert [attrs["data-column"] for tag, attrs, _ in tree(value["mapping"]) if tag == "select"] == ["0", "1"]
    mapped = api.survey_call(HUDDLE, team, None, text, {"0": "", "1": a.id}, 3)
    assert mapped["counted"] == 3 and mapped["shown"]


def test_numbered_questions_and_qualtrics_header_rows_are_read(team):
    a, b = team.items()[:2]
    header = ["ResponseId", f"Q1. {a.text}", f"2) {b.text}"]
    rows = [
        ["Response ID", f"Q1. {a.text}", f"2) {b.text}"],  # Qualtrics' second row: the questions again
        ['{"ImportId":"_recordId"}', '{"ImportId":"QID1"}', '{"ImportId":"QID2"}'],  # and its third
        ["R_1", "3", "4"],
    ]
    read = read_survey(team, export(header, rows))
    assert read.matched == {1: a.id, 2: b.id}
    assert read.problems == () and [dict(p.answers) for p in read.people] == [{a.id: 3, b.id: 4}]


def test_the_profile_from_a_survey_follows_the_same_k_rule(team):
    header = [item.id for item in team.items()]
    four = export(header, [["3"] * len(header)] * 4)
    assert not api.survey_call(HUDDLE, team, None, four, {}, 5)["shown"]
    five = export(header, [["3"] * len(header)] * 5)
    value = api.survey_call(HUDDLE, team, None, five, {}, 5)
    assert value["shown"] and "data-huddle-team-table" in value["view"]


def test_column_names_and_cells_are_escaped(team):
    text = export([team.items()[0].id, HOSTILE], [["3", "1"], [HOSTILE, "2"]])
    value = api.survey_call(HUDDLE, team, None, text, {}, 5)
    for html in (value["mapping"], value["notes"]):
        assert [tag for tag, _, _ in tree(html)].count("img") == 0
    assert "&lt;img" in value["mapping"] and "&lt;img" in value["notes"]
    unmatched = api.survey_call(
        HUDDLE, team, None, export([HOSTILE], [["3"]]), {}, 5
    )  # every column offered for mapping
    assert [tag for tag, _, _ in tree(unmatched["mapping"])].count("img") == 0 and "&lt;img" in unmatched["mapping"]


def test_a_file_of_30000_columns_is_refused_before_any_cell_is_read(team, monkeypatch):
    def never(*args, **kwargs):
        raise AssertionError("the file was parsed")

    monkeypatch.setattr(survey.csv, "reader", never)
    wide = export([f"Question {n}" for n in range(30_000)], [["3"] * 30_000])
    assert len(wide) > 250_000
    started = time.perf_counter()
    with pytest.raises(SurveyError) as refused:
        read_survey(team, wide)
    assert time.perf_counter() - started < 0.5
    assert str(refused.value) == (
        "This file has more than 500 columns; a survey export has one for each question and a few more. "
        "Export only the questions of this self-assessment and try again."
    )


def test_500_columns_are_read_however_their_headings_are_quoted_and_501_are_refused(team):
    a = team.items()[0]
    headings = [a.id, *(f'Q{n}, "as asked",\nsecond line' for n in range(499))]  # commas, quotes, line breaks
    read = read_survey(team, export(headings, [["3"] * 500]))
    assert len(read.columns) == 500 and read.matched == {0: a.id} and len(read.people) == 1
    with pytest.raises(SurveyError, match="more than 500 columns"):
        read_survey(team, export([*headings, "One too many"], [["3"] * 501]))


def test_more_than_100000_rows_or_20_mb_are_refused_with_a_sentence(team):
    a = team.items()[0]
    with pytest.raises(SurveyError) as refused:
        read_survey(team, export([a.id], [["3"]] * 100_001))
    assert str(refused.value) == (
        "This file has more than 100,000 rows; a survey export has one for each person who answered. "
        "Check that it is the export of this self-assessment's survey, and try again."
    )
    assert len(read_survey(team, export([a.id], [["3"]] * 1_000)).people) == 1_000
    with pytest.raises(SurveyError, match="over 20 MB"):
        read_survey(team, a.id + "\n" + "3\n" * 10_000_000)


def test_rows_with_the_same_answers_are_named_as_one_person_perhaps_sending_twice(team):
    items = team.items()
    same = ["4"] * len(items)
    rows = [same, ["2"] * len(items), same, same]
    notes = api.survey_call(HUDDLE, team, None, export([item.id for item in items], rows), {}, 5)["notes"]
    said = " ".join(text for _, _, text in tree(notes))
    assert "Rows 2, 4 and 5 hold the same answers to every statement" in said
    assert "An anonymous survey cannot show who sent each row" in said


def test_the_printed_head_dates_a_survey_profile_and_counts_its_people(team):
    ids = [item.id for item in team.items()]
    text = export(ids, [["4"] * len(ids) for _ in range(5)])
    head = api.survey_call(HUDDLE, team, None, text, {}, 5, date="2026-01-31")["head"]
    assert "Made on 31 January 2026." in head
    assert "This round: 5 people&#x27;s answers, from a survey export." in head
