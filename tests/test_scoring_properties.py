"""Properties of scoring that must hold for any framework and any response (hypothesis)."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from generator.scoring import NOT_APPLICABLE, normalise, score
from generator.scoring.score import item_value


@st.composite
def frameworks(draw):
    low = draw(st.integers(-3, 3))
    high = low + draw(st.integers(1, 9))
    competencies = []
    for c in range(draw(st.integers(1, 4))):
        items = [
            {
                "id": f"c{c}i{i}",
                "text": "statement",
                "reverse": draw(st.booleans()),
                "weight": draw(st.sampled_from([1, 2, 0.5, 0.1, 3])),
            }
            for i in range(draw(st.integers(1, 6)))
        ]
        competencies.append({"id": f"c{c}", "title": f"C{c}", "items": items})
    middle = Fraction(low + high, 2)
    bands = [
        {"from": low, "label": "first", "summary": ""},
        {"from": float(middle), "label": "middle", "summary": ""},
        {"from": high, "label": "last", "summary": ""},
    ]
    return normalise(
        {
            "id": "f",
            "version": "1",
            "title": "F",
            "scale": {"points": [{"value": v, "label": str(v)} for v in range(low, high + 1)], "not_applicable": "n/a"},
            "bands": bands,
            "domains": [{"id": "d", "title": "D", "competencies": competencies}],
        }
    )


@st.composite
def responses(draw):
    framework = draw(frameworks())
    values = [p.value for p in framework.scale.points]
    answers = {}
    for competency in framework.competencies():
        for item in competency.items:
            choice = draw(st.sampled_from([*values, NOT_APPLICABLE, None]))
            if choice is not None:
                answers[item.id] = choice
    return framework, answers


def scale_range(framework):
    values = [p.value for p in framework.scale.points]
    return min(values), max(values)


@given(responses())
def test_scores_stay_within_the_scale(response):
    framework, answers = response
    low, high = scale_range(framework)
    for competency in score(framework, answers).competencies:
        if competency.exact is not None:
            assert low <= Fraction(competency.exact) <= high


@given(st.integers(-5, 5), st.integers(1, 10), st.data())
def test_reversing_an_item_twice_is_identity(low, span, data):
    high = low + span
    answer = data.draw(st.integers(low, high))
    once = item_value(answer, low, high, reverse=True)
    assert low <= once <= high
    assert item_value(once, low, high, reverse=True) == answer


@given(responses(), st.randoms())
def test_order_of_answers_does_not_matter(response, random):
    framework, answers = response
    shuffled = list(answers.items())
    random.shuffle(shuffled)
    assert score(framework, dict(shuffled)) == score(framework, answers)


@given(frameworks())
def test_all_lowest_and_all_highest_responses_hit_the_first_and_last_band(framework):
    low, high = scale_range(framework)
    items = framework.items()
    lowest = {i.id: high if i.reverse else low for i in items}
    highest = {i.id: low if i.reverse else high for i in items}
    assert {c.band for c in score(framework, lowest).competencies} == {"first"}
    assert {c.band for c in score(framework, highest).competencies} == {"last"}


@given(responses())
def test_too_few_answers_never_give_a_number(response):
    framework, answers = response
    for competency in score(framework, answers).competencies:
        if competency.answered * 2 < competency.total:
            assert competency.score is None and competency.band is None
        else:
            assert competency.score is not None
