"""Files that are links out of their folder: refused, so a build never publishes what is not the site's.

A symlink in `content/` to the project's `.env`, to `.git/config` or to a
system file would otherwise be copied into the site like any other file. A
link is followed only when what it points to lies inside the same folder
(`content/`, the assessments folder or the theme's `custom_dir`): not the
project's root, where the secrets and the repository live.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .errors import Problem


def link_problem(path: Path, folder: Path, root: Path) -> str | None:
    """Why `path` may not be read, or None: a link to nothing, or to a file outside `folder` (named from
    `root`, the project's folder, where it is inside it)."""
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):  # a dangling link, or a loop of links
        return "is a link to a file that does not exist; remove it or point it at a file in the site."
    if target.is_relative_to(folder.resolve()):
        return None
    project = root.resolve()
    shown = target.relative_to(project).as_posix() if target.is_relative_to(project) else str(target)
    return (
        f"is a link to {shown}, outside {folder.resolve().name}/; Huddle follows a link only to a file in the same "
        "folder, so copy the file in instead (never a secret such as .env or .git/config)."
    )


def link_problems(paths: Iterable[Path], folder: Path, root: Path) -> list[Problem]:
    """Every refused file of `paths` (in `folder`), named relative to `root` where possible."""
    problems = []
    for path in paths:
        problem = link_problem(path, folder, root)
        if problem:
            problems.append(Problem(shown_from(path, root), 0, 0, "", problem))
    return problems


def shown_from(path: Path, root: Path) -> str:
    """`path` as an author reads it: relative to `root`, the project's folder, where it is inside it. Not
    resolved, unlike `reading.shown_path`: a link is named as itself, never as the file it points to."""
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
