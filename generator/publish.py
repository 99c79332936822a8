"""The files Huddle adds to a site for each framework, and the shared ones.

For a framework: its assessment page, printable version, `framework.json` for
the browser and `case.json` (CASE 1.1). Shared: the framework JSON Schema, our
scoring package and Pyodide's boot files.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from . import assets, pages
from .frameworks.case import cf_package
from .frameworks.validate import SCHEMA_PATH
from .knowledge import KnowledgeBase

SCHEMA_URI = "schemas/framework.schema.json"
"""Where the framework JSON Schema is published in every site (a stable path)."""


def framework_files(
    config: MkDocsConfig, files: Files, framework: dict[str, Any], knowledge: KnowledgeBase, changed: str
) -> list[File]:
    """A framework's generated files. `files` must already hold the pages its assessment links to."""
    printable = File.generated(config, pages.print_uri(framework), content=pages.printable_page(framework))
    page = File.generated(config, pages.assessment_uri(framework), content="")
    every = Files([*files, printable])
    guidance = knowledge.guidance(framework, lambda uri: get_relative_url(every.get_file_from_path(uri).url, page.url))
    page.content_string = pages.assessment_page(framework, guidance)
    folder = f"assessments/{framework['id']}/"
    package = cf_package(framework, creator=config.site_name, changed=changed)
    return [
        printable,
        page,
        File.generated(config, folder + "framework.json", content=_json(framework)),
        File.generated(config, folder + "case.json", content=_json(package)),
    ]


def shared_files(config: MkDocsConfig, pyodide_path: str, pyodide_files: dict[str, Path], scoring: bool) -> list[File]:
    """The schema, and when the site has assessments, the scoring package and Pyodide."""
    shared = [File.generated(config, SCHEMA_URI, abs_src_path=str(SCHEMA_PATH))]
    if scoring:
        shared.append(File.generated(config, assets.SCORING_ZIP, content=assets.scoring_zip()))
        shared += [
            File.generated(config, f"{pyodide_path}{name}", abs_src_path=str(path))
            for name, path in pyodide_files.items()
        ]
    return shared


def build_date() -> str:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else the Unix epoch: never the clock."""
    given = os.environ.get("SOURCE_DATE_EPOCH", "0")
    if not given.isdigit():
        raise PluginError(f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, got {given!r}.")
    seconds = int(given)
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1)
