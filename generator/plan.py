"""The build plan: what Huddle works out from a site's config and files, once per build, before MkDocs writes.

`BuildPlan.read` reads the sources (frameworks, case studies, every page's
placeholders) and collects what is wrong, building nothing: `huddle check`
stops there. `BuildPlan.add_files` lists the generated pages and files in
MkDocs' `Files`; the plugin (plugin.py) only maps these steps to MkDocs'
events, in the order mkdocs/commands/build.py walks them. Problems stay
values here and become a `PluginError` or `Abort` at the edge, in the
plugin or the command.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils import get_relative_url

from . import assets, branding, bundle, headers, placeholders, publish
from .branding import Branding
from .config import HuddleConfig
from .markdown_text import MarkdownText
from .pages.uris import assessment_uri
from .placeholders import Placeholder
from .scoring import sealed
from .scoring.report import SAVED_MAX_BYTES
from .scoring.strings import Messages
from .scoring.survey import MAX_BYTES as SURVEY_MAX_BYTES
from .site import GeneratedPage, Site, SiteError, load_site
from .sources import published
from .sources.errors import Problem, said
from .sources.links import link_problem, shown_from

INCLUDED, NOT_IN_NAV = InclusionLevel.INCLUDED, InclusionLevel.NOT_IN_NAV


@dataclass
class BuildPlan:
    """A site's sources, read and checked once, and the pages Huddle generates from them."""

    site: Site
    branding: Branding
    filled: dict[str, str]
    """Each placeholder key's value ("" when the site has not set it)."""
    placeholders: list[Placeholder]
    """Every placeholder of every page, found in the text already read."""
    pages: list[GeneratedPage]
    problems: list[Problem]
    """What stops the build, in the order a build meets them: footer links to pages the site does not have,
    placeholders that name no value. Values here; the plugin and `huddle check` say them (`said`)."""
    runtime: dict[str, Any] | None = None
    """What every assessment page's template needs (theme/huddle-config.html), once its files are listed."""
    files: Files = field(default_factory=lambda: Files([]))
    """The site's files, generated ones included, once `add_files` has listed them."""
    text: MarkdownText | None = None
    """The renderer of framework Markdown, once every file has its URL."""

    def __post_init__(self) -> None:
        self._generated = {page.uri: page for page in self.pages}

    @classmethod
    def read(
        cls, config: MkDocsConfig, options: HuddleConfig, brand: Branding, messages: Messages, files: Files
    ) -> BuildPlan:
        """The plan of the site whose `files` MkDocs found; a PluginError when its sources cannot be read."""
        site = read_site(files, config, options.assessments_dir)
        site.team_threshold = options.team_threshold
        site.group_threshold = options.group_threshold
        site.rater_threshold = options.rater_threshold
        root = Path(config.config_file_path).parent
        found = placeholders.in_pages(placeholders.pages(files, root))
        return cls(
            site=site,
            branding=brand,
            filled=placeholders.values(options, brand.name, config.site_url, root),
            placeholders=found,
            pages=site.pages(messages),
            problems=branding.footer_problems(brand, files, config) + placeholders.unknown(found),
        )

    def unfilled(self) -> list[Placeholder]:
        """Placeholders shown in brackets: warnings, so `build --strict` publishes nothing half filled in."""
        return placeholders.unfilled(self.placeholders, self.filled)

    def markdown(self, uri: str) -> str | None:
        """The Markdown of the page Huddle generates at `uri` (None for an author's page), written when MkDocs
        is about to read it, as MkDocs reads every other page in its pages phase."""
        page = self._generated.get(uri)
        if page is None:
            return None
        assert self.text is not None, "MkDocs reads pages only after on_files, which lists them (add_files)"
        return page.markdown(self.text)

    def add_files(
        self, files: Files, config: MkDocsConfig, options: HuddleConfig, strings: dict[str, str], messages: Messages
    ) -> None:
        """List every page and file Huddle generates in `files`, refusing to replace one the author wrote."""
        root = Path(config.config_file_path).parent
        for study in self.site.knowledge.case_studies:
            # Material embeds the whole navigation in every page, which would grow with their number.
            file_at(files, study.src_uri).inclusion = NOT_IN_NAV
        generated = [
            File.generated(config, page.uri, content="", inclusion=INCLUDED if page.in_nav else NOT_IN_NAV)
            for page in self.pages
        ]
        _add(files, generated, root)  # their Markdown is written when MkDocs reads them (`markdown`)
        _add(files, [File.generated(config, branding.STYLESHEET, content=self.branding.stylesheet())], root)
        publish.slim_theme_assets(files)
        self.files = files
        # Links in framework Markdown need every page's URL, which the files now have.
        self.text = text = MarkdownText(config, files)
        changed = publish.build_date()
        name = self.branding.name
        models: list[bytes] = []  # each framework.json as published: a new one is a new build (build_id)
        for framework in self.site.frameworks:
            here = file_at(files, assessment_uri(framework)).url
            url = lambda uri, here=here: get_relative_url(file_at(files, uri).url, here)  # noqa: E731
            advice = publish.guidance(framework, self.site.knowledge, text, url, name)
            made = publish.framework_files(config, framework, advice, changed, name, strings)
            _add(files, made, root)
            models += [file.content_bytes for file in made if file.src_uri.endswith("framework.json")]
        if not self.site.frameworks:
            _add(files, publish.shared_files(config, None, b""), root)
            _add(files, [File.generated(config, headers.FILE, content=headers.headers_file(None))], root)
            return
        configured = options.pyodide_dir is not None
        pyodide_dir = Path(options.pyodide_dir) if options.pyodide_dir is not None else bundle.pyodide_dir()
        version, boot_files, scoring = assets.pyodide_files(pyodide_dir, configured, assets.scoring_zip())
        shared = publish.shared_files(config, (version, boot_files), scoring)
        folder = assets.pyodide_path(version, boot_files)
        _add(files, [*shared, publish.offline_worker(config)], root)
        _add(files, [File.generated(config, headers.FILE, content=headers.headers_file(folder))], root)
        # The same for each page: worked out once.
        self.runtime = {
            "pyodide": folder,
            "scoring": assets.SCORING_ZIP,
            "boot_timeout": options.boot_timeout,
            "retry_after": assets.RETRY_AFTER,
            "max_file_bytes": SAVED_MAX_BYTES,
            "max_survey_bytes": SURVEY_MAX_BYTES,
            "boot_bytes": assets.boot_bytes(boot_files, scoring),
            "offline": publish.OFFLINE_WORKER,
            "build": assets.build_id(version, scoring, boot_files, b"".join(models)),
            # What the worker fetched: the gzip copies, and the imported files as they are.
            "keep": [
                assets.SCORING_ZIP + assets.GZ,
                *[folder + name for name in assets.IMPORTED],
                *[folder + name + assets.GZ for name in assets.GZIPPED],
            ],
            "messages": publish.page_messages(messages),
            "sealing": sealed.page_settings(),
            "thresholds": {
                "team": options.team_threshold,
                "group": options.group_threshold,
                "rater": options.rater_threshold,
                "gap": options.gap,
            },
        }


