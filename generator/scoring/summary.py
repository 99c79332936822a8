"""The few plain sentences at the top of the results: what was answered, where a person (or
the team or board they rated) is strongest, where to focus first, and what could not be scored.

Scores are compared as the person sees them (rounded to one decimal), so two
competencies that both show 3.4 are a tie, never "3.4 is your strongest".
Standard library only (runs in Pyodide).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .model import NOT_APPLICABLE
from .report import Report
from .score import CompetencyScore
from .strings import Messages
from .voice import about


def names(messages: Messages, titles: Sequence[str]) -> str:
    """Titles as a list in a sentence: "A", "A and B", "A, B and C"."""
    return titles[0] if len(titles) == 1 else messages.say("list-and", first=", ".join(titles[:-1]), last=titles[-1])


def _each(messages: Messages, count: int) -> str:
    say = messages.say
    return say("both") if count == 2 else say("each")


def answered_sentence(messages: Messages, answers: Mapping[str, Any], total: int) -> str:
    say = messages.say
    given = [value for value in answers.values() if value is not None]
    not_applicable = sum(1 for value in given if value == NOT_APPLICABLE)
    if not_applicable:
        return say("summary-answered-na", given=len(given), total=total, na=not_applicable)
    return say("summary-answered", given=len(given), total=total)


def summary(messages: Messages, report: Report, answers: Mapping[str, Any], audience: str = "individual") -> list[str]:
    """The summary's sentences for a scored report and the answers it was scored from, said of whoever
    `audience` (the framework's) rates."""
    say = messages.say
    competencies = report.result.competencies
    scored = [c for c in competencies if c.score is not None]
    unscored = [c.title for c in competencies if c.score is None]
    said = [answered_sentence(messages, answers, sum(c.total for c in competencies))]
    if not scored:
        said.append(say("summary-none-scored"))
        return said
    if len(scored) == 1:
        only = scored[0]
        said.append(say("summary-only-one", title=only.title, score=_score_and_band(only)))
    else:
        said += _highest_and_lowest(messages, scored, audience)
    if unscored:
        key = "summary-unscored-one" if len(unscored) == 1 else "summary-unscored-many"
        said.append(say(key, titles=names(messages, unscored)))
    return said


def _score_and_band(competency: CompetencyScore) -> str:
    shown = competency.score or ""
    return f"{shown}, {competency.band}" if competency.band else shown


def _highest_and_lowest(messages: Messages, scored: Sequence[CompetencyScore], audience: str) -> list[str]:
    shown = [c.score for c in scored if c.score is not None]
    top = max(shown, key=float)
    bottom = min(shown, key=float)
    if top == bottom:
        return [about(messages, audience, "summary-all-equal", score=top)]
    highest = [c for c in scored if c.score == top]
    lowest = [c for c in scored if c.score == bottom]
    if len(highest) == 1:
        strong = about(
            messages, audience, "summary-strongest", title=highest[0].title, score=_score_and_band(highest[0])
        )
    else:
        titles = names(messages, [c.title for c in highest])
        strong = about(
            messages, audience, "summary-strongest-tied", titles=titles, each=_each(messages, len(highest)), score=top
        )
    if len(lowest) == 1:
        focus = about(messages, audience, "summary-focus", title=lowest[0].title, score=_score_and_band(lowest[0]))
    else:
        titles = names(messages, [c.title for c in lowest])
        focus = about(
            messages, audience, "summary-lowest-tied", titles=titles, each=_each(messages, len(lowest)), score=bottom
        )
    return [strong, focus]
