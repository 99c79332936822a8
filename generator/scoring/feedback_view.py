"""360 feedback as HTML: self beside each group shown, counts, what was withheld, blind spots and hidden strengths.

Standard library only (runs in Pyodide); escaping by default.
"""

from __future__ import annotations

from fractions import Fraction

from .feedback import Feedback
from .html import Markup, h, join
from .model import Framework
from .results import data_table
from .score import rounded


def _shown(value: Fraction | None) -> str:
    return rounded(value, "—")


def view(framework: Framework, found: Feedback, gap: Fraction) -> Markup:
    columns = [("Self", 1, found.own), *[(v.label, v.count, v.scores) for v in found.views]]
    if found.everyone:
        columns.append((found.everyone.label, found.everyone.count, found.everyone.scores))
    head = ["Competency", *[f"{label} ({count})" if label != "Self" else label for label, count, _ in columns]]
    rows = [
        h(
            "tr",
            {"data-competency": c.id},
            h("th", {"scope": "row"}, c.title),
            [h("td", {}, _shown(scores[n])) for _, _, scores in columns],
        )
        for n, c in enumerate(framework.competencies())
    ]
    counts = ", ".join(f"{v.label.lower()} {v.count}" for v in found.views) or "none shown yet"
    parts: list[object] = [
        h("p", {"data-huddle-360-counts": True}, f"Codes counted: your own, and {counts}."),
        data_table(
            {"data-huddle-360": True},
            "Your own scores beside the scores others gave you (how many codes in brackets)",
            head,
            rows,
        ),
    ]
    parts += [h("p", {"data-huddle-360-withheld": True}, sentence) for sentence in found.withheld]
    if found.everyone is None:
        parts.append(
            h(
                "p",
                {},
                "Blind spots and hidden strengths appear once at least three people's codes are shown.",
            )
        )
    else:
        parts.append(_gaps("Blind spots", "You rate yourself higher than others do", found.blind_spots, gap))
        parts.append(_gaps("Hidden strengths", "Others rate you higher than you do", found.hidden_strengths, gap))
    return join(parts)


def _gaps(title: str, meaning: str, gaps: tuple[tuple[str, Fraction, Fraction], ...], gap: Fraction) -> Markup:
    if not gaps:
        body = h("p", {}, f"None: no competency where {meaning[0].lower() + meaning[1:]} by {_shown(gap)} or more.")
    else:
        body = h(
            "ul",
            {"data-huddle-gaps-list": title},
            [h("li", {}, f"{name}: you {_shown(mine)}, others {_shown(theirs)}") for name, mine, theirs in gaps],
        )
    return join([h("h3", {}, title), h("p", {}, f"{meaning}, by {_shown(gap)} or more:"), body])
