"""The knowledge base: case studies cross-linked with the frameworks' competencies.

Answers which case studies show a competency, and what a case study page
(or the site's own case study index) gains when it is built.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .casestudies import CaseStudy
from .pages import casestudies as listing
from .pages.uris import CASE_STUDY_INDEX
from .scoring.model import Competency, Framework
from .scoring.strings import Messages


@dataclass
class KnowledgeBase:
    frameworks: Sequence[Framework]
    case_studies: Sequence[CaseStudy]
    has_own_index: bool = False
    """Whether the site has its own `case-studies/index.md` (the listings are added to it)."""

    def __post_init__(self) -> None:
        self.by_uri = {study.src_uri: study for study in self.case_studies}
        self.frameworks_by_id = {framework.id: framework for framework in self.frameworks}
        self.by_competency = listing.by_competency(self.case_studies)

    def showing(self, framework: Framework, competency: Competency) -> list[CaseStudy]:
        """The case studies that show a competency, newest first."""
        return listing.newest_first(self.by_competency.get(f"{framework.id}/{competency.id}", []))

    def page_markdown(self, src_uri: str, markdown: str, messages: Messages) -> str:
        """A page's Markdown with what the knowledge base adds to it (case studies, own index), saying Huddle's
        messages in `messages`."""
        study = self.by_uri.get(src_uri)
        if study:
            return listing.decorate(messages, markdown, study, self.frameworks_by_id)
        if src_uri == CASE_STUDY_INDEX and self.has_own_index:
            return markdown.rstrip() + "\n\n" + listing.index_lists(messages, self.case_studies, self.frameworks)
        return markdown
