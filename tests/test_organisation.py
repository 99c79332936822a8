"""The organisation view's figures: profile files, pooling, groups, the board beside the rest, rounds, and the
subtraction attacks its anonymity rules must hold against."""

from __future__ import annotations

import csv
import io
import json
from fractions import Fraction

import pytest

from generator.scoring import api, organisation
from generator.scoring.organisation import (
    figures,
    pool,
    read_profile_file,
    read_profile_files,
    shown_teams,
)
from generator.scoring.strings import HUDDLE
from generator.scoring.team import profile
from tests.test_results_view import HOSTILE, tree
from tests.test_team import codes_of, member

K, K_GROUP = 5, 3


def team_file(framework, values, label, round_label="Spring", start=0, skip=()):
    """The profile file a team page gives for members whose every competency scores each of `values`."""
    pasted = "\n".join(member(framework, v, start + n, skip=skip if n < 2 else ()) for n, v in enumerate(values))
    shown = api.team_call(HUDDLE, framework, None, pasted, "", K, K_GROUP)
    if not shown["shown"]:  # a page that shows nothing offers no file: one is made here to test the view's rule
        found = profile(framework, codes_of(framework, *pasted.split("\n")), 1)
        shown["figures"] = figures(found)
    made = api.profile_file_call(HUDDLE, framework, None, shown["figures"], label, round_label, "2026-12-05")
    return {"name": f"{label}.json", "text": made["text"]}


def organisation_call(framework, files, **more):
    return api.organisation_call(HUDDLE, framework, None, files, K, K_GROUP, **more)


def test_a_profile_file_reads_back_as_the_team_page_showed_it(team):
    values = [1, 2, 4, 5, 5, 3]
    file = team_file(team, values, "Medicine / Ward 7")
    read = read_profile_file(team, file["name"], file["text"])
    pasted = [member(team, v, n) for n, v in enumerate(values)]
    found = profile(team, codes_of(team, *pasted), K)
    assert (read.label, read.round, read.date, read.members) == ("Medicine / Ward 7", "Spring", "2026-12-05", 6)
    assert [(c.id, c.score, c.counted, c.bands) for c in read.competencies] == [
        (c.id, c.score, c.counted, c.bands) for c in found.competencies
    ]
    data = json.loads(file["text"])
    # Nothing the page did not show: no codes, no answers, no exact means.
    assert set(data) == {
        "huddle",
        "format",
        "framework",
        "team",
        "round",
        "date",
        "members",
        "competencies",
        "checksum",
    }
    assert all(set(c) <= {"id", "score", "counted", "bands"} for c in data["competencies"])


def test_a_figure_not_as_the_team_page_writes_it_is_refused_naming_the_file_and_the_key(team):
    """A file whose checksum matches but whose figures are not the team page's (a tool that writes its own
    files, say) is left out by name, saying which key: not a crash of the organisation view."""
    data = json.loads(team_file(team, [3] * 6, "Ward 7")["text"])
    del data["checksum"]
    data["members"] = "six"
    data["checksum"] = organisation._checksum(data)
    with pytest.raises(ValueError, match="^Ward 7.json is left out: its “members” is not as the team page writes it"):
        read_profile_file(team, "Ward 7.json", json.dumps(data))


def test_a_changed_figure_or_a_missing_checksum_is_refused_naming_the_file(team):
    file = team_file(team, [3] * 6, "Ward 7")
    data = json.loads(file["text"])
    data["competencies"][0]["score"] = "4.9"
    with pytest.raises(ValueError, match="^Ward 7.json is left out: it has been changed since the team page made it"):
        read_profile_file(team, "Ward 7.json", json.dumps(data))
    del data["checksum"]
    with pytest.raises(ValueError, match="has been changed"):
        read_profile_file(team, "Ward 7.json", json.dumps(data))
    with pytest.raises(ValueError, match="^notes.txt is left out: it is not a profile file"):
        read_profile_file(team, "notes.txt", "Ward 7 did well")


