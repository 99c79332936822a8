"""Files that are links out of the site: refused, so a build never publishes what is not the site's.

A symlink in `content/` to the build's environment file, or to a system file,
would otherwise be copied into the site like any other file.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path


def link_problem(path: Path, roots: Sequence[Path]) -> str | None:
    """Why `path` may not be read, or None: a link to nothing, or to a file outside every folder of `roots`."""
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):  # a dangling link, or a loop of links
        return "is a link to a file that does not exist; remove it or point it at a file in the site."
    if any(target.is_relative_to(root.resolve()) for root in roots):
        return None
    return f"is a link to {target}, outside the site's folder; copy that file into the site instead."


def link_problems(paths: Iterable[Path], roots: Sequence[Path], shown: Path) -> list[str]:
    """Every refused file of `paths`, named relative to `shown` where possible, as sentences."""
    problems = []
    for path in paths:
        problem = link_problem(path, roots)
        if problem:
            name = path.relative_to(shown).as_posix() if path.is_relative_to(shown) else str(path)
            problems.append(f"{name}: {problem}")
    return problems
