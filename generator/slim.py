"""Huddle's own scripts and styles as a site publishes them: without the comments that explain them.

About a quarter of Huddle's scripts and styles is comments (27 of 100 kB of scripts, 5 of 22 kB of
styles), fetched on every first visit, on ward Wi-Fi, by a browser that never reads them. The source
in the theme keeps them; the published copies drop them, and nothing else:
- scripts lose their whole-line `//` comments and the indentation at the start of each line. That is
  safe only where no string or comment runs over a line, so a script is published as it is when a
  template literal is still open at the end of a line (an odd number of backticks, or one nested in
  a `${...}` over lines), a line ends in a backslash (a string continued, CRLF or not), or a line that looks
  like a `//` comment holds `*/` (it may end a block comment: `/* why` then `// and how */ code`);
- styles lose their `/* */` comments, and runs of white space outside strings become one space or one
  line break. A comment with no white space on either side (`1px/**/2px`, `.a/**/.b`) separates two
  tokens where a space could change the selector, so such a stylesheet is published as it is. Strings,
  escapes (`\\ `, an escaped space, is part of a name) and unquoted `url(...)` (which may hold `/*`)
  are copied as they are.
No renaming, no reordering: a published script is the same program, line for line, as its source.
Standard library only.
"""

from __future__ import annotations

import re

COMMENT_LINE = re.compile(r"^[ \t]*//.*$")
"""A script's line that is only a comment."""


def _open_at_end(line: str) -> bool:
    """Whether a template literal (or a `${...}` inside one) that this line opens is still open at its end."""
    stack: list[str] = []  # "`": in a template's text; "{": in code inside a `${...}` or its braces
    i = 0
    while i < len(line):
        char, inside = line[i], stack[-1] if stack else None
        if inside == "`" and char == "\\":
            i += 1
        elif inside == "`" and line.startswith("${", i):
            stack.append("{")
            i += 1
        elif char == "`":
            if inside == "`":
                stack.pop()
            else:
                stack.append("`")
        elif inside == "{" and char == "{":
            stack.append("{")
        elif inside == "{" and char == "}":
            stack.pop()
        i += 1
    return bool(stack)


def script(text: str) -> str:
    """A script without its whole-line comments and leading indentation; as it is when that might change a
    string or a block comment (see the module's docstring)."""
    lines = text.split("\n")
    if any(line.count("`") % 2 or line.rstrip("\r").endswith("\\") for line in lines):
        return text
    if any(COMMENT_LINE.match(line) and "*/" in line for line in lines):
        return text
    if any("`" in line and _open_at_end(line) for line in lines):
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
        if char == "\\":
            out.append(text[i : i + 2])  # an escape: `\ ` is part of a name, not white space
            i += 2
        elif text[i : i + 4].lower() == "url(" and text[i + 4 : i + 5] not in ("'", '"'):
            end = text.find(")", i)
            end = n if end == -1 else end + 1
            out.append(text[i:end])  # unquoted, it may hold `/*` or `//`
            i = end
        elif char in "\"'":
            end = i + 1
            while end < n and text[end] != char and text[end] != "\n":
                end += 2 if text[end] == "\\" else 1
            out.append(text[i : end + 1])
            i = end + 1
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end == -1 else end + 2
            if i > 0 and end < n and not text[i - 1].isspace() and not text[end].isspace():
                return text  # a comment between two tokens: see the module's docstring
            i = end
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
