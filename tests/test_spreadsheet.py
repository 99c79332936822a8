"""CSV downloads (CPython): author text that a spreadsheet would run as a formula arrives as text."""

from __future__ import annotations

import csv
import io

import pytest

from generator.scoring import api, normalise
from generator.scoring.report import report
from generator.scoring.spreadsheet import Figure, cell
from generator.scoring.strings import HUDDLE
from tests.test_team import member

FORMULAS = ['=HYPERLINK("http://127.0.0.2/","Vision")', "@SUM(1)", "+1", "-1+1", "\tTabbed title", "\r=1+1"]


@pytest.fixture(scope="module")
def formulas(team):
    """The team check with a formula as every competency title, band label and the version."""
    data = team.to_json()
    data["version"] = "=1+1"
    competencies = [c for domain in data["domains"] for c in domain["competencies"]]
    for competency, title in zip(competencies, FORMULAS, strict=False):
        competency["title"] = title
        competency["bands"] = [{**band, "label": "=" + band["label"]} for band in competency["bands"]]
    return normalise(data)


def cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_formula_titles_reach_the_results_csv_as_text(formulas):
    flip = formulas.scale.low + formulas.scale.high
    answers = {item.id: flip - 4 if item.reverse else 4 for item in formulas.items()}  # every score 4
    rows = cells(report(formulas, answers, "2026-11-26").csv)
    titles = [row[4] for row in rows[1:]]
    assert titles == ["'" + title for title in FORMULAS[: len(titles)]]
    assert {row[1] for row in rows[1:]} == {"'=1+1"}  # the version
    assert all(row[6].startswith("'=") for row in rows[1:])  # the band
    assert all(row[5] == "4.0" and row[7] == row[8] for row in rows[1:])  # scores and counts stay numbers


def test_formula_titles_reach_the_team_profile_csv_as_text(formulas):
    pasted = "\n".join(member(formulas, [1, 3, 5][n % 3], n) for n in range(9))  # three in each band
    rows = cells(api.team_call(HUDDLE, formulas, None, pasted, "", 5, 3)["csv"])
    titles = [row[1] for row in rows[1:]]
    assert titles == ["'" + title for title in FORMULAS[: len(titles)]]
    assert all(row[6].startswith("'=") for row in rows[1:])  # the band counts
    assert all(row[2:4] == ["3.0", "views differ widely"] and row[5] == "9" for row in rows[1:])


def test_a_number_our_code_wrote_stays_a_number_and_anything_else_in_a_figure_is_text():
    assert [cell(Figure("-0.3")), cell(-2), cell(Figure("4.0")), cell("3.5")] == ["-0.3", "-2", "4.0", "3.5"]
    assert [cell("-0.3"), cell(Figure("-1+1")), cell(Figure("=1"))] == ["'-0.3", "'-1+1", "'=1"]
