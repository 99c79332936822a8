"""A trimmed Pyodide runtime: the standard library and package lock that scoring needs, and nothing else.

Pyodide's `python_stdlib.zip` holds all of Python's standard library, 2.5 MB
compressed, and an assessment imports about a twelfth of it. The build
publishes a copy that keeps only the modules below, whole, so a person on a
slow connection downloads half of it. The list comes from
`bench/stdlib_modules.py`, which boots Pyodide as the scoring worker does,
makes every call the page makes and prints what was imported; re-run it when
Pyodide or the scoring package changes. The browser tests all run on the
trimmed runtime, and one compares its scores with CPython's. `bytecode.py`
then compiles the modules the scorer imports, so that no start compiles them.

`pyodide-lock.json` lists Pyodide's optional packages; scoring loads none, so
the published lock keeps Pyodide's `info` and no packages.
"""

from __future__ import annotations

import functools
import io
import json
import zipfile
from pathlib import Path

KEPT_MODULES = frozenset(
    [
        "__future__",
        "_collections_abc",
        "_colorize",
        "_opcode_metadata",
        "_py_warnings",
        "_pyodide",
        "_sitebuiltins",
        "_ssl",
        "_sysconfigdata__emscripten_wasm32-emscripten",
        "_weakrefset",
        "abc",
        "annotationlib",
        "ast",
        "asyncio",
        "base64",
        "bisect",
        "bz2",
        "codecs",
        "codeop",
        "collections",
        "compression",
        "concurrent",
        "contextlib",
        "contextvars",
        "copy",
        "copyreg",
        "csv",
        "dataclasses",
        "datetime",
        "decimal",
        "dis",
        "enum",
        "fnmatch",
        "fractions",
        "functools",
        "genericpath",
        "glob",
        "hashlib",
        "heapq",
        "hmac",
        "html",
        "importlib",
        "inspect",
        "io",
        "json",
        "keyword",
        "linecache",
        "locale",
        "logging",
        "lzma",
        "ntpath",
        "numbers",
        "opcode",
        "operator",
        "os",
        "pathlib",
        "posixpath",
        "pyodide",
        "random",
        "re",
        "reprlib",
        "selectors",
        "shutil",
        "signal",
        "site",
        "socket",
        "ssl",
        "stat",
        "string",
        "struct",
        "subprocess",
        "tempfile",
        "textwrap",
        "threading",
        "token",
        "tokenize",
        "traceback",
        "types",
        "typing",
        "warnings",
        "weakref",
        "zipfile",
        "zipimport",
    ]
)
"""Top-level modules and packages kept whole: what an assessment imports in Pyodide."""

KEPT_ENCODINGS = frozenset(
    ["__init__", "aliases", "ascii", "cp437", "latin_1", "utf_8", "utf_8_sig", "utf_16", "utf_32"]
)
"""Of `encodings` (a third of the zip, mostly code pages), the codecs Python and zipfile use by name."""


LEFT_OUT = frozenset(
    [
        "asyncio/__main__.py",
        "asyncio/tools.py",
        "asyncio/windows_events.py",
        "asyncio/windows_utils.py",
        "concurrent/futures/interpreter.py",
        "concurrent/futures/process.py",
        "concurrent/interpreters/",
        "json/__main__.py",
        "json/tool.py",
        "logging/config.py",
        "logging/handlers.py",
        "pyodide/_nodesock_transport.py",
        "pyodide/console.py",
        "zipfile/__main__.py",
    ]
)
"""Of the kept packages, what cannot run in a browser's worker or serves only a command line or a console:
Windows, processes and subinterpreters, Node.js sockets, `python -m` tools, logging to files and sockets.
A folder (ending in /) is left out whole."""


def kept(name: str) -> bool:
    """Whether the trimmed standard library keeps the zip entry `name`."""
    if any(name == out or (out.endswith("/") and name.startswith(out)) for out in LEFT_OUT):
        return False
    top, _, rest = name.partition("/")
    if top == "encodings":
        return not rest or rest.removesuffix(".py") in KEPT_ENCODINGS
    return top.removesuffix(".py") in KEPT_MODULES


def trimmed_stdlib(full: Path) -> bytes:
    """`full` (Pyodide's python_stdlib.zip) with only the kept entries, each compressed as it was.

    Made once per version of the file: the rebuilds of `huddle serve` reuse it.
    """
    stat = full.stat()
    return _trimmed_stdlib(full.resolve(), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=2)
def _trimmed_stdlib(full: Path, _mtime: int, _size: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(full) as source, zipfile.ZipFile(buffer, "w") as trimmed:
        for info in source.infolist():
            if kept(info.filename):
                trimmed.writestr(info, source.read(info))
    return buffer.getvalue()


def trimmed_lock(full: Path) -> bytes:
    """`full` (pyodide-lock.json) keeping its `info`, which Pyodide checks at boot, and no packages."""
    lock = json.loads(full.read_text(encoding="utf-8"))
    return json.dumps({"info": lock["info"], "packages": {}}, separators=(",", ":")).encode()


SCORING = Path(__file__).with_name("scoring")


def scoring_zip() -> bytes:
    """`generator/scoring/*.py` as a zip Pyodide can unpack: that package and nothing else.

    Without `generator/__init__.py` in the zip, `generator` is a namespace
    package in the browser, so only the scoring package is ever imported
    there. Entries are sorted and dated 1980-01-01 so that the same source
    always gives the same bytes.
    """
    sources = sorted(SCORING.glob("*.py"))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for source in sources:
            name = source.relative_to(SCORING.parent.parent).as_posix()
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, source.read_bytes())
    return buffer.getvalue()
