"""Competency frameworks: reading YAML, checking it, and the model the site uses."""

from ..sources import Problem
from .errors import FrameworkError
from .hints import Hint
from .loader import load_framework, load_frameworks, load_hints

__all__ = ["FrameworkError", "Hint", "Problem", "load_framework", "load_frameworks", "load_hints"]
