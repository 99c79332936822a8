"""The team (or board) profile as HTML and CSV: its one renderer, escaping by default.

Standard library only (runs in Pyodide). What the page says about anonymity
is on the page itself (built with it); this renders what the codes give.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from .chart import bar_chart
from .codes import Batch
from .html import Markup, h, join
from .model import Framework
from .results import data_table
from .score import rounded
from .team import Groups, Profile, as_report, changes


def batch_notes(batch: Batch, what: str = "codes") -> Markup:
    """What was wrong with the lines of a paste, each with its line number; duplicates counted once."""
    lines = [
        h("li", {}, sentence if sentence.startswith("Row ") else f"Line {number}: {sentence}")
        for number, sentence in batch.problems
    ]
    lines += [
        h("li", {}, f"Line {number} repeats line {first}, so it is counted once.") for number, first in batch.duplicates
    ]
    if not lines:
        return Markup("")
    return h(
        "div",
        {"class": "huddle-batch-notes", "data-huddle-batch-notes": True},
        h("p", {}, f"Some lines of the {what} were not counted:"),
        h("ul", {}, lines),
    )


def more_needed(found: Profile) -> Markup:
    missing = found.k - found.members
    return h(
        "p",
        {"class": "huddle-more", "data-huddle-more": True},
        f"Add {missing} more {'code' if missing == 1 else 'codes'} to see the profile. "
        f"It is shown only from {found.k} codes, so that no one's answers can be picked out.",
    )


def view(
    framework: Framework,
    found: Profile,
    groups: Groups,
    earlier: Profile | None = None,
    source: str = "from their result codes",
) -> Markup:
    """The whole profile: summary, chart, table, band counts, disagreements, groups and the change since a round."""
    if not found.shown:
        return more_needed(found)
    withheld = [c.title for c in found.competencies if c.mean is None]
    parts: list[object] = [
        h("p", {"data-huddle-members": True}, f"The profile of {found.members} people's answers, {source}."),
        h(
            "div",
            {"class": "huddle-chart-box"},
            bar_chart(framework, as_report(found), _earlier_report(earlier), "The mean score"),
        ),
        _table(framework, found),
    ]
    if withheld:
        parts.append(
            h(
                "p",
                {"data-huddle-withheld": True},
                f"Withheld: {', '.join(withheld)}. Fewer than {found.k} people answered enough of "
                f"{'its' if len(withheld) == 1 else 'their'} statements for a score.",
            )
        )
    parts.append(_widest(framework, found))
    parts.append(_groups(framework, groups))
    if earlier is not None:
        parts.append(_changes(found, earlier))
    return join(parts)


def _earlier_report(earlier: Profile | None) -> Any:
    return as_report(earlier) if earlier is not None and earlier.shown else None


def _table(framework: Framework, found: Profile) -> Markup:
    rows = []
    for c in found.competencies:
        if c.mean is None:
            cells = [h("td", {"data-score": ""}, "withheld"), h("td", {}, "—"), h("td", {}, "—")]
        else:
            spread = f"{rounded(c.low)} to {rounded(c.high)}"
            counts = ", ".join(f"{label} {count}" for label, count in c.bands)
            cells = [h("td", {"data-score": ""}, c.score), h("td", {}, spread), h("td", {}, counts)]
        rows.append(
            h("tr", {"data-competency": c.id}, h("th", {"scope": "row"}, c.title), cells, h("td", {}, c.counted))
        )
    head = ("Competency", "Team score", "Lowest to highest", "People in each band", "Counted")
    caption = "The team's score for each competency: the mean of its members' scores"
    return data_table({"data-huddle-team-table": True}, caption, head, rows)


def _widest(framework: Framework, found: Profile) -> Markup:
    if not found.widest:
        return Markup("")
    labels = {p.value: p.label for p in framework.scale.points}
    return join(
        [
            h("h3", {}, "Where people see things most differently"),
            h("p", {}, "The statements with the widest spread of answers: good questions to talk through together."),
            h(
                "ul",
                {"data-huddle-widest": True},
                [
                    h("li", {}, text, f" (answers from {labels[low]} to {labels[high]}, {count} people)")
                    for _, text, low, high, count in found.widest
                ],
            ),
        ]
    )


def _groups(framework: Framework, groups: Groups) -> Markup:
    if groups.reason:
        return join([h("h3", {}, "Groups"), h("p", {"data-huddle-groups-folded": True}, groups.reason)])
    if not groups.shown:
        return Markup("")
    head = ["Competency", *[f"{label} ({found.members})" for label, found in groups.shown]]
    rows = [
        h(
            "tr",
            {"data-competency": c.id},
            h("th", {"scope": "row"}, c.title),
            [h("td", {}, found.competencies[n].score or "withheld") for _, found in groups.shown],
        )
        for n, c in enumerate(framework.competencies())
    ]
    return join(
        [
            h("h3", {}, "Groups side by side"),
            data_table(
                {"data-huddle-groups": True},
                "Each group's score for each competency (how many codes in brackets)",
                head,
                rows,
            ),
        ]
    )


def _changes(found: Profile, earlier: Profile) -> Markup:
    if not earlier.shown:
        return join([h("h3", {}, "Since the earlier round"), more_needed(earlier)])
    return join(
        [
            h("h3", {}, "Since the earlier round"),
            h(
                "ul",
                {"data-huddle-round-changes": True},
                [h("li", {}, f"{title}: {said}") for title, said in changes(found, earlier)],
            ),
        ]
    )


def to_csv(found: Profile) -> str:
    """One row per competency: the figures the page shows, nothing about any one person."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["competency", "title", "team_score", "lowest", "highest", "counted", "bands"])
    for c in found.competencies:
        shown = c.mean is not None and found.shown
        writer.writerow(
            [
                c.id,
                c.title,
                c.score if shown else "withheld",
                rounded(c.low) if shown else "",
                rounded(c.high) if shown else "",
                c.counted if shown else "",
                "; ".join(f"{label} {count}" for label, count in c.bands) if shown else "",
            ]
        )
    return out.getvalue()


def mapping_form(
    framework: Framework, columns: tuple[str, ...], matched: dict[int, str], unmatched: tuple[int, ...]
) -> Markup:
    """How the survey's columns were matched, and a choice of statement for each column left."""
    numbers = {item.id: n for n, item in enumerate(framework.items(), start=1)}
    said = h(
        "p",
        {"data-huddle-matched": True},
        f"{len(matched)} of the file's {len(columns)} columns match a statement of this self-assessment "
        f"({len(set(matched.values()))} of its {len(numbers)} statements).",
    )
    if not unmatched:
        return said
    items = [(item.id, f"{numbers[item.id]}. {item.text}") for item in framework.items()]
    rows = [
        h(
            "p",
            {},
            h("label", {"for": f"huddle-map-{n}"}, f"Column “{columns[n] or f'number {n + 1}'}”"),
            " ",
            h(
                "select",
                {"id": f"huddle-map-{n}", "data-column": n},
                h("option", {"value": ""}, "Not a statement (leave it out)"),
                [h("option", {"value": item_id}, label) for item_id, label in items],
            ),
        )
        for n in unmatched
    ]
    return h(
        "div",
        {"class": "huddle-mapping", "data-huddle-mapping": True},
        said,
        h("p", {}, "Choose the statement any other column holds; columns such as times or ids are left out."),
        rows,
        h(
            "p",
            {},
            h("button", {"type": "button", "class": "md-button", "data-huddle-remap": True}, "Use these columns"),
        ),
    )
