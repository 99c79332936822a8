"""The questionnaire form of an assessment page, as HTML.

Every item is its own `<fieldset>` with a `<legend>` and one labelled radio
per answer, so it works with a screen reader, by keyboard and without
JavaScript. Controls that only work with JavaScript are marked `hidden` and
revealed by the page script. Each radio carries its answer as JSON in
`data-answer`, so the script reads answers without knowing the scale.
"""

from __future__ import annotations

import json

from ..scoring.html import Markup, h
from ..scoring.model import Framework, Item, Scale
from ..scoring.strings import say


def form(framework: Framework) -> Markup:
    """The questionnaire: error summary, progress, saving controls, items by domain, submit."""
    total = len(framework.items())
    progress = say("progress", answered=0, total=total)
    return h(
        "form",
        {
            "class": "huddle-assessment",
            "id": "questions",
            "data-huddle-assessment": framework.id,
            "data-framework-url": "framework.json",
            "data-version": framework.version,
            "data-total": total,
            "autocomplete": "off",
            "novalidate": True,
        },
        _error_summary(),
        _saving(),
        h(
            "p",
            {"class": "huddle-progress", "data-huddle-progress": True, "role": "status", "aria-live": "polite"},
            progress,
        ),
        [
            h(
                "section",
                {"class": "huddle-domain", "aria-labelledby": f"domain-{domain.id}"},
                h("h2", {"id": f"domain-{domain.id}"}, domain.title),
                [
                    [
                        h("h3", {"id": f"competency-{competency.id}"}, competency.title),
                        [_fieldset(item, framework.scale) for item in competency.items],
                    ]
                    for competency in domain.competencies
                ],
            )
            for domain in framework.domains
        ],
        h(
            "p",
            {"class": "huddle-nojs", "data-huddle-nojs": True},
            "Scoring your answers needs JavaScript, which is off or blocked in this browser. You can still read "
            f"and answer every statement, or use the {say('printable-link')}.",
        ),
        h(
            "div",
            {"class": "huddle-actions"},
            h(
                "button",
                {"type": "submit", "class": "md-button md-button--primary", "data-huddle-submit": True, "hidden": True},
                "See my results",
            ),
            h(
                "span",
                {"class": "huddle-progress-copy", "data-huddle-progress-copy": True, "aria-hidden": "true"},
                progress,
            ),
        ),
        h("p", {"class": "huddle-status", "role": "status", "aria-live": "polite", "data-huddle-status": True}),
    )


def _error_summary() -> Markup:
    """The GOV.UK error summary: focus moves to it, and its inner alert is announced."""
    return h(
        "div",
        {"class": "huddle-error-summary", "data-huddle-error-summary": True, "hidden": True, "tabindex": "-1"},
        h(
            "div",
            {"role": "alert"},
            h("h2", {"id": "huddle-error-title", "data-huddle-error-title": True}, say("unanswered-default")),
            h(
                "p",
                {},
                "Answer them for a fuller picture. A competency with fewer than half of its statements answered "
                f"shows \u201c{say('not-enough-answers')}\u201d.",
            ),
            h("ul", {"data-huddle-error-list": True}),
        ),
        h(
            "p",
            {},
            h(
                "button",
                {"type": "button", "class": "md-button", "data-huddle-continue": True},
                "See my results anyway",
            ),
        ),
    )


def _saving() -> list[Markup]:
    return [
        h(
            "div",
            {"class": "huddle-storage", "data-huddle-storage": True, "hidden": True},
            h(
                "div",
                {"class": "huddle-option"},
                h(
                    "input",
                    {
                        "type": "checkbox",
                        "id": "huddle-save",
                        "data-huddle-save": True,
                        "aria-describedby": "huddle-save-hint",
                    },
                ),
                h("label", {"for": "huddle-save"}, "Save my progress on this device"),
            ),
            h(
                "p",
                {"class": "huddle-hint", "id": "huddle-save-hint"},
                "Off unless you turn it on. It keeps your answers in this browser's local storage, on this device "
                "only, so you can come back to them; nothing is sent anywhere. Leave it off on a shared computer.",
            ),
        ),
        h(
            "p",
            {"data-huddle-clear-box": True, "hidden": True},
            h("button", {"type": "button", "class": "md-button", "data-huddle-clear": True}, "Clear my answers"),
        ),
    ]


def _fieldset(item: Item, scale: Scale) -> Markup:
    options = []
    for value, label in scale.answers():
        input_id = f"answer-{item.id}-{value}"
        radio = {"type": "radio", "name": item.id, "id": input_id, "value": value, "data-answer": json.dumps(value)}
        options.append(h("div", {"class": "huddle-option"}, h("input", radio), h("label", {"for": input_id}, label)))
    return h(
        "fieldset",
        {"class": "huddle-item", "id": f"item-{item.id}", "data-item": item.id},
        h("legend", {}, item.text),
        h("div", {"class": "huddle-scale"}, options),
    )
