"""A trust's site from Huddle's wheel alone: no npm, no node_modules, no checkout of this repository.

The wheel is built as `make dist` builds it and installed into a fresh virtual
environment. Huddle's dependencies come from this test run's own environment
(a folder of links to its installed packages, minus Huddle itself), so pip
installs the wheel offline (`--no-index`) and still checks every requirement.
"""

from __future__ import annotations

import fcntl
import json
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from generator.scoring import score
from tests.assessment_page import answer, expected_scores, framework_of, items_of, label_values, see_results
from tests.conftest import chromium_path
from tests.sites import REPO, serving

pytestmark = pytest.mark.browser

NOT_DEPENDENCIES = ("huddle", "generator", "__editable__", "pip")
"""Entries of this environment's site-packages that the fresh one must not see: Huddle (here an
editable install pointing at this repository, `huddle_leadership-<version>.dist-info`) and pip (run
from here with `--python`)."""


def run(*command: str | Path, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run([str(part) for part in command], cwd=cwd, capture_output=True, text=True, env=env)
    assert result.returncode == 0, f"{' '.join(map(str, command))} failed:\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="session")
def installed_huddle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin folder of a fresh virtual environment with Huddle installed from a freshly built wheel."""
    work = tmp_path_factory.mktemp("wheel")
    # setuptools builds in the checkout (build/, *.egg-info): one build at a time, when `make test`'s workers
    # (pytest-xdist) each want the wheel.
    (REPO / "build").mkdir(exist_ok=True)
    with open(REPO / "build" / "wheel.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        run(
            sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
            "--wheel-dir", work / "dist", REPO, cwd=work,
        )  # fmt: skip
    [wheel] = (work / "dist").glob("*.whl")
    run(sys.executable, "-m", "venv", "--without-pip", work / "venv", cwd=work)
    python = work / "venv" / "bin" / "python"
    deps = work / "deps"
    deps.mkdir()
    for entry in Path(sysconfig.get_paths()["purelib"]).iterdir():
        if not entry.name.startswith(NOT_DEPENDENCIES) and entry.suffix != ".pth":
            (deps / entry.name).symlink_to(entry)
    fresh = run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=work).stdout.strip()
    (Path(fresh) / "huddle-dependencies.pth").write_text(f"{deps}\n")
    run(sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-index", wheel, cwd=work)
    return python.parent


def clean_env(home: Path) -> dict[str, str]:
    """An environment with no trace of this checkout: no PYTHONPATH, no virtual environment, no npm."""
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "NO_MKDOCS_2_WARNING": "1", "LANG": "C.UTF-8"}


def test_a_new_site_builds_from_the_wheel_alone_and_its_assessment_is_scored(installed_huddle, tmp_path, page):
    env = clean_env(tmp_path)
    where = run(installed_huddle / "python", "-c", "import generator; print(generator.__file__)", cwd=tmp_path, env=env)
    assert Path(where.stdout.strip()).is_relative_to(installed_huddle.parent), "Huddle was imported from elsewhere"
    assert not Path(where.stdout.strip()).is_relative_to(REPO)

    folder = tmp_path / "trust-site"
    made = run(installed_huddle / "huddle", "new", "site", folder, "--name", "Example NHS Trust", cwd=tmp_path, env=env)
    assert (folder / "site.yml").is_file() and not (folder / "node_modules").exists()
    # The wheel Huddle was installed from is kept with the site, and requirements.txt installs from it alone.
    [wheel] = (installed_huddle.parent.parent / "dist").glob("*.whl")
    assert (folder / "vendor" / wheel.name).read_bytes() == wheel.read_bytes()
    assert f"Huddle's wheel is in {folder / 'vendor' / wheel.name}, for requirements.txt" in made.stderr
    resolved = run(
        sys.executable, "-m", "pip", "install", "--dry-run", "--no-deps", "--no-index", "--report", "-",
        "--quiet", "-r", "requirements.txt", cwd=folder,
    )  # fmt: skip
    [install] = json.loads(resolved.stdout)["install"]
    assert install["download_info"]["url"] == (folder / "vendor" / wheel.name).as_uri()
    run(installed_huddle / "huddle", "check", cwd=folder, env=env)
    # With no Node.js on the PATH: the wheel carries the standard library compiled (generator/bytecode.py).
    (tmp_path / "empty-bin").mkdir()
    no_node = {**env, "PATH": str(tmp_path / "empty-bin")}
    # Strict, a new site is refused until its placeholders are filled in; the preview builds.
    strict = subprocess.run(
        [installed_huddle / "huddle", "build", "--strict"], cwd=folder, env=no_node, capture_output=True, text=True
    )
    assert strict.returncode == 1 and "{{ branding.dpo }} has no value" in strict.stderr
    run(installed_huddle / "huddle", "build", cwd=folder, env=no_node)
    site = folder / "site"
    version = json.loads((REPO / "package.json").read_text())["dependencies"]["pyodide"]
    (pyodide,) = (site / "assets" / "pyodide").iterdir()  # <version>-<trim>
    assert pyodide.name.startswith(version + "-") and (pyodide / "pyodide.asm.wasm").is_file()
    stdlib = zipfile.ZipFile(pyodide / "python_stdlib.zip").namelist()
    assert "json/__init__.pyc" in stdlib and "json/__init__.py" not in stdlib
    assert "Example NHS Trust" in (site / "index.html").read_text()

    path = "assessments/collective-leadership/"
    framework = framework_of(site, path)
    labels = list(label_values(framework))
    given = {item.id: labels[n % len(labels)] for n, item in enumerate(items_of(framework))}
    with serving(site, {}) as url:
        page.goto(url + path)
        for item_id, label in given.items():
            answer(page, item_id, label)
        see_results(page)
        shown = {
            row.get_attribute("data-competency"): row.locator("[data-score]").inner_text()
            for row in page.locator("[data-huddle-results-table] tbody tr").all()
        }
    values = label_values(framework)
    assert shown == expected_scores(score(framework, {i: values[label] for i, label in given.items()}))


def test_the_wheel_is_huddle_leadership_with_the_huddle_command_and_plugin(installed_huddle):
    from generator import __version__

    # Never "huddle": on PyPI that is another project, which a requirement naming it would install.
    [wheel] = (installed_huddle.parent.parent / "dist").glob("*.whl")
    assert wheel.name == f"huddle_leadership-{__version__}-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as archive:
        metadata = archive.read(f"huddle_leadership-{__version__}.dist-info/METADATA").decode()
    assert "\nName: huddle-leadership\n" in metadata
    listed = run(
        installed_huddle / "python", "-c",
        "import importlib.metadata as m, json; entry_points = m.distribution('huddle-leadership').entry_points; "
        "print(json.dumps(sorted([e.group, e.name, e.value] for e in entry_points)))",
        cwd=installed_huddle,
    )  # fmt: skip
    assert json.loads(listed.stdout) == [
        ["console_scripts", "huddle", "generator.cli:main"],
        ["mkdocs.plugins", "huddle", "generator.plugin:HuddlePlugin"],
    ]


def test_new_site_refuses_a_folder_that_is_not_empty(installed_huddle, tmp_path):
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "notes.txt").write_text("mine")
    result = subprocess.run(
        [installed_huddle / "huddle", "new", "site", "taken", "--name", "Example NHS Trust"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**clean_env(tmp_path)},
    )
    assert result.returncode == 1
    assert "'taken' is not an empty folder; `huddle new site` never writes over files" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken"] and os.listdir(tmp_path / "taken") == ["notes.txt"]


@pytest.mark.long
@pytest.mark.timeout(600)  # three scorer boots and a download that fails after its two waits (20 s)
def test_the_wheels_audit_runs_with_no_npm_and_finds_a_new_sites_pages_and_states_clean(installed_huddle, tmp_path):
    """axe-core comes in the wheel; Chromium is the system's (or Playwright's own, on a laptop). The new
    site's assessment pages, in every state the audit reaches on them: `make audit` audits all its pages."""
    env = clean_env(tmp_path)
    (tmp_path / "empty-bin").mkdir()
    chromium = chromium_path()
    browsers = os.environ.get("PLAYWRIGHT_BROWSERS_PATH", str(Path.home() / ".cache" / "ms-playwright"))
    no_npm = {**env, "PATH": str(tmp_path / "empty-bin"), "PLAYWRIGHT_BROWSERS_PATH": browsers}
    if chromium:
        no_npm["HUDDLE_CHROMIUM"] = chromium
    folder = tmp_path / "trust-site"
    run(installed_huddle / "huddle", "new", "site", folder, "--name", "Example NHS Trust", cwd=tmp_path, env=env)
    run(installed_huddle / "huddle", "build", cwd=folder, env=no_npm)
    audited = subprocess.run(
        [installed_huddle / "huddle", "audit", "site", "--pages", "/assessments/collective-leadership/*"],
        cwd=folder, env=no_npm, capture_output=True, text=True,
    )  # fmt: skip
    report = json.loads((folder / "audit" / "report.json").read_text(encoding="utf-8"))
    assert audited.returncode == 0, f"{json.dumps(report['findings'], indent=1)}\n{audited.stderr}"
    assert "No failures in 6 pages" in audited.stderr
    assert report["browser"].startswith("Chromium ") and report["states"] > 6 * 4  # the states too
    # The statement's "How we tested this website" is the report's, once the site is built again.
    run(installed_huddle / "huddle", "build", cwd=folder, env=no_npm)
    statement = (folder / "site" / "accessibility" / "index.html").read_text(encoding="utf-8")
    assert "we tested 6 pages of this website" in statement and "The audit found no failures." in statement
