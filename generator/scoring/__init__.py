"""Scoring of Huddle self-assessments.

This package runs unchanged in CPython (tests, the build) and in Pyodide (the
browser), so it imports nothing but the Python standard library; a test
enforces that. Functions are pure: framework and answers in, result out.
"""

from .api import call
from .report import compare, read_saved, report
from .score import NOT_APPLICABLE, score

__all__ = ["NOT_APPLICABLE", "call", "compare", "read_saved", "report", "score"]
