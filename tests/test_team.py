"""Team and board profiles from result codes (CPython): exact maths, the k rules, groups, rounds, escaping."""

from __future__ import annotations

import csv
import io
import json
import re
from fractions import Fraction

from generator.scoring import api, normalise
from generator.scoring.codes import encode, read_codes
from generator.scoring.score import score
from generator.scoring.strings import HUDDLE
from generator.scoring.team import BAND_LEAST, Disagreement, Spread, by_group, comparable, profile, spread
from tests.test_results_view import HOSTILE, tree


def member(framework, value, n, group="", skip=()):
    """A member's code whose every competency scores `value` (reverse-keyed items answered the other way)."""
    flip = framework.scale.low + framework.scale.high
    answers = {i.id: flip - value if i.reverse else value for i in framework.items() if i.id not in skip}
    return encode(framework, answers, group=group, nonce=f"{n:03d}"[-3:])


def codes_of(framework, *texts):
    return read_codes(framework, "\n".join(texts)).codes


def test_the_team_score_is_the_exact_mean_of_member_scores(team):
    values = [1, 2, 4, 5, 5]
    found = profile(team, codes_of(team, *[member(team, v, n) for n, v in enumerate(values)]), k=5)
    first = team.competencies()[0]
    exact = [
        Fraction(score(team, read_codes(team, member(team, v, 0)).codes[0].answers).competencies[0].exact)
        for v in values
    ]
    c = found.competencies[0]
    assert c.id == first.id and c.mean == sum(exact) / 5 and c.counted == 5
    assert c.spread is Spread.WIDE  # 1, 2, 4, 5, 5: an SD of 1.62 on a range of 4
    assert c.bands == ()  # 2 in the first band: no counts at all


def test_four_codes_show_nothing_and_say_one_more_is_needed(team):
    pasted = "\n".join(member(team, 3, n) for n in range(4))
    value = api.team_call(HUDDLE, team, None, pasted, "", 5, 3)
    assert not value["shown"]
    assert "Add 1 more code to see the profile." in value["view"]
    assert "data-huddle-team-table" not in value["view"]


def test_a_competency_is_withheld_when_fewer_than_k_members_have_a_score(team):
    first = team.competencies()[0]
    skip = {i.id for i in first.items}
    pasted = [member(team, 4, n, skip=skip if n < 2 else ()) for n in range(6)]
    found = profile(team, codes_of(team, *pasted), k=5)
    assert found.competencies[0].mean is None and found.competencies[0].counted == 4
    assert found.competencies[1].mean == 4
    # In the CSV, an empty score (the column stays numbers) and a note saying why.
    rows = list(csv.reader(io.StringIO(api.team_call(HUDDLE, team, None, "\n".join(pasted), "", 5, 3)["csv"])))
    assert rows[1][0] == first.id and rows[1][2] == "" and rows[1][-1] == "withheld"
    assert rows[2][2] == "4.0" and rows[2][-1] == ""


def test_a_competency_one_group_withholds_is_withheld_in_every_group(board):
    """Else the whole board's score less the executives' gives away the two non-executives who scored it."""
    execs, nons = board.groups[0].id, board.groups[1].id
    first = board.competencies()[0]
    skip = {i.id for i in first.items}
    codes = codes_of(
        board,
        *[member(board, 4, n, execs) for n in range(3)],
        member(board, 2, 10, nons, skip=skip),
        *[member(board, 2, n + 11, nons) for n in range(2)],
    )
    whole = profile(board, codes, k=5)
    assert whole.competencies[0].counted == 5 and whole.competencies[0].mean is not None  # the whole board: shown
    groups = by_group(board, codes, 5, 3)
    for _, found in groups.shown:
        withheld = found.competencies[0]
        assert (withheld.mean, withheld.spread, withheld.bands) == (None, None, ())
        assert found.competencies[1].mean is not None  # each group has all its members' scores here


