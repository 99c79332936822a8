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
from ..scoring.model import NOT_APPLICABLE, Framework, Item, Scale
from ..scoring.strings import Messages


def form(messages: Messages, framework: Framework) -> Markup:
    """The questionnaire: notices, a sticky progress line, saving, numbered items by domain, clearing, submit."""
    say = messages.say
    total = len(framework.items())
    progress = say("progress", answered=0, total=total)
    numbers = {item.id: n for n, item in enumerate(framework.items(), start=1)}
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
            "data-search-exclude": True,
        },
        _notice(),
        _gaps(messages, total),
        h(
            "div",
            {"class": "huddle-bar", "data-huddle-bar": True},
            h("p", {"class": "huddle-progress", "data-huddle-progress": True, "role": "status"}, progress),
            h("p", {"class": "huddle-loading", "data-huddle-loading": True, "hidden": True}),
            _retry(messages),
            h("p", {"class": "huddle-status", "role": "status", "data-huddle-status": True}),
        ),
        # "Start now" leads here, under the sticky bar: the intro and the button leave the screen, so the
        # person sees it worked, and the first thing in view is the offer to save.
        h("span", {"id": "start-here"}),
        save_option(messages),
        [
            h(
                "section",
                {"class": "huddle-domain", "aria-labelledby": f"domain-{domain.id}"},
                h("h2", {"id": f"domain-{domain.id}"}, domain.title),
                [
                    [
                        h("h3", {"id": f"competency-{competency.id}"}, competency.title),
                        [_fieldset(item, numbers[item.id], framework.scale) for item in competency.items],
                    ]
                    for competency in domain.competencies
                ],
            )
            for domain in framework.domains
        ],
        h(
            "p",
            {"class": "huddle-nojs", "data-huddle-nojs": True},
            say("no-javascript", printable=say("printable-link")),
        ),
        _clearing(messages),
        h(
            "div",
            {"class": "huddle-actions"},
            h(
                "button",
                {"type": "submit", "class": "md-button md-button--primary", "data-huddle-submit": True, "hidden": True},
                say("see-results"),
            ),
        ),
    )


def _notice() -> Markup:
    """Where the page says the scorer could not start, and why; focus moves here. "Try again" is in the bar."""
    return h(
        "div",
        {"class": "huddle-notice", "data-huddle-notice": True, "hidden": True, "tabindex": "-1"},
        h("div", {"role": "alert"}, h("p", {"data-huddle-notice-text": True})),
    )


def _retry(messages: Messages) -> Markup:
    """ "Try again", in the sticky bar: in view wherever the person is when the scorer could not start."""
    return h(
        "p",
        {"class": "huddle-retry", "data-huddle-retry-line": True, "hidden": True},
        h(
            "button",
            {"type": "button", "class": "md-button md-button--primary", "data-huddle-retry": True},
            messages.say("try-again"),
        ),
    )


def _gaps(messages: Messages, total: int) -> Markup:
    """Shown when the results are asked for with statements left: every one is optional, so not an error."""
    say = messages.say
    return h(
        "div",
        {"class": "huddle-gaps", "data-huddle-gaps": True, "hidden": True, "tabindex": "-1"},
        h(
            "h2",
            {"id": "huddle-gaps-title", "data-huddle-gaps-title": True},
            say("answered-some", answered=0, total=total),
        ),
        h(
            "p",
            {},
            say("gaps-text", not_enough=say("not-enough-answers")),
        ),
        h("p", {}, say("gaps-list-title")),
        h("ul", {"data-huddle-gaps-list": True}),
        _choice(
            messages,
            ("data-huddle-continue-answering", "continue-answering"),
            ("data-huddle-continue", "see-results-now"),
        ),
    )


def _choice(messages: Messages, first: tuple[str, str], second: tuple[str, str]) -> Markup:
    """Two buttons side by side, the first the main one: each a (data attribute, message key)."""
    buttons = [
        h("button", {"type": "button", "class": f"md-button{extra}", attribute: True}, messages.say(key))
        for (attribute, key), extra in ((first, " md-button--primary"), (second, ""))
    ]
    return h("p", {"class": "huddle-buttons"}, buttons)


def save_option(messages: Messages) -> Markup:
    """Saving on this device, offered before the first statement: someone called away at statement 12 has seen it.
    The assessment and the rater page both offer it; each page's script shows it where storage works."""
    say = messages.say
    return h(
        "div",
        {"class": "huddle-storage", "data-huddle-storage": True, "hidden": True},
        h(
            "div",
            {"class": "huddle-option huddle-option--check"},
            h(
                "input",
                {
                    "type": "checkbox",
                    "id": "huddle-save",
                    "data-huddle-save": True,
                    "aria-describedby": "huddle-save-hint",
                },
            ),
            h("label", {"for": "huddle-save"}, say("save-label")),
        ),
        h(
            "p",
            {"class": "huddle-hint", "id": "huddle-save-hint"},
            say("save-hint"),
        ),
    )


def _clearing(messages: Messages) -> Markup:
    """The button that clears the answers, after the statements, and its confirmation."""
    say = messages.say
    return h(
        "div",
        {"class": "huddle-clear", "data-huddle-clear-box": True, "hidden": True},
        h(
            "p",
            {},
            h("button", {"type": "button", "class": "md-button", "data-huddle-clear": True}, say("clear")),
        ),
        h(
            "div",
            {"class": "huddle-confirm", "data-huddle-confirm": True, "hidden": True, "tabindex": "-1"},
            h(
                "p",
                {"id": "huddle-confirm-text"},
                say("clear-confirm"),
            ),
            _choice(messages, ("data-huddle-confirm-clear", "clear-yes"), ("data-huddle-keep", "clear-no")),
        ),
    )


def rater_questions(framework: Framework) -> Markup:
    """The statements in the rater's wording (`rater_text`), numbered, by competency: for 360 feedback."""
    numbers = {item.id: n for n, item in enumerate(framework.items(), start=1)}
    return h(
        "div",
        {"class": "huddle-rater-items"},
        [
            [
                h("h3", {"id": f"competency-{competency.id}"}, competency.title),
                [_fieldset(item, numbers[item.id], framework.scale, item.rater_text) for item in competency.items],
            ]
            for competency in framework.competencies()
        ],
    )


def _fieldset(item: Item, number: int, scale: Scale, wording: str = "") -> Markup:
    """One statement, numbered as on paper; "not applicable" set apart from the scale."""
    options = []
    for value, label in scale.answers():
        input_id = f"answer-{item.id}-{value}"
        radio = {"type": "radio", "name": item.id, "id": input_id, "value": value, "data-answer": json.dumps(value)}
        kind = "huddle-option huddle-option--na" if value == NOT_APPLICABLE else "huddle-option"
        options.append(h("div", {"class": kind}, h("input", radio), h("label", {"for": input_id}, label)))
    return h(
        "fieldset",
        {"class": "huddle-item", "id": f"item-{item.id}", "data-item": item.id},
        h(
            "legend",
            {},
            h("span", {"class": "huddle-number"}, f"{number}."),
            " ",
            h("span", {"data-huddle-statement": True}, wording or item.text),
        ),
        h("div", {"class": "huddle-scale"}, options),
    )
