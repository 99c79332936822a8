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
from fractions import Fraction
from typing import Any

from .html import Markup, h, join
from .marks import illustrative_mark
from .model import Band, Framework, Guidance
from .report import Report, ScoreChange
from .score import CompetencyScore
from .strings import Messages
from .summary import summary
from .voice import about

MONTHS = (
    *("month-january", "month-february", "month-march", "month-april", "month-may", "month-june"),
    *("month-july", "month-august", "month-september", "month-october", "month-november", "month-december"),
)
"""Each month's message, in order."""

NEW_TAB = {"target": "_blank", "rel": "noopener"}
"""Links in the results open in a new tab (the results say so): following one must not take the results away.
The page script does the same for the links in what the worker renders."""


def long_date(messages: Messages, iso: str) -> str:
    """A YYYY-MM-DD date as people write it: 26 November 2026."""
    say = messages.say
    year, month, day = (int(part) for part in iso.split("-"))
    return say("long-date", day=day, month=say(MONTHS[month - 1]), year=year)


def section(messages: Messages, framework: Framework, team_url: str = "team/") -> Markup:
    """The results section of the page, empty until scored; hidden until then.

    Besides the view the worker fills in, it holds what outlives one scoring:
    the comparison, the notes (typed by the person, so never re-rendered), the
    lines only paper has (a name, who it was discussed with) and the buttons to keep it.
    """
    say = messages.say
    return h(
        "section",
        {
            "class": "huddle-results",
            "data-huddle-results": True,
            "data-search-exclude": True,
            "hidden": True,
            "tabindex": "-1",
            "aria-labelledby": "huddle-results-title",
        },
        h("h2", {"id": "huddle-results-title"}, say("results-title")),
        _jump(messages, framework),
        h("div", {"data-huddle-results-view": True}),
        h("h3", {"id": "huddle-compare-title", "class": "huddle-screen-only"}, say("compare-title")),
        earlier_control(messages, "results"),
        h("div", {"data-huddle-comparison": True}),
        _next_steps(messages, framework),
        _share(messages, framework, team_url),
        h("h3", {"id": "huddle-keep", "class": "huddle-screen-only"}, say("keep-title")),
        h(
            "p",
            {"class": "huddle-screen-only"},
            say("keep-text"),
        ),
        h(
            "p",
            {"class": "huddle-buttons"},
            h(
                "button",
                {"type": "button", "class": "md-button", "data-huddle-download": "json"},
                say("download-json"),
            ),
            h(
                "button",
                {"type": "button", "class": "md-button", "data-huddle-download": "csv"},
                say("download-csv"),
            ),
            h("button", {"type": "button", "class": "md-button", "data-huddle-print": True}, say("print")),
        ),
    )


def whose(messages: Messages, framework: Framework) -> str:
    """Whose profile people pool their codes into, in a word: a board's or a team's."""
    say = messages.say
    return say("whose-board") if framework.audience == "board" else say("whose-team")


def _jump(messages: Messages, framework: Framework) -> Markup:
    """Links to what comes after the long read (on a phone, eleven screens down): notes, sharing, keeping."""
    say = messages.say
    targets = [
        ("huddle-next-title", say("next-title")),
        ("huddle-share-title", say("share-title", whose=whose(messages, framework))),
        ("huddle-keep", say("keep-title")),
    ]
    links = [h("a", {"href": f"#{target}"}, title) for target, title in targets]
    return h(
        "nav",
        {"class": "huddle-jump huddle-screen-only", "aria-labelledby": "huddle-jump-label"},
        h("p", {}, h("span", {"id": "huddle-jump-label"}, say("jump-label")), " ", join(links, " · ")),
    )


def _share(messages: Messages, framework: Framework, team_url: str) -> Markup:
    """Getting a result code to pool with a team or board: what it reveals, said first."""
    say = messages.say
    pooled = whose(messages, framework)
    group = None
    if framework.groups:
        group = h(
            "p",
            {},
            h("label", {"for": "huddle-group"}, say("group-label")),
            " ",
            h(
                "select",
                {"id": "huddle-group", "data-huddle-group": True},
                h("option", {"value": ""}, say("group-none")),
                [h("option", {"value": g.id}, g.label) for g in framework.groups],
            ),
        )
    return h(
        "div",
        {"class": "huddle-share huddle-screen-only", "data-huddle-share": True},
        h("h3", {"id": "huddle-share-title"}, say("share-title", whose=pooled)),
        h("p", {"data-huddle-plain-note": True}, say("share-text", whose=pooled)),
        h("p", {"class": "huddle-sealed-note", "data-huddle-sealed-note": True, "hidden": True}),
        group,
        h(
            "p",
            {},
            h("button", {"type": "button", "class": "md-button", "data-huddle-get-code": True}, say("get-code")),
        ),
        code_box(messages, say("code-label")),
        h("p", {}, h("a", {"href": team_url, **NEW_TAB}, say("team-link", whose=pooled))),
        h(
            "p",
            {},
            say("ask-feedback-before"),
            h("a", {"href": "rater/", **NEW_TAB}, say("rater-link")),
            say("ask-feedback-between"),
            h("a", {"href": "360/", **NEW_TAB}, say("feedback-link")),
            say("ask-feedback-after"),
        )
        if framework.offers_360
        else None,
    )


