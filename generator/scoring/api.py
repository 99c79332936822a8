"""The calls the browser makes into the scoring package, as JSON in and JSON out.

The worker passes JSON text across the JavaScript/Python boundary, so no
proxies leak; a ValueError (a problem with the person's input, such as a
file from another framework) comes back as `{"error": sentence}`.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import asdict
from fractions import Fraction
from typing import Any

from . import (
    codes,
    feedback,
    feedback_view,
    organisation,
    organisation_view,
    results,
    sealed,
    survey,
    team,
    team_view,
)
from .alphabet import ALPHABET
from .chart import bar_chart
from .kinds import RATERS, Role
from .model import Framework, Guidance, normalise, read_guidance
from .report import changes, read_saved, report, saved_result
from .score import score
from .strings import Messages


def results_call(
    messages: Messages,
    framework: Framework,
    guidance: Guidance,
    answers: Mapping[str, Any],
    date: str,
    earlier: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The results view's HTML for `answers` (and the change since `earlier`, as the "read_saved" call gave it),
    and the downloads."""
    found = report(framework, answers, date, messages=messages)
    before = score(framework, earlier["answers"]) if earlier is not None else None
    chart = bar_chart(messages, framework, found.result.competencies, before.competencies if before else None)
    shown = ""
    if earlier is not None and before is not None:
        rows = changes(before, found.result)  # both already scored
        shown = results.comparison(messages, framework, rows, earlier.get("date", ""), earlier.get("notes", ""))
    return {
        "view": results.view(messages, framework, guidance, found, answers, chart),
        "comparison": shown,
        "json": found.saved,
        "csv": found.csv,
        "stem": f"{framework.id}-{date}",
    }


def saved_call(
    messages: Messages, framework: Framework, guidance: Guidance, answers: Mapping[str, Any], date: str, notes: str
) -> str:
    """The saved-result file for `answers` with the notes as they are now (they change after scoring)."""
    if not isinstance(notes, str):
        raise ValueError("The notes must be text.")
    return saved_result(score(framework, answers), answers, date, notes)


def code_call(
    messages: Messages,
    framework: Framework,
    guidance: Guidance,
    answers: Mapping[str, Any],
    group: str,
    role: str,
    nonce: Any,
) -> str:
    """A result code for `answers` (a rater's when `role` is given). The page's random numbers make the nonce."""
    if isinstance(nonce, list):
        nonce = "".join(ALPHABET[n % len(ALPHABET)] for n in nonce if isinstance(n, int))
    return codes.encode(framework, answers, group=group, role=role, nonce=str(nonce), messages=messages)


def _collection(messages: Messages, key: Mapping[str, Any] | None) -> sealed.Collection | None:
    """The collection of the key file loaded (`{"collection": id, "secret": base64url}`), or None."""
    return None if key is None else sealed.Collection.from_json(key, messages=messages)


def _head(messages: Messages, framework: Framework, guidance: Guidance | None, date: str, rounds: list[str]) -> str:
    """A collective view's printed head: when this browser made it, and which round of codes it holds."""
    if not date:
        return ""
    made = messages.say("print-made", version=framework.version, date=results.long_date(messages, date))
    return results.print_head(framework, guidance, made, *rounds)


