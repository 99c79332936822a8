"""Front matter an author's page may not have: keys that choose what the theme runs, titles that are not text.

Material reads a page's front matter to choose its template (the redirect
template puts `location` into an inline script) and prints `title`,
`description` and `author` as HTML; Huddle's own pages set `huddle_` keys. An
author's page may set none of these but plain text, which
`pages.uris.escape_meta` then escapes.
"""

from __future__ import annotations

import re

from ..pages.uris import PLAIN_META

THEME_KEYS = ("template", "location")
"""Front-matter keys that choose what the theme runs: a template (Material's redirect page puts `location` into
an inline script), which only Huddle's own pages may set, like every `huddle_` key."""
ICON = re.compile(r"[a-z0-9_-]+(?:/[a-z0-9_-]+)*")


def refused_meta(meta: dict) -> str | None:
    """Why an author's page may not have this front matter, or None: a key only Huddle's pages set, a title
    that is not text, an icon that is not an icon's name."""
    for key in meta:
        if key in THEME_KEYS or str(key).startswith("huddle_"):
            return f"front matter '{key}' chooses what the theme runs, which only Huddle's own pages may; remove it."
    for key in PLAIN_META:
        if key in meta and not isinstance(meta[key], str):
            return f"front matter '{key}' must be text, such as {key}: \"...\"; got {type(meta[key]).__name__}."
    icon = meta.get("icon")
    if icon is not None and not (isinstance(icon, str) and ICON.fullmatch(icon)):
        return (
            f"front matter 'icon' must be the name of one of Material's icons, such as material/account; got {icon!r}."
        )
    return None
