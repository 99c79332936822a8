"""The `huddle` plugin's options in site.yml: declared here, checked here, documented in docs/configuration.md
(and the `branding` block in docs/branding.md)."""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ConfigErrors, ConfigWarnings, ValidationError
from mkdocs.exceptions import Abort, ConfigurationError

from .contrast import HEX
from .sources.errors import Problem
from .sources.yamlpos import key_lines

EMAIL = re.compile(r"[^@\s<>()\[\]]+@[^@\s<>()\[\]]+\.[^@\s<>()\[\]]+")


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


class Colour(c.Type):
    """A colour in hex (#rrggbb or #rgb), in quotes, since YAML reads an unquoted # as a comment.

    With no default, "" stands for "not set", so that a key written with no value can still be told
    from a missing one."""

    def __init__(self, default: str = "") -> None:
        super().__init__(str, default=default)

    def pre_validation(self, config: Config, key_name: str) -> None:
        # The default fills a missing key; None here means the key is there with no value.
        if config.get(key_name) is None:
            raise ValidationError(
                'has no value; a colour must be in quotes, such as "#005eb8", because YAML reads what follows '
                "an unquoted # as a comment."
            )

    def run_validation(self, value: object) -> str:
        if value == "" and self.default == "":
            return value
        if not isinstance(value, str) or not HEX.fullmatch(value):
            raise ValidationError(f'must be a colour in hex, such as "#005eb8" (in quotes), got {value!r}.')
        return value


class Email(c.Type):
    """An email address."""

    def __init__(self) -> None:
        super().__init__(str)

    def run_validation(self, value: object) -> str:
        if not isinstance(value, str) or not EMAIL.fullmatch(value.strip()):
            raise ValidationError(f"must be an email address, such as leadership@example.nhs.uk, got {value!r}.")
        return value.strip()


@dataclass(frozen=True)
class OptionProblem:
    """What is wrong with one of the plugin's options, at its path of keys (("branding", "primary"))."""

    path: tuple[str, ...]
    message: str
    unknown: bool = False
    """The key is not a setting Huddle has (MkDocs only warns of it, and the default silently applies)."""


class BlockProblems(ValidationError):
    """Every problem of a block of settings, kept as values: MkDocs keeps the exception an option raises."""

    def __init__(self, problems: list[OptionProblem]) -> None:
        super().__init__("\n".join(f"{'.'.join(p.path)}: {p.message}" for p in problems))
        self.problems = problems


class Block(c.SubConfig):
    """A block of settings (`branding:`, each of its `footer_links`) that reports every problem in it, unknown
    keys included, as `OptionProblem`s (MkDocs' own SubConfig reports the first, as text, and only warns of
    an unknown key)."""

    def __init__(self, config_class: type[Config]) -> None:
        super().__init__()
        self.config_class = config_class

    def run_validation(self, value: object) -> Config:
        config = self.config_class(config_file_path=self._config_file_path)
        try:
            config.load_dict(value)  # type: ignore[arg-type]  # refused below when it is not a mapping
        except ConfigurationError as refused:
            raise ValidationError(str(refused)) from None
        problems, kept = _problems(config, *config.validate())
        self.warnings.extend(f"{key}: {warning}" for key, warning in kept)
        if problems:
            raise BlockProblems(problems)
        return config


class FooterLink(Config):
    text = c.Type(str)
    """What the link says, such as "Contact us"."""

    url = c.Type(str)
    """A page of the site (its Markdown file, such as privacy.md) or a web address (https://...)."""


class BrandingConfig(Config):
    name = c.Optional(c.Type(str))
    """The organisation's name, for the footer, pages, printouts and exports; unset, the site_name."""

    logo = c.Optional(c.Type(str))
    """An image in the docs folder for the header, such as images/logo.svg; unset, a neutral icon."""

    favicon = c.Optional(c.Type(str))
    """An image in the docs folder for the browser tab; unset, Material's."""

    primary = Colour(default="#4051b5")
    """The header and link colour, in hex; white text on it, and it on white, must reach 4.5:1."""

    accent = Colour(default="#526cfe")
    """The colour of focus rings and, in the dark scheme, chart bars; it must reach 3:1 on both backgrounds."""

    link_dark = Colour()
    """The link colour in the dark scheme; unset, the shade of `primary` nearest to it that reaches 4.5:1."""

    footer_links = c.ListOfItems(Block(FooterLink), default=[])
    """Links in every page's footer, after the organisation's name: each a `text` and a `url`."""

    contact_email = c.Optional(Email())
    """Where people ask for another format or report an accessibility problem."""

    contact_phone = c.Optional(c.Type(str))
    """A phone number for the same."""

    privacy_contact = c.Optional(Email())
    """Where people send questions about privacy and requests about their data."""

    dpo = c.Optional(c.Type(str))
    """Who the data protection officer is and how to reach them, as it should read in a sentence."""

    retention = c.Optional(c.Type(str))
    """A sentence saying how long the web server's logs are kept, for the privacy notice."""


