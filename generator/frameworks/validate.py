"""All the checks of one parsed framework file, in order: shape, structure, meaning."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..sources import Problem
from ..sources.structure import check_structure, load_schema
from ..sources.yamlpos import Positions
from .semantics import check_meaning

SCHEMA_PATH = Path(__file__).with_name("framework.schema.json")


def schema() -> dict:
    """The framework JSON Schema."""
    return load_schema(SCHEMA_PATH)


def validate(data: Any, positions: Positions, shown: str) -> list[Problem]:
    """Every problem in one parsed framework file; an empty list when it is valid.

    Meaning is checked only once the structure is sound, because those checks
    rely on it; structural problems are all reported together.
    """
    if data is None:
        return [
            Problem(
                shown, 0, 0, "", "is empty; a framework needs id, version, title, licence, scale, bands and domains."
            )
        ]
    if not isinstance(data, dict):
        line, column = positions.get((), (0, 0))
        return [
            Problem(
                shown, line, column, "", "must be a mapping of keys such as id, title and domains, not a list or text."
            )
        ]
    return check_structure(data, positions, shown, SCHEMA_PATH) or check_meaning(data, positions, shown)