def team_call(
    messages: Messages,
    framework: Framework,
    guidance: Guidance,
    pasted: str,
    earlier: str,
    k: int,
    k_group: int,
    key: Mapping[str, Any] | None = None,
    date: str = "",
) -> dict[str, Any]:
    """The team profile of the codes pasted (one a line), and of an earlier round's when given.

    With the `key` of a collection, the page has opened the sealed codes it could (see `codes.read_codes`).
    `date` (YYYY-MM-DD, this browser's today) dates the printout's head."""
    collection = _collection(messages, key)
    now = codes.read_codes(framework, pasted, roles=(Role.SELF,), collection=collection, messages=messages)
    found = team.profile(framework, now.codes, k)
    before = None
    notes = [team_view.kind_note(messages, now), team_view.batch_notes(messages, now)]
    if earlier.strip():
        then = codes.read_codes(framework, earlier, roles=(Role.SELF,), collection=collection, messages=messages)
        before = team.profile(framework, then.codes, k)
        notes.append(team_view.batch_notes(messages, then, "batch-earlier"))
    groups = team.by_group(framework, now.codes, k, k_group, messages=messages)
    rounds = [messages.say("print-round", members=found.members)]
    if before is not None and found.shown and before.shown and team.comparable(found.members, before.members, k):
        rounds.append(messages.say("print-round-earlier", members=before.members))
    return {
        "head": _head(messages, framework, guidance, date, rounds),
        "view": team_view.view(messages, framework, found, groups, before),
        "notes": "".join(notes),
        "counted": len(now.codes),
        "shown": found.shown,
        "csv": team_view.to_csv(messages, found, framework.audience),
        "figures": organisation.figures(found),
        "stem": f"{framework.id}-team-profile",
    }


def feedback_call(
    messages: Messages,
    framework: Framework,
    guidance: Guidance,
    own: str,
    pasted: str,
    least: int,
    gap: float,
    key: Mapping[str, Any] | None = None,
    date: str = "",
) -> dict[str, Any]:
    """The 360 view of the person's own code and the rater codes pasted (one a line); `date` as for a team."""
    if not framework.offers_360:
        raise ValueError(f"{framework.title} does not offer 360 feedback.")
    mine = codes.decode(framework, own, messages=messages)
    if mine.role:
        raise ValueError(messages.say("own-code-is-a-rater"))
    raters = codes.read_codes(framework, pasted, roles=RATERS, collection=_collection(messages, key), messages=messages)
    shown = feedback.feedback(framework, mine, raters.codes, least, Fraction(str(gap)), messages=messages)
    return {
        "head": _head(
            messages, framework, guidance, date, [messages.say("print-round-feedback", raters=len(raters.codes))]
        ),
        "view": feedback_view.view(messages, framework, shown, Fraction(str(gap)), least),
        "notes": team_view.kind_note(messages, raters) + team_view.batch_notes(messages, raters),
        "counted": len(raters.codes),
    }


def survey_call(
    messages: Messages,
    framework: Framework,
    guidance: Guidance,
    text: str,
    mapping: Mapping[str, str],
    k: int,
    date: str = "",
) -> dict[str, Any]:
    """The team profile of a survey tool's export (CSV), with the columns matched and the rows left out;
    `date` as for a team."""
    read = survey.read_survey(framework, text, mapping, messages=messages)
    found = team.profile(framework, read.people, k)
    notes = codes.Batch((), read.problems, (), (), codes.alike(zip(read.rows, read.people, strict=True)))
    return {
        "head": _head(messages, framework, guidance, date, [messages.say("print-round-survey", members=found.members)]),
        "mapping": team_view.mapping_form(messages, framework, read.columns, dict(read.matched), read.unmatched),
        "view": team_view.view(messages, framework, found, team.Groups((), ""), source="profile-of-survey"),
        "notes": team_view.batch_notes(messages, notes, "batch-file", rows=True),
        "counted": len(read.people),
        "shown": found.shown,
        "csv": team_view.to_csv(messages, found, framework.audience),
        "figures": organisation.figures(found),
        "stem": f"{framework.id}-team-profile",
    }


def profile_file_call(
    messages: Messages,
    framework: Framework,
    guidance: Guidance,
    figures: Mapping[str, Any],
    team: str,
    round: str,
    date: str,
) -> dict[str, str]:
    """The profile file of the figures a team page shows (`figures` from "team" or "survey"), labelled."""
    text = organisation.profile_file(framework, figures, team, round, date, messages=messages)
    label = organisation.label(team, team=True, messages=messages)
    slug = "-".join(re.findall(r"[a-z0-9]+", label.casefold()))[:40] or "team"
    return {"text": text, "team": label, "stem": f"{framework.id}-profile-{slug}"}


