"""Words for whoever was rated (CPython): a team's or a board's results speak of the team or the board, never
to one person as if they were rated; an individual's keep their wording; a competency's own `reflect` and
`strengths` come before the generic ones; the rater page says what a plain code reveals."""

from __future__ import annotations

import dataclasses
import html
import re
from fractions import Fraction

import pytest

from generator.pages.collective import rater_page
from generator.pages.printable import printable_page
from generator.publish import guidance
from generator.scoring import api, feedback_view, results
from generator.scoring.codes import encode, read_codes
from generator.scoring.feedback import feedback
from generator.scoring.model import normalise
from generator.scoring.strings import HUDDLE
from tests.test_results_content import advice, blocks, scoring

YOU = re.compile(r"\b(?:you|your|yours|yourself)\b", re.I)

TO_THE_READER = re.compile(
    "|".join(
        [
            # Whose team or board it is, and that the reader rated it.
            r"\byour (?:team|board)\b",
            r"\bas you see it\b",
            r"\bscores you gave the (?:team|board)\b",
            r"\byour (?:rating|own scores|scores) (?:of|for) the (?:team|board)\b",
            r"\byou rate the (?:team|board)\b",
            r"\bthan you do\b",
            r"\byou (?=\d)",  # a 360 gap: "Teamwork: you 2.0, others 3.5"
            # What the reader did or keeps: their answers, results, notes, code, group, files.
            r"\byou answered\b",
            r"\byour answers?\b",
            r"\byour (?:earlier )?results?\b",
            r"\byour result code\b",
            r"\byour own,",  # the 360's codes counted: "your own, and peers 3"
            r"\byour notes\b",
            r"\byour name\b",
            r"\byour group\b",
            r"\byour (?:download|printout)\b",
            r"\byou download(?:ed)?\b",
            r"\byou chose to save your progress\b",
            r"\bif you prefer\b",
            r"\bscores it for you, in your browser\b",
        ]
    ),
    re.I,
)
"""Sentences addressed to the reader about what they did, or naming their team or board: allowed."""


def sentences(markup: object) -> list[str]:
    """The text of rendered HTML or Markdown, sentence by sentence (each element's text on its own)."""
    found = []
    for line in html.unescape(re.sub(r"<[^>]+>", "\n", str(markup))).split("\n"):
        line = " ".join(line.split())
        if line:
            found += re.split(r"(?<=[.?!:;])\s+", line)
    return found


def spoken_to_one_person(markup: object) -> list[str]:
    """Sentences with a "you" or "your" that is not one of the allowed ways of addressing the reader."""
    return sorted({s for s in sentences(markup) if YOU.search(TO_THE_READER.sub("", s))})


def with_competencies(framework, change):
    """`framework` with `change(competency)` for each of its competencies."""
    domains = tuple(
        dataclasses.replace(d, competencies=tuple(change(c) for c in d.competencies)) for d in framework.domains
    )
    return dataclasses.replace(framework, domains=domains)


def generic(framework):
    """`framework` without its competencies' own `reflect` questions, so the results ask Huddle's."""
    return with_competencies(framework, lambda c: dataclasses.replace(c, reflect=(), strengths=""))


def own_advice(framework):
    """The results' guidance, with each competency's own `strengths` advice when it has some."""
    given = advice(framework)
    return dataclasses.replace(
        given,
        competencies={
            c.id: dataclasses.replace(given.of(c.id), strengths=f"<p>{html.escape(c.strengths)}</p>")
            if c.strengths
            else given.of(c.id)
            for c in framework.competencies()
        },
    )


def rendered(framework) -> list[object]:
    """Everything the results say for `framework`: a strength and an area to develop, ties, equal scores, the
    empty section with its buttons and sharing, and the printable page."""
    n = len(framework.competencies())
    views = [
        api.results_call(HUDDLE, framework, own_advice(framework), scoring(framework, values), "2026-11-26")["view"]
        for values in ([4, 2] + [3] * (n - 2), [4, 4] + [2] * (n - 2), [3] * n, [5] + [1] * (n - 1))
    ]
    return [*views, results.section(HUDDLE, framework), printable_page(HUDDLE, framework)]


