"""The one allow-list for HTML that authors write: page bodies, case studies, guides and framework Markdown.

Markdown lets an author write raw HTML, and extensions such as `attr_list`
add attributes (`{: onclick=... }`). Whatever they wrote, what reaches a page
is cleaned here (nh3) after Markdown and before the theme: no `script`,
`style`, `meta`, `base`, `iframe`, `object`, `embed` or `form`, no event
handlers, only http, https, mailto and tel links (or relative ones), and
images only from the site itself or as `data:image/...`, so a page makes no
request to another origin. What authors use stays: headings, lists, tables
(with their column alignment), `details`/`summary`, `figure`/`figcaption`,
`img` with alt text, `abbr`, `sup`/`sub`, admonitions, code blocks and the
icons and tabs of Material's Markdown extensions.

What was removed is said, so an author learns why it vanished: `removed()`
compares what went in with what came out, and `located()` finds each removal
in the page's source for its line.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser

import markdown
import nh3
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils.meta import get_data

from .casestudies.frontmatter import body_start
from .scoring.html import Markup
from .sources.reading import line_at

TAGS = (nh3.ALLOWED_TAGS - {"area", "map"}) | {"input", "label", "svg", "path", "video", "audio", "source", "track"}
"""ammonia's safe defaults (no image maps, whose areas are links without text), plus what Material's
Markdown extensions write: `input` and `label` for tabs and task lists, `svg` and `path` for icons; and video
and audio, from the site's own files."""

GLOBAL_ATTRIBUTES = {"class", "id", "title", "lang", "dir", "role", "aria-label", "aria-hidden"}
ATTRIBUTES = {
    tag: GLOBAL_ATTRIBUTES | extra
    for tag, extra in {
        **{tag: set() for tag in TAGS},
        "a": {"href", "name"},
        "img": {"src", "alt", "width", "height", "loading"},
        "video": {"src", "poster", "controls", "width", "height", "preload", "muted", "loop", "playsinline"},
        "audio": {"src", "controls", "preload", "muted", "loop"},
        "source": {"src", "type"},
        "track": {"src", "kind", "srclang", "label", "default"},
        "td": {"colspan", "rowspan", "style"},
        "th": {"colspan", "rowspan", "scope", "style"},
        "ol": {"start", "reversed"},
        "abbr": {"title"},
        "time": {"datetime"},
        "details": {"open"},
        "div": {"data-tabs"},
        "input": {"type", "checked", "disabled", "name"},
        "label": {"for"},
        "svg": {"viewBox", "xmlns", "width", "height", "fill", "aria-hidden", "focusable"},
        "path": {"d", "fill", "fill-rule", "clip-rule"},
    }.items()
}
URL_SCHEMES = {"http", "https", "mailto", "tel", "data"}
"""`data:` is let through here only to be kept for images alone, in `_value`."""

STYLE_PROPERTIES = {"text-align"}
"""The one style an author's HTML keeps: the column alignment Markdown tables write (`| :---: |`)."""

IMAGE_DATA = re.compile(r"data:image/(?:png|jpe?g|gif|webp|avif)[;,]", re.I)
MEDIA = {"img", "video", "audio", "source", "track"}
EXTENSION_IDS = re.compile(r"__(?:tabbed_|codelineno-|code_|span-)")
"""Ids Material's Markdown extensions give tabs and code lines; every other id starting `__` is Material's own
(`__config`, whose settings its script reads from the first element with that id, `__drawer`, `__search`)."""
THEME_CLASSES = {"mermaid"}
"""Classes that make Material's script act: `mermaid` loads a diagram library from a third-party site."""
OWN_IDS = re.compile(r"huddle", re.I)
"""Ids Huddle's pages and scripts use (`huddle-config`, `huddle-earlier-...`): an author's element may not
take one, so no page script can find an author's element in place of its own."""


def _value(tag: str, attribute: str, value: str) -> str | None:
    """The value nh3 keeps, or None to drop the attribute: the rules nh3's options cannot say."""
    # As a browser reads a URL: backslashes are slashes, and tabs and line breaks inside it are dropped.
    url = re.sub(r"[\t\n\r]", "", value).strip().replace("\\", "/")
    if attribute in ("href", "src", "poster") and url.lower().startswith("data:"):
        return value if tag == "img" and IMAGE_DATA.match(url) else None
    if tag in MEDIA and attribute in ("src", "poster") and re.match(r"(?:[a-z][a-z0-9+.-]*:|//)", url, re.I):
        return None  # an image or video from another origin: a request (a tracking pixel) as the page opens
    if tag == "input" and attribute == "type" and value.lower() not in ("checkbox", "radio"):
        return None
    if attribute == "id" and (OWN_IDS.match(value) or (value.startswith("__") and not EXTENSION_IDS.match(value))):
        return None
    if attribute == "class":
        kept = " ".join(name for name in value.split() if name not in THEME_CLASSES)
        return kept or None
    return value


def clean(html: str) -> Markup:
    """`html` with only the allowed elements, attributes and URLs left."""
    return Markup(
        nh3.clean(
            html,
            tags=TAGS,
            attributes=ATTRIBUTES,
            attribute_filter=_value,
            url_schemes=URL_SCHEMES,
            filter_style_properties=STYLE_PROPERTIES,
            link_rel=None,
        )
    )


