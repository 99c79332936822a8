"""Markdown for the pages Huddle generates, as pure functions of the data.

Links between pages are relative `.md` links, so MkDocs checks them in strict
mode and rewrites them for the site's URL style.
"""

from .assessment import assessment_page
from .printable import printable_page
from .uris import assessment_uri, competency_uri, framework_uri, print_uri

__all__ = ["assessment_page", "assessment_uri", "competency_uri", "framework_uri", "print_uri", "printable_page"]