def test_groups_are_compared_only_when_each_has_enough_codes(board):
    execs, nons = board.groups[0].id, board.groups[1].id
    three_and_three = [member(board, 4, n, execs) for n in range(3)] + [
        member(board, 2, n + 10, nons) for n in range(3)
    ]
    groups = by_group(board, codes_of(board, *three_and_three), 5, 3)
    assert [label for label, _ in groups.shown] == ["Executive directors", "Non-executive directors"]
    assert [found.competencies[0].mean for _, found in groups.shown] == [4, 2]
    three_and_two = three_and_three[:-1]
    folded = by_group(board, codes_of(board, *three_and_two), 5, 3)
    assert folded.shown == ()
    assert "and one has fewer: Non-executive directors (2). Its codes still count in the profile above." in (
        folded.reason
    )


def test_items_people_disagree_on_most_are_listed(team):
    items = team.items()
    pasted = []
    for n in range(5):
        answers = {i.id: 3 for i in items} | {items[2].id: 1 if n % 2 else 5}
        pasted.append(encode(team, answers, nonce=f"A{n}0"))
    found = profile(team, codes_of(team, *pasted), k=5)
    assert found.widest == (Disagreement(items[2].id, items[2].text, Spread.WIDE, 5),)  # the others: one answer


def test_a_round_is_compared_in_words(team):
    now = "\n".join(member(team, 4, n) for n in range(5))
    then = "\n".join(member(team, 2, n + 20) for n in range(5))
    value = api.team_call(HUDDLE, team, None, now, then, 5, 3)
    changes = [text for tag, attrs, text in tree(value["view"]) if tag == "li" and text.endswith(")")]
    assert any(" → " in c and "(up " in c for c in changes)


def test_the_printed_head_dates_the_profile_and_names_an_earlier_round_only_when_compared(team):
    now = "\n".join(member(team, 4, n) for n in range(6))
    head = api.team_call(HUDDLE, team, None, now, "", 5, 3, date="2026-12-04")["head"]
    assert "version 3.0. Made on 4 December 2026." in head and "This round: 6 people&#x27;s result codes." in head
    assert "earlier" not in head
    for then, said in ((5, False), (6, True), (11, True)):  # 6 and 5 differ by one person: not compared
        earlier = "\n".join(member(team, 2, n + 20) for n in range(then))
        head = api.team_call(HUDDLE, team, None, now, earlier, 5, 3, date="2026-12-04")["head"]
        assert (f"Compared with an earlier round: {then} people" in head) is said
    assert api.team_call(HUDDLE, team, None, now, "", 5, 3)["head"] == ""  # no date given, no head


def test_a_change_between_rounds_agrees_with_the_two_figures_shown(team):
    """Means of 2.54 and 2.46 both show as 2.5: no change, not "down 0.1"; 2.94 and 2.96 are "up 0.1"."""
    from generator.scoring.team import CompetencyProfile, Profile, changes

    def one(mean):
        c = team.competencies()[0]
        return Profile(5, 5, (CompetencyProfile(c.id, c.title, 5, mean, Spread.AGREE, ()),), ())

    assert changes(one(Fraction(246, 100)), one(Fraction(254, 100))) == [
        (team.competencies()[0].title, "2.5 → 2.5 (no change)")
    ]
    assert changes(one(Fraction(296, 100)), one(Fraction(294, 100))) == [
        (team.competencies()[0].title, "2.9 → 3.0 (up 0.1)")
    ]


def test_bad_lines_are_named_and_good_ones_still_count(team):
    good = [member(team, 3, n) for n in range(5)]
    value = api.team_call(HUDDLE, team, None, "\n".join([*good, "junk", good[0]]), "", 5, 3)
    assert value["shown"] and value["counted"] == 5
    assert "Line 6: This is not a result code." in value["notes"]
    assert "Line 7 repeats line 1, so it is counted once." in value["notes"]


def test_the_csv_holds_team_figures_only(team):
    value = api.team_call(HUDDLE, team, None, "\n".join(member(team, 3, n) for n in range(5)), "", 5, 3)
    assert value["csv"].splitlines()[0] == "competency,title,team_score,spread,counted,codes,bands,note"
    assert all(row.split(",")[5] == "5" for row in value["csv"].splitlines()[1:])
    assert len(value["csv"].splitlines()) == 1 + len(team.competencies())


