"""The `huddle` MkDocs plugin: event wiring only; the work lives beside it.

`site.py` loads the site model, `publish.py` makes the data files,
`markdown_text.py` renders framework Markdown, `assets.py` finds Pyodide.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils import get_relative_url

from . import assets, branding, bundle, headers, placeholders, publish
from .config import HuddleConfig, said_in_site_yml
from .markdown_text import MarkdownText
from .pages.uris import assessment_uri, escape_meta, print_uri
from .scoring import strings
from .scoring.report import SAVED_MAX_BYTES
from .scoring.survey import MAX_BYTES as SURVEY_MAX_BYTES
from .site import Site, SiteError, load_site
from .sources.links import link_problems
from .theming import use_huddle_theme
from .wording import load_strings

log = get_plugin_logger("huddle")

INCLUDED, NOT_IN_NAV = InclusionLevel.INCLUDED, InclusionLevel.NOT_IN_NAV


class HuddlePlugin(BasePlugin[HuddleConfig]):
    site: Site

    def load_config(self, options: dict[str, Any], config_file_path: str | None = None):
        return said_in_site_yml(config_file_path, *super().load_config(options, config_file_path))

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        use_huddle_theme(config)
        self.branding = branding.load(config, self.config.branding)
        branding.use_in_material(config, self.config.branding)
        self.filled = placeholders.values(self.config.branding, self.branding.name, config.site_url)
        root = Path(config.config_file_path).parent
        self.strings = load_strings(Path(self.config.strings), root) if self.config.strings else {}
        strings.use(self.strings)  # every build says its own site's words, and only those
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        root = Path(config.config_file_path).parent
        self.site = read_site(files, config, self.config.assessments_dir)
        self.site.team_threshold = self.config.team_threshold
        self.site.rater_threshold = self.config.rater_threshold
        branding.check_footer_links(self.branding, files, config)
        found = placeholders.in_pages(placeholders.pages(files, root))
        unknown = placeholders.unknown(found)
        if unknown:
            raise PluginError(unknown)
        # Shown in brackets on the page; a warning, so `build --strict` publishes nothing half filled in.
        for placeholder in placeholders.unfilled(found, self.filled):
            log.warning(str(placeholder))
        for study in self.site.knowledge.case_studies:
            # Material embeds the whole navigation in every page, which would grow with their number.
            files.get_file_from_path(study.src_uri).inclusion = NOT_IN_NAV
        pages = self.site.pages()
        generated = [
            File.generated(config, page.uri, content="", inclusion=INCLUDED if page.in_nav else NOT_IN_NAV)
            for page in pages
        ]
        _add(files, generated, root)
        _add(files, [File.generated(config, branding.STYLESHEET, content=self.branding.stylesheet())], root)
        self.files = files
        # Pages are written once every page has its URL, which links in framework Markdown need.
        text = MarkdownText(config, files)
        for page, file in zip(pages, generated, strict=True):
            file.content_string = page.markdown(text)

        changed = publish.build_date()
        for framework in self.site.frameworks:
            here = files.get_file_from_path(assessment_uri(framework)).url
            url = lambda uri, here=here: get_relative_url(files.get_file_from_path(uri).url, here)  # noqa: E731
            advice = publish.guidance(framework, self.site.knowledge, text, url, self.branding.name)
            published = publish.framework_files(config, framework, advice, changed, self.branding.name, self.strings)
            _add(files, published, root)
        self.runtime: dict[str, Any] | None = None
        if not self.site.frameworks:
            _add(files, publish.shared_files(config, None, b""), root)
            _add(files, [File.generated(config, headers.FILE, content=headers.headers_file(None))], root)
            return files
        configured = self.config.pyodide_dir is not None
        pyodide_dir = Path(self.config.pyodide_dir) if configured else bundle.pyodide_dir()
        scoring = assets.scoring_zip()
        version, boot_files, scoring = assets.pyodide_files(pyodide_dir, configured, scoring)
        shared = publish.shared_files(config, (version, boot_files), scoring)
        _add(files, [*shared, publish.offline_worker(config)], root)
        policy = File.generated(config, headers.FILE, content=headers.headers_file(assets.pyodide_path(version)))
        _add(files, [policy], root)
        # What every assessment page's template needs, the same for each page: worked out once.
        self.runtime = {
            "pyodide": assets.pyodide_path(version),
            "scoring": assets.SCORING_ZIP,
            "boot_timeout": self.config.boot_timeout,
            "max_file_bytes": SAVED_MAX_BYTES,
            "max_survey_bytes": SURVEY_MAX_BYTES,
            "boot_bytes": assets.fetched_bytes(boot_files),
            "offline": publish.OFFLINE_WORKER,
            "build": assets.build_id(version, scoring, boot_files),
            "keep": [assets.SCORING_ZIP, *[assets.pyodide_path(version) + name for name in assets.PYODIDE_BOOT_FILES]],
            "messages": strings.said(),
            "thresholds": {
                "team": self.config.team_threshold,
                "group": self.config.group_threshold,
                "rater": self.config.rater_threshold,
                "gap": self.config.gap,
            },
        }
        return files

    def on_page_markdown(self, markdown: str, *, page, config: MkDocsConfig, files: Files) -> str:
        escape_meta(page.meta)  # every page's, not only ours: titles and tags are plain text
        markdown = placeholders.fill(markdown, self.filled)
        return self.site.knowledge.page_markdown(page.file.src_uri, markdown)

    def on_template_context(self, context: dict[str, Any], *, template_name: str, config: MkDocsConfig):
        # Material prints `config.copyright` in every footer; its links are relative to the page, so it is
        # set for each page (here for 404.html and the like, below for pages) just before it is rendered.
        config.copyright = self.branding.footer(self.files, context["base_url"])
        return context

    def on_page_context(self, context: dict[str, Any], *, page, config: MkDocsConfig, nav) -> dict[str, Any]:
        config.copyright = self.branding.footer(self.files, context["base_url"])
        framework = self.site.knowledge.frameworks_by_id.get(page.meta.get("huddle_framework"))
        if framework and self.runtime:
            printable = self.files.get_file_from_path(print_uri(framework)).url
            context["huddle"] = {**self.runtime, "printable": printable}
        return context

    def on_post_page(self, output: str, *, page, config: MkDocsConfig) -> str:
        return headers.with_meta(output)

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        return headers.with_meta(output_content) if template_name.endswith(".html") else output_content

    def on_shutdown(self) -> None:
        strings.use({})  # the next site built in this process starts from Huddle's own words

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        server.watch(self.config.assessments_dir)
        return server


def read_site(files: Files, config: MkDocsConfig, assessments_dir: str) -> Site:
    """The site model of `files`, or a PluginError naming every problem (links out of the site first)."""
    root = Path(config.config_file_path).parent
    refused = links_out(files, config, root)
    if refused:
        raise PluginError(refused)
    documents = [(f.src_uri, Path(f.abs_src_path)) for f in files.documentation_pages()]
    try:
        return load_site(root, assessments_dir, documents)
    except SiteError as error:
        raise PluginError(str(error)) from None


def links_out(files: Files, config: MkDocsConfig, root: Path) -> str:
    """What is wrong when files of the docs folder or the theme's custom_dir link out of the site, or ""."""
    folders = [Path(config.docs_dir)] + ([Path(config.theme.custom_dir)] if config.theme.custom_dir else [])
    mine = [
        Path(f.abs_src_path)
        for f in files
        if f.abs_src_path and any(Path(f.abs_src_path).is_relative_to(folder) for folder in folders)
    ]
    refused = link_problems(mine, [root, *folders], root)
    if refused:
        raise PluginError(
            "These files are links out of the site, so Huddle will not publish them:\n" + "\n".join(refused)
        )


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
