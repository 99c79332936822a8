"""The paths site.yml names lie inside the project, and images the pages show lie inside the docs folder.

A `strings:` file of `../../etc/...`, an `assessments_dir` of `..` or a
`favicon` that climbs out of the project would read, or publish, files that
are not the site's. Each is refused here with its site.yml line. The logo and
favicon must also be images in the docs folder with a plain name: Material
prints their path into every page's HTML.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from .config import HuddleConfig, KeyLines
from .sources.published import KINDS, UNSAFE_NAME

IMAGES = tuple(f".{suffix}" for suffix in KINDS["images"])


def check(config: MkDocsConfig, options: HuddleConfig) -> None:
    """A PluginError naming each path of site.yml that leaves the project, or each branding image that is
    not a plainly named image in the docs folder."""
    config_file = Path(config.config_file_path)
    root = config_file.parent.resolve()
    lines = KeyLines(config_file)
    folders = {
        ("docs_dir",): config.docs_dir,
        ("huddle", "assessments_dir"): str(root / options.assessments_dir),
        ("huddle", "strings"): options.strings and str(root / options.strings),
        ("theme", "custom_dir"): config.theme.custom_dir,
    }
    problems = [
        f"{lines.where(path[-1], *path)}: '{value}' is outside the project's folder ({root.name}/); keep it in "
        f"the folder of {config_file.name}, so the site reads and publishes only its own files."
        for path, value in folders.items()
        if value and not Path(value).resolve().is_relative_to(root)
    ]
    docs = Path(config.docs_dir).resolve()
    for key in ("logo", "favicon"):
        value = getattr(options.branding, key)
        if not value:
            continue
        where = lines.where(f"branding.{key}", "huddle", "branding", key)
        if not (docs / value).resolve().is_relative_to(docs):
            problems.append(
                f"{where}: '{value}' is outside {docs.name}/; put the image there and give its path from it."
            )
        elif UNSAFE_NAME.search(value) or not value.lower().endswith(IMAGES):
            problems.append(
                f"{where}: '{value}' must be an image ({', '.join(IMAGES)}) whose name has no quotes, angle "
                "brackets, ampersands, backticks or braces; rename the file and give its new path."
            )
    if problems:
        raise PluginError("site.yml names paths Huddle will not use:\n" + "\n".join(problems))
