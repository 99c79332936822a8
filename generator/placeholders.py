"""Placeholders in a site's pages: `{{ branding.name }}` filled from site.yml, `{{ todo: ... }}` for the author.

A privacy notice or an accessibility statement names the organisation, its
contacts and how long it keeps logs. Pages write those as
`{{ branding.<key> }}` (or `{{ site_url }}`), and the build fills them from the
huddle plugin's `branding` block, so they are set once, in site.yml. The
anonymity thresholds a privacy notice promises are `{{ thresholds.team }}`,
`{{ thresholds.group }}` and `{{ thresholds.rater }}`, the site's own. What only
the author can say (the result of their own accessibility testing, say) is
written `{{ todo: what to write }}`. A placeholder with no value, and every
todo, is shown in the page in square brackets and is a `huddle check` warning
with its file and line; an unknown key stops the build.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from mkdocs.structure.files import Files

from .casestudies.frontmatter import body_start
from .pages.uris import text
from .sources.errors import Problem
from .sources.reading import line_at, shown_path

TOKEN = re.compile(r"\{\{\s*(?:todo:\s*(?P<todo>.*?)|(?P<key>[A-Za-z_][\w.]*))\s*\}\}", re.S)

FILLED_BY = {
    "branding.name": "organisation name",
    "branding.contact_email": "email address",
    "branding.contact_phone": "phone number",
    "branding.privacy_contact": "privacy email address",
    "branding.dpo": "data protection officer and how to reach them",
    "branding.retention": "how long the server logs are kept",
    "site_url": "website address",
    "thresholds.team": "the fewest codes a team or board profile is shown from",
    "thresholds.group": "the fewest codes each group needs to be compared",
    "thresholds.rater": "the fewest raters a 360 group is shown from",
    "audit.summary": "how this website was tested: run huddle audit site, then build again",
}
"""Every key a page may name, with what it stands for (shown in brackets while it has no value)."""

LINKED = {"branding.contact_email": "mailto:", "branding.privacy_contact": "mailto:", "site_url": ""}
"""Keys whose values are shown as links, with the scheme their address takes."""

AUDIT_REPORT = "audit/report.json"
"""Where `huddle audit` writes its report, beside site.yml: `{{ audit.summary }}` is its summary paragraph."""

SETTINGS = {
    "site_url": "set `site_url` in site.yml",
    "thresholds.team": "set `team_threshold` in the huddle plugin's options in site.yml",
    "thresholds.group": "set `group_threshold` in the huddle plugin's options in site.yml",
    "thresholds.rater": "set `rater_threshold` in the huddle plugin's options in site.yml",
    "audit.summary": f"run `huddle audit site` after a build, which writes {AUDIT_REPORT} beside site.yml, then build "
    "again",
}
"""What gives a value to the keys that are not in the `branding` block."""


@dataclass(frozen=True)
class Placeholder:
    """A placeholder in a page: where, which key (or the todo's text), and whether it is known."""

    path: str
    line: int
    key: str
    todo: str

    def __str__(self) -> str:
        if self.todo:
            said = " ".join(self.todo.split())
            where = f"{self.path}:{self.line}"
            return f'{where}: to write yourself: "{said}"; replace this {{{{ todo: ... }}}} with your words.'
        if self.key in SETTINGS:
            setting = SETTINGS[self.key]
        else:
            setting = f"set `{self.key.removeprefix('branding.')}` in the huddle plugin's `branding` block in site.yml"
        return f"{self.path}:{self.line}: {{{{ {self.key} }}}} has no value; {setting}."


def values(options, name: str, site_url: str | None, root: Path) -> dict[str, str]:
    """The value of each key ("" when not set): from the plugin's validated options (its `branding` block and
    thresholds), the organisation's `name` (which defaults to the site's), site.yml's `site_url`, and the
    summary of the last `huddle audit` report in `root` (site.yml's folder)."""
    branding = options.branding
    found = {key: getattr(branding, key.split(".", 1)[1]) or "" for key in FILLED_BY if key.startswith("branding.")}
    found["branding.name"] = name
    found["site_url"] = site_url or ""
    for key in ("team", "group", "rater"):
        found[f"thresholds.{key}"] = str(getattr(options, f"{key}_threshold"))
    found["audit.summary"] = audit_summary(root / AUDIT_REPORT)
    return found


def audit_summary(report: Path) -> str:
    """The "How we tested this website" paragraph of `huddle audit`'s report; "" when there is none (or it
    is not one: the placeholder then stays in brackets, and `huddle check` says so)."""
    try:
        summary = json.loads(report.read_text(encoding="utf-8")).get("summary", "")
    except (OSError, ValueError, AttributeError):
        return ""
    return summary if isinstance(summary, str) else ""


def pages(files: Files, root: Path) -> list[tuple[str, Path]]:
    """The site's Markdown pages as (path shown to authors, path)."""
    found = [Path(file.abs_src_path) for file in files.documentation_pages() if file.abs_src_path]
    return [(shown_path(path, root), path) for path in found]


def find(source: str, path: str) -> list[Placeholder]:
    """Every placeholder in the Markdown of a page's source (not its front matter, which is data), in order."""
    return [
        Placeholder(path, line_at(source, match.start()), match.group("key") or "", match.group("todo") or "")
        for match in TOKEN.finditer(source, body_start(source))
    ]


def in_pages(pages: Iterable[tuple[str, Path]]) -> list[Placeholder]:
    """Every placeholder of the pages (path shown to authors, path), each page read once."""
    return [found for shown, path in pages for found in find(_read(path), shown)]


def unknown(found: Iterable[Placeholder]) -> list[Problem]:
    """Each placeholder that names a key there is no value for."""
    problems = []
    for placeholder in found:
        if not placeholder.todo and placeholder.key not in FILLED_BY:
            close = difflib.get_close_matches(placeholder.key, FILLED_BY, n=1)
            hint = f"did you mean {{{{ {close[0]} }}}}? " if close else ""
            message = (
                f"{{{{ {placeholder.key} }}}} is not a value Huddle knows; {hint}Huddle fills "
                f"{', '.join(FILLED_BY)}, and {{{{ todo: ... }}}} marks what you must write."
            )
            problems.append(Problem(placeholder.path, placeholder.line, 0, "", message))
    return problems


def unfilled(found: Iterable[Placeholder], filled: dict[str, str]) -> list[Placeholder]:
    """The todos, and the known placeholders with no value: warnings of `huddle check` and of every build."""
    return [p for p in found if p.todo or (p.key in FILLED_BY and not filled[p.key])]


def fill(markdown: str, filled: dict[str, str]) -> str:
    """`markdown` with each placeholder replaced: by its value, or by what it stands for in brackets."""

    def replace(match: re.Match) -> str:
        todo, key = match.group("todo"), match.group("key")
        if todo is not None:
            return f"**\\[{text(todo)}\\]**"
        value = filled.get(key, "")
        if not value:
            return f"**\\[{text(FILLED_BY.get(key, key))}\\]**"
        if key in LINKED:
            return f"[{text(value)}](<{LINKED[key]}{value}>)"
        return text(value)

    return TOKEN.sub(replace, markdown)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return ""  # MkDocs names the page when it reads it, and the build stops there
