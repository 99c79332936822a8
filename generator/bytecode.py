"""The trimmed standard library with its hot modules compiled ahead of time: the scorer starts twice as fast.

Pyodide's `python_stdlib.zip` holds source, so every start compiles each
module the scorer imports, in WebAssembly: about 1.2 of the 2 seconds a start
takes here, and more on a phone. Bytecode can only be made by the Python it
is for (Pyodide's 3.14, not the build's), so `bytecode.mjs` boots Pyodide in
Node.js once, imports the scoring package, and compiles the modules that
loaded (see `bytecode_in_pyodide.py`). The result is kept beside Pyodide's
files as `huddle-stdlib-<key>.zip`, keyed by the trimmed library and the
scoring package, so each build after the first reuses it:
- in a checkout, in `node_modules/pyodide/`, made by the first build after
  `npm ci` (which installed Node.js);
- in Huddle's wheel, made by `make dist`, so a trust's site needs no Node.js.

With no Node.js and nothing kept, the site ships the source, which works the
same and starts slower. Standard library only: the wheel's build uses it.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.huddle")

SCRIPT = Path(__file__).with_name("bytecode.mjs")
PREFIX = "huddle-stdlib-"
TIMEOUT = 300
"""Seconds to wait for Node.js: a start and a compile take about 4 s here."""


class CompileError(Exception):
    """The standard library could not be compiled; the message says why, as a sentence."""


def key(stdlib: bytes, scoring: bytes) -> str:
    """What names the compiled copy: it changes with the trimmed library, the scoring package or the compiler."""
    compiler = SCRIPT.read_bytes() + SCRIPT.with_name("bytecode_in_pyodide.py").read_bytes()
    return hashlib.sha256(b"\0".join([stdlib, scoring, compiler])).hexdigest()[:16]


def kept_path(pyodide_dir: Path, stdlib: bytes, scoring: bytes) -> Path:
    return pyodide_dir / f"{PREFIX}{key(stdlib, scoring)}.zip"


def compiled_stdlib(pyodide_dir: Path, stdlib: bytes, scoring: bytes) -> bytes:
    """The compiled copy of `stdlib` (the trimmed zip), kept or made now; `stdlib` itself if neither can be."""
    kept = kept_path(pyodide_dir, stdlib, scoring)
    if kept.is_file() and not kept.is_symlink():
        return kept.read_bytes()
    try:
        compiled = compile_with_node(pyodide_dir, stdlib, scoring)
    except CompileError as error:
        log.info("Pyodide's standard library ships as source, so assessments start slower: %s", error)
        return stdlib
    keep(kept, compiled)
    return compiled


def compile_with_node(pyodide_dir: Path, stdlib: bytes, scoring: bytes) -> bytes:
    """`stdlib` with its hot modules compiled by Pyodide in Node.js; CompileError if that cannot be done."""
    node = shutil.which("node")
    if node is None:
        raise CompileError("Node.js is not installed (it comes with npm)")
    with tempfile.TemporaryDirectory(prefix="huddle-bytecode-") as work:
        source, package, out = Path(work, "stdlib.zip"), Path(work, "scoring.zip"), Path(work, "compiled.zip")
        source.write_bytes(stdlib)
        package.write_bytes(scoring)
        command = [node, str(SCRIPT), str(pyodide_dir.resolve()), str(source), str(package), str(out)]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise CompileError(f"Node.js did not finish compiling it ({error})") from None
        if done.returncode != 0 or not out.is_file():
            last = (done.stderr.strip().splitlines() or ["no message"])[-1][:300]
            raise CompileError(f"Node.js could not compile it ({last})")
        log.info("Compiled %s of the standard library's modules for Pyodide.", done.stdout.strip())
        return out.read_bytes()


def keep(path: Path, compiled: bytes) -> None:
    """Keep `compiled` at `path` for the next build, in place of older copies; silently not, where read-only."""
    try:
        for old in path.parent.glob(f"{PREFIX}*.zip"):
            old.unlink()
        partial = path.with_name(f".{path.name}.{os.getpid()}")
        partial.write_bytes(compiled)
        partial.replace(path)
    except OSError:
        pass
