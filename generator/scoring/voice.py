"""Whose results they are: the wording each audience gets for what is said of whoever was rated.

An individual framework's results speak to the person who answered, about
themselves. A team or a board framework is still answered by one person, but
about the team or the board, so its results speak of the team or the board,
and keep "you" for what the reader did (answered, downloaded, rated). The framework's `audience` chooses, here and
nowhere else. Standard library only (runs in Pyodide).
"""

from __future__ import annotations

from .strings import Messages

SAID_OF: dict[str, tuple[str, str]] = {
    # Each message said of whoever was rated: (its wording for a team, its wording for a board).
    "summary-all-equal": ("summary-all-equal-team", "summary-all-equal-board"),
    "summary-strongest": ("summary-strongest-team", "summary-strongest-board"),
    "summary-strongest-tied": ("summary-strongest-tied-team", "summary-strongest-tied-board"),
    "summary-focus": ("summary-focus-team", "summary-focus-board"),
    "summary-lowest-tied": ("summary-lowest-tied-team", "summary-lowest-tied-board"),
    "tag-strength": ("tag-strength-team", "tag-strength-board"),
    "strength-advice": ("strength-advice-team", "strength-advice-board"),
    "reflect-seen": ("reflect-seen-team", "reflect-seen-board"),
    "reflect-step": ("reflect-step-team", "reflect-step-board"),
    "reflect-feedback": ("reflect-feedback-team", "reflect-feedback-board"),
    "chart-your-score": ("chart-your-score-team", "chart-your-score-board"),
    "table-caption": ("table-caption-team", "table-caption-board"),
    "talk-it-through": ("talk-it-through-team", "talk-it-through-board"),
    "printable-intro": ("printable-intro-team", "printable-intro-board"),
    "team-score": ("team-score", "board-score"),
    "feedback-caption": ("feedback-caption-team", "feedback-caption-board"),
    "blind-spots-text": ("blind-spots-text-team", "blind-spots-text-board"),
    "blind-spots-none": ("blind-spots-none-team", "blind-spots-none-board"),
    "hidden-strengths-text": ("hidden-strengths-text-team", "hidden-strengths-text-board"),
    "hidden-strengths-none": ("hidden-strengths-none-team", "hidden-strengths-none-board"),
}

CSV_SCORE = {"board": "board_score"}
"""The team profile's score column, by audience: `team_score` unless the board was rated."""


def wording(audience: str, key: str) -> str:
    """The message to say for `key` when `audience` ("individual", "team" or "board") was rated."""
    team, board = SAID_OF.get(key, (key, key))
    return {"team": team, "board": board}.get(audience, key)


def about(messages: Messages, audience: str, key: str, **values: object) -> str:
    """Message `key`, said of whoever `audience` rates, with its `{name}` fields filled in."""
    return messages.say(wording(audience, key), **values)
