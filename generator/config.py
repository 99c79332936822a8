"""The `huddle` plugin's options in site.yml: declared here, checked here, documented in docs/configuration.md."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError


class Seconds(c.Type):
    """A whole number of seconds above 0."""

    def __init__(self, default: int) -> None:
        super().__init__(int, default=default)

    def run_validation(self, value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            raise ValidationError(f"must be a whole number of seconds above 0, got {value!r}.")
        return value


class HuddleConfig(Config):
    assessments_dir = c.Dir(default="assessments")
    """Folder of framework YAML files, relative to site.yml."""

    pyodide_dir = c.Optional(c.Dir(exists=False))
    """A `pyodide` npm package of the site's own, relative to site.yml; unset, Huddle's own Pyodide is used."""

    boot_timeout = Seconds(default=60)
    """Seconds Pyodide may go without progress (no bytes arriving) before the page says it could not start."""
