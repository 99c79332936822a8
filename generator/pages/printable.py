"""The printable version of an assessment: the questionnaire on paper, with a scoring key."""

from __future__ import annotations

from collections.abc import Sequence

from ..scoring.model import Band, Framework
from ..scoring.strings import Messages
from ..scoring.voice import about
from .framework import note
from .uris import assessment_uri, front_matter, heading, link, markdown_link, print_uri, table_head, text

PRINTED_BY = "{{ branding.name }}"
"""The organisation's name, on paper as well: a placeholder the build fills for every page (placeholders.py)."""


def printable_page(messages: Messages, framework: Framework) -> str:
    """Markdown for a paper copy: numbered statements with answer boxes, then how to score them."""
    say = messages.say
    here = print_uri(framework)
    scale = framework.scale
    low, high = scale.low, scale.high
    answers = [f"\u2610 {text(p.label)}" for p in scale.points]
    if scale.not_applicable:
        answers.append(f"\u2610 {text(scale.not_applicable)}")
    numbers: dict[str, int] = {}
    title = say("printable-title", title=framework.title)
    online = markdown_link(say("printable-online"), link(here, assessment_uri(framework)))
    lines = [
        front_matter(title=title, search={"exclude": True}),  # the assessment's statements again, for paper
        heading(1, title),
        "",
        PRINTED_BY,
        "",
        about(messages, framework.audience, "printable-intro", version=text(framework.version), online=online),
    ]
    for domain in framework.domains:
        lines += ["", f"## {text(domain.title)}"]
        for competency in domain.competencies:
            lines += ["", f"### {text(competency.title)}", ""]
            for item in competency.items:
                numbers[item.id] = len(numbers) + 1
                lines += [f"**{numbers[item.id]}.** {text(item.text)}  ", "   ".join(answers), ""]
    values = say("scoring-key-values", values=", ".join(f"{text(p.label)} = {p.value}" for p in scale.points))
    if scale.not_applicable:
        values += " " + say("scoring-key-not-applicable", answer=text(scale.not_applicable))
    lines += [
        "",
        heading(2, say("scoring-key-title")),
        "",
        values,
        "",
        say("scoring-key-rule", sum=low + high, high=high, low=low),
        "",
        *table_head(say("column-competency"), say("key-statements")),
    ]
    for competency in framework.competencies():
        cells = []
        for item in competency.items:
            found = note(messages, item, "key-reversed", "key-reversed-weight")
            cells.append(str(numbers[item.id]) + (f" {text(found)}" if found else ""))
        lines.append(f"| {text(competency.title)} | {', '.join(cells)} |")
    lines += ["", say("printable-bands", bands=_bands(messages, framework.bands))]
    for competency in framework.competencies():
        if _bands(messages, competency.bands) != _bands(messages, framework.bands):
            own = say(
                "printable-own-bands", competency=text(competency.title), bands=_bands(messages, competency.bands)
            )
            lines += ["", own]
    return "\n".join(lines) + "\n"


def _bands(messages: Messages, bands: Sequence[Band]) -> str:
    return ", ".join(messages.say("printable-band", start=b.start, label=text(b.label)) for b in bands)
