"""The collective pages of a framework: the team (or board) profile pooled from result codes.

Plain HTML that says what it does and what it cannot promise about anonymity;
the theme's `collective.js` reads the codes, asks the scoring worker for the
profile (rendered by the scoring package) and inserts it.
"""

from __future__ import annotations

from ..scoring.html import Markup, h, join
from ..scoring.kinds import RATERS
from ..scoring.model import Framework
from ..scoring.organisation import LABEL_MOST
from ..scoring.results import code_box, whose
from ..scoring.strings import Messages
from .collection import collection_section
from .questionnaire import rater_questions, save_option
from .uris import (
    SEARCH_INTRO_ONLY,
    assessment_uri,
    feedback_uri,
    front_matter,
    heading,
    link,
    markdown_link,
    organisation_uri,
    rater_uri,
    team_uri,
)

CODE_INPUT = {"spellcheck": "false", "autocapitalize": "off", "autocomplete": "off"}
"""A box for result codes: no spelling marks, capitals or suggestions on a code."""


def team_page(messages: Messages, framework: Framework, k: int) -> str:
    """The team profile page's Markdown."""
    say = messages.say
    here = team_uri(framework)
    pooled = whose(messages, framework)
    title = say("team-title", title=framework.title, whose=pooled)
    return "\n".join(
        [
            _front(framework, title),
            heading(1, title),
            "",
            say("team-intro", assessment_url=link(here, assessment_uri(framework)), whose=pooled),
            "",
            "- " + say("team-least", least=k),
            *(["- " + say("team-groups")] if framework.groups else []),
            "- " + say("honesty"),
            "",
            collection_section(messages, framework, say("collection-intro-team"), "../"),
            "",
            h(
                "form",
                {
                    "class": "huddle-collective",
                    "data-huddle-collective": "team",
                    "data-framework-url": "../framework.json",
                    "data-search-exclude": True,
                },
                _codes_field(say("codes-label"), say("codes-hint-team")),
                h("label", {"for": "huddle-codes-file"}, say("codes-file-label")),
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
                    h("summary", {}, say("round-title")),
                    h("label", {"for": "huddle-earlier-codes"}, say("round-label")),
                    h(
                        "textarea",
                        {
                            "id": "huddle-earlier-codes",
                            "rows": "5",
                            **CODE_INPUT,
                            "data-huddle-earlier-codes": True,
                        },
                    ),
                ),
                _survey(messages, say("survey-title"), say("survey-text", least=k), "data-huddle-mapping-box"),
                _submit(say("show-profile", whose=pooled)),
            ),
            "",
            _output(messages, say("profile-title", whose=pooled), csv=True, more=_profile_file_box(messages)),
            "",
        ]
    )


def _survey(messages: Messages, title: str, text: str, box: str) -> Markup:
    """The disclosure for a survey tool's export, with the `box` its column choices go in."""
    return h(
        "details",
        {"class": "huddle-survey"},
        h("summary", {}, title),
        h("p", {}, text),
        h("label", {"for": "huddle-survey-file"}, messages.say("survey-label")),
        h(
            "input",
            {"type": "file", "id": "huddle-survey-file", "accept": ".csv,text/csv", "data-huddle-survey-file": True},
        ),
        h("div", {box: True}),
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
                    **CODE_INPUT,
                    "aria-describedby": "huddle-codes-hint",
                    "data-huddle-codes": True,
                },
            ),
        ]
    )


