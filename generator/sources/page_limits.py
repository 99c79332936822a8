"""Pages Markdown cannot read in reasonable time: refused before rendering, with the line to look at.

Python-Markdown recurses once per level of nesting and tries every `[` in a
paragraph as the start of a link: a page of a few kilobytes (3,000 nested
list items; 40,000 brackets) stops the build with a RecursionError or keeps
it busy for minutes. No page a person writes comes near these limits.
"""

from __future__ import annotations

import re

MAX_PAGE_BYTES = 1024 * 1024
"""The largest page Huddle reads (1 MiB): the demo's largest is 6 KiB."""

MAX_INDENT = 200
"""Columns of indentation (50 levels of nested lists): Markdown recurses once per level."""

MAX_QUOTES = 50
"""Levels of `>` quoting."""

MAX_BRACKETS = 1000
"""Square brackets in one paragraph: Markdown tries each as a link, in time that grows with their square."""

_QUOTES = re.compile(rf"^(?:\s*>){{{MAX_QUOTES + 1}}}")


def problem(text: str) -> tuple[int, str] | None:
    """What makes the page `text` too large or too deep to read, with its line (0 for the whole page), or None."""
    size = len(text.encode("utf-8"))
    if size > MAX_PAGE_BYTES:
        return 0, (
            f"is {size / 1024 / 1024:.1f} MiB of Markdown, above Huddle's limit of 1 MiB for a page; split it "
            "into several pages, and put large files beside it as downloads."
        )
    brackets, start = 0, 1
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            brackets, start = 0, number + 1
            continue
        indent = len(line) - len(line.lstrip(" \t")) + 3 * line[: len(line) - len(line.lstrip(" \t"))].count("\t")
        if indent > MAX_INDENT:
            return number, f"is indented {indent} columns; Huddle reads at most {MAX_INDENT} (50 levels of lists)."
        if _QUOTES.match(line):
            return number, f"is quoted more than {MAX_QUOTES} levels deep (>); flatten it."
        brackets += line.count("[")
        if brackets > MAX_BRACKETS:
            return start, (
                f"has over {MAX_BRACKETS} square brackets in one paragraph, which Markdown reads in time "
                "that grows with their square; split the paragraph, or write \\[ for a bracket."
            )
    return None
