"""Which files of the docs folder a site may publish: pages, and files that cannot run.

A file in `content/` is copied into the site as it is and served from the
site's own origin, so a `.js` file there would be a script the Content
Security Policy allows, and an `.html` or `.svg` file a page of its own,
without the policy on a host that sends no headers. Only kinds of file that
cannot run are published: images (SVG only when `svg.py` finds nothing in it
that runs or fetches), PDFs, office documents, text, CSV, audio and video.
Hidden files (a name starting with a dot: `.env`, `.git`) never are. A file's
name, which becomes part of a URL in the theme's HTML, may not hold quotes or
angle brackets.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import page_limits, svg
from .errors import Problem

KINDS = {
    "images": ("png", "jpg", "jpeg", "gif", "webp", "avif", "ico", "svg"),
    "PDFs": ("pdf",),
    "office documents": ("docx", "xlsx", "pptx", "odt"),
    "text and CSV": ("txt", "csv"),
    "audio and video": ("mp3", "mp4", "webm"),
}
PUBLISHED = {suffix for suffixes in KINDS.values() for suffix in suffixes}
LISTED = "; ".join(f"{kind} ({', '.join('.' + s for s in suffixes)})" for kind, suffixes in KINDS.items())
WHY = {
    "js": "a script there would run on every page",
    "mjs": "a script there would run on every page",
    "html": "an HTML file would be a page of its own, without Huddle's protections",
    "htm": "an HTML file would be a page of its own, without Huddle's protections",
    "xhtml": "an HTML file would be a page of its own, without Huddle's protections",
    "css": "the theme and the branding settings give a site its styles",
}
SIGNATURES = {
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "ico": (b"\x00\x00\x01\x00",),
    "pdf": (b"%PDF-",),
    "docx": (b"PK\x03\x04",),
    "xlsx": (b"PK\x03\x04",),
    "pptx": (b"PK\x03\x04",),
    "odt": (b"PK\x03\x04",),
    "webm": (b"\x1a\x45\xdf\xa3",),
}
"""How each kind of file starts. None of these beginnings is valid JavaScript, so a file that has one cannot
also be run as a script (on a host that sends no `nosniff`, a browser may run a `.pdf` a page names as one)."""

UNSAFE_NAME = re.compile(r"[\"'<>`&{}\\\x00-\x1f\x7f]")
"""Characters a file name may not hold: it reaches the theme's HTML as part of a URL."""


def refusal(path: Path, relative: str, is_page: bool, shown: str) -> Problem | None:
    """Why the docs folder's file at `path` (`relative` to the docs folder, `shown` to authors) may not be
    published, or None."""
    found = _problem(path, relative, is_page)
    return Problem(shown, found[0], 0, "", found[1]) if found else None


def _problem(path: Path, relative: str, is_page: bool) -> tuple[int, str] | None:
    """The line (0: the whole file) and the sentence of what is wrong, or None."""
    parts = relative.split("/")
    hidden = next((part for part in parts if part.startswith(".")), None)
    if hidden:
        return 0, (
            f"is a hidden file (its name, or its folder's, '{hidden}', starts with a dot), which Huddle never "
            "publishes; delete it or move it out of the docs folder."
        )
    if UNSAFE_NAME.search(relative):
        return 0, "has quotes, angle brackets, an ampersand, a backtick or a brace in its name; rename it."
    if is_page:
        return page_limits.problem(path.read_text(encoding="utf-8", errors="replace"))
    suffix = path.suffix.lower().removeprefix(".")
    if suffix not in PUBLISHED:
        why = WHY.get(suffix, "Huddle publishes only files that cannot run")
        return 0, (
            f"is a .{suffix or '(no extension)'} file, which Huddle does not publish ({why}); delete it or move it "
            f"out of the docs folder. Huddle publishes pages (.md) and {LISTED}."
        )
    if suffix in SIGNATURES and not path.read_bytes()[:16].startswith(SIGNATURES[suffix]):
        return 0, f"is not a .{suffix} file inside (it does not start as one does); export it again from its program."
    if suffix == "svg":
        found = svg.problem(path.read_bytes())
        if found:
            line, what = found
            return line, (
                f"this SVG {what}, so Huddle will not publish it; save it again as a plain drawing "
                "(in Inkscape, 'Plain SVG' or 'Optimized SVG'), or use a PNG."
            )
    return None
