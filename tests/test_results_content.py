"""What the results say (CPython): the summary, band thresholds, each competency's block, the answers,
notes and band changes; and that every string an author or a person wrote is escaped."""

from __future__ import annotations

import json

from generator.scoring import api, normalise, report
from generator.scoring.model import NOT_APPLICABLE, CompetencyGuidance, Guidance, Link
from generator.scoring.results import band_range
from generator.scoring.strings import HUDDLE
from generator.scoring.summary import summary
from tests.test_results_view import HOSTILE, tree


def scoring(framework, values):
    """Answers giving each competency (by position) the score in `values`; None leaves it unanswered."""
    out = {}
    for competency, value in zip(framework.competencies(), values, strict=False):
        if value is None:
            continue
        for item in competency.items:
            out[item.id] = (framework.scale.low + framework.scale.high - value) if item.reverse else value
    return out


def said(framework, values, **extra):
    answers = {**scoring(framework, values), **extra}
    return summary(HUDDLE, report(framework, answers, "2026-11-26"), answers)


def test_the_summary_names_the_strongest_area_and_where_to_focus_first(framework):
    assert said(framework, [4, 2, 3, 3, 3, 3]) == [
        "You answered 28 of the 28 statements.",
        "Your strongest area is Shared vision (4.0, Established).",
        "The place to focus first is Speaking up (2.0, Emerging).",
    ]


def test_the_summary_says_ties_as_ties(framework):
    lines = said(framework, [4, 4, 2, 2, 2, 3])
    assert lines[1] == "Your strongest areas are Shared vision and Speaking up (both 4.0)."
    assert lines[2] == (
        "Your lowest scores are in Sharing leadership, Working across boundaries and Compassionate support "
        "(each 2.0): start with the one that matters most in your work now."
    )


def test_equal_scores_name_no_strength_and_no_focus(framework):
    assert said(framework, [3, 3, 3, 3, 3, 3])[1:] == [
        "Your scores are the same for every competency with a score (3.0), so none stands out as a strength "
        "or as the place to start. The advice for each one is below."
    ]


def test_not_enough_answers_is_said_plainly(framework):
    assert said(framework, [4, 2, None, 3, None, 3])[-1] == (
        "Sharing leadership and Compassionate support could not be scored: fewer than half of their statements "
        "were answered. Answer more of them for a fuller picture."
    )
    assert (
        said(framework, [4])[1]
        == "Only Shared vision has a score (4.0, Established), so there is nothing to compare yet."
    )
    assert said(framework, []) == [
        "You answered 0 of the 28 statements.",
        "None of the competencies has a score yet: each needs at least half of its statements answered "
        "(“not applicable” does not count).",
    ]


def test_not_applicable_answers_are_counted_and_said(framework):
    lines = said(framework, [4, 2], v1=NOT_APPLICABLE)
    assert lines[0] == (
        "You answered 8 of the 28 statements, 1 of them with “not applicable”, which does not count towards a score."
    )


def test_band_thresholds_are_said_in_words(framework):
    bands = framework.competency("vision").bands
    described = [f"{b.label}: {band_range(HUDDLE, framework, bands, b)}" for b in bands]
    starts = [b.start for b in bands]
    assert described[0].endswith(f"from {framework.scale.low} to under {starts[1]:g}")
    assert described[-1].endswith(f"to {framework.scale.high}")
    assert all(" to under " in d for d in described[:-1])


def advice(framework):
    return Guidance(
        "print/",
        {
            c.id: CompetencyGuidance(
                page=f"../{c.id}/",
                develop=f"<p>Develop {c.id}.</p>",
                bands={b.label: f"<p>{b.label} means this.</p>" for b in c.bands},
                case_studies=(Link(f"Story of {c.id}", f"../../case-studies/{c.id}/"),),
            )
            for c in framework.competencies()
        },
        organisation="Example NHS Trust",
    )


def blocks(view):
    """Each competency block's text, by competency id."""
    found, current = {}, None
    for tag, attrs, text in tree(view):
        if tag == "article":
            current = found.setdefault(attrs["data-competency"], [])
        elif tag == "details":
            current = None
        if current is not None and text.strip():
            current.append(text.strip())
    return {cid: " ".join(parts) for cid, parts in found.items()}


