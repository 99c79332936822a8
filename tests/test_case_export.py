"""The CASE 1.1 export of each framework, validated against 1EdTech's JSON Schema."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from generator.frameworks import load_framework
from generator.frameworks.case import cf_package
from tests.sites import FIXTURES, REPO

CASE_SCHEMA = FIXTURES / "case" / "case-v1p1-cfpackage-schema.json"
FRAMEWORKS = sorted((REPO / "assessments").glob("*.yml")) + [REPO / "tests/fixtures/minimal/assessments/tiny.yml"]
COLLECTIVE = REPO / "assessments" / "collective-leadership.yml"


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    if not CASE_SCHEMA.is_file():
        pytest.fail(f"The CASE 1.1 schema is expected at {CASE_SCHEMA}.")
    checker = Draft202012Validator.FORMAT_CHECKER
    # Without the optional format libraries jsonschema would silently accept any "uri".
    assert not checker.conforms("not a uri", "uri") and not checker.conforms("2026-13-45T00:00:00Z", "date-time")
    return Draft202012Validator(json.loads(CASE_SCHEMA.read_text()), format_checker=checker)


def export(path: Path) -> tuple[dict, dict]:
    framework = load_framework(path, path.parent)
    return framework, cf_package(framework, creator="Test trust", changed="2026-01-01T00:00:00Z")


@pytest.mark.parametrize("path", FRAMEWORKS, ids=lambda p: p.stem)
def test_export_is_valid_case_1_1(validator, path):
    _, package = export(path)
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(package)]
    assert errors == []


@pytest.mark.parametrize("path", FRAMEWORKS, ids=lambda p: p.stem)
def test_every_domain_competency_and_item_is_a_typed_cfitem_in_order(path):
    framework, package = export(path)
    by_id = {item["identifier"]: item for item in package["CFItems"]}
    parent_of = {a["originNodeURI"]["identifier"]: a for a in package["CFAssociations"]}
    assert all(a["associationType"] == "isChildOf" for a in package["CFAssociations"])
    document = package["CFDocument"]["identifier"]

    def check(node, kind, parent, position):
        (item,) = [i for i in package["CFItems"] if i["humanCodingScheme"] == node.id]
        assert item["CFItemType"] == kind
        association = parent_of[item["identifier"]]
        assert association["destinationNodeURI"]["identifier"] == parent
        assert association["sequenceNumber"] == position
        return item["identifier"]

    count = 0
    for d, domain in enumerate(framework.domains, 1):
        domain_uuid = check(domain, "Domain", document, d)
        for c, competency in enumerate(domain.competencies, 1):
            competency_uuid = check(competency, "Competency", domain_uuid, c)
            for i, item in enumerate(competency.items, 1):
                assert by_id[check(item, "Behaviour", competency_uuid, i)]["fullStatement"] == item.text
                count += 1
            count += 1
        count += 1
    assert len(package["CFItems"]) == len(package["CFAssociations"]) == count


def test_bands_are_a_rubric_with_a_criterion_per_competency():
    framework, package = export(COLLECTIVE)
    (rubric,) = package["CFRubrics"]
    competencies = [c for d in framework.domains for c in d.competencies]
    assert [c["category"] for c in rubric["CFRubricCriteria"]] == [c.title for c in competencies]
    for criterion, competency in zip(rubric["CFRubricCriteria"], competencies, strict=True):
        levels = [(lv["quality"], lv["score"], lv["description"]) for lv in criterion["CFRubricCriterionLevels"]]
        assert levels == [(b.label, float(b.start), b.summary) for b in competency.bands]


def test_identifiers_are_stable_uuid5_values():
    _, first = export(COLLECTIVE)
    _, second = export(COLLECTIVE)
    assert first == second
    identifiers = [first["CFDocument"]["identifier"]] + [i["identifier"] for i in first["CFItems"]]
    assert all(uuid.UUID(i).version == 5 for i in identifiers)
    assert len(set(identifiers)) == len(identifiers)
    assert first["CFDocument"]["identifier"] == str(
        uuid.uuid5(uuid.uuid5(uuid.NAMESPACE_URL, "urn:huddle:case"), "framework:collective-leadership")
    )
