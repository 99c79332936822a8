"""A framework's reference page, and a page per competency with the case studies that show it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..casestudies import CaseStudy
from ..frameworks.model import item_notes
from .uris import assessment_uri, competency_uri, framework_uri, front_matter, link, text

AUDIENCES = {"individual": 'Individuals (statements about "I")', "team": 'Teams (statements about "we")'}


def framework_page(framework: dict[str, Any]) -> str:
    """The printable reference of a framework: scale, bands, domains, competencies and items."""
    here = framework_uri(framework)
    lines = [
        front_matter(title=framework["title"], huddle_reference=framework["id"]),
        f"# {text(framework['title'])}",
        "",
        framework["description"],
        "",
        f"[Take the self-assessment]({link(here, assessment_uri(framework))})",
        "",
        f"- **Version:** {text(framework['version'])}",
        f"- **For:** {AUDIENCES[framework['audience']]}",
        f"- **Licence:** {text(framework['licence'])}",
    ]
    if framework["source"]:
        lines.append(f"- **Source:** {' '.join(framework['source'].split())}")
    lines += ["", "## Rating scale", "", "| Value | Answer |", "| --- | --- |"]
    lines += [f"| {p['value']} | {text(p['label'])} |" for p in framework["scale"]["points"]]
    if framework["scale"]["not_applicable"]:
        lines += ["", f'The answer "{text(framework["scale"]["not_applicable"])}" is never scored.']
    lines += ["", "## Score bands", "", *_bands_table(framework["bands"])]
    lines += [
        "",
        "A competency's score is the weighted mean of its answered items, with reverse-keyed items "
        "counted the other way round; with fewer than half of its items answered it has no score.",
    ]
    for domain in framework["domains"]:
        lines += ["", f"## {text(domain['title'])}", "", domain["description"]]
        for competency in domain["competencies"]:
            target = link(here, competency_uri(framework["id"], competency["id"]))
            lines += ["", f"### [{text(competency['title'])}]({target})", "", competency["description"], ""]
            lines += _items(competency["items"])
    return "\n".join(lines) + "\n"


def competency_page(
    framework: dict[str, Any], domain: dict[str, Any], competency: dict[str, Any], studies: Sequence[CaseStudy]
) -> str:
    """One competency: what it is, its items and bands, how to develop it, and case studies."""
    here = competency_uri(framework["id"], competency["id"])
    lines = [
        front_matter(title=competency["title"], huddle_competency=f"{framework['id']}/{competency['id']}"),
        f"# {text(competency['title'])}",
        "",
        f"A competency of [{text(framework['title'])}]({link(here, framework_uri(framework))}), "
        f"in {text(domain['title'])}.",
        "",
        competency["description"],
        "",
        "## What it looks like",
        "",
        *_items(competency["items"]),
        "",
        "## Score bands",
        "",
        *_bands_table(competency["bands"]),
    ]
    if competency["develop"]:
        lines += ["", "## How to develop it", "", competency["develop"]]
    lines += ["", "## Case studies that show this", ""]
    if studies:
        lines += [f"- [{text(s.title)}]({link(here, s.src_uri)}): {text(s.summary)}" for s in studies]
    else:
        lines.append("No case study shows this competency yet.")
    lines += ["", f"[Assess yourself on this]({link(here, assessment_uri(framework))})"]
    return "\n".join(lines) + "\n"


def _items(items: list[dict[str, Any]]) -> list[str]:
    out = []
    for item in items:
        notes = item_notes(item)
        out.append(f"- {text(item['text'])}" + (f" *({', '.join(notes)})*" if notes else ""))
    return out


def _bands_table(bands: list[dict[str, Any]]) -> list[str]:
    rows = ["| From | Band | What it means |", "| --- | --- | --- |"]
    rows += [f"| {b['from']} | {text(b['label'])} | {' '.join(b['summary'].split())} |" for b in bands]
    return rows
