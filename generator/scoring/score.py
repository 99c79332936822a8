"""Scores a response against a framework, exactly.

A framework is the model in `model.py`; answers map item ids to a scale
value or to `NOT_APPLICABLE`. Means are computed with `Fraction` so a
score never depends on floating-point noise, and shown rounded half-up.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from .model import NOT_APPLICABLE, Band, Framework, Item


def item_value(answer: int, low: int, high: int, reverse: bool) -> int:
    """The value an answer counts for; reverse-keyed items count `(min + max) - answer`."""
    return (low + high) - answer if reverse else answer


def round_half_up(value: Fraction, places: int = 1) -> str:
    """`value` as a decimal string rounded half away from zero: 4.25 gives "4.3"."""
    scale = 10**places
    scaled = abs(value) * scale
    rounded = int(scaled + Fraction(1, 2))
    sign = "-" if value < 0 and rounded else ""
    whole, part = divmod(rounded, scale)
    return f"{sign}{whole}.{part:0{places}d}" if places else f"{sign}{whole}"


def rounded(value: Fraction | None, missing: str = "") -> str:
    """`value` rounded half up to one decimal, or `missing` when there is none."""
    return round_half_up(value) if value is not None else missing


def band_for(value: Fraction, bands: Sequence[Band]) -> Band | None:
    """The band with the greatest `from` that is at most `value`."""
    chosen = None
    for band in bands:
        if Fraction(str(band.start)) <= value:
            chosen = band
    return chosen


def competency_sums(
    items: Sequence[Item],
    answers: Mapping[str, Any],
    low: int,
    high: int,
) -> tuple[int | Fraction, int | Fraction, int]:
    """The weighted sum and the total weight of the answered items, and how many were answered.

    Whole-number weights (the usual case) keep the sums in integers, which is exact and many
    times faster than fractions when a team's thousands of results are scored; other weights
    are read as the decimal written (0.5 as 1/2), never as a float.
    """
    total_weight: int | Fraction = 0
    weighted_sum: int | Fraction = 0
    answered = 0
    for item in items:
        answer = answers.get(item.id)
        if answer is None or answer == NOT_APPLICABLE:
            continue
        weight = item.weight if type(item.weight) is int else Fraction(str(item.weight))
        weighted_sum += weight * item_value(answer, low, high, item.reverse)
        total_weight += weight
        answered += 1
    return weighted_sum, total_weight, answered


def enough(answered: int, items: Sequence[Item]) -> bool:
    """Whether a competency has a score: at least half of its items answered (and at least one)."""
    return answered > 0 and answered * 2 >= len(items)


def competency_score(
    items: Sequence[Item],
    answers: Mapping[str, Any],
    low: int,
    high: int,
) -> tuple[Fraction | None, int]:
    """The weighted mean of the answered items and how many were answered.

    The mean is None when fewer than half of the items are answered.
    """
    weighted_sum, total_weight, answered = competency_sums(items, answers, low, high)
    if not enough(answered, items):
        return None, answered
    return Fraction(weighted_sum, total_weight), answered


def check_answers(framework: Framework, answers: Mapping[str, Any]) -> None:
    """Raise ValueError naming the first answer that is not a point on the scale."""
    values = {value for value, _ in framework.scale.answers()}
    items = {item.id for item in framework.items()}
    for item_id, answer in answers.items():
        if item_id not in items:
            raise ValueError(f"The answers name an item '{item_id}' that this framework does not have.")
        # Only exact ints and "na" count: True == 1 and 1.0 == 1 in Python, and a list is unhashable.
        if answer is not None and not (type(answer) in (int, str) and answer in values):
            raise ValueError(f"The answer to item '{item_id}' is {answer!r}, which is not on the scale.")


@dataclass(frozen=True, slots=True)
class CompetencyScore:
    """One competency's score in a result."""

    id: str
    title: str
    domain: str
    """The id of its domain."""
    exact: Fraction | None
    """The weighted mean of its answered items, exactly; None when fewer than half were answered."""
    band: str | None
    """The label of the band the score falls in; None without a score (or a band)."""
    answered: int
    total: int
    """How many items it has."""

    @property
    def score(self) -> str | None:
        """The score as people see it, rounded half up to one decimal; None without one."""
        return rounded_or_none(self.exact)

    def to_json(self) -> dict[str, Any]:
        """As a saved result's `scores` hold it (the file format: its keys never change)."""
        return {
            "id": self.id,
            "title": self.title,
            "domain": self.domain,
            "score": self.score,
            "exact": str(self.exact) if self.exact is not None else None,
            "band": self.band,
            "answered": self.answered,
            "total": self.total,
        }


@dataclass(frozen=True, slots=True)
class DomainScore:
    """A domain's score: the mean of its competencies' exact scores, only when every one of them has a score."""

    id: str
    title: str
    exact: Fraction | None

    @property
    def score(self) -> str | None:
        return rounded_or_none(self.exact)


@dataclass(frozen=True, slots=True)
class Result:
    """A response scored against a framework (`framework` and `version` name it): a score per competency and
    per domain, in framework order."""

    framework: str
    version: str
    competencies: tuple[CompetencyScore, ...]
    domains: tuple[DomainScore, ...]


def rounded_or_none(value: Fraction | None) -> str | None:
    return round_half_up(value) if value is not None else None


def score(framework: Framework, answers: Mapping[str, Any]) -> Result:
    """Score `answers` against `framework`: one entry per competency and per domain."""
    check_answers(framework, answers)
    low, high = framework.scale.low, framework.scale.high
    competencies = []
    domains = []
    for domain in framework.domains:
        exact_scores = []
        for competency in domain.competencies:
            mean, answered = competency_score(competency.items, answers, low, high)
            band = band_for(mean, competency.bands) if mean is not None else None
            exact_scores.append(mean)
            competencies.append(
                CompetencyScore(
                    competency.id,
                    competency.title,
                    domain.id,
                    mean,
                    band.label if band else None,
                    answered,
                    len(competency.items),
                )
            )
        known = [s for s in exact_scores if s is not None]
        complete = bool(exact_scores) and len(known) == len(exact_scores)
        domain_mean = sum(known, Fraction(0)) / len(known) if complete else None
        domains.append(DomainScore(domain.id, domain.title, domain_mean))
    return Result(framework.id, framework.version, tuple(competencies), tuple(domains))
