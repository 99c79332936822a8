"""The demo site as shipped: content that meets the knowledge base's promises."""

from __future__ import annotations

import json
import re
from pathlib import Path

from generator.scoring.model import Framework, normalise
from tests.test_knowledge import links


def frameworks(site: Path) -> list[Framework]:
    return [normalise(json.loads(p.read_text())) for p in sorted(site.glob("assessments/*/framework.json"))]


def case_studies(site: Path) -> list[str]:
    pages = sorted(site.glob("case-studies/*/index.html"))
    return [p.parent.relative_to(site).as_posix() for p in pages if p.parent.name not in ("by-setting", "by-tag")]


def test_demo_has_three_frameworks_and_at_least_eight_illustrative_case_studies(demo_site):
    assert [f.id for f in frameworks(demo_site)] == ["board-leadership", "collective-leadership", "team-culture"]
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
        "assessments/board-leadership/",
    } <= home
    for page in ["guide/strategy", "about", "privacy", "accessibility"]:
        assert (demo_site / page / "index.html").is_file(), page


def test_the_offline_page_is_built_out_of_the_navigation_and_of_search(demo_site):
    page = (demo_site / "offline" / "index.html").read_text()
    assert "This page was not saved on this device" in page and "assets/huddle/kept.js" in page
    assert "offline/" not in links(demo_site, "")  # not in the navigation
    docs = json.loads((demo_site / "search" / "search_index.json").read_text())["docs"]
    assert not [doc for doc in docs if doc["location"].startswith("offline/")]


def test_the_board_framework_is_for_boards_with_the_five_areas_of_the_strategy(demo_site):
    board = next(f for f in frameworks(demo_site) if f.id == "board-leadership")
    assert board.audience == "board"
    assert [c.id for c in board.competencies()] == [
        "going-first",
        "setting-direction",
        "holding-challenge",
        "culture-oversight",
        "learning-from-errors",
    ]


REGIONS = ("north", "south", "east", "west", "midlands", "england", "wales", "scotland", "london", "coastal", "city")


def test_demo_illustrative_stories_are_set_somewhere_generic_and_cite_no_source():
    from generator.casestudies import parse_case_study
    from tests.sites import REPO

    for path in sorted((REPO / "content" / "case-studies").glob("*.md")):
        study = parse_case_study(path.read_text(), path.name, path.name, _known())
        assert study.illustrative and not study.sources, path.name
        words = set(study.organisation.lower().replace(",", " ").split())
        assert study.organisation and not words & set(REGIONS), (path.name, study.organisation)


def _known() -> set[str]:
    from generator.frameworks import load_frameworks
    from tests.sites import REPO

    return {f"{f.id}/{c.id}" for f in load_frameworks(REPO / "assessments", REPO) for c in f.competencies()}


def test_the_privacy_notice_says_a_json_download_holds_every_answer_and_it_does():
    import json as _json

    from generator.frameworks import load_framework
    from generator.scoring.model import NOT_APPLICABLE
    from generator.scoring.report import report
    from tests.sites import REPO

    notice = (REPO / "content" / "privacy.md").read_text()
    assert "holds **every answer you gave**" in notice
    assert "not your answer to each statement" in notice  # the CSV
    assert "**the notes you typed**" in notice and "and not your notes" in notice
    framework = load_framework(REPO / "assessments" / "collective-leadership.yml", REPO)
    given = {item.id: 4 for item in framework.items()} | {"v2": NOT_APPLICABLE}
    made = report(framework, given, "2026-11-26", notes="Ask Sam")
    assert _json.loads(made.saved)["answers"] == given
    assert _json.loads(made.saved)["notes"] == "Ask Sam"
    assert not {item.id for item in framework.items()} & set(made.csv.replace(",", " ").split())
    assert "Ask Sam" not in made.csv


def test_the_nhs_documents_the_advice_names_are_further_reading_by_title_and_year(demo_site):
    """Issue 24: NHS England's documents are cited by title and year in `further_reading`, shown on the
    framework's page as other organisations' work, never as the source of a framework's wording."""
    page = (demo_site / "frameworks" / "board-leadership" / "index.html").read_text()
    reading = page.split('id="further-reading"', 1)[1].split("<h2", 1)[0]
    assert "Published by other organisations" in reading
    for title in (
        "Patient Safety Incident Response Framework (NHS England, 2022)",
        "A just culture guide (NHS Improvement, 2018)",
    ):
        assert f">{title}</a>" in reading
    for framework in frameworks(demo_site):
        assert framework.further_reading, framework.id
        assert all(re.search(r", 20\d\d\b", work.title) for work in framework.further_reading)
