"""Every broken framework in tests/fixtures/broken-frameworks/ gets exactly these messages.

Each message names the file, line and column, the key path, what is wrong and
what to do; all problems of a file are reported together.
"""

from __future__ import annotations

import pytest

from generator.frameworks import FrameworkError, load_framework, load_frameworks
from tests.sites import FIXTURES

BROKEN = FIXTURES / "broken-frameworks"

EXPECTED = {
    "changelog-not-this-version": [
        "changelog-not-this-version.yml:6:14: changelog[0].version: is '1.0', but the framework's version is '2.0'; list the newest version first, so that the page says what changed in the version people answer.",
        "changelog-not-this-version.yml:8:14: changelog[1].version: '1.0' is listed twice; give each version one entry.",
    ],
    "further-reading-not-web": [
        "further-reading-not-web.yml:7:10: further_reading[0].url: must be one web address with no spaces, line breaks or control characters; check it.",
    ],
    "further-reading-shape": [
        "further-reading-shape.yml:7:10: further_reading[0].url: must be a web address starting with https:// or http://; got 'javascript:alert(1)'.",
        "further-reading-shape.yml:8:5: further_reading[1]: 'title' is required; add it.",
    ],
    "changelog-no-changes": [
        "changelog-no-changes.yml:6:5: changelog[0]: 'changes' is required; add it.",
        "changelog-no-changes.yml:7:11: changelog[0].date: must be a date written YYYY-MM-DD, such as 2026-11-01; got '5 December'.",
        "changelog-no-changes.yml:8:5: changelog[0].change: is not a known key; did you mean 'changes'?",
    ],
    "alias-loop": [
        "alias-loop.yml:2:8: uses a YAML anchor (&name); Huddle does not read anchors and aliases, so write the value out where it is needed.",
    ],
    "billion-laughs": [
        "billion-laughs.yml:2:4: uses a YAML anchor (&name); Huddle does not read anchors and aliases, so write the value out where it is needed.",
    ],
    "merge-key": [
        "merge-key.yml:8:8: uses a YAML merge key (<<); write the keys out in this mapping instead.",
    ],
    "band-from-nan": [
        "band-from-nan.yml:12:12: bands[1].from: must be an ordinary number, got nan.",
    ],
    "weight-infinite": [
        "weight-infinite.yml:22:21: domains[0].competencies[0].items[0].weight: must be an ordinary number, got inf.",
    ],
    "audience-unknown": [
        "audience-unknown.yml:5:11: audience: must be one of individual, team, board, got 'everyone'.",
    ],
    "band-above-scale": [
        "band-above-scale.yml:12:12: bands[1].from: is above the scale's highest value (3), so no score could reach this band.",
    ],
    "band-without-summary": [
        "band-without-summary.yml:12:5: bands[1]: 'summary' is required; add it.",
    ],
    "bands-not-ascending": [
        "bands-not-ascending.yml:12:12: bands[1].from: must be greater than the band before (1); list bands in ascending order.",
    ],
    "bands-start-above-minimum": [
        "bands-start-above-minimum.yml:11:12: bands[0].from: must equal the scale's lowest value (1), got 1.5, so that every score has a band.",
    ],
    "competency-bands-override-bad": [
        "competency-bands-override-bad.yml:20:20: domains[0].competencies[0].bands[0].from: must equal the scale's lowest value (1), got 0, so that every score has a band.",
    ],
    "competency-id-clashes-with-domain": [
        "competency-id-clashes-with-domain.yml:17:13: domains[0].competencies[0].id: 'purpose' is already the id of domains[0] (line 14); domains, competencies and items need ids unique within the framework.",
    ],
    "domains-a-mapping": [
        "domains-a-mapping.yml:14:3: domains: must be a list, got a mapping.",
    ],
    "rater-text-partial": [
        "rater-text-partial.yml:23:13: domains[0].competencies[0].items[1]: has no rater_text, but 1 of the 2 items have one: 360 feedback needs the rater's wording for every item. Add rater_text here and to every other item without it, or remove it from all of them.",
    ],
    "duplicate-item-id": [
        "duplicate-item-id.yml:22:17: domains[0].competencies[0].items[1].id: 'v1' is already the id of domains[0].competencies[0].items[0] (line 20); domains, competencies and items need ids unique within the framework.",
    ],
    "duplicate-key": [
        "duplicate-key.yml:4:1: title: appears twice; keep one.",
    ],
    "empty-title": [
        "empty-title.yml:3:8: title: must not be empty.",
    ],
    "empty": [
        "empty.yml: is empty; a framework needs id, version, title, licence, scale, bands and domains.",
    ],
    "id-not-slug": [
        "id-not-slug.yml:17:13: domains[0].competencies[0].id: must be a slug of lower-case letters, digits and single hyphens, such as 'shared-purpose'; got 'Shared Vision'.",
    ],
    "item-without-text": [
        "item-without-text.yml:20:13: domains[0].competencies[0].items[0]: 'text' is required; add it.",
    ],
    "items-null": [
        "items-null.yml:19:15: domains[0].competencies[0].items: must be a list, got nothing.",
    ],
    "many-problems": [
        'many-problems.yml:2:10: version: must be text, got 2; put it in quotes, such as "1.0".',
        "many-problems.yml:17:13: domains[0].competencies[0].id: must be a slug of lower-case letters, digits and single hyphens, such as 'shared-purpose'; got 'Vision'.",
        "many-problems.yml:24:22: domains[0].competencies[0].items[1].reverse: must be true or false, got 'no'.",
    ],
    "missing-licence": [
        "missing-licence.yml:1:1: 'licence' is required; add it.",
    ],
    "no-domains": [
        "no-domains.yml:13:10: domains: must list at least one domain.",
    ],
    "no-items": [
        "no-items.yml:19:16: domains[0].competencies[0].items: must list at least one item.",
    ],
    "not-a-mapping": [
        "not-a-mapping.yml:1:1: must be a mapping of keys such as id, title and domains, not a list or text.",
    ],
    "not-applicable-clashes": [
        "not-applicable-clashes.yml:10:19: scale.not_applicable: 'Often' is already the label of a scale point.",
    ],
    "only-comments": [
        "only-comments.yml: is empty; a framework needs id, version, title, licence, scale, bands and domains.",
    ],
    "reverse-yes": [
        "reverse-yes.yml:24:22: domains[0].competencies[0].items[1].reverse: must be true or false, got 'yes'.",
    ],
    "scale-label-repeated": [
        "scale-label-repeated.yml:8:25: scale.points[1].label: 'Rarely' is already the label of scale.points[0].",
    ],
    "scale-not-ascending": [
        "scale-not-ascending.yml:8:15: scale.points[1].value: must be greater than the point before (1); list points in ascending order.",
    ],
    "scale-one-point": [
        "scale-one-point.yml:7:5: scale.points: must list at least 2 points, got 1.",
    ],
    "scale-value-not-integer": [
        "scale-value-not-integer.yml:8:15: scale.points[1].value: must be a whole number, got 2.5.",
    ],
    "scale-value-repeated": [
        "scale-value-repeated.yml:8:15: scale.points[1].value: 1 appears twice; each point needs its own value.",
    ],
    "unknown-key-far": [
        "unknown-key-far.yml:4:1: colour: is not a known key; the keys allowed here are audience, bands, changelog, description, domains, further_reading, groups, id, licence, scale, source, title, updated, version.",
    ],
    "unknown-key-typo": [
        "unknown-key-typo.yml:24:13: domains[0].competencies[0].items[1].revers: is not a known key; did you mean 'reverse'?",
    ],
    "updated-not-a-date": [
        "updated-not-a-date.yml:5:10: updated: must be a date written YYYY-MM-DD, such as 2026-11-01; got 'last week'.",
    ],
    "version-number": [
        'version-number.yml:2:10: version: must be text, got 1.0; put it in quotes, such as "1.0".',
    ],
    "weight-negative": [
        "weight-negative.yml:22:21: domains[0].competencies[0].items[0].weight: must be greater than 0, got -1.",
    ],
    "weight-text": [
        "weight-text.yml:22:21: domains[0].competencies[0].items[0].weight: must be a number, got 'heavy'.",
    ],
    "weight-zero": [
        "weight-zero.yml:22:21: domains[0].competencies[0].items[0].weight: must be greater than 0, got 0.",
    ],
    "yaml-syntax": [
        "yaml-syntax.yml:16:17: is not valid YAML: expected ',' or ']', but got ':' (while parsing a flow sequence that starts at line 15, column 12).",
    ],
}


