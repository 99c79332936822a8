"""The scoring package runs in Pyodide, so it may import only the standard library."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile

from generator import runtime
from tests.sites import REPO

PROBE = """
import importlib, json, pkgutil, sys
before = set(sys.modules)
import generator.scoring
for module in pkgutil.iter_modules(generator.scoring.__path__):
    importlib.import_module("generator.scoring." + module.name)
print(json.dumps(sorted(set(sys.modules) - before)))
"""


def imported_by_scoring() -> list[str]:
    """Every module that importing each scoring module brings in, in a fresh CPython."""
    output = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(REPO)},
    ).stdout
    return json.loads(output)


def test_scoring_imports_nothing_but_the_standard_library():
    imported = imported_by_scoring()
    ours = {"generator", "generator.scoring"} | {m for m in imported if m.startswith("generator.scoring.")}
    foreign = [name for name in imported if name not in ours and name.split(".")[0] not in sys.stdlib_module_names]
    assert "generator.scoring" in imported
    assert foreign == []
    assert not [name for name in imported if name.startswith("generator.") and name not in ours]


def test_the_trimmed_runtime_keeps_every_standard_module_scoring_imports():
    """What scoring imports in CPython is a floor for what it imports in Pyodide (whose own start-up
    modules `bench/stdlib_modules.py` finds): every such module in Pyodide's zip must be kept."""
    full = zipfile.ZipFile(REPO / "node_modules" / "pyodide" / "python_stdlib.zip")
    in_zip = {info.filename.split("/")[0].removesuffix(".py") for info in full.infolist()}
    needed = {name.split(".")[0] for name in imported_by_scoring()} & in_zip
    assert "csv" in needed
    assert (
        sorted(name for name in needed if not runtime.kept(f"{name}/__init__.py") and not runtime.kept(f"{name}.py"))
        == []
    )