def feedback_view_of(framework) -> str:
    """A 360 view with blind spots and hidden strengths, for a framework with rater wording."""
    flip = framework.scale.low + framework.scale.high

    def coded(values, role="", n=0):
        by_item = {
            item.id: flip - value if item.reverse else value
            for competency, value in zip(framework.competencies(), values, strict=True)
            for item in competency.items
        }
        return encode(framework, by_item, role=role, nonce=f"{n:03d}")

    n = len(framework.competencies())
    own = read_codes(framework, coded([5] + [1] * (n - 1))).codes[0]
    raters = read_codes(framework, "\n".join(coded([1] + [5] * (n - 1), "peer", k) for k in range(3))).codes
    found = feedback(framework, own, raters, 3, Fraction(1, 2))
    return str(feedback_view.view(HUDDLE, framework, found, Fraction(1, 2), 3))


@pytest.mark.parametrize("name", ["team", "board"])
def test_team_and_board_results_speak_of_the_team_or_the_board(request, name):
    framework = request.getfixturevalue(name)
    assert framework.audience == name
    # The demo's own reflection questions and strengths advice, and Huddle's generic ones.
    said = rendered(framework) + rendered(generic(framework))
    assert [spoken_to_one_person(markup) for markup in said] == [[] for _ in said]
    text = " ".join(" ".join(sentences(markup)) for markup in said)
    assert f"As you see it, the {name}'s strongest area is " in text
    assert f"One of the {name}'s stronger areas" in text
    where = "in the team" if name == "team" else "on the board"
    assert re.search(rf"What gets in the way of [a-z ]+ {where}, and what is one small step the {name}", text)
    assert f"Your rating of the {name} for each competency" in text
    first, second = framework.competencies()[:2]
    assert first.strengths.strip() in text and second.reflect[0] in text  # the demo's own, for a strength and an area


def test_a_team_or_board_360_view_speaks_of_it(framework):
    for audience in ("team", "board"):
        said = feedback_view_of(dataclasses.replace(framework, audience=audience))
        assert spoken_to_one_person(said) == []
        assert f"You rate the {audience} higher than others do" in said
        assert f"Others rate the {audience} higher than you do" in said


def test_the_scan_finds_sentences_that_speak_to_one_person():
    said = (
        "<p>Your strongest area is Teamwork (4.0).</p><p>You answered 3 of the 4 statements.</p>"
        "<li>What gets in the way of teamwork for you, and what is one small step you could take?</li>"
        "<p>Share your results with your team</p>"
    )
    assert spoken_to_one_person(said) == [
        "What gets in the way of teamwork for you, and what is one small step you could take?",
        "Your strongest area is Teamwork (4.0).",
    ]


def test_an_individual_frameworks_results_keep_their_wording(framework):
    assert framework.audience == "individual"
    view, tied, equal, _, section, printable = (" ".join(sentences(markup)) for markup in rendered(framework))
    for sentence in [
        "Your strongest area is Shared vision (4.0, Established).",
        "The place to focus first is Speaking up (2.0, Emerging).",
        "One of your stronger areas",
        "This is one of your stronger areas, compared with your others, whatever its band. Build on it, and help "
        "colleagues do the same: say what works for you, offer to work alongside someone who finds it harder, and "
        "say so when you see others do it well.",
        "When have you seen speaking up done well at work, and what did the person do?",
        "What gets in the way of speaking up for you, and what is one small step you could take in the next month?",
        "Who could give you honest feedback on this, and when will you ask them?",
        "Your score for each competency, from 1 (Never) to 5 (Always)",
        "Your score for each competency, on the scale from 1 (Never) to 5 (Always).",
    ]:
        assert sentence in view, sentence
    assert "Your strongest areas are Shared vision and Speaking up (both 4.0)." in tied
    assert "Your scores are the same for every competency with a score (3.0)" in equal
    assert "Talk this through with your line manager, appraiser or coach" in section
    assert "Then work out your scores with the key at the end." in printable


