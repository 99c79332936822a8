"""Authoring hints: what an item-writing reviewer would point out in a valid framework.

They are warnings, not errors: `huddle check` shows them and exits 0, and
`huddle check --strict` fails on them. A hint that is information only (an
even-point scale) never fails. Each is a sentence with its file, line, column
and key path, and what to do; `docs/frameworks.md` ("Writing good items")
lists the rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..sources import Problem
from ..sources.structure import dotted
from ..sources.yamlpos import Path, Positions
from .reach import band_hints

MAX_WORDS = 25
"""The most words an item should have: longer ones are hard to hold in mind while answering."""

MIN_ITEMS = 3
"""The fewest items a competency should have for its score to rest on more than one or two answers."""

SILENCE_DOUBLE_BARRELLED = "single_behaviour"
"""The item key that says its 'and' or 'or' joins parts of one behaviour."""

_JOINS = re.compile(r"\b(and|or)\b", re.I)
_NEGATION = re.compile(
    r"\b(not|no|never|nobody|nothing|none|neither|nor|without|cannot|\w+n't)\b",
    re.I,
)
_NUMBER = r"(?:a few|few|several|two|three|four|five|six|nine|twelve|\d+)"
_TIME_FRAME = re.compile(
    r"\b(?:today|yesterday|tonight"
    r"|(?:this|last|past|next) (?:shift|day|week|month|quarter|year)"
    rf"|(?:the )?(?:last|past|next) {_NUMBER} (?:shifts|days|weeks|months|quarters|years))\b",
    re.I,
)

# How frequency words sit on either side of the middle of a scale.
_RARE = {"never", "almost never", "hardly ever", "very rarely", "rarely", "seldom", "occasionally", "not at all"}
_MIDDLE = {"sometimes", "about half the time", "half the time"}
_FREQUENT = {
    "often",
    "very often",
    "frequently",
    "usually",
    "mostly",
    "most of the time",
    "nearly always",
    "almost always",
    "always",
}


@dataclass(frozen=True, order=True)
class Hint:
    """One authoring hint: where, what, and whether it is information only (never an error)."""

    problem: Problem
    informational: bool = False

    def __str__(self) -> str:
        return str(self.problem)


def framework_hints(data: dict[str, Any], positions: Positions, shown: str) -> list[Hint]:
    """Every hint for one framework file that passed its checks, in file order."""

    def hint(path: Path, message: str, informational: bool = False) -> Hint:
        line, column = positions.get(path, (0, 0))
        return Hint(Problem(shown, line, column, dotted(path), message), informational)

    found = [hint(("scale", "points"), message, info) for message, info in _scale(data["scale"])]
    frame = _time_frame(data.get("description", ""))
    competencies = [competency for domain in data["domains"] for competency in domain["competencies"]]
    own = [key for key in OWN_ADVICE if any(competency.get(key) for competency in competencies)]
    for d, domain in enumerate(data["domains"]):
        for c, competency in enumerate(domain["competencies"]):
            at = ("domains", d, "competencies", c)
            found += [hint((*at, "items"), message) for message in _competency(competency)]
            found += [hint((*at, "id"), _own_advice(competency, key)) for key in own if not competency.get(key)]
            for i, item in enumerate(competency["items"]):
                found += [hint((*at, "items", i, "text"), message) for message in _item(item, frame)]
    found += [hint(path, message) for path, message in band_hints(data)]
    found += [hint(path, message) for path, message in _top_bands(data)]
    return sorted(found)


def _top_bands(data: dict[str, Any]) -> Iterator[tuple[Path, str]]:
    """The framework's bands, and each competency's own, whose top band starts below the scale's second-highest
    point ("Often", "Agree"): a top band from halfway between "Sometimes" and "Often" is reached by a generous
    self-rater almost everywhere, so it stops meaning "consistently"."""
    points = data["scale"]["points"]
    lists: list[tuple[Path, list[dict[str, Any]]]] = [(("bands",), data["bands"])]
    for d, domain in enumerate(data["domains"]):
        for c, competency in enumerate(domain["competencies"]):
            if "bands" in competency:
                lists.append((("domains", d, "competencies", c, "bands"), competency["bands"]))
    bar = points[-2]  # points are ascending (checked): the second-highest, "Often" on Never..Always
    for at, bands in lists:
        top = bands[-1]
        if len(bands) > 1 and top["from"] < bar["value"]:
            yield (
                (*at, len(bands) - 1, "from"),
                f"the top band '{top['label']}' starts at {top['from']}, below {bar['value']} ('{bar['label']}'), the "
                f"scale's second-highest point, so answers that on the whole fall short of '{bar['label']}' reach it; "
                f"start it at {bar['value']} or above, so that the top band means '{bar['label']}' or better.",
            )


OWN_ADVICE = {"strengths": "advice for a strength", "reflect": "reflection questions"}
"""A competency's own words for its results, which stand out when only some competencies of a framework have them."""


