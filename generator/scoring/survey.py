"""Answers from a survey tool's export (CSV), such as Microsoft Forms or Qualtrics set to anonymous.

The first row names the columns. A column is matched to an item by the item's
id, or by its statement (compared without case, spacing or punctuation);
the person maps the rest by hand (`mapping`: column number to item id, or ""
to leave it out). Answers are read by the scale's label (exactly, then
without case) or its number; "not applicable" by its label; an empty cell is
no answer. Each row is one person; a row with an answer that cannot be read
is reported with its row number and left out, and the rest still count. A
file over 20 MB, 500 columns or 100,000 rows is refused with a sentence before
its cells are read. Standard library only (runs in Pyodide).
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .codes import Code
from .kinds import Role
from .model import NOT_APPLICABLE, Framework
from .strings import HUDDLE, Messages

MAX_BYTES = 20_000_000
"""The largest export read (20 MB): 10,000 people answering 30 statements is about 2 MB."""
MAX_COLUMNS = 500
"""The most columns read: an export has one for each question, and a few more (times, ids)."""
MAX_ROWS = 100_000
"""The most rows of answers read, one a person: more than the staff of the largest trust who would answer."""
MAX_CELL_SHOWN = 40
"""How much of a cell a problem quotes: enough to find it, never a whole paragraph."""


@dataclass(frozen=True, slots=True)
class Survey:
    columns: tuple[str, ...]
    matched: Mapping[int, str]
    """Column number to item id, found or given."""
    unmatched: tuple[int, ...]
    """Columns matched to no item: offered for mapping by hand."""
    people: tuple[Code, ...]
    problems: tuple[tuple[int, str], ...]
    """(row number in the file, sentence)."""
    rows: tuple[int, ...] = ()
    """The row number in the file of each of `people`."""
    labels: tuple[str, ...] = ()
    """With a grouping column: the cell of it in each of `people`'s rows (their team, directorate, ...)."""


class SurveyError(ValueError):
    """A file that cannot be read as a survey export at all."""


def _plain(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text).strip().casefold()


NUMBERED = re.compile(r"^\s*(?:q(?:uestion)?\s*)?\d+\s*[.):-]\s*", re.I)
"""A question number some survey tools put before a column's text: "Q1. ", "3) ", "Question 2: "."""

IMPORT_IDS = '{"ImportId"'
"""How a cell of Qualtrics' third header row starts (its second row repeats the questions)."""


_FIELD = re.compile(r'(?:"[^"]*(?:""[^"]*)*"|[^,\r\n"]*)[^,\r\n]*')
"""One cell of a CSV row, quoted (with any commas, line breaks and doubled quotes in it) or not."""


def _columns(text: str) -> int:
    """How many columns the first row of `text` has, counted without making its cells, and only up to one more
    than MAX_COLUMNS: a file of 30,000 columns is refused before 30,000 cells (and their choices) are made."""
    columns, at = 1, 0
    while columns <= MAX_COLUMNS:
        field = _FIELD.match(text, at)  # it matches everywhere: a field may be empty
        at = field.end() if field else len(text)
        if not text.startswith(",", at):
            break
        columns, at = columns + 1, at + 1
    return columns


def _match(framework: Framework, header: str) -> str | None:
    wanted = _plain(NUMBERED.sub("", header))
    for item in framework.items():
        if header.strip() == item.id or wanted in (_plain(item.text), _plain(item.id)):
            return item.id
    return None


def _reader(framework: Framework) -> dict[str, Any]:
    """Every way an answer may be written, to the value it stands for."""
    values: dict[str, Any] = {}
    for value, label in framework.scale.answers():
        values[label] = value
        values.setdefault(label.casefold(), value)
        if value != NOT_APPLICABLE:
            values.setdefault(str(value), value)
    return values


def read_survey(
    framework: Framework,
    text: str,
    mapping: Mapping[str, str] | None = None,
    grouped_by: int | None = None,
    messages: Messages = HUDDLE,
) -> Survey:
    """The people in a survey export, with the columns matched and the rows that could not be read; with
    `grouped_by` (a column's number), each person's cell of that column too."""
    say = messages.say
    if len(text) > MAX_BYTES:
        raise SurveyError(say("survey-too-big"))
    text = text.removeprefix("\ufeff")
    if _columns(text) > MAX_COLUMNS:
        raise SurveyError(say("survey-too-many-columns", most=f"{MAX_COLUMNS:,}"))
    try:
        rows = list(itertools.islice(csv.reader(io.StringIO(text)), MAX_ROWS + 2))  # the header, then one a person
    except csv.Error:
        raise SurveyError(say("survey-not-csv")) from None
    if len(rows) > MAX_ROWS + 1:
        raise SurveyError(say("survey-too-many-rows", most=f"{MAX_ROWS:,}"))
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise SurveyError(say("survey-no-header"))
    columns = tuple(cell.strip() for cell in rows[0])
    if grouped_by is not None and not 0 <= grouped_by < len(columns):
        raise SurveyError(say("survey-no-such-column"))
    items = {item.id for item in framework.items()}
    matched: dict[int, str] = {}
    for number, header in enumerate(columns):
        if number == grouped_by:
            continue  # the grouping column: never a statement
        given = (mapping or {}).get(str(number))
        if given is not None:
            if given in items:
                matched[number] = given
            continue
        found = _match(framework, header)
        if found and found not in matched.values():
            matched[number] = found
    unmatched = tuple(n for n in range(len(columns)) if n not in matched and n != grouped_by)
    if not matched:  # nothing counts yet: the columns are offered for mapping by hand, with why
        return Survey(columns, {}, unmatched, (), ((1, say("survey-no-match", use=say("survey-use"))),))
    values = _reader(framework)
    people: list[Code] = []
    rows_of_people: list[int] = []
    labels: list[str] = []
    problems: list[tuple[int, str]] = []
    for row_number, row in enumerate(rows[1:], start=2):
        cells = {column: row[column].strip() for column in matched if column < len(row)}
        if not any(cells.values()) or all(
            not cell or cell == columns[column] or cell.startswith(IMPORT_IDS) for column, cell in cells.items()
        ):
            continue  # an empty row, or a second header row (Qualtrics' question texts and import ids)
        answers: dict[str, Any] = {}
        problem = None
        for column, item_id in matched.items():
            cell = row[column].strip() if column < len(row) else ""
            if not cell:
                continue
            value = values.get(cell, values.get(cell.casefold()))
            if value is None:
                shown = cell if len(cell) <= MAX_CELL_SHOWN else cell[:MAX_CELL_SHOWN] + "…"
                problem = say("survey-row-unreadable", row=row_number, answer=shown, column=columns[column])
                break
            answers[item_id] = value
        if problem:
            problems.append((row_number, problem))
        elif not answers:
            problems.append((row_number, say("survey-row-empty", row=row_number)))
        else:
            people.append(Code(group="", role=Role.SELF, answers=answers, text=f"row {row_number}"))
            rows_of_people.append(row_number)
            if grouped_by is not None:
                labels.append(" ".join(row[grouped_by].split()) if grouped_by < len(row) else "")
    return Survey(columns, matched, unmatched, tuple(people), tuple(problems), tuple(rows_of_people), tuple(labels))
