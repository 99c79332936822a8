"""Checks of a framework's content (structure first, then meaning)."""

from __future__ import annotations

from typing import Any

from .errors import Problem
from .yamlpos import Positions

REQUIRED = ("id", "version", "title", "scale", "domains")


def validate(data: Any, positions: Positions, shown: str) -> list[Problem]:
    """Every problem in one parsed framework file."""
    if data is None:
        return [Problem(shown, 0, 0, "", "is empty; a framework needs id, version, title, scale and domains.")]
    if not isinstance(data, dict):
        line, column = positions.get((), (0, 0))
        return [Problem(shown, line, column, "", "must be a mapping of keys such as id, title and domains.")]
    line, column = positions.get((), (1, 1))
    return [Problem(shown, line, column, key, "is required.") for key in REQUIRED if key not in data]
