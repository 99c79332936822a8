"""Huddle's browser package: the framework model, scoring, and the results view.

This package runs unchanged in CPython (tests, the build) and in Pyodide (the
browser), so it imports nothing but the Python standard library; a test
enforces that, and the build ships this folder alone. Functions are pure:
framework and answers in, result or HTML out.
"""

from .api import call
from .model import NOT_APPLICABLE, Framework, normalise
from .report import compare, read_saved, report
from .score import score

__all__ = ["NOT_APPLICABLE", "Framework", "call", "compare", "normalise", "read_saved", "report", "score"]
