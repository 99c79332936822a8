"""Rebuilding the site while it is served, when an author saves a file.

Polling (once a second) keeps this dependency-free and works on every file
system; a site of a few thousand files is scanned in milliseconds. A failed
rebuild is reported and the last good site stays served.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterable
from pathlib import Path


def snapshot(paths: Iterable[Path]) -> dict[str, float]:
    """Modification time of every file under `paths` (files or folders)."""
    seen: dict[str, float] = {}
    for path in paths:
        candidates = path.rglob("*") if path.is_dir() else [path]
        for file in candidates:
            try:
                if file.is_file():
                    seen[str(file)] = file.stat().st_mtime
            except OSError:
                continue  # removed while we looked
    return seen


def watch(
    paths: list[Path], rebuild: Callable[[], None], stop: threading.Event, interval: float = 1.0
) -> threading.Thread:
    """Call `rebuild` in a background thread whenever a file under `paths` changes, until `stop` is set.

    The files are first read here, before returning, so a change made right
    after this call is seen.
    """
    thread = threading.Thread(target=_loop, args=(paths, snapshot(paths), rebuild, stop, interval), daemon=True)
    thread.start()
    return thread


def _loop(
    paths: list[Path], last: dict[str, float], rebuild: Callable[[], None], stop: threading.Event, interval: float
) -> None:
    while not stop.wait(interval):
        now = snapshot(paths)
        if now != last:
            last = now
            try:
                rebuild()
            except Exception as error:  # noqa: BLE001 - any failure must leave the server running
                print(f"Rebuild failed; still serving the last good site.\n{error}", file=sys.stderr)
