"""The site model: frameworks and case studies, loaded and checked, and every page they make.

`load_site` reads a site's framework files and case studies (no MkDocs, no
npm: `huddle check` uses it as is). `Site.pages` lists every page Huddle
generates, with whether it belongs in the navigation; the plugin only maps
them to MkDocs files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .casestudies import CaseStudyError, load_case_studies
from .frameworks import FrameworkError, load_frameworks
from .knowledge import KnowledgeBase
from .pages import Text, assessment_page, printable_page
from .pages import casestudies as listing
from .pages.collective import feedback_page, organisation_page, rater_page, team_page
from .pages.framework import competency_page, framework_page
from .pages.offline import offline_page
from .pages.uris import (
    CASE_STUDY_INDEX,
    OFFLINE_URI,
    RESERVED,
    assessment_uri,
    competency_uri,
    feedback_uri,
    framework_uri,
    is_case_study,
    organisation_uri,
    print_uri,
    rater_uri,
    setting_uri,
    tag_uri,
    team_uri,
)
from .scoring.model import Framework
from .scoring.strings import Messages
from .sources.errors import said
from .sources.links import link_problems


@dataclass(frozen=True)
class GeneratedPage:
    """A page Huddle adds to the site: where, whether it is in the navigation, and its Markdown."""

    uri: str
    in_nav: bool
    markdown: Callable[[Text], str]
    """The page's Markdown, given the renderer of framework Markdown (which needs every page's URL)."""


def _page(make: Callable[..., str], *args: Any, text: bool = False) -> Callable[[Text], str]:
    """A generated page's Markdown: `make(*args)`, or `make(*args, text)` for a page that renders framework
    Markdown (`text`, which needs every page's URL, so comes only when the pages are written)."""
    if text:
        return lambda render: make(*args, render)
    return lambda render: make(*args)


class SiteError(Exception):
    """Problems in a site's frameworks or case studies, all of them, as one message."""


@dataclass
class Site:
    frameworks: list[Framework]
    knowledge: KnowledgeBase
    team_threshold: int = 5
    """The fewest codes a team profile is shown from (the plugin's `team_threshold`), which its page states."""
    group_threshold: int = 3
    """The fewest codes of each group, and teams of each group of teams, that groups are shown from."""
    rater_threshold: int = 3
    """The fewest raters an anonymous 360 group is shown from (the plugin's `rater_threshold`)."""

    def pages(self, messages: Messages) -> list[GeneratedPage]:
        """Every page Huddle generates, in a stable order, saying Huddle's messages in `messages`."""
        found: list[GeneratedPage] = []
        knowledge = self.knowledge
        for framework in self.frameworks:
            found += [
                GeneratedPage(assessment_uri(framework), True, _page(assessment_page, messages, framework, text=True)),
                GeneratedPage(print_uri(framework), False, _page(printable_page, messages, framework)),
                GeneratedPage(team_uri(framework), False, _page(team_page, messages, framework, self.team_threshold)),
                GeneratedPage(
                    organisation_uri(framework),
                    False,
                    _page(organisation_page, messages, framework, self.team_threshold, self.group_threshold),
                ),
            ]
            if framework.offers_360:
                found += [
                    GeneratedPage(
                        rater_uri(framework), False, _page(rater_page, messages, framework, self.rater_threshold)
                    ),
                    GeneratedPage(
                        feedback_uri(framework), False, _page(feedback_page, messages, framework, self.rater_threshold)
                    ),
                ]
            found.append(
                GeneratedPage(framework_uri(framework), True, _page(framework_page, messages, framework, text=True))
            )
            for domain, competency in framework.walk():
                showing = knowledge.showing(framework, competency)
                found.append(
                    GeneratedPage(
                        competency_uri(framework.id, competency.id),
                        False,
                        _page(competency_page, messages, framework, domain, competency, showing, text=True),
                    )
                )
        if self.frameworks:  # a site with assessments has the offline worker, which shows this page
            found.append(GeneratedPage(OFFLINE_URI, False, _page(offline_page, messages)))
        studies = knowledge.case_studies
        if studies:
            if not knowledge.has_own_index:
                found.append(
                    GeneratedPage(CASE_STUDY_INDEX, True, _page(listing.index_page, messages, studies, self.frameworks))
                )
            for setting, group in listing.by_setting(studies).items():
                found.append(
                    GeneratedPage(setting_uri(setting), False, _page(listing.setting_page, messages, setting, group))
                )
            for slug, (label, tagged) in listing.tags(studies).items():
                found.append(
                    GeneratedPage(tag_uri(slug), False, _page(listing.tag_page, messages, slug, label, tagged))
                )
        return found


def load_site(root: Path, assessments_dir: str, documents: Iterable[tuple[str, Path]]) -> Site:
    """The checked frameworks and case studies of the site in `root`.

    `documents` are the site's Markdown files as (source URI, path), already
    checked for links out of the site (see `plan.refused_files`). Raises
    SiteError listing every problem in every file.
    """
    folder = root / assessments_dir
    if not folder.is_dir():
        raise SiteError(
            f"The assessments folder '{assessments_dir}' does not exist in {root}; "
            "create it or set the huddle plugin's `assessments_dir`."
        )
    documents = list(documents)
    refused = link_problems(sorted(folder.iterdir()), folder, root)
    if refused:
        raise SiteError("These files are links out of the site, so Huddle will not read them:\n" + said(refused))
    try:
        frameworks = load_frameworks(folder, root)
    except FrameworkError as error:
        raise SiteError(f"Framework files have problems:\n{error}") from None
    sources = [(uri, path) for uri, path in documents if is_case_study(uri)]
    clashes = [uri for uri, _ in sources if uri.startswith(RESERVED)]
    if clashes:
        raise SiteError(
            f"{', '.join(clashes)}: the folders {' and '.join(RESERVED)} hold generated pages; "
            "move these case studies elsewhere under case-studies/."
        )
    known = {f"{framework.id}/{competency.id}" for framework in frameworks for competency in framework.competencies()}
    try:
        studies = load_case_studies(sources, known, root)
    except CaseStudyError as error:
        raise SiteError(f"Case studies have problems:\n{error}") from None
    has_own_index = any(uri == CASE_STUDY_INDEX for uri, _ in documents)
    return Site(frameworks, KnowledgeBase(frameworks, studies, has_own_index))