def test_every_author_string_is_escaped_in_the_profile(board):
    data = board.to_json()
    data["groups"] = [{**g, "label": HOSTILE + g["id"]} for g in data["groups"]]
    for domain in data["domains"]:
        for competency in domain["competencies"]:
            competency["title"] = HOSTILE
            for item in competency["items"]:
                item["text"] = HOSTILE
    hostile = normalise(data)
    execs, nons = hostile.groups[0].id, hostile.groups[1].id
    pasted = [member(hostile, 1 + n % 5, n, execs if n < 3 else nons) for n in range(6)]
    value = api.team_call(HUDDLE, hostile, None, "\n".join(pasted), "\n".join(pasted), 5, 3)
    assert [tag for tag, _, _ in tree(value["view"])].count("img") == 0
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in value["view"]
    # The sentence naming a group too small to compare (with its count), and an earlier round too small.
    folded = api.team_call(HUDDLE, hostile, None, "\n".join(pasted[:5]), "\n".join(pasted[:3]), 5, 3)["view"]
    assert "one has fewer: &lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in folded
    assert [tag for tag, _, _ in tree(folded)].count("img") == 0


def test_the_browser_api_makes_and_reads_codes(team):
    framework_json = json.dumps(team.to_json())
    made = json.loads(
        api.call(
            framework_json,
            "code",
            json.dumps({"answers": {team.items()[0].id: 4}, "group": "", "role": "", "nonce": "K7Q"}),
        )
    )
    assert made["value"].startswith("H1:team-culture:")
    refused = json.loads(
        api.call(framework_json, "code", json.dumps({"answers": {}, "group": "nobody", "role": "", "nonce": "K7Q"}))
    )
    assert refused == {"error": "That group is not one of this self-assessment's groups."}


def test_a_board_profile_is_called_the_boards_and_only_a_framework_with_groups_mentions_them(team, board):
    from generator.pages.collective import team_page

    pasted = "\n".join(member(board, 3, n, board.groups[0].id) for n in range(5))
    value = api.team_call(HUDDLE, board, None, pasted, "", 5, 3)
    captions = [text for tag, _, text in tree(value["view"]) if tag == "caption"]
    assert "The board's score for each competency: the mean of its members' scores" in captions
    assert "**Groups**" in team_page(HUDDLE, board, 5) and "**Groups**" not in team_page(HUDDLE, team, 5)


def test_an_earlier_round_with_too_few_codes_says_so_not_that_this_one_needs_more(team):
    now = "\n".join(member(team, 4, n) for n in range(5))
    then = "\n".join(member(team, 2, n + 20) for n in range(3))
    view = api.team_call(HUDDLE, team, None, now, then, 5, 3)["view"]
    said = " ".join(text for _, _, text in tree(view))
    assert "The earlier round has 3 codes that count; it needs at least 5 to be compared." in said
    assert "Add 2 more codes to see the profile" not in said


# No figure that is one person's (issue 21).


def answers_scoring(framework, values):
    """Answers whose items score `values` in turn within each competency (reverse-keyed items the other way)."""
    flip = framework.scale.low + framework.scale.high
    answers = {}
    for competency in framework.competencies():
        for item, value in zip(competency.items, values, strict=False):
            answers[item.id] = flip - value if item.reverse else value
    return answers


def numbers(text):
    """Every number written in `text`, exactly."""
    return {Fraction(found) for found in re.findall(r"\d+(?:\.\d+)?", text)}