def code_box(messages: Messages, label: str) -> Markup:
    """A code made on the page: read-only, with a copy button and a status line."""
    field = {"type": "text", "id": "huddle-code", "readonly": True, "spellcheck": "false", "data-huddle-code": True}
    return h(
        "div",
        {"data-huddle-code-box": True, "hidden": True},
        h("label", {"for": "huddle-code"}, label),
        h(
            "div",
            {"class": "huddle-code-row"},
            h("input", field),
            h("button", {"type": "button", "class": "md-button", "data-huddle-copy": True}, messages.say("copy-code")),
        ),
        h("p", {"role": "status", "data-huddle-copy-status": True}),
    )


def _next_steps(messages: Messages, framework: Framework) -> Markup:
    """Talking it through, and a notes box; on paper, the notes and lines to fill in by hand."""
    say = messages.say
    return h(
        "div",
        {"class": "huddle-next"},
        h("h3", {"id": "huddle-next-title"}, say("next-title")),
        h(
            "p",
            {},
            about(messages, framework.audience, "talk-it-through"),
        ),
        h("label", {"for": "huddle-notes", "class": "huddle-screen-only"}, say("notes-label")),
        h(
            "p",
            {"id": "huddle-notes-hint", "class": "huddle-hint huddle-screen-only"},
            say("notes-hint"),
        ),
        h(
            "textarea",
            {
                "id": "huddle-notes",
                "name": "notes",
                "rows": "6",
                "class": "huddle-notes huddle-screen-only",
                "aria-describedby": "huddle-notes-hint",
                "data-huddle-notes": True,
            },
        ),
        h(
            "div",
            {"class": "huddle-print-only huddle-paper"},
            h("p", {"class": "huddle-paper__notes-title"}, say("notes-label")),
            h("p", {"class": "huddle-paper__notes", "data-huddle-notes-print": True}),
            h("p", {"class": "huddle-paper__line"}, say("paper-name")),
            h("p", {"class": "huddle-paper__line"}, say("paper-discussed")),
        ),
    )


def earlier_control(messages: Messages, place: str) -> Markup:
    """A file picker for a saved result (JSON), with a status line for what happened."""
    say = messages.say
    field = f"huddle-earlier-{place}"
    return h(
        "div",
        {"class": "huddle-earlier", "data-huddle-earlier-box": True, "hidden": True},
        h("label", {"for": field}, say("earlier-label")),
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
                say("use-earlier"),
            ),
        ),
    )


def view(
    messages: Messages,
    framework: Framework,
    guidance: Guidance,
    report: Report,
    answers: Mapping[str, Any],
    chart: Markup,
) -> Markup:
    """What the results view shows for one scored response: the heading paper needs, a summary,
    the chart and its table, a block per competency, and the answers themselves."""
    say = messages.say
    date = long_date(messages, report.date)
    return join(
        [
            print_head(framework, guidance, say("print-version", version=framework.version, date=date)),
            h(
                "p",
                {"class": "huddle-screen-only", "data-huddle-results-meta": True},
                say("scored-on", date=date, version=framework.version),
            ),
            h("p", {"class": "huddle-screen-only huddle-hint", "data-huddle-new-tab": True}, say("links-new-tab")),
            h("h3", {"id": "huddle-summary-title"}, say("summary-title")),
            h(
                "div",
                {"data-huddle-summary": True},
                [h("p", {}, sentence) for sentence in summary(messages, report, answers, framework.audience)],
            ),
            h("div", {"class": "huddle-chart-box", "data-huddle-chart": True}, chart),
            _table(messages, framework, report.result.competencies),
            h("h3", {"id": "huddle-each-title"}, say("each-title")),
            h(
                "div",
                {"class": "huddle-blocks"},
                [_block(messages, framework, guidance, report, c) for c in report.result.competencies],
            ),
            _answers(messages, framework, answers),
        ]
    )


