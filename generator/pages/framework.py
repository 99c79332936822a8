"""A framework's reference page, and a page per competency with the case studies that show it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..casestudies import CaseStudy
from ..scoring.html import Markup, h
from ..scoring.model import Band, Competency, Domain, Framework, Item
from ..scoring.strings import say
from .casestudies import listed
from .uris import assessment_uri, competency_uri, framework_uri, front_matter, link, text

AUDIENCES = {
    "individual": 'Individuals (statements about "I")',
    "team": 'Teams (statements about "we", the team)',
    "board": 'Boards: executive and non-executive directors (statements about "we", the board)',
}

Text = Callable[[str, str, str], str]
"""Renders framework Markdown for a page: (markdown, page source URI, field name) to HTML."""


def reference_title(framework: Framework) -> str:
    """The framework page's title, distinct from its assessment page's (the framework's own title)."""
    return f"About the framework: {framework.title}"


def framework_page(framework: Framework, md: Text) -> str:
    """The printable reference of a framework: scale, bands, domains, competencies and items."""
    here = framework_uri(framework)

    def block(source: str, field: str) -> str:
        return block_html(md(source, here, f"Framework '{framework.id}' {field}"))

    lines = [
        front_matter(title=reference_title(framework), huddle_reference=framework.id),
        f"# {text(reference_title(framework))}",
        "",
        block(framework.description, "description"),
        "",
        f"[Take the self-assessment]({link(here, assessment_uri(framework))})",
        "",
        f"- **Version:** {text(framework.version)}",
        f"- **For:** {AUDIENCES[framework.audience]}",
        f"- **Licence:** {text(framework.licence)}",
    ]
    if framework.source:
        lines += ["", "**Source:**", "", block(framework.source, "source")]
    lines += ["", "## Rating scale", "", "| Value | Answer |", "| --- | --- |"]
    lines += [f"| {p.value} | {text(p.label)} |" for p in framework.scale.points]
    if framework.scale.not_applicable:
        lines += ["", f'The answer "{text(framework.scale.not_applicable)}" is never scored.']
    summary = lambda b: md(b.summary, here, f"Framework '{framework.id}' band '{b.label}' summary")  # noqa: E731
    lines += ["", "## Score bands", "", _bands_table(framework.bands, summary)]
    lines += [
        "",
        "A competency's score is the weighted mean of its answered items, with reverse-keyed items "
        "counted the other way round; with fewer than half of its items answered it has no score.",
    ]
    for domain in framework.domains:
        lines += ["", f"## {text(domain.title)}", "", block(domain.description, f"domain '{domain.id}' description")]
        for competency in domain.competencies:
            target = link(here, competency_uri(framework.id, competency.id))
            lines += ["", f"### [{text(competency.title)}]({target})", ""]
            lines += [block(competency.description, f"competency '{competency.id}' description"), ""]
            lines += _items(competency.items)
    return "\n".join(lines) + "\n"


def competency_page(
    framework: Framework, domain: Domain, competency: Competency, studies: Sequence[CaseStudy], md: Text
) -> str:
    """One competency: what it is, its items and bands, how to develop it, and case studies."""
    here = competency_uri(framework.id, competency.id)
    where = f"Framework '{framework.id}' competency '{competency.id}'"
    lines = [
        front_matter(title=competency.title, huddle_competency=f"{framework.id}/{competency.id}"),
        f"# {text(competency.title)}",
        "",
        f"A competency of [{text(framework.title)}]({link(here, framework_uri(framework))}), in {text(domain.title)}.",
        "",
        block_html(md(competency.description, here, f"{where} description")),
        "",
        "## What it looks like",
        "",
        *_items(competency.items),
        "",
        "## Score bands",
        "",
        _bands_table(competency.bands, lambda b: md(b.summary, here, f"{where} band '{b.label}' summary")),
    ]
    if competency.develop:
        lines += ["", f"## {say('develop-title')}", "", block_html(md(competency.develop, here, f"{where} develop"))]
    lines += ["", "## Case studies that show this", ""]
    if studies:
        lines += listed(here, studies)
    else:
        lines.append("No case study shows this competency yet.")
    lines += ["", f"[Assess yourself on this]({link(here, assessment_uri(framework))})"]
    return "\n".join(lines) + "\n"


def _items(items: Sequence[Item]) -> list[str]:
    out = []
    for item in items:
        notes = item.notes()
        out.append(f"- {text(item.text)}" + (f" *({', '.join(notes)})*" if notes else ""))
    return out


def _bands_table(bands: Sequence[Band], summary: Callable[[Band], str]) -> str:
    """The bands as an HTML table: each summary is rendered Markdown, which a Markdown table cannot hold."""
    head = h("tr", {}, [h("th", {"scope": "col"}, name) for name in ("From", "Band", "What it means")])
    rows = [h("tr", {}, h("td", {}, b.start), h("td", {}, b.label), h("td", {}, Markup(summary(b)))) for b in bands]
    return block_html(h("table", {}, h("thead", {}, head), h("tbody", {}, rows)))


def block_html(html: str) -> str:
    """Rendered HTML as one raw block of a page's Markdown (MkDocs leaves it as it is)."""
    return f'<div class="huddle-text">\n{html}\n</div>' if html else ""