@dataclass(frozen=True, order=True)
class Removal:
    """An element or attribute the allow-list removed: `tag`, and `attribute` ("" for the whole element)."""

    tag: str
    attribute: str = ""

    def __str__(self) -> str:
        if not self.attribute:
            return f"<{self.tag}> was removed: {REASONS.get(self.tag, 'Huddle does not publish this element')}"
        if self.attribute.startswith("on"):
            why = "an event handler would run script"
        elif self.attribute == "href":
            why = "a link may go to a page of the site or an http, https, mailto or tel address"
        elif self.attribute == "src":
            why = "an image must be a file of the site (another site's image is a request as the page opens)"
        elif self.attribute == "id":
            why = "ids starting 'huddle' or '__' are Huddle's and Material's own, which their scripts look for"
        elif self.attribute == "class":
            why = "the class 'mermaid' makes Material load a diagram library from another site"
        else:
            why = "Huddle does not publish this attribute"
        return f"{self.attribute}= on <{self.tag}> was removed: {why}"

    def said(self, shown: str, line: int | None) -> str:
        """This removal as a warning for the file `shown`, at `line` when known."""
        where = f"{shown}:{line}" if line else shown
        return f"{where}: {self}; docs/authoring.md says what pages may hold."


REASONS = {
    "script": "pages may not run script",
    "style": "pages take their styles from the theme",
    "meta": "a page's head is Huddle's (a refresh would send readers to another site)",
    "base": "it would change where every link goes",
    "link": "a page's head is Huddle's",
    "iframe": "pages may not embed other pages",
    "object": "pages may not embed other content",
    "embed": "pages may not embed other content",
    "form": "a form could send what people type elsewhere",
}


class _Elements(HTMLParser):
    """Every start tag and attribute of an HTML fragment, counted."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: Counter[Removal] = Counter()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found[Removal(tag)] += 1
        for name, _ in attrs:
            self.found[Removal(tag, name)] += 1

    handle_startendtag = handle_starttag


def _elements(html: str) -> Counter[Removal]:
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser.found


_CLEAN_TAG = re.compile(r'<([a-zA-Z][^\s/>]*)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*/?>')
_CLEAN_ATTRIBUTE = re.compile(r'\s+([^\s=>]+)(?:="[^"]*")?')


def _cleaned_elements(html: str) -> Counter[Removal]:
    """_elements for nh3's output, read with a pattern in a tenth of the time: nh3 writes every tag one way
    (attribute values in double quotes with `"` escaped, `<` in text escaped, no comments, no script)."""
    found: Counter[Removal] = Counter()
    for match in _CLEAN_TAG.finditer(html):
        tag = match[1].lower()
        found[Removal(tag)] += 1
        for name in _CLEAN_ATTRIBUTE.findall(match[2]):
            found[Removal(tag, name.lower())] += 1
    return found


def removed(before: str, after: str) -> list[Removal]:
    """What cleaning `before` into `after` (nh3's output) removed: each element, then each attribute of kept
    elements."""
    lost = _elements(before) - _cleaned_elements(after)
    gone = {removal.tag for removal in lost if not removal.attribute}
    elements = sorted(removal for removal in lost.elements() if not removal.attribute)
    attributes = sorted(r for r in lost.elements() if r.attribute and r.tag not in gone)
    return elements + attributes


SAID_PER_PAGE = 20
"""Removals named one by one for a page; the rest are counted in one more line."""


def warnings(shown: str, source: str, before: str, after: str) -> list[str]:
    """A sentence for each element or attribute of `before` that cleaning removed, with its line of `source`
    (the file `shown`) where it can be found."""
    found = removed(before, after)
    said = [removal.said(shown, line) for line, removal in located(source, found[:SAID_PER_PAGE])]
    if len(found) > SAID_PER_PAGE:
        said.append(f"{shown}: and {len(found) - SAID_PER_PAGE} more removals like these; fix those above first.")
    return said


def page_warnings(config: MkDocsConfig, shown: str, source: str) -> list[str]:
    """What cleaning would remove from the page whose Markdown file (`shown`) holds `source`, rendered with the
    site's Markdown extensions as the build renders it: what `huddle check` says without building."""
    body, _ = get_data(source)
    html = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs).convert(body)
    return warnings(shown, source, html, clean(html))


def _written(removal: Removal) -> str:
    """A pattern for where `removal` was written: the element's tag, or the attribute inside the element's tag
    or an attribute list (`{: ... }`), or a Markdown link or image whose address was dropped."""
    tag = rf"<\s*{re.escape(removal.tag)}(?![\w-])"
    if not removal.attribute:
        return tag
    attribute = rf"(?<![\w-]){re.escape(removal.attribute)}\s*="
    ways = [rf"{tag}[^>]*?{attribute}", rf"\{{[^}}\n]*?{attribute}"]
    if (removal.tag, removal.attribute) == ("a", "href"):
        ways.append(r"(?<!!)\[[^\]]*\]\(\s*<?(?!https?:|mailto:|tel:)[a-z][\w+.-]*:")
    if (removal.tag, removal.attribute) == ("img", "src"):
        ways.append(r"!\[[^\]]*\]\(\s*<?(?:[a-z][\w+.-]*:|[/\\]{2})")
    return "|".join(f"(?:{way})" for way in ways)


def located(source: str, removals: list[Removal]) -> list[tuple[int | None, Removal]]:
    """Each removal with the line of `source` it was written on (None when an extension wrote it)."""
    found: list[tuple[int | None, Removal]] = []
    start = body_start(source)
    matches: dict[str, list[int]] = {}  # each pattern's places, found once: a page may hold thousands
    taken: Counter[str] = Counter()
    for removal in removals:
        pattern = _written(removal)
        if pattern not in matches:
            matches[pattern] = [m.start() for m in re.compile(pattern, re.I).finditer(source, start)]
        nth = taken[pattern]
        taken[pattern] += 1
        places = matches[pattern]
        found.append((line_at(source, places[nth]) if nth < len(places) else None, removal))
    return sorted(found, key=lambda pair: pair[0] or 0)