def print_head(framework: Framework, guidance: Guidance | None, made: str, *more: str) -> Markup:
    """What only paper has at the top: whose site, the framework and when it was made (`made` follows
    the title), and any more sentences (which round of codes)."""
    organisation = guidance.organisation if guidance else ""
    return h(
        "div",
        {"class": "huddle-print-only huddle-print-head", "data-huddle-print-head": True},
        h("p", {}, organisation) if organisation else None,
        h("p", {}, h("strong", {}, framework.title), made, [[" ", sentence] for sentence in more]),
    )


def _score(messages: Messages, value: str | None) -> str:
    return value if value is not None else messages.say("not-enough-answers")


def _table(messages: Messages, framework: Framework, competencies: Sequence[CompetencyScore]) -> Markup:
    """The chart's figures as a table: short rows, the bands' meaning is in each competency's block."""
    say = messages.say
    low, high = framework.scale.points[0], framework.scale.points[-1]
    rows = [
        h(
            "tr",
            {"data-competency": c.id},
            h("th", {"scope": "row"}, c.title),
            h("td", {"data-score": ""}, _score(messages, c.score)),
            h("td", {"class": "huddle-band"}, c.band or say("no-band")),
            h("td", {}, say("answered-of", answered=c.answered, total=c.total)),
        )
        for c in competencies
    ]
    caption = about(
        messages,
        framework.audience,
        "table-caption",
        low=low.value,
        low_label=low.label,
        high=high.value,
        high_label=high.label,
    )
    head = [say(key) for key in ("column-competency", "column-score", "column-band", "column-answered")]
    return data_table({"data-huddle-results-table": True}, caption, head, rows)


def _number(value: float | int | Fraction) -> str:
    """A band threshold as written: 2.5, or 3 rather than 3.0."""
    value = Fraction(str(value))
    return str(value.numerator) if value.denominator == 1 else f"{float(value):g}"


def band_range(messages: Messages, framework: Framework, bands: Sequence[Band], band: Band) -> str:
    """Where a band lies on the scale, in words: "from 2.5 to under 3.5", or "from 4.5 to 5" for the top one."""
    say = messages.say
    low, high = framework.scale.low, framework.scale.high
    at = bands.index(band)
    start = _number(max(Fraction(str(band.start)), Fraction(low)))
    if at + 1 < len(bands):
        return say("band-range", start=start, end=_number(bands[at + 1].start))
    return say("band-range-top", start=start, end=high)


def _block(messages: Messages, framework: Framework, guidance: Guidance, report: Report, c: CompetencyScore) -> Markup:
    """One competency: score, band and what it means, advice, reflection and case studies."""
    say = messages.say
    competency = framework.competency(c.id)
    advice = guidance.of(c.id)
    title = h("a", {"href": advice.page}, c.title) if advice.page else c.title
    strength, develop = c.id in report.strengths, c.id in report.development
    tag = about(messages, framework.audience, "tag-strength") if strength else say("tag-develop") if develop else None
    if c.score is None:
        standing = h(
            "p",
            {"class": "huddle-block__score"},
            h("strong", {}, say("not-enough-answers")),
            say("block-unscored", answered=c.answered, total=c.total),
        )
        meaning = None
    else:
        band = next((b for b in competency.bands if b.label == c.band), None) if competency else None
        standing = h(
            "p",
            {"class": "huddle-block__score"},
            h("strong", {}, say("block-score", score=c.score)),
            say("block-standing", band=c.band or say("no-band"), answered=c.answered, total=c.total),
        )
        meaning = None
        if band and competency:
            meaning = h(
                "div",
                {"class": "huddle-block__band", "data-huddle-band": True},
                h(
                    "p",
                    {},
                    h("strong", {}, band.label),
                    say("band-meaning", range=band_range(messages, framework, competency.bands, band)),
                ),
                Markup(advice.bands.get(band.label, "")),
            )
    studies = None
    if advice.case_studies:
        studies = h(
            "div",
            {"class": "huddle-block__studies"},
            h("h5", {}, say("studies-title")),
            h(
                "ul",
                {},
                [
                    h("li", {}, h("a", {"href": s.url}, s.title), illustrative_mark(messages, s.illustrative))
                    for s in advice.case_studies
                ],
            ),
        )
    return h(
        "article",
        {
            "class": " ".join(
                [
                    "huddle-block",
                    *(["huddle-block--strength"] if strength else []),
                    *(["huddle-block--develop"] if develop else []),
                ]
            ),
            "data-competency": c.id,
            "aria-labelledby": f"huddle-block-{c.id}",
        },
        h("h4", {"id": f"huddle-block-{c.id}"}, title),
        h("p", {"class": "huddle-block__tag"}, tag) if tag else None,
        standing,
        meaning,
        _strengths(messages, framework, advice.strengths) if strength else None,
        h("div", {"class": "huddle-block__develop"}, h("h5", {}, say("develop-title")), Markup(advice.develop))
        if advice.develop
        else None,
        _reflection(messages, framework, c.title, competency.reflect if competency else ()) if develop else None,
        studies,
    )


