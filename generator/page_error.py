"""The error Huddle raises about one page while MkDocs reads or renders it."""

from __future__ import annotations

from mkdocs.exceptions import PluginError


class PageError(PluginError):
    """An error about one page whose message starts by naming the page's file.

    MkDocs logs a bare "Error reading page 'x.md':" line before such an error; build.py leaves that line out
    when the error is a PageError, which already says where (other plugins' errors keep it)."""
