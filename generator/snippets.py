"""`pymdownx.snippets`, when a site enables it: files from the docs folder only, never a dotfile.

The extension's own base path is the folder a build runs in (the site's, with
its `.env` and `.git`), so `--8<-- ".env"` would publish secrets. When
site.yml enables it, Huddle puts its own version in its place: `base_path` is
the docs folder (or folders inside it that site.yml names, relative to
site.yml), `restrict_base_path` is on, and a snippet that names a dotfile or
a dot folder, or is a link to a file outside the docs folder, stops the build
with a sentence naming the page. Options that reach out (a `base_path`
outside the docs folder, `restrict_base_path: false`) are refused with
site.yml's line.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from markdown import Markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from pymdownx.snippets import SnippetExtension, SnippetMissingError, SnippetPreprocessor

from .config import KeyLines
from .page_error import PageError
from .sources.reading import shown_path

NAME = "pymdownx.snippets"


def restrict(config: MkDocsConfig) -> None:
    """Put Huddle's snippets extension in place of `pymdownx.snippets` when site.yml enables it."""
    names = [name for name in config.markdown_extensions if isinstance(name, str) and name.split(":")[0] == NAME]
    if not names:
        return
    options: dict = {}
    for name in names:
        options.update(config.mdx_configs.pop(name, {}) or {})
    root = Path(config.config_file_path).parent
    docs = Path(config.docs_dir).resolve()
    lines = KeyLines(Path(config.config_file_path))
    shown = shown_path(docs, root)
    if options.get("restrict_base_path", True) is not True:
        key = "restrict_base_path"
        raise PluginError(
            f"{lines.where(f'markdown_extensions: {NAME}: {key}', 'markdown_extensions', NAME, key)}: must stay "
            f"true (Huddle's setting): snippets are read only from files in {shown}/, never from the rest of the "
            "project, which holds settings and secrets. Remove the line."
        )
    if options.get("url_download"):
        key = "url_download"
        raise PluginError(
            f"{lines.where(f'markdown_extensions: {NAME}: {key}', 'markdown_extensions', NAME, key)}: a build may "
            "not fetch pages from the web into the site (it could read addresses only the build machine can reach); "
            "remove the line and put the text in a file in the docs folder."
        )
    given = options.get("base_path")
    bases = [docs] if given is None else [(root / base).resolve() for base in _listed(given)]
    for base in bases:
        if not base.is_relative_to(docs) or _dotted(base.relative_to(docs).parts):
            key = "base_path"
            raise PluginError(
                f"{lines.where(f'markdown_extensions: {NAME}: {key}', 'markdown_extensions', NAME, key)}: "
                f"'{shown_path(base, root)}' is not a folder inside {shown}/ (the docs folder) without a leading dot; "
                f"snippets are read only from there. Remove the line to read them from {shown}/ itself."
            )
    extension = DocsSnippets(config, docs, **{**options, "base_path": [str(base) for base in bases]})
    config.markdown_extensions = [
        extension if name == names[0] else name for name in config.markdown_extensions if name not in names[1:]
    ]


class DocsSnippets(SnippetExtension):
    """`pymdownx.snippets`, refusing a dotfile and a link out of the docs folder, its errors as sentences."""

    def __init__(self, config: MkDocsConfig, docs: Path, **options) -> None:
        super().__init__(**{**options, "restrict_base_path": True})
        self.mkdocs_config = config
        self.docs = docs

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        self.md = md
        md.registerExtension(self)
        md.preprocessors.register(_Preprocessor(self, md), "snippet", 32)

    def page(self) -> str:
        """The page being rendered, as authors see its path (MkDocs notes it for its own messages), or ""."""
        page = getattr(self.mkdocs_config, "_current_page", None)
        if page is None or not page.file.abs_src_path:
            return ""
        return shown_path(Path(page.file.abs_src_path), Path(self.mkdocs_config.config_file_path).parent) + ": "


class _Preprocessor(SnippetPreprocessor):
    def __init__(self, extension: DocsSnippets, md: Markdown) -> None:
        super().__init__(extension.getConfigs(), md)
        self.extension = extension
        self.shown = shown_path(extension.docs, Path(extension.mkdocs_config.config_file_path).parent)

    def get_snippet_path(self, path: str) -> str | None:
        where = self.extension.page()
        if _dotted(PurePosixPath(path.replace("\\", "/")).parts):
            raise PageError(
                f"{where}snippet '{path}' names a dotfile or a dot folder, which Huddle never includes (such files "
                f"hold settings and secrets); put the text in a file without a leading dot in {self.shown}/."
            )
        found = super().get_snippet_path(path)
        if found is not None:
            real = Path(found).resolve()
            if not real.is_relative_to(self.extension.docs) or _dotted(real.relative_to(self.extension.docs).parts):
                raise PageError(
                    f"{where}snippet '{path}' is a link to a file outside {self.shown}/, which Huddle never "
                    f"includes; put the text itself in a file in {self.shown}/."
                )
        return found

    def run(self, lines: list[str]) -> list[str]:
        try:
            return super().run(lines)
        except SnippetMissingError as error:
            raise PageError(
                f"{self.extension.page()}{error}; snippets are read only from files in {self.shown}/, the docs folder."
            ) from None


def _listed(value: object) -> list[str]:
    return [str(item) for item in value] if isinstance(value, list | tuple) else [str(value)]


def _dotted(parts: tuple[str, ...]) -> bool:
    """Whether a path's parts name a dotfile or a dot folder (`.` and `..` are not names)."""
    return any(part.startswith(".") and part not in {".", ".."} for part in parts)