def _strengths(messages: Messages, framework: Framework, own: str) -> Markup:
    """What to do with a stronger area: the framework's own advice for it (guidance HTML), else Huddle's."""
    if own:
        return h("div", {"class": "huddle-block__strengths", "data-huddle-own": True}, Markup(own))
    return h("p", {"class": "huddle-block__strengths"}, about(messages, framework.audience, "strength-advice"))


def _reflection(messages: Messages, framework: Framework, title: str, own: Sequence[str]) -> Markup:
    """Questions for an area to develop: the competency's own (`reflect`), else Huddle's, said of whoever was rated."""
    generic = ("reflect-seen", "reflect-step", "reflect-feedback")
    questions = list(own) or [about(messages, framework.audience, key, competency=title.lower()) for key in generic]
    return join([h("h5", {}, messages.say("reflect-title")), h("ul", {}, [h("li", {}, q) for q in questions])])


def _answers(messages: Messages, framework: Framework, answers: Mapping[str, Any]) -> Markup:
    """Each statement with the answer given, numbered as on the form, in a disclosure."""
    say = messages.say
    labels = dict(framework.scale.answers())
    rows = [
        h(
            "li",
            {"data-item": item.id},
            item.text,
            " ",
            h("strong", {}, labels.get(answers.get(item.id, ""), say("not-answered"))),
        )
        for item in framework.items()
    ]
    return h(
        "details",
        {"class": "huddle-answers", "data-huddle-answers": True},
        h("summary", {}, say("answers-title")),
        h("ol", {}, rows),
    )


def comparison(
    messages: Messages,
    framework: Framework,
    rows: Sequence[ScoreChange],
    earlier_date: str,
    earlier_notes: str = "",
) -> Markup:
    """The change since an earlier result: band changes in words, the scores side by side, the notes then."""
    say = messages.say
    when = say("of-date", date=long_date(messages, earlier_date)) if earlier_date else ""
    moved = [r for r in rows if r.earlier_band and r.now_band and r.earlier_band != r.now_band]
    if moved:
        changes = join(
            [
                h("p", {}, say("bands-changed", when=when)),
                h(
                    "ul",
                    {"data-huddle-band-changes": True},
                    [h("li", {}, f"{r.title}: {r.earlier_band} → {r.now_band}") for r in moved],
                ),
            ]
        )
    else:
        changes = h("p", {"data-huddle-band-changes": True}, say("bands-same", when=when))
    body = [
        h(
            "tr",
            {"data-competency": r.id},
            h("th", {"scope": "row"}, r.title),
            h("td", {}, _with_band(messages, r.earlier, r.earlier_band)),
            h("td", {}, _with_band(messages, r.now, r.now_band)),
            h("td", {"data-change": ""}, r.change if r.change is not None else say("no-change")),
        )
        for r in rows
    ]
    notes = None
    if earlier_notes:
        notes = [h("h4", {}, say("notes-then")), h("p", {"class": "huddle-notes-earlier"}, earlier_notes)]
    return join(
        [
            h("h3", {"class": "huddle-print-only"}, say("compared-title")),
            changes,
            data_table(
                {"data-huddle-compare": True},
                say("compare-caption", when=when),
                [say(key) for key in ("column-competency", "column-earlier", "column-now", "column-change")],
                body,
                {"data-huddle-compare-caption": True},
            ),
            notes,
        ]
    )


def _with_band(messages: Messages, score: str | None, band: str | None) -> str:
    return f"{score}, {band}" if score is not None and band else _score(messages, score)


def data_table(
    attrs: Mapping[str, object],
    caption: str,
    head: Sequence[str | Markup],
    rows: Sequence[Markup],
    caption_attrs: Mapping[str, object] | None = None,
    scrolls: str = "",
) -> Markup:
    """A table with a caption and column headings, in a box that scrolls sideways on its own, so the
    page never does. `scrolls`: the box's name, for a table wide enough to scroll on a phone, which then
    takes focus so the keyboard can scroll it too."""
    box = {"role": "region", "aria-label": scrolls, "tabindex": "0"} if scrolls else {}
    return h(
        "div",
        {"class": "huddle-table", **box},
        h(
            "table",
            attrs,
            h("caption", caption_attrs or {}, caption),
            h("thead", {}, h("tr", {}, [h("th", {"scope": "col"}, name) for name in head])),
            h("tbody", {}, rows),
        ),
    )
