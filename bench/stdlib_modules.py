"""Which of Pyodide's standard-library files an assessment really uses (a probe for a trimmed runtime).

Builds the demo site, boots the self-hosted Pyodide in headless Chromium as
the scoring worker does, makes the calls the page makes (results with a
comparison, a refused saved file, a Python exception), then prints the
stdlib files in `sys.modules` and what keeping their top-level packages whole
would weigh against the full `python_stdlib.zip`.

    python bench/stdlib_modules.py [--tiny]

It is one probe already: `--tiny` (as every bench takes, for tests/test_bench.py) changes nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.build import build_site  # noqa: E402
from tests.conftest import CHROMIUM_FLAGS, chromium_path  # noqa: E402
from tests.sites import serving  # noqa: E402

PROBE = """async (pyodide) => {
  const { loadPyodide } = await import(pyodide + 'pyodide.mjs');
  const py = await loadPyodide({ indexURL: pyodide, packages: [] });
  py.unpackArchive(await (await fetch('assets/huddle/scoring.zip')).arrayBuffer(), 'zip', { extractDir: '/huddle' });
  py.runPython("import sys; sys.path.insert(0, '/huddle')");
  const framework = await (await fetch('assessments/collective-leadership/framework.json')).text();
  const api = py.pyimport('generator.scoring.api');
  const earlier = { answers: { v1: 2 }, date: '2026-01-01' };
  api.call(framework, 'results', JSON.stringify({ answers: { v1: 3, v2: 'na' }, date: '2026-11-26', earlier }));
  api.call(framework, 'read_saved', JSON.stringify({ text: 'not json' }));
  try { py.runPython("raise ValueError('x')"); } catch {}
  return py.runPython(
    "import sys, json; json.dumps(sorted({getattr(m, '__file__', '') or '' for m in list(sys.modules.values())}))"
  );
}"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tiny", action="store_true", help="the same probe (it is small already)")
    parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="huddle-stdlib-") as work:
        site = build_site(REPO / "site.yml", site_dir=Path(work) / "site")
        (folder,) = [p.name for p in (site / "assets" / "pyodide").iterdir()]  # <version>-<trim>
        with serving(site, {}) as url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
            page = browser.new_page()
            page.goto(url)
            files = json.loads(page.evaluate(PROBE, f"{url}assets/pyodide/{folder}/"))
            browser.close()
    prefix = next(f.rsplit(".zip/", 1)[0] + ".zip/" for f in files if ".zip/" in f)
    used = sorted(f.removeprefix(prefix) for f in files if f.startswith(prefix))
    tops = {name.split("/")[0].removesuffix(".py") for name in used}
    stdlib = zipfile.ZipFile(REPO / "node_modules" / "pyodide" / "python_stdlib.zip")
    kept = [i for i in stdlib.infolist() if i.filename.split("/")[0].removesuffix(".py") in tops]
    print("\n".join(used))
    print(f"{len(used)} files in {len(tops)} top-level modules are used.")
    print(
        f"Keeping those whole: {sum(i.compress_size for i in kept):,} of "
        f"{sum(i.compress_size for i in stdlib.infolist()):,} compressed bytes."
    )


if __name__ == "__main__":
    main()