def profile(framework):
    flip = framework.scale.low + framework.scale.high
    pasted = [
        encode(framework, {i.id: flip - v if i.reverse else v for i in framework.items()}, nonce=f"{n:03d}")
        for n, v in enumerate([2, 3, 3, 4, 5])
    ]
    return api.team_call(HUDDLE, framework, None, "\n".join(pasted), "", 5, 3)


def test_a_board_profile_and_its_csv_say_board_and_a_team_profile_team(team, board):
    boards = profile(board)
    assert ">Board score<" in boards["view"] and "Team score" not in boards["view"]
    assert boards["csv"].splitlines()[0] == "competency,title,board_score,spread,counted,codes,bands,note"
    teams = profile(team)
    assert ">Team score<" in teams["view"]
    assert teams["csv"].splitlines()[0] == "competency,title,team_score,spread,counted,codes,bands,note"


def test_a_competencys_own_reflect_and_strengths_come_before_the_generic_ones(team):
    team = generic(team)
    first, second, third = team.competencies()[:3]
    own = dataclasses.replace(second, reflect=("What would a new starter notice first?", "Who decides?"))
    framework = with_competencies(team, lambda c: own if c.id == second.id else c)
    given = advice(framework)
    strengths = {**given.competencies}
    strengths[first.id] = dataclasses.replace(given.of(first.id), strengths="<p>Tell the next team how.</p>")
    given = dataclasses.replace(given, competencies=strengths)
    n = len(framework.competencies())
    # The first and the fourth are stronger areas, the second and third areas to develop.
    values = [5, 1, 1, 5] + [3] * (n - 4)
    text = blocks(api.results_call(HUDDLE, framework, given, scoring(framework, values), "2026-11-26")["view"])
    assert "Tell the next team how." in text[first.id]
    assert "talk together about what makes it work" not in text[first.id]
    fourth = framework.competencies()[3].id
    assert "talk together about what makes it work" in text[fourth]  # the generic advice is the fallback
    assert "What would a new starter notice first? Who decides?" in text[second.id]
    assert "When has the team shown" not in text[second.id]
    assert f"When has the team shown {third.title.lower()} at its best" in text[third.id]


def test_reflect_and_strengths_are_read_from_the_file_and_published(team, framework):
    vision = team.competency("vision-and-values")
    assert (
        vision.reflect[0]
        == "If a patient asked three of us what the team is here for, would they hear the same answer?"
    )
    assert vision.strengths.startswith("Keep it alive: a month after someone joins")
    assert normalise(team.to_json()).competency("vision-and-values") == vision  # framework.json round trip
    assert all(c.reflect == () and c.strengths == "" for c in framework.competencies())

    class NoCaseStudies:
        def showing(self, framework, competency):
            return []

    def publish(framework):
        return guidance(framework, NoCaseStudies(), lambda text, here, where: f"<p>{text}</p>", lambda uri: uri)

    assert publish(team).of("vision-and-values").strengths == f"<p>{vision.strengths}</p>"
    assert publish(framework).of("vision").strengths == ""


def test_the_rater_page_says_what_a_plain_code_reveals_with_the_sites_threshold(framework):
    page = rater_page(HUDDLE, framework, 4)
    seen = next(line for line in page.splitlines() if line.startswith("- **What they see:**"))
    honest = next(line for line in page.splitlines() if line.startswith("- **Honestly:**"))
    assert "only within a group of at least 4 raters" in seen and "line manager's answers on their own" in seen
    assert "anyone who has this code can read your answers" in honest
    assert "the person you rate included" in honest and "at least 4 raters" in honest
    assert "at least 3" not in page
    assert "at least 5 raters" in rater_page(HUDDLE, framework, 5)
