"""The knowledge base: frameworks and case studies, cross-linked, as pages.

Given the checked frameworks and case studies, says which pages to generate,
which pages stay out of the navigation, and what a case study page gains.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import markdown

from .casestudies import CaseStudy
from .frameworks.model import competencies
from .pages import casestudies as listing
from .pages.framework import competency_page, framework_page
from .pages.uris import CASE_STUDY_INDEX, competency_uri, framework_uri, print_uri, setting_uri, tag_uri


@dataclass
class KnowledgeBase:
    frameworks: Sequence[dict[str, Any]]
    case_studies: Sequence[CaseStudy]
    has_own_index: bool = False
    """Whether the site has its own `case-studies/index.md` (the listings are added to it)."""
    unlisted: set[str] = field(default_factory=set)
    """Source URIs of pages kept out of the navigation."""

    def __post_init__(self) -> None:
        self.by_uri = {study.src_uri: study for study in self.case_studies}
        self.frameworks_by_id = {framework["id"]: framework for framework in self.frameworks}
        self.by_competency = listing.by_competency(self.case_studies)

    def showing(self, framework: dict[str, Any], competency: dict[str, Any]) -> list[CaseStudy]:
        """The case studies that show a competency, newest first."""
        return listing.newest_first(self.by_competency.get(f"{framework['id']}/{competency['id']}", []))

    def pages(self) -> dict[str, str]:
        """Every generated page: source URI to Markdown."""
        generated: dict[str, str] = {}
        for framework in self.frameworks:
            generated[framework_uri(framework)] = framework_page(framework)
            for domain in framework["domains"]:
                for competency in domain["competencies"]:
                    uri = competency_uri(framework["id"], competency["id"])
                    generated[uri] = competency_page(framework, domain, competency, self.showing(framework, competency))
        if self.case_studies:
            if not self.has_own_index:
                generated[CASE_STUDY_INDEX] = listing.index_page(self.case_studies, self.frameworks)
            for setting, studies in listing.by_setting(self.case_studies).items():
                generated[setting_uri(setting)] = listing.setting_page(setting, studies)
            for slug, (label, studies) in listing.tags(self.case_studies).items():
                generated[tag_uri(slug)] = listing.tag_page(slug, label, studies)
        listed = {CASE_STUDY_INDEX} | {framework_uri(f) for f in self.frameworks}
        self.unlisted = set(self.by_uri) | (set(generated) - listed)
        return generated

    def guidance(self, framework: dict[str, Any], url: Callable[[str], str]) -> dict[str, Any]:
        """What the results view shows per competency: advice, band summaries and links.

        `url` turns a page's source URI into a URL relative to the assessment page.
        Markdown is rendered here, at build time, because the browser has no renderer.
        """
        found: dict[str, Any] = {}
        for competency in competencies(framework):
            studies = self.showing(framework, competency)
            found[competency["id"]] = {
                "develop": _html(competency["develop"]),
                "bands": {band["label"]: _html(band["summary"]) for band in competency["bands"]},
                "page": url(competency_uri(framework["id"], competency["id"])),
                "case_studies": [{"title": s.title, "url": url(s.src_uri)} for s in studies],
            }
        return {"competencies": found, "print": url(print_uri(framework))}

    def page_markdown(self, src_uri: str, markdown: str) -> str:
        """A page's Markdown with what the knowledge base adds to it (case studies, own index)."""
        study = self.by_uri.get(src_uri)
        if study:
            return listing.decorate(markdown, study, self.frameworks_by_id)
        if src_uri == CASE_STUDY_INDEX and self.has_own_index:
            return markdown.rstrip() + "\n\n" + listing.index_lists(self.case_studies, self.frameworks)
        return markdown


def _html(text: str) -> str:
    return markdown.markdown(text) if text else ""
