"""Builds Huddle's wheel with the files a site needs besides the Python code (see generator/bundle.py).

Everything else about the package is in pyproject.toml; this file only adds
the copy step, which pyproject.toml cannot express.
"""

import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

# `generator/__init__.py` imports nothing, and bundle.py and what it uses need only the standard library,
# so they load here before Huddle's dependencies are installed.
sys.path.insert(0, str(Path(__file__).parent))
from generator import bundle  # noqa: E402


class BuildWithBundle(build_py):
    """build_py, then the theme, Pyodide's boot files and the demo's frameworks and pages into `generator/bundled/`.

    An editable install (`pip install -e`) reads them from the checkout instead.
    """

    def run(self) -> None:
        super().run()
        if not self.editable_mode:
            bundle.copy_into(Path(self.build_lib) / "generator" / "bundled", Path(__file__).parent)


setup(cmdclass={"build_py": BuildWithBundle})
