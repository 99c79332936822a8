"""Splitting YAML front matter from Markdown, keeping line numbers.

MkDocs drops front matter it cannot parse without a word; Huddle reads it
itself so that a mistake is reported with its file and line.
"""

from __future__ import annotations

import re

_OPEN = re.compile(r"\A---[ \t]*\r?\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.M)


def split(text: str) -> tuple[str, int, str] | None:
    """(front matter YAML, lines above it, the Markdown after it), or None when there is none.

    Raises ValueError when the front matter is opened but never closed.
    """
    text = text.removeprefix("\ufeff")
    opening = _OPEN.match(text)
    if not opening:
        return None
    closing = _CLOSE.search(text, opening.end())
    if not closing:
        raise ValueError("front matter that starts with '---' on line 1 but no closing '---' line")
    return text[opening.end() : closing.start()], 1, text[closing.end() :].lstrip("\r\n")


def body_start(text: str) -> int:
    """Where the Markdown after a closed front matter block starts in `text` (0 when there is none)."""
    opening = _OPEN.match(text)
    closing = _CLOSE.search(text, opening.end()) if opening else None
    return closing.end() if closing else 0
