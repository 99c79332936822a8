"""The questionnaire form and the empty results section of an assessment page, as HTML.

Every item is its own `<fieldset>` with a `<legend>` and one labelled radio
per answer, so it works with a screen reader, by keyboard and without
JavaScript. Controls that only work with JavaScript are marked `hidden` and
revealed by the page script.
"""

from __future__ import annotations

from html import escape
from typing import Any

from ..frameworks.model import items as all_items


def form(framework: dict[str, Any]) -> str:
    """The questionnaire: error summary, progress, saving controls, items by domain, submit."""
    total = len(all_items(framework))
    lines = [
        f'<form class="huddle-assessment" id="questions" data-huddle-assessment="{escape(framework["id"])}" '
        f'data-framework-url="framework.json" data-version="{escape(framework["version"])}" '
        f'data-total="{total}" autocomplete="off" novalidate>',
        # The GOV.UK error summary: focus moves to it, and its inner alert is announced.
        '<div class="huddle-error-summary" data-huddle-error-summary hidden tabindex="-1">',
        '<div role="alert">',
        '<h2 id="huddle-error-title" data-huddle-error-title>Some statements are not answered</h2>',
        "<p>Answer them for a fuller picture. A competency with fewer than half of its statements answered "
        "shows \u201cnot enough answers\u201d.</p>",
        "<ul data-huddle-error-list></ul>",
        "</div>",
        '<p><button type="button" class="md-button" data-huddle-continue>See my results anyway</button></p>',
        "</div>",
        '<div class="huddle-storage" data-huddle-storage hidden>',
        '<div class="huddle-option">',
        '<input type="checkbox" id="huddle-save" data-huddle-save aria-describedby="huddle-save-hint">',
        '<label for="huddle-save">Save my progress on this device</label>',
        "</div>",
        '<p class="huddle-hint" id="huddle-save-hint">Off unless you turn it on. It keeps your answers in this '
        "browser's local storage, on this device only, so you can come back to them; nothing is sent anywhere. "
        "Leave it off on a shared computer.</p>",
        "</div>",
        '<p data-huddle-clear-box hidden><button type="button" class="md-button" data-huddle-clear>'
        "Clear my answers</button></p>",
        f'<p class="huddle-progress" data-huddle-progress role="status" aria-live="polite">0 of {total} answered</p>',
    ]
    for domain in framework["domains"]:
        lines.append(f'<section class="huddle-domain" aria-labelledby="domain-{escape(domain["id"])}">')
        lines.append(f'<h2 id="domain-{escape(domain["id"])}">{escape(domain["title"])}</h2>')
        for competency in domain["competencies"]:
            lines.append(f'<h3 id="competency-{escape(competency["id"])}">{escape(competency["title"])}</h3>')
            for item in competency["items"]:
                lines.extend(_fieldset(item, framework["scale"]))
        lines.append("</section>")
    lines += [
        '<p class="huddle-nojs" data-huddle-nojs>Scoring your answers needs JavaScript, which is off or blocked '
        "in this browser. You can still read and answer every statement, or use the printable version with its "
        "scoring key.</p>",
        '<div class="huddle-actions">',
        '<button type="submit" class="md-button md-button--primary" data-huddle-submit hidden>See my results</button>',
        f'<span class="huddle-progress-copy" data-huddle-progress-copy aria-hidden="true">0 of {total} answered</span>',
        "</div>",
        '<p class="huddle-status" role="status" aria-live="polite" data-huddle-status></p>',
        "</form>",
    ]
    return "\n".join(lines)


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


def results_section(framework: dict[str, Any]) -> str:
    """The results view, empty until the page script fills it."""
    low, high = framework["scale"]["points"][0], framework["scale"]["points"][-1]
    return "\n".join(
        [
            '<section class="huddle-results" data-huddle-results hidden tabindex="-1" '
            'aria-labelledby="huddle-results-title">',
            '<h2 id="huddle-results-title">Your results</h2>',
            "<p data-huddle-results-meta></p>",
            '<div class="huddle-chart-box" data-huddle-chart></div>',
            "<table data-huddle-results-table>",
            f"<caption>Your score for each competency, from {low['value']} ({escape(low['label'])}) "
            f"to {high['value']} ({escape(high['label'])})</caption>",
            '<thead><tr><th scope="col">Competency</th><th scope="col">Score</th><th scope="col">Band</th>'
            '<th scope="col">Answered</th></tr></thead>',
            "<tbody></tbody>",
            "</table>",
            "<div data-huddle-highlights></div>",
            '<h3 id="huddle-keep">Keep your results</h3>',
            "<p>Your results are not saved anywhere unless you keep them. A JSON file can be loaded here later "
            "to compare, or to start a retake from these answers.</p>",
            '<p class="huddle-buttons">',
            '<button type="button" class="md-button" data-huddle-download="json">Download as JSON</button>',
            '<button type="button" class="md-button" data-huddle-download="csv">Download as CSV</button>',
            '<button type="button" class="md-button" data-huddle-print>Print or save as PDF</button>',
            "</p>",
            '<h3 id="huddle-compare-title">Compare with an earlier result</h3>',
            earlier_control("results"),
            "<table data-huddle-compare hidden>",
            "<caption data-huddle-compare-caption>Change since your earlier result</caption>",
            '<thead><tr><th scope="col">Competency</th><th scope="col">Earlier</th><th scope="col">Now</th>'
            '<th scope="col">Change</th></tr></thead>',
            "<tbody></tbody>",
            "</table>",
            "</section>",
        ]
    )


def earlier_control(place: str) -> str:
    """A file picker for a saved result (JSON), with a status line for what happened."""
    return "\n".join(
        [
            '<div class="huddle-earlier" data-huddle-earlier-box hidden>',
            f'<label for="huddle-earlier-{place}">Load a result you downloaded before (a .json file)</label>',
            f'<input type="file" id="huddle-earlier-{place}" accept=".json,application/json" data-huddle-earlier>',
            '<p class="huddle-earlier-status" role="status" aria-live="polite" data-huddle-earlier-status></p>',
            '<p><button type="button" class="md-button" data-huddle-use-earlier hidden>'
            "Replace my answers with the earlier ones</button></p>",
            "</div>",
        ]
    )
