"""Builds Huddle's wheel with the files a site needs besides the Python code (see generator/bundle.py).

Everything else about the package is in pyproject.toml; this file only adds
the copy step, which pyproject.toml cannot express.
"""

import importlib.util
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

_spec = importlib.util.spec_from_file_location("huddle_bundle", Path(__file__).parent / "generator" / "bundle.py")
bundle = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bundle)


class BuildWithBundle(build_py):
    """build_py, then the theme, Pyodide's boot files and the demo's frameworks and pages into `generator/bundled/`.

    An editable install (`pip install -e`) reads them from the checkout instead.
    """

    def run(self) -> None:
        super().run()
        if not self.editable_mode:
            bundle.copy_into(Path(self.build_lib) / "generator" / "bundled", Path(__file__).parent)


setup(cmdclass={"build_py": BuildWithBundle})
