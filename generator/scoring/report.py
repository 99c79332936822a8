"""What a person sees and keeps after scoring: strengths, development areas,
a CSV, a saved-result file, and the change since an earlier result.

Standard library only: this runs in Pyodide too.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from . import spreadsheet
from .model import Framework
from .score import CompetencyScore, Result, round_half_up, score
from .spreadsheet import Figure
from .strings import HUDDLE, Messages

SAVED_FORMAT = "huddle-result"
SAVED_FORMAT_VERSION = 1
SAVED_MAX_BYTES = 1_000_000
"""The largest saved-result file read (1 MB); a real one is a few kilobytes."""
SAVED_MAX_DEPTH = 8
"""The deepest nesting of lists and objects read; a real saved result nests 3 deep."""


def strengths_and_development(
    competencies: Sequence[CompetencyScore], most: int = 2
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Ids of the highest and the lowest scoring competencies, by the scores people see (one decimal).

    Ties are never split: the highest group of equal scores are all strengths
    (and the lowest all development areas), however many there are; a further
    group joins only while the total stays within `most`. A strength scores
    above the lowest score and a development area below the highest, so equal
    scores give neither and no competency is both. Framework order within a group.
    """
    scored = [(Fraction(c.score), c.id) for c in competencies if c.score is not None]
    values = sorted({value for value, _ in scored}, reverse=True)
    if len(values) < 2:
        return (), ()

    def pick(order: list[Fraction]) -> list[str]:
        chosen: list[str] = []
        for value in order:
            group = [cid for v, cid in scored if v == value]
            if chosen and len(chosen) + len(group) > most:
                break
            chosen += group
            if len(chosen) >= most:
                break
        return chosen

    strengths = pick(values[:-1])
    development = [cid for cid in pick(values[:0:-1]) if cid not in strengths]
    return tuple(strengths), tuple(development)


@dataclass(frozen=True, slots=True)
class Report:
    """Everything the results view shows for one response, and the files it offers."""

    result: Result
    date: str
    """When it was answered, YYYY-MM-DD."""
    strengths: tuple[str, ...]
    """The ids of the stronger competencies (`strengths_and_development`)."""
    development: tuple[str, ...]
    """The ids of the areas to develop."""
    csv: str
    saved: str
    """The saved-result file (JSON text)."""


def report(
    framework: Framework, answers: Mapping[str, Any], date: str, notes: str = "", messages: Messages = HUDDLE
) -> Report:
    """Everything the results view shows, for `answers` given on `date` (YYYY-MM-DD)."""
    result = score(framework, answers)
    strengths, development = strengths_and_development(result.competencies)
    return Report(
        result,
        date,
        strengths,
        development,
        to_csv(result, messages=messages),
        saved_result(result, answers, date, notes),
    )


def saved_result(result: Result, answers: Mapping[str, Any], date: str, notes: str = "") -> str:
    """The file "Download my results" gives: every answer, the scores, and the person's notes."""
    saved = {
        "format": SAVED_FORMAT,
        "format_version": SAVED_FORMAT_VERSION,
        "framework": {"id": result.framework, "version": result.version},
        "date": date,
        "answers": dict(sorted(answers.items())),
        "scores": [c.to_json() for c in result.competencies],
        "notes": notes,
    }
    return json.dumps(saved, indent=1, ensure_ascii=False)


def to_csv(result: Result, messages: Messages = HUDDLE) -> str:
    """One row per competency: framework, domain, competency, score, band, answered, total."""
    header = ["framework", "version", "domain", "competency", "title", "score", "band", "answered", "total"]
    rows = [
        [
            result.framework,
            result.version,
            c.domain,
            c.id,
            c.title,
            Figure(c.score) if c.score is not None else messages.say("not-enough-answers"),
            c.band or "",
            c.answered,
            c.total,
        ]
        for c in result.competencies
    ]
    return spreadsheet.to_csv(header, rows)


@dataclass(frozen=True, slots=True)
class Saved:
    """What a saved-result file holds that the page uses again: the answers, when, and the notes."""

    answers: Mapping[str, Any]
    date: str
    """YYYY-MM-DD, or "" when the file's date is missing or not a date."""
    notes: str


def read_saved(framework: Framework, text: str, messages: Messages = HUDDLE) -> Saved:
    """The answers and date of a saved result file, checked against `framework`.

    Raises ValueError with a sentence for the person when the file is not a
    saved result, or is for another framework or version. No sentence repeats
    what the file says: it could be anything, of any length.
    """
    say = messages.say
    if len(text) > SAVED_MAX_BYTES:
        raise ValueError(say("file-too-big"))
    if _depth(text) > SAVED_MAX_DEPTH:
        raise ValueError(say("file-too-deep"))
    try:
        saved = json.loads(text)
    except (ValueError, TypeError):
        raise ValueError(say("file-not-json")) from None
    if not isinstance(saved, dict) or saved.get("format") != SAVED_FORMAT:
        raise ValueError(say("file-not-a-result"))
    if saved.get("format_version") != SAVED_FORMAT_VERSION:
        raise ValueError(say("file-other-format"))
    named = saved.get("framework")
    if not isinstance(named, dict):
        named = {}
    if named.get("id") != framework.id:
        raise ValueError(say("file-other-framework", title=framework.title))
    if named.get("version") != framework.version:
        raise ValueError(say("file-other-version", version=framework.version))
    answers = saved.get("answers")
    if not isinstance(answers, dict):
        raise ValueError(say("file-no-answers"))
    answers = {key: value for key, value in answers.items() if value is not None}
    try:
        score(framework, answers)
    except ValueError:
        raise ValueError(say("file-answer-unfit")) from None
    date = saved.get("date")
    notes = saved.get("notes")
    return Saved(
        answers,
        date if isinstance(date, str) and _is_date(date) else "",
        notes if isinstance(notes, str) else "",
    )


@dataclass(frozen=True, slots=True)
class ScoreChange:
    """One competency then and now: its scores and bands as people saw them, and the change."""

    id: str
    title: str
    earlier: str | None
    now: str | None
    earlier_band: str | None
    now_band: str | None
    change: str | None
    """The change in the shown score, signed ("+0.5", "-1.0", "0.0"); None when either has no score."""


def compare(framework: Framework, earlier: Mapping[str, Any], now: Mapping[str, Any]) -> list[ScoreChange]:
    """Per competency: the earlier and current score and band, and the change, from two sets of answers."""
    return changes(score(framework, earlier), score(framework, now))


def changes(before: Result, now: Result) -> list[ScoreChange]:
    """Per competency: the earlier and current score and band, and the change, from two scored results."""
    earlier = {c.id: c for c in before.competencies}
    rows = []
    for c in now.competencies:
        old = earlier[c.id]
        change = None
        if c.exact is not None and old.exact is not None:
            change = ("+" if c.exact > old.exact else "") + round_half_up(c.exact - old.exact)
            change = "0.0" if change in ("-0.0", "+0.0") else change
        rows.append(ScoreChange(c.id, c.title, old.score, c.score, old.band, c.band, change))
    return rows


def _depth(text: str) -> int:
    """How deeply the lists and objects of JSON text nest, counted without parsing it."""
    deepest = depth = 0
    for bracket in _BRACKETS.findall(_STRINGS.sub("", text)):
        depth += 1 if bracket in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


_STRINGS = re.compile(r'"(?:\\.|[^"\\])*"')
_BRACKETS = re.compile(r"[\[\]{}]")


def _is_date(text: str) -> bool:
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10