class HuddleConfig(Config):
    assessments_dir = c.Dir(default="assessments")
    """Folder of framework YAML files, relative to site.yml."""

    pyodide_dir = c.Optional(c.Dir(exists=False))
    """A `pyodide` npm package of the site's own, relative to site.yml; unset, Huddle's own Pyodide is used."""

    boot_timeout = Seconds(default=30)
    """Seconds Pyodide may go without progress (no bytes arriving) before the page says it could not start."""

    # The least values are the floors of common practice (docs/collective.md): below them one person's answers
    # are too easily picked out of a profile, a group or a rater group.
    team_threshold = Count(default=5, least=5)
    """The fewest result codes a team or board profile is shown from (and any competency's team score)."""

    group_threshold = Count(default=3, least=3)
    """The fewest codes each answer group needs before groups are compared side by side."""

    rater_threshold = Count(default=3, least=3)
    """The fewest raters a group of peers, of direct reports, or of others needs before it is shown in 360 feedback."""

    gap = Gap(default=0.5)
    """The self-versus-others difference that marks a blind spot or a hidden strength in 360 feedback."""

    branding = Block(BrandingConfig)
    """The organisation's name, logo, colours, footer links and contacts (docs/branding.md)."""

    strings = c.Optional(c.File(exists=True))
    """A YAML file, relative to site.yml, giving Huddle's messages in the site's own words."""


DOCUMENTED_IN = {"branding": "docs/branding.md"}
"""Where each block's settings are explained; the rest are in docs/configuration.md."""


class SettingsError(Abort):
    """The plugin's options in site.yml are wrong: one sentence a problem, each starting with its line.

    Raised from the plugin's `load_config`, so that it reaches the command as it is (MkDocs would prefix
    each of its options' errors with its own wording, and log rather than raise them)."""


def checked_options(config_file_path: str | None, errors: ConfigErrors, warnings: ConfigWarnings) -> ConfigWarnings:
    """The plugin's warnings that are only warnings; its option errors and unknown keys (MkDocs only warns of
    those, once per build, and the setting is then silently its default) raise a SettingsError whose
    sentences start with site.yml's line and the key, and suggest the nearest real key for an unknown one.
    Problems are told apart by their keys and exceptions, not by MkDocs' wording."""
    problems, kept = _problems(HuddleConfig, errors, warnings)
    if problems:
        lines = KeyLines(Path(config_file_path)) if config_file_path else None
        raise SettingsError("\n".join(_sentence(lines, problem) for problem in problems))
    return kept


def _problems(
    config: Config | type[Config], errors: ConfigErrors, warnings: ConfigWarnings
) -> tuple[list[OptionProblem], ConfigWarnings]:
    """What `config`'s validation found wrong, a block's problems under its key, and the warnings that are only
    warnings: MkDocs warns of a key that is not in the schema, which Huddle takes as an error."""
    known = dict(config._schema)
    problems = [OptionProblem((key,), "is not a setting.", unknown=True) for key, _ in warnings if key not in known]
    for key, error in errors:
        if isinstance(error, BlockProblems):
            problems += [OptionProblem((key, *p.path), p.message, p.unknown) for p in error.problems]
        else:
            problems.append(OptionProblem((key,), str(error)))
    return problems, [(key, warning) for key, warning in warnings if key in known]


def _sentence(lines: KeyLines | None, problem: OptionProblem) -> str:
    path, message, given = list(problem.path), problem.message, list(problem.path)
    if message.strip() == "Required configuration not provided.":
        message, given = "must be given.", path[:-1]  # its block's line: the key is not in the file
    if problem.unknown:
        schema: Sequence[tuple[str, Any]] = HuddleConfig._schema
        for key in path[:-1]:  # the block the key was written in: branding, or each of its footer_links
            option = dict(schema).get(key)
            option = option.option_type if isinstance(option, c.ListOfItems) else option
            schema = option.config_class._schema if isinstance(option, c.SubConfig) else []
        near = difflib.get_close_matches(path[-1], [name for name, _ in schema], n=1)
        block = path[0] if len(path) > 1 else ""
        message = (
            f"Huddle has no such setting{f'; did you mean {near[0]!r}?' if near else '.'} "
            f"{DOCUMENTED_IN.get(block, 'docs/configuration.md')} lists every one."
        )
    where = lines.where(".".join(path), "huddle", *given) if lines else f"site.yml: {'.'.join(path)}"
    return f"{where}: {message}"


class KeyLines:
    """The line of each key of a YAML file such as site.yml, read once. A key is found by the end of its path
    of keys (list items add nothing to a path, so the huddle plugin's options end ("huddle", option))."""

    def __init__(self, config_file: Path) -> None:
        self.file = config_file
        self.name = config_file.name

    @functools.cached_property
    def lines(self) -> dict[tuple[str, ...], int]:
        """Read when a line is first asked for: most builds have nothing to point at."""
        try:
            return key_lines(self.file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            return {}  # the key is still named, without its line

    def nearest(self, *path: str) -> int | None:
        """The line of the key `path` ends with or, when the file has no such key, of the nearest block above it."""
        for n in range(len(path), 0, -1):
            for key, line in self.lines.items():
                if key[-n:] == path[:n]:
                    return line
        return None

    def problem(self, shown: str, message: str, *path: str) -> Problem:
        """A Problem at the line of `path`'s key (or its block's) in this file, naming the key as `shown`."""
        return Problem(self.name, self.nearest(*path) or 0, 0, shown, message)

    def where(self, shown: str, *path: str) -> str:
        """`site.yml:<line>: <shown>`, the line of `path`'s key (or its block's), or no line if it has neither."""
        line = self.nearest(*path)
        return f"{self.name}{f':{line}' if line else ''}: {shown}"
