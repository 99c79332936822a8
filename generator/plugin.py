"""The `huddle` MkDocs plugin: event wiring only; the work lives beside it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from . import assets, pages
from .config import HuddleConfig
from .frameworks import FrameworkError, load_frameworks


class HuddlePlugin(BasePlugin[HuddleConfig]):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(config.config_file_path).parent
        self.assessments_dir = self.root / self.config.assessments_dir
        if not self.assessments_dir.is_dir():
            raise PluginError(
                f"The assessments folder '{self.config.assessments_dir}' does not exist next to "
                f"{Path(config.config_file_path).name}; create it or set the huddle plugin's `assessments_dir`."
            )
        try:
            self.frameworks = load_frameworks(self.assessments_dir, self.root)
        except FrameworkError as error:
            raise PluginError(f"Framework files have problems:\n{error}") from None
        self.pyodide_version, self.pyodide_files = assets.pyodide_files(self.root / self.config.pyodide_dir)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        for framework in self.frameworks:
            page = pages.assessment_page(framework)
            files.append(File.generated(config, pages.assessment_uri(framework), content=page))
            files.append(
                File.generated(
                    config,
                    f"assessments/{framework['id']}/framework.json",
                    content=json.dumps(framework, ensure_ascii=False, indent=1, sort_keys=True),
                )
            )
        if self.frameworks:
            files.append(File.generated(config, assets.SCORING_ZIP, content=assets.scoring_zip()))
            for name, path in self.pyodide_files.items():
                files.append(File.generated(config, f"{self.pyodide_path}{name}", abs_src_path=str(path)))
        return files

    @property
    def pyodide_path(self) -> str:
        """The versioned folder of the site that holds Pyodide's boot files."""
        return f"assets/pyodide/{self.pyodide_version}/"

    def on_page_context(self, context: dict[str, Any], *, page, config: MkDocsConfig, nav) -> dict[str, Any]:
        if page.meta.get("huddle_framework"):
            context["huddle"] = {
                "pyodide": self.pyodide_path,
                "scoring": assets.SCORING_ZIP,
                "boot_timeout": self.config.boot_timeout,
            }
        return context

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        server.watch(str(self.assessments_dir))
        return server
