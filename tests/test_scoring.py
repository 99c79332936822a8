"""The scoring package: reverse keying, missing answers, exact means, rounding."""

from __future__ import annotations

from fractions import Fraction

import pytest

from generator.scoring import NOT_APPLICABLE, normalise, score
from generator.scoring.score import item_value, round_half_up


def framework(items_per_competency=((("a1", False, 1), ("a2", True, 1), ("a3", False, 1)),), na=None):
    return normalise(
        {
            "id": "f",
            "version": "2",
            "title": "F",
            "scale": {"points": [{"value": v, "label": str(v)} for v in range(1, 6)], "not_applicable": na},
            "bands": [
                {"from": 1, "label": "Low", "summary": ""},
                {"from": 2.5, "label": "Middle", "summary": ""},
                {"from": 3.5, "label": "High", "summary": ""},
            ],
            "domains": [
                {
                    "id": "d",
                    "title": "D",
                    "competencies": [
                        {
                            "id": f"c{n}",
                            "title": f"C{n}",
                            "items": [{"id": i, "text": i, "reverse": r, "weight": w} for i, r, w in items],
                        }
                        for n, items in enumerate(items_per_competency)
                    ],
                }
            ],
        }
    )


def test_reverse_keyed_item_counts_min_plus_max_minus_answer():
    assert item_value(1, 1, 5, reverse=True) == 5
    assert item_value(4, 1, 5, reverse=True) == 2
    assert item_value(4, 1, 5, reverse=False) == 4


def test_competency_score_is_the_mean_after_reverse_keying():
    result = score(framework(), {"a1": 5, "a2": 1, "a3": 4})
    (competency,) = result.competencies
    assert competency.exact == Fraction(5 + 5 + 4, 3)
    assert competency.score == "4.7"
    assert (competency.answered, competency.total) == (3, 3)
    assert competency.band == "High"


def test_unanswered_items_are_left_out_of_the_mean():
    (competency,) = score(framework(), {"a1": 2, "a2": 2}).competencies
    assert competency.exact == 3  # (2 + (6 - 2)) / 2
    assert competency.answered == 2


def test_not_applicable_is_left_out_never_counted_as_zero():
    (competency,) = score(framework(na="No chance"), {"a1": 4, "a2": NOT_APPLICABLE, "a3": 2}).competencies
    assert competency.exact == 3
    assert competency.answered == 2


def test_competency_with_no_answers_has_no_score():
    (competency,) = score(framework(), {}).competencies
    assert competency.score is None and competency.band is None
    assert score(framework(), {}).domains[0].score is None


def test_weights_make_a_weighted_mean():
    fw = framework(((("a1", False, 2), ("a2", False, 1)),))
    (competency,) = score(fw, {"a1": 5, "a2": 2}).competencies
    assert competency.exact == 4


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (Fraction(425, 100), "4.3"),
        (Fraction(435, 100), "4.4"),
        (Fraction(13, 3), "4.3"),
        (Fraction(14, 3), "4.7"),
        (Fraction(5), "5.0"),
        (Fraction(1, 20), "0.1"),
        (Fraction(-1, 20), "-0.1"),
    ],
)
def test_scores_are_shown_rounded_half_up_to_one_decimal(value, shown):
    assert round_half_up(value) == shown


def test_result_records_framework_id_and_version():
    found = score(framework(), {})
    assert (found.framework, found.version) == ("f", "2")


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"zz": 3}, "The answers name an item 'zz' that this framework does not have."),
        ({"a1": 9}, "The answer to item 'a1' is 9, which is not on the scale."),
        ({"a1": True}, "The answer to item 'a1' is True, which is not on the scale."),
        ({"a1": NOT_APPLICABLE}, "The answer to item 'a1' is 'na', which is not on the scale."),
    ],
)
def test_answers_off_the_scale_are_refused_with_a_sentence(answers, message):
    with pytest.raises(ValueError) as error:
        score(framework(), answers)
    assert str(error.value) == message


def test_domain_score_is_the_mean_of_its_competencies_exact_scores_when_all_have_one():
    fw = framework(((("a1", False, 1),), (("b1", False, 1), ("b2", False, 1))))
    (domain,) = score(fw, {"a1": 4, "b1": 2, "b2": 3}).domains
    assert domain.exact == (Fraction(4) + Fraction(5, 2)) / 2  # 13/4
    assert domain.score == "3.3"  # 3.25 rounds half up
    assert score(fw, {"a1": 4}).domains[0].score is None


def test_fewer_than_half_answered_is_not_enough_but_exactly_half_is():
    fw = framework(((("a1", False, 1), ("a2", False, 1), ("a3", False, 1), ("a4", False, 1)),))
    assert score(fw, {"a1": 3}).competencies[0].score is None
    assert score(fw, {"a1": 3, "a2": 4}).competencies[0].score == "3.5"
