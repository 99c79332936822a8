"""Reading framework files: YAML text to a checked, normalised framework."""

from __future__ import annotations

from pathlib import Path

from ..scoring.model import Framework, normalise
from ..sources import Problem, SourceError
from ..sources.reading import parse_yaml, read_text, shown_path
from ..sources.yamlpos import Positions
from .errors import FrameworkError
from .hints import Hint, framework_hints
from .validate import validate


def load_framework(path: Path, root: Path) -> Framework:
    """Read, check and normalise one framework file; FrameworkError lists every problem."""
    return _load(path, root)[0]


def _load(path: Path, root: Path) -> tuple[Framework, Positions]:
    """The framework, and where its values are (read only if its id is taken)."""
    shown = shown_path(path, root)
    try:
        data, positions = parse_yaml(read_text(path, shown), shown)
    except SourceError as error:
        raise FrameworkError(error.problems) from None
    problems = validate(data, positions, shown)
    if problems:
        raise FrameworkError(problems)
    return normalise(data), positions


def load_frameworks(directory: Path, root: Path) -> list[Framework]:
    """Every `*.yml`/`*.yaml` framework in `directory`, sorted by file name.

    All problems in all files are collected before raising, so an author sees
    everything at once.
    """
    frameworks: list[Framework] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for path in framework_paths(directory):
        try:
            framework, positions = _load(path, root)
        except FrameworkError as error:
            problems.extend(error.problems)
            continue
        shown = shown_path(path, root)
        if framework.id in seen:
            other = seen[framework.id]
            message = f"'{framework.id}' is already the id of {other}; give each framework its own id."
            problems.append(Problem(shown, *positions.get(("id",), (0, 0)), "id", message))
            continue
        seen[framework.id] = shown
        frameworks.append(framework)
    if problems:
        raise FrameworkError(problems)
    return frameworks


def framework_paths(directory: Path) -> list[Path]:
    """The framework files of a folder, `*.yml` and `*.yaml`, sorted by name."""
    return sorted([*directory.glob("*.yml"), *directory.glob("*.yaml")])


def load_hints(directory: Path, root: Path) -> list[Hint]:
    """The authoring hints for every framework in `directory`; call it once they load without problems."""
    return [hint for path in framework_paths(directory) for hint in file_hints(path, root)]


def file_hints(path: Path, root: Path) -> list[Hint]:
    """The authoring hints for one framework file that loads without problems."""
    shown = shown_path(path, root)
    data, positions = parse_yaml(read_text(path, shown), shown)
    return framework_hints(data, positions, shown)
