"""site.yml's text fields, shown as text: Material prints them into its HTML as they are.

`site_name` is printed in every page's header, navigation and `<title>`,
`site_description` and `site_author` in a `<meta>` tag's attribute,
`repo_name` in the header and `copyright` in the footer, none of them escaped
by Material's templates; so are the labels of site.yml's `nav:`. They are text to Huddle: each is escaped here, once,
as Markup, which Jinja's `| e` (used in a few of those places) leaves alone.
Huddle reads the plain values before this (the branding's name falls back
to `site_name`), and its own pages escape them where they show them.
"""

from __future__ import annotations

from collections.abc import Iterator

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig

TEXT_FIELDS = ("site_name", "site_description", "site_author", "copyright", "repo_name")


def nav_items(items: list) -> Iterator:
    """Every section, page and link of a navigation, depth first."""
    for item in items:
        yield item
        yield from nav_items(getattr(item, "children", None) or [])


def escape_nav_titles(items: list) -> None:
    """Escape, in place and once, the labels site.yml's `nav:` gives sections, links and pages (a page's own
    title, from its front matter or first heading, is escaped already and is left alone)."""
    for item in nav_items(items):
        given = item.__dict__.get("title") if item.is_page else item.title
        if isinstance(given, str) and not isinstance(given, Markup):
            item.title = Markup.escape(given)


def escape_text_fields(config: MkDocsConfig) -> None:
    """Escape, in place and once, each of site.yml's text fields that Material prints as HTML."""
    for key in TEXT_FIELDS:
        value = config.get(key)
        if isinstance(value, str) and not isinstance(value, Markup):
            config[key] = Markup.escape(value)
