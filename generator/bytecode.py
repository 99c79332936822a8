"""Python compiled ahead of time for the browser: the scorer starts twice as fast.

Pyodide's `python_stdlib.zip` holds source, so every start compiles each
module the scorer imports, in WebAssembly: about 1.2 of the 2 seconds a start
takes here, and more on a phone; the scoring package takes 0.2 s more.
Bytecode can only be made by the Python it is for (Pyodide's 3.14, not the
build's), so `bytecode.mjs` boots Pyodide in Node.js once, imports the
scoring package, and compiles it and the standard library's modules that
loaded (see `bytecode_in_pyodide.py`). The two zips are kept beside
Pyodide's files as `huddle-stdlib-<key>.zip` and `huddle-scoring-<key>.zip`,
keyed by the trimmed library, the scoring package and the compiler, so each
build after the first reuses them:
- in a checkout, in `node_modules/pyodide/`, made by the first build after
  `npm ci` (which installed Node.js);
- in Huddle's wheel, made by `make dist`, so a trust's site needs no Node.js.

With no Node.js and nothing kept, the site ships the source, which works the
same and starts slower. Standard library only: the wheel's build uses it.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.huddle")

SCRIPT = Path(__file__).with_name("bytecode.mjs")
PREFIX = "huddle-"
TIMEOUT = 120
"""Seconds to wait for Node.js: a start and a compile take about 4 s here."""

BUNDLED = Path(__file__).resolve().parent / "bundled" / "pyodide"
"""The wheel's Pyodide folder (see `bundle`), which carries its compiled copies and is never written to."""

_failed: dict[str, str] = {}
"""Why compiling failed, by Node.js, folder and key, so that `huddle serve`'s rebuilds do not try again and again."""


class CompileError(Exception):
    """The standard library could not be compiled; the message says why, as a sentence."""


def key(stdlib: bytes, scoring: bytes) -> str:
    """What names the compiled copies: the names and contents of the files in the trimmed library and the scoring
    package, and the compiler. Not the zips' bytes, which differ with the platform and zlib that wrote them."""
    digest = hashlib.sha256()
    for archive in (stdlib, scoring):
        with zipfile.ZipFile(io.BytesIO(archive)) as files:
            for name in sorted(files.namelist()):
                digest.update(name.encode() + b"\0" + files.read(name) + b"\0")
    for compiler in (SCRIPT, SCRIPT.with_name("bytecode_in_pyodide.py")):
        digest.update(compiler.read_bytes().replace(b"\r\n", b"\n"))
    return digest.hexdigest()[:16]


def kept_paths(pyodide_dir: Path, stdlib: bytes, scoring: bytes) -> tuple[Path, Path]:
    """Where the compiled standard library and scoring package for these inputs are kept."""
    name = key(stdlib, scoring)
    return pyodide_dir / f"{PREFIX}stdlib-{name}.zip", pyodide_dir / f"{PREFIX}scoring-{name}.zip"


def read_kept(paths: tuple[Path, Path]) -> tuple[bytes, bytes] | None:
    """The kept copies at `paths`, or None if either is missing (or is a link, or went as it was read)."""
    try:
        if any(path.is_symlink() for path in paths):
            return None
        return paths[0].read_bytes(), paths[1].read_bytes()
    except OSError:
        return None


def compiled(pyodide_dir: Path, stdlib: bytes, scoring: bytes) -> tuple[bytes, bytes]:
    """`stdlib` (the trimmed zip) and `scoring` (the package's zip) compiled, kept or made now; as they are if
    neither can be."""
    paths = kept_paths(pyodide_dir, stdlib, scoring)
    found = read_kept(paths)
    if found:
        return found
    node = shutil.which("node")
    attempt = f"{node} {pyodide_dir.resolve()} {paths[0].name}"
    if node and attempt not in _failed:
        try:
            made = compile_with_node(pyodide_dir, stdlib, scoring)
        except CompileError as error:
            _failed[attempt] = str(error)
        else:
            if pyodide_dir.resolve() != BUNDLED:
                keep(paths, made)
            return made
    reason = _failed.get(attempt, "Node.js is not installed (it comes with npm)")
    log.info("Huddle's Python ships as source, so assessments start slower: %s", reason)
    return stdlib, scoring


def compile_with_node(pyodide_dir: Path, stdlib: bytes, scoring: bytes) -> tuple[bytes, bytes]:
    """`stdlib` and `scoring` compiled by Pyodide in Node.js; CompileError if that cannot be done."""
    node = shutil.which("node")
    if node is None:
        raise CompileError("Node.js is not installed (it comes with npm)")
    with tempfile.TemporaryDirectory(prefix="huddle-bytecode-") as work:
        folder = Path(work)
        inputs = folder / "stdlib.zip", folder / "scoring.zip"
        outputs = folder / "stdlib-compiled.zip", folder / "scoring-compiled.zip"
        inputs[0].write_bytes(stdlib)
        inputs[1].write_bytes(scoring)
        command = [node, str(SCRIPT), str(pyodide_dir.resolve()), *map(str, inputs), *map(str, outputs)]
        try:
            done = subprocess.run(
                command, capture_output=True, encoding="utf-8", errors="replace", timeout=TIMEOUT, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise CompileError(f"Node.js did not finish compiling it ({error})") from None
        if done.returncode != 0 or not all(out.is_file() for out in outputs):
            last = (done.stderr.strip().splitlines() or ["no message"])[-1][:300]
            raise CompileError(f"Node.js could not compile it ({last})")
        log.info("Compiled for Pyodide: %s.", done.stdout.strip())
        return outputs[0].read_bytes(), outputs[1].read_bytes()


def keep(paths: tuple[Path, Path], made: tuple[bytes, bytes]) -> None:
    """Keep `made` at `paths` for the next build, then remove the copies kept for other inputs; silently not,
    where the folder is read-only. Each file is replaced whole, so a build reading them never sees half of one."""
    folder = paths[0].parent
    for path, content in zip(paths, made, strict=True):
        partial = path.with_name(f".{path.name}.{os.getpid()}")
        try:
            partial.write_bytes(content)
            partial.replace(path)
        except OSError:
            partial.unlink(missing_ok=True)
            return
    for old in folder.glob(f"{PREFIX}*.zip"):
        if old not in paths:
            old.unlink(missing_ok=True)
