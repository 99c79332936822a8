"""The `huddle` plugin's options in site.yml."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class HuddleConfig(Config):
    assessments_dir = c.Type(str, default="assessments")
    """Folder of framework YAML files, relative to site.yml."""

    pyodide_dir = c.Type(str, default="node_modules/pyodide")
    """The installed `pyodide` npm package (run `npm ci`), relative to site.yml."""

    boot_timeout = c.Type(int, default=60)
    """Seconds the browser waits for Pyodide to start before saying it failed."""
