"""What site.yml may say to Material, beyond the huddle plugin's own options: an allow-list.

MkDocs renders Material's templates with no autoescaping, so every setting
Material prints (a URL in a `<link>`, an `extra` value in an attribute, a
palette's media query) reaches the HTML as written, and some settings add a
script (`extra.polyfills`, `extra_javascript`, `extra.analytics`) or a
stylesheet (`extra_css`). Rather than escape each in its own place, the
settings a site may give are checked here, once, when the config is loaded:
URLs are http or https with nothing that could end an attribute, names and
keywords are plain, and `extra` holds only `generator`, `homepage` and
`social`. The text fields Material prints are escaped by `plain_fields.py`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from . import branding, theming
from .config import KeyLines
from .sources.published import UNSAFE_NAME

WEB_URL = re.compile(r"https?://[^\s\"'<>`\\]+")
LINK_URL = re.compile(r"(?:https?://|mailto:)[^\s\"'<>`\\]+")
RELATIVE = re.compile(r"(?![a-z][a-z0-9+.-]*:|//|/|\\)[^\s\"'<>`\\]*", re.I)
KEYWORD = re.compile(r"[a-z0-9_-]+(?:/[a-z0-9_-]+)*", re.I)
MEDIA = re.compile(r"[^\"'<>`\\{}]*")
EXTRA = ("generator", "homepage", "social")
"""The `extra` settings a site may give: Material's "Made with" line, where the logo links, footer icons."""


def check(config: MkDocsConfig) -> None:
    """A PluginError naming each setting of site.yml that Material would print as HTML or turn into a script."""
    lines = KeyLines(Path(config.config_file_path))
    problems: list[str] = []

    def refuse(path: tuple[str, ...], what: str) -> None:
        problems.append(f"{lines.where('.'.join(path), *path)}: {what}")

    for key, pattern in (("site_url", WEB_URL), ("repo_url", WEB_URL)):
        if config.get(key) and not pattern.fullmatch(str(config[key])):
            refuse((key,), f"'{config[key]}' must be an http or https address with no quotes or angle brackets.")
    if (
        config.get("edit_uri")
        and not RELATIVE.fullmatch(str(config.edit_uri))
        and not WEB_URL.fullmatch(str(config.edit_uri))
    ):
        refuse(("edit_uri",), f"'{config.edit_uri}' must be a path or an https address with no quotes.")
    own = {theming.STYLESHEET, branding.STYLESHEET}
    for sheet in config.extra_css:
        if str(sheet) not in own:
            refuse(("extra_css",), f"'{sheet}': a site takes its look from the theme and the branding settings.")
    _extra(config.extra, refuse)
    _theme(config.theme, refuse)
    if problems:
        raise PluginError(
            "site.yml has settings Huddle will not publish (docs/authoring.md says why):\n" + "\n".join(problems)
        )


def _extra(extra: Mapping[str, Any], refuse) -> None:
    for key, value in extra.items():
        if key not in EXTRA:
            why = {
                "polyfills": "it adds a script to every page",
                "analytics": "it adds a third party's script to every page",
                "consent": "it is for analytics, which Huddle never adds",
                "scope": "Huddle's pages keep their own scope",
            }.get(key, "Huddle does not publish it")
            refuse(("extra", key), f"is not a setting a Huddle site may give ({why}); remove it.")
        elif key == "generator" and not isinstance(value, bool):
            refuse(("extra", key), "must be true or false.")
        elif key == "homepage" and not (WEB_URL.fullmatch(str(value)) or RELATIVE.fullmatch(str(value))):
            refuse(("extra", key), f"'{value}' must be a page of the site or an https address with no quotes.")
        elif key == "social":
            for link in value if isinstance(value, list) else [value]:
                if not isinstance(link, dict) or not LINK_URL.fullmatch(str(link.get("link", ""))):
                    refuse(("extra", key), f"{link!r}: each needs a `link`, an https or mailto address.")
                elif not KEYWORD.fullmatch(str(link.get("icon", "material/link"))):
                    refuse(("extra", key), f"'{link.get('icon')}' is not the name of one of Material's icons.")
                elif isinstance(link.get("name"), str):
                    link["name"] = Markup.escape(link["name"])


def _theme(theme, refuse) -> None:
    for key in ("logo", "favicon"):
        value = theme.get(key)
        if value and (UNSAFE_NAME.search(str(value)) or not RELATIVE.fullmatch(str(value)) or ".." in str(value)):
            refuse(("theme", key), f"'{value}' must be an image in the docs folder with a plain name (branding.{key}).")
    if theme.get("direction") not in (None, "ltr", "rtl"):
        refuse(("theme", "direction"), "must be ltr or rtl.")
    if not KEYWORD.fullmatch(str(theme.get("language") or "en")):
        refuse(("theme", "language"), "must be a language code, such as en.")
    for name in _icon_names(theme.get("icon") or {}):
        if not KEYWORD.fullmatch(name):
            refuse(("theme", "icon"), f"'{name}' is not the name of one of Material's icons.")
    palette = theme.get("palette") or []
    for scheme in palette if isinstance(palette, list) else [palette]:
        if not isinstance(scheme, dict):
            continue
        for key in ("scheme", "primary", "accent"):
            if key in scheme and not KEYWORD.fullmatch(str(scheme[key])):
                refuse(("theme", "palette", key), f"'{scheme[key]}' must be a plain name, such as slate.")
        if "media" in scheme and not MEDIA.fullmatch(str(scheme["media"])):
            refuse(("theme", "palette", "media"), f"'{scheme['media']}' must be a media query with no quotes.")
        toggle = scheme.get("toggle")
        if isinstance(toggle, dict):
            if not KEYWORD.fullmatch(str(toggle.get("icon", "material/brightness-7"))):
                refuse(("theme", "palette", "toggle", "icon"), f"'{toggle.get('icon')}' is not an icon's name.")
            if isinstance(toggle.get("name"), str):
                toggle["name"] = Markup.escape(toggle["name"])


def _icon_names(icons: object) -> list[str]:
    if isinstance(icons, dict):
        return [name for value in icons.values() for name in _icon_names(value)]
    return [str(icons)]


def nav_link_problem(url: str) -> str | None:
    """Why a link written in site.yml's `nav:` may not be published, or None."""
    if LINK_URL.fullmatch(url) or RELATIVE.fullmatch(url):
        return None
    return f"the nav link '{url}' must be an https or mailto address, or a page of the site, with no quotes."
