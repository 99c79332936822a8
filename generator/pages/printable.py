"""The printable version of an assessment: the questionnaire on paper, with a scoring key."""

from __future__ import annotations

from collections.abc import Sequence

from ..scoring.model import Band, Framework
from .uris import assessment_uri, front_matter, link, print_uri, text

PRINTED_BY = "{{ branding.name }}"
"""The organisation's name, on paper as well: a placeholder the build fills for every page (placeholders.py)."""


def printable_page(framework: Framework) -> str:
    """Markdown for a paper copy: numbered statements with answer boxes, then how to score them."""
    here = print_uri(framework)
    scale = framework.scale
    low, high = scale.low, scale.high
    answers = [f"\u2610 {text(p.label)}" for p in scale.points]
    if scale.not_applicable:
        answers.append(f"\u2610 {text(scale.not_applicable)}")
    numbers: dict[str, int] = {}
    lines = [
        front_matter(title=f"{framework.title}: printable version"),
        f"# {text(framework.title)}: printable version",
        "",
        PRINTED_BY,
        "",
        f"Version {text(framework.version)}. Tick one box for each statement; leave a statement blank if you "
        "prefer. Then work out your scores with the key at the end. "
        f"[The online version]({link(here, assessment_uri(framework))}) scores it for you, in your browser.",
    ]
    for domain in framework.domains:
        lines += ["", f"## {text(domain.title)}"]
        for competency in domain.competencies:
            lines += ["", f"### {text(competency.title)}", ""]
            for item in competency.items:
                numbers[item.id] = len(numbers) + 1
                lines += [f"**{numbers[item.id]}.** {text(item.text)}  ", "   ".join(answers), ""]
    lines += [
        "",
        "## Scoring key",
        "",
        "Each answer counts for its number: "
        + ", ".join(f"{text(p.label)} = {p.value}" for p in scale.points)
        + "."
        + (f" \u201c{text(scale.not_applicable)}\u201d does not count at all." if scale.not_applicable else ""),
        "",
        f"For a statement marked *reversed*, count {low + high} minus your answer instead "
        f"(so {high} counts as {low}). Multiply each counted answer by its weight (1 unless the key "
        "gives another), add them up, and divide by the total weight of the statements you answered: "
        "that is the competency's score. If fewer than half of its statements are answered, it has no score.",
        "",
        "| Competency | Statements |",
        "| --- | --- |",
    ]
    for competency in framework.competencies():
        cells = []
        for item in competency.items:
            notes = item.notes("reversed")
            cells.append(str(numbers[item.id]) + (f" ({', '.join(notes)})" if notes else ""))
        lines.append(f"| {text(competency.title)} | {', '.join(cells)} |")
    lines += ["", f"Bands: {_bands(framework.bands)}."]
    for competency in framework.competencies():
        if _bands(competency.bands) != _bands(framework.bands):
            lines += ["", f"For {text(competency.title)} the bands are: {_bands(competency.bands)}."]
    return "\n".join(lines) + "\n"


def _bands(bands: Sequence[Band]) -> str:
    return ", ".join(f"{b.start} or more: {text(b.label)}" for b in bands)
