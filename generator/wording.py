"""A site's own wording for Huddle's messages: the huddle plugin's `strings` file, read and checked.

The file is YAML, message key to sentence, for any of the keys of
`generator/scoring/strings.py`, such as `progress: "{answered} of {total} done"`.
Each sentence must keep the `{fields}` of the one it replaces, so the page and
the scorer can fill them in. Every problem is reported at once, with its line.
"""

from __future__ import annotations

import difflib
import html
import re
import string
from pathlib import Path

from mkdocs.exceptions import PluginError

from .scoring.strings import MESSAGES, fields
from .sources import yamlpos
from .sources.errors import Problem, SourceError
from .sources.reading import parse_yaml, read_text, shown_path


def load_strings(path: Path, root: Path) -> dict[str, str]:
    """The checked sentences of a strings file, or a PluginError naming each problem with its line."""
    shown = shown_path(path, root)
    try:
        data, positions = parse_yaml(read_text(path, shown), shown)
    except SourceError as error:
        raise PluginError(f"The strings file has problems:\n{error}") from None
    if not isinstance(data, dict):
        raise PluginError(f"{shown}: must be a mapping of message keys to sentences, such as `progress: ...`.")
    found = [_problem(shown, key, value, positions) for key, value in data.items()]
    problems = [problem for problem in found if problem]
    if problems:
        raise PluginError("The strings file has problems:\n" + "\n".join(str(p) for p in sorted(problems)))
    return dict(data)


def _problem(shown: str, key: object, value: object, positions: yamlpos.Positions) -> Problem | None:
    line, column = positions.get((key, yamlpos.KEY), (0, 0)) if isinstance(key, str | int) else (0, 0)
    if not isinstance(key, str) or key not in MESSAGES:
        close = difflib.get_close_matches(str(key), MESSAGES, n=1)
        hint = f"did you mean '{close[0]}'?" if close else "generator/scoring/strings.py lists them."
        return Problem(shown, line, column, str(key), f"is not one of Huddle's messages; {hint}")
    if not isinstance(value, str) or not value.strip():
        return Problem(shown, line, column, key, "must be a sentence (text).")
    try:
        found = fields_of(value)
    except ValueError as error:
        return Problem(shown, line, column, key, str(error))
    markup = markup_problem(value)
    if markup:
        return Problem(shown, line, column, key, markup)
    wanted = fields(key)
    if found != wanted:
        named = ", ".join(f"{{{name}}}" for name in sorted(wanted)) or "no fields"
        return Problem(shown, line, column, key, f"must use the fields of the sentence it replaces: {named}.")
    return None


HTML = re.compile(r"<[A-Za-z/!?]")
LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)")
SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:|//")
ATTRIBUTES = re.compile(r"\{\{\s*[:.#]|\{\{[^}]*=")
REFERENCE = re.compile(r"^\s*\[[^\]]+\]:", re.M)
ONLY = "a message is text, with at most the *emphasis* and [links](page.md) to pages of the site that Huddle's own use"


def markup_problem(sentence: str) -> str | None:
    """What in a message is more than the small Markdown Huddle's own messages use, or None: no HTML, no
    attribute lists, images or link definitions, and links only to pages of the site (or a `{field}`)."""
    if HTML.search(sentence):
        return f"has HTML (<...>); {ONLY}."
    if ATTRIBUTES.search(sentence):
        return f"has {{{{: ... }}}}, which Markdown would read as an element's attributes; {ONLY}."
    if "![" in sentence:
        return f"has an image (![...](...)); {ONLY}."
    if REFERENCE.search(sentence):
        return f"has a link definition ([name]: ...); {ONLY}."
    for target in LINK_TARGET.findall(sentence):
        if SCHEME.match(html.unescape(target).strip().replace("\\", "/")):  # `&#106;avascript:` is javascript:
            return f"links to '{target}'; {ONLY}."
    return None


def fields_of(sentence: str) -> set[str]:
    """The `{fields}` of a sentence; ValueError, as a sentence, for a brace that is not a plain `{name}`."""
    try:
        parsed = list(string.Formatter().parse(sentence))
    except ValueError:
        raise ValueError("has a { or } that is not a {field}; write {{ or }} for a brace.") from None
    found = set()
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            raise ValueError(
                f"has {{{name}{'!' + conversion if conversion else ''}{':' + spec if spec else ''}}}, which Huddle "
                "cannot fill: write a field as {name} alone, or {{ and }} for a brace."
            )
        found.add(name)
    return found
