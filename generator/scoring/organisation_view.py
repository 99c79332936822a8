"""The organisation view as HTML and CSV: its one renderer, escaping by default.

A heat map (teams down, competencies across, each cell its score and band in
words, shaded by the band's place so colour is never alone), the groups and the
whole organisation pooled from what the team pages show, the teams not shown and
why, the board beside the rest, and the change since an earlier round.
Standard library only (runs in Pyodide).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from . import spreadsheet
from .html import Markup, h, join
from .model import Framework
from .organisation import (
    Group,
    Pooled,
    Team,
    as_profile,
    band_label,
    beside,
    group_of,
    groups,
    matched_rounds,
    pool,
    shown_teams,
)
from .results import data_table
from .spreadsheet import Figure
from .strings import Messages
from .team import changes


def _band_place(framework: Framework, competency: str, score: str | None) -> int | None:
    """Which band (0 the lowest) a shown score is in, for its shade."""
    if score is None:
        return None
    found = band_label(framework, competency, score)
    labels = [b.label for b in next(c for c in framework.competencies() if c.id == competency).bands]
    return labels.index(found) if found in labels else None


def _cell(messages: Messages, framework: Framework, competency: str, score: str | None) -> Markup:
    if score is None:
        return h("td", {"class": "huddle-heat__withheld", "data-score": ""}, messages.say("withheld"))
    place = _band_place(framework, competency, score)
    shade = {"class": f"huddle-heat--{min(place, 4)}"} if place is not None else {}
    return h(
        "td",
        {**shade, "data-score": score},
        h("span", {"class": "huddle-heat__score"}, score),
        " ",
        h("span", {"class": "huddle-heat__band"}, band_label(framework, competency, score)),
    )


def _team_row(messages: Messages, framework: Framework, team: Team) -> Markup:
    cells = [
        _cell(messages, framework, c.id, s.score if (s := team.score(c.id)) else None) for c in framework.competencies()
    ]
    return h(
        "tr",
        {"data-team": team.label, "data-in-group": group_of(team)},
        h("th", {"scope": "row"}, team.label),
        h("td", {"data-score": str(team.members)}, str(team.members)),
        cells,
    )


def _pooled_row(
    messages: Messages,
    framework: Framework,
    name: str,
    pooled: Mapping[str, Pooled],
    people: int,
    kind: str,
    group: str | None = None,
) -> Markup:
    cells = [_cell(messages, framework, c.id, pooled[c.id].score) for c in framework.competencies()]
    return h(
        "tr",
        {"class": "huddle-heat__pooled", f"data-{kind}": name, "data-in-group": group},
        h("th", {"scope": "row"}, name),
        h("td", {"data-score": str(people)}, str(people)),
        cells,
    )


def heat_map(messages: Messages, framework: Framework, teams: Sequence[Team], k: int, k_group: int) -> Markup:
    """The table of teams shown, then their groups and the whole organisation, pooled."""
    say = messages.say
    shown = shown_teams(teams, k)
    titles = [say("heat-team"), say("heat-people"), *[c.title for c in framework.competencies()]]
    # Each heading a button that sorts the teams by its column (collective.js); pooled rows stay last.
    head = [
        h("button", {"type": "button", "class": "huddle-sort", "data-huddle-sort": n}, title)
        for n, title in enumerate(titles)
    ]
    rows = [_team_row(messages, framework, t) for t in sorted(shown, key=lambda t: t.label.casefold())]
    pooled_rows = []
    for group in groups(framework, teams, k, k_group):
        if group.pooled is not None:
            name = say("heat-group", group=group.label, teams=len(shown_teams(group.teams, k)))
            people = sum(t.members for t in shown_teams(group.teams, k))
            pooled_rows.append(_pooled_row(messages, framework, name, group.pooled, people, "group", group.label))
    whole = say("heat-organisation", teams=len(shown))
    pooled_rows.append(
        _pooled_row(
            messages, framework, whole, pool(framework, teams, k), sum(t.members for t in shown), "organisation"
        )
    )
    caption = say("heat-caption", teams=len(shown))
    named = sorted({group_of(t) for t in shown} - {""}, key=str.casefold)
    choice = Markup("")
    if named:  # one group's teams alone, beside the whole organisation (collective.js hides the rest)
        options = [h("option", {"value": ""}, say("heat-filter-all"))]
        options += [h("option", {"value": name}, name) for name in named]
        choice = h(
            "p",
            {"class": "huddle-heat-filter"},
            h("label", {"for": "huddle-heat-filter"}, say("heat-filter-label")),
            " ",
            h("select", {"id": "huddle-heat-filter", "data-huddle-heat-filter": True}, options),
        )
    table = data_table({"data-huddle-heat": True}, caption, head, [*rows, *pooled_rows], scrolls=say("heat-box"))
    return join([choice, table, h("p", {"class": "huddle-hint"}, say("heat-pooled-note"))])


def _not_shown(messages: Messages, teams: Sequence[Team], k: int, k_group: int, found: Sequence[Group]) -> Markup:
    """Which teams and groups are not shown, by name, and why."""
    say = messages.say
    lines = [
        h("li", {}, say("heat-team-withheld", team=t.label, people=t.members, least=k))
        for t in sorted(teams, key=lambda t: t.label.casefold())
        if t.members < k
    ]
    lines += [
        h("li", {}, say("heat-group-withheld", group=g.label, teams=len(shown_teams(g.teams, k)), least=k_group))
        for g in found
        if g.pooled is None
    ]
    if not lines:
        return Markup("")
    return join([h("h3", {}, say("heat-withheld-title")), h("ul", {"data-huddle-withheld-teams": True}, lines)])


def _board(messages: Messages, framework: Framework, teams: Sequence[Team], board: set[str], k: int) -> Markup:
    """The choice of which teams are the board, and the board beside the rest once one is chosen."""
    say = messages.say
    shown = sorted(shown_teams(teams, k), key=lambda t: t.label.casefold())
    if len(shown) < 2:
        return Markup("")
    boxes = [
        h(
            "p",
            {},
            h(
                "input",
                {
                    "type": "checkbox",
                    "id": f"huddle-board-{n}",
                    "value": t.label,
                    "data-huddle-board-choice": True,
                    "checked": t.label in board,
                },
            ),
            " ",
            h("label", {"for": f"huddle-board-{n}"}, t.label),
        )
        for n, t in enumerate(shown)
    ]
    parts: list[object] = [
        h("h3", {}, say("board-title")),
        h("fieldset", {"class": "huddle-board-choice"}, h("legend", {}, say("board-choose")), boxes),
    ]
    chosen = board & {t.label for t in shown}
    if chosen and len(chosen) < len(shown):
        said = beside(framework, shown, chosen, k, messages=messages)
        parts.append(h("ul", {"data-huddle-board-gaps": True}, [h("li", {}, f"{t}: {s}") for t, s in said]))
    return h("div", {"class": "huddle-board"}, parts)


def _rounds(messages: Messages, framework: Framework, teams: Sequence[Team], earlier: Sequence[Team], k: int) -> Markup:
    say = messages.say
    if not earlier:
        return Markup("")
    pairs = matched_rounds(shown_teams(teams, k), shown_teams(earlier, k), k)
    title = h("h3", {}, say("rounds-title"))
    if not pairs:
        return join([title, h("p", {"data-huddle-rounds-none": True}, say("rounds-none", least=k))])
    blocks = []
    for now, then in sorted(pairs, key=lambda pair: pair[0].label.casefold()):
        said = changes(as_profile(framework, now, k), as_profile(framework, then, k), messages=messages)
        blocks.append(
            join(
                [
                    h("h4", {}, say("rounds-team", team=now.label, now=now.members, then=then.members)),
                    h("ul", {"data-huddle-round-changes": now.label}, [h("li", {}, f"{t}: {s}") for t, s in said]),
                ]
            )
        )
    left = len(shown_teams(teams, k)) - len(pairs)
    note = h("p", {}, say("rounds-left", count=left, least=k)) if left else Markup("")
    return join([title, *blocks, note])


def view(
    messages: Messages,
    framework: Framework,
    teams: Sequence[Team],
    k: int,
    k_group: int,
    board: set[str] | None = None,
    earlier: Sequence[Team] = (),
) -> Markup:
    """The whole organisation view."""
    say = messages.say
    shown = shown_teams(teams, k)
    if not shown:
        return h("p", {"class": "huddle-more", "data-huddle-more": True}, say("heat-none-shown", least=k))
    found = groups(framework, teams, k, k_group)
    return join(
        [
            h(
                "p",
                {"data-huddle-members": True},
                say("heat-summary", teams=len(shown), people=sum(t.members for t in shown)),
            ),
            heat_map(messages, framework, teams, k, k_group),
            _not_shown(messages, teams, k, k_group, found),
            _board(messages, framework, teams, board or set(), k),
            _rounds(messages, framework, teams, earlier, k),
        ]
    )


def to_csv(messages: Messages, framework: Framework, teams: Sequence[Team], k: int, k_group: int) -> str:
    """The heat map's figures, a row a team shown, then the groups and the organisation pooled."""
    say = messages.say
    competencies = framework.competencies()
    header = ["team", "people", *[c.id for c in competencies], "note"]
    rows: list[list[object]] = []
    for t in sorted(shown_teams(teams, k), key=lambda t: t.label.casefold()):
        scores = [Figure(s.score) if (s := t.score(c.id)) else "" for c in competencies]
        rows.append([t.label, t.members, *scores, ""])
    for group in groups(framework, teams, k, k_group):
        if group.pooled is not None:
            scores = [Figure(p.score) if (p := group.pooled[c.id]).score else "" for c in competencies]
            people = sum(t.members for t in shown_teams(group.teams, k))
            rows.append([group.label, people, *scores, say("heat-csv-pooled")])
    whole = pool(framework, teams, k)
    scores = [Figure(p.score) if (p := whole[c.id]).score else "" for c in competencies]
    rows.append(
        [say("heat-csv-organisation"), sum(t.members for t in shown_teams(teams, k)), *scores, say("heat-csv-pooled")]
    )
    return spreadsheet.to_csv(header, rows)


def file_notes(messages: Messages, problems: Sequence[str], title: str = "profile-files-left-out") -> Markup:
    """The files left out, each with why."""
    if not problems:
        return Markup("")
    return h(
        "div",
        {"class": "huddle-batch-notes", "data-huddle-batch-notes": True},
        h("p", {}, messages.say(title)),
        h("ul", {}, [h("li", {}, problem) for problem in problems]),
    )


def column_chooser(messages: Messages, columns: Sequence[str], unmatched: Sequence[int], chosen: int | None) -> Markup:
    """The choice of the survey's column that says each person's team (or directorate, or staff group)."""
    say = messages.say
    options = [h("option", {"value": ""}, say("survey-group-choose"))]
    for n in sorted(set(unmatched) | ({chosen} if chosen is not None else set())):
        name = columns[n] or say("survey-column-unnamed", number=n + 1)
        options.append(h("option", {"value": str(n), "selected": n == chosen}, name))
    return h(
        "p",
        {},
        h("label", {"for": "huddle-group-column"}, say("survey-group-label")),
        " ",
        h("select", {"id": "huddle-group-column", "data-huddle-group-column": True}, options),
    )
