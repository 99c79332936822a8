"""Authoring hints: each fixture in tests/fixtures/hints/ gets exactly these messages, and `check` shows them.

Hints are warnings (exit 0); `huddle check --strict` fails on them, except the
even-point scale, which is information only. The demo frameworks have none.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from generator.frameworks import load_framework
from generator.frameworks.loader import file_hints
from tests.sites import FIXTURES, REPO, copy_fixture

HINTS = FIXTURES / "hints"

EXPECTED = {
    "clean": [],
    "double-barrelled": [
        "double-barrelled.yml:26:28: domains[0].competencies[0].items[0].text: item 'l1' may be double-barrelled: 'and' may join two behaviours, and someone who does one but not the other cannot answer; split it into two items, or add 'single_behaviour: true' to the item if it is one behaviour.",
    ],
    "double-barrelled-silenced": [],
    "long-item": [
        "long-item.yml:26:28: domains[0].competencies[0].items[0].text: item 'l1' has 31 words; an item over 25 words is hard to keep in mind while choosing an answer, so shorten it or split it.",
    ],
    "double-negative": [
        "double-negative.yml:28:28: domains[0].competencies[0].items[2].text: item 'l3' is reverse-keyed and contains the negation 'not', so showing the behaviour means disagreeing with a negative (a double negative); describe the unwanted behaviour without a negation, such as 'I decide before I ask for views' for 'I do not ask for views'.",
    ],
    "few-items": [
        "few-items.yml:26:11: domains[0].competencies[0].items: competency 'listening' has 2 items; a score from fewer than 3 rests on too few answers, so add items.",
    ],
    "no-reverse": [
        "no-reverse.yml:26:11: domains[0].competencies[0].items: competency 'listening' has no reverse-keyed item, so someone who agrees with everything scores highest; add an item that describes the opposite behaviour, with 'reverse: true'.",
    ],
    "even-scale": [
        "even-scale.yml:9:5: scale.points: has 4 points, so there is no middle answer and people must lean one way; that is a choice some frameworks make on purpose, so this is information only: keep it if you meant it.",
    ],
    "unbalanced-frequency": [
        "unbalanced-frequency.yml:9:5: scale.points: looks like a frequency scale with 1 point below its middle (Rarely) and 3 above it (Often, Usually, Almost always), so answers lean one way; give it as many points on each side, such as Never, Rarely, Sometimes, Often, Always.",
    ],
    "time-frame": [
        "time-frame.yml:26:28: domains[0].competencies[0].items[0].text: item 'l1' says 'this week', but the framework's description asks about 'last few months'; use the description's time frame or none, so that every statement covers the same period.",
    ],
    "band-unreachable": [
        "band-unreachable.yml:17:12: bands[1].from: no score of competency 'listening' falls in band 'Developing' (from 3.8), since the nearest are about 3.67 and 4; move the band's 'from', or give the competency more items.",
    ],
    "own-advice-missing": [
        "own-advice-missing.yml:32:13: domains[0].competencies[1].id: competency 'asking' has no 'strengths', though other competencies of this framework do, so its results show Huddle's generic advice for a strength beside the others' own; add 'strengths' to it.",
    ],
    "top-band-perfect-only": [
        "top-band-perfect-only.yml:18:12: bands[2].from: competency 'listening' reaches its top band 'Established' (from 4.8) only when every answered statement gets the top answer, since its next best score is about 4.67; lower 'from' to 4.66 or below, so that a strong score short of perfect can reach it.",
    ],
    "top-band-below-often": [
        "top-band-below-often.yml:19:12: bands[2].from: the top band 'Established' starts at 3.5, below 4 ('Often'), the scale's second-highest point, so answers that on the whole fall short of 'Often' reach it; start it at 4 or above, so that the top band means 'Often' or better.",
        "top-band-below-often.yml:34:20: domains[0].competencies[1].bands[1].from: the top band 'Established' starts at 3.9, below 4 ('Often'), the scale's second-highest point, so answers that on the whole fall short of 'Often' reach it; start it at 4 or above, so that the top band means 'Often' or better.",
    ],
}


def test_every_hint_fixture_has_an_expectation():
    assert sorted(p.stem for p in HINTS.glob("*.yml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hint_fixture_is_a_valid_framework_with_exactly_these_hints(name):
    path = HINTS / f"{name}.yml"
    load_framework(path, HINTS)  # hints are about valid frameworks: this one has no problem
    assert [str(hint) for hint in file_hints(path, HINTS)] == EXPECTED[name]


def test_only_the_even_point_scale_is_information_only():
    informational = {p.stem for p in HINTS.glob("*.yml") for hint in file_hints(p, HINTS) if hint.informational}
    assert informational == {"even-scale"}


def huddle(*args, cwd):
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True)


def site_with(tmp_path, *names):
    """The minimal fixture site with only the hint fixtures `names` as its frameworks."""
    config = copy_fixture("minimal", tmp_path)
    folder = config.parent / "assessments"
    (folder / "tiny.yml").unlink()
    for name in names:
        text = (HINTS / f"{name}.yml").read_text().replace("id: clean", f"id: {name}")
        (folder / f"{name}.yml").write_text(text)
    for story in (config.parent / "content" / "case-studies").glob("*.md"):
        story.unlink()
    (config.parent / "content" / "index.md").write_text("# Hints\n\nA home page with no link to the framework gone.\n")
    return config


def test_check_shows_hints_as_warnings_and_exits_0_but_strict_fails_on_them(tmp_path):
    config = site_with(tmp_path, "double-barrelled", "even-scale")
    result = huddle("-f", str(config), "check", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    said = result.stderr.splitlines()
    assert said[0].startswith(
        "Warning: assessments/double-barrelled.yml:26:28: domains[0].competencies[0].items[0].text: item 'l1' may be"
    )
    assert said[1].startswith("Note: assessments/even-scale.yml:9:5: scale.points: has 4 points")
    assert said[2].endswith("2 framework file(s) and 0 case study(ies) are valid, with 1 warning(s) above.")
    strict = huddle("-f", str(config), "check", "--strict", cwd=tmp_path)
    assert strict.returncode == 1
    assert strict.stderr.splitlines()[-1] == (
        f"Error: {config}: configuration, 2 framework file(s) and 0 case study(ies) are valid, but 1 warning(s) "
        "above are errors with --strict; follow each one's suggestion (docs/frameworks.md, 'Writing good items', "
        "explains authoring hints; docs/branding.md, placeholders)."
    )


def test_an_information_only_hint_never_fails_strict(tmp_path):
    config = site_with(tmp_path, "even-scale")
    result = huddle("-f", str(config), "check", "--strict", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith("Note: ")


def test_the_demo_passes_check_strict_with_no_hints_and_no_placeholders():
    # The demo's privacy notice and accessibility statement are its own, true of the demo; the templates
    # with placeholders that a new trust site starts from are in generator/starter/content/.
    result = huddle("check", "--strict", cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert "Warning" not in result.stderr and "Note" not in result.stderr
