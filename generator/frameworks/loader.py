"""Reading framework files: YAML text to a checked, normalised framework."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..sources import Problem, yamlpos
from ..sources.structure import dotted
from .errors import FrameworkError
from .model import normalise
from .validate import validate


def load_framework(path: Path, root: Path) -> dict[str, Any]:
    """Read, check and normalise one framework file; FrameworkError lists every problem."""
    shown = _shown(path, root)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise FrameworkError(
            [Problem(shown, 0, 0, "", f"is not UTF-8 text ({error.reason}); save it as UTF-8.")]
        ) from None
    try:
        data, positions = yamlpos.load(text)
    except yamlpos.DuplicateKey as dup:
        key = dotted((*dup.path, dup.key))
        raise FrameworkError([Problem(shown, dup.line, dup.column, key, "appears twice; keep one.")]) from None
    except yaml.MarkedYAMLError as error:
        raise FrameworkError([_syntax_problem(shown, error)]) from None
    problems = validate(data, positions, shown)
    if problems:
        raise FrameworkError(problems)
    return normalise(data)


def load_frameworks(directory: Path, root: Path) -> list[dict[str, Any]]:
    """Every `*.yml`/`*.yaml` framework in `directory`, sorted by file name.

    All problems in all files are collected before raising, so an author sees
    everything at once.
    """
    frameworks: list[dict[str, Any]] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    paths = sorted([*directory.glob("*.yml"), *directory.glob("*.yaml")])
    for path in paths:
        try:
            framework = load_framework(path, root)
        except FrameworkError as error:
            problems.extend(error.problems)
            continue
        shown = _shown(path, root)
        if framework["id"] in seen:
            other = seen[framework["id"]]
            message = f"'{framework['id']}' is already the id of {other}; give each framework its own id."
            problems.append(Problem(shown, 0, 0, "id", message))
            continue
        seen[framework["id"]] = shown
        frameworks.append(framework)
    if problems:
        raise FrameworkError(problems)
    return frameworks


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def _syntax_problem(shown: str, error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    message = f"is not valid YAML: {error.problem or error.context}"
    if error.context and error.context_mark and error.problem:
        start = error.context_mark
        message += f" ({error.context} that starts at line {start.line + 1}, column {start.column + 1})"
    return Problem(shown, line, column, "", message + ".")
