"""The site's offline page: what the service worker shows, with no connection, for a page it has not kept.

The theme's `kept.js` fills in the list of the pages this device keeps, each a link that opens offline, and
forgets them all at the press of a button (a shared ward computer shows the next person this list).
"""

from __future__ import annotations

from ..scoring.html import h
from ..scoring.strings import Messages
from .uris import front_matter, heading


def offline_page(messages: Messages) -> str:
    """The offline page's Markdown."""
    say = messages.say
    title = say("offline-title")
    return "\n".join(
        [
            front_matter(title=title, template="offline.html", search={"exclude": True}, hide=["toc"]),
            heading(1, title),
            "",
            say("offline-intro"),
            "",
            heading(2, say("offline-kept-title")),
            "",
            str(h("p", {"data-huddle-kept-none": True}, say("offline-kept-none"))),
            "",
            str(
                h(
                    "div",
                    {"data-huddle-kept-box": True, "hidden": True},
                    h("p", {}, say("offline-kept")),
                    h("ul", {"data-huddle-kept": True}),
                    h("p", {}, say("offline-forget-text")),
                    h(
                        "p",
                        {},
                        h(
                            "button",
                            {
                                "type": "button",
                                "class": "md-button",
                                "data-huddle-forget": True,
                                "data-forgotten": say("offline-forgotten"),
                            },
                            say("offline-forget"),
                        ),
                    ),
                )
            ),
            "",
            str(h("p", {"role": "status", "tabindex": "-1", "data-huddle-forget-status": True})),
            "",
        ]
    )
