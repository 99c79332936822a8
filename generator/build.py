"""Building a site without ever leaving a half-written one in place.

MkDocs builds into a fresh temporary folder beside the target; only when the
build succeeds is the old site swapped out for the new one.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

from .config import SettingsError
from .page_error import PageError


def load(config_file: Path, strict: bool = False, **overrides) -> MkDocsConfig:
    """The site's MkDocs configuration, validated (plugins included)."""
    if not config_file.is_file():
        where = f"{config_file} in {Path.cwd()}" if not config_file.is_absolute() else str(config_file)
        raise Abort(
            f"There is no {where}. Run huddle in your site's folder (the one with its site.yml), or name the "
            'file: huddle -f path/to/site.yml. To start a site: huddle new site DIR --name "...".'
        )
    with _errors_in_abort():
        return load_config(config_file=str(config_file), strict=strict or None, **overrides)


@contextlib.contextmanager
def _errors_in_abort(strict: bool = False) -> Iterator[None]:
    """MkDocs logs what went wrong and raises a generic Abort; raise the real messages instead.

    In a `strict` build, an Abort after warnings and no errors is MkDocs stopping on the warnings, which are
    counted here as MkDocs counts them rather than read back from its message."""
    errors = _ErrorLog()
    logging.getLogger("mkdocs").addHandler(errors)
    try:
        yield
    except Abort as abort:
        if strict and errors.warnings and not errors.messages:
            raise Abort(
                f"The build stopped and left the last site as it was: the {errors.warnings} warning(s) above are "
                "errors with --strict. Fix each one as it says (to preview the site with them, build without "
                "--strict)."
            ) from None
        if isinstance(abort, SettingsError):
            raise  # the huddle plugin's options: sentences that start with site.yml's line and the key
        raise Abort(errors.said(abort.__context__) or str(abort)) from None
    except RecursionError:
        # A page Markdown recursed on beyond the sources/page_limits.py checks; MkDocs names it in the log.
        said = "\n".join(errors.messages) or "A page"
        raise Abort(
            f"{said}\nThe page nests lists, quotes or brackets too deeply for Markdown to read; flatten it."
        ) from None
    except UnicodeDecodeError as error:
        # MkDocs names the page it could not read in the log, then raises.
        said = "\n".join(errors.messages) or str(error)
        raise Abort(f"{said}\nSave it as UTF-8 text.") from None
    finally:
        logging.getLogger("mkdocs").removeHandler(errors)


def build_site(
    config_file: Path, strict: bool = False, site_dir: Path | None = None, config: MkDocsConfig | None = None
) -> Path:
    """Build the site at `config_file` into `site_dir` (default: its config's), atomically; returns that folder.

    The config is loaded once (or is `config`, loaded by the caller and not yet built with). One build at a
    time per folder (a lock file beside it); what killed builds left behind is removed first; the finished
    site replaces the old one in one step, so `site_dir` is never missing or half-written.
    """
    config = config or load(config_file, strict=strict)
    target = (site_dir or Path(config.site_dir)).absolute()
    target.parent.mkdir(parents=True, exist_ok=True)
    with _lock(target):
        _remove_leftovers(target)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))
        try:
            config.site_dir = str(staging)  # MkDocs writes there; only the paths its validation made absolute
            config.plugins.on_startup(command="build", dirty=False)
            try:
                with _errors_in_abort(strict=bool(config.strict)):
                    mkdocs_build(config)
            finally:
                config.plugins.on_shutdown()
            os.chmod(staging, 0o755)
            _swap(staging, target)
        finally:
            shutil.rmtree(staging, ignore_errors=True)  # the new site if it failed, else the old one
    return target


@contextlib.contextmanager
def _lock(target: Path) -> Iterator[None]:
    """Hold `.<site>.lock` beside the site for the build; a second build is told, not left to collide."""
    path = target.parent / f".{target.name}.lock"
    with open(path, "a") as handle:
        if fcntl is not None:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise Abort(
                    f"Another build of {target.name}/ is running (it holds {path.name}); "
                    "wait for it to finish, then build again."
                ) from None
        yield


def _remove_leftovers(target: Path) -> None:
    """Folders that killed builds left beside the site: their staging copies and old sites."""
    for pattern in (f".{target.name}-new-*", f".{target.name}-old-*"):
        for leftover in target.parent.glob(pattern):
            shutil.rmtree(leftover, ignore_errors=True)


class _ErrorLog(logging.Handler):
    """The errors MkDocs logs, and how many warnings."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []
        self.warnings = 0

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR:
            self.messages.append(record.getMessage())
        else:
            self.warnings += 1

    def said(self, cause: BaseException | None) -> str:
        """The messages, less MkDocs' bare "Error reading page 'x.md':" line before the error `cause` when it is
        Huddle's own PageError, which names the page itself."""
        messages = self.messages
        if isinstance(cause, PageError) and messages[-1:] == [str(cause)]:
            messages = [*messages[:-2], messages[-1]]
        return "\n".join(messages)


def _swap(new: Path, target: Path) -> None:
    """Put `new` in place of `target`, leaving the old site at `new`.

    On Linux one `renameat2(RENAME_EXCHANGE)` call swaps the two folders, so
    `target` always exists; where that call is missing (macOS, Windows, old
    kernels or file systems) two renames are used, and `target` is missing for
    the instant between them.
    """
    if not target.exists():
        new.rename(target)
        new.mkdir()  # so the caller's clean-up has something to remove
        return
    if _exchange(new, target):
        return
    old = new.with_name(new.name.replace("-new-", "-old-"))
    target.rename(old)
    try:
        new.rename(target)
    except BaseException:
        old.rename(target)
        raise
    old.rename(new)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step with Linux's renameat2; False when the system cannot."""
    renameat2 = getattr(_libc, "renameat2", None) if _libc is not None else None
    if renameat2 is None:
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(error, os.strerror(error), str(b))


try:
    import fcntl
except ImportError:  # Windows: builds are not locked
    fcntl = None  # type: ignore[assignment]  # checked before each use

_libc = ctypes.CDLL(None, use_errno=True) if sys.platform.startswith("linux") else None
