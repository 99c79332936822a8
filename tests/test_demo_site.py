"""The demo site as shipped: content that meets the knowledge base's promises."""

from __future__ import annotations

import json
from pathlib import Path

from generator.scoring.model import Framework, normalise
from tests.test_knowledge import links


def frameworks(site: Path) -> list[Framework]:
    return [normalise(json.loads(p.read_text())) for p in sorted(site.glob("assessments/*/framework.json"))]


def case_studies(site: Path) -> list[str]:
    pages = sorted(site.glob("case-studies/*/index.html"))
    return [p.parent.relative_to(site).as_posix() for p in pages if p.parent.name not in ("by-setting", "by-tag")]


def test_demo_has_both_frameworks_and_at_least_eight_illustrative_case_studies(demo_site):
    assert [f.id for f in frameworks(demo_site)] == ["collective-leadership", "team-culture"]
    studies = case_studies(demo_site)
    assert len(studies) >= 8
    for study in studies:
        assert "Illustrative example" in (demo_site / study / "index.html").read_text(), study


def test_every_competency_has_a_case_study_and_links_go_both_ways(demo_site):
    studies = {study: links(demo_site, study) for study in case_studies(demo_site)}
    for framework in frameworks(demo_site):
        for domain in framework.domains:
            for competency in domain.competencies:
                page = f"frameworks/{framework.id}/{competency.id}"
                listed = {link.rstrip("/") for link in links(demo_site, page) if link.startswith("case-studies/")}
                showing = {study for study, found in studies.items() if page + "/" in found}
                assert showing, f"no case study shows {page}"
                assert listed == showing, page
                for study in showing:
                    assert f"assessments/{framework.id}/" in studies[study]


def test_demo_pages_exist_for_reading_assessing_and_working_as_a_team(demo_site):
    home = links(demo_site, "")
    assert {
        "case-studies/",
        "assessments/collective-leadership/",
        "assessments/team-culture/",
    } <= home
    for page in ["guide/strategy", "about", "privacy", "accessibility"]:
        assert (demo_site / page / "index.html").is_file(), page
