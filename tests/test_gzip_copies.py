"""The boot files' gzip copies: made once per content and reused, never a damaged copy published.

Compressing them was over half of a small site's build, every build, for the same bytes (`assets.gzipped`)."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import pytest

from generator import assets


@pytest.fixture
def kept_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh folder for the kept copies, and an empty memory, so each test starts with nothing made."""
    monkeypatch.setattr(assets, "GZIP_KEPT", tmp_path)
    monkeypatch.setattr(assets, "_gzip_made", type(assets._gzip_made)())
    return tmp_path


def counting(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    made: list[int] = []
    real = gzip.compress

    def compress(data, *args, **kwargs):
        made.append(len(data))
        return real(data, *args, **kwargs)

    monkeypatch.setattr(assets.gzip, "compress", compress)
    return made


def test_the_same_bytes_are_compressed_once_and_the_copy_is_kept_for_the_next_process(kept_in, monkeypatch):
    made = counting(monkeypatch)
    data = os.urandom(50_000) + b"the same stdlib " * 10_000
    first = assets.gzipped(data)
    assert gzip.decompress(first) == data
    assert assets.gzipped(data) == first
    assert made == [len(data)], "the second call compressed again"

    # Another process: nothing in memory, the kept copy on disk.
    monkeypatch.setattr(assets, "_gzip_made", type(assets._gzip_made)())
    assert assets.gzipped(data) == first
    assert made == [len(data)], "the kept copy was not reused"
    assert [p.name for p in kept_in.iterdir()] == [f"huddle-gzip-{assets.hashlib.sha256(data).hexdigest()[:32]}.gz"]


@pytest.mark.parametrize(
    "damage",
    [
        lambda made: made[: len(made) // 2],  # a build killed while writing it
        lambda made: made[:-8] + b"\0" * 8,  # the trailer of other bytes
        lambda made: b"",
    ],
    ids=["cut short", "wrong trailer", "empty"],
)
def test_a_damaged_kept_copy_is_made_again_not_published(kept_in, monkeypatch, damage):
    data = b"pyodide " * 20_000
    good = assets.gzipped(data)
    (kept,) = kept_in.iterdir()
    kept.write_bytes(damage(good))
    monkeypatch.setattr(assets, "_gzip_made", type(assets._gzip_made)())
    assert assets.gzipped(data) == good
    assert kept.read_bytes() == good


def test_only_the_newest_sixteen_copies_are_kept(kept_in):
    for number in range(20):
        assets.gzipped(f"version {number} of the scoring code".encode() * 100)
    assert len(list(kept_in.glob("huddle-gzip-*.gz"))) == 16
    assert not list(kept_in.glob("*.part"))


def test_a_file_and_its_bytes_give_the_same_copy(kept_in, tmp_path):
    path = tmp_path / "pyodide.asm.mjs"
    path.write_bytes(b"export default 1;\n" * 5_000)
    assert assets.gzipped(path) == assets.gzipped(path.read_bytes()) == gzip.compress(path.read_bytes(), 9, mtime=0)
