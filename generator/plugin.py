"""The `huddle` MkDocs plugin: event wiring only; the work lives beside it.

`plan.py` reads the site once per build and lists the pages it generates,
`site.py` holds the site model, `publish.py` makes the data files,
`markdown_text.py` renders framework Markdown, `assets.py` finds Pyodide.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.utils.templates import TemplateContext

from . import author_html, branding, headers, placeholders, site_paths, site_settings, snippets
from .config import HuddleConfig, checked_options
from .page_error import PageError
from .pages.uris import escape_meta, print_uri
from .plain_fields import escape_nav_titles, escape_text_fields, nav_items
from .plan import BuildPlan, file_at
from .scoring.strings import Messages
from .sources.errors import Problem, said
from .sources.page_meta import refused_meta
from .sources.reading import shown_path
from .template_cache import reuse_compiled
from .theming import use_huddle_theme
from .watch import watched_paths
from .wording import load_strings

log = get_plugin_logger("huddle")

FOOTER = "huddle_footer"
"""The template context's footer HTML (theme/partials/copyright.html), its links relative to the page."""


class HuddlePlugin(BasePlugin[HuddleConfig]):
    plan: BuildPlan

    def load_config(self, options: dict[str, Any], config_file_path: str | None = None):
        errors, warnings = super().load_config(options, config_file_path)
        return [], checked_options(config_file_path, errors, warnings)  # or a SettingsError, with every error

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        use_huddle_theme(config)
        site_paths.check(config, self.config)
        site_settings.check(config)
        self.branding = branding.load(config, self.config.branding)
        branding.use_in_material(config, self.config.branding)
        escape_text_fields(config)  # after the branding has read the site's name as it is
        root = Path(config.config_file_path).parent
        self.strings = load_strings(Path(self.config.strings), root) if self.config.strings else {}
        self.messages = Messages(self.strings)  # this site's words, passed to whatever says something
        snippets.restrict(config)  # pymdownx.snippets, if enabled, reads the docs folder only
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.plan = BuildPlan.read(config, self.config, self.branding, self.messages, files)
        if self.plan.problems:
            raise PluginError(said(self.plan.problems))
        for placeholder in self.plan.unfilled():
            log.warning(str(placeholder))  # shown in brackets on the page, so `build --strict` stops
        self.plan.add_files(files, config, self.config, self.strings, self.messages)
        return files

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        # Every page registers the offline worker (workers.js), under the name the pages that score give it.
        env.globals["huddle_build"] = self.plan.runtime["build"] if self.plan.runtime else None
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

    def on_pre_page(self, page, *, config: MkDocsConfig, files: Files):
        if (markdown := self.plan.markdown(page.file.src_uri)) is not None:
            page.file.content_string = markdown  # a page Huddle generates, written just before MkDocs reads it
        return page

    def on_page_markdown(self, markdown: str, *, page, config: MkDocsConfig, files: Files) -> str:
        if page.file.generated_by is None and (refused := refused_meta(page.meta)):
            shown = shown_path(Path(page.file.abs_src_path), Path(config.config_file_path).parent)
            raise PageError(said([Problem(shown, 0, 0, "", refused)]))
        escape_meta(page.meta)  # every page's, not only ours: titles and tags are plain text
        markdown = placeholders.fill(markdown, self.plan.filled)
        return self.plan.site.knowledge.page_markdown(page.file.src_uri, markdown, self.messages)

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
        # 404.html and the like: their footer's links are relative to the page, as every page's (below).
        cast(dict[str, Any], context)[FOOTER] = self.plan.branding.footer(self.plan.files, context["base_url"])
        return context

    def on_page_context(self, context: TemplateContext, *, page, config: MkDocsConfig, nav) -> TemplateContext:
        shown = cast(dict[str, Any], context)
        shown[FOOTER] = self.plan.branding.footer(self.plan.files, context["base_url"])
        framework = self.plan.site.knowledge.frameworks_by_id.get(page.meta.get("huddle_framework"))
        if framework and self.plan.runtime:
            printable = file_at(self.plan.files, print_uri(framework)).url
            shown["huddle"] = {**self.plan.runtime, "printable": printable}  # theme/huddle-config.html
        return context

    def on_post_page(self, output: str, *, page, config: MkDocsConfig) -> str:
        return headers.with_meta(output)

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        return headers.with_meta(output_content) if template_name.endswith(".html") else output_content

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        for path in watched_paths(config):
            server.watch(str(path))  # the same list `huddle serve` watches
        return server
