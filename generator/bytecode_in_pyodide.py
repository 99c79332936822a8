"""Runs inside Pyodide, started by `bytecode.mjs`: the standard library's hot modules, compiled.

Standard library only, and never imported by Huddle itself: `bytecode.mjs`
boots Pyodide on the trimmed standard library, imports the scoring package
as the worker does and notes the modules loaded, then runs this file, whose
`compile_hot` writes a copy of
the zip in which every module imported so far is replaced by its bytecode
(`name.pyc`, which zipimport loads without the source). The rest stay
source: they are rarely imported, and source is smaller than bytecode.

Compiled with docstrings and assertions left out (`optimize=2`) and without
column positions (`bytecode.mjs` sets PYTHONNODEBUGRANGES), which makes the
bytecode about the size of the source it replaces; tracebacks still give
file and line.
"""

from __future__ import annotations

import importlib.util
import marshal
import zipfile

DATE = (1980, 1, 1, 0, 0, 0)
"""Every entry's date, so that the same input always gives the same bytes."""

UNCHECKED_HASH_PYC = (0b01).to_bytes(4, "little")
"""A .pyc header's flags: based on the source's hash, never checked (there is no source beside it)."""


def imported(zip_path: str, modules: list[object]) -> set[str]:
    """The entries of `zip_path` that `modules` were imported from, such as `json/decoder.py`."""
    prefix = zip_path + "/"
    files = {getattr(module, "__file__", None) or "" for module in modules}
    return {name.removeprefix(prefix) for name in files if name.startswith(prefix) and name.endswith(".py")}


def compile_hot(source: str, target: str, hot: set[str]) -> int:
    """Copy the zip `source` to `target` with each entry in `hot` compiled to bytecode; how many were."""
    compiled = 0
    with zipfile.ZipFile(source) as archive, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for info in archive.infolist():
            data = archive.read(info)
            name = info.filename
            if name in hot:
                code = compile(data, name, "exec", dont_inherit=True, optimize=2)
                data = importlib.util.MAGIC_NUMBER + UNCHECKED_HASH_PYC + importlib.util.source_hash(data)
                data += marshal.dumps(code)
                name += "c"
                compiled += 1
            entry = zipfile.ZipInfo(name, date_time=DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            out.writestr(entry, data)
    return compiled
