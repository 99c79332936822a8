"""Rebuilding the site while it is served, when an author saves a file.

watchdog (which MkDocs already depends on) reports changes as the system sees
them, so nothing is polled. One save is often several events (an editor writes
a temporary file, renames it, touches a backup), so changes are gathered until
the folders have been quiet for a moment (`quiet`) and then rebuilt once.
Editors' temporary, swap and backup files are ignored. `rebuild` is expected to
report its own failures; any it lets through are printed, and watching goes on.
"""

from __future__ import annotations

import fnmatch
import sys
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver

from . import bundle, placeholders

IGNORED = (
    "*.swp",  # Vim
    "*.swx",
    "*.swo",
    "4913",  # Vim's check that it may write in a folder
    "*~",  # Vim, Emacs, gedit backups
    ".#*",  # Emacs lock files
    "#*#",  # Emacs auto-save
    "*.tmp",
    "*___jb_tmp___",  # JetBrains
    "*___jb_old___",
    ".DS_Store",
    "*.crdownload",
    ".~lock.*#",  # LibreOffice
)
"""Names of files editors and systems write beside the ones an author saves."""


def watched_paths(config: MkDocsConfig) -> list[Path]:
    """What a site is built from, so what `huddle serve` and `mkdocs serve` both watch: site.yml, the docs
    folder, the assessments folder, the strings file, the last audit's report (`{{ audit.summary }}`), the
    theme's custom_dir, and Huddle's own theme when
    Huddle is being developed (a checkout, not an installed wheel)."""
    plugin = config.plugins.get("huddle")
    if plugin is None:
        raise Abort(f"{config.config_file_path} does not use the huddle plugin; add it under `plugins:`.")
    options = plugin.config
    root = Path(config.config_file_path).parent
    paths = [Path(config.config_file_path), Path(config.docs_dir), root / options.assessments_dir]
    if options.strings:
        paths.append(root / options.strings)
    report = root / placeholders.AUDIT_REPORT
    if report.is_file():  # `huddle audit` run beside `huddle serve`: the statement's summary is its
        paths.append(report)
    if config.theme.custom_dir:
        paths.append(Path(config.theme.custom_dir))
    if not bundle.is_packaged():
        paths.append(bundle.theme_dir())
    return paths


def ignored(path: str) -> bool:
    """Whether a changed file is one an editor or the system wrote, not the author."""
    name = Path(path).name
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in IGNORED)


class _Changes(FileSystemEventHandler):
    """Notes when a file under the watched paths changed, leaving out ignored names and other files."""

    def __init__(self, wanted: Callable[[str], bool]) -> None:
        self.wanted = wanted
        self.last = 0.0
        self.seen = threading.Event()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write") or (event.is_directory and event.event_type == "modified"):
            return  # reading a file is no change; a folder is "modified" when any file in it is, which is told apart
        paths = [event.src_path, getattr(event, "dest_path", "") or ""]
        if any(path and self.wanted(str(path)) and not ignored(str(path)) for path in paths):
            self.last = time.monotonic()
            self.seen.set()


def watch(
    paths: Iterable[Path], rebuild: Callable[[], None], stop: threading.Event, quiet: float = 0.3
) -> threading.Thread:
    """Call `rebuild` in a background thread after files under `paths` (folders, or single files) change
    and then stay quiet for `quiet` seconds, until `stop` is set.

    Watching has started when this returns, so a change made right after the call is seen.
    """
    paths = [path.resolve() for path in paths]
    files = {str(path) for path in paths if not path.is_dir()}
    folders = [path for path in paths if path.is_dir()]

    def wanted(path: str) -> bool:
        return path in files or any(Path(path).is_relative_to(folder) for folder in folders)

    changes = _Changes(wanted)
    observer = Observer()
    for folder in folders:
        observer.schedule(changes, str(folder), recursive=True)
    for parent in sorted({str(Path(file).parent) for file in files}):
        observer.schedule(changes, parent, recursive=False)
    observer.start()
    thread = threading.Thread(target=_loop, args=(changes, rebuild, stop, quiet, observer), daemon=True)
    thread.start()
    return thread


def _loop(
    changes: _Changes, rebuild: Callable[[], None], stop: threading.Event, quiet: float, observer: BaseObserver
) -> None:
    try:
        while not stop.is_set():
            if not changes.seen.wait(0.1):
                continue
            while (left := changes.last + quiet - time.monotonic()) > 0:
                if stop.wait(left):
                    return
            changes.seen.clear()
            try:
                rebuild()
            except Exception as error:  # noqa: BLE001 - any failure must leave the server running
                print(f"Rebuild failed; still serving the last good site.\n{error}", file=sys.stderr)
    finally:
        observer.stop()
