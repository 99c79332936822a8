"""The standard library compiled ahead of time (generator/bytecode.py), and the source it falls back to."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from generator import bytecode, runtime
from generator.bundle import PYODIDE_FILES
from generator.bytecode_in_pyodide import compile_hot, imported
from tests.assessment_page import answer, see_results
from tests.sites import REPO, copy_fixture, serving

PYODIDE = REPO / "node_modules" / "pyodide"


def test_compiled_entries_load_without_their_source_and_the_rest_stay_source(tmp_path, monkeypatch):
    # The format bytecode.mjs writes, checked with this CPython (Pyodide's is checked in the browser tests).
    source = tmp_path / "lib.zip"
    with zipfile.ZipFile(source, "w") as archive:
        archive.writestr("hot_one.py", '"""Docstring."""\nVALUE = 6 * 7\n')
        archive.writestr("cold_one.py", "VALUE = 1\n")
        archive.writestr("pack/", b"")
        archive.writestr("pack/__init__.py", "from .inner import NAME\n")
        archive.writestr("pack/inner.py", "NAME = 'inner'\n")
    target = tmp_path / "compiled.zip"
    assert compile_hot(str(source), str(target), {"hot_one.py", "pack/__init__.py", "pack/inner.py"}) == 3
    names = zipfile.ZipFile(target).namelist()
    assert names == ["hot_one.pyc", "cold_one.py", "pack/", "pack/__init__.pyc", "pack/inner.pyc"]
    again = tmp_path / "again.zip"
    compile_hot(str(source), str(again), {"hot_one.py", "pack/__init__.py", "pack/inner.py"})
    assert again.read_bytes() == target.read_bytes()  # the same input gives the same bytes

    monkeypatch.syspath_prepend(str(target))
    import cold_one
    import hot_one
    import pack

    assert (hot_one.VALUE, hot_one.__doc__, pack.NAME, cold_one.VALUE) == (42, None, "inner", 1)
    assert hot_one.__file__.endswith("hot_one.pyc") and cold_one.__file__.endswith("cold_one.py")
    modules = [sys.modules[name] for name in ("hot_one", "pack", "pack.inner", "cold_one", "json")]
    assert imported(str(target), modules) == {"cold_one.py"}  # only sources count: compiled ones are done
    for name in ("hot_one", "cold_one", "pack", "pack.inner"):
        del sys.modules[name]


@pytest.fixture
def pyodide_copy(tmp_path) -> Path:
    """Pyodide's files with nothing compiled kept beside them."""
    folder = tmp_path / "pyodide"
    folder.mkdir()
    for name in PYODIDE_FILES:
        shutil.copyfile(PYODIDE / name, folder / name)
    return folder


def test_without_node_and_nothing_kept_the_source_ships(pyodide_copy, monkeypatch):
    stdlib, scoring = runtime.trimmed_stdlib(pyodide_copy / "python_stdlib.zip"), runtime.scoring_zip()
    monkeypatch.setenv("PATH", str(pyodide_copy))  # no node here
    assert bytecode.compiled(pyodide_copy, stdlib, scoring) == (stdlib, scoring)
    assert not list(pyodide_copy.glob("huddle-*"))


def test_kept_copies_are_used_for_their_own_inputs_only(pyodide_copy, monkeypatch):
    stdlib, scoring = runtime.trimmed_stdlib(pyodide_copy / "python_stdlib.zip"), runtime.scoring_zip()
    for path, content in zip(bytecode.kept_paths(pyodide_copy, stdlib, scoring), [b"lib", b"ours"], strict=True):
        path.write_bytes(content)
    monkeypatch.setenv("PATH", str(pyodide_copy))
    assert bytecode.compiled(pyodide_copy, stdlib, scoring) == (b"lib", b"ours")
    changed = scoring.replace(b"generator/scoring/api.py", b"generator/scoring/apx.py")  # another package
    assert bytecode.compiled(pyodide_copy, stdlib, changed) == (stdlib, changed)


def test_node_compiles_both_and_keeps_them_in_place_of_older_copies(pyodide_copy):
    stdlib, scoring = runtime.trimmed_stdlib(pyodide_copy / "python_stdlib.zip"), runtime.scoring_zip()
    (pyodide_copy / "huddle-stdlib-0123456789abcdef.zip").write_bytes(b"older")
    made = bytecode.compiled(pyodide_copy, stdlib, scoring)
    assert sorted(p.name for p in pyodide_copy.glob("huddle-*")) == sorted(
        p.name for p in bytecode.kept_paths(pyodide_copy, stdlib, scoring)
    )
    assert [p.read_bytes() for p in bytecode.kept_paths(pyodide_copy, stdlib, scoring)] == list(made)
    assert "generator/scoring/api.pyc" in zipfile.ZipFile(io.BytesIO(made[1])).namelist()


