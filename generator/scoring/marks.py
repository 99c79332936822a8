"""The mark beside a case study wherever it is listed: build pages and the results view alike.

Standard library only (runs in Pyodide).
"""

from __future__ import annotations

from .html import Markup, h, join
from .strings import Messages


def illustrative_mark(messages: Messages, illustrative: bool) -> Markup:
    """A space and a one-word label, to follow an invented story's link; else nothing.

    A word, not a colour or an icon alone, so that everyone gets it, screen reader users included.
    """
    if not illustrative:
        return Markup("")
    return join([" ", h("span", {"class": "huddle-illustrative-mark"}, messages.say("illustrative"))])
