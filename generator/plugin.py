"""The `huddle` MkDocs plugin: event wiring only; the work lives beside it."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from . import assets, pages, publish
from .casestudies import CaseStudyError, load_case_studies
from .config import HuddleConfig
from .frameworks import FrameworkError, load_frameworks
from .frameworks.model import competencies
from .knowledge import KnowledgeBase
from .pages.uris import CASE_STUDY_INDEX, RESERVED, is_case_study


class HuddlePlugin(BasePlugin[HuddleConfig]):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(config.config_file_path).parent
        self.assessments_dir = self.root / self.config.assessments_dir
        if not self.assessments_dir.is_dir():
            raise PluginError(
                f"The assessments folder '{self.config.assessments_dir}' does not exist next to "
                f"{Path(config.config_file_path).name}; create it or set the huddle plugin's `assessments_dir`."
            )
        try:
            self.frameworks = load_frameworks(self.assessments_dir, self.root)
        except FrameworkError as error:
            raise PluginError(f"Framework files have problems:\n{error}") from None
        timeout = self.config.boot_timeout
        if isinstance(timeout, bool) or timeout <= 0:
            raise PluginError(
                f"The huddle plugin's `boot_timeout` must be a whole number of seconds above 0, got {timeout!r}."
            )
        self.pyodide_version, self.pyodide_files = assets.pyodide_files(self.root / self.config.pyodide_dir)
        # Case studies and their listings are left out of the navigation on purpose
        # (see on_nav), so MkDocs' note naming every page not in `nav` is only noise.
        config.validation.nav.omitted_files = logging.DEBUG
        return config

    def load_knowledge(self, files: Files) -> KnowledgeBase:
        """Check every case study against its schema and the frameworks; PluginError lists all problems."""
        sources = [(f.src_uri, Path(f.abs_src_path)) for f in files.documentation_pages() if is_case_study(f.src_uri)]
        clashes = [uri for uri, _ in sources if uri.startswith(RESERVED)]
        if clashes:
            raise PluginError(
                f"{', '.join(clashes)}: the folders {' and '.join(RESERVED)} hold generated pages; "
                "move these case studies elsewhere under case-studies/."
            )
        known = {f"{fw['id']}/{c['id']}" for fw in self.frameworks for c in competencies(fw)}
        try:
            studies = load_case_studies(sources, known, self.root)
        except CaseStudyError as error:
            raise PluginError(f"Case studies have problems:\n{error}") from None
        return KnowledgeBase(
            self.frameworks, studies, has_own_index=files.get_file_from_path(CASE_STUDY_INDEX) is not None
        )

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.knowledge = self.load_knowledge(files)
        generated = [File.generated(config, uri, content=content) for uri, content in self.knowledge.pages().items()]
        _add(files, generated, self.root)
        changed = publish.build_date()
        for framework in self.frameworks:
            _add(files, publish.framework_files(config, files, framework, self.knowledge, changed), self.root)
            self.knowledge.unlisted.add(pages.print_uri(framework))
        shared = publish.shared_files(config, self.pyodide_path, self.pyodide_files, bool(self.frameworks))
        _add(files, shared, self.root)
        return files

    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):
        # Case studies and the pages listing them stay out of the navigation: Material
        # embeds the whole navigation in every page, which would grow with their number.
        nav.items = _without(nav.items, self.knowledge.unlisted)
        for page in nav.pages:
            page.previous_page = page.next_page = None
        nav.pages = [page for page in nav.pages if page.file.src_uri not in self.knowledge.unlisted]
        for before, after in zip(nav.pages, nav.pages[1:], strict=False):
            before.next_page, after.previous_page = after, before
        return nav

    def on_page_markdown(self, markdown: str, *, page, config: MkDocsConfig, files: Files) -> str:
        return self.knowledge.page_markdown(page.file.src_uri, markdown)

    @property
    def pyodide_path(self) -> str:
        """The versioned folder of the site that holds Pyodide's boot files."""
        return f"assets/pyodide/{self.pyodide_version}/"

    def on_page_context(self, context: dict[str, Any], *, page, config: MkDocsConfig, nav) -> dict[str, Any]:
        if page.meta.get("huddle_framework"):
            context["huddle"] = {
                "pyodide": self.pyodide_path,
                "scoring": assets.SCORING_ZIP,
                "boot_timeout": self.config.boot_timeout,
            }
        return context

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        server.watch(str(self.assessments_dir))
        return server


def _add(files: Files, generated: list[File], root: Path) -> None:
    """Add generated files, refusing to replace a file the author wrote."""
    for file in generated:
        mine = files.get_file_from_path(file.src_uri)
        if mine is not None:
            raise PluginError(
                f"{Path(mine.abs_src_path).relative_to(root).as_posix()}: Huddle generates '{file.src_uri}' itself "
                "and would replace this file; move or rename it."
            )
        files.append(file)


def _without(items: list, unlisted: set[str]) -> list:
    """Navigation items minus the pages in `unlisted`, and minus sections left empty."""
    kept = []
    for item in items:
        if getattr(item, "file", None) is not None and item.file.src_uri in unlisted:
            continue
        if item.children is not None:
            item.children = _without(item.children, unlisted)
            if not item.children:
                continue
        kept.append(item)
    return kept
