"""The results view of an assessment page, as HTML: its one renderer.

`section` is the empty view the build writes into the page (headings, the
buttons to keep a result, the control to load an earlier one); `view` and
`comparison` are what the worker renders into it once answers are scored.
The page script only inserts this HTML and wires the buttons. Standard
library only (runs in Pyodide); every value is escaped by `h` unless it is
guidance HTML the build rendered from the framework's Markdown.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .html import Markup, h, join
from .marks import illustrative_mark
from .model import Framework, Guidance
from .strings import say

MONTHS = ("January", "February", "March", "April", "May", "June") + (
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(iso: str) -> str:
    """A YYYY-MM-DD date as people write it: 26 November 2026."""
    year, month, day = (int(part) for part in iso.split("-"))
    return f"{day} {MONTHS[month - 1]} {year}"


def section(framework: Framework) -> Markup:
    """The results section of the page, empty until scored; hidden until then."""
    return h(
        "section",
        {
            "class": "huddle-results",
            "data-huddle-results": True,
            "hidden": True,
            "tabindex": "-1",
            "aria-labelledby": "huddle-results-title",
        },
        h("h2", {"id": "huddle-results-title"}, "Your results"),
        h("div", {"data-huddle-results-view": True}),
        h("h3", {"id": "huddle-keep"}, "Keep your results"),
        h(
            "p",
            {},
            "Your results are not saved anywhere unless you keep them. A JSON file can be loaded here later "
            "to compare, or to start a retake from these answers.",
        ),
        h(
            "p",
            {"class": "huddle-buttons"},
            h("button", {"type": "button", "class": "md-button", "data-huddle-download": "json"}, "Download as JSON"),
            h("button", {"type": "button", "class": "md-button", "data-huddle-download": "csv"}, "Download as CSV"),
            h("button", {"type": "button", "class": "md-button", "data-huddle-print": True}, "Print or save as PDF"),
        ),
        h("h3", {"id": "huddle-compare-title"}, "Compare with an earlier result"),
        earlier_control("results"),
        h("div", {"data-huddle-comparison": True}),
    )


def earlier_control(place: str) -> Markup:
    """A file picker for a saved result (JSON), with a status line for what happened."""
    field = f"huddle-earlier-{place}"
    return h(
        "div",
        {"class": "huddle-earlier", "data-huddle-earlier-box": True, "hidden": True},
        h("label", {"for": field}, "Load a result you downloaded before (a .json file)"),
        h("input", {"type": "file", "id": field, "accept": ".json,application/json", "data-huddle-earlier": True}),
        h(
            "p",
            {
                "class": "huddle-earlier-status",
                "role": "status",
                "aria-live": "polite",
                "data-huddle-earlier-status": True,
            },
        ),
        h(
            "p",
            {},
            h(
                "button",
                {"type": "button", "class": "md-button", "data-huddle-use-earlier": True, "hidden": True},
                "Replace my answers with the earlier ones",
            ),
        ),
    )


def view(framework: Framework, guidance: Guidance, report: Mapping[str, Any], chart: Markup) -> Markup:
    """What the results view shows for one scored response: when, the chart, the table, highlights."""
    return join(
        [
            h(
                "p",
                {"data-huddle-results-meta": True},
                f"Scored on {long_date(report['date'])}, against version {framework.version} of this self-assessment.",
            ),
            h("div", {"class": "huddle-chart-box", "data-huddle-chart": True}, chart),
            _table(framework, guidance, report["competencies"]),
            h("div", {"data-huddle-highlights": True}, _highlights(guidance, report)),
        ]
    )


def _score(value: str | None) -> str:
    return value if value is not None else say("not-enough-answers")


def _table(framework: Framework, guidance: Guidance, competencies: Sequence[Mapping[str, Any]]) -> Markup:
    low, high = framework.scale.points[0], framework.scale.points[-1]
    rows = []
    for c in competencies:
        about = guidance.of(c["id"])
        if c["band"]:
            band = [h("strong", {}, c["band"]), h("div", {}, Markup(about.bands.get(c["band"], "")))]
        else:
            band = say("no-band")
        rows.append(
            h(
                "tr",
                {"data-competency": c["id"]},
                h("th", {"scope": "row"}, h("a", {"href": about.page}, c["title"]) if about.page else c["title"]),
                h("td", {"data-score": ""}, _score(c["score"])),
                h("td", {"class": "huddle-band"}, band),
                h("td", {}, f"{c['answered']} of {c['total']}"),
            )
        )
    return _scrolls(
        "table",
        {"data-huddle-results-table": True},
        h(
            "caption",
            {},
            f"Your score for each competency, from {low.value} ({low.label}) to {high.value} ({high.label})",
        ),
        h(
            "thead",
            {},
            h("tr", {}, [h("th", {"scope": "col"}, name) for name in ("Competency", "Score", "Band", "Answered")]),
        ),
        h("tbody", {}, rows),
    )


def _highlights(guidance: Guidance, report: Mapping[str, Any]) -> Markup:
    if not report["strengths"]:
        return h("p", {}, "Answer more statements to see your strengths and the areas you could develop.")
    by_id = {c["id"]: c for c in report["competencies"]}
    strengths = h(
        "ul",
        {},
        [
            h("li", {}, h("strong", {}, by_id[cid]["title"]), f": {by_id[cid]['score']}, {by_id[cid]['band']}")
            for cid in report["strengths"]
        ],
    )
    return join(
        [
            h("h3", {}, "Your strengths"),
            strengths,
            h("h3", {}, "Areas to develop"),
            [_develop(guidance, by_id[cid]) for cid in report["development"]],
        ]
    )


def _develop(guidance: Guidance, competency: Mapping[str, Any]) -> Markup:
    about = guidance.of(competency["id"])
    studies = None
    if about.case_studies:
        studies = [
            h("p", {}, "Case studies that show this:"),
            h(
                "ul",
                {},
                [
                    h("li", {}, h("a", {"href": s.url}, s.title), illustrative_mark(s.illustrative))
                    for s in about.case_studies
                ],
            ),
        ]
    more = h("p", {}, h("a", {"href": about.page}, f"More about {competency['title'].lower()}")) if about.page else None
    return h(
        "div",
        {"class": "huddle-develop", "data-competency": competency["id"]},
        h("h4", {}, f"{competency['title']}: {competency['score']}, {competency['band']}"),
        h("div", {}, Markup(about.develop)) if about.develop else None,
        studies,
        more,
    )


def comparison(rows: Sequence[Mapping[str, Any]], earlier_date: str) -> Markup:
    """The change per competency since an earlier result."""
    caption = "Change since your earlier result" + (f" of {long_date(earlier_date)}" if earlier_date else "")
    body = [
        h(
            "tr",
            {"data-competency": r["id"]},
            h("th", {"scope": "row"}, r["title"]),
            h("td", {}, _score(r["earlier"])),
            h("td", {}, _score(r["now"])),
            h("td", {"data-change": ""}, r["change"] if r["change"] is not None else say("no-change")),
        )
        for r in rows
    ]
    head = [h("th", {"scope": "col"}, name) for name in ("Competency", "Earlier", "Now", "Change")]
    return _scrolls(
        "table",
        {"data-huddle-compare": True},
        h("caption", {"data-huddle-compare-caption": True}, caption),
        h("thead", {}, h("tr", {}, head)),
        h("tbody", {}, body),
    )


def _scrolls(tag: str, attrs: Mapping[str, object], *children: object) -> Markup:
    """A table in a box that scrolls sideways on its own, so the page never does."""
    return h("div", {"class": "huddle-table"}, h(tag, attrs, *children))
