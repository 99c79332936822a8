"""Links to pages the site does not have, found before a build: `huddle check`'s warnings, with file and line.

MkDocs finds the same links while it builds (and `--strict` stops on them),
but names neither the line nor, for the nav, the entry. This reads the
Markdown as text: inline links and images with a relative target, outside
code; reference-style links and anchors within a page are left to MkDocs.
"""

from __future__ import annotations

import posixpath
import re
import urllib.parse
from collections.abc import Iterable
from pathlib import Path

from ..casestudies.frontmatter import body_start
from ..config import KeyLines
from .reading import line_at

LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")
"""The target of an inline link or image: `[text](target "title")`."""

FENCE = re.compile(r"^( {0,3})(```+|~~~+)[^\n]*\n.*?(?:^\1?\2[ \t]*$|\Z)", re.M | re.S)
CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.S)


def broken_links(pages: Iterable[tuple[str, str, str]], known: set[str]) -> list[str]:
    """Each link in `pages` (shown path, path in the docs folder, Markdown) to a file not in `known`."""
    problems = []
    for shown, uri, source in pages:
        text = _without_code(source)
        for match in LINK.finditer(text, body_start(source)):
            target = _local(match[1])
            if target is None:
                continue
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(uri), target))
            if resolved not in known and f"{resolved}/index.md" not in known:
                where = f"{shown}:{line_at(text, match.start())}"
                problems.append(
                    f"{where}: the link to '{match[1]}' goes to no page or file of the site ({resolved}); correct it, "
                    "or remove the link."
                )
    return problems


def missing_in_nav(nav: list | None, known: set[str], config_file: Path) -> list[str]:
    """Each entry of site.yml's `nav` that names a page the site does not have."""
    problems = []
    lines = None
    for titles, target in _entries(nav or [], ()):
        if "://" in target or target.startswith(("/", "mailto:")) or target in known:
            continue
        lines = lines or KeyLines(config_file)
        problems.append(
            f"{lines.where('nav', 'nav', *titles)}: '{target}' is not a page of the site; correct the path (from "
            "the docs folder), or remove the entry."
        )
    return problems


def _entries(nav: list, titles: tuple[str, ...]) -> Iterable[tuple[tuple[str, ...], str]]:
    for entry in nav:
        if isinstance(entry, str):
            yield titles, entry
        elif isinstance(entry, dict):
            for title, value in entry.items():
                if isinstance(value, list):
                    yield from _entries(value, (*titles, str(title)))
                elif isinstance(value, str):
                    yield (*titles, str(title)), value


def _local(target: str) -> str | None:
    """A link's path within the site, or None for a web address, an anchor, or an absolute path."""
    parts = urllib.parse.urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
        return None
    if parts.path.endswith("/"):
        return None  # a folder URL, as MkDocs leaves it
    return urllib.parse.unquote(parts.path)


def _without_code(source: str) -> str:
    """`source` with fenced code and code spans blanked out, keeping every line where it was."""

    def blank(match: re.Match) -> str:
        return re.sub(r"[^\n]", " ", match[0])

    return CODE_SPAN.sub(blank, FENCE.sub(blank, source))
