"""Every broken case study in tests/fixtures/broken-case-studies/ gets exactly these messages.

MkDocs would drop invalid front matter silently; Huddle reports it with the
file, line and key, and suggests the closest competency id.
"""

from __future__ import annotations

import pytest

from generator.casestudies import CaseStudyError, parse_case_study
from tests.sites import FIXTURES

BROKEN = FIXTURES / "broken-case-studies"
KNOWN = {"tiny/alpha", "tiny/beta", "team/teamwork"}

EXPECTED = {
    "competencies-empty": [
        "competencies-empty.md:4:15: competencies: must list at least one competency.",
    ],
    "competencies-repeated": [
        "competencies-repeated.md:5:3: competencies: lists the same entry twice; keep one.",
    ],
    "competency-framework-typo": [
        "competency-framework-typo.md:6:5: competencies[1]: 'tinny/beta' is not a competency of this site; did you mean 'tiny/beta'?",
    ],
    "competency-not-a-pair": [
        "competency-not-a-pair.md:6:5: competencies[1]: must be a framework id and a competency id joined by a slash, such as 'collective-leadership/vision'; got 'beta'.",
    ],
    "competency-typo": [
        "competency-typo.md:6:5: competencies[1]: 'tiny/betta' is not a competency of this site; did you mean 'tiny/beta'?",
    ],
    "competency-unknown-framework": [
        "competency-unknown-framework.md:6:5: competencies[1]: 'huge/beta' names a framework this site does not have; the frameworks are: team, tiny.",
    ],
    "competency-unknown-no-match": [
        "competency-unknown-no-match.md:6:5: competencies[1]: framework 'tiny' has no competency 'zzz'; its competencies are: alpha, beta.",
    ],
    "date-invalid": [
        "date-invalid.md:9:7: date: must be a date written YYYY-MM-DD, such as 2026-11-01; got '2026-13-01'.",
    ],
    "date-words": [
        "date-words.md:9:7: date: must be a date written YYYY-MM-DD, such as 2026-11-01; got 'May 2026'.",
    ],
    "duplicate-key": [
        "duplicate-key.md:4:1: summary: appears twice; keep one.",
    ],
    "empty-front-matter": [
        "empty-front-matter.md:1:1: front matter is empty; give it title, summary, competencies, setting, tags, date and illustrative.",
    ],
    "front-matter-a-list": [
        "front-matter-a-list.md:1:1: front matter is not a mapping of keys to values; give it title, summary, competencies, setting, tags, date and illustrative.",
    ],
    "further-reading-url-not-web": [
        "further-reading-url-not-web.md:12:10: further_reading[0].url: must be one web address with no spaces, line breaks or control characters; check it.",
    ],
    "illustrative-with-sources": [
        "illustrative-with-sources.md:11:1: sources: an illustrative case study cannot list sources, because an invented story has no published source; move these works to `further_reading`, or set `illustrative: false` if the story is a true account that draws on them.",
    ],
    "illustrative-yes": [
        "illustrative-yes.md:10:15: illustrative: must be true or false, got 'yes'.",
    ],
    "many-problems": [
        "many-problems.md:6:5: competencies[1]: 'tiny/alfa' is not a competency of this site; did you mean 'tiny/alpha'?",
        "many-problems.md:7:10: setting: must be one of acute, community, mental-health, primary-care, ambulance, board, system, got 'ward'.",
        "many-problems.md:10:15: illustrative: must be true or false, got 1.",
    ],
    "missing-several": [
        "missing-several.md:2:1: 'competencies' is required; add it.",
        "missing-several.md:2:1: 'date' is required; add it.",
        "missing-several.md:2:1: 'illustrative' is required; add it.",
        "missing-several.md:2:1: 'setting' is required; add it.",
        "missing-several.md:2:1: 'summary' is required; add it.",
        "missing-several.md:2:1: 'tags' is required; add it.",
    ],
    "missing-summary": [
        "missing-summary.md:2:1: 'summary' is required; add it.",
    ],
    "no-front-matter": [
        "no-front-matter.md:1:1: has no front matter; start it with a '---' block giving title, summary, competencies, setting, tags, date and illustrative.",
    ],
    "setting-unknown": [
        "setting-unknown.md:7:10: setting: must be one of acute, community, mental-health, primary-care, ambulance, board, system, got 'hospital'.",
    ],
    "source-url-not-web": [
        "source-url-not-web.md:13:10: sources[0].url: must be a web address starting with https:// or http://; got 'www.example.org'.",
    ],
    "source-url-breaks-out": [
        "source-url-breaks-out.md:13:10: sources[0].url: must be one web address with no spaces, line breaks or control characters; check it.",
    ],
    "source-without-url": [
        "source-without-url.md:12:5: sources[0]: 'url' is required; add it.",
    ],
    "tag-empty": [
        "tag-empty.md:8:17: tags[1]: must be text with at least one letter or digit; got ''.",
    ],
    "tags-not-a-list": [
        "tags-not-a-list.md:8:7: tags: must be a list, got 'huddles'.",
    ],
    "title-empty": [
        "title-empty.md:2:7: title: must be text, got nothing.",
    ],
    "unclosed-front-matter": [
        "unclosed-front-matter.md:1:1: has front matter that starts with '---' on line 1 but no closing '---' line; add one after the last key.",
    ],
    "unknown-key-typo": [
        "unknown-key-typo.md:2:1: 'illustrative' is required; add it.",
        "unknown-key-typo.md:10:1: ilustrative: is not a known key; did you mean 'illustrative'?",
    ],
    "unknown-key": [
        "unknown-key.md:11:1: author: is not a known key; the keys allowed here are competencies, date, further_reading, illustrative, organisation, setting, sources, summary, tags, title.",
    ],
    "yaml-syntax": [
        "yaml-syntax.md:4:13: is not valid YAML: expected ',' or ']', but got ':' (while parsing a flow sequence that starts at line 3, column 10).",
    ],
}


def test_every_broken_case_study_has_an_expectation():
    assert sorted(p.stem for p in BROKEN.glob("*.md")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_case_study_reports_exact_messages(name):
    path = BROKEN / f"{name}.md"
    with pytest.raises(CaseStudyError) as error:
        parse_case_study(path.read_text(), f"case-studies/{path.name}", path.name, KNOWN)
    assert [str(problem) for problem in error.value.problems] == EXPECTED[name]


def test_a_valid_case_study_is_read_whole():
    text = (FIXTURES / "minimal" / "content" / "case-studies" / "first-story.md").read_text()
    study = parse_case_study(text, "case-studies/first-story.md", "first-story.md", KNOWN)
    assert study.competencies == ("tiny/alpha", "tiny/beta")
    assert study.tags == ("Safety huddles", "rotas")
    assert (study.setting, study.date, study.illustrative) == ("acute", "2026-05-01", True)
    assert study.sources == ()
    assert [(s.title, s.url) for s in study.further_reading] == [("A source", "https://example.org/report")]
    text = (FIXTURES / "minimal" / "content" / "case-studies" / "second-story.md").read_text()
    true_story = parse_case_study(text, "case-studies/second-story.md", "second-story.md", KNOWN)
    assert (true_story.illustrative, true_story.organisation) == (False, "A community trust")
    assert [(s.title, s.url) for s in true_story.sources] == [("The team's own account", "https://example.org/account")]


def test_settings_labels_match_the_schema():
    from generator.casestudies.loader import SCHEMA_PATH
    from generator.scoring.kinds import Setting
    from generator.sources.structure import load_schema

    assert list(Setting) == load_schema(SCHEMA_PATH)["properties"]["setting"]["enum"]
