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
from .strings import Messages
from .voice import about


def _shown(value: Fraction | None) -> str:
    return rounded(value, "—")


def view(messages: Messages, framework: Framework, found: Feedback, gap: Fraction, least: int) -> Markup:
    say = messages.say
    columns = [(v.label, v.count, v.scores) for v in found.views]
    if found.everyone:
        columns.append((found.everyone.label, found.everyone.count, found.everyone.scores))
    head = [say("column-competency"), say("self"), *[f"{label} ({count})" for label, count, _ in columns]]
    rows = [
        h(
            "tr",
            {"data-competency": c.id},
            h("th", {"scope": "row"}, c.title),
            h("td", {}, _shown(found.own[n])),
            [h("td", {}, _shown(scores[n])) for _, _, scores in columns],
        )
        for n, c in enumerate(framework.competencies())
    ]
    counts = ", ".join(f"{v.named} {v.count}" for v in found.views)
    counted = say("feedback-counted", counts=counts) if counts else say("feedback-counted-none")
    caption = about(messages, framework.audience, "feedback-caption")
    parts: list[object] = [
        h("p", {"data-huddle-360-counts": True}, counted),
        # Six columns scroll sideways on a phone: the box takes focus so the keyboard can scroll it (axe's
        # scrollable-region-focusable, found by `huddle audit`).
        data_table({"data-huddle-360": True}, caption, head, rows, scrolls=caption),
    ]
    if any(scores[n] is None for _, _, scores in columns for n in range(len(rows))):
        parts.append(h("p", {"data-huddle-360-dashes": True}, say("feedback-dashes", least=least)))
    parts += [h("p", {"data-huddle-360-withheld": True}, sentence) for sentence in found.withheld]
    if found.everyone is None:
        parts.append(h("p", {}, say("gaps-later")))
    else:
        blind = ("blind-spots-title", "blind-spots-text", "blind-spots-none")
        hidden = ("hidden-strengths-title", "hidden-strengths-text", "hidden-strengths-none")
        parts.append(_gaps(messages, framework.audience, "blind-spots", blind, found.blind_spots, gap))
        parts.append(_gaps(messages, framework.audience, "hidden-strengths", hidden, found.hidden_strengths, gap))
    return join(parts)


def _gaps(
    messages: Messages,
    audience: str,
    kind: str,
    said: tuple[str, str, str],
    gaps: tuple[tuple[str, Fraction, Fraction], ...],
    gap: Fraction,
) -> Markup:
    """Blind spots or hidden strengths, with their messages: (title, what they are, when there are none)."""
    say = messages.say
    title, meaning, none = said
    shown = _shown(gap)
    if not gaps:
        body = h("p", {}, about(messages, audience, none, gap=shown))
    else:
        body = h(
            "ul",
            {"data-huddle-gaps-list": kind},
            [
                h("li", {}, say("gap-item", competency=name, own=_shown(mine), others=_shown(theirs)))
                for name, mine, theirs in gaps
            ],
        )
    return join([h("h3", {}, say(title)), h("p", {}, about(messages, audience, meaning, gap=shown)), body])
