"""The assessment page of a framework: an intro, the questionnaire and the results view.

The form is plain HTML that works without JavaScript (every item answerable,
nothing submitted); the theme's scripts add scoring, progress, saving and
results on top. What the results view needs beyond the framework (advice and
links) travels in `framework.json`, which the scoring worker reads.
"""

from __future__ import annotations

import math

from ..scoring import results
from ..scoring.html import h
from ..scoring.model import Framework
from ..scoring.strings import Messages
from .framework import Text, block_html
from .questionnaire import form
from .uris import SEARCH_INTRO_ONLY, assessment_uri, framework_uri, front_matter, link, print_uri, text

SECONDS_PER_ITEM = 12
"""A generous reading-and-answering time per statement, for the intro's estimate."""


def assessment_page(messages: Messages, framework: Framework, md: Text) -> str:
    """The assessment page's Markdown."""
    say = messages.say
    here = assessment_uri(framework)
    listed = framework.competencies()
    count = len(framework.items())
    minutes = max(1, math.ceil(count * SECONDS_PER_ITEM / 60))
    names = ", ".join(text(c.title) for c in listed)
    printable, about = text(say("intro-printable")), text(say("intro-about"))
    parts = [
        front_matter(
            title=framework.title, template="assessment.html", huddle_framework=framework.id, search=SEARCH_INTRO_ONLY
        ),
        f"# {text(framework.title)}",
        "",
        block_html(md(framework.description, here, f"Framework '{framework.id}' description")),
        "",
        "- "
        + say(
            "intro-measures",
            competencies=counted(messages, "count-competencies-one", "count-competencies-many", len(listed)),
            domains=counted(messages, "count-domains-one", "count-domains-many", len(framework.domains)),
            names=names,
        ),
        "- "
        + say(
            "intro-time",
            statements=counted(messages, "count-statements-one", "count-statements-many", count),
            minutes=counted(messages, "count-minutes-one", "count-minutes-many", minutes),
        ),
        "- " + say("intro-private"),
        "",
        f"[{printable}]({link(here, print_uri(framework))}) · [{about}]({link(here, framework_uri(framework))})",
        "",
        h(
            "p",
            {},
            h(
                "a",
                {
                    "class": "md-button md-button--primary huddle-start",
                    "href": "#start-here",
                    "role": "button",
                    "draggable": "false",
                },
                say("start"),
            ),
        ),
        "",
        h(
            "details",
            {"class": "huddle-resume", "data-huddle-resume": True, "hidden": True, "data-search-exclude": True},
            h("summary", {}, say("resume-title")),
            results.earlier_control(messages, "intro"),
        ),
        "",
        form(messages, framework),
        "",
        results.section(messages, framework),
        "",
    ]
    return "\n".join(parts)


def counted(messages: Messages, one: str, many: str, count: int) -> str:
    """`count` with its noun: message `one` for 1, else `many`."""
    return messages.say(one if count == 1 else many, count=count)
