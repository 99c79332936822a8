"""Rebuilding on save: one rebuild per burst of changes, none for editors' temporary files."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from generator.watch import ignored, watch


@pytest.fixture
def watched(tmp_path):
    """A folder and a lone file watched with a short quiet time; the list of rebuild times."""
    (tmp_path / "content").mkdir()
    (tmp_path / "site.yml").write_text("site_name: x\n")
    rebuilds: list[float] = []
    stop = threading.Event()
    watch([tmp_path / "content", tmp_path / "site.yml"], lambda: rebuilds.append(time.monotonic()), stop, quiet=0.2)
    yield tmp_path, rebuilds
    stop.set()


def wait_for(condition, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "not within the deadline"
        time.sleep(0.02)


def test_a_burst_of_saves_is_one_rebuild(watched):
    folder, rebuilds = watched
    for n in range(5):
        (folder / "content" / f"page-{n}.md").write_text("# Page\n")
        time.sleep(0.02)
    wait_for(lambda: rebuilds)
    time.sleep(0.6)
    assert len(rebuilds) == 1


def test_a_watched_file_is_seen_but_its_neighbours_are_not(watched):
    folder, rebuilds = watched
    (folder / ".site.lock").write_text("")  # the build's own files beside site.yml
    (folder / "site").mkdir()
    time.sleep(0.6)
    assert rebuilds == []
    (folder / "site.yml").write_text("site_name: y\n")
    wait_for(lambda: rebuilds)


def test_editors_temporary_swap_and_backup_files_are_ignored(watched):
    folder, rebuilds = watched
    for name in ["page.md.swp", "4913", "page.md~", ".#page.md", "#page.md#", "page.md___jb_tmp___"]:
        (folder / "content" / name).write_text("x")
    time.sleep(0.6)
    assert rebuilds == []
    (folder / "content" / "page.md").write_text("# Saved\n")
    wait_for(lambda: rebuilds)


@pytest.mark.parametrize("name", ["notes.md", "team.yml", "logo.svg", "main.html"])
def test_an_authors_file_is_not_ignored(name):
    assert not ignored(str(Path("content") / name))
