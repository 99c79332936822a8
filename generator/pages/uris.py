"""Where each generated page lives, and how to write text and links into Markdown."""

from __future__ import annotations

import html
import json
import posixpath
import re

from ..scoring.model import Framework

CASE_STUDIES = "case-studies/"
CASE_STUDY_INDEX = "case-studies/index.md"
OFFLINE_URI = "offline/index.md"
"""The page the service worker shows for a page not kept on this device (`assets/huddle/offline.js` names it)."""
RESERVED = ("case-studies/by-setting/", "case-studies/by-tag/")
"""Folders of generated listing pages, which case studies may not use."""


def assessment_uri(framework: Framework) -> str:
    return f"assessments/{framework.id}/index.md"


def print_uri(framework: Framework) -> str:
    return f"assessments/{framework.id}/print/index.md"


def team_uri(framework: Framework) -> str:
    return f"assessments/{framework.id}/team/index.md"


def organisation_uri(framework: Framework) -> str:
    return f"assessments/{framework.id}/organisation/index.md"


def rater_uri(framework: Framework) -> str:
    return f"assessments/{framework.id}/rater/index.md"


def feedback_uri(framework: Framework) -> str:
    return f"assessments/{framework.id}/360/index.md"


def framework_uri(framework: Framework) -> str:
    return f"frameworks/{framework.id}/index.md"


def competency_uri(framework_id: str, competency_id: str) -> str:
    return f"frameworks/{framework_id}/{competency_id}/index.md"


def setting_uri(setting: str) -> str:
    return f"case-studies/by-setting/{setting}/index.md"


def tag_uri(slug: str) -> str:
    return f"case-studies/by-tag/{slug}/index.md"


def is_case_study(src_uri: str) -> bool:
    """Whether a Markdown file of the docs folder is a case study."""
    return src_uri.startswith(CASE_STUDIES) and src_uri.endswith(".md") and src_uri != CASE_STUDY_INDEX


_NORMAL = frozenset({"", ".", ".."})
"""Parts a normal source URI never has (an empty one is a leading or doubled `/`)."""


def link(from_uri: str, to_uri: str) -> str:
    """A relative link from one page's source to another's.

    Source URIs are already normal (relative, `/`-separated, no `.` or `..`), so the link is worked out from
    their parts: `posixpath.relpath` asks the operating system for the working folder twice per call, which
    was 1.6 s of a 3,000-case-study build's listings."""
    folder, target = from_uri.split("/")[:-1], to_uri.split("/")
    if not _NORMAL.isdisjoint(folder) or not _NORMAL.isdisjoint(target):
        return posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")
    shared = 0
    while shared < min(len(folder), len(target)) and folder[shared] == target[shared]:
        shared += 1
    return "/".join([".."] * (len(folder) - shared) + target[shared:]) or "."


_SPECIAL = re.compile(r"([\\`*_\[\]#])")
_ENTITIES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "&#124;", "{": "&#123;", "}": "&#125;"})


def text(value: str) -> str:
    """Plain text made safe to put inline in Markdown (tables too): one line, specials escaped.

    HTML is escaped, Markdown's link, emphasis and code syntax is backslashed,
    and braces become entities so `attr_list` never reads `{: onclick=... }`.
    """
    value = _SPECIAL.sub(r"\\\1", " ".join(value.split()))
    return value.translate(_ENTITIES)


def markdown_link(label: str, target: str) -> str:
    """A Markdown link whose label is plain text (a title, or a message of `scoring/strings.py`)."""
    return f"[{text(label)}]({target})"


def heading(level: int, title: str) -> str:
    """A Markdown heading of plain text."""
    return f"{'#' * level} {text(title)}"


def table_head(*titles: str) -> list[str]:
    """The first two lines of a Markdown table, with these column titles (plain text)."""
    return ["| " + " | ".join(text(title) for title in titles) + " |", "|" + " --- |" * len(titles)]


PLAIN_META = ("title", "description", "subtitle", "author")
"""Front-matter values Material prints as HTML (in <title>, the header, a meta tag, the search index)."""


def escape_meta(meta: dict) -> None:
    """Escape, in place, the plain-text front-matter values Material would print as HTML: titles, tags."""
    for key in PLAIN_META:
        if isinstance(meta.get(key), str):
            meta[key] = html.escape(meta[key])
    if isinstance(meta.get("tags"), list):
        meta["tags"] = [html.escape(tag) if isinstance(tag, str) else tag for tag in meta["tags"]]


SEARCH_INTRO_ONLY = {"boost": 0.5}
"""Material's search settings for pages that score (assessment, team, rater, 360): found by their introduction,
whose questions and results are marked `data-search-exclude`, and ranked below the case studies' own words."""


def front_matter(**values: object) -> str:
    """A YAML front matter block (values are written as JSON, which YAML reads as is)."""
    lines = [f"{key}: {json.dumps(value)}" for key, value in values.items()]
    return "\n".join(["---", *lines, "---", ""])
