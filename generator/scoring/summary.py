"""The few plain sentences at the top of the results: what was answered, where a person is
strongest, where to focus first, and what could not be scored.

Scores are compared as the person sees them (rounded to one decimal), so two
competencies that both show 3.4 are a tie, never "3.4 is your strongest".
Standard library only (runs in Pyodide).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .model import NOT_APPLICABLE


def names(titles: Sequence[str]) -> str:
    """Titles as a list in a sentence: "A", "A and B", "A, B and C"."""
    return titles[0] if len(titles) == 1 else f"{', '.join(titles[:-1])} and {titles[-1]}"


def _each(count: int) -> str:
    return "both" if count == 2 else "each"


def answered_sentence(answers: Mapping[str, Any], total: int) -> str:
    given = [value for value in answers.values() if value is not None]
    not_applicable = sum(1 for value in given if value == NOT_APPLICABLE)
    sentence = f"You answered {len(given)} of the {total} statements"
    if not_applicable:
        sentence += f", {not_applicable} of them with “not applicable”, which does not count towards a score"
    return sentence + "."


def summary(report: Mapping[str, Any], answers: Mapping[str, Any]) -> list[str]:
    """The summary's sentences for a scored report and the answers it was scored from."""
    competencies = report["competencies"]
    scored = [c for c in competencies if c["score"] is not None]
    unscored = [c["title"] for c in competencies if c["score"] is None]
    said = [answered_sentence(answers, sum(c["total"] for c in competencies))]
    if not scored:
        said.append(
            "None of the competencies has a score yet: each needs at least half of its statements answered "
            "(“not applicable” does not count)."
        )
        return said
    if len(scored) == 1:
        only = scored[0]
        said.append(f"Only {only['title']} has a score ({_score_and_band(only)}), so there is nothing to compare yet.")
    else:
        said += _highest_and_lowest(scored)
    if unscored:
        its = "its" if len(unscored) == 1 else "their"
        said.append(
            f"{names(unscored)} could not be scored: fewer than half of {its} statements were answered. "
            "Answer more of them for a fuller picture."
        )
    return said


def _score_and_band(competency: Mapping[str, Any]) -> str:
    return f"{competency['score']}, {competency['band']}" if competency["band"] else competency["score"]


def _highest_and_lowest(scored: Sequence[Mapping[str, Any]]) -> list[str]:
    shown = [c["score"] for c in scored]
    top = max(shown, key=float)
    bottom = min(shown, key=float)
    if top == bottom:
        return [
            f"Your scores are the same for every competency with a score ({top}), so none stands out as a "
            "strength or as the place to start. The advice for each one is below."
        ]
    highest = [c for c in scored if c["score"] == top]
    lowest = [c for c in scored if c["score"] == bottom]
    if len(highest) == 1:
        strong = f"Your strongest area is {highest[0]['title']} ({_score_and_band(highest[0])})."
    else:
        strong = f"Your strongest areas are {names([c['title'] for c in highest])} ({_each(len(highest))} {top})."
    if len(lowest) == 1:
        focus = f"The place to focus first is {lowest[0]['title']} ({_score_and_band(lowest[0])})."
    else:
        focus = (
            f"Your lowest scores are in {names([c['title'] for c in lowest])} ({_each(len(lowest))} {bottom}): "
            "start with the one that matters most in your work now."
        )
    return [strong, focus]
