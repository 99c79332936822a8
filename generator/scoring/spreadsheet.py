"""Every CSV file the site offers for download, written so that a spreadsheet shows its cells and runs none.

A competency title, a band label or a framework version is an author's text, and
a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is run as a
formula by Excel, LibreOffice and Google Sheets (`=HYPERLINK(...)` sends whoever
clicks it elsewhere). So every text cell that starts with one of them gets a
leading `'`, as OWASP's CSV injection guidance advises, and the spreadsheet
shows it as text. Numbers our own code wrote (counts, and scores as `Figure`)
are left as they are, so a spreadsheet still reads a negative change as a number:
they are never author text.

Standard library only: this runs in Pyodide too.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""How a cell a spreadsheet would run as a formula starts (OWASP's list)."""

_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


class Figure(str):
    """A number our own code wrote as text ("3.4", "-0.3"), kept as it is; anything else in one is text."""

    __slots__ = ()


def cell(value: object) -> str:
    """`value` as a CSV cell that a spreadsheet cannot run: text that could be a formula starts with `'`."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    text = str(value)
    if isinstance(value, Figure) and _NUMBER.fullmatch(text):
        return text
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def to_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """The CSV text of `header` and `rows`, every cell through `cell`, lines ending as Excel expects."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([cell(name) for name in header])
    writer.writerows([cell(value) for value in row] for row in rows)
    return out.getvalue()
