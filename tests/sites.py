"""Helpers for tests that build real sites."""

from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def copy_fixture(name: str, destination: Path) -> Path:
    """Copy tests/fixtures/<name> to `destination`, pointing its paths back at this repository.

    Returns the copied site.yml.
    """
    target = destination / name
    shutil.copytree(FIXTURES / name, target)
    config = target / "site.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("../../../", f"{REPO.as_posix()}/"), encoding="utf-8")
    return config


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` by its relative path, with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