def test_a_profile_of_five_shows_no_number_that_is_the_extreme_members_score(team):
    """Four members score 4 everywhere, one scores 1.25 (shown 1.3): only the mean, 3.45 (3.5), may be shown."""
    pasted = [member(team, 4, n) for n in range(4)]
    pasted.append(encode(team, answers_scoring(team, [1, 1, 1, 2]), nonce="XTR"))
    value = api.team_call(HUDDLE, team, None, "\n".join(pasted), "", 5, 3)
    found = profile(team, codes_of(team, *pasted), k=5)
    assert {c.mean for c in found.competencies} == {Fraction(345, 100)}
    theirs = {Fraction(125, 100), Fraction(13, 10)}  # the exact score and as a page rounds it
    means = {Fraction(345, 100), Fraction(35, 10)}
    shown = numbers(" ".join(text for _, _, text in tree(value["view"])))
    assert Fraction(35, 10) in shown and not (shown & theirs) - means
    cells = numbers(" ".join(cell for row in csv.reader(io.StringIO(value["csv"])) for cell in row))
    assert Fraction(35, 10) in cells and not (cells & theirs) - means
    said = " ".join(text for _, _, text in tree(value["view"]))
    assert "Lowest" not in said and " to 4.0" not in said


def test_spread_words_follow_the_sd_against_the_scales_range(team):
    """Under a sixth of the range: largely agree; under a third: differ; else differ widely. Exactly at each."""

    def two(sd, low=1, high=5):  # two people, `2 * sd` apart: their SD is `sd`
        middle = Fraction(low + high, 2)
        return spread({middle - sd: 1, middle + sd: 1}, low, high)

    sixth, third = Fraction(4, 6), Fraction(4, 3)
    assert two(sixth - Fraction(1, 1000)) is Spread.AGREE
    assert two(sixth) is Spread.DIFFER
    assert two(third - Fraction(1, 1000)) is Spread.DIFFER
    assert two(third) is Spread.WIDE
    assert spread([3, 3, 3, 3, 3], 1, 5) is Spread.AGREE
    assert spread([1, 2, 3, 4, 5], 1, 5) is Spread.WIDE  # an SD of 1.41
    assert spread([2, 3, 3, 4, 5], 1, 5) is Spread.DIFFER  # 1.02
    assert spread([3, 3, 4, 4, 4], 1, 5) is Spread.AGREE  # 0.49
    # Against the range: an SD of 1.5 is wide on a scale from 1 to 5, largely agreeing on one from 0 to 10.
    assert two(Fraction(3, 2)) is Spread.WIDE and two(Fraction(3, 2), 0, 10) is Spread.AGREE
    # The words on the page and in the CSV, only where the score is shown.
    agree = api.team_call(HUDDLE, team, None, "\n".join(member(team, 3 + n % 2, n) for n in range(6)), "", 5, 3)
    cells = [text for tag, attrs, text in tree(agree["view"]) if "data-spread" in attrs]
    assert cells == ["people largely agree"] * len(team.competencies())  # 3, 4, 3, 4, 3, 4: an SD of 0.5
    wide = api.team_call(HUDDLE, team, None, "\n".join(member(team, [1, 5][n % 2], n) for n in range(6)), "", 5, 3)
    rows = list(csv.DictReader(io.StringIO(wide["csv"].lstrip("\ufeff"))))
    assert {row["spread"] for row in rows} == {"views differ widely"}
    # A withheld competency (one person has a score for it) says nothing about how far people agree.
    skip = {i.id for i in team.competencies()[0].items}
    pasted = "\n".join(member(team, 3, n, skip=skip if n else ()) for n in range(5))
    withheld = api.team_call(HUDDLE, team, None, pasted, "", 5, 3)
    spreads = [text for _, attrs, text in tree(withheld["view"]) if "data-spread" in attrs]
    assert spreads == ["people largely agree"] * (len(team.competencies()) - 1)
    assert list(csv.DictReader(io.StringIO(withheld["csv"].lstrip("\ufeff"))))[0]["spread"] == ""


