"""Markdown for the pages Huddle generates, as pure functions of the data.

Links between pages are relative `.md` links, so MkDocs checks them in strict
mode and rewrites them for the site's URL style. Framework text that is
Markdown comes in already rendered, through a `Text` function.
"""

from .assessment import assessment_page
from .framework import Text
from .printable import printable_page

__all__ = ["Text", "assessment_page", "printable_page"]
