"""The organisation view: many teams' profiles side by side, pooled, grouped and compared, with anonymity rules.

A team page downloads its profile as a *profile file*: the figures the page
showed (a competency's score rounded as shown, how many people have one, the
band counts where shown) and nothing else: no codes, no answers, no exact mean.
A checksum (SHA-256 of the rest) lets the organisation view refuse a file that
was changed by hand or damaged on the way, by name; it is not a signature
(anyone can make one), and says so in docs/collective.md.

Every figure here is made from figures a team page already showed, so no
combination of them can give away what a page withheld:
- a team with fewer than `k` people, or a competency it withheld, never enters
  a pooled figure (the organisation less the teams shown would give it away);
- a pooled figure is the mean of the shown scores weighted by how many people
  have one; since they are rounded as shown, it can differ from a direct
  computation on everyone's codes by up to 0.05 (half the last place);
- a group of teams is shown only from `k_group` teams shown;
- two rounds are compared team by team only where the team page would compare
  them (`team.comparable`).
Standard library only (runs in Pyodide).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from .codes import Code
from .model import Framework
from .score import band_for, round_half_up
from .strings import HUDDLE, Messages
from .survey import Survey
from .team import CompetencyProfile, Profile, comparable, profile

KIND = "huddle-team-profile"
"""What a profile file says it is, in its `huddle` key."""
FORMAT = 1
"""The profile file format this code writes, and the newest it reads (schema: profile.schema.json)."""
LABEL_MOST = 80
"""The longest team or round label, in characters: a label is a name, not a note."""
PART = " / "
"""How a team label's parts are written: "Medicine / Ward 7" is in the group "Medicine"."""
MAX_FILES = 500
"""The most profile files read at once: more teams than the largest trust has."""


@dataclass(frozen=True, slots=True)
class Shown:
    """One competency as a team page showed it."""

    id: str
    score: str | None
    """Rounded as shown ("3.4"), or None: withheld."""
    counted: int
    """People with a score for it; 0 when withheld."""
    bands: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Team:
    """A team's figures, from its profile file or from a group of a survey export."""

    label: str
    members: int
    competencies: tuple[Shown, ...]
    round: str = ""
    date: str = ""
    source: str = ""
    """Where it came from: a file's name, or the survey's grouping column."""
    version: str = ""
    """The framework's version its file was made with ("" from a survey: this site's)."""

    def score(self, competency: str) -> Shown | None:
        return next((c for c in self.competencies if c.id == competency and c.score is not None), None)


# Profile files -------------------------------------------------------------------------------------------------


def figures(found: Profile) -> dict[str, Any]:
    """What a team page shows of `found`, as the profile file keeps it (JSON); empty when nothing is shown."""
    if not found.shown:
        return {}
    return {
        "members": found.members,
        "competencies": [
            {"id": c.id, "score": c.score, "counted": c.counted, "bands": [[label, n] for label, n in c.bands]}
            if c.mean is not None
            else {"id": c.id, "score": None}
            for c in found.competencies
        ],
    }


def label(text: object, team: bool, messages: Messages = HUDDLE) -> str:
    """A team's label (required) or a round's (optional) as typed, spaces tidied; a sentence when it cannot be
    used."""
    say = messages.say
    if not isinstance(text, str):
        raise ValueError(say("label-not-text"))
    tidy = " ".join(text.split())
    if team and not tidy:
        raise ValueError(say("team-label-missing"))
    if len(tidy) > LABEL_MOST:
        too_long = "team-label-too-long" if team else "round-label-too-long"
        raise ValueError(say(too_long, most=LABEL_MOST, length=len(tidy)))
    return tidy


def _checksum(body: Mapping[str, Any]) -> str:
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return "sha256:" + hashlib.sha256(canonical.encode()).hexdigest()


def profile_file(
    framework: Framework, shown: Mapping[str, Any], team: str, round_label: str, date: str, messages: Messages = HUDDLE
) -> str:
    """The profile file of a team page's figures (`figures`), labelled by the facilitator, with its checksum."""
    if not shown:
        raise ValueError(messages.say("profile-file-nothing"))
    body = {
        "huddle": KIND,
        "format": FORMAT,
        "framework": {"id": framework.id, "version": framework.version},
        "team": label(team, team=True, messages=messages),
        "round": label(round_label, team=False, messages=messages),
        "date": date,
        "members": shown["members"],
        "competencies": list(shown["competencies"]),
    }
    _team(messages, framework, body, "")  # what is written can be read back
    return json.dumps({**body, "checksum": _checksum(body)}, indent=1, ensure_ascii=False) + "\n"