def test_band_counts_are_shown_only_when_no_band_holds_one_or_two_people(team):
    """1 scores in the first band, 3 in the second, 4 in the third."""

    def bands(*values):
        pasted = [member(team, v, n) for n, v in enumerate(values)]
        return profile(team, codes_of(team, *pasted), k=5).competencies[0].bands, "\n".join(pasted)

    assert BAND_LEAST == 3
    assert [n for _, n in bands(4, 4, 4, 4, 4)[0]] == [0, 0, 5]
    assert [n for _, n in bands(1, 1, 1, 4, 4, 4)[0]] == [3, 0, 3]
    for values in [(1, 4, 4, 4, 4), (1, 1, 4, 4, 4), (1, 1, 1, 3, 3), (1, 1, 1, 3, 4, 4, 4)]:
        found, pasted = bands(*values)
        assert found == (), values
        value = api.team_call(HUDDLE, team, None, pasted, "", 5, 3)
        said = [text for _, attrs, text in tree(value["view"]) if "data-huddle-bands-not-shown" in attrs]
        assert said == ["Not shown: a band has fewer than 3 people."] * len(team.competencies()), values
        assert "huddle-band-counts" not in value["view"]
        row = list(csv.DictReader(io.StringIO(value["csv"].lstrip("\ufeff"))))[0]
        assert (row["bands"], row["note"]) == ("", "Not shown: a band has fewer than 3 people."), values


def test_rounds_are_compared_only_when_their_counts_are_equal_or_k_apart(team):
    assert [comparable(*counts, 5) for counts in [(5, 5), (5, 10), (10, 5), (6, 6), (7, 12)]] == [True] * 5
    assert [comparable(*counts, 5) for counts in [(6, 5), (5, 6), (5, 9), (4, 4), (4, 9), (10, 4)]] == [False] * 6
    five = [member(team, 2, n) for n in range(5)]
    newcomer = member(team, 5, 99)
    # Five, then the same five and one more: the change would be the sixth person's score.
    view = api.team_call(HUDDLE, team, None, "\n".join([*five, newcomer]), "\n".join(five), 5, 3)["view"]
    said = " ".join(text for _, _, text in tree(view))
    assert "The rounds are not compared: this round has 6 codes and the earlier one 5." in said
    assert "→" not in view and "data-earlier" not in view and "the earlier result" not in said
    # Five and ten are.
    ten = [member(team, 4, n + 20) for n in range(10)]
    view = api.team_call(HUDDLE, team, None, "\n".join(five), "\n".join(ten), 5, 3)["view"]
    assert "data-huddle-round-changes" in view and "data-huddle-round-not-compared" not in view
    assert view.count("data-earlier=") == len(team.competencies())


def test_a_competency_whose_counts_differ_by_one_between_rounds_is_not_compared(team):
    first, second = team.competencies()[0], team.competencies()[1]
    skip = {i.id for i in first.items}
    now = [member(team, 4, n) for n in range(6)]
    then = [member(team, 2, n + 20, skip=skip if n == 0 else ()) for n in range(6)]
    view = api.team_call(HUDDLE, team, None, "\n".join(now), "\n".join(then), 5, 3)["view"]
    changes = [text for tag, _, text in tree(view) if tag == "li" and text.startswith(first.title + ":")]
    assert changes == [
        f"{first.title}: cannot be compared: 6 people have a score for it now and 5 had one then; the numbers must "
        "be the same, or at least 5 apart, so that the change is no one person's"
    ]
    assert f'data-earlier="{first.id}"' not in view and f'data-earlier="{second.id}"' in view


def test_the_chart_draws_the_rounded_team_score_not_the_exact_mean(team):
    """The mean is 3.45, shown 3.5: a bar 612.5 wide (of 1000, from 1 to 5) would give the exact mean away, and
    two profiles' bars a newcomer's score by subtraction; the bar is as wide as 3.5 (625)."""
    pasted = [member(team, 4, n) for n in range(4)]
    pasted.append(encode(team, answers_scoring(team, [1, 1, 1, 2]), nonce="XTR"))
    view = str(api.team_call(HUDDLE, team, None, "\n".join(pasted), "", 5, 3)["view"])
    widths = set(re.findall(r'class="huddle-chart__bar"[^>]*width="([\d.]+)"', view))
    assert widths == {"625"}, widths
