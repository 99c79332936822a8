"""The team (or board) profile as HTML and CSV: its one renderer, escaping by default.

Standard library only (runs in Pyodide). What the page says about anonymity
is on the page itself (built with it); this renders what the codes give.
"""

from __future__ import annotations

from . import spreadsheet
from .chart import bar_chart
from .codes import Batch
from .html import Markup, h, join
from .model import Framework
from .results import data_table, whose
from .spreadsheet import Figure
from .strings import Messages
from .summary import names
from .team import BAND_LEAST, Groups, Profile, bars, changes, comparable, earlier_bars
from .voice import CSV_SCORE, about

_EVERY_CODE_COUNTED = {"batch-codes": "batch-codes-several", "batch-earlier": "batch-earlier-several"}
"""The message above a paste's notes when every code counted and only lines of several codes are noted."""


def batch_notes(messages: Messages, batch: Batch, title: str = "batch-codes", rows: bool = False) -> Markup:
    """What was wrong with the lines of a paste, each with its line number; duplicates counted once; lines that
    hold more than one code.

    `title` is the message above them; with `rows`, they are a file's rows, whose sentences say their number.
    """
    say = messages.say
    lines = [
        h("li", {}, sentence if rows else say("batch-line", line=number, problem=sentence))
        for number, sentence in batch.problems
    ]
    lines += [h("li", {}, say("batch-repeat", line=number, first=first)) for number, first in batch.duplicates]
    several = [h("li", {}, say("batch-several", line=number, count=count)) for number, count in batch.several]
    same = "batch-identical-rows" if rows else "batch-identical"
    alike = [h("li", {}, say(same, lines=names(messages, [str(n) for n in numbers]))) for numbers in batch.identical]
    if not lines and not several and not alike:
        return Markup("")
    counted = []
    if lines or several:
        counted = [h("p", {}, say(title if lines else _EVERY_CODE_COUNTED[title])), h("ul", {}, lines + several)]
    return h(
        "div",
        {"class": "huddle-batch-notes", "data-huddle-batch-notes": True},
        *counted,
        *([h("p", {}, _alike_title(messages, rows)), h("ul", {}, alike)] if alike else []),
    )


def kind_note(messages: Messages, batch: Batch) -> Markup:
    """Which kind of code was counted, and what that kind protects."""
    say = messages.say
    if not batch.codes:
        return Markup("")
    sentence = say("counted-sealed", collection=batch.collection) if batch.collection else say("counted-plain")
    kind = "sealed" if batch.collection else "plain"
    return h("p", {"class": "huddle-code-kind", "data-huddle-code-kind": kind}, sentence)


def _alike_title(messages: Messages, rows: bool) -> str:
    say = messages.say
    return say("batch-identical-rows-title") if rows else say("batch-identical-title")


def more_needed(messages: Messages, found: Profile) -> Markup:
    missing = found.k - found.members
    return _more(
        messages.say("more-needed-one" if missing == 1 else "more-needed-many", missing=missing, least=found.k)
    )


def _more(sentence: str) -> Markup:
    return h("p", {"class": "huddle-more", "data-huddle-more": True}, sentence)


def view(
    messages: Messages,
    framework: Framework,
    found: Profile,
    groups: Groups,
    earlier: Profile | None = None,
    source: str = "profile-of-codes",
) -> Markup:
    """The whole profile: summary, chart, table, band counts, disagreements, groups and the change since a round.

    `source` is the message that says how many people's answers it is, and where they come from.
    """
    say = messages.say
    if not found.shown:
        return more_needed(messages, found)
    withheld = [c.title for c in found.competencies if c.mean is None]
    parts: list[object] = [
        h("p", {"data-huddle-members": True}, say(source, members=found.members)),
        h(
            "div",
            {"class": "huddle-chart-box"},
            bar_chart(messages, framework, bars(found), earlier_bars(found, earlier), "chart-mean-score"),
        ),
        _table(messages, framework, found),
    ]
    if withheld:
        sentence = "withheld-one" if len(withheld) == 1 else "withheld-many"
        parts.append(h("p", {"data-huddle-withheld": True}, say(sentence, titles=", ".join(withheld), least=found.k)))
    parts.append(_widest(messages, found))
    parts.append(_groups(messages, framework, groups))
    if earlier is not None:
        parts.append(_changes(messages, found, earlier))
    return join(parts)


def _table(messages: Messages, framework: Framework, found: Profile) -> Markup:
    say = messages.say
    rows = []
    for c in found.competencies:
        if c.mean is None:
            cells = [h("td", {"data-score": ""}, say("withheld")), h("td", {}, "—"), h("td", {}, "—")]
        else:
            if c.bands:
                # One band a line: on a phone, a run of "Partly true of us 4, True of us 3" read as one phrase.
                items = [h("li", {}, f"{label}: {n}") for label, n in c.bands]
                counts = h("ul", {"class": "huddle-band-counts"}, items)
            else:
                counts = h("span", {"data-huddle-bands-not-shown": True}, say("bands-not-shown", least=BAND_LEAST))
            spread = say(c.spread.value) if c.spread else ""
            cells = [h("td", {"data-score": ""}, c.score), h("td", {"data-spread": ""}, spread), h("td", {}, counts)]
        rows.append(
            h("tr", {"data-competency": c.id}, h("th", {"scope": "row"}, c.title), cells, h("td", {}, c.counted))
        )
    head = [say("column-competency"), about(messages, framework.audience, "team-score")]
    head += [say(key) for key in ("team-spread", "team-bands", "team-counted")]
    return data_table(
        {"data-huddle-team-table": True}, say("team-caption", whose=whose(messages, framework)), head, rows
    )


