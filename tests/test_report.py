"""Results beyond the scores (CPython): strengths, development areas, chart, CSV, saved files, comparison."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest

from generator.frameworks import load_framework
from generator.scoring import call, compare, read_saved, report
from generator.scoring.chart import bar_chart
from generator.scoring.report import strengths_and_development
from tests.sites import REPO

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def framework():
    return load_framework(REPO / "assessments" / "collective-leadership.yml", REPO)


def all_items(framework):
    return [(c, i) for d in framework.domains for c in d.competencies for i in c.items]


def answers_scoring(framework, values):
    """Answers that give each competency (by position) the item value in `values`."""
    out = {}
    competencies = [c for d in framework.domains for c in d.competencies]
    for competency, value in zip(competencies, values, strict=False):
        for item in competency.items:
            out[item.id] = 6 - value if item.reverse else value
    return out


def test_strengths_are_the_highest_and_development_areas_the_lowest(framework):
    result = report(framework, answers_scoring(framework, [3, 5, 1, 4, 2, 3]), "2026-11-26")
    assert result["strengths"] == ["speaking-up", "across-boundaries"]
    assert result["development"] == ["sharing-leadership", "compassionate-support"]


def test_no_competency_is_both_a_strength_and_a_development_area(framework):
    result = report(framework, answers_scoring(framework, [4, 2]), "2026-11-26")
    assert (result["strengths"], result["development"]) == (["vision"], ["speaking-up"])
    assert strengths_and_development(report(framework, answers_scoring(framework, [4]), "x")) == ([], [])


def test_equal_scores_give_no_strengths_or_development_areas(framework):
    result = report(framework, answers_scoring(framework, [3, 3, 3, 3, 3, 3]), "2026-11-26")
    assert (result["strengths"], result["development"]) == ([], [])
    tied = report(framework, answers_scoring(framework, [4, 4, 4, 2, 2, 2]), "2026-11-26")
    assert (tied["strengths"], tied["development"]) == (
        ["vision", "speaking-up"],
        ["across-boundaries", "compassionate-support"],
    )


def test_chart_is_an_accessible_svg_with_a_bar_per_scored_competency(framework):
    result = report(framework, answers_scoring(framework, [1, 5, 3]), "2026-11-26")
    svg = ET.fromstring(bar_chart(framework, result))
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "huddle-chart-title huddle-chart-desc"
    assert svg.find(f"{SVG}title").text == "Your score for each competency"
    assert "6 competencies" in svg.find(f"{SVG}desc").text
    bars = {rect.get("data-competency"): float(rect.get("width")) for rect in svg.iter(f"{SVG}rect")}
    assert list(bars) == ["vision", "speaking-up", "sharing-leadership"]
    assert bars["vision"] == 1  # a score at the scale minimum still shows a sliver
    assert bars["speaking-up"] == pytest.approx(2 * bars["sharing-leadership"], abs=1)
    missing = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "huddle-chart__missing"]
    assert missing == ["not enough answers"] * 3


def test_csv_has_a_row_per_competency(framework):
    result = report(framework, answers_scoring(framework, [4]), "2026-11-26")
    rows = list(csv.DictReader(io.StringIO(result["csv"])))
    assert len(rows) == 6
    assert rows[0] == {
        "framework": "collective-leadership",
        "version": framework.version,
        "domain": "shared-purpose",
        "competency": "vision",
        "title": "Shared vision",
        "score": "4.0",
        "band": "Established",
        "answered": "4",
        "total": "4",
    }
    assert rows[1]["score"] == "not enough answers"


def test_a_saved_result_reads_back_to_the_same_answers(framework):
    given = answers_scoring(framework, [2, 4, 3])
    given["v2"] = "na"
    saved = report(framework, given, "2026-11-26")["saved"]
    assert json.loads(saved)["framework"] == {"id": "collective-leadership", "version": framework.version}
    assert read_saved(framework, saved) == {"answers": given, "date": "2026-11-26"}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda s: "{not json", "This file is not a saved Huddle result: it is not JSON."),
        (lambda s: "[1, 2]", "This file is not a saved Huddle result."),
        (lambda s: s.replace('"huddle-result"', '"other"'), "This file is not a saved Huddle result."),
        (
            lambda s: s.replace('"format_version": 1', '"format_version": 9'),
            "This saved result was made by a different version of Huddle and cannot be read here.",
        ),
        (
            lambda s: s.replace('"id": "collective-leadership"', '"id": "team-culture"'),
            "This result is for another self-assessment, not Collective leadership self-assessment.",
        ),
        (
            # A result saved against version 1.0, before the statements were rewritten (issue 12).
            lambda s: s.replace('"version": "2.0"', '"version": "1.0"'),
            "This result was scored against another version of this self-assessment; this page is version 2.0, "
            "whose statements or scoring may differ, so the two cannot be compared.",
        ),
        (
            lambda s: s.replace('"v1": 2', '"v1": [2]'),
            "This saved result has an answer that does not fit this self-assessment.",
        ),
        (
            lambda s: s.replace('"v1": 2', '"v1": 7'),
            "This saved result has an answer that does not fit this self-assessment.",
        ),
    ],
)
def test_a_saved_file_that_does_not_fit_is_refused_with_a_sentence(framework, change, message):
    saved = report(framework, answers_scoring(framework, [2]), "2026-11-26")["saved"]
    assert framework.version == "2.0"
    with pytest.raises(ValueError) as error:
        read_saved(framework, change(saved))
    assert str(error.value) == message


def test_a_saved_file_is_never_echoed_and_deep_or_huge_ones_are_refused_before_parsing(framework):
    saved = report(framework, answers_scoring(framework, [2]), "2026-11-26")["saved"]
    payload = "<script>" + "x" * 500_000  # under the size limit, so each reaches its own check
    for change in [
        lambda s: s.replace('"v1": 2', json.dumps({"v1": payload})[1:-1]),
        lambda s: s.replace('"version": "2.0"', json.dumps({"version": payload})[1:-1]),
        lambda s: s.replace('"id": "collective-leadership"', json.dumps({"id": payload})[1:-1]),
        lambda s: s.replace('"answers": {', '"answers": {"' + payload + '": 1, '),
    ]:
        with pytest.raises(ValueError) as error:
            read_saved(framework, change(saved))
        assert "<script>" not in str(error.value) and len(str(error.value)) < 300
    with pytest.raises(ValueError, match="too large to be a saved result"):
        read_saved(framework, saved + " " * 1_000_000)
    with pytest.raises(ValueError, match="nests too deeply"):
        read_saved(framework, "[" * 100_000 + "]" * 100_000)


def test_a_saved_date_that_is_not_a_date_is_dropped(framework):
    saved = report(framework, answers_scoring(framework, [2]), "2026-11-26")["saved"]
    assert read_saved(framework, saved.replace("2026-11-26", "garbage"))["date"] == ""


def test_comparison_shows_the_change_per_competency(framework):
    earlier = answers_scoring(framework, [2, 4, 3])
    now = answers_scoring(framework, [3, 4])
    rows = {r["id"]: r for r in compare(framework, earlier, now)}
    assert rows["vision"] == {
        "id": "vision",
        "title": "Shared vision",
        "earlier": "2.0",
        "now": "3.0",
        "change": "+1.0",
    }
    assert rows["speaking-up"]["change"] == "0.0"
    assert rows["sharing-leadership"] == {
        "id": "sharing-leadership",
        "title": "Sharing leadership",
        "earlier": "3.0",
        "now": None,
        "change": None,
    }


def test_the_browser_api_returns_values_or_sentences(framework):
    framework_json = json.dumps(framework.to_json())
    value = json.loads(call(framework_json, "results", json.dumps([{"v1": 5}, "2026-11-26"])))["value"]
    assert value["stem"] == "collective-leadership-2026-11-26"
    assert json.loads(value["json"])["answers"] == {"v1": 5}
    assert "Scored on 26 November 2026" in value["view"]
    assert value["comparison"] == ""
    refused = json.loads(call(framework_json, "read_saved", json.dumps(["nope"])))
    assert refused == {"error": "This file is not a saved Huddle result: it is not JSON."}
