"""The profile file's JSON Schema describes what a team page writes, and every built site publishes it."""

from __future__ import annotations

import json
import re

import pytest
from jsonschema import Draft202012Validator

from generator.scoring import api
from generator.scoring.strings import HUDDLE
from tests.sites import REPO
from tests.test_docs import schema_keys
from tests.test_team import member

K, K_GROUP = 5, 3
PROFILE_SCHEMA_PATH = REPO / "generator" / "scoring" / "profile.schema.json"


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json.loads(PROFILE_SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def made(framework, values, label="Medicine / Ward 7", round_label="Spring 2027", date="2026-12-05", skip=()) -> dict:
    """A profile file as `api.profile_file_call` makes it for the team page, parsed."""
    pasted = "\n".join(member(framework, v, n, skip=skip if n < 2 else ()) for n, v in enumerate(values))
    shown = api.team_call(HUDDLE, framework, None, pasted, "", K, K_GROUP)
    assert shown["shown"]
    return json.loads(
        api.profile_file_call(HUDDLE, framework, None, shown["figures"], label, round_label, date)["text"]
    )


def problems(validator, data) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)]


def test_a_profile_file_the_team_page_makes_is_valid(validator, team, board):
    first = team.competencies()[0]
    files = [
        made(team, [1, 2, 4, 5, 5, 3]),  # band counts shown
        made(team, [3, 3, 3, 3, 3, 1], label="Ward 8"),  # a band of one: no band counts
        made(team, [4] * 6, label="Ward 9", round_label="", date="", skip={i.id for i in first.items}),  # withheld
        made(board, [5] * 5, label="Board"),
    ]
    assert [c["score"] for c in files[2]["competencies"]][0] is None
    assert files[1]["competencies"][0]["bands"] == []
    for data in files:
        assert problems(validator, data) == []


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d.update(huddle="huddle-team-profiles"), "huddle"),
        (lambda d: d.update(format=2), "format"),
        (lambda d: d.update(team=""), "team"),
        (lambda d: d.update(team="x" * 81), "team"),
        (lambda d: d.update(team=" Ward 7"), "team"),
        (lambda d: d.update(round="y" * 81), "round"),
        (lambda d: d.update(date="5 December 2026"), "date"),
        (lambda d: d.update(members=-1), "members"),
        (lambda d: d["competencies"][0].update(score=3.4), "competencies/0"),
        (lambda d: d["competencies"][0].update(score="3.45"), "competencies/0"),
        (lambda d: d["competencies"][0].update(answers=[4, 4, 5]), "competencies/0"),
        (lambda d: d["competencies"][0].update(bands=[["Strong"]]), "competencies/0"),
        (lambda d: d.update(codes=["H1:team-culture:2.0"]), ""),
        (lambda d: d.update(checksum="sha256:abc"), "checksum"),
        (lambda d: d.pop("checksum"), ""),
    ],
)
def test_the_schema_refuses_what_the_team_page_never_writes(validator, team, change, where):
    data = made(team, [1, 2, 4, 5, 5, 3])
    change(data)
    found = problems(validator, data)
    assert found and all(p.startswith(where) for p in found), found


def test_every_profile_file_key_is_documented():
    doc = (REPO / "docs" / "collective.md").read_text(encoding="utf-8")
    section = doc[doc.index("## Organisation view") : doc.index("## The result code format")]
    documented = set(re.findall(r"`([a-z_]+)`", section))
    schema = json.loads(PROFILE_SCHEMA_PATH.read_text(encoding="utf-8"))
    assert sorted(schema_keys(schema) - documented) == []
    assert "schemas/profile.schema.json" in section


def test_the_profile_schema_is_published_at_a_stable_path(minimal_site, demo_site):
    for site in (minimal_site, demo_site):
        assert (site / "schemas" / "profile.schema.json").read_bytes() == PROFILE_SCHEMA_PATH.read_bytes()