def test_every_broken_fixture_has_an_expectation():
    assert sorted(p.stem for p in BROKEN.glob("*.yml")) == sorted(EXPECTED)
    assert len(EXPECTED) >= 25


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_framework_reports_exact_messages(name):
    with pytest.raises(FrameworkError) as error:
        load_framework(BROKEN / f"{name}.yml", BROKEN)
    assert [str(problem) for problem in error.value.problems] == EXPECTED[name]


def test_two_frameworks_with_one_id_are_refused(tmp_path):
    for name in ["a.yml", "b.yml"]:
        (tmp_path / name).write_text((FIXTURES / "minimal" / "assessments" / "tiny.yml").read_text())
    with pytest.raises(FrameworkError) as error:
        load_frameworks(tmp_path, tmp_path)
    assert str(error.value) == "b.yml:2:5: id: 'tiny' is already the id of a.yml; give each framework its own id."


def test_problems_in_several_files_are_reported_together(tmp_path):
    (tmp_path / "one.yml").write_text("")
    (tmp_path / "two.yml").write_text("- a list\n")
    with pytest.raises(FrameworkError) as error:
        load_frameworks(tmp_path, tmp_path)
    assert [p.path for p in error.value.problems] == ["one.yml", "two.yml"]


def test_a_file_that_is_not_utf8_is_named(tmp_path):
    (tmp_path / "latin.yml").write_bytes("title: Caf\xe9\n".encode("latin-1"))
    with pytest.raises(FrameworkError) as error:
        load_frameworks(tmp_path, tmp_path)
    assert str(error.value).startswith("latin.yml: is not UTF-8 text")


def test_a_billion_laughs_is_refused_at_its_first_anchor_and_an_oversized_file_by_its_size(tmp_path):
    # Refused where the first anchor is (line 2), before any alias is expanded: it took 21 s and 3 GB before.
    with pytest.raises(FrameworkError) as error:
        load_framework(BROKEN / "billion-laughs.yml", BROKEN)
    assert [(p.line, p.column) for p in error.value.problems] == [(2, 4)]
    big = tmp_path / "big.yml"
    big.write_text("id: big\ntitle: " + "x" * 300_000 + "\n")
    with pytest.raises(FrameworkError) as error:
        load_framework(big, tmp_path)
    assert str(error.value) == (
        "big.yml: is 292 KiB of YAML, above Huddle's limit of 256 KiB; split it into smaller files."
    )
