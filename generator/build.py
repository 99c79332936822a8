"""Building a site without ever leaving a half-written one in place.

MkDocs builds into a fresh temporary folder beside the target; only when the
build succeeds is the old site swapped out for the new one.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort


def load(config_file: Path, strict: bool = False, **overrides) -> MkDocsConfig:
    """The site's MkDocs configuration, validated (plugins included)."""
    with _errors_in_abort():
        return load_config(config_file=str(config_file), strict=strict or None, **overrides)


@contextlib.contextmanager
def _errors_in_abort() -> Iterator[None]:
    """MkDocs logs what went wrong and raises a generic Abort; raise the real messages instead."""
    errors = _ErrorLog()
    logging.getLogger("mkdocs").addHandler(errors)
    try:
        yield
    except Abort as abort:
        raise Abort("\n".join(errors.messages) or str(abort)) from None
    finally:
        logging.getLogger("mkdocs").removeHandler(errors)


def build_site(config_file: Path, strict: bool = False, site_dir: Path | None = None) -> Path:
    """Build the site at `config_file` into `site_dir` (default: its config's), atomically; returns that folder."""
    target = site_dir or Path(load(config_file, strict=strict).site_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))
    try:
        config = load(config_file, strict=strict, site_dir=str(staging))
        config.plugins.on_startup(command="build", dirty=False)
        try:
            with _errors_in_abort():
                mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
        os.chmod(staging, 0o755)
        _swap(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target


class _ErrorLog(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _swap(new: Path, target: Path) -> None:
    """Put `new` in place of `target`: two renames, so `target` is missing only for an instant,
    and the old site is put back if the second rename fails."""
    if not target.exists():
        new.rename(target)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}-old-", dir=target.parent))
    old.rmdir()
    target.rename(old)
    try:
        new.rename(target)
    except BaseException:
        old.rename(target)
        raise
    shutil.rmtree(old, ignore_errors=True)
