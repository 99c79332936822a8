"""Helpers for tests that build real sites."""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Callable, Iterator
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


@contextlib.contextmanager
def serving(
    folder: Path, headers: dict[str, str] | Callable[[str], dict[str, str]], prefix: str = "/", handler_class=None
) -> Iterator[str]:
    """`folder` served at `prefix` on a free loopback port with `headers` (fixed, or per path, such as
    `generator.headers.site_headers(folder)`), as the server's root URL; always shut down. `handler_class`:
    a `generator.serve.SiteHandler` of the test's own, such as `metered.Metered`."""
    from generator.serve import SiteHandler
    from generator.serve import serving as served

    with served(folder, headers, prefix, handler_class or SiteHandler) as url:
        yield url
