"""360 feedback from codes (CPython): self, manager alone, groups of at least 3, folding, withholding, gaps."""

from __future__ import annotations

import re
from fractions import Fraction

import pytest

from generator.scoring import api, feedback_view
from generator.scoring.codes import encode, read_codes
from generator.scoring.feedback import feedback
from generator.scoring.strings import HUDDLE, Messages
from tests.test_results_view import tree


def coded(framework, value, role="", n=0):
    flip = framework.scale.low + framework.scale.high
    answers = {i.id: flip - value if i.reverse else value for i in framework.items()}
    return encode(framework, answers, role=role, nonce=f"{n:03d}")


def decoded(framework, *texts):
    return read_codes(framework, "\n".join(texts)).codes


def test_the_demo_framework_offers_360(framework):
    assert framework.offers_360 and all(
        i.rater_text.startswith(("They", "When", "Before", "After")) for i in framework.items()
    )


def test_manager_alone_peers_from_three_and_gaps(framework):
    own = decoded(framework, coded(framework, 5))[0]
    raters = decoded(
        framework,
        coded(framework, 2, "manager", 1),
        *[coded(framework, 3, "peer", n) for n in range(2, 5)],
        *[coded(framework, 4, "report", n) for n in range(5, 7)],
    )
    found = feedback(framework, own, raters, 3, Fraction(1, 2))
    assert [(v.label, v.count) for v in found.views] == [("Manager", 1), ("Peers", 3)]
    assert found.views[0].scores[0] == 2 and found.views[1].scores[0] == 3
    assert "The answers of 2 people" in found.withheld[0]  # two direct reports: too few, and no others
    assert found.everyone.count == 4  # the manager and the peers: never the withheld reports
    assert found.everyone.scores[0] == Fraction(2 + 3 * 3, 4)
    assert [title for title, _, _ in found.blind_spots] == [c.title for c in framework.competencies()]
    assert found.hidden_strengths == ()
    assert "data-huddle-360-dashes" not in str(feedback_view.view(HUDDLE, framework, found, Fraction(1, 2), 3))


def test_a_competency_a_shown_group_withholds_is_withheld_in_all_raters_too(framework):
    """Else "all raters" less the manager gives away the one or two peers who scored it."""
    first = framework.competencies()[0]
    flip = framework.scale.low + framework.scale.high
    answers = {i.id: flip - 2 if i.reverse else 2 for i in framework.items() if i not in first.items}
    sparse = encode(framework, answers, role="peer", nonce="004")  # scores every competency but the first
    raters = decoded(
        framework,
        coded(framework, 5, "manager", 1),
        coded(framework, 1, "peer", 2),
        coded(framework, 2, "peer", 3),
        sparse,
    )
    own = decoded(framework, coded(framework, 3))[0]
    found = feedback(framework, own, raters, 3, Fraction(1, 2))
    manager, peers = found.views
    assert (manager.count, peers.count) == (1, 3)
    # Two peers scored the first: all raters (the manager and those two) would be three, enough to show, and
    # (3 x all raters - manager) / 2 would be their mean.
    assert peers.scores[0] is None and found.everyone.scores[0] is None
    assert manager.scores[0] == 5  # the manager is not anonymous
    assert first.title not in [title for title, _, _ in found.blind_spots + found.hidden_strengths]
    said = str(feedback_view.view(HUDDLE, framework, found, Fraction(1, 2), 3))
    assert "A dash (—) is a score not shown: fewer than 3 of that group" in said
    # Where all three peers have a score, "all raters" is shown as before.
    assert peers.scores[1] == Fraction(1 + 2 + 2, 3) and found.everyone.scores[1] == Fraction(5 + 1 + 2 + 2, 4)


def test_small_groups_fold_into_others_when_that_reaches_three(framework):
    own = decoded(framework, coded(framework, 1))[0]
    raters = decoded(
        framework,
        *[coded(framework, 3, "peer", n) for n in range(2)],
        coded(framework, 5, "report", 3),
        coded(framework, 4, "other", 4),
    )
    found = feedback(framework, own, raters, 3, Fraction(1, 2))
    assert [(v.label, v.count) for v in found.views] == [("Others", 4)]
    assert "Fewer than 3 peers and direct reports sent a code" in found.withheld[0]
    assert [title for title, _, _ in found.hidden_strengths][0] == framework.competencies()[0].title


