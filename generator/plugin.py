"""The `huddle` MkDocs plugin: event wiring only; the work lives beside it.

`site.py` loads the site model, `publish.py` makes the data files,
`markdown_text.py` renders framework Markdown, `assets.py` finds Pyodide.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, cast

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils import get_relative_url
from mkdocs.utils.templates import TemplateContext

from . import assets, author_html, branding, bundle, headers, placeholders, publish, site_paths, site_settings, snippets
from .config import HuddleConfig, said_in_site_yml
from .markdown_text import MarkdownText
from .pages.uris import assessment_uri, escape_meta, print_uri
from .plain_fields import escape_nav_titles, escape_text_fields, nav_items
from .scoring.report import SAVED_MAX_BYTES
from .scoring.strings import Messages
from .scoring.survey import MAX_BYTES as SURVEY_MAX_BYTES
from .site import Site, SiteError, load_site
from .sources import published
from .sources.links import link_problem
from .sources.page_meta import refused_meta
from .sources.reading import shown_path
from .template_cache import reuse_compiled
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
        site_paths.check(config, self.config)
        site_settings.check(config)
        self.branding = branding.load(config, self.config.branding)
        branding.use_in_material(config, self.config.branding)
        escape_text_fields(config)  # after the branding has read the site's name as it is
        self.filled = placeholders.values(self.config, self.branding.name, config.site_url)
        root = Path(config.config_file_path).parent
        self.strings = load_strings(Path(self.config.strings), root) if self.config.strings else {}
        self.messages = Messages(self.strings)  # this site's words, passed to whatever says something
        snippets.restrict(config)  # pymdownx.snippets, if enabled, reads the docs folder only
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        root = Path(config.config_file_path).parent
        self.site = read_site(files, config, self.config.assessments_dir)
        self.site.team_threshold = self.config.team_threshold
        self.site.group_threshold = self.config.group_threshold
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
            _file(files, study.src_uri).inclusion = NOT_IN_NAV
        pages = self.site.pages(self.messages)
        generated = [
            File.generated(config, page.uri, content="", inclusion=INCLUDED if page.in_nav else NOT_IN_NAV)
            for page in pages
        ]
        _add(files, generated, root)
        _add(files, [File.generated(config, branding.STYLESHEET, content=self.branding.stylesheet())], root)
        publish.slim_theme_assets(files)
        self.files = files
        # Pages are written once every page has its URL, which links in framework Markdown need.
        text = MarkdownText(config, files)
        for page, file in zip(pages, generated, strict=True):
            file.content_string = page.markdown(text)

        changed = publish.build_date()
        models: list[bytes] = []  # each framework.json as published: a new one is a new build (build_id)
        for framework in self.site.frameworks:
            here = _file(files, assessment_uri(framework)).url
            url = lambda uri, here=here: get_relative_url(_file(files, uri).url, here)  # noqa: E731
            advice = publish.guidance(framework, self.site.knowledge, text, url, self.branding.name)
            published = publish.framework_files(config, framework, advice, changed, self.branding.name, self.strings)
            _add(files, published, root)
            models += [file.content_bytes for file in published if file.src_uri.endswith("framework.json")]
        self.runtime: dict[str, Any] | None = None
        if not self.site.frameworks:
            _add(files, publish.shared_files(config, None, b""), root)
            _add(files, [File.generated(config, headers.FILE, content=headers.headers_file(None))], root)
            return files
        configured = self.config.pyodide_dir is not None
        pyodide_dir = Path(self.config.pyodide_dir) if self.config.pyodide_dir is not None else bundle.pyodide_dir()
        scoring = assets.scoring_zip()
        version, boot_files, scoring = assets.pyodide_files(pyodide_dir, configured, scoring)
        shared = publish.shared_files(config, (version, boot_files), scoring)
        folder = assets.pyodide_path(version, boot_files)
        _add(files, [*shared, publish.offline_worker(config)], root)
        policy = File.generated(config, headers.FILE, content=headers.headers_file(folder))
        _add(files, [policy], root)
        # What every assessment page's template needs, the same for each page: worked out once.
        self.runtime = {
            "pyodide": folder,
            "scoring": assets.SCORING_ZIP,
            "boot_timeout": self.config.boot_timeout,
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
            "messages": page_messages(self.messages),
            "thresholds": {
                "team": self.config.team_threshold,
                "group": self.config.group_threshold,
                "rater": self.config.rater_threshold,
                "gap": self.config.gap,
            },
        }
        return files

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        # Every page registers the offline worker (workers.js), under the name the pages that score give it.
        env.globals["huddle_build"] = self.runtime["build"] if self.runtime else None
        reuse_compiled(env)  # templates compiled by an earlier build in this process (`huddle serve`, tests)
        return env

    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):
        escape_nav_titles(nav.items)  # labels written in site.yml's `nav:`, which Material prints as HTML
        refused = [
            why for item in nav_items(nav.items) if item.is_link and (why := site_settings.nav_link_problem(item.url))
        ]
        if refused:
            raise PluginError("site.yml: " + "\n".join(refused))
        return nav

    def on_page_markdown(self, markdown: str, *, page, config: MkDocsConfig, files: Files) -> str:
        if page.file.generated_by is None and (refused := refused_meta(page.meta)):
            raise PluginError(
                f"{shown_path(Path(page.file.abs_src_path), Path(config.config_file_path).parent)}: {refused}"
            )
        escape_meta(page.meta)  # every page's, not only ours: titles and tags are plain text
        markdown = placeholders.fill(markdown, self.filled)
        return self.site.knowledge.page_markdown(page.file.src_uri, markdown, self.messages)

    def on_page_content(self, html: str, *, page, config: MkDocsConfig, files: Files) -> str:
        if page.file.generated_by is not None:
            return html  # Huddle's own pages: built from escaped fields and cleaned framework Markdown
        cleaned = author_html.clean(html)
        if author_html.removed(html, cleaned):  # most pages lose nothing: their path is not worked out
            shown = shown_path(Path(page.file.abs_src_path), Path(config.config_file_path).parent)
            for warning in author_html.warnings(shown, page.file.content_string, html, cleaned):
                log.warning(warning)  # `build --strict` publishes nothing that lost part of a page
        return cleaned

    def on_template_context(
        self, context: TemplateContext, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext:
        # Material prints `config.copyright` in every footer; its links are relative to the page, so it is
        # set for each page (here for 404.html and the like, below for pages) just before it is rendered.
        config.copyright = self.branding.footer(self.files, context["base_url"])
        return context

    def on_page_context(self, context: TemplateContext, *, page, config: MkDocsConfig, nav) -> TemplateContext:
        config.copyright = self.branding.footer(self.files, context["base_url"])
        framework = self.site.knowledge.frameworks_by_id.get(page.meta.get("huddle_framework"))
        if framework and self.runtime:
            printable = _file(self.files, print_uri(framework)).url
            cast(dict[str, Any], context)["huddle"] = {
                **self.runtime,
                "printable": printable,
            }  # theme/huddle-config.html
        return context

    def on_post_page(self, output: str, *, page, config: MkDocsConfig) -> str:
        return headers.with_meta(output)

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        return headers.with_meta(output_content) if template_name.endswith(".html") else output_content

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        server.watch(self.config.assessments_dir)
        return server


def read_site(files: Files, config: MkDocsConfig, assessments_dir: str) -> Site:
    """The site model of `files`, or a PluginError naming every problem (files it will not publish first)."""
    root = Path(config.config_file_path or ".").parent
    refused = refused_files(files, config, root)
    if refused:
        raise PluginError(
            "Huddle will not publish these files (docs/authoring.md says what a site may hold):\n" + "\n".join(refused)
        )
    documents = [(f.src_uri, Path(f.abs_src_path or f.src_uri)) for f in files.documentation_pages()]
    try:
        return load_site(root, assessments_dir, documents)
    except SiteError as error:
        raise PluginError(str(error)) from None


def refused_files(files: Files, config: MkDocsConfig, root: Path) -> list[str]:
    """Why each file of the docs folder or the theme's custom_dir may not be published: a link out of its
    folder, a hidden file, a name that is not plain, a kind of file that could run, an SVG that could."""
    docs = Path(config.docs_dir)
    theme = Path(config.theme.custom_dir) if config.theme.custom_dir else None
    problems = []
    for file in files:
        path = Path(file.abs_src_path) if file.abs_src_path else None
        if path is None or file.generated_by is not None:
            continue
        folder = docs if path.is_relative_to(docs) else theme if theme and path.is_relative_to(theme) else None
        if folder is None:
            continue  # Material's and Huddle's own theme files
        shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        problem = link_problem(path, folder, root)
        if problem:
            problems.append(f"{shown}: {problem}")
        elif folder == docs and (problem := published.refusal(path, file.src_uri, file.is_documentation_page(), shown)):
            problems.append(problem)
    return problems


SCRIPT_KEY = re.compile(r'"([a-z]+(?:-[a-z]+)*)"')
"""How a page script names a message: a double-quoted key, as `say("scorer-ready")` or a map's value."""


def page_messages(messages: Messages) -> dict[str, str]:
    """The messages the page scripts can say, as the site says them: only the keys named in Huddle's scripts.
    Every page carries them in its settings, so the rest (the scoring package says those in the worker) would
    be 35 kB more on every page of a first visit on ward Wi-Fi."""
    named: set[str] = set()
    for script in (bundle.theme_dir() / "assets" / "huddle").glob("*.js"):
        named.update(SCRIPT_KEY.findall(script.read_text(encoding="utf-8")))
    return {key: text for key, text in messages.said().items() if key in named}


def _file(files: Files, uri: str) -> File:
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