def organisation_call(
    messages: Messages,
    framework: Framework,
    guidance: Guidance,
    files: list[Mapping[str, str]],
    k: int,
    k_group: int,
    earlier: list[Mapping[str, str]] | None = None,
    board: list[str] | None = None,
    survey_text: str = "",
    grouped_by: int | None = None,
    mapping: Mapping[str, str] | None = None,
    date: str = "",
) -> dict[str, Any]:
    """The organisation view of many profile files (`{name, text}` each) and an earlier round's, or of one
    survey export split by its column `grouped_by`; `board`: the labels of the teams that are the board."""
    notes: list[Any] = []
    source = "print-round-profiles"
    if survey_text:
        read = survey.read_survey(framework, survey_text, mapping, grouped_by, messages=messages)
        chooser: str = organisation_view.column_chooser(messages, read.columns, read.unmatched, grouped_by)
        if grouped_by is None:
            return {"view": "", "notes": "", "columns": chooser, "counted": 0, "shown": False}
        teams = organisation.survey_teams(framework, read, k, read.columns[grouped_by], messages=messages)
        batch = codes.Batch((), read.problems, (), (), ())
        notes.append(team_view.batch_notes(messages, batch, "batch-file", rows=True))
        source = "print-round-survey-groups"
    else:
        teams, problems = organisation.read_profile_files(framework, files, messages=messages)
        notes.append(organisation_view.file_notes(messages, problems))
        versions = organisation.other_versions(framework, teams, messages=messages)
        notes.append(organisation_view.file_notes(messages, versions, "profile-files-other-versions"))
        chooser = ""
    before: list[organisation.Team] = []
    if earlier:
        before, problems = organisation.read_profile_files(framework, earlier, messages=messages)
        notes.append(organisation_view.file_notes(messages, problems, "profile-files-earlier-left-out"))
        versions = organisation.other_versions(framework, before, messages=messages)
        notes.append(organisation_view.file_notes(messages, versions, "profile-files-other-versions"))
    shown = organisation.shown_teams(teams, k)
    rounds = [messages.say(source, teams=len(shown), people=sum(t.members for t in shown))]
    return {
        "head": _head(messages, framework, guidance, date, rounds),
        "view": organisation_view.view(messages, framework, teams, k, k_group, set(board or []), before),
        "notes": "".join(notes),
        "columns": chooser,
        "counted": len(teams),
        "shown": bool(shown),
        "csv": organisation_view.to_csv(messages, framework, teams, k, k_group),
        "stem": f"{framework.id}-organisation",
    }


CALLS: dict[str, Callable[..., Any]] = {
    "results": results_call,
    "saved": saved_call,
    "code": code_call,
    "team": team_call,
    "feedback": feedback_call,
    "survey": survey_call,
    "profile_file": profile_file_call,
    "organisation": organisation_call,
    "read_saved": lambda messages, framework, guidance, text: asdict(read_saved(framework, text, messages=messages)),
}


@functools.lru_cache(maxsize=4)
def published(framework_json: str) -> tuple[Messages, Framework, Guidance]:
    """The site's own wording, the framework and its guidance, of a `framework.json`: made once, as the worker
    sends the same text with every call."""
    data = json.loads(framework_json)
    return Messages(data.get("messages", {})), normalise(data), read_guidance(data.get("guidance"))


def call(framework_json: str, name: str, args_json: str) -> str:
    """Run the call `name` against the framework with `args_json`: a JSON object of its arguments by name
    (`{"pasted": ..., "key": ...}`), as the page scripts send them; never a list, whose order would have to
    match each function's here."""
    messages, framework, guidance = published(framework_json)
    args = json.loads(args_json)
    if not isinstance(args, dict):
        raise TypeError(f"The scorer's '{name}' call takes its arguments by name (a JSON object), not in a list.")
    try:
        value = CALLS[name](messages, framework, guidance, **args)
    except ValueError as error:
        return json.dumps({"error": str(error)})
    return json.dumps({"value": value})