def test_the_api_says_what_is_wrong_with_the_codes(framework):
    own = coded(framework, 3)
    value = api.feedback_call(
        HUDDLE, framework, None, own, "\n".join([own, "junk", coded(framework, 2, "peer", 1)]), 3, 0.5
    )
    assert "Line 1: This is a person&#x27;s own result code, not a rater&#x27;s." in value["notes"]
    assert "Line 2: This is not a result code." in value["notes"]
    texts = [text for _, _, text in tree(value["view"])]
    assert any("appear once at least three" in t for t in texts)
    with pytest.raises(ValueError, match="needs your own result code"):
        api.feedback_call(HUDDLE, framework, None, coded(framework, 3, "peer"), "", 3, 0.5)


def test_every_author_string_is_escaped_in_the_360_view(framework):
    from generator.scoring import normalise
    from tests.test_results_view import HOSTILE

    data = framework.to_json()
    for domain in data["domains"]:
        for competency in domain["competencies"]:
            competency["title"] = HOSTILE
    hostile = normalise(data)
    raters = "\n".join(coded(hostile, 3 + n % 2, "peer", n) for n in range(4))
    value = api.feedback_call(HUDDLE, hostile, None, coded(hostile, 1), raters, 3, 0.5)
    assert [tag for tag, _, _ in tree(value["view"])].count("img") == 0
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in value["view"]


def test_a_sites_own_names_for_the_groups_keep_their_capitals_in_sentences(framework):
    own_words = Messages({"raters-peer-in-sentence": "Peers (AHPs)", "raters-manager-in-sentence": "Line Manager"})
    own = decoded(framework, coded(framework, 1))[0]
    raters = decoded(
        framework,
        coded(framework, 2, "manager", 1),
        *[coded(framework, 3, "peer", n) for n in range(2, 4)],
        *[coded(framework, 4, "other", n) for n in range(4, 6)],
    )
    found = feedback(framework, own, raters, 3, Fraction(1, 2), messages=own_words)
    assert "Fewer than 3 Peers (AHPs) sent a code" in found.withheld[0]
    assert "Codes counted: your own, and Line Manager 1, others 4." in str(
        feedback_view.view(own_words, framework, found, Fraction(1, 2), 3)
    )


def test_two_codes_that_chose_line_manager_are_not_shown_as_one_manager_whose_scores_the_other_could_subtract(
    framework,
):
    own = decoded(framework, coded(framework, 5))[0]
    peers = [coded(framework, 3, "peer", n) for n in range(2, 5)]
    two = decoded(framework, coded(framework, 2, "manager", 1), coded(framework, 4, "manager", 9), *peers)
    found = feedback(framework, own, two, 3, Fraction(1, 2))
    assert [(v.label, v.count) for v in found.views] == [("Peers", 3)]  # not "Manager (2)", averaged
    assert found.everyone.count == 3 and "The answers of 2 people" in found.withheld[0]
    three = decoded(framework, *[coded(framework, 2 + n % 2, "manager", 10 + n) for n in range(3)], *peers)
    found = feedback(framework, own, three, 3, Fraction(1, 2))
    assert [(v.label, v.count) for v in found.views] == [("Manager", 3), ("Peers", 3)]  # a group, from three


def test_the_printed_head_dates_the_360_and_counts_this_rounds_raters(framework):
    raters = "\n".join(coded(framework, 4, "peer", n) for n in range(1, 4))
    head = api.feedback_call(HUDDLE, framework, None, coded(framework, 3), raters, 3, 0.5, date="2026-12-04")["head"]
    assert "Made on 4 December 2026." in head
    assert "This round of feedback: your own result code and 3 from others." in head


def test_the_360_table_scrolls_in_a_named_box_the_keyboard_can_reach(framework):
    """Six columns scroll sideways on a phone: axe's scrollable-region-focusable (found by `huddle audit`)."""
    own = decoded(framework, coded(framework, 5))[0]
    raters = decoded(framework, *[coded(framework, 3, "peer", n) for n in range(2, 5)])
    shown = str(
        feedback_view.view(HUDDLE, framework, feedback(framework, own, raters, 3, Fraction(1, 2)), Fraction(1, 2), 3)
    )
    box = re.search(r'<div class="huddle-table"[^>]*>', shown).group(0)
    assert 'role="region"' in box and 'tabindex="0"' in box and 'aria-label="' in box
