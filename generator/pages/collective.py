"""The collective pages of a framework: the team (or board) profile pooled from result codes.

Plain HTML that says what it does and what it cannot promise about anonymity;
the theme's `collective.js` reads the codes, asks the scoring worker for the
profile (rendered by the scoring package) and inserts it.
"""

from __future__ import annotations

from ..scoring.html import Markup, h, join
from ..scoring.model import Framework
from ..scoring.results import code_box
from ..scoring.strings import say
from .questionnaire import rater_questions
from .uris import assessment_uri, feedback_uri, front_matter, link, rater_uri, team_uri, text

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
            _front(framework, f"{framework.title}: {whose} profile"),
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
                _codes_field("Result codes", "Paste one code a line, or load a text file of them."),
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
                h(
                    "details",
                    {"class": "huddle-survey"},
                    h("summary", {}, "Load a survey export (CSV)"),
                    h(
                        "p",
                        {},
                        "From Microsoft Forms, Qualtrics or another survey tool set to anonymous: one row per "
                        "person, one column per statement, headed by the statement or its id. The same rule of "
                        f"at least {k} people applies.",
                    ),
                    h("label", {"for": "huddle-survey-file"}, "Survey export (a .csv file)"),
                    h(
                        "input",
                        {
                            "type": "file",
                            "id": "huddle-survey-file",
                            "accept": ".csv,text/csv",
                            "data-huddle-survey-file": True,
                        },
                    ),
                    h("div", {"data-huddle-mapping-box": True}),
                ),
                _submit(f"Show {whose} profile"),
            ),
            "",
            _output(f"The {whose} profile", csv=True),
            "",
        ]
    )


def _codes_field(label: str, hint: str) -> Markup:
    """A box for many codes, one a line."""
    return join(
        [
            h("label", {"for": "huddle-codes"}, label),
            h("p", {"id": "huddle-codes-hint", "class": "huddle-hint"}, hint),
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
        ]
    )


def _submit(label: str) -> Markup:
    """The page's status line and its one button."""
    return join(
        [
            h("p", {"class": "huddle-status", "role": "status", "data-huddle-status": True}),
            h(
                "p",
                {},
                h(
                    "button",
                    {"type": "submit", "class": "md-button md-button--primary", "data-huddle-show": True},
                    label,
                ),
            ),
        ]
    )


def _output(title: str, csv: bool) -> Markup:
    """Where the worker's view goes: the lines not counted, the view, and the buttons to keep it."""
    download = None
    if csv:
        download = h(
            "button",
            {"type": "button", "class": "md-button", "data-huddle-download": "csv"},
            "Download the profile (CSV)",
        )
    return h(
        "section",
        {
            "class": "huddle-results",
            "data-huddle-profile": True,
            "hidden": True,
            "tabindex": "-1",
            "aria-labelledby": "huddle-profile-title",
        },
        h("h2", {"id": "huddle-profile-title"}, title),
        h("div", {"data-huddle-batch": True}),
        h("div", {"data-huddle-profile-view": True}),
        h(
            "p",
            {"class": "huddle-buttons"},
            download,
            h("button", {"type": "button", "class": "md-button", "data-huddle-print": True}, say("print")),
        ),
    )


def _front(framework: Framework, title: str) -> str:
    return front_matter(
        title=title, template="assessment.html", huddle_framework=framework.id, huddle_script="collective.js"
    )


ROLES = (
    ("manager", "I am their line manager"),
    ("peer", "I am a peer"),
    ("report", "I report to them"),
    ("other", "Other"),
)


def rater_page(framework: Framework, least: int) -> str:
    """The page a colleague uses to give 360 feedback: a role, the rater's wording, and a code to send back."""
    title = f"{framework.title}: {say('rater-link')}"
    role = h(
        "fieldset",
        {"class": "huddle-item", "data-huddle-role": True},
        h("legend", {}, "Your role for this colleague"),
        h(
            "div",
            {"class": "huddle-scale"},
            [
                h(
                    "div",
                    {"class": "huddle-option"},
                    h("input", {"type": "radio", "name": "huddle-role", "id": f"role-{value}", "value": value}),
                    h("label", {"for": f"role-{value}"}, label),
                )
                for value, label in ROLES
            ],
        ),
    )
    return "\n".join(
        [
            _front(framework, title),
            f"# {text(title)}",
            "",
            "A colleague has asked you for feedback. Answer each statement about them, thinking of the last few "
            "months; leave out any you cannot judge. At the end you get a code to send back to them: it holds your "
            "answers and your role, never your name. This page sends nothing anywhere.",
            "",
            f"- **What they see:** answers from peers, direct reports and others only inside a group of at least "
            f"{least}. A line manager's answers are shown on their own.",
            "- **Honestly:** anyone who has your code can read your answers by decoding it, so send it the way your "
            "colleague asked.",
            "",
            h(
                "form",
                {
                    "class": "huddle-collective huddle-assessment",
                    "data-huddle-collective": "rater",
                    "data-framework-url": "../framework.json",
                    "autocomplete": "off",
                    "novalidate": True,
                },
                role,
                rater_questions(framework),
                h("p", {"class": "huddle-status", "role": "status", "data-huddle-status": True}),
                h(
                    "p",
                    {},
                    h(
                        "button",
                        {"type": "submit", "class": "md-button md-button--primary", "data-huddle-show": True},
                        "Get my code to send back",
                    ),
                ),
                code_box("Your feedback code"),
            ),
            "",
        ]
    )


def feedback_page(framework: Framework, least: int) -> str:
    """ "My 360": the person's own code and their raters' codes, pooled under the 360 rules."""
    here = feedback_uri(framework)
    title = f"{framework.title}: {say('feedback-link')}"
    return "\n".join(
        [
            _front(framework, title),
            f"# {text(title)}",
            "",
            f"1. Take the [self-assessment]({link(here, assessment_uri(framework))}) and, from your results, get "
            "a code to share: that is your own result code.",
            f"2. Send colleagues the link to [{say('rater-link')}]({link(here, rater_uri(framework))}), and "
            "ask them to send you the code it gives them.",
            "3. Paste your own code and theirs below. Everything happens in this browser.",
            "",
            f"Your line manager's answers are shown on their own. Peers and direct reports are shown only when at "
            f"least {least} of each send a code; smaller groups are counted together as others, and a group of "
            f"fewer than {least} is not shown. **Honestly:** {HONESTY}",
            "",
            h(
                "form",
                {
                    "class": "huddle-collective",
                    "data-huddle-collective": "360",
                    "data-framework-url": "../framework.json",
                },
                h("label", {"for": "huddle-own-code"}, "Your own result code"),
                h(
                    "input",
                    {
                        "type": "text",
                        "id": "huddle-own-code",
                        "spellcheck": "false",
                        "autocomplete": "off",
                        "data-huddle-own-code": True,
                    },
                ),
                _codes_field("Codes from the people who gave you feedback", "Paste one code a line."),
                _submit("Show my 360"),
            ),
            "",
            _output("My 360 feedback", csv=False),
            "",
        ]
    )
