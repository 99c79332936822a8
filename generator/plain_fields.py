"""site.yml's text fields, shown as text: Material prints them into its HTML as they are.

`site_name` is printed in every page's header, navigation and `<title>`,
`site_description` and `site_author` in a `<meta>` tag's attribute,
`repo_name` in the header and `copyright` in the footer, none of them escaped
by Material's templates. They are text to Huddle: each is escaped here, once,
as Markup, which Jinja's `| e` (used in a few of those places) leaves alone.
Huddle reads the plain values before this (the branding's name falls back
to `site_name`), and its own pages escape them where they show them.
"""

from __future__ import annotations

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig

TEXT_FIELDS = ("site_name", "site_description", "site_author", "copyright", "repo_name")


def escape_text_fields(config: MkDocsConfig) -> None:
    """Escape, in place and once, each of site.yml's text fields that Material prints as HTML."""
    for key in TEXT_FIELDS:
        value = config.get(key)
        if isinstance(value, str) and not isinstance(value, Markup):
            config[key] = Markup.escape(value)
