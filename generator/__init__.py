"""Huddle: a static site generator for leadership knowledge bases and
anonymous self-assessment in health care.

This module is shipped to the browser with `generator.scoring`, so it must
import nothing (the MkDocs plugin lives in `generator.plugin`).
"""

__version__ = "0.1.0"