def _submit(label: str) -> Markup:
    """The page's status line and its one button, after a quiet line on the scorer's download (not a live
    region: it changes every second or so, and is there to be looked at, not read out)."""
    return join(
        [
            h("p", {"class": "huddle-loading", "data-huddle-loading": True, "hidden": True}),
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


def _output(
    messages: Messages, title: str, csv: bool, download_label: str = "download-profile", more: Markup | None = None
) -> Markup:
    """Where the worker's view goes: the lines not counted, the view, and the buttons to keep it (`more`
    after them)."""
    say = messages.say
    download = None
    if csv:
        download = h(
            "button",
            {"type": "button", "class": "md-button", "data-huddle-download": "csv"},
            say(download_label),
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
        h("div", {"data-huddle-print-head": True}),
        h("div", {"data-huddle-batch": True}),
        h("div", {"data-huddle-profile-view": True}),
        h(
            "p",
            {"class": "huddle-buttons"},
            download,
            h("button", {"type": "button", "class": "md-button", "data-huddle-print": True}, say("print")),
        ),
        more,
    )


def _profile_file_box(messages: Messages) -> Markup:
    """The labels a profile file for the organisation view carries (a team, a round), and its button."""
    say = messages.say
    return h(
        "div",
        {"class": "huddle-profile-file", "data-huddle-profile-file": True},
        h("h3", {}, say("profile-file-title")),
        h("p", {}, say("profile-file-text")),
        h("label", {"for": "huddle-team-label"}, say("team-label-label")),
        h("p", {"id": "huddle-team-label-hint", "class": "huddle-hint"}, say("team-label-hint", most=LABEL_MOST)),
        h(
            "input",
            {
                "type": "text",
                "id": "huddle-team-label",
                "maxlength": str(LABEL_MOST),
                "aria-describedby": "huddle-team-label-hint",
                "data-huddle-team-label": True,
            },
        ),
        h("label", {"for": "huddle-round-label"}, say("round-label-label")),
        h(
            "input",
            {
                "type": "text",
                "id": "huddle-round-label",
                "maxlength": str(LABEL_MOST),
                "data-huddle-round-label": True,
            },
        ),
        h("p", {"class": "huddle-status", "role": "status", "data-huddle-file-status": True}),
        h(
            "p",
            {},
            h(
                "button",
                {"type": "button", "class": "md-button", "data-huddle-profile-download": True},
                say("profile-file-download"),
            ),
        ),
    )


def organisation_page(messages: Messages, framework: Framework, k: int, k_group: int) -> str:
    """The organisation view's page: many teams' profile files (or one survey export split by a column) side by
    side, pooled, grouped and compared, in this browser."""
    say = messages.say
    here = organisation_uri(framework)
    title = say("organisation-title", title=framework.title)
    return "\n".join(
        [
            _front(framework, title),
            heading(1, title),
            "",
            say("organisation-intro", team_url=link(here, team_uri(framework))),
            "",
            "- " + say("organisation-least", least=k),
            "- " + say("organisation-groups", least=k_group),
            "- " + say("organisation-files"),
            "",
            h(
                "form",
                {
                    "class": "huddle-collective",
                    "data-huddle-collective": "organisation",
                    "data-framework-url": "../framework.json",
                    "data-search-exclude": True,
                },
                _files_field("huddle-profile-files", say("organisation-files-label"), "data-huddle-profile-files"),
                h(
                    "details",
                    {"class": "huddle-round"},
                    h("summary", {}, say("organisation-round-title")),
                    _files_field("huddle-earlier-files", say("organisation-round-label"), "data-huddle-earlier-files"),
                ),
                _survey(
                    messages,
                    say("organisation-survey-title"),
                    say("organisation-survey-text", least=k),
                    "data-huddle-columns-box",
                ),
                _submit(say("organisation-show")),
            ),
            "",
            _output(messages, say("organisation-view-title"), csv=True, download_label="download-heat"),
            "",
        ]
    )


def _files_field(id_: str, label: str, marker: str) -> Markup:
    """A choice of several files at once."""
    return join(
        [
            h("label", {"for": id_}, label),
            h(
                "input",
                {"type": "file", "id": id_, "multiple": True, "accept": ".json,application/json", marker: True},
            ),
        ]
    )


def _front(framework: Framework, title: str) -> str:
    return front_matter(
        title=title,
        template="assessment.html",
        huddle_framework=framework.id,
        huddle_script="collective.js",
        search=SEARCH_INTRO_ONLY,
    )


def rater_page(messages: Messages, framework: Framework, least: int) -> str:
    """The page a colleague uses to give 360 feedback: a role, the rater's wording, and a code to send back."""
    say = messages.say
    title = framework.title + ": " + say("rater-link")
    role = h(
        "fieldset",
        {"class": "huddle-item", "data-huddle-role": True},
        h("legend", {}, say("role-legend")),
        h(
            "div",
            {"class": "huddle-scale"},
            [
                h(
                    "div",
                    {"class": "huddle-option"},
                    h("input", {"type": "radio", "name": "huddle-role", "id": f"role-{role}", "value": role}),
                    h("label", {"for": f"role-{role}"}, say(role.choice)),
                )
                for role in RATERS
            ],
        ),
    )
    return "\n".join(
        [
            _front(framework, title),
            heading(1, title),
            "",
            say("rater-intro"),
            "",
            "- " + say("rater-what-they-see", least=least),
            "- " + say("rater-honesty", least=least),
            "",
            h("p", {"class": "huddle-sealed-note", "data-huddle-sealed-note": True, "hidden": True}),
            "",
            h(
                "form",
                {
                    "class": "huddle-collective huddle-assessment",
                    "data-huddle-collective": "rater",
                    "data-framework-url": "../framework.json",
                    "data-search-exclude": True,
                    "data-huddle-framework": framework.id,
                    "data-version": framework.version,
                    "autocomplete": "off",
                    "novalidate": True,
                },
                h(
                    "div",
                    {"class": "huddle-bar", "data-huddle-bar": True},
                    h(
                        "p",
                        {"class": "huddle-progress", "data-huddle-progress": True, "role": "status"},
                        say("progress", answered=0, total=len(framework.items())),
                    ),
                ),
                save_option(messages),
                role,
                rater_questions(framework),
                _submit(say("rater-get-code")),
                code_box(messages, say("rater-code-label")),
            ),
            "",
        ]
    )


def feedback_page(messages: Messages, framework: Framework, least: int) -> str:
    """ "My 360": the person's own code and their raters' codes, pooled under the 360 rules."""
    say = messages.say
    here = feedback_uri(framework)
    title = framework.title + ": " + say("feedback-link")
    rater = markdown_link(say("rater-link"), link(here, rater_uri(framework)))
    return "\n".join(
        [
            _front(framework, title),
            heading(1, title),
            "",
            "1. " + say("feedback-step-own", assessment_url=link(here, assessment_uri(framework))),
            "2. " + say("feedback-step-raters", rater=rater),
            "3. " + say("feedback-step-paste"),
            "",
            say("feedback-rules", least=least) + " " + say("honesty"),
            "",
            collection_section(messages, framework, say("collection-intro-feedback"), "../rater/"),
            "",
            h(
                "form",
                {
                    "class": "huddle-collective",
                    "data-huddle-collective": "360",
                    "data-framework-url": "../framework.json",
                    "data-search-exclude": True,
                },
                h("label", {"for": "huddle-own-code"}, say("own-code-label")),
                h(
                    "input",
                    {
                        "type": "text",
                        "id": "huddle-own-code",
                        **CODE_INPUT,
                        "data-huddle-own-code": True,
                    },
                ),
                _codes_field(say("rater-codes-label"), say("codes-hint")),
                _submit(say("show-feedback")),
            ),
            "",
            _output(messages, say("feedback-view-title"), csv=False),
            "",
        ]
    )
