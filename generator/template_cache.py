"""Compiled theme templates, kept between builds in one process.

MkDocs makes a new Jinja environment for every build, so every build compiled Material's and Huddle's
templates again: 0.34 of a small site's 0.86 s build here, and of each of `huddle serve`'s rebuilds. The code
Jinja compiles depends only on a template's source and the environment's settings, so it is kept by both
(a changed template or setting compiles anew) and never written to disk.
"""

from __future__ import annotations

from collections import OrderedDict
from types import CodeType

import jinja2
from jinja2.bccache import Bucket

KEPT = 256
"""How many compiled templates a process keeps (Material's theme has about 40 a build uses)."""


class KeptTemplates(jinja2.BytecodeCache):
    """Jinja's bytecode cache, in memory, keyed by the template, its source and the environment's settings."""

    def __init__(self) -> None:
        self._code: OrderedDict[tuple[str, str], CodeType] = OrderedDict()

    def get_bucket(self, environment: jinja2.Environment, name: str, filename: str | None, source: str) -> Bucket:
        key = self.get_cache_key(name, filename) + "\0" + _settings(environment)
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        code = self._code.get((key, bucket.checksum))
        if code is not None:
            self._code.move_to_end((key, bucket.checksum))
            bucket.code = code
        return bucket

    def __len__(self) -> int:
        return len(self._code)

    def set_bucket(self, bucket: Bucket) -> None:
        if bucket.code is None:
            return
        self._code[(bucket.key, bucket.checksum)] = bucket.code
        while len(self._code) > KEPT:
            self._code.popitem(last=False)

    def load_bytecode(self, bucket: Bucket) -> None:  # pragma: no cover: get_bucket does the work
        raise NotImplementedError

    def dump_bytecode(self, bucket: Bucket) -> None:  # pragma: no cover: set_bucket does the work
        raise NotImplementedError


def _settings(environment: jinja2.Environment) -> str:
    """What else the compiled code depends on: the syntax, whitespace and escaping settings, the extensions
    (MkDocs adds i18n for a site's language) and the names of the filters and tests."""
    syntax = (
        environment.block_start_string,
        environment.block_end_string,
        environment.variable_start_string,
        environment.variable_end_string,
        environment.comment_start_string,
        environment.comment_end_string,
        environment.line_statement_prefix,
        environment.line_comment_prefix,
        environment.trim_blocks,
        environment.lstrip_blocks,
        environment.newline_sequence,
        environment.keep_trailing_newline,
        environment.optimized,
        environment.is_async,
        repr(environment.autoescape),
        repr(environment.finalize),
        type(environment).__qualname__,
    )
    return repr((syntax, sorted(environment.extensions), sorted(environment.filters), sorted(environment.tests)))


TEMPLATES = KeptTemplates()
"""The process's one cache: every build's environment uses it (`reuse_compiled`)."""


def reuse_compiled(environment: jinja2.Environment) -> None:
    """Let `environment` reuse templates compiled by earlier builds in this process."""
    environment.bytecode_cache = TEMPLATES