def test_each_competency_block_gives_score_band_meaning_advice_and_case_studies(framework):
    answers = scoring(framework, [4, 2, 3, 3, 3, 3])
    view = api.results_call(HUDDLE, framework, advice(framework), answers, "2026-11-26")["view"]
    text = blocks(view)
    assert list(text) == [c.id for c in framework.competencies()]
    vision, speaking, sharing = text["vision"], text["speaking-up"], text["sharing-leadership"]
    assert "One of your stronger areas" in vision and "help colleagues do the same" in vision
    assert "Questions to reflect on" not in vision
    assert "An area to develop" in speaking and "Questions to reflect on" in speaking
    assert "When have you seen speaking up done well at work" in speaking
    assert "Develop speaking-up." in speaking and "Story of speaking-up" in speaking
    assert "is a score from 1 to under 2.5." in speaking and "Emerging means this." in speaking
    assert "strengths" not in sharing and "An area to develop" not in sharing
    assert "Develop sharing-leadership." in sharing
    assert "Example NHS Trust" in view  # the printout's heading
    assert "26 November 2026" in view


def test_the_answers_are_listed_statement_by_statement(framework):
    answers = {"v1": 4, "v2": NOT_APPLICABLE}
    view = api.results_call(HUDDLE, framework, advice(framework), answers, "2026-11-26")["view"]
    items = [(attrs["data-item"], text) for tag, attrs, text in tree(view) if tag == "li" and "data-item" in attrs]
    assert [i for i, _ in items] == [item.id for item in framework.items()]
    labels = [text for tag, _, text in tree(view) if tag == "strong"]
    scale = dict(framework.scale.answers())
    assert scale[4] in labels and scale[NOT_APPLICABLE] in labels and "not answered" in labels


def test_the_download_holds_the_notes_as_typed(framework):
    notes = "Talk to Sam <b>before</b> March.\nTry a huddle."
    text = json.loads(
        api.call(
            json.dumps(framework.to_json()),
            "saved",
            json.dumps({"answers": {"v1": 4}, "date": "2026-11-26", "notes": notes}),
        )
    )
    assert json.loads(text["value"])["notes"] == notes
    refused = json.loads(
        api.call(
            json.dumps(framework.to_json()),
            "saved",
            json.dumps({"answers": {"v1": 4}, "date": "2026-11-26", "notes": 5}),
        )
    )
    assert refused == {"error": "The notes must be text."}


def test_band_changes_are_said_in_words_and_the_earlier_notes_shown(framework):
    earlier = {"answers": scoring(framework, [2, 4]), "date": "2026-01-05", "notes": "Then: " + HOSTILE}
    value = api.results_call(HUDDLE, framework, advice(framework), scoring(framework, [3, 4]), "2026-11-26", earlier)
    changes = [text for tag, _, text in tree(value["comparison"]) if tag == "li"]
    assert changes == ["Shared vision: Emerging → Developing"]
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in value["comparison"]
    assert "<img" not in value["comparison"]
    same = api.results_call(HUDDLE, framework, advice(framework), scoring(framework, [2, 4]), "2026-11-26", earlier)
    assert "No band has changed since your earlier result of 5 January 2026." in same["comparison"]


def test_every_author_string_is_escaped_in_the_view(framework):
    data = framework.to_json()
    data["title"] = HOSTILE
    data["scale"]["points"] = [{**p, "label": HOSTILE + str(p["value"])} for p in data["scale"]["points"]]
    for domain in data["domains"]:
        for competency in domain["competencies"]:
            competency["title"] = HOSTILE
            competency["bands"] = [{**b, "label": HOSTILE + str(n)} for n, b in enumerate(competency["bands"])]
            for item in competency["items"]:
                item["text"] = HOSTILE
    hostile = normalise(data)
    guidance = Guidance("", {}, organisation=HOSTILE)
    earlier = {"answers": scoring(hostile, [2, 2, 2, 2, 2, 2]), "date": "2026-01-05", "notes": HOSTILE}
    value = api.results_call(HUDDLE, hostile, guidance, scoring(hostile, [4, 2, 3, 3, 3, 5]), "2026-11-26", earlier)
    for html in (value["view"], value["comparison"]):
        assert [tag for tag, _, _ in tree(html)].count("img") == 0
        assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html
