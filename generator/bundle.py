"""What a site needs from Huddle besides its Python code: the theme, Pyodide's boot files, the demo.

A wheel built by `make dist` carries them inside the package, in
`generator/bundled/`: `setup.py` copies them there from this repository when
it builds the wheel (`copy_into`). In a development checkout (an editable
install) there is no such folder, and they are read where they live in the
repository: `theme/`, `node_modules/pyodide/` (after `npm ci`),
`assessments/` and `content/`. Either way a trust's site needs only Python.

Standard library only (as are the `runtime` and `bytecode` modules it uses):
`setup.py` imports it before Huddle's dependencies are installed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

PYODIDE_BOOT_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
"""The files `loadPyodide` fetches to start with no extra packages."""

PYODIDE_FILES = (*PYODIDE_BOOT_FILES, "package.json")
"""What the wheel carries of the `pyodide` npm package: the boot files, and its version and licence (MPL-2.0)."""

AXE_FILES = ("axe.min.js", "LICENSE", "package.json")
"""What the wheel carries of the `axe-core` npm package, for `huddle audit`: the script, its licence (MPL-2.0)
and version."""

DEMO_FILES = (
    "content/case-studies/ward-huddles.md",
    "docs/branding.md",
    "docs/case-studies.md",
    "docs/collective.md",
    "docs/configuration.md",
    "docs/frameworks.md",
    "docs/hosting.md",
    "docs/authoring.md",
)
"""What `huddle new site` copies from the repository besides the demo's frameworks: a case study, and the
guides an author needs, to branding, hosting, frameworks, case studies, collective views and the options
(kept beside the site, not published in it). The privacy notice and
accessibility statement come from `starter/`: templates with placeholders, where the demo has its own."""

PACKAGE = Path(__file__).resolve().parent
BUNDLED = PACKAGE / "bundled"
CHECKOUT = PACKAGE.parent


def is_packaged() -> bool:
    """Whether this Huddle is an installed wheel that carries its files (else it runs from a checkout)."""
    return BUNDLED.is_dir()


def theme_dir() -> Path:
    """Huddle's templates, scripts and styles, which the plugin adds to Material."""
    return BUNDLED / "theme" if is_packaged() else CHECKOUT / "theme"


def pyodide_dir() -> Path:
    """The pinned Pyodide's boot files: the wheel's copy, or the checkout's `npm ci`."""
    return BUNDLED / "pyodide" if is_packaged() else CHECKOUT / "node_modules" / "pyodide"


def axe_dir() -> Path:
    """axe-core, pinned, which `huddle audit` runs in each page: the wheel's copy, or the checkout's `npm ci`."""
    return BUNDLED / "axe-core" if is_packaged() else CHECKOUT / "node_modules" / "axe-core"


def demo_dir() -> Path:
    """The folder holding the demo's `assessments/*.yml` and DEMO_FILES, which `huddle new site` copies."""
    return BUNDLED / "demo" if is_packaged() else CHECKOUT


def copy_into(target: Path, checkout: Path = CHECKOUT) -> None:
    """Copy the theme, Pyodide's files and the demo's frameworks and pages from `checkout` into `target` (a wheel's
    `generator/bundled/`), replacing what is there; a SystemExit saying what to do if something is missing."""
    pyodide = checkout / "node_modules" / "pyodide"
    axe = checkout / "node_modules" / "axe-core"
    missing = [f"pyodide/{name}" for name in PYODIDE_FILES if not (pyodide / name).is_file()]
    missing += [f"axe-core/{name}" for name in AXE_FILES if not (axe / name).is_file()]
    if missing:
        raise SystemExit(
            f"Cannot build Huddle's wheel: {', '.join(missing)} missing from {checkout / 'node_modules'}. "
            "Run `npm ci` in the repository first (`make dist` does)."
        )
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(checkout / "theme", target / "theme")
    (target / "pyodide").mkdir(parents=True)
    for name in PYODIDE_FILES:
        shutil.copyfile(pyodide / name, target / "pyodide" / name)
    compiled_into(target / "pyodide", pyodide)
    (target / "axe-core").mkdir()
    for name in AXE_FILES:
        shutil.copyfile(axe / name, target / "axe-core" / name)
    (target / "demo" / "assessments").mkdir(parents=True)
    for framework in sorted((checkout / "assessments").glob("*.yml")):
        shutil.copyfile(framework, target / "demo" / "assessments" / framework.name)
    for name in DEMO_FILES:
        (target / "demo" / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(checkout / name, target / "demo" / name)


def compiled_into(target: Path, pyodide: Path) -> None:
    """Put the standard library and scoring package compiled for the browser in `target`, so that a trust's
    site needs no Node.js to start fast (see `bytecode`); the checkout's copies are used, or made and kept."""
    from generator import bytecode, runtime  # standard library only, as this module is

    stdlib = runtime.trimmed_stdlib(pyodide / "python_stdlib.zip")
    scoring = runtime.scoring_zip()
    kept = bytecode.kept_paths(pyodide, stdlib, scoring)
    made = bytecode.read_kept(kept)
    if made is None:
        try:
            made = bytecode.compile_with_node(pyodide, stdlib, scoring)
        except bytecode.CompileError as error:
            raise SystemExit(f"Cannot build Huddle's wheel: {error}. Run `npm ci` in the repository first.") from None
        bytecode.keep(kept, made)
    for path, content in zip(bytecode.kept_paths(target, stdlib, scoring), made, strict=True):
        path.write_bytes(content)
