"""The assessment page of a framework.

The form is plain HTML that works without JavaScript (every item answerable,
nothing submitted); the theme's script adds scoring on top.
"""

from __future__ import annotations

from html import escape
from typing import Any

from .uris import assessment_uri, framework_uri, front_matter, link


def assessment_page(framework: dict[str, Any]) -> str:
    """The assessment page's Markdown: front matter, intro, and the questionnaire form."""
    parts = [
        front_matter(title=framework["title"], template="assessment.html", huddle_framework=framework["id"]),
        f"# {escape(framework['title'])}",
        "",
        framework.get("description", ""),
        "",
        f"[About this framework: its competencies, scoring and case studies]"
        f"({link(assessment_uri(framework), framework_uri(framework))})",
        "",
        _form(framework),
        "",
    ]
    return "\n".join(parts)


def _form(framework: dict[str, Any]) -> str:
    lines = [
        f'<form class="huddle-assessment" data-huddle-assessment="{escape(framework["id"])}" '
        'data-framework-url="framework.json" novalidate>',
    ]
    for domain in framework["domains"]:
        lines.append(f'<section class="huddle-domain" aria-labelledby="domain-{escape(domain["id"])}">')
        lines.append(f'<h2 id="domain-{escape(domain["id"])}">{escape(domain["title"])}</h2>')
        for competency in domain["competencies"]:
            lines.append(f'<h3 id="competency-{escape(competency["id"])}">{escape(competency["title"])}</h3>')
            for item in competency["items"]:
                lines.extend(_fieldset(item, framework["scale"]))
        lines.append("</section>")
    lines.extend(
        [
            '<p class="huddle-nojs" data-huddle-nojs>Scoring your answers needs JavaScript, '
            "which is off or blocked in this browser. You can still read every question.</p>",
            '<div class="huddle-actions">',
            '<button type="submit" class="md-button md-button--primary" data-huddle-submit hidden>'
            "See my results</button>",
            "</div>",
            '<p class="huddle-status" role="status" aria-live="polite" data-huddle-status></p>',
            "</form>",
            '<section class="huddle-results" data-huddle-results hidden tabindex="-1" '
            'aria-labelledby="huddle-results-title">',
            '<h2 id="huddle-results-title">Your results</h2>',
            "<table data-huddle-results-table>",
            f"<caption>Your score for each competency, from {escape(_scale_label(framework['scale'], 0))} "
            f"to {escape(_scale_label(framework['scale'], -1))}</caption>",
            '<thead><tr><th scope="col">Competency</th><th scope="col">Score</th></tr></thead>',
            "<tbody></tbody>",
            "</table>",
            "</section>",
        ]
    )
    return "\n".join(lines)


def _scale_label(scale: dict[str, Any], index: int) -> str:
    point = scale["points"][index]
    return f"{point['value']} ({point['label']})"


def _fieldset(item: dict[str, Any], scale: dict[str, Any]) -> list[str]:
    item_id = escape(item["id"])
    lines = [
        f'<fieldset class="huddle-item" id="item-{item_id}" data-item="{item_id}">',
        f"<legend>{escape(item['text'])}</legend>",
        '<div class="huddle-scale">',
    ]
    options = [(str(p["value"]), p["label"]) for p in scale["points"]]
    if scale.get("not_applicable"):
        options.append(("na", scale["not_applicable"]))
    for value, label in options:
        input_id = f"answer-{item_id}-{escape(value)}"
        lines.append(
            f'<div class="huddle-option"><input type="radio" name="{item_id}" id="{input_id}" value="{escape(value)}">'
            f'<label for="{input_id}">{escape(label)}</label></div>'
        )
    lines.extend(["</div>", "</fieldset>"])
    return lines
