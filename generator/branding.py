"""A trust's branding (the huddle plugin's `branding` block) as Material settings and CSS custom properties.

No Material template is changed: the name and footer links become Material's
`copyright` (escaped, as every field of site.yml is text), the logo and favicon
its `theme.logo` and `theme.favicon`, and the colours its `custom` palette, whose values are the custom properties of a
stylesheet the build writes (`assets/huddle/branding.css`). The colours are
checked first against WCAG AA on the backgrounds Material draws them on, in
the light and the dark scheme.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from . import contrast
from .config import BrandingConfig, KeyLines
from .contrast import DARK_BACKGROUND, LIGHT_BACKGROUND, NON_TEXT, TEXT, WHITE
from .sources.errors import Problem

STYLESHEET = "assets/huddle/branding.css"
WEB = re.compile(r"(?:https?://|mailto:)\S+")


@dataclass(frozen=True)
class Branding:
    """The branding as the build uses it: every colour worked out and checked."""

    name: str
    primary: str
    accent: str
    link_dark: str
    links: tuple[tuple[str, str], ...]
    """Footer links as (text, url), the url a page's source path or a web address."""
    copyright: str
    """The site's own `copyright` setting, text like every field of site.yml, which comes first in the footer."""

    def stylesheet(self) -> str:
        """The custom properties of Material's `custom` palette for these colours."""
        light, dark = contrast.shade(self.primary, 0.08), contrast.shade(self.primary, -0.08)
        return "\n".join(
            [
                "/* The site's branding colours (the huddle plugin's branding block), written by the build. */",
                "[data-md-color-primary=custom] {",
                f"  --md-primary-fg-color: {self.primary};",
                f"  --md-primary-fg-color--light: {light};",
                f"  --md-primary-fg-color--dark: {dark};",
                f"  --md-primary-bg-color: {WHITE};",
                f"  --md-primary-bg-color--light: {WHITE}b3;",
                f"  --md-typeset-a-color: {self.primary};",
                "}",
                "",
                "[data-md-color-accent=custom] {",
                f"  --md-accent-fg-color: {self.accent};",
                f"  --md-accent-fg-color--transparent: {self.accent}1a;",
                f"  --md-accent-bg-color: {WHITE};",
                f"  --md-accent-bg-color--light: {WHITE}b3;",
                "}",
                "",
                "[data-md-color-scheme=slate][data-md-color-primary=custom] {",
                f"  --md-typeset-a-color: {self.link_dark};",
                "}",
                "",
            ]
        )

    def footer(self, files: Files, base_url: str) -> str:
        """The footer's HTML for a page whose way back to the site's root is `base_url`."""
        parts = [html.escape(self.copyright or self.name)]
        for label, url in self.links:
            file = None if WEB.fullmatch(url) else files.get_file_from_path(url)
            href = posixpath.join(base_url, file.url) if file else url
            parts.append(f'<a href="{html.escape(href)}">{html.escape(label)}</a>')
        return " · ".join(parts)


