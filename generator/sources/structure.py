"""Structural checks of YAML data against a JSON Schema, as sentences for authors.

The schemas (`framework.schema.json`, and the case-study front matter schema)
are the contracts editors use too; here their errors are turned into
`file:line:column: path: what is wrong, what is expected`. A schema may give a
pattern's expectation in words with the annotation `x-expected`, and a rule's
whole sentence with `x-message` (reported at the key named by `x-key`).
"""

from __future__ import annotations

import difflib
import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, ValidationError

from .errors import Problem
from .yamlpos import KEY, Positions
from .yamlpos import Path as KeyPath

TYPE_NAMES = {
    "boolean": "true or false",
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "array": "a list",
    "object": "a mapping of keys to values",
}

LIST_NAMES = {
    "domains": "domain",
    "competencies": "competency",
    "items": "item",
    "bands": "band",
    "sources": "source",
    "tags": "tag",
}


@cache
def load_schema(path: Path) -> dict[str, Any]:
    """A JSON Schema file, read once."""
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def _validator(path: Path) -> Draft202012Validator:
    return Draft202012Validator(load_schema(path), format_checker=Draft202012Validator.FORMAT_CHECKER)


def dotted(path: KeyPath) -> str:
    """A key path as authors write it: `domains[0].competencies[1].id`."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def show(value: Any) -> str:
    """A value as it would appear in YAML."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return str(value)


def check_structure(
    data: Any, positions: Positions, shown: str, schema_path: Path, line_offset: int = 0
) -> list[Problem]:
    """Every problem `schema_path` finds in `data`, each with its place in the file.

    `line_offset` is added to line numbers, for YAML that starts below the top
    of its file (front matter).
    """
    problems: set[Problem] = set()
    for error in _validator(schema_path).iter_errors(data):
        for path, message, at_key in _describe(error):
            line, column = positions.get((*path, KEY) if at_key else path, positions.get(path, (0, 0)))
            problems.add(Problem(shown, line + line_offset if line else 0, column, dotted(path), message))
    return sorted(problems)


def _describe(error: ValidationError) -> list[tuple[KeyPath, str, bool]]:
    """(path, message, whether the problem is the key itself) for one schema error."""
    path: KeyPath = tuple(error.absolute_path)
    kind, expected, value = error.validator, error.validator_value, error.instance
    if "x-message" in error.schema:
        key = error.schema.get("x-key")
        return [((*path, key) if key else path, error.schema["x-message"], bool(key))]
    if kind == "type":
        numeric_version = path == ("version",) and isinstance(value, int | float)
        hint = '; put it in quotes, such as "1.0"' if numeric_version else ""
        return [(path, f"must be {TYPE_NAMES[expected]}, got {show(value)}{hint}.", False)]
    if kind == "required":
        missing = [key for key in expected if key not in value]
        return [(path, f"'{key}' is required; add it.", False) for key in missing]
    if kind == "additionalProperties":
        known = sorted(error.schema.get("properties", {}))
        unknown = [key for key in value if key not in known]
        return [(path + (key,), _unknown_key(key, known), True) for key in unknown]
    if kind == "enum":
        return [(path, f"must be one of {', '.join(map(str, expected))}, got {show(value)}.", False)]
    if kind == "pattern":
        wanted = error.schema.get("x-expected", f"match the pattern {expected}")
        return [(path, f"must be {wanted}; got {show(value)}.", False)]
    if kind == "minLength":
        return [(path, "must not be empty.", False)]
    if kind == "minItems":
        name = LIST_NAMES.get(str(path[-1]) if path else "", "entry")
        if path and path[-1] == "points":
            return [(path, f"must list at least {expected} points, got {len(value)}.", False)]
        if expected == 1:
            return [(path, f"must list at least one {name}.", False)]
        return [(path, f"must list at least {expected} entries, got {len(value)}.", False)]
    if kind == "maxItems":
        return [(path, f"must list at most {expected} entries, got {len(value)}.", False)]
    if kind == "uniqueItems":
        return [(path, "lists the same entry twice; keep one.", False)]
    if kind == "exclusiveMinimum":
        return [(path, f"must be greater than {expected}, got {show(value)}.", False)]
    if kind == "format" and expected == "date":
        return [(path, f"must be a date written YYYY-MM-DD, such as 2026-11-01; got {show(value)}.", False)]
    return [(path, f"{error.message}.", False)]  # a schema rule without a sentence of its own yet


def _unknown_key(key: Any, known: list[str]) -> str:
    close = difflib.get_close_matches(str(key), known, n=1)
    if close:
        return f"is not a known key; did you mean '{close[0]}'?"
    return f"is not a known key; the keys allowed here are {', '.join(known)}."
