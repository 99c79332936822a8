"""Huddle: a static site generator for leadership knowledge bases and
anonymous self-assessment in health care.

The MkDocs plugin lives in `generator.plugin`, the command in `generator.cli`;
`generator.scoring` is the part that also runs in the browser.
"""

__version__ = "0.1.0"