def test_a_file_of_another_framework_or_a_label_used_twice_is_left_out_and_the_rest_count(team, board):
    files = [team_file(team, [3] * 6, "Ward 7"), team_file(board, [3] * 6, "Board"), team_file(team, [4] * 6, "ward 7")]
    teams, problems = read_profile_files(team, files)
    assert [t.label for t in teams] == ["Ward 7"]
    assert problems[0].startswith("Board.json is left out: it is a profile for “board-leadership”")
    assert problems[1].startswith("ward 7.json is left out: Ward 7.json is also labelled “ward 7”")
    view = organisation_call(team, files)
    assert "Board.json is left out" in view["notes"] and view["counted"] == 1


def test_the_pooled_score_is_within_half_a_place_of_everyone_scored_together(team):
    groups = [[1, 2, 2, 4, 5], [3, 4, 4, 5, 5, 5, 2], [2, 2, 3, 3, 4, 1]]
    files = [team_file(team, values, f"Ward {n}", start=10 * n) for n, values in enumerate(groups)]
    teams, _ = read_profile_files(team, files)
    pooled = pool(team, teams, K)
    everyone = [member(team, v, 10 * n + i) for n, values in enumerate(groups) for i, v in enumerate(values)]
    direct = profile(team, codes_of(team, *everyone), K)
    for c in direct.competencies:
        assert pooled[c.id].counted == c.counted == 18
        assert abs(pooled[c.id].mean - c.mean) <= Fraction(1, 20)
        # Exactly the weighted mean of the scores the team pages showed.
        shown = [(Fraction(t.score(c.id).score), t.score(c.id).counted) for t in teams]
        assert pooled[c.id].mean == sum(s * n for s, n in shown) / sum(n for _, n in shown)


def test_a_withheld_team_or_score_never_enters_a_pooled_figure_so_subtraction_gives_nothing(team):
    first = team.competencies()[0]
    skip = {i.id for i in first.items}
    files = [
        team_file(team, [4] * 6, "Ward 1"),
        team_file(team, [2] * 6, "Ward 2"),
        team_file(team, [5, 5], "Ward 3"),  # two people: never shown
        team_file(team, [1] * 6, "Ward 4", skip=skip, start=40),  # 4 of 6 with a first score: withheld
    ]
    teams, _ = read_profile_files(team, files)
    assert [t.label for t in shown_teams(teams, K)] == ["Ward 1", "Ward 2", "Ward 4"]
    whole = pool(team, teams, K)
    # The attack: the organisation's total less the shown teams' totals. It leaves nothing of Ward 3, or of
    # Ward 4's first competency.
    for c in team.competencies():
        shown = [t.score(c.id) for t in shown_teams(teams, K) if t.score(c.id) is not None]
        left = whole[c.id].mean * whole[c.id].counted - sum(Fraction(s.score) * s.counted for s in shown)
        assert left == 0 and whole[c.id].counted == sum(s.counted for s in shown)
    assert whole[first.id].counted == 12 and whole[first.id].mean == 3
    view = organisation_call(team, files)
    rows = list(csv.reader(io.StringIO(view["csv"])))
    assert rows[-1][:3] == ["Whole organisation", "18", "3.0"]  # Ward 3's 2 people are in no figure
    assert "Ward 3: 2 people. A team is shown only from 5 people" in view["view"]


def test_groups_of_teams_are_pooled_only_from_enough_teams_shown(team):
    files = [
        team_file(team, [4] * 5, "Medicine / Ward 7"),
        team_file(team, [2] * 5, "Medicine / Ward 8", start=5),
        team_file(team, [3] * 5, "Medicine / Ward 9", start=10),
        team_file(team, [3] * 5, "Surgery / Ward 1", start=15),
        team_file(team, [5] * 5, "Surgery / Ward 2", start=20),
    ]
    view = organisation_call(team, files)["view"]
    assert "Medicine: 3 teams pooled" in view
    assert "Surgery: 2 of its teams shown; a group is pooled only from 3 teams shown." in view
    rows = [node for node in tree(view) if node[0] == "tr" and "data-group" in node[1]]
    assert [r[1]["data-group"] for r in rows] == ["Medicine: 3 teams pooled"]


def test_the_board_is_set_beside_the_mean_of_the_rest_in_words(team):
    files = [
        team_file(team, [5] * 5, "Board"),
        team_file(team, [3] * 5, "Ward 1", start=5),
        team_file(team, [2] * 5, "Ward 2", start=10),
    ]
    view = organisation_call(team, files, board=["Board"])["view"]
    first = team.competencies()[0].title
    assert f"{first}: the board 5.0, the rest 2.5: the board is 2.5 higher" in view
    assert 'value="Board" data-huddle-board-choice checked' in view


