"""SVG images an author puts in the docs folder: published unchanged when nothing in them can run or fetch.

An SVG is a document, not only a picture: opened by itself (a link to it, or
a host that sends no Content Security Policy) its `<script>`, its event
handlers and an XHTML element inside a `foreignObject` run with the site's
storage. A logo or a diagram needs none of that, so an SVG is checked against
an allow-list of drawing elements and attributes and refused, with the line of
the first thing that is not allowed, rather than silently changed: the file a
site publishes is the file its author made. Editors' own namespaces (Inkscape,
Sodipodi, RDF metadata) are inert and kept.
"""

from __future__ import annotations

import re
from xml.parsers import expat

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
INERT = {
    "http://www.inkscape.org/namespaces/inkscape",
    "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "http://creativecommons.org/ns#",
    "http://purl.org/dc/elements/1.1/",
    "http://ns.adobe.com/AdobeIllustrator/10.0/",
    "http://ns.adobe.com/Extensibility/1.0/",
    "http://ns.adobe.com/Graphs/1.0/",
    "http://ns.adobe.com/SaveForWeb/1.0/",
    "http://ns.adobe.com/Variables/1.0/",
    "http://ns.adobe.com/xap/1.0/",
    "http://www.bohemiancoding.com/sketch/ns",
}
"""Namespaces of drawing programs' own notes: a browser shows and runs nothing of them."""

DRAWING = {
    "svg", "g", "defs", "title", "desc", "metadata", "symbol", "use", "switch", "view",
    "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "marker",
    "text", "tspan", "textPath",
    "linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "filter", "image", "style",
    "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feConvolveMatrix", "feDiffuseLighting",
    "feDisplacementMap", "feDistantLight", "feDropShadow", "feFlood", "feFuncA", "feFuncB", "feFuncG", "feFuncR",
    "feGaussianBlur", "feMerge", "feMergeNode", "feMorphology", "feOffset", "fePointLight",
    "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence",
}  # fmt: skip
"""SVG's drawing elements. Left out: `script`, `foreignObject` (HTML inside), `a` (a link), `feImage`, and the
animation elements (`set` and `animate` can turn an attribute into a `javascript:` link)."""

IMAGE_DATA = re.compile(r"data:image/(?:png|jpe?g|gif|webp|avif);", re.I)
STYLE_REFUSED = re.compile(
    r"\\|@|image-set\(|image\(|cross-fade\(|element\(|expression\(|javascript:|behavior\s*:|-moz-binding", re.I
)


class _Refused(Exception):
    def __init__(self, line: int, what: str) -> None:
        super().__init__(what)
        self.line = line
        self.what = what


def problem(data: bytes) -> tuple[int, str] | None:
    """(line, what is wrong) for the first thing in an SVG that could run or fetch, or None when it is safe."""
    parser = expat.ParserCreate(namespace_separator=" ")
    stack: list[str] = []
    style: list[str] = []  # a <style>'s text, which expat may hand over in pieces

    def refuse(what: str) -> None:
        raise _Refused(parser.CurrentLineNumber, what)

    def start(name: str, attributes: dict[str, str]) -> None:
        namespace, _, local = name.rpartition(" ")
        if namespace in INERT:
            stack.append(local)
            return
        if namespace not in (SVG, ""):  # no namespace: plain XML, checked as SVG all the same
            refuse(f"has an element <{local}> from {_namespace(namespace)}, which is not a drawing")
        if local not in DRAWING:
            refuse(f"has a <{local}> element, which could run script or fetch from elsewhere")
        for key, value in attributes.items():
            _attribute(local, key.rpartition(" ")[2], key.rpartition(" ")[0], value, refuse)
        stack.append(local)

    def text(data: str) -> None:
        if stack and stack[-1] == "style":
            style.append(data)

    def end(name: str) -> None:
        if stack.pop() == "style":
            _style("".join(style), refuse)
            style.clear()

    def doctype(*_) -> None:
        refuse("has a DOCTYPE, which can declare entities; remove the <!DOCTYPE ...> line")

    def instruction(target: str, data: str) -> None:
        if target.lower() != "xml":
            refuse(f"has a processing instruction <?{target} ...?>, such as a stylesheet from elsewhere")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.StartDoctypeDeclHandler = doctype
    parser.ProcessingInstructionHandler = instruction
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    try:
        parser.Parse(data, True)
    except _Refused as refused:
        return refused.line, refused.what
    except expat.ExpatError as error:
        return error.lineno, f"cannot be read as SVG ({expat.ErrorString(error.code)})"
    return None


def _namespace(namespace: str) -> str:
    return f"the namespace {namespace}" if namespace else "no namespace"


def _attribute(element: str, name: str, namespace: str, value: str, refuse) -> None:
    if name.lower().startswith("on"):
        refuse(f"has an event handler {name}= on <{element}>, which would run script")
    if namespace and namespace not in (XLINK, *INERT) and namespace != "http://www.w3.org/XML/1998/namespace":
        refuse(f"has an attribute {name}= from {_namespace(namespace)} on <{element}>")
    if name == "href":
        if element == "image" and IMAGE_DATA.match(value.strip()):
            return
        if not value.strip().startswith("#"):
            refuse(f'has <{element} href="{value[:60]}">, a reference to another file; only #ids inside it')
    if name == "style" or "url(" in value.lower() or "javascript:" in value.lower():
        _style(value, refuse)


def _style(css: str, refuse) -> None:
    """A stylesheet or style attribute that can only refer to #ids of the drawing. CSS escapes (`\\75rl(`)
    and at-rules (`@import`) are refused outright, so what is checked is what a browser reads."""
    if STYLE_REFUSED.search(css):
        refuse("has a style with an escape, an at-rule or a function that fetches, imports or runs something")
    for target in re.findall(r"url\(([^)]*)\)", css, re.I):
        cleaned = target.strip().strip("'\"").strip()
        if not cleaned.startswith("#"):
            refuse(f"has a style with url({target[:60]}), a reference to another file; only #ids inside it")