def read_profile_file(framework: Framework, name: str, text: str, messages: Messages = HUDDLE) -> Team:
    """The team of a profile file; a ValueError naming the file when it cannot be counted."""
    say = messages.say
    try:
        data = json.loads(text)
    except ValueError:
        raise ValueError(say("profile-file-not-json", name=name)) from None
    if not isinstance(data, dict) or data.get("huddle") != KIND:
        raise ValueError(say("profile-file-not-profile", name=name))
    if not isinstance(data.get("format"), int) or data["format"] > FORMAT:
        raise ValueError(say("profile-file-newer", name=name))
    made_for = data.get("framework")
    if not isinstance(made_for, dict) or made_for.get("id") != framework.id:
        other = made_for.get("id") if isinstance(made_for, dict) else None
        raise ValueError(say("profile-file-other-framework", name=name, other=str(other), title=framework.title))
    given = data.pop("checksum", None)
    if given != _checksum(data):
        raise ValueError(say("profile-file-changed", name=name))
    return _team(messages, framework, data, name)


def _team(messages: Messages, framework: Framework, data: Mapping[str, Any], name: str) -> Team:
    """The team a profile file's body describes, every figure checked for its type and range."""

    def bad(key: str) -> ValueError:
        return ValueError(messages.say("profile-file-bad", name=name or "profile", key=key))

    members = data.get("members")
    if isinstance(members, bool) or not isinstance(members, int) or members < 0:
        raise bad("members")
    wanted = {c.id: c for c in framework.competencies()}
    found: dict[str, Shown] = {}
    for entry in data.get("competencies") or []:
        if not isinstance(entry, dict) or entry.get("id") not in wanted or entry["id"] in found:
            raise bad("competencies")
        score = entry.get("score")
        if score is None:
            found[entry["id"]] = Shown(entry["id"], None, 0)
            continue
        counted, bands = entry.get("counted"), entry.get("bands", [])
        if not isinstance(score, str) or not re.fullmatch(r"-?\d+\.\d", score):
            raise bad(f"competencies.{entry['id']}.score")
        if isinstance(counted, bool) or not isinstance(counted, int) or not 0 < counted <= members:
            raise bad(f"competencies.{entry['id']}.counted")
        labels = {band.label for band in wanted[entry["id"]].bands}
        if not isinstance(bands, list) or not all(
            isinstance(b, list) and len(b) == 2 and b[0] in labels and isinstance(b[1], int) and b[1] >= 0
            for b in bands
        ):
            raise bad(f"competencies.{entry['id']}.bands")
        found[entry["id"]] = Shown(entry["id"], score, counted, tuple((b[0], b[1]) for b in bands))
    try:
        team = label(data.get("team", ""), team=True, messages=messages)
        round_label = label(data.get("round", ""), team=False, messages=messages)
    except ValueError:
        raise bad("team") from None
    date = data.get("date", "")
    if not isinstance(date, str) or (date and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date)):
        raise bad("date")
    shown = tuple(found.get(c, Shown(c, None, 0)) for c in wanted)
    made_for = data.get("framework")
    version = str(made_for.get("version", "")) if isinstance(made_for, dict) else ""
    return Team(team, members, shown, round_label, date, name, version)


def read_profile_files(
    framework: Framework, files: Sequence[Mapping[str, str]], messages: Messages = HUDDLE
) -> tuple[list[Team], list[str]]:
    """The teams of many profile files ({name, text} each), and a sentence for each file left out.

    A file made with another version of the framework counts (a programme outlives a version), and
    `other_versions` names it: its statements, and so its scores, may differ."""
    say = messages.say
    if len(files) > MAX_FILES:
        raise ValueError(say("profile-files-too-many", most=MAX_FILES, count=len(files)))
    teams: list[Team] = []
    problems: list[str] = []
    for file in files:
        name, text = str(file.get("name", "")), file.get("text", "")
        if text is None:  # the page did not read it: too large to be a profile file
            problems.append(say("profile-file-too-big", name=name))
            continue
        try:
            team = read_profile_file(framework, name, text if isinstance(text, str) else "", messages=messages)
        except ValueError as error:
            problems.append(str(error))
            continue
        same = next((t for t in teams if t.label.casefold() == team.label.casefold()), None)
        if same is not None:
            problems.append(say("profile-file-same-label", name=name, first=same.source, label=team.label))
            continue
        teams.append(team)
    return teams, problems


def team_of(label_text: str, found: Profile, source: str) -> Team:
    """A group of a survey export as a team, with the figures its team page would show."""
    shown = figures(found)
    competencies = tuple(
        Shown(c["id"], c["score"], c.get("counted", 0), tuple((b[0], b[1]) for b in c.get("bands", [])))
        for c in shown.get("competencies", [])
    )
    return Team(label_text, found.members, competencies, source=source)


def survey_teams(framework: Framework, read: Survey, k: int, column: str, messages: Messages = HUDDLE) -> list[Team]:
    """The teams of a survey export split by its grouping column, each with what its team page would show."""
    by: dict[str, list[Code]] = {}
    for person, group in zip(read.people, read.labels, strict=True):
        by.setdefault(group[:LABEL_MOST] or messages.say("heat-no-group"), []).append(person)
    return [team_of(name, profile(framework, people, k, detail=False), column) for name, people in by.items()]


