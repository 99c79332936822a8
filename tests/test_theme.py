"""The theme's copies of Material partials still match the Material installed, and its scripts hold no sentences."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import material
import pytest

from generator.scoring.strings import MESSAGES
from tests.sites import REPO

PARTIALS = [*sorted((REPO / "theme" / "partials").rglob("*.html")), REPO / "theme" / "main.html"]
SCRIPTS = sorted((REPO / "theme" / "assets" / "huddle").glob("*.js"))
UPSTREAM = re.compile(r"Replaces mkdocs-material (\S+) (\S+), sha256 ([0-9a-f]{64})")


@pytest.mark.parametrize("copy", PARTIALS, ids=lambda p: p.name)
def test_each_copied_material_partial_still_matches_the_installed_upstream(copy: Path):
    found = UPSTREAM.search(copy.read_text(encoding="utf-8"))
    assert found, f"{copy.name} does not say which Material partial it replaces"
    version, partial, recorded = found.groups()
    upstream = Path(material.__file__).parent / "templates" / partial
    assert hashlib.sha256(upstream.read_bytes()).hexdigest() == recorded, (
        f"mkdocs-material changed {partial} since {version}: compare it with {copy.relative_to(REPO)} and the "
        "script it moved to, update both, then record the new sha256 in the copy's comment."
    )


def literals(script: str) -> list[str]:
    """The string and template literals of a script, comments left out."""
    script = re.sub(r"^\s*//.*$", "", script, flags=re.M)
    return [m.group(2) for m in re.finditer(r"([\"'`])((?:\\.|(?!\1).)*)\1", script)]


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_page_scripts_write_no_sentences(script: Path):
    # Sentences live in generator/scoring/strings.py (or are rendered by Python); a literal
    # of three or more words in a script would be a second owner of a user-facing string.
    words = [text for text in literals(script.read_text(encoding="utf-8")) if len(re.findall(r"[A-Za-z]+ ", text)) >= 2]
    assert words == []


def test_every_message_the_scripts_use_exists_and_every_message_is_used():
    sources = [p.read_text(encoding="utf-8") for p in SCRIPTS]
    sources += [p.read_text(encoding="utf-8") for p in (REPO / "generator").rglob("*.py") if p.name != "strings.py"]
    keys = set(re.findall(r"\"([a-z]+(?:-[a-z]+)*)\"", "\n".join(sources)))
    said = set(re.findall(r"\b(?:say|sayWith|failure|fail|Failure)\(\s*\"([a-z-]+)\"", "\n".join(sources)))
    assert sorted(said - set(MESSAGES)) == []
    assert sorted(set(MESSAGES) - keys) == []


def test_pages_carry_the_messages_their_scripts_say_and_no_others(demo_site):
    # Every page's settings carry the messages for its scripts: all 560-odd were 51 kB on every page.
    html = (demo_site / "assessments" / "collective-leadership" / "index.html").read_text(encoding="utf-8")
    settings = re.search(r'<script type="application/json" id="huddle-config">(.*?)</script>', html, re.S)
    carried = json.loads(settings.group(1))["messages"]
    sources = "\n".join(p.read_text(encoding="utf-8") for p in SCRIPTS)
    said = set(re.findall(r"\b(?:say|sayWith|failure|fail|Failure)\(\s*\"([a-z-]+)\"", sources))
    said |= set(re.findall(r"\"([a-z]+(?:-[a-z]+)*)\"", sources)) & set(MESSAGES)  # keys in maps and choices
    assert said <= set(carried)
    assert set(carried) <= said and len(json.dumps(carried)) < 12_000


SAID_ELSEWHERE_TOO = {
    "studies-index-title": ["generator/site.py"],
    "raters-report-in-sentence": ["generator/config.py", "generator/scoring/feedback.py"],
}
"""Messages too short to be told apart from an author's error that starts the same ("Case studies have problems"),
or from docstrings that name the same group ("direct reports")."""


def test_each_shared_sentence_is_written_in_one_source_file():
    # Adjacent string literals (a sentence split over lines) are read as one.
    sources = {
        p: re.sub(r"[\"']\s*\n\s*f?[\"']", "", p.read_text(encoding="utf-8"))
        for p in [*(REPO / "generator").rglob("*.py"), *SCRIPTS, *(REPO / "theme").glob("*.html")]
    }
    for key, message in MESSAGES.items():
        # The longest run of plain text in the message, without its {fields}.
        fragment = max(re.split(r"\{\w+\}", message), key=len).strip()
        if len(fragment) < 12 or " " not in fragment:  # a single word ("competencies") is not a sentence
            continue
        holders = [p.relative_to(REPO).as_posix() for p, text in sources.items() if fragment in text]
        assert sorted(holders) == sorted(["generator/scoring/strings.py", *SAID_ELSEWHERE_TOO.get(key, [])]), (
            key,
            holders,
        )