def _own_advice(competency: dict[str, Any], key: str) -> str:
    return (
        f"competency '{competency['id']}' has no '{key}', though other competencies of this framework do, so its "
        f"results show Huddle's generic {OWN_ADVICE[key]} beside the others' own; add '{key}' to it."
    )


def _item(item: dict[str, Any], frame: str | None) -> Iterator[str]:
    text, name = item["text"], f"item '{item['id']}'"
    join = _JOINS.search(text)
    if join and not item.get(SILENCE_DOUBLE_BARRELLED, False):
        yield (
            f"{name} may be double-barrelled: '{join.group(0)}' may join two behaviours, and someone who does one "
            "but not the other cannot answer; split it into two items, or add 'single_behaviour: true' to the item "
            "if it is one behaviour."
        )
    words = len(text.split())
    if words > MAX_WORDS:
        yield (
            f"{name} has {words} words; an item over {MAX_WORDS} words is hard to keep in mind while choosing an "
            "answer, so shorten it or split it."
        )
    negation = _NEGATION.search(text)
    if item.get("reverse", False) and negation:
        yield (
            f"{name} is reverse-keyed and contains the negation '{negation.group(0)}', so showing the behaviour means "
            "disagreeing with a negative (a double negative); describe the unwanted behaviour without a negation, "
            "such as 'I decide before I ask for views' for 'I do not ask for views'."
        )
    said = _time_frame(text)
    if frame and said and said != frame:
        yield (
            f"{name} says '{said}', but the framework's description asks about '{frame}'; use the description's "
            "time frame or none, so that every statement covers the same period."
        )


def _competency(competency: dict[str, Any]) -> Iterator[str]:
    items = competency["items"]
    name = competency["id"]
    if len(items) < MIN_ITEMS:
        yield (
            f"competency '{name}' has {len(items)} item{'s' if len(items) != 1 else ''}; a score from fewer than "
            f"{MIN_ITEMS} rests on too few answers, so add items."
        )
    if not any(item.get("reverse", False) for item in items):
        yield (
            f"competency '{name}' has no reverse-keyed item, so someone who agrees with everything scores highest; "
            "add an item that describes the opposite behaviour, with 'reverse: true'."
        )


def _scale(scale: dict[str, Any]) -> Iterator[tuple[str, bool]]:
    points = scale["points"]
    labels = [point["label"] for point in points]
    if len(points) % 2 == 0:
        yield (
            f"has {len(points)} points, so there is no middle answer and people must lean one way; that is a "
            "choice some frameworks make on purpose, so this is information only: keep it if you meant it.",
            True,
        )
    words = [" ".join(label.lower().strip(" .").split()) for label in labels]
    if not all(word in _RARE | _MIDDLE | _FREQUENT for word in words):
        return  # not a frequency scale, or one in words this check does not know
    rare = [label for label, word in zip(labels, words, strict=True) if word in _RARE]
    frequent = [label for label, word in zip(labels, words, strict=True) if word in _FREQUENT]
    if len(rare) != len(frequent):
        yield (
            f"looks like a frequency scale with {len(rare)} point{'s' if len(rare) != 1 else ''} below its middle "
            f"({', '.join(rare) or 'none'}) and {len(frequent)} above it ({', '.join(frequent) or 'none'}), so "
            "answers lean one way; give it as many points on each side, such as Never, Rarely, Sometimes, Often, "
            "Always.",
            False,
        )


def _time_frame(text: str) -> str | None:
    """The first time frame a text names ("this week", "the last few months"), as compared: lower case, no 'the'."""
    found = _TIME_FRAME.search(text)
    return " ".join(found.group(0).lower().removeprefix("the ").split()) if found else None