def other_versions(framework: Framework, teams: Sequence[Team], messages: Messages = HUDDLE) -> list[str]:
    """A sentence for each team whose file was made with another version of the framework."""
    return [
        messages.say("profile-file-other-version", name=t.source, version=t.version, current=framework.version)
        for t in teams
        if t.version and t.version != framework.version
    ]


# Pooling -------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Pooled:
    """A competency's figure pooled from several teams' shown scores."""

    mean: Fraction | None
    counted: int
    """People behind it: the sum of the counts of the scores pooled."""
    teams: int

    @property
    def score(self) -> str | None:
        return round_half_up(self.mean) if self.mean is not None else None


def shown_teams(teams: Sequence[Team], k: int) -> list[Team]:
    """The teams a team page would show: at least `k` people."""
    return [t for t in teams if t.members >= k]


def pool(framework: Framework, teams: Sequence[Team], k: int) -> dict[str, Pooled]:
    """Each competency pooled from the shown scores of the teams shown, weighted by their counts."""
    pooled = {}
    for competency in framework.competencies():
        found = [s for t in shown_teams(teams, k) if (s := t.score(competency.id)) is not None]
        weighted = [(Fraction(s.score), s.counted) for s in found if s.score is not None]  # (`score` says so)
        counted = sum(n for _, n in weighted)
        mean = sum((score * n for score, n in weighted), Fraction(0)) / counted if counted else None
        pooled[competency.id] = Pooled(mean, counted, len(weighted))
    return pooled


def band_label(framework: Framework, competency: str, score: str | None) -> str:
    """The band a shown score is in, by its label ("" for none)."""
    if score is None:
        return ""
    found = band_for(Fraction(score), next(c for c in framework.competencies() if c.id == competency).bands)
    return found.label if found else ""


def group_of(team: Team) -> str:
    """The first part of a team's label: "Medicine / Ward 7" is in "Medicine"; a label of one part, in none."""
    first, sep, _ = team.label.partition(PART.strip())
    return first.strip() if sep else ""


@dataclass(frozen=True, slots=True)
class Group:
    label: str
    teams: tuple[Team, ...]
    """Every team of the group, shown or not."""
    pooled: Mapping[str, Pooled] | None
    """None when fewer than `k_group` of its teams are shown."""


def groups(framework: Framework, teams: Sequence[Team], k: int, k_group: int) -> list[Group]:
    """The groups of teams by their labels' first part, each pooled only from `k_group` teams shown."""
    by: dict[str, list[Team]] = {}
    for team in teams:
        if group_of(team):
            by.setdefault(group_of(team), []).append(team)
    return [
        Group(name, tuple(members), pool(framework, members, k) if len(shown_teams(members, k)) >= k_group else None)
        for name, members in sorted(by.items(), key=lambda entry: entry[0].casefold())
    ]


# Board beside front line, and rounds ---------------------------------------------------------------------------


def beside(
    framework: Framework, teams: Sequence[Team], board: set[str], k: int, messages: Messages = HUDDLE
) -> list[tuple[str, str]]:
    """Per competency, the board's pooled score beside the rest's, in words: (title, sentence)."""
    say = messages.say
    chosen = [t for t in teams if t.label in board]
    rest = [t for t in teams if t.label not in board]
    ours, theirs = pool(framework, chosen, k), pool(framework, rest, k)
    said = []
    for competency in framework.competencies():
        a, b = ours[competency.id], theirs[competency.id]
        if a.score is None or b.score is None:
            said.append((competency.title, say("board-gap-none")))
            continue
        gap = Fraction(a.score) - Fraction(b.score)
        key = "board-gap-same" if gap == 0 else "board-gap-higher" if gap > 0 else "board-gap-lower"
        said.append((competency.title, say(key, board=a.score, rest=b.score, gap=round_half_up(abs(gap)))))
    return said


def as_profile(framework: Framework, team: Team, k: int) -> Profile:
    """A team's shown figures as a team profile, so two rounds are compared by the team page's own rules."""
    titles = {c.id: c.title for c in framework.competencies()}
    return Profile(
        team.members,
        k,
        tuple(
            CompetencyProfile(
                c.id, titles[c.id], c.counted, Fraction(c.score) if c.score is not None else None, None, c.bands
            )
            for c in team.competencies
        ),
        (),
    )


def matched_rounds(teams: Sequence[Team], earlier: Sequence[Team], k: int) -> list[tuple[Team, Team]]:
    """The teams of this round and the earlier one with the same label, both shown and comparable as a whole."""
    before = {t.label.casefold(): t for t in earlier}
    pairs = []
    for team in teams:
        then = before.get(team.label.casefold())
        if then is not None and comparable(team.members, then.members, k):
            pairs.append((team, then))
    return pairs
