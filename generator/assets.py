"""Files Huddle adds to sites with assessments: self-hosted Pyodide and our scoring package."""

from __future__ import annotations

import functools
import gzip
import hashlib
import io
import json
import os
import struct
import zipfile
import zlib
from collections import OrderedDict
from pathlib import Path

from mkdocs.exceptions import PluginError

from generator import bytecode, runtime
from generator.bundle import PYODIDE_BOOT_FILES
from generator.runtime import scoring_zip

__all__ = ["PYODIDE_BOOT_FILES", "pyodide_files", "scoring_zip"]

SCORING_ZIP = "assets/huddle/scoring.zip"

GZ = ".gz"
"""The suffix of a file's gzip copy, which the scoring worker fetches and decompresses itself (so a host that
does not compress sends a third of the bytes). A host must send it as it is, without `Content-Encoding`."""

GZIPPED = ("pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
"""The boot files published with a gzip copy, which the worker fetches and hands Pyodide decompressed (the
module `pyodide.asm.mjs` as a `blob:` import, which only the worker's own policy allows: see headers.py)."""

IMPORTED = ("pyodide.mjs",)
"""The boot file the worker imports as it is (18 kB)."""

RETRY_AFTER = [5, 15]
"""Seconds the scoring worker waits before it goes on by itself with a download that dropped (sooner when
the browser is back online), asking only for the rest: a moment's drop, walking between a ward's access
points, is never the person's problem. After the last, the page says the scorer could not start, with
"Try again"."""


BootFile = Path | bytes
"""A boot file as published: Pyodide's own (a path to copy) or our trimmed copy of it (its bytes)."""


def pyodide_path(version: str, files: dict[str, BootFile]) -> str:
    """The folder of a site that holds Pyodide's boot files, named after its version and a hash of our trimmed
    copies (the standard library and the lock): a change of the trim is a new folder, so that what a browser or
    the offline worker keeps of a folder (cache-first, as immutable) is never an older trim's."""
    trimmed = hashlib.sha256(b"".join(file for _, file in sorted(files.items()) if isinstance(file, bytes)))
    return f"assets/pyodide/{version}-{trimmed.hexdigest()[:8]}/"


def pyodide_files(pyodide_dir: Path, configured: bool, scoring: bytes) -> tuple[str, dict[str, BootFile], bytes]:
    """The Pyodide's version, its boot files as the site publishes them (the standard library trimmed and
    compiled, the package lock trimmed: see `runtime` and `bytecode`) and the scoring package's zip as
    published (compiled too), or a PluginError saying how to get them.

    `configured` says whether the site set `pyodide_dir` itself, or uses the files Huddle carries."""
    package = pyodide_dir / "package.json"
    if not package.is_file():
        if configured:
            fix = "run `npm install pyodide` there, or remove the huddle plugin's `pyodide_dir` to use Huddle's own"
        else:
            fix = (
                "this Huddle carries no Pyodide: install Huddle from a wheel built with `make dist`, or run "
                "`npm ci` in Huddle's repository"
            )
        raise PluginError(f"Pyodide is not installed: '{package}' is missing; {fix}.")
    version = json.loads(package.read_text(encoding="utf-8"))["version"]
    missing = [name for name in PYODIDE_BOOT_FILES if not (pyodide_dir / name).is_file()]
    if missing:
        raise PluginError(
            f"Pyodide {version} in '{pyodide_dir}' lacks {', '.join(missing)}; install it again "
            "(`npm ci`, or reinstall Huddle)."
        )
    # Only regular files from inside the folder are published: a link could point anywhere.
    linked = [name for name in PYODIDE_BOOT_FILES if (pyodide_dir / name).is_symlink()]
    if linked:
        raise PluginError(
            f"Pyodide's {', '.join(linked)} in '{pyodide_dir}' are links, not files; Huddle publishes only regular "
            "files from there. Install it again (`npm ci`, or reinstall Huddle)."
        )
    files: dict[str, BootFile] = {name: pyodide_dir / name for name in PYODIDE_BOOT_FILES}
    stdlib = runtime.trimmed_stdlib(pyodide_dir / "python_stdlib.zip")
    files["python_stdlib.zip"], scoring = bytecode.compiled(pyodide_dir, stdlib, scoring)
    files["pyodide-lock.json"] = runtime.trimmed_lock(pyodide_dir / "pyodide-lock.json")
    return version, files, scoring


def size(file: BootFile) -> int:
    return len(file) if isinstance(file, bytes) else file.stat().st_size


def gzipped(file: BootFile) -> bytes:
    """`file` compressed with gzip -9, dated 0 so that the same file always gives the same bytes.

    Compressing the boot files took over half of a small site's build (1.1 of 1.9 s here), every build, for the
    same bytes: each copy is made once per content, kept in memory (`huddle serve`'s rebuilds, a test run) and,
    in a checkout, beside Pyodide's files (`kept_gzip`), so that the next build in another process reuses it."""
    data = file if isinstance(file, bytes) else file.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest in _gzip_made:
        _gzip_made.move_to_end(digest)
        return _gzip_made[digest]
    kept = kept_gzip(digest)
    made = _read_kept_gzip(kept, data) if kept else None
    if made is None:
        made = gzip.compress(data, 9, mtime=0)
        if kept:
            _keep_gzip(kept, made)
    _gzip_made[digest] = made
    while len(_gzip_made) > 8:
        _gzip_made.popitem(last=False)
    return made


_gzip_made: OrderedDict[str, bytes] = OrderedDict()
"""gzip copies made in this process, by the SHA-256 of what they compress: the most recently used few."""

GZIP_KEPT = Path(__file__).resolve().parent.parent / "node_modules" / "pyodide"
"""Where a checkout keeps the gzip copies across processes: beside the Pyodide that `npm ci` installed, like
the compiled standard library (`bytecode`). An installed Huddle (the wheel) has no such folder and keeps none."""


def kept_gzip(digest: str) -> Path | None:
    """Where the gzip copy of the bytes with SHA-256 `digest` is kept, or None where nothing is kept."""
    return GZIP_KEPT / f"huddle-gzip-{digest[:32]}.gz" if GZIP_KEPT.is_dir() else None


def _read_kept_gzip(path: Path, data: bytes) -> bytes | None:
    """The kept copy at `path` when it is whole and of `data` (gzip's trailer holds the CRC-32 and length of
    what it compressed), else None: a copy cut short by a killed build is made again, never published."""
    try:
        made = path.read_bytes()
    except OSError:
        return None
    crc, length = struct.unpack("<II", made[-8:]) if len(made) >= 18 else (None, None)
    if made[:2] != b"\x1f\x8b" or crc != zlib.crc32(data) or length != len(data) % 2**32:
        return None
    return made


def _keep_gzip(path: Path, made: bytes) -> None:
    """Keep `made` at `path` (written whole, then renamed), and only the newest 16 copies, so that a checkout's
    folder does not grow with every change of the scoring code. A folder that cannot be written keeps nothing."""
    try:
        partial = path.with_name(f"{path.name}.{os.getpid()}.part")
        partial.write_bytes(made)
        os.replace(partial, path)
        copies = sorted(path.parent.glob("huddle-gzip-*.gz"), key=lambda kept: kept.stat().st_mtime_ns)
        for old in copies[:-16]:
            old.unlink(missing_ok=True)
    except OSError:
        return


def stored(archive: bytes) -> bytes:
    """A zip with the same entries (names, dates, modes, bytes), stored rather than compressed one by one:
    gzip then compresses it as a whole, across entries, 8 % smaller for the standard library, 14 % for the
    scoring package, than the gzip of the compressed zip."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(archive)) as source, zipfile.ZipFile(buffer, "w") as copy:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, info.date_time)
            entry.external_attr, entry.compress_type = info.external_attr, zipfile.ZIP_STORED
            copy.writestr(entry, source.read(info))
    return buffer.getvalue()


@functools.lru_cache(maxsize=4)
def _gzipped_stored(archive: bytes) -> bytes:
    """The gzip copy of `archive` held `stored`: made once per content in a process, as a build asks twice (the
    files it publishes, and their sizes for the page's "of 4.9 MB") and `huddle serve` at each rebuild; storing
    the standard library's 700 entries again took a fifth of a small site's build."""
    return gzipped(stored(archive))


def compressed(files: dict[str, BootFile], scoring: bytes) -> dict[str, bytes]:
    """The gzip copies a site publishes, by path in the site: of GZIPPED boot files (in the same folder, named
    with GZ), and of the scoring zip; a zip's copy holds it `stored`."""

    def copy(name: str, file: BootFile) -> bytes:
        if not name.endswith(".zip"):
            return gzipped(file)
        return _gzipped_stored(file if isinstance(file, bytes) else file.read_bytes())

    return {
        **{name + GZ: copy(name, files[name]) for name in GZIPPED},
        SCORING_ZIP + GZ: copy(SCORING_ZIP, scoring),
    }


def boot_bytes(files: dict[str, BootFile], scoring: bytes) -> dict[str, int]:
    """How many bytes the scoring worker fetches on a first visit, the total of its "4.1 of 4.9 MB": `gzip` where
    the browser decompresses (the imported files plain, the others' gzip copies), `plain` where it cannot."""
    gz = compressed(files, scoring)
    imported = sum(size(files[name]) for name in IMPORTED)
    return {
        "gzip": imported + sum(len(data) for data in gz.values()),
        "plain": imported + sum(size(files[name]) for name in GZIPPED) + len(scoring),
    }


def build_id(pyodide_version: str, scoring: bytes, files: dict[str, BootFile], frameworks: bytes = b"") -> str:
    """What names this build's offline cache: it changes when the scoring code (its zip), Pyodide, what the
    trimmed runtime keeps, or a framework's published JSON (`frameworks`, all of them) does. The offline
    worker does not fetch again a framework.json its cache has (offline.js), so a changed one must come
    with a new cache."""
    trimmed = b"".join(file for file in files.values() if isinstance(file, bytes))
    digest = hashlib.sha256(scoring + trimmed + pyodide_version.encode() + frameworks).hexdigest()
    return digest[:16]
