"""How Huddle sets up Material for a site: its own theme folder and stylesheet, and no web fonts.

A trust's `site.yml` names only `theme: material` (or adds a `custom_dir` of
its own, which still wins over Huddle's files) and the plugin; the rest is
done here, when the config is loaded.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from . import bundle

STYLESHEET = "assets/huddle/huddle.css"
MATERIAL_FONT = {"text": "Roboto", "code": "Roboto Mono"}
"""Material's default font, which it would load from Google Fonts."""


def use_huddle_theme(config: MkDocsConfig) -> None:
    """Add Huddle's theme folder after the site's `custom_dir` (if any) and before Material's, add its
    stylesheet, and turn off Material's web fonts."""
    if config.theme.name != "material":
        raise PluginError(
            f"{config.config_file_path}: Huddle needs `theme: material` (mkdocs-material), got "
            f"'{config.theme.name}'; set `theme: {{name: material}}`."
        )
    theme = bundle.theme_dir()
    dirs = config.theme.dirs
    if not any(Path(folder).resolve() == theme for folder in dirs):
        dirs.insert(1 if config.theme.custom_dir else 0, str(theme))
    if STYLESHEET not in [str(sheet) for sheet in config.extra_css]:
        config.extra_css.insert(0, STYLESHEET)
    font = config.theme.get("font")
    if font not in (False, MATERIAL_FONT):
        raise PluginError(
            f"{config.config_file_path}: `theme.font` would make every page load fonts from Google, a third-party "
            "request Huddle never makes; remove it, or set `font: false` and add your own font files in CSS."
        )
    config.theme["font"] = False
    scripts = [str(script) for script in config.extra_javascript]
    if scripts:
        raise PluginError(
            f"{config.config_file_path}: `extra_javascript` ({', '.join(scripts)}) would run a script of the site's "
            "own, or a third party's, on every page, beside the self-assessment; only Huddle's and Material's "
            "scripts run on a Huddle site. Remove it (docs/authoring.md says why)."
        )