@pytest.mark.browser
def test_a_site_built_without_node_scores_from_the_source(pyodide_copy, tmp_path, page):
    config = copy_fixture("minimal", tmp_path)
    text = config.read_text()
    config.write_text(
        text.replace("assessments_dir: assessments", f"assessments_dir: assessments\n      pyodide_dir: {pyodide_copy}")
    )
    built = subprocess.run(
        [sys.executable, "-m", "generator", "-q", "-f", str(config), "build"],
        capture_output=True,
        text=True,
        env={"PATH": str(pyodide_copy), "HOME": str(tmp_path), "NO_MKDOCS_2_WARNING": "1"},
    )
    assert built.returncode == 0, built.stderr
    site = config.parent / "site"
    published = next((site / "assets" / "pyodide").iterdir()) / "python_stdlib.zip"
    assert "json/__init__.py" in zipfile.ZipFile(published).namelist()
    assert "generator/scoring/api.py" in zipfile.ZipFile(site / "assets" / "huddle" / "scoring.zip").namelist()
    with serving(site, {}) as url:
        page.goto(url + "assessments/tiny/")
        for item in ("a1", "a2", "b1"):
            answer(page, item, "Sometimes")
        see_results(page)
        assert page.locator("[data-huddle-results-table] tbody tr").count() == 2


def rewritten(archive: bytes, level: int, system: int) -> bytes:
    """The same files in a zip written another way: another compression level and "made on" system."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(archive)) as source, zipfile.ZipFile(buffer, "w") as out:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            entry.create_system = system
            out.writestr(entry, source.read(info), zipfile.ZIP_DEFLATED, level)
    return buffer.getvalue()


def test_the_key_is_the_files_not_the_zip_bytes_a_platform_writes(pyodide_copy):
    # A wheel built on Linux must find its compiled copies on Windows, whose zip headers and zlib differ.
    stdlib, scoring = runtime.trimmed_stdlib(pyodide_copy / "python_stdlib.zip"), runtime.scoring_zip()
    other = rewritten(stdlib, 1, 0), rewritten(scoring, 9, 0)
    assert other != (stdlib, scoring)
    assert bytecode.key(*other) == bytecode.key(stdlib, scoring)
    changed = rewritten(scoring, 9, 0).replace(b"generator/scoring/api.py", b"generator/scoring/apx.py")
    assert bytecode.key(stdlib, changed) != bytecode.key(stdlib, scoring)


def test_a_node_that_fails_is_tried_once_and_the_source_ships(pyodide_copy, tmp_path, monkeypatch, caplog):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    node = bin_dir / "node"  # a Node.js that cannot start Pyodide: it fails, as a broken install would
    node.write_text(f"#!/bin/sh\necho run >> {tmp_path / 'runs'}\necho 'Error: cannot start' >&2\nexit 1\n")
    node.chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))
    stdlib, scoring = runtime.trimmed_stdlib(pyodide_copy / "python_stdlib.zip"), runtime.scoring_zip()
    with caplog.at_level("INFO", logger="mkdocs.plugins.huddle"):
        assert bytecode.compiled(pyodide_copy, stdlib, scoring) == (stdlib, scoring)
        assert bytecode.compiled(pyodide_copy, stdlib, scoring) == (stdlib, scoring)  # a rebuild of `serve`
    assert (tmp_path / "runs").read_text() == "run\n"
    assert "could not compile it (Error: cannot start)" in caplog.text
    assert not list(pyodide_copy.glob("huddle-*")) and not list(pyodide_copy.glob(".huddle-*"))


def test_reading_copies_that_go_away_is_not_an_error(pyodide_copy):
    paths = pyodide_copy / "huddle-stdlib-a.zip", pyodide_copy / "huddle-scoring-a.zip"
    paths[0].write_bytes(b"lib")
    assert bytecode.read_kept(paths) is None  # the second went (another build replaced its inputs)
    paths[1].write_bytes(b"ours")
    assert bytecode.read_kept(paths) == (b"lib", b"ours")
