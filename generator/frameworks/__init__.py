"""Competency frameworks: reading YAML, checking it, and the model the site uses."""

from ..sources import Problem
from .errors import FrameworkError
from .loader import load_framework, load_frameworks

__all__ = ["FrameworkError", "Problem", "load_framework", "load_frameworks"]
