"""The data files Huddle adds to a site: per framework, and shared.

For a framework: `framework.json` (the model and the results view's
guidance, for the browser, with a gzip copy the scoring worker fetches) and
`case.json` (CASE 1.1). Shared: the framework
and profile file JSON Schemas, our scoring package and Pyodide's boot files,
with gzip copies of those the scoring worker fetches.
"""

from __future__ import annotations

import gzip
import json
import os
import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from . import assets, bundle, slim
from .frameworks.case import cf_package
from .frameworks.validate import SCHEMA_PATH
from .knowledge import KnowledgeBase
from .pages import Text
from .pages.uris import assessment_uri, competency_uri, print_uri
from .scoring.model import CompetencyGuidance, Framework, Guidance, Link, to_json
from .scoring.strings import Messages

SCHEMA_URI = "schemas/framework.schema.json"
"""Where the framework JSON Schema is published in every site (a stable path)."""
PROFILE_SCHEMA_URI = "schemas/profile.schema.json"
"""Where the JSON Schema of profile files (what team pages download for the organisation view) is published."""
PROFILE_SCHEMA_PATH = Path(__file__).parent / "scoring" / "profile.schema.json"
"""Kept beside the scoring code that writes and reads profile files (`scoring/organisation.py`)."""


def guidance(
    framework: Framework, knowledge: KnowledgeBase, md: Text, url: Callable[[str], str], organisation: str = ""
) -> Guidance:
    """What the results view shows per competency: advice, band summaries and links; and whose site it is.

    `url` turns a page's source URI into a URL relative to the assessment page,
    and `md` renders the framework's Markdown for that page.
    """
    here = assessment_uri(framework)
    found = {}
    for competency in framework.competencies():
        where = f"Framework '{framework.id}' competency '{competency.id}'"
        found[competency.id] = CompetencyGuidance(
            page=url(competency_uri(framework.id, competency.id)),
            develop=md(competency.develop, here, f"{where} develop"),
            strengths=md(competency.strengths, here, f"{where} strengths") if competency.strengths else "",
            bands={
                band.label: md(band.summary, here, f"{where} band '{band.label}' summary") for band in competency.bands
            },
            case_studies=tuple(
                Link(s.title, url(s.src_uri), s.illustrative) for s in knowledge.showing(framework, competency)
            ),
        )
    return Guidance(printable=url(print_uri(framework)), competencies=found, organisation=organisation)


def framework_files(
    config: MkDocsConfig, framework: Framework, advice: Guidance, changed: str, creator: str, said: dict[str, str]
) -> list[File]:
    """A framework's data files: `framework.json` with its guidance (and the site's own wording of Huddle's
    messages, `said`, for the scorer), and its CASE package (by `creator`)."""
    folder = f"assessments/{framework.id}/"
    published = {**framework.to_json(), "guidance": to_json(advice), **({"messages": said} if said else {})}
    package = cf_package(framework, creator=creator, changed=changed)
    framework_json = _json(published).encode()
    return [
        File.generated(config, folder + "framework.json", content=framework_json),
        # What the scoring worker fetches where it can decompress it: a quarter of the bytes, on any host.
        File.generated(config, folder + "framework.json.gz", content=gzip.compress(framework_json, 9, mtime=0)),
        File.generated(config, folder + "case.json", content=_json(package)),
    ]


def shared_files(
    config: MkDocsConfig, pyodide: tuple[str, dict[str, assets.BootFile]] | None, scoring: bytes
) -> list[File]:
    """The schemas, and when the site has assessments, the scoring package (its zip) and Pyodide's boot files."""
    shared = [
        File.generated(config, SCHEMA_URI, abs_src_path=str(SCHEMA_PATH)),
        File.generated(config, PROFILE_SCHEMA_URI, abs_src_path=str(PROFILE_SCHEMA_PATH)),
    ]
    if pyodide:
        version, files = pyodide
        folder = assets.pyodide_path(version, files)
        shared.append(File.generated(config, assets.SCORING_ZIP, content=scoring))
        for name, file in files.items():
            uri = f"{folder}{name}"
            if isinstance(file, bytes):
                shared.append(File.generated(config, uri, content=file))
            else:
                shared.append(File.generated(config, uri, abs_src_path=str(file)))
        for name, data in assets.compressed(files, scoring).items():
            uri = name if name.startswith(assets.SCORING_ZIP) else f"{folder}{name}"
            shared.append(File.generated(config, uri, content=data))
    return shared


THEME_ASSETS = "assets/huddle/"
"""Where the theme keeps Huddle's own scripts and styles."""


def slim_theme_assets(files: Files) -> None:
    """Huddle's own scripts and styles, as the theme gives them, published without their comments (`slim`)."""
    for file in files:
        ours = file.src_uri.startswith(THEME_ASSETS) and file.generated_by is None and file.abs_src_path
        if ours and file.src_uri.endswith((".js", ".css")):
            file.content_string = slim.slimmed(file.src_uri, file.content_string)


OFFLINE_WORKER = "huddle-offline.js"
"""The service worker, published at the top of the site: its scope must hold both the
assessment pages and the scoring worker's script (`assets/huddle/worker.js`), since a
dedicated worker is controlled by the registration whose scope holds its own URL."""


def offline_worker(config: MkDocsConfig) -> File:
    """The theme's service worker (`assets/huddle/offline.js`), published at OFFLINE_WORKER (slimmed)."""
    for folder in config.theme.dirs:
        source = Path(folder) / THEME_ASSETS / "offline.js"
        if source.is_file():
            return File.generated(config, OFFLINE_WORKER, content=slim.script(source.read_text(encoding="utf-8")))
    raise PluginError("The theme has no assets/huddle/offline.js; Huddle's theme files are missing.")


def build_date() -> str:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else the Unix epoch: never the clock."""
    given = os.environ.get("SOURCE_DATE_EPOCH", "0")
    if not given.isdigit():
        raise PluginError(f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, got {given!r}.")
    seconds = int(given)
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1)


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
