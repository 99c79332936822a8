"""A collective page's collection: setting one up, its key file, its invitation links, and loading the key file to
open sealed codes. The theme's `seal.js` does the cryptography and `collective.js` wires this markup."""

from __future__ import annotations

from ..scoring.html import Markup, h
from ..scoring.model import Framework
from ..scoring.sealed import MAX_INVITATIONS
from ..scoring.strings import Messages


def collection_section(messages: Messages, framework: Framework, intro: str, invite_to: str) -> Markup:
    """The collection's controls: `intro` says what sealed codes are for here; `invite_to` is the page the
    invitation links open (relative to this one)."""
    say = messages.say
    return h(
        "details",
        {
            "class": "huddle-collection",
            "data-huddle-collection": True,
            "data-huddle-invite-to": invite_to,
            "data-huddle-framework": framework.id,
            "data-version": framework.version,
            "data-title": framework.title,
            "data-search-exclude": True,
        },
        h("summary", {}, say("collection-title")),
        h("p", {}, intro),
        h("p", {"class": "huddle-no-sealing", "data-huddle-no-sealing": True, "hidden": True}, say("no-sealing")),
        h(
            "div",
            {"data-huddle-sealing": True},
            h("p", {"data-huddle-collection-warning": True}, say("collection-warning")),
            h("label", {"for": "huddle-invite-count"}, say("collection-count-label")),
            h(
                "input",
                {
                    "type": "number",
                    "id": "huddle-invite-count",
                    "min": "1",
                    "max": str(MAX_INVITATIONS),
                    "value": "5",
                    "inputmode": "numeric",
                    "data-huddle-invite-count": True,
                },
            ),
            h(
                "p",
                {},
                h(
                    "button",
                    {"type": "button", "class": "md-button", "data-huddle-make-collection": True},
                    say("collection-make"),
                ),
                " ",
                h(
                    "button",
                    {"type": "button", "class": "md-button", "data-huddle-more-links": True, "hidden": True},
                    say("collection-more"),
                ),
            ),
            h("label", {"for": "huddle-key-file"}, say("collection-key-label")),
            h(
                "input",
                {
                    "type": "file",
                    "id": "huddle-key-file",
                    "accept": ".json,application/json",
                    "data-huddle-key-file": True,
                },
            ),
            h("p", {"role": "status", "data-huddle-collection-status": True}),
            h(
                "div",
                {"class": "huddle-links", "data-huddle-links-box": True, "hidden": True},
                h("h3", {}, say("links-title")),
                h("ol", {"data-huddle-links": True}),
                h(
                    "p",
                    {"class": "huddle-buttons"},
                    h(
                        "button",
                        {"type": "button", "class": "md-button", "data-huddle-print-links": True},
                        say("print-links"),
                    ),
                ),
            ),
            h(
                "template",
                {"data-huddle-link-row": True},
                h(
                    "li",
                    {},
                    h("input", {"type": "text", "readonly": True, "spellcheck": "false", "data-huddle-link": True}),
                    " ",
                    h(
                        "button",
                        {"type": "button", "class": "md-button", "data-huddle-copy-link": True},
                        say("copy-link"),
                    ),
                ),
            ),
        ),
    )
