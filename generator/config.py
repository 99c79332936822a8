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


class Count(c.Type):
    """A whole number, at least `least`."""

    def __init__(self, default: int, least: int) -> None:
        super().__init__(int, default=default)
        self.least = least

    def run_validation(self, value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < self.least:
            raise ValidationError(f"must be a whole number of at least {self.least}, got {value!r}.")
        return value


class Gap(c.Type):
    """A score difference above 0, such as 0.5."""

    def __init__(self, default: float) -> None:
        super().__init__((int, float), default=default)

    def run_validation(self, value: object) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value < 100:
            raise ValidationError(f"must be a score difference above 0, such as 0.5, got {value!r}.")
        return value


class HuddleConfig(Config):
    assessments_dir = c.Dir(default="assessments")
    """Folder of framework YAML files, relative to site.yml."""

    pyodide_dir = c.Dir(default="node_modules/pyodide")
    """The installed `pyodide` npm package (run `npm ci`), relative to site.yml; needed to build, not to check."""

    boot_timeout = Seconds(default=60)
    """Seconds Pyodide may go without progress (no bytes arriving) before the page says it could not start."""

    team_threshold = Count(default=5, least=2)
    """The fewest result codes a team or board profile is shown from (and any competency's team score)."""

    group_threshold = Count(default=3, least=2)
    """The fewest codes each answer group needs before groups are compared side by side."""

    rater_threshold = Count(default=3, least=2)
    """The fewest raters a group of peers, of direct reports, or of others needs before it is shown in 360 feedback."""

    gap = Gap(default=0.5)
    """The self-versus-others difference that marks a blind spot or a hidden strength in 360 feedback."""
