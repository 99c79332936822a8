"""Sealed codes and invitations (CPython): sealed and opened with `cryptography` as the page does with Web
Crypto (tests/sealing.py), counted by the scoring package with each invitation's ticket once."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.frameworks import load_framework
from generator.scoring import api, sealed
from generator.scoring.codes import ALPHABET, encode, read_codes
from generator.scoring.strings import HUDDLE
from tests.sealing import key_file, open_text, seal, ticket, unb64
from tests.sites import REPO
from tests.test_codes import answers_strategy

TEAM = load_framework(REPO / "assessments" / "team-culture.yml", REPO)
COLLECTIVE = load_framework(REPO / "assessments" / "collective-leadership.yml", REPO)
KEY = key_file(TEAM)


def collection(key: dict) -> sealed.Collection:
    return sealed.Collection.from_json({"collection": key["collection"], "secret": key["secret"]})


def invited(framework, answers, key: dict, number: int, role: str = "", nonce: str = "AAA") -> str:
    """The sealed code a person gives from invitation `number`."""
    h1 = encode(framework, answers, role=role, nonce=nonce)
    return seal(h1, framework, key["collection"], key["public"], number, ticket(key, number))


def answers_of(framework, n: int) -> dict:
    points = [p.value for p in framework.scale.points]
    return {item.id: points[(n + i) % len(points)] for i, item in enumerate(framework.items())}


@settings(max_examples=25, deadline=None)
@given(answers=answers_strategy(TEAM), number=st.integers(1, 10_000), nonce=st.text(ALPHABET, min_size=3, max_size=3))
def test_a_sealed_code_opened_with_its_key_file_gives_back_the_answers_and_its_invitation(answers, number, nonce):
    code = invited(TEAM, answers, KEY, number, nonce=nonce)
    assert code.startswith(f"H2:{TEAM.id}:{TEAM.version}:{KEY['collection']}:")
    batch = read_codes(TEAM, open_text(code, KEY), collection=collection(KEY))
    assert batch.problems == ()
    (back,) = batch.codes
    assert back.answers == {k: v for k, v in answers.items() if v is not None}
    assert back.ticket == (number, ticket(KEY, number)) and batch.collection == KEY["collection"]


@settings(max_examples=25, deadline=None)
@given(answers=answers_strategy(TEAM))
def test_a_sealed_code_holds_no_run_of_its_answers(answers):
    h1 = encode(TEAM, answers, nonce="AAA")
    symbols = h1.split(":")[6]
    code = invited(TEAM, answers, KEY, 1)
    assert all(symbols[at : at + 8] not in code for at in range(len(symbols) - 7))
    assert h1.split(":", 3)[3] not in code


def test_a_sealed_code_opened_with_another_key_file_is_refused_by_line():
    other_collection, same_name = key_file(TEAM, collection="WXYZ6789"), key_file(TEAM)  # same id, other keys
    code = invited(TEAM, answers_of(TEAM, 1), KEY, 1)
    for other, sentence in (
        (other_collection, "This code is sealed for another collection"),
        (same_name, "This sealed code could not be opened with the key file loaded"),
    ):
        batch = read_codes(TEAM, "\n" + open_text(code, other), collection=collection(other))
        assert batch.codes == () and batch.problems[0][0] == 2 and batch.problems[0][1].startswith(sentence)


def test_a_sealed_code_without_the_key_file_cannot_be_read():
    batch = read_codes(TEAM, invited(TEAM, answers_of(TEAM, 1), KEY, 1))
    assert batch.codes == ()
    assert batch.problems == (
        (
            1,
            "This is a sealed code: load the collection key file it was made for to open it. "
            "Without that file nobody can read it.",
        ),
    )


def test_each_invitation_counts_once_and_a_second_code_from_it_is_named():
    five = [invited(TEAM, answers_of(TEAM, n), KEY, n) for n in range(1, 6)]
    again = invited(TEAM, answers_of(TEAM, 4), KEY, 3, nonce="BBB")  # invitation 3 used a second time
    pasted = open_text("\n".join([*five, again, five[0]]), KEY)
    batch = read_codes(TEAM, pasted, roles=("",), collection=collection(KEY))
    assert len(batch.codes) == 5
    assert batch.problems == (
        (6, "This code comes from the same invitation as line 3; each invitation counts once, so it is not counted."),
    )
    assert batch.duplicates == ((7, 1),)  # the same code pasted twice is counted once, as ever
    value = api.team_call(
        HUDDLE, TEAM, None, pasted, "", 5, 3, key={"collection": KEY["collection"], "secret": KEY["secret"]}
    )
    assert value["counted"] == 5 and value["shown"]
    assert 'data-huddle-code-kind="sealed"' in value["notes"] and KEY["collection"] in value["notes"]


def test_a_forged_ticket_is_refused():
    h1 = encode(TEAM, answers_of(TEAM, 2), nonce="AAA")
    forged = seal(h1, TEAM, KEY["collection"], KEY["public"], 7, "0123456789ABCDEF")
    other = key_file(TEAM)  # a ticket of another secret, for the same collection id and number
    borrowed = seal(h1, TEAM, KEY["collection"], KEY["public"], 8, ticket(other, 8))
    batch = read_codes(TEAM, open_text(f"{forged}\n{borrowed}", KEY), collection=collection(KEY))
    invalid = "This code's invitation was not made with this collection's key file, so it is not counted."
    assert batch.codes == () and batch.problems == ((1, invalid), (2, invalid))


def test_with_a_key_file_loaded_a_plain_code_does_not_count():
    plain = encode(TEAM, answers_of(TEAM, 1), nonce="AAA")
    batch = read_codes(TEAM, plain, collection=collection(KEY))
    assert batch.codes == () and "plain code" in batch.problems[0][1]
    assert len(read_codes(TEAM, plain).codes) == 1  # without a key file, plain codes count as before


def test_an_opened_code_pasted_without_the_key_file_does_not_count():
    opened = open_text(invited(TEAM, answers_of(TEAM, 1), KEY, 1), KEY)
    assert read_codes(TEAM, opened).problems == (
        (1, "This code carries an invitation: load the collection key file to count it."),
    )


def test_the_ticket_is_an_hmac_of_the_collection_and_number():
    secret = unb64(KEY["secret"])
    assert len(ticket(KEY, 1)) == 16 and ticket(KEY, 1) != ticket(KEY, 2)
    assert sealed.ticket(secret, KEY["collection"], 1) != sealed.ticket(secret, "WXYZ6789", 1)
    assert collection(KEY).admits(3, ticket(KEY, 3)) and not collection(KEY).admits(4, ticket(KEY, 3))


@pytest.mark.parametrize(
    "bad",
    [
        None,
        {},
        {"collection": "ABCD2345"},
        {"collection": "abc", "secret": "AAAA"},
        {"collection": "ABCD2345", "secret": "AAAA"},
    ],
)
def test_a_key_that_is_not_a_collection_is_refused_with_a_sentence(bad):
    args = {"pasted": "", "earlier": "", "k": 5, "k_group": 3, "key": bad}
    said = json.loads(api.call(json.dumps(TEAM.to_json()), "team", json.dumps(args)))
    if bad is None:
        assert "value" in said
    else:
        assert said == {"error": "This is not a Huddle collection key file, or it has been changed."}


def test_360_counts_raters_by_invitation_once_and_not_the_person_rated_own_codes():
    key = key_file(COLLECTIVE, collection="RATE2345")
    own = encode(COLLECTIVE, answers_of(COLLECTIVE, 0), nonce="AAA")
    raters = [invited(COLLECTIVE, answers_of(COLLECTIVE, n), key, n, role="peer", nonce=f"AA{n}") for n in (1, 2, 3)]
    made_up = encode(COLLECTIVE, answers_of(COLLECTIVE, 9), role="peer", nonce="ZZZ")  # the person rated's own making
    pasted = "\n".join([*raters, made_up])
    opened = api.feedback_call(
        HUDDLE,
        COLLECTIVE,
        None,
        own,
        open_text(pasted, key),
        3,
        0.5,
        key={"collection": key["collection"], "secret": key["secret"]},
    )
    assert opened["counted"] == 3 and "Line 4: This is a plain code" in opened["notes"]
    unopened = api.feedback_call(
        HUDDLE, COLLECTIVE, None, own, pasted, 3, 0.5
    )  # the person rated, without the key file
    assert unopened["counted"] == 1 and unopened["notes"].count("This is a sealed code") == 3


def test_sealed_codes_are_short_enough_for_a_chat_message():
    for framework in (TEAM, COLLECTIVE):
        key = key_file(framework)
        assert len(invited(framework, answers_of(framework, 1), key, 9999)) < 400


def test_a_plain_code_followed_by_a_bar_in_a_table_still_counts():
    plain = encode(TEAM, answers_of(TEAM, 1), nonce="AAA")
    assert [c.text for c in read_codes(TEAM, f"|{plain}|\n| {plain}|x |").codes] == [plain]


@settings(max_examples=10, deadline=None)
@given(role=st.sampled_from(["manager", "peer", "report", "other"]), n=st.integers(0, 9))
def test_a_sealed_code_shows_neither_its_group_nor_its_role(role, n):
    board = load_framework(REPO / "assessments" / "board-leadership.yml", REPO)
    key = key_file(board)
    group = board.groups[n % len(board.groups)].id
    code = seal(
        encode(board, answers_of(board, n), group=group, nonce="AAA"),
        board,
        key["collection"],
        key["public"],
        1,
        ticket(key, 1),
    )
    assert not any(group in field for field in in_the_clear(code))
    rater = invited(COLLECTIVE, answers_of(COLLECTIVE, n), key_file(COLLECTIVE), 1, role=role)
    assert not any(role in field for field in in_the_clear(rater))


def in_the_clear(code: str) -> list[str]:
    """A sealed code's fields that are not its ciphertext: "H2", framework, version, collection, check. (The
    ciphertext is random base64, in which "peer", say, turns up now and then by chance.)"""
    *clear, _sealed, check = code.split(":")
    assert clear[0] == "H2" and len(clear) == 4, code
    return [*clear, check]


def test_every_sealed_code_of_a_collection_is_as_long_whatever_its_group_role_or_invitation_number():
    board = load_framework(REPO / "assessments" / "board-leadership.yml", REPO)
    key = key_file(board)
    lengths = {
        len(
            seal(
                encode(board, {}, group=group, role=role, nonce="ABC"),
                board,
                key["collection"],
                key["public"],
                n,
                "0" * 16,
            )
        )
        for group in ("", *(g.id for g in board.groups))
        for role in ("", "manager", "peer", "report", "other")
        for n in (1, 42, 10_000)
    }
    assert len(lengths) == 1  # the person rated, who knows who sent each code, learns nothing from its length
