"""The collective pages of a framework: the team (or board) profile pooled from result codes.

Plain HTML that says what it does and what it cannot promise about anonymity;
the theme's `collective.js` reads the codes, asks the scoring worker for the
profile (rendered by the scoring package) and inserts it.
"""

from __future__ import annotations

from ..scoring.html import h
from ..scoring.model import Framework
from .uris import assessment_uri, front_matter, link, team_uri, text

HONESTY = (
    "Result codes are pseudonymous, not anonymous: whoever collects them can read one person's answers by "
    "decoding their code. The threshold stops this page from showing small groups; it cannot stop someone who "
    "decodes a single code. For real anonymity, collect codes through a channel that records no names, such as "
    "a form that asks for nothing else, or slips of paper in a box."
)


def team_page(framework: Framework, k: int) -> str:
    """The team profile page's Markdown."""
    here = team_uri(framework)
    whose = "board" if framework.audience == "board" else "team"
    return "\n".join(
        [
            front_matter(
                title=f"{framework.title}: {whose} profile",
                template="assessment.html",
                huddle_framework=framework.id,
                huddle_script="collective.js",
            ),
            f"# {text(framework.title)}: {whose} profile",
            "",
            f"Pool the result codes that people choose to share after taking the "
            f"[self-assessment]({link(here, assessment_uri(framework))}), and see the {whose}'s profile: the mean "
            f"score for each competency, how widely people differ, and where they see things most differently. "
            f"Everything happens in this browser; nothing is sent anywhere.",
            "",
            f"- **At least {k} codes.** Nothing is shown from fewer, and a competency's score is withheld when fewer "
            f"than {k} people answered enough of its statements.",
            "- **Groups**, where the self-assessment has them, are compared only when each group has enough codes.",
            f"- **Honestly:** {HONESTY}",
            "",
            h(
                "form",
                {
                    "class": "huddle-collective",
                    "data-huddle-collective": "team",
                    "data-framework-url": "../framework.json",
                },
                h("label", {"for": "huddle-codes"}, "Result codes"),
                h(
                    "p",
                    {"id": "huddle-codes-hint", "class": "huddle-hint"},
                    "Paste one code a line, or load a text file of them.",
                ),
                h(
                    "textarea",
                    {
                        "id": "huddle-codes",
                        "rows": "8",
                        "spellcheck": "false",
                        "autocomplete": "off",
                        "aria-describedby": "huddle-codes-hint",
                        "data-huddle-codes": True,
                    },
                ),
                h("label", {"for": "huddle-codes-file"}, "Load a text file of codes"),
                h(
                    "input",
                    {
                        "type": "file",
                        "id": "huddle-codes-file",
                        "accept": ".txt,.csv,text/plain",
                        "data-huddle-codes-file": True,
                    },
                ),
                h(
                    "details",
                    {"class": "huddle-round"},
                    h("summary", {}, "Compare with an earlier round"),
                    h("label", {"for": "huddle-earlier-codes"}, "The earlier round's result codes"),
                    h(
                        "textarea",
                        {
                            "id": "huddle-earlier-codes",
                            "rows": "5",
                            "spellcheck": "false",
                            "autocomplete": "off",
                            "data-huddle-earlier-codes": True,
                        },
                    ),
                ),
                h("p", {"class": "huddle-status", "role": "status", "data-huddle-status": True}),
                h(
                    "p",
                    {},
                    h(
                        "button",
                        {"type": "submit", "class": "md-button md-button--primary", "data-huddle-show": True},
                        f"Show {whose} profile",
                    ),
                ),
            ),
            "",
            h(
                "section",
                {
                    "class": "huddle-results",
                    "data-huddle-profile": True,
                    "hidden": True,
                    "tabindex": "-1",
                    "aria-labelledby": "huddle-profile-title",
                },
                h("h2", {"id": "huddle-profile-title"}, f"The {whose} profile"),
                h("div", {"data-huddle-batch": True}),
                h("div", {"data-huddle-profile-view": True}),
                h(
                    "p",
                    {"class": "huddle-buttons"},
                    h(
                        "button",
                        {"type": "button", "class": "md-button", "data-huddle-download": "csv"},
                        "Download the profile (CSV)",
                    ),
                    h(
                        "button",
                        {"type": "button", "class": "md-button", "data-huddle-print": True},
                        "Print or save as PDF",
                    ),
                ),
            ),
            "",
        ]
    )