def load(config: MkDocsConfig, options: BrandingConfig) -> Branding:
    """The checked branding of a site, or a PluginError naming each problem in site.yml with what to do."""
    where = _Where(Path(config.config_file_path))
    primary, accent = contrast.normal(options.primary), contrast.normal(options.accent)
    light, dark = (
        f"the light scheme's page background ({LIGHT_BACKGROUND})",
        f"the dark scheme's page background ({DARK_BACKGROUND})",
    )
    problems = [
        _check(
            where("primary"), f"white text ({WHITE}) on the header's background, {primary}, has", primary, WHITE, TEXT
        ),
        _check(where("primary"), f"links in {primary} on {light} have", primary, LIGHT_BACKGROUND, TEXT),
        _check(where("accent"), f"focus rings in {accent} on {light} have", accent, LIGHT_BACKGROUND, NON_TEXT),
        _check(
            where("accent"), f"focus rings and chart bars in {accent} on {dark} have", accent, DARK_BACKGROUND, NON_TEXT
        ),
    ]
    if options.link_dark:
        link_dark = contrast.normal(options.link_dark)
        problems.append(
            _check(where("link_dark"), f"links in {link_dark} on {dark} have", link_dark, DARK_BACKGROUND, TEXT)
        )
    else:
        link_dark = contrast.nearest_passing(primary, DARK_BACKGROUND, TEXT) or WHITE
    problems += _missing_images(config, options, where)
    for n, link in enumerate(options.footer_links):
        if not WEB.fullmatch(link.url) and not link.url.endswith(".md"):
            problems.append(
                f"{where('footer_links')}: footer link {n + 1} ('{link.text}') goes to '{link.url}'; give a page's "
                "Markdown file, such as privacy.md, or a web address starting https://."
            )
    problems = [problem for problem in problems if problem]
    if problems:
        raise PluginError("The huddle plugin's branding has problems:\n" + "\n".join(problems))
    return Branding(
        name=" ".join((options.name or config.site_name).split()),
        primary=primary,
        accent=accent,
        link_dark=link_dark,
        links=tuple((link.text, link.url) for link in options.footer_links),
        copyright=config.copyright or "",
    )


def use_in_material(config: MkDocsConfig, options: BrandingConfig) -> None:
    """Set Material's palette to the branding's colours, and its logo and favicon to the branding's."""
    palette = config.theme.get("palette") or {}
    for scheme in palette if isinstance(palette, list) else [palette]:
        scheme["primary"], scheme["accent"] = "custom", "custom"
    config.theme["palette"] = palette or {"primary": "custom", "accent": "custom"}
    if options.logo:
        config.theme["logo"] = options.logo
    if options.favicon:
        config.theme["favicon"] = options.favicon
    if STYLESHEET not in [str(sheet) for sheet in config.extra_css]:
        config.extra_css.append(STYLESHEET)


def footer_problems(branding: Branding, files: Files, config: MkDocsConfig) -> list[Problem]:
    """Each footer link to a page the site does not have, which stops the build."""
    lines = KeyLines(Path(config.config_file_path))
    return [
        lines.problem(
            "branding.footer_links",
            f"footer link '{label}' goes to '{url}', which is not a page of the site; give the path of a "
            f"Markdown file in {Path(config.docs_dir).name}/, such as privacy.md.",
            *("huddle", "branding", "footer_links"),
        )
        for label, url in branding.links
        if not WEB.fullmatch(url) and files.get_file_from_path(url) is None
    ]


def _check(where: str, subject: str, colour: str, background: str, needed: float) -> str:
    """A sentence when `colour` on `background` falls short of `needed`; `subject` says what is drawn on what."""
    found = contrast.ratio(colour, background)
    if found >= needed:
        return ""
    better = contrast.nearest_passing(colour, background, needed)
    fix = (
        f"the nearest shade of {colour} that does is {better}"
        if better
        else "no shade of it does; choose another colour"
    )
    return (
        f"{where}: {subject} a contrast ratio of {contrast.shown(found)}, under the {needed:g}:1 WCAG AA needs; {fix}."
    )


def _missing_images(config: MkDocsConfig, options: BrandingConfig, where: _Where) -> list[str]:
    docs = Path(config.docs_dir)
    return [
        f"{where(key)}: {key} '{value}' is not a file in {docs.name}/; put the image there and give its path "
        f"from {docs.name}/, such as images/{key}.svg."
        for key in ("logo", "favicon")
        if (value := getattr(options, key)) and not (docs / value).is_file()
    ]


class _Where:
    """`site.yml:<line>: branding.<key>`, with the key's line when site.yml has it (site.yml read once)."""

    def __init__(self, config_file: Path) -> None:
        self.lines = KeyLines(config_file)

    def __call__(self, key: str) -> str:
        return self.lines.where(f"branding.{key}", "huddle", "branding", key)
