"""`huddle new site DIR --name "..."`: a complete site a trust can build with Python alone.

What it writes: `site.yml`, a home and an about page, a privacy notice and an
accessibility statement with placeholders (from `starter/`), the demo's case
study and frameworks (from `bundle.demo_dir()`), the branding and hosting guides in
`docs/`, `netlify.toml`, a `requirements.txt` that installs this Huddle from
its wheel in `vendor/` (copied there when pip recorded installing it from a
local wheel file), a short README and a `.gitignore`. The site is written
into a temporary folder inside DIR and moved into place when complete, so a
failure leaves nothing half-written; a folder that is not empty is refused.
DIR may be a link to an empty folder. The organisation's name is text in
every file: a JSON string in site.yml, escaped Markdown in the README.
"""

from __future__ import annotations

import importlib.metadata
import json
import shutil
import string
import tempfile
import urllib.parse
import urllib.request
from pathlib import Path

from mkdocs.exceptions import Abort

from . import __version__, bundle
from .frameworks import load_framework
from .frameworks.validate import SCHEMA_PATH
from .pages import uris

STARTER = Path(__file__).with_name("starter")
SCHEMA_LINE = "# yaml-language-server: $schema="
SCHEMA_COPY = "schemas/framework.schema.json"
"""Where a new site keeps the framework JSON Schema, for editors that check YAML as it is typed."""

AUDIENCES = ("individual", "team", "board")
"""The order a new site lists its self-assessments: for yourself, for your team, for the board."""

DISTRIBUTION = "huddle-leadership"
"""Huddle's distribution name (pyproject.toml), which pip records it under. Not "huddle": on PyPI that name
belongs to another project."""

VENDOR = "vendor"
"""Where a site keeps Huddle's wheel. `requirements.txt` names the file there, so a host's build installs
exactly this Huddle and never asks an index (no release of Huddle is published on PyPI)."""

RENAMED = {"gitignore": ".gitignore"}
"""Starter files whose real names start with a dot, which package data would leave out."""


def wheel_name() -> str:
    """The file name of this Huddle's wheel, as `make dist` names it (a wheel's name has `_` for the `-`)."""
    return f"{DISTRIBUTION.replace('-', '_')}-{__version__}-py3-none-any.whl"


def installed_wheel() -> Path | None:
    """The wheel file this Huddle was installed from, when pip recorded a local one and it is still there.

    pip writes the source of every install into `direct_url.json` (PEP 610): a file URL for a
    wheel installed from disk, a folder for an editable install, nothing from an index.
    """
    try:
        text = importlib.metadata.distribution(DISTRIBUTION).read_text("direct_url.json")
    except importlib.metadata.PackageNotFoundError:
        return None
    try:
        url = json.loads(text or "{}").get("url", "")
    except (ValueError, AttributeError):
        return None
    parts = urllib.parse.urlsplit(url)
    if parts.scheme != "file" or not parts.path.endswith(".whl"):
        return None
    path = Path(urllib.request.url2pathname(parts.path))
    return path if path.is_file() else None


def new_site(folder: Path, name: str) -> list[Path]:
    """Write a new site for the organisation `name` into `folder` (missing or empty); the files written."""
    name = " ".join(name.split())
    if not name:
        raise Abort('A new site needs the organisation\'s name: huddle new site DIR --name "Example NHS Trust".')
    if folder.is_symlink() and not folder.exists():
        raise Abort(
            f"'{folder}' is a link to '{folder.readlink()}', which is not there; make that folder first, or choose "
            "another folder."
        )
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise Abort(
            f"'{folder}' is not an empty folder; `huddle new site` never writes over files. Choose a new folder."
        )
    made = not folder.exists()
    folder.mkdir(parents=True, exist_ok=True)
    # Staged inside the folder itself, which is then left as it was found on any failure: the folder (or the one
    # a link points to, or a mount point) keeps its place and permissions, and its parent need not be writable.
    staging = Path(tempfile.mkdtemp(prefix=".huddle-new-", dir=folder))
    try:
        _write(staging, name)
        for entry in sorted(staging.iterdir()):
            entry.rename(folder / entry.name)
        staging.rmdir()
    except BaseException:
        for entry in folder.iterdir():  # the folder was empty: only what this call wrote
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
        if made:
            folder.rmdir()
        raise
    return sorted(path.relative_to(folder) for path in folder.rglob("*") if path.is_file())


def _write(site: Path, name: str) -> None:
    demo = bundle.demo_dir()
    loaded = sorted(
        ((path, load_framework(path, demo)) for path in (demo / "assessments").glob("*.yml")),
        key=lambda pair: (AUDIENCES.index(pair[1].audience), pair[1].id),
    )
    frameworks = [path for path, _ in loaded]
    links = [(framework.id, framework.title) for _, framework in loaded]
    wheel = installed_wheel()
    if wheel is not None:
        (site / VENDOR).mkdir()
        shutil.copyfile(wheel, site / VENDOR / wheel.name)
    values = {
        "name": name,  # in a YAML comment: one line, as typed
        "name_markdown": uris.text(name),  # in the README: text, never HTML
        # A JSON string is a YAML string, quotes and all: a name with a colon or a # stays whole.
        "name_yaml": _yaml(name),
        "site_name": _yaml(f"{name} leadership"),
        "site_description": _yaml(f"Leadership in {name}: case studies and anonymous self-assessments."),
        "version": __version__,
        "wheel": f"./{VENDOR}/{wheel.name if wheel else wheel_name()}",
        "assessments": "\n".join(f"      - {_yaml(title)}: assessments/{id_}/index.md" for id_, title in links),
        "frameworks": "\n".join(f"      - {_yaml(title)}: frameworks/{id_}/index.md" for id_, title in links),
    }
    for source in sorted(STARTER.rglob("*")):
        if source.is_file():
            relative = source.relative_to(STARTER).as_posix()
            target = site / RENAMED.get(relative, relative)
            text = string.Template(source.read_text(encoding="utf-8")).substitute(
                values, assessments=_home_links(links) if relative == "content/index.md" else values["assessments"]
            )
            _save(target, text)
    for path in frameworks:
        text = path.read_text(encoding="utf-8")
        first, _, rest = text.partition("\n")
        if first.startswith(SCHEMA_LINE):
            text = f"{SCHEMA_LINE}../{SCHEMA_COPY}\n{rest}"
        _save(site / "assessments" / path.name, text)
    for relative in bundle.DEMO_FILES:
        _save(site / relative, (demo / relative).read_text(encoding="utf-8"))
    _save(site / SCHEMA_COPY, SCHEMA_PATH.read_text(encoding="utf-8"))


def _yaml(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _home_links(links: list[tuple[str, str]]) -> str:
    return "\n".join(f"- [{title}](assessments/{id_}/index.md)" for id_, title in links)


def _save(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
