"""A framework's reference page, and a page per competency with the case studies that show it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..casestudies import CaseStudy
from ..scoring.html import Markup, h
from ..scoring.model import Band, Change, Competency, Domain, Framework, Item
from ..scoring.results import band_range, long_date
from ..scoring.strings import Messages
from .casestudies import listed
from .uris import (
    assessment_uri,
    competency_uri,
    framework_uri,
    front_matter,
    heading,
    link,
    markdown_link,
    table_head,
    text,
)

AUDIENCES = {"individual": "audience-individual", "team": "audience-team", "board": "audience-board"}
"""Each audience's message: who the framework is for, in words."""

Text = Callable[[str, str, str], str]
"""Renders framework Markdown for a page: (markdown, page source URI, field name) to HTML."""


def reference_title(messages: Messages, framework: Framework) -> str:
    """The framework page's title, distinct from its assessment page's (the framework's own title)."""
    return messages.say("framework-title", title=framework.title)


def framework_page(messages: Messages, framework: Framework, md: Text) -> str:
    """The printable reference of a framework: scale, bands, domains, competencies and items."""
    say = messages.say
    here = framework_uri(framework)

    def block(source: str, field: str) -> str:
        return block_html(md(source, here, f"Framework '{framework.id}' {field}"))

    lines = [
        front_matter(title=reference_title(messages, framework), huddle_reference=framework.id),
        f"# {text(reference_title(messages, framework))}",
        "",
        block(framework.description, "description"),
        "",
        markdown_link(say("take-assessment"), link(here, assessment_uri(framework))),
        "",
        "- " + say("framework-version", version=text(framework.version)),
        "- " + say("framework-audience", audience=say(AUDIENCES[framework.audience])),
        "- " + say("framework-licence", licence=text(framework.licence)),
    ]
    if framework.source:
        lines += ["", say("framework-source"), "", block(framework.source, "source")]
    lines += ["", heading(2, say("scale-title")), "", *table_head(say("scale-value"), say("scale-answer"))]
    lines += [f"| {p.value} | {text(p.label)} |" for p in framework.scale.points]
    if framework.scale.not_applicable:
        lines += ["", say("scale-not-applicable", answer=text(framework.scale.not_applicable))]
    summary = lambda b: md(b.summary, here, f"Framework '{framework.id}' band '{b.label}' summary")  # noqa: E731
    lines += ["", heading(2, say("bands-title")), "", _bands_table(messages, framework, framework.bands, summary)]
    lines += ["", say("score-rule")]
    for domain in framework.domains:
        lines += ["", f"## {text(domain.title)}", "", block(domain.description, f"domain '{domain.id}' description")]
        for competency in domain.competencies:
            target = link(here, competency_uri(framework.id, competency.id))
            lines += ["", f"### [{text(competency.title)}]({target})", ""]
            lines += [block(competency.description, f"competency '{competency.id}' description"), ""]
            lines += _items(messages, competency.items)
    if framework.further_reading:
        lines += ["", heading(2, say("framework-reading-title")), "", say("framework-reading-note"), ""]
        works = [h("li", {}, h("a", {"href": work.url}, work.title)) for work in framework.further_reading]
        lines.append(block_html(h("ul", {}, works)))  # raw HTML: a title's brackets are text, never a link
    if framework.changelog:
        lines += ["", heading(2, say("changelog-title"))]
        for entry in framework.changelog:
            lines += ["", heading(3, _version_title(messages, entry)), ""]
            changes = [
                md(change, here, f"Framework '{framework.id}' changelog '{entry.version}'") for change in entry.changes
            ]
            lines.append(block_html(h("ul", {}, [h("li", {}, Markup(change)) for change in changes])))
    return "\n".join(lines) + "\n"


def _version_title(messages: Messages, entry: Change) -> str:
    """A changelog entry's heading: its version, and its date in words when it has one."""
    say = messages.say
    if entry.date:
        return say("changelog-version-date", version=entry.version, date=long_date(messages, entry.date))
    return say("changelog-version", version=entry.version)


def competency_page(
    messages: Messages,
    framework: Framework,
    domain: Domain,
    competency: Competency,
    studies: Sequence[CaseStudy],
    md: Text,
) -> str:
    """One competency: what it is, its items and bands, how to develop it, and case studies."""
    say = messages.say
    here = competency_uri(framework.id, competency.id)
    where = f"Framework '{framework.id}' competency '{competency.id}'"
    of = markdown_link(framework.title, link(here, framework_uri(framework)))
    lines = [
        front_matter(title=competency.title, huddle_competency=f"{framework.id}/{competency.id}"),
        f"# {text(competency.title)}",
        "",
        say("competency-of", framework=of, domain=text(domain.title)),
        "",
        block_html(md(competency.description, here, f"{where} description")),
        "",
        heading(2, say("looks-like-title")),
        "",
        *_items(messages, competency.items),
        "",
        heading(2, say("bands-title")),
        "",
        _bands_table(
            messages, framework, competency.bands, lambda b: md(b.summary, here, f"{where} band '{b.label}' summary")
        ),
    ]
    if competency.develop:
        develop = block_html(md(competency.develop, here, f"{where} develop"))
        lines += ["", heading(2, say("develop-title")), "", develop]
    lines += ["", heading(2, say("competency-studies-title")), ""]
    if studies:
        lines += listed(messages, here, studies)
    else:
        lines.append(say("competency-no-studies"))
    lines += ["", markdown_link(say("competency-assess"), link(here, assessment_uri(framework)))]
    return "\n".join(lines) + "\n"


def _items(messages: Messages, items: Sequence[Item]) -> list[str]:
    out = []
    for item in items:
        found = note(messages, item, "note-reverse", "note-reverse-weight")
        out.append(f"- {text(item.text)}" + (f" *{text(found)}*" if found else ""))
    return out


def note(messages: Messages, item: Item, reverse: str, reverse_weight: str) -> str:
    """What is special about an item's scoring, in words (reverse keying, weight), or "": `reverse` and
    `reverse_weight` are the messages that say it is reverse-keyed."""
    say = messages.say
    if item.reverse:
        return say(reverse_weight, weight=item.weight) if item.weight != 1 else say(reverse)
    return say("note-weight", weight=item.weight) if item.weight != 1 else ""


def _bands_table(
    messages: Messages, framework: Framework, bands: Sequence[Band], summary: Callable[[Band], str]
) -> str:
    """The bands as an HTML table: each summary is rendered Markdown, which a Markdown table cannot hold.
    Each band says its scores in words, as the results do ("from 2.5 to under 3.5")."""
    say = messages.say
    names = (say("bands-band"), say("bands-scores"), say("bands-meaning"))
    head = h("tr", {}, [h("th", {"scope": "col"}, name) for name in names])
    rows = [
        h(
            "tr",
            {},
            h("td", {}, b.label),
            h("td", {}, band_range(messages, framework, bands, b)),
            h("td", {}, Markup(summary(b))),
        )
        for b in bands
    ]
    return block_html(h("table", {}, h("thead", {}, head), h("tbody", {}, rows)))


def block_html(html: str) -> str:
    """Rendered HTML as one raw block of a page's Markdown (MkDocs leaves it as it is)."""
    return f'<div class="huddle-text">\n{html}\n</div>' if html else ""