def read_site(files: Files, config: MkDocsConfig, assessments_dir: str) -> Site:
    """The site model of `files`, or a PluginError naming every problem (files it will not publish first)."""
    root = Path(config.config_file_path or ".").parent
    refused = refused_files(files, config, root)
    if refused:
        raise PluginError(
            "Huddle will not publish these files (docs/authoring.md says what a site may hold):\n" + said(refused)
        )
    documents = [(f.src_uri, Path(f.abs_src_path or f.src_uri)) for f in files.documentation_pages()]
    try:
        return load_site(root, assessments_dir, documents)
    except SiteError as error:
        raise PluginError(str(error)) from None


def refused_files(files: Files, config: MkDocsConfig, root: Path) -> list[Problem]:
    """Why each file of the docs folder or the theme's custom_dir may not be published: a link out of its
    folder, a hidden file, a name that is not plain, a kind of file that could run, an SVG that could."""
    docs = Path(config.docs_dir)
    theme = Path(config.theme.custom_dir) if config.theme.custom_dir else None
    problems: list[Problem] = []
    for file in files:
        path = Path(file.abs_src_path) if file.abs_src_path else None
        if path is None or file.generated_by is not None:
            continue
        folder = docs if path.is_relative_to(docs) else theme if theme and path.is_relative_to(theme) else None
        if folder is None:
            continue  # Material's and Huddle's own theme files
        shown = shown_from(path, root)
        if linked := link_problem(path, folder, root):
            problems.append(Problem(shown, 0, 0, "", linked))
        elif folder == docs and (problem := published.refusal(path, file.src_uri, file.is_documentation_page(), shown)):
            problems.append(problem)
    return problems


def file_at(files: Files, uri: str) -> File:
    """The site's file at `uri`, which Huddle itself listed (a page it generates, a case study it read)."""
    found = files.get_file_from_path(uri)
    if found is None:
        raise PluginError(f"Huddle lost track of '{uri}' while building; this is a bug in Huddle, please report it.")
    return found


def _add(files: Files, generated: list[File], root: Path) -> None:
    """Add generated files, refusing to replace a file the author wrote (at the same source, or the same address:
    `offline.md` and `offline/index.md` are both published at `offline/`)."""
    written = {f.dest_uri: f for f in files if f.generated_by is None}
    for file in generated:
        mine = files.get_file_from_path(file.src_uri) or written.get(file.dest_uri)
        if mine is not None:
            shown = Path(mine.abs_src_path or mine.src_uri).relative_to(root).as_posix()
            raise PluginError(
                f"{shown}: Huddle generates '{file.src_uri}' itself and would replace this file; move or rename it."
            )
        files.append(file)
