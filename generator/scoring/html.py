"""A small HTML builder that escapes by default.

`h("td", {"class": "score"}, text)` escapes `text` and every attribute value;
only `Markup` passes through as is, and the only Markup made from outside
this module is HTML the build rendered from an author's Markdown. Standard
library only (runs in Pyodide).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping

VOID = frozenset({"area", "br", "col", "hr", "img", "input", "link", "meta", "source", "wbr"})


class Markup(str):
    """Text that is already HTML, so it is not escaped again."""

    __slots__ = ()


def escape(value: object) -> Markup:
    """`value` as HTML text: Markup stays as it is, anything else is escaped."""
    if isinstance(value, Markup):
        return value
    return Markup(html.escape(str(value), quote=True))


def attributes(attrs: Mapping[str, object] | None) -> str:
    """Attributes as HTML: True gives a bare attribute, None and False leave it out."""
    out = []
    for name, value in (attrs or {}).items():
        if value is None or value is False:
            continue
        out.append(f" {name}" if value is True else f' {name}="{escape(value)}"')
    return "".join(out)


def h(tag: str, attrs: Mapping[str, object] | None = None, *children: object) -> Markup:
    """An element with escaped attributes and children (strings, numbers, Markup, lists of them, None)."""
    opening = f"<{tag}{attributes(attrs)}>"
    if tag in VOID:
        return Markup(opening)
    return Markup(f"{opening}{join(children)}</{tag}>")


def join(children: Iterable[object], separator: str = "") -> Markup:
    """Children as HTML, escaped unless Markup, nested lists flattened and None left out."""
    parts = []
    for child in children:
        if child is None:
            continue
        if isinstance(child, list | tuple):
            parts.append(join(child))
        else:
            parts.append(escape(child))
    return Markup(separator.join(parts))
