"""Checks of a built site's files that need no browser: links and anchors between its pages, images'
text alternatives, and a security policy on every page."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .findings import Finding

SKIPPED = ("pyodide/", "assets/", "search/", "schemas/")
"""Folders of files the site serves that are not pages a person reads."""


def base_path(site: Path) -> str:
    """The path the site is built to be served at, such as `/leadership/` (`/` unless `site_url` has one), from
    the addresses in its sitemap: the 404 page's links start from it."""
    try:
        sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    except OSError:
        return "/"
    # Every page's folder: what they share is the site's own (the home page's) folder.
    folders = [posixpath.dirname(unquote(urlsplit(loc).path)) for loc in re.findall(r"<loc>\s*([^<\s]+)", sitemap)]
    folders = [folder for folder in folders if folder.startswith("/")]
    shared = posixpath.commonpath(folders) if folders else "/"
    return shared.rstrip("/") + "/"


def html_pages(site: Path) -> list[str]:
    """Every HTML page of the built site, as the path it is served at (`""` for the home page,
    `case-studies/` for `case-studies/index.html`, `404.html`)."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        if relative.startswith(SKIPPED) or any(part.startswith(".") for part in path.relative_to(site).parts):
            continue
        pages.append(relative.removesuffix("index.html"))
    return sorted(pages, key=lambda page: (page.count("/"), page))


@dataclass
class _Page(HTMLParser):
    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, str]] = field(default_factory=list)
    """(tag, address) of every link and image the page holds."""
    images: list[str] = field(default_factory=list)
    """The `src` of each image with no `alt` attribute."""
    policy: bool = False

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name in ("id", "name") if tag == "a" else ("id",):
            if values.get(name):
                self.ids.add(values[name])
        if tag == "a" and "href" in values:
            self.links.append((tag, values["href"]))
        elif tag == "img":
            self.links.append((tag, values.get("src", "")))
            if "alt" not in values:
                self.images.append(values.get("src", ""))
        elif tag == "meta" and values.get("http-equiv", "").lower() == "content-security-policy":
            self.policy = True


def _read(site: Path, page: str) -> _Page:
    parsed = _Page()
    file = site / (page + "index.html" if page == "" or page.endswith("/") else page)
    parsed.feed(file.read_text(encoding="utf-8", errors="replace"))
    return parsed


def _target(site: Path, page: str, address: str, base: str = "/") -> tuple[Path, str] | None:
    """The file an internal `address` on `page` points to and its fragment; None for another site's, an
    email address and the like. `base`: the path the site is served at (an address from `/` starts there)."""
    parts = urlsplit(address)
    if parts.scheme or parts.netloc or address.startswith("//"):
        return None
    folder = posixpath.dirname(page) if not page.endswith("/") else page.rstrip("/")
    path = unquote(parts.path)
    if not path:
        joined = page
    elif path.startswith(base):
        joined = path[len(base) :]
    elif path.startswith("/"):
        return site / "..", parts.fragment  # outside the site's own folder on its host
    else:
        joined = posixpath.normpath(posixpath.join(folder, path)) + ("/" if path.endswith("/") else "")
        joined = "" if joined in (".", "./") else joined
    if joined.startswith(".."):
        return site / "..", parts.fragment  # out of the site: never a file of it
    file = site / joined
    if joined == "" or joined.endswith("/") or file.is_dir():
        file = file / "index.html"
    return file, unquote(parts.fragment)


def _served(site: Path, file: Path) -> str:
    """The path a page's file is served at, as `html_pages` gives it."""
    return file.relative_to(site).as_posix().removesuffix("index.html")


def static_findings(site: Path, pages: list[str], headers_for: Callable[[str], dict[str, str]]) -> Iterator[Finding]:
    """Broken internal links and anchors, images with no text alternative, and pages with no security
    policy, from the files alone."""
    read: dict[str, _Page] = {}
    base = base_path(site)

    def parsed_page(page: str) -> _Page:
        if page not in read:
            read[page] = _read(site, page)
        return read[page]

    for page in pages:
        parsed = parsed_page(page)
        for tag, address in parsed.links:
            target = _target(site, page, address, base)
            if target is None:
                continue
            file, fragment = target
            if not file.resolve().is_relative_to(site.resolve()) or not file.is_file():
                yield Finding(
                    "links", page, "broken-link", f"<{tag}> goes to {address!r}, which the site does not have."
                )
                continue
            if fragment and file.suffix == ".html" and fragment not in parsed_page(_served(site, file)).ids:
                yield Finding(
                    "links", page, "broken-anchor", f"link {address!r}: the page has no element with id {fragment!r}."
                )
        for source in parsed.images:
            yield Finding(
                "links", page, "image-alt", f'image {source!r} has no alt attribute (alt="" if it is decoration).'
            )
        served = "/" + page
        sent = {name.lower() for name in headers_for(served)}
        if not parsed.policy and "content-security-policy" not in sent:
            yield Finding(
                "csp", page, "no-policy", "the page has no Content-Security-Policy (neither a <meta> tag nor a header)."
            )