def _widest(messages: Messages, found: Profile) -> Markup:
    say = messages.say
    if not found.widest:
        return Markup("")
    return join(
        [
            h("h3", {}, say("widest-title")),
            h("p", {}, say("widest-text")),
            h(
                "ul",
                {"data-huddle-widest": True},
                [
                    h("li", {}, say("widest-item", statement=d.text, spread=say(d.spread.value), count=d.answered))
                    for d in found.widest
                ],
            ),
        ]
    )


def _groups(messages: Messages, framework: Framework, groups: Groups) -> Markup:
    say = messages.say
    if groups.reason:
        return join([h("h3", {}, say("groups-title")), h("p", {"data-huddle-groups-folded": True}, groups.reason)])
    if not groups.shown:
        return Markup("")
    head = [say("column-competency"), *[f"{label} ({found.members})" for label, found in groups.shown]]
    rows = [
        h(
            "tr",
            {"data-competency": c.id},
            h("th", {"scope": "row"}, c.title),
            [h("td", {}, found.competencies[n].score or say("withheld")) for _, found in groups.shown],
        )
        for n, c in enumerate(framework.competencies())
    ]
    return join(
        [
            h("h3", {}, say("groups-shown-title")),
            data_table({"data-huddle-groups": True}, say("groups-caption"), head, rows),
        ]
    )


def _changes(messages: Messages, found: Profile, earlier: Profile) -> Markup:
    say = messages.say
    title = h("h3", {}, say("round-changes-title"))
    if not earlier.shown:
        return join([title, _more(say("round-too-few", members=earlier.members, least=earlier.k))])
    if not comparable(found.members, earlier.members, found.k):
        said = say("round-not-compared", now=found.members, then=earlier.members, least=found.k)
        return join([title, h("p", {"data-huddle-round-not-compared": True}, said)])
    return join(
        [
            title,
            h(
                "ul",
                {"data-huddle-round-changes": True},
                [h("li", {}, f"{title}: {said}") for title, said in changes(found, earlier, messages=messages)],
            ),
        ]
    )


def to_csv(messages: Messages, found: Profile, audience: str = "individual") -> str:
    """One row per competency: the figures the page shows, nothing about any one person."""
    say = messages.say
    # `codes`: how many codes the profile is made from, so a file kept between rounds says so.
    # A withheld score is an empty cell, with `note` saying why: a spreadsheet then reads the column as numbers.
    # The spread is in words, as on the page: a lowest or highest score is one person's.
    score = CSV_SCORE.get(audience, "team_score")
    header = ["competency", "title", score, "spread", "counted", "codes", "bands", "note"]
    rows = []
    for c in found.competencies:
        shown = c.mean is not None and found.shown
        if not shown:
            note = say("withheld")
        elif not c.bands:
            note = say("bands-not-shown", least=BAND_LEAST)
        else:
            note = ""
        rows.append(
            [
                c.id,
                c.title,
                Figure(c.score) if shown else "",
                say(c.spread.value) if shown and c.spread else "",
                c.counted if shown else "",
                found.members,
                "; ".join(f"{label} {count}" for label, count in c.bands) if shown else "",
                note,
            ]
        )
    return spreadsheet.to_csv(header, rows)


def mapping_form(
    messages: Messages,
    framework: Framework,
    columns: tuple[str, ...],
    matched: dict[int, str],
    unmatched: tuple[int, ...],
) -> Markup:
    """How the survey's columns were matched, and a choice of statement for each column left."""
    say = messages.say
    numbers = {item.id: n for n, item in enumerate(framework.items(), start=1)}
    said = h(
        "p",
        {"data-huddle-matched": True},
        say(
            "survey-matched",
            matched=len(matched),
            columns=len(columns),
            statements=len(set(matched.values())),
            total=len(numbers),
        ),
    )
    if not unmatched:
        return said
    items = [(item.id, f"{numbers[item.id]}. {item.text}") for item in framework.items()]
    rows = [
        h(
            "p",
            {},
            h("label", {"for": f"huddle-map-{n}"}, _column(messages, columns[n], n)),
            " ",
            h(
                "select",
                {"id": f"huddle-map-{n}", "data-column": n},
                h("option", {"value": ""}, say("survey-not-a-statement")),
                [h("option", {"value": item_id}, label) for item_id, label in items],
            ),
        )
        for n in unmatched
    ]
    return h(
        "div",
        {"class": "huddle-mapping", "data-huddle-mapping": True},
        said,
        h("p", {}, say("survey-choose")),
        rows,
        h(
            "p",
            {},
            h("button", {"type": "button", "class": "md-button", "data-huddle-remap": True}, say("survey-use")),
        ),
    )


def _column(messages: Messages, name: str, n: int) -> str:
    """A column of the file, by its heading or, with none, its number."""
    say = messages.say
    return say("survey-column", name=name) if name else say("survey-column-unnamed", number=n + 1)
