"""Reading an author's file and its YAML, turning every failure into a Problem."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from . import yamlpos
from .errors import Problem, SourceError
from .structure import dotted


def read_text(path: Path, shown: str) -> str:
    """The file's text; SourceError when it is not UTF-8."""
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise SourceError(
            [Problem(shown, 0, 0, "", f"is not UTF-8 text ({error.reason}); save it as UTF-8.")]
        ) from None


MAX_YAML_BYTES = 256 * 1024
"""The largest framework file or front matter Huddle reads (256 KiB): ten times the demo's largest."""

REFUSED = {
    "anchor": "uses a YAML anchor (&name); Huddle does not read anchors and aliases, so write the value out "
    "where it is needed.",
    "alias": "uses a YAML alias (*name); Huddle does not read anchors and aliases, so write the value out "
    "where it is needed.",
    "merge key": "uses a YAML merge key (<<); write the keys out in this mapping instead.",
}


def parse_yaml(text: str, shown: str, line_offset: int = 0) -> tuple[Any, yamlpos.Positions]:
    """Values and positions of a YAML document; SourceError for syntax errors and repeated keys.

    Positions are relative to the YAML text; `line_offset` only shifts the
    lines reported in errors.
    """
    size = len(text.encode("utf-8"))
    if size > MAX_YAML_BYTES:
        message = (
            f"is {size // 1024} KiB of YAML, above Huddle's limit of {MAX_YAML_BYTES // 1024} KiB; "
            "split it into smaller files."
        )
        raise SourceError([Problem(shown, 0, 0, "", message)])
    try:
        return yamlpos.load(text)
    except yamlpos.Refused as refused:
        raise SourceError(
            [Problem(shown, refused.line + line_offset, refused.column, "", REFUSED[refused.what])]
        ) from None
    except yamlpos.DuplicateKey as dup:
        key = dotted((*dup.path, dup.key))
        raise SourceError(
            [Problem(shown, dup.line + line_offset, dup.column, key, "appears twice; keep one.")]
        ) from None
    except yaml.MarkedYAMLError as error:
        raise SourceError([_syntax_problem(shown, error, line_offset)]) from None
    except RecursionError:
        message = "nests values too deeply to read; flatten it."
        raise SourceError([Problem(shown, 0, 0, "", message)]) from None


def line_at(text: str, offset: int) -> int:
    """The line (from 1) of `text` that the character at `offset` is on."""
    return text.count("\n", 0, offset) + 1


def shown_path(path: Path, root: Path) -> str:
    """`path` as authors see it: relative to the site's folder when inside it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def _syntax_problem(shown: str, error: yaml.MarkedYAMLError, line_offset: int) -> Problem:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1 + line_offset, mark.column + 1) if mark else (0, 0)
    message = f"is not valid YAML: {error.problem or error.context}"
    if error.context and error.context_mark and error.problem:
        start = error.context_mark
        message += f" ({error.context} that starts at line {start.line + 1 + line_offset}, column {start.column + 1})"
    return Problem(shown, line, column, "", message + ".")
