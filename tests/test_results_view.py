"""The results view rendered by the scoring package (CPython): structure, escaping, guidance, comparison."""

from __future__ import annotations

import json
from html.parser import HTMLParser

from generator.scoring import api, normalise, results
from generator.scoring.html import Markup, h, join
from generator.scoring.model import CompetencyGuidance, Guidance, Link, read_guidance, to_json
from generator.scoring.strings import HUDDLE

HOSTILE = '<img src=x onerror="alert(1)"> & {: onclick=x }'


def tree(html: str) -> list[tuple[str, dict, str]]:
    """Every element as (tag, attributes, its own text), in document order."""

    class Reader(HTMLParser):
        def __init__(self):
            super().__init__()
            self.found: list[list] = []
            self.open: list[list] = []

        def handle_starttag(self, tag, attrs):
            node = [tag, dict(attrs), ""]
            self.found.append(node)
            if tag not in ("input", "br", "img"):
                self.open.append(node)

        def handle_endtag(self, tag):
            while self.open and self.open.pop()[0] != tag:
                pass

        def handle_data(self, data):
            if self.open:
                self.open[-1][2] += data

    reader = Reader()
    reader.feed(html)
    return [tuple(node) for node in reader.found]


def answers_for(framework, value):
    return {item.id: value for item in framework.items()}


def test_the_builder_escapes_text_and_attributes_and_keeps_markup():
    html = h("p", {"title": HOSTILE, "data-x": True, "hidden": False}, HOSTILE, Markup("<b>kept</b>"), None, [1, "&"])
    assert html == (
        '<p title="&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; {: onclick=x }" data-x>'
        "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; {: onclick=x }<b>kept</b>1&amp;</p>"
    )
    assert h("input", {"type": "radio"}) == '<input type="radio">'
    assert join(["a", Markup("<br>")]) == "a<br>"


def test_the_framework_model_reads_back_what_it_published(framework):
    assert normalise(json.loads(json.dumps(framework.to_json()))) == framework
    assert [item.id for item in framework.items()][:3] == ["v1", "v2", "v3"]
    assert framework.competency("vision").title == "Shared vision"


def test_the_view_has_a_row_per_competency_with_score_band_and_answered(framework):
    value = api.results_call(HUDDLE, framework, Guidance("print/", {}), answers_for(framework, 4), "2026-11-26")
    rows = [attrs["data-competency"] for tag, attrs, _ in tree(value["view"]) if tag == "tr" and attrs]
    assert rows == [c.id for c in framework.competencies()]
    texts = [text for tag, attrs, text in tree(value["view"]) if tag == "td"]
    assert "not enough answers" not in texts
    assert "Scored on 26 November 2026, against version 3.0 of this self-assessment." in value["view"]
    assert value["comparison"] == ""


def test_the_view_escapes_every_title_and_label_it_shows(framework):
    hostile = normalise(
        {
            **framework.to_json(),
            "domains": [
                {
                    **domain,
                    "competencies": [{**c, "title": HOSTILE} for c in domain["competencies"]],
                }
                for domain in framework.to_json()["domains"]
            ],
        }
    )
    value = api.results_call(HUDDLE, hostile, Guidance("", {}), answers_for(hostile, 4), "2026-11-26")
    assert "<img" not in value["view"]
    assert [tag for tag, _, _ in tree(value["view"])].count("img") == 0
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in value["view"]


def speaking_up_view(framework, about: CompetencyGuidance) -> str:
    """The results view when speaking up is the one area to develop, with `about` as its guidance."""
    items = framework.competency("speaking-up").items
    # Reverse-keyed items count the other way round: answer them 5 to score 1.
    answers = {**answers_for(framework, 5), **{i.id: 5 if i.reverse else 1 for i in items}}
    return api.results_call(HUDDLE, framework, Guidance("print/", {"speaking-up": about}), answers, "2026-11-26")[
        "view"
    ]


