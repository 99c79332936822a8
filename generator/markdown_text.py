"""Markdown written in framework files, rendered for the page it appears on.

A framework's description, a competency's `develop` and a band's `summary`
are Markdown, shown on several generated pages and in the results view. They
are rendered here, once per place, with the site's own Markdown extensions;
a relative link in them is written from the docs folder (`case-studies/
ward-huddles.md`) and comes out as a URL relative to the page showing it. A
link to no page of the site is logged as a warning, which `--strict` makes an
error, as MkDocs does for links in pages.

What comes out is cleaned with the allow-list every author's HTML goes through
(`author_html.py`), so a framework file cannot put active content on a page or
in the results view, whatever the site's Content Security Policy.
"""

from __future__ import annotations

import logging
import posixpath
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.utils import get_relative_url

from . import author_html
from .scoring.html import Markup

log = logging.getLogger("mkdocs.plugins.huddle")


class MarkdownText:
    """Renders author Markdown for one site: `text(markdown, page_uri, where)`."""

    def __init__(self, config: MkDocsConfig, files: Files) -> None:
        self.config = config
        self.files = files
        self.warned: set[tuple[str, str]] = set()
        """(field, link) pairs already warned about: the same text is rendered for several pages."""

    def __call__(self, source: str, page_uri: str, where: str) -> Markup:
        """`source` as HTML for the page at `page_uri`; `where` names the field in warnings."""
        if not source.strip():
            return Markup("")
        page = self.files.get_file_from_path(page_uri)
        page_url = page.url if page is not None else page_uri
        links = _DocsLinks(self.files, page_url, where, self.warned)
        renderer = markdown.Markdown(
            extensions=[*self.config.markdown_extensions, _Extension(links)],
            extension_configs=self.config.mdx_configs,
        )
        return author_html.clean(renderer.convert(source))


class _DocsLinks(Treeprocessor):
    def __init__(self, files: Files, page_url: str, where: str, warned: set[tuple[str, str]]) -> None:
        super().__init__()
        self.files = files
        self.page_url = page_url
        self.where = where
        self.warned = warned

    def run(self, root: ET.Element) -> None:
        for element in root.iter():
            key = {"a": "href", "img": "src"}.get(element.tag)
            url = element.get(key) if key else None
            if key and url:
                element.set(key, self.resolve(url))

    def resolve(self, url: str) -> str:
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or url.startswith(("/", "#")) or not parts.path:
            return url
        target = self.files.get_file_from_path(posixpath.normpath(parts.path))
        if target is None:
            if (self.where, parts.path) in self.warned:
                return url
            self.warned.add((self.where, parts.path))
            log.warning(
                "%s links to '%s', which is not a page or file of this site; links in framework text are "
                "written from the docs folder, such as 'case-studies/ward-huddles.md'.",
                self.where,
                parts.path,
            )
            return url
        fragment = f"#{parts.fragment}" if parts.fragment else ""
        return get_relative_url(target.url, self.page_url) + fragment


class _Extension(Extension):
    def __init__(self, links: _DocsLinks) -> None:
        super().__init__()
        self.links = links

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        # After MkDocs-independent inline processing, before serialising (priority below 'inline').
        md.treeprocessors.register(self.links, "huddle_docs_links", 5)