def test_rounds_are_compared_team_by_team_by_label_and_only_where_the_team_page_would(team):
    now = [team_file(team, [4] * 6, "Ward 1"), team_file(team, [3] * 6, "Ward 2", start=6)]
    then = [
        team_file(team, [3] * 6, "Ward 1", "Autumn", start=20),
        team_file(team, [3] * 5, "Ward 2", "Autumn", start=30),  # 5 then, 6 now: the sixth's score
    ]
    view = organisation_call(team, now, earlier=then)["view"]
    first = team.competencies()[0].title
    assert "Ward 1 (6 people then, 6 now)" in view
    assert f"{first}: 3.0 → 4.0 (up 1.0)" in view
    assert "Ward 2 (" not in view
    assert "Not compared: 1 of the teams shown now" in view


def test_a_survey_split_by_its_team_column_shows_big_enough_teams_and_withholds_the_rest_by_name(team):
    items = team.items()
    label = {p.value: p.label for p in team.scale.points}
    rows = [["Team", *[i.id for i in items]]]
    for name, size, value in [("Ward 7", 6, 4), ("Ward 8", 6, 2), ("Ward 9", 2, 5)]:
        flip = team.scale.low + team.scale.high
        rows += [[name, *[label[flip - value if i.reverse else value] for i in items]] for _ in range(size)]
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    asked = organisation_call(team, [], survey_text=out.getvalue())
    assert "data-huddle-group-column" in asked["columns"] and ">Team</option>" in asked["columns"]
    view = organisation_call(team, [], survey_text=out.getvalue(), grouped_by=0)
    assert [n[1]["data-team"] for n in tree(view["view"]) if n[0] == "tr" and "data-team" in n[1]] == [
        "Ward 7",
        "Ward 8",
    ]
    assert "Ward 9: 2 people. A team is shown only from 5 people" in view["view"]
    assert list(csv.reader(io.StringIO(view["csv"])))[-1][:3] == ["Whole organisation", "12", "3.0"]


def test_hostile_labels_are_text_in_the_view_and_never_formulas_in_the_csv(team):
    files = [team_file(team, [3] * 5, HOSTILE[:80]), team_file(team, [4] * 5, '=HYPERLINK("x") / A', start=5)]
    view = organisation_call(team, files, board=[HOSTILE[:80]])
    assert not [n for n in tree(view["view"]) if n[0] == "img" or any(a.startswith("on") for a in n[1])]
    assert "&lt;img" in view["view"]
    assert any(row[0].startswith("'=HYPERLINK") for row in csv.reader(io.StringIO(view["csv"])))


def test_a_team_label_is_asked_for_and_kept_short(team):
    shown = api.team_call(HUDDLE, team, None, "\n".join(member(team, 3, n) for n in range(5)), "", K, K_GROUP)[
        "figures"
    ]
    with pytest.raises(ValueError, match="Type the team's label first"):
        api.profile_file_call(HUDDLE, team, None, shown, "  ", "", "2026-12-05")
    with pytest.raises(ValueError, match="The team's label is 81 characters long; use at most 80."):
        api.profile_file_call(HUDDLE, team, None, shown, "x" * 81, "", "2026-12-05")


def test_a_file_of_another_version_counts_and_is_named_with_both_versions(team):
    file = team_file(team, [3] * 6, "Ward 7")
    data = json.loads(file["text"])
    data["framework"]["version"] = "1.0"
    del data["checksum"]
    text = json.dumps({**data, "checksum": organisation._checksum(data)})
    view = organisation_call(team, [{"name": "old.json", "text": text}])
    assert view["counted"] == 1
    assert f"old.json: version 1.0 (this site has version {team.version})." in view["notes"]
    assert "old.json" not in organisation_call(team, [file])["notes"]


def test_a_file_too_large_to_read_is_left_out_by_name(team):
    view = organisation_call(team, [{"name": "export.xlsx", "text": None}, team_file(team, [3] * 5, "Ward 7")])
    assert "export.xlsx is left out: it is too large to be a profile file" in view["notes"] and view["counted"] == 1