def test_guidance_gives_band_summaries_advice_and_case_studies_for_development_areas(framework):
    about = CompetencyGuidance(
        page="../../frameworks/collective-leadership/speaking-up/",
        develop="<p>Ask the quietest person first.</p>",
        bands={"Emerging": "<p>Rarely shown.</p>"},
        case_studies=(Link("Ward huddles & <more>", "../../case-studies/ward-huddles/"),),
    )
    view = speaking_up_view(framework, about)
    assert "<p>Rarely shown.</p>" in view  # build-rendered HTML is inserted as it is
    assert "<p>Ask the quietest person first.</p>" in view
    assert "Ward huddles &amp; &lt;more&gt;" in view
    links = [attrs["href"] for tag, attrs, _ in tree(view) if tag == "a"]
    assert "../../case-studies/ward-huddles/" in links
    assert "../../frameworks/collective-leadership/speaking-up/" in links


def test_development_areas_mark_illustrative_case_studies_in_words(framework):
    studies = (
        Link("An invented story", "../../case-studies/invented/", illustrative=True),
        Link("A true story", "../../case-studies/true/"),
    )
    view = speaking_up_view(framework, CompetencyGuidance(page="", develop="", bands={}, case_studies=studies))
    marked = '<a href="../../case-studies/invented/">An invented story</a> <span class="huddle-illustrative-mark">'
    assert marked + "Illustrative</span></li>" in view
    assert '<a href="../../case-studies/true/">A true story</a></li>' in view


def test_comparison_rows_say_the_change_and_the_earlier_date(framework):
    earlier = {"answers": answers_for(framework, 2), "date": "2026-01-05"}
    value = api.results_call(HUDDLE, framework, Guidance("", {}), answers_for(framework, 4), "2026-11-26", earlier)
    assert "Your earlier result of 5 January 2026 and now" in value["comparison"]
    changes = [text for tag, attrs, text in tree(value["comparison"]) if tag == "td" and "data-change" in attrs]
    assert len(changes) == len(framework.competencies()) and all(c.startswith("+") for c in changes)


def test_the_results_section_is_hidden_until_scored_and_holds_the_controls(framework):
    section = results.section(HUDDLE, framework)
    (outer, attrs, _), *_ = tree(section)
    assert outer == "section" and "hidden" in attrs
    buttons = [text for tag, _, text in tree(section) if tag == "button"]
    assert buttons == [
        "Replace my answers with the earlier ones",
        "Get a code to share",
        "Copy code",
        "Download my results (to compare next time)",
        "Download as a spreadsheet (CSV)",
        "Print or save as PDF",
    ]


def test_guidance_reads_back_from_its_json():
    advice = Guidance("print/", {"a": CompetencyGuidance("p/", "<p>x</p>", {"Low": "<p>y</p>"}, (Link("t", "u"),))})
    assert read_guidance(json.loads(json.dumps(to_json(advice)))) == advice
    assert read_guidance(None).of("anything").page == ""


def test_the_chart_names_the_bands_its_shading_marks_when_every_competency_shares_them(framework):
    from dataclasses import replace

    from generator.scoring.chart import bar_chart
    from generator.scoring.report import report

    result = report(framework, answers_for(framework, 3), "2026-11-26")
    legend = [
        text
        for tag, attrs, text in tree(str(bar_chart(HUDDLE, framework, result.result.competencies)))
        if "huddle-chart__legend" in attrs.get("class", "")
    ]
    assert legend == [
        "The bands the shading marks, from left to right: Emerging, from 1 to under 2.5; Developing, from 2.5 to "
        "under 4; Established, from 4 to 5."
    ]
    # One competency with bands of its own: each block says its band, and the chart names none.
    first = framework.domains[0]
    own = replace(first.competencies[0], bands=first.competencies[0].bands[:2])
    other = replace(
        framework, domains=(replace(first, competencies=(own, *first.competencies[1:])), *framework.domains[1:])
    )
    assert "huddle-chart__legend" not in str(bar_chart(HUDDLE, other, result.result.competencies))
