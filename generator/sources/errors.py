"""Problems found in files authors write, reported all at once with file and line."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file: where it is and what to do about it."""

    path: str
    line: int
    column: int
    key: str
    message: str

    def __str__(self) -> str:
        where = (
            f"{self.path}:{self.line}:{self.column}" if self.line and self.column
            else f"{self.path}:{self.line}" if self.line
            else self.path
        )  # fmt: skip
        return f"{where}: {self.key}: {self.message}" if self.key else f"{where}: {self.message}"


def said(problems: Iterable[Problem]) -> str:
    """Problems as the person reads them, one a line, in the order they were found: made at the edge (the
    command or the plugin), once."""
    return "\n".join(str(problem) for problem in problems)


class SourceError(Exception):
    """One or more problems in files authors write."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
