"""Results beyond the scores (CPython): strengths, development areas, chart, CSV, saved files, comparison."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest

from generator.scoring import call, compare, read_saved, report
from generator.scoring.chart import bar_chart
from generator.scoring.report import Saved, ScoreChange, strengths_and_development
from generator.scoring.strings import HUDDLE

SVG = "{http://www.w3.org/2000/svg}"


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
    assert result.strengths == ("speaking-up", "across-boundaries")
    assert result.development == ("sharing-leadership", "compassionate-support")


def test_no_competency_is_both_a_strength_and_a_development_area(framework):
    result = report(framework, answers_scoring(framework, [4, 2]), "2026-11-26")
    assert (result.strengths, result.development) == (("vision",), ("speaking-up",))
    assert strengths_and_development(report(framework, answers_scoring(framework, [4]), "x").result.competencies) == (
        (),
        (),
    )


def test_equal_scores_give_no_strengths_or_development_areas(framework):
    result = report(framework, answers_scoring(framework, [3, 3, 3, 3, 3, 3]), "2026-11-26")
    assert (result.strengths, result.development) == ((), ())
    tied = report(framework, answers_scoring(framework, [4, 4, 4, 2, 2, 2]), "2026-11-26")
    # Ties are never split: all three at the top are strengths, all three at the bottom to develop.
    assert (tied.strengths, tied.development) == (
        ("vision", "speaking-up", "sharing-leadership"),
        ("across-boundaries", "compassionate-support", "learning-from-errors"),
    )
    split = report(framework, answers_scoring(framework, [4, 2, 3, 3, 3, 3]), "2026-11-26")
    assert (split.strengths, split.development) == (("vision",), ("speaking-up",))


def test_the_chart_has_text_rows_and_decorative_bars_with_band_zones(framework):
    result = report(framework, answers_scoring(framework, [1, 5, 3]), "2026-11-26")
    figure = ET.fromstring(bar_chart(HUDDLE, framework, result.result.competencies))
    assert figure.tag == "figure"
    assert "on the scale from 1 (" in figure.find("figcaption").text
    rows = figure.findall("ul/li")
    assert [row.get("data-competency") for row in rows] == [c.id for c in framework.competencies()]
    texts = ["".join(row.find("span").itertext()) for row in rows]
    assert texts[:3] == ["Shared vision 1.0", "Speaking up 5.0", "Sharing leadership 3.0"]
    assert texts[3] == "Working across boundaries not enough answers"
    svgs = [row.find(f"{SVG}svg") for row in rows]
    assert all(svg.get("aria-hidden") == "true" for svg in svgs)
    bars = {
        rect.get("data-competency"): float(rect.get("width"))
        for svg in svgs
        for rect in svg.iter(f"{SVG}rect")
        if rect.get("class") == "huddle-chart__bar"
    }
    assert list(bars) == ["vision", "speaking-up", "sharing-leadership"]
    assert bars["vision"] == 4  # a score at the scale minimum still shows a sliver
    assert bars["speaking-up"] == 1000 and bars["sharing-leadership"] == 500
    zones = [r for r in svgs[0].iter(f"{SVG}rect") if "huddle-chart__zone" in r.get("class")]
    assert len(zones) == len(framework.competency("vision").bands)
    assert sum(float(z.get("width")) for z in zones) == pytest.approx(1000)


def test_the_chart_draws_an_earlier_result_under_the_current_one(framework):
    result = report(framework, answers_scoring(framework, [4, 4]), "2026-11-26")
    earlier = report(framework, answers_scoring(framework, [2]), "2026-01-01")
    figure = ET.fromstring(bar_chart(HUDDLE, framework, result.result.competencies, earlier.result.competencies))
    assert "the earlier result is the thin bar" in figure.find("figcaption").text
    first, second = figure.findall("ul/li")[:2]
    assert "".join(first.find("span").itertext()) == "Shared vision 4.0 (earlier 2.0)"
    assert "".join(second.find("span").itertext()) == "Speaking up 4.0 (earlier not enough answers)"
    marks = [r.get("data-earlier") for r in figure.iter(f"{SVG}rect") if r.get("class") == "huddle-chart__earlier"]
    assert marks == ["vision"]


def test_csv_has_a_row_per_competency(framework):
    result = report(framework, answers_scoring(framework, [4]), "2026-11-26")
    rows = list(csv.DictReader(io.StringIO(result.csv)))
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
    saved = report(framework, given, "2026-11-26").saved
    assert json.loads(saved)["framework"] == {"id": "collective-leadership", "version": framework.version}
    assert read_saved(framework, saved) == Saved(given, "2026-11-26", "")
    noted = report(framework, given, "2026-11-26", notes="Ask Sam about huddles.\nTry it for a month.").saved
    assert read_saved(framework, noted).notes == "Ask Sam about huddles.\nTry it for a month."


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda s: "{not json", "This file is not a result saved from this self-assessment: it is not JSON."),
        (lambda s: "[1, 2]", "This file is not a result saved from this self-assessment."),
        (
            lambda s: s.replace('"huddle-result"', '"other"'),
            "This file is not a result saved from this self-assessment.",
        ),
        (
            lambda s: s.replace('"format_version": 1', '"format_version": 9'),
            "This saved result was made by a different version of this site's software and cannot be read here.",
        ),
        (
            lambda s: s.replace('"id": "collective-leadership"', '"id": "team-culture"'),
            "This result is for another self-assessment, not Collective leadership self-assessment.",
        ),
        (
            # A result saved against version 2.0, before the statements and bands were changed (issue 24).
            lambda s: s.replace('"version": "3.0"', '"version": "2.0"'),
            "This result was scored against another version of this self-assessment; this page is version 3.0, "
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
    saved = report(framework, answers_scoring(framework, [2]), "2026-11-26").saved
    assert framework.version == "3.0"
    with pytest.raises(ValueError) as error:
        read_saved(framework, change(saved))
    assert str(error.value) == message


def test_a_saved_file_is_never_echoed_and_deep_or_huge_ones_are_refused_before_parsing(framework):
    saved = report(framework, answers_scoring(framework, [2]), "2026-11-26").saved
    payload = "<script>" + "x" * 500_000  # under the size limit, so each reaches its own check
    for change in [
        lambda s: s.replace('"v1": 2', json.dumps({"v1": payload})[1:-1]),
        lambda s: s.replace('"version": "3.0"', json.dumps({"version": payload})[1:-1]),
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
    saved = report(framework, answers_scoring(framework, [2]), "2026-11-26").saved
    assert read_saved(framework, saved.replace("2026-11-26", "garbage")).date == ""


def test_comparison_shows_the_change_per_competency(framework):
    earlier = answers_scoring(framework, [2, 4, 3])
    now = answers_scoring(framework, [3, 4])
    rows = {r.id: r for r in compare(framework, earlier, now)}
    assert rows["vision"] == ScoreChange("vision", "Shared vision", "2.0", "3.0", "Emerging", "Developing", "+1.0")
    assert rows["speaking-up"].change == "0.0"
    assert rows["sharing-leadership"] == ScoreChange(
        "sharing-leadership", "Sharing leadership", "3.0", None, "Developing", None, None
    )


def test_the_browser_api_returns_values_or_sentences(framework):
    framework_json = json.dumps(framework.to_json())
    value = json.loads(call(framework_json, "results", json.dumps({"answers": {"v1": 5}, "date": "2026-11-26"})))[
        "value"
    ]
    assert value["stem"] == "collective-leadership-2026-11-26"
    assert json.loads(value["json"])["answers"] == {"v1": 5}
    assert "Scored on 26 November 2026" in value["view"]
    assert value["comparison"] == ""
    refused = json.loads(call(framework_json, "read_saved", json.dumps({"text": "nope"})))
    assert refused == {"error": "This file is not a result saved from this self-assessment: it is not JSON."}
    # By name only: a list's order would have to match each function's parameters here.
    with pytest.raises(TypeError, match="'results' call takes its arguments by name"):
        call(framework_json, "results", json.dumps([{"v1": 5}, "2026-11-26"]))
