"""Huddle's own scripts and styles as a site publishes them: without the comments that explain them.

About a quarter of Huddle's scripts and styles is comments (27 of 100 kB of scripts, 5 of 22 kB of
styles), fetched on every first visit, on ward Wi-Fi, by a browser that never reads them. The source
in the theme keeps them; the published copies drop them, and nothing else:
- scripts lose their whole-line `//` comments and the indentation at the start of each line. That is
  safe only where no string runs over a line, so a script with a line holding an odd number of
  backticks (a template literal over lines), or a line that ends in a backslash (a string continued),
  is published as it is;
- styles lose their `/* */` comments, and runs of white space outside strings become one space or one
  line break.
No renaming, no reordering: a published script is the same program, line for line, as its source.
Standard library only.
"""

from __future__ import annotations

import re

COMMENT_LINE = re.compile(r"^[ \t]*//.*$")
"""A script's line that is only a comment."""


def script(text: str) -> str:
    """A script without its whole-line comments and leading indentation; as it is when that might change a
    string (see the module's docstring)."""
    lines = text.split("\n")
    if any(line.count("`") % 2 or line.endswith("\\") for line in lines):
        return text
    kept = [line.lstrip(" \t") for line in lines if not COMMENT_LINE.match(line)]
    return "\n".join(line for line in kept if line) + "\n"


def style(text: str) -> str:
    """A stylesheet without its comments, and each run of white space outside strings as one space (or one
    line break, where the run held one)."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char in "\"'":
            end = i + 1
            while end < n and text[end] != char and text[end] != "\n":
                end += 2 if text[end] == "\\" else 1
            out.append(text[i : end + 1])
            i = end + 1
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end == -1 else end + 2
        elif char.isspace():
            end = i
            while end < n and text[end].isspace():
                end += 1
            space = "\n" if "\n" in text[i:end] else " "
            if out and out[-1] in (" ", "\n"):  # the run goes on across a comment
                space = "\n" if "\n" in out[-1] + space else " "
                out.pop()
            out.append(space)
            i = end
        else:
            out.append(char)
            i += 1
    return "".join(out).strip() + "\n"


def slimmed(name: str, text: str) -> str:
    """A theme asset's text as published: scripts and styles slimmed, anything else as it is."""
    if name.endswith((".js", ".mjs")):
        return script(text)
    if name.endswith(".css"):
        return style(text)
    return text
