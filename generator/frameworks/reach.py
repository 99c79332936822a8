"""Which scores a competency can get, and the bands its scores cannot reach.

A competency's score is the weighted mean of its answered items, with at
least half of them answered, so it takes only some values: with two items on
a 1 to 5 scale, steps of a half. A band between two of those steps is never
reached, and a top band above the next-best score is reached only when every
answered statement gets the top answer.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from typing import Any

from ..scoring.score import item_value, round_half_up
from ..sources.yamlpos import Path

MAX_STATES = 200_000
"""Past this many partial sums the scores are not worked out (the check is skipped, not guessed)."""


def possible_scores(items: list[dict[str, Any]], values: list[int]) -> set[Fraction] | None:
    """Every score a competency with `items` can get on a scale of `values`; None when there are too many to list."""
    low, high = min(values), max(values)
    # States: (weighted sum, total weight, items answered); an item may be left out (unanswered, not applicable).
    states = {(Fraction(0), Fraction(0), 0)}
    for item in items:
        weight = Fraction(str(item.get("weight", 1)))
        counts = {item_value(v, low, high, item.get("reverse", False)) for v in values}
        states |= {(total + weight * c, weights + weight, n + 1) for total, weights, n in states for c in counts}
        if len(states) > MAX_STATES:
            return None
    return {total / weights for total, weights, n in states if n and n * 2 >= len(items)}


def band_hints(data: dict[str, Any]) -> Iterator[tuple[Path, str]]:
    """(where, what to do) for each band a competency's scores cannot reach, or reach only when perfect."""
    values = [point["value"] for point in data["scale"]["points"]]
    for d, domain in enumerate(data["domains"]):
        for c, competency in enumerate(domain["competencies"]):
            at: Path = ("domains", d, "competencies", c, "bands") if "bands" in competency else ("bands",)
            bands = competency.get("bands") or data["bands"]
            scores = possible_scores(competency["items"], values)
            if scores:
                yield from _unreached(at, competency["id"], bands, sorted(scores))


def _unreached(at: Path, name: str, bands: list[dict[str, Any]], scores: list[Fraction]) -> Iterator[tuple[Path, str]]:
    starts = [Fraction(str(band["from"])) for band in bands]
    for i, band in enumerate(bands):
        start, end = starts[i], starts[i + 1] if i + 1 < len(bands) else None
        inside = [s for s in scores if s >= start and (end is None or s < end)]
        where = (*at, i, "from")
        if not inside:
            below = max((s for s in scores if s < start), default=None)
            above = min((s for s in scores if end is not None and s >= end), default=None)
            near = [_shown(s) for s in (below, above) if s is not None]
            nearest = f"the nearest are {near[0]} and {near[1]}" if len(near) == 2 else f"the nearest is {near[0]}"
            yield (
                where,
                f"no score of competency '{name}' falls in band '{band['label']}' (from {band['from']}), since "
                f"{nearest}; move the band's 'from', or give the competency more items.",
            )
        elif end is None and len(scores) > 1 and inside == [scores[-1]]:
            best = scores[-2]
            yield (
                where,
                f"competency '{name}' reaches its top band '{band['label']}' (from {band['from']}) only when every "
                f"answered statement gets the top answer, since its next best score is {_shown(best)}; lower 'from' "
                f"to {_down(best)} or below, so that a strong score short of perfect can reach it.",
            )


def _shown(score: Fraction) -> str:
    """A score to two decimals at most, said to be rounded when it is: 4.75, 3, about 4.67."""
    shown = _plain(round_half_up(score, 2))
    return shown if Fraction(shown) == score else f"about {shown}"


def _down(score: Fraction) -> str:
    """The greatest number of two decimals at most `score`: a band 'from' that `score` reaches."""
    return _plain(round_half_up(Fraction(int(score * 100), 100), 2))


def _plain(decimal: str) -> str:
    return decimal.rstrip("0").rstrip(".") if "." in decimal else decimal
