"""Result codes (CPython): round trips, tampering, other frameworks, fuzzing, batches."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.frameworks import load_framework
from generator.scoring import api, team_view
from generator.scoring.codes import ALPHABET, CodeError, decode, encode, read_codes
from generator.scoring.kinds import RATERS, Role
from generator.scoring.model import NOT_APPLICABLE
from generator.scoring.strings import HUDDLE
from tests.sites import REPO
from tests.test_results_view import tree


def answers_strategy(framework):
    choices = [None, *(p.value for p in framework.scale.points)]
    if framework.scale.not_applicable:
        choices.append(NOT_APPLICABLE)
    return st.fixed_dictionaries({item.id: st.sampled_from(choices) for item in framework.items()})


FRAMEWORK = load_framework(REPO / "assessments" / "collective-leadership.yml", REPO)


@settings(max_examples=200, deadline=None)
@given(
    answers=answers_strategy(FRAMEWORK),
    nonce=st.text(alphabet=ALPHABET, min_size=3, max_size=3),
    role=st.sampled_from(list(Role)),
)
def test_a_code_gives_back_exactly_the_answers_it_was_made_from(answers, nonce, role):
    code = encode(FRAMEWORK, answers, role=role, nonce=nonce)
    back = decode(FRAMEWORK, code)
    assert back.answers == {k: v for k, v in answers.items() if v is not None}
    assert back.role is role and back.group == ""
    assert len(code) < 80  # short enough for a chat message
    assert decode(FRAMEWORK, f"  {code[:20]}\n {code[20:]} ").answers == back.answers  # line breaks from a chat


def test_the_roles_are_spelled_once_the_code_field_the_rater_page_and_the_feedback_groups_agree(framework):
    from generator.pages.collective import rater_page

    assert [str(role) for role in Role] == ["", "manager", "peer", "report", "other"]  # what codes made before hold
    offered = [
        attrs["value"] for tag, attrs, _ in tree(rater_page(HUDDLE, framework, 3)) if attrs.get("name") == "huddle-role"
    ]
    assert offered == [str(role) for role in RATERS]
    with pytest.raises(CodeError, match="role"):
        encode(framework, {}, role="nurse", nonce="ABC")


def test_unanswered_and_not_applicable_stay_distinct(framework):
    code = encode(framework, {"v1": NOT_APPLICABLE, "v2": 3}, nonce="ABC")
    assert decode(framework, code).answers == {"v1": NOT_APPLICABLE, "v2": 3}


def test_the_group_travels_in_the_code(board):
    group = board.groups[0].id
    assert decode(board, encode(board, {}, group=group, nonce="XYZ")).group == group
    with pytest.raises(CodeError, match="not one of this self-assessment's groups"):
        encode(board, {}, group="nobody", nonce="XYZ")


@pytest.mark.parametrize(
    ("change", "sentence"),
    [
        (lambda c: c[:-9], "This code is incomplete or has been changed: check that it was copied in full."),
        (lambda c: c[:30] + ("2" if c[30] != "2" else "3") + c[31:], "This code is incomplete or has been changed"),
        (lambda c: "H3" + c[2:], "This code was made in a format this site does not read"),
        (lambda c: "hello world", "This is not a result code."),
        (lambda c: "", "This is not a result code."),
        (lambda c: c[:3] + "\ud800" + c[4:], "This is not a result code."),  # a lone surrogate, found by fuzzing
        (lambda c: "x" * 5000, "This is far too long to be a result code."),
    ],
)
def test_a_damaged_code_is_refused_with_a_sentence(framework, change, sentence):
    code = encode(framework, {"v1": 4}, nonce="ABC")
    with pytest.raises(CodeError) as error:
        decode(framework, change(code))
    assert str(error.value).startswith(sentence)


def test_a_code_from_another_framework_or_version_is_refused(framework, board):
    with pytest.raises(CodeError, match=f"another self-assessment, not {framework.title}"):
        decode(framework, encode(board, {}, nonce="ABC"))
    other = type(framework)(**{**{f: getattr(framework, f) for f in framework.__slots__}, "version": "0.1"})
    with pytest.raises(CodeError, match=f"another version of {framework.title}; this page is version"):
        decode(framework, encode(other, {}, nonce="ABC"))


def test_out_of_range_answers_are_refused_even_with_a_good_check(framework):
    from generator.scoring.codes import _check

    code = encode(framework, {}, nonce="ABC")
    body = code.rpartition(":")[0]
    symbols = body.rpartition(":")[2]
    forged = body[: -len(symbols)] + "Z" + symbols[1:]
    with pytest.raises(CodeError, match="answers that do not fit"):
        decode(framework, f"{forged}:{_check(forged)}")


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(max_size=200), st.text(alphabet=ALPHABET + ":H\ud800\n ", max_size=80)))
def test_the_decoder_raises_only_its_own_error(text):
    with contextlib.suppress(CodeError):
        decode(FRAMEWORK, text)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=60), st.characters())
def test_any_one_character_changed_is_caught_or_still_valid(at, char):
    code = encode(FRAMEWORK, {"v1": 4, "v2": 2}, nonce="ABC")
    changed = code[:at] + char + code[at + 1 :]
    try:
        back = decode(FRAMEWORK, changed)
    except CodeError:
        return
    assert back.answers == {"v1": 4, "v2": 2}  # only whitespace or the same character gets through


def test_a_paste_of_many_codes_counts_the_good_ones_and_names_each_bad_line(framework):
    good = [encode(framework, {"v1": n}, nonce=f"AB{n}") for n in (1, 2, 3)]
    text = "\n".join([good[0], "", "rubbish", good[1], good[0], good[2][:-3], good[2]])
    batch = read_codes(framework, text)
    assert [c.text for c in batch.codes] == [good[0], good[1], good[2]]
    assert batch.problems == (
        (3, "This is not a result code."),
        (6, "This code is incomplete or has been changed: check that it was copied in full."),
    )
    assert batch.duplicates == ((5, 1),)


def test_a_code_retyped_in_small_letters_or_with_o_i_l_for_0_1_1_still_counts_as_the_same_code(framework):
    code = encode(framework, {"v1": 4, "v2": 2}, nonce="0A1")
    *named, nonce, symbols, check = code.split(":")
    typed = [field.lower().replace("0", "o").replace("1", "l") for field in (nonce, symbols, check)]
    retyped = ":".join([named[0].lower(), *named[1:], *typed])
    assert retyped != code and ("o" in retyped or "l" in retyped)
    assert decode(framework, retyped).text == code
    assert decode(framework, retyped).answers == {"v1": 4, "v2": 2}
    batch = read_codes(framework, f"{code}\n{retyped}")
    assert len(batch.codes) == 1 and batch.duplicates == ((2, 1),)


def test_a_code_inside_a_chat_message_a_csv_row_or_a_bullet_is_found(framework):
    good = [encode(framework, {"v1": n}, nonce=f"AB{n}") for n in (1, 2, 3, 4)]
    text = "\n".join(
        [
            f"[26/11/2026, 10:31] Jane Smith: {good[0]}",
            f'"2026/11/26 10:40:02","{good[1]}","yes"',
            f"- {good[2]}",
            f"{good[3][:20]} {good[3][20:]}",  # broken by a space, as before
            f"[26/11/2026, 10:32] Sam: {good[0][:-3]}",  # cut short: said to be damaged, not "not a code"
        ]
    )
    batch = read_codes(framework, text)
    assert [c.text for c in batch.codes] == good
    assert batch.problems == ((5, "This code is incomplete or has been changed: check that it was copied in full."),)


def test_same_answers_from_two_people_are_two_codes(framework):
    one, two = encode(framework, {"v1": 3}, nonce="AAA"), encode(framework, {"v1": 3}, nonce="BBB")
    assert len(read_codes(framework, f"{one}\n{two}").codes) == 2


def test_a_rater_code_is_refused_where_own_codes_are_asked_for(framework):
    rater = encode(framework, {"v1": 3}, role="peer", nonce="AAA")
    batch = read_codes(framework, rater, roles=("",))
    assert batch.codes == () and "360" in batch.problems[0][1]


def test_codes_joined_on_one_line_by_tabs_or_separators_each_count_and_the_line_says_so(framework):
    good = [encode(framework, {"v1": n % 5 + 1, "v2": n // 5 + 1}, nonce=f"AB{n}") for n in range(7)]
    batch = read_codes(framework, "\n".join(["\t".join(good[:3]), *good[3:]]))
    assert [c.text for c in batch.codes] == good
    assert batch.several == ((1, 3),) and batch.problems == () and batch.duplicates == ()
    notes = api.team_call(HUDDLE, framework, None, "\n".join(["\t".join(good[:3]), *good[3:]]), "", 5, 3)["notes"]
    assert [text for _, _, text in tree(notes) if text.strip()] == [
        "These are plain codes: anyone who has one can read its answers, and nothing shows whether two of them came "
        "from one person. Sealed codes, from invitations, protect against both.",
        "Every code was counted; some lines hold more than one:",
        "Line 1 holds 3 codes; each was read on its own. Put one code on each line to make this easier to check.",
    ]
    for joined in (f"{good[0]} {good[1]}", f"{good[0]},{good[1]}", f"{good[0]}; {good[1]}", f"- {good[0]}  {good[1]}"):
        assert [c.text for c in read_codes(framework, joined).codes] == good[:2], joined


def test_a_bad_code_beside_a_good_one_on_a_line_is_named_and_the_good_one_counts(framework):
    good = encode(framework, {"v1": 3}, nonce="ABC")
    batch = read_codes(framework, f"{good}\t{good[:-3]}\t{good}")
    assert [c.text for c in batch.codes] == [good]
    assert batch.problems == ((1, "This code is incomplete or has been changed: check that it was copied in full."),)
    assert batch.duplicates == ((1, 1),) and batch.several == ((1, 3),)


def test_a_code_broken_by_a_space_before_a_part_that_looks_like_a_code_is_still_one_code(framework):
    code = encode(framework, {"v1": 3}, nonce="H12")
    head, _, rest = code.partition(":H12:")
    batch = read_codes(framework, f"[26/11/2026, 10:31] Jane Smith: {head}: H12:{rest}")
    assert [c.text for c in batch.codes] == [code] and batch.several == () and batch.problems == ()


def test_a_code_made_by_hand_with_a_nonce_the_page_never_makes_is_refused():
    from generator.scoring.codes import _check

    body = encode(FRAMEWORK, {"v1": 4}, nonce="AB1").rpartition(":")[0].replace(":AB1:", ":<>!:")
    with pytest.raises(CodeError):
        decode(FRAMEWORK, f"{body}:{_check(body)}")  # the checksum recomputed, as anyone can


def test_codes_that_differ_only_in_their_nonce_are_named_as_alike():
    same = {"v1": 4, "v2": 3, "s1": 5}
    codes = [encode(FRAMEWORK, same, nonce=nonce) for nonce in ("AAA", "BBB", "CCC", "DDD", "EEE")]
    other = encode(FRAMEWORK, {"v1": 2}, nonce="FFF")
    batch = read_codes(FRAMEWORK, "\n".join([codes[0], other, *codes[1:]]))
    assert len(batch.codes) == 6 and batch.identical == ((1, 3, 4, 5, 6),)
    notes = str(team_view.batch_notes(HUDDLE, batch))
    assert "Lines 1, 3, 4, 5 and 6 hold the same answers to every statement" in notes
    assert "Plain codes cannot show who made them" in notes
    assert read_codes(FRAMEWORK, "\n".join([codes[0], other])).identical == ()


OLD_VERSION_CODES = {
    # Made on the demo frameworks before issue 24 rewrote their statements and bands (every answer "Often").
    "collective-leadership": "H1:collective-leadership:2.0:::K7Q:5555555555555555555555555555:P8A73B",
    "team-culture": "H1:team-culture:2.0:::K7Q:55555555555555555555:6VAPC8",
    "board-leadership": "H1:board-leadership:1.0:::K7Q:55555555555555555555:3CNP2D",
}


@pytest.mark.parametrize("name", sorted(OLD_VERSION_CODES))
def test_a_demo_code_made_before_the_statements_were_rewritten_is_refused_as_another_version(name):
    framework = load_framework(REPO / "assessments" / f"{name}.yml", REPO)
    with pytest.raises(CodeError) as error:
        decode(framework, OLD_VERSION_CODES[name])
    assert str(error.value) == (
        f"This code was made with another version of {framework.title}; this page is version {framework.version}, "
        "whose statements may differ, so it cannot be counted here."
    )
    batch = read_codes(framework, OLD_VERSION_CODES[name])
    assert batch.codes == () and batch.problems == ((1, str(error.value)),)
