"""A result code: a person's answers as a short line of text they choose to share.

A code reads `H1:<framework id>:<version>:<group>:<role>:<nonce>:<answers>:<check>`:

- `H1` is the format and its version.
- The framework's id and version: a code only counts against the same ones.
- `group` is the answer group the person chose (say `executive`), or empty.
- `role` is empty for a person's own answers, or the rater's role in 360
  feedback: `manager`, `peer`, `report` (a direct report) or `other`.
- `nonce` is three random characters the page adds, so that two people who
  gave the same answers still have different codes, and a code pasted twice
  can be told apart from them and counted once.
- `answers` has one character per item, in the framework's order: `0` for no
  answer, `1` for "not applicable", and `2`, `3`, ... for the scale's points
  from the lowest.
- `check` is the CRC-32 of everything before it, in base 32: a code cut short
  or changed by hand is refused.

A *sealed* code (`H2:...`, made in the page from an invitation, `seal.js`) keeps
the framework, version and collection in the clear and the rest encrypted to the
collection's key. The page opens it with the key file into the H1 code it holds
followed by `|<n>.<ticket>`, the invitation's number and ticket, which
`sealed.py` checks; an H2 code still in the text is one the page could not open.

No name, no date, no notes and no free text ever go into a code. Standard
library only (runs in Pyodide). Documented for people in docs/collective.md.
"""

from __future__ import annotations

import binascii
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from . import sealed
from .alphabet import ALIASES, ALPHABET
from .kinds import Role
from .model import NOT_APPLICABLE, Framework
from .strings import HUDDLE, Messages

FORMAT = "H1"
UNANSWERED, NOT_APPLICABLE_SYMBOL = "0", "1"
NONCE_LENGTH = 3
MAX_CODE_LENGTH = 2_000
"""Longer than any real code (a framework has at most a few hundred items); a longer line is refused unread."""

_FORMAT = re.compile(r"H(\d+)")
_IN_LINE = re.compile(r"(?<![0-9A-Za-z])[Hh]\d+:[^\s\"',;<>]+")
"""A code inside a longer line: a chat message's "[26/11, 10:31] Jane: H1:...", a CSV row's cell, a "- " bullet."""


class CodeError(ValueError):
    """A code that cannot be counted, with a sentence for the person who pasted it."""


class SealedCodeError(CodeError):
    """A sealed code left unopened (no key file, another collection's, or one it cannot open): what to say depends
    on the collection loaded, which `read_codes` knows."""

    def __init__(self, collection: str, messages: Messages) -> None:
        super().__init__(messages.say("code-sealed-no-key"))
        self.collection = collection


@dataclass(frozen=True, slots=True)
class Code:
    group: str
    role: Role
    answers: Mapping[str, Any]
    text: str
    """The code as made, whitespace removed: two equal texts are the same code pasted twice."""
    ticket: tuple[int, str] | None = None
    """The invitation's number and ticket of an opened sealed code; None for a plain code."""


def _check(body: str) -> str:
    value = binascii.crc32(body.encode()) & 0x3FFFFFFF
    return "".join(ALPHABET[(value >> shift) & 31] for shift in (25, 20, 15, 10, 5, 0))


def encode(
    framework: Framework,
    answers: Mapping[str, Any],
    group: str = "",
    role: str = "",
    nonce: str = "000",
    messages: Messages = HUDDLE,
) -> str:
    """The code of `answers` (as the scoring takes them), with the group and role given."""
    say = messages.say
    if group and framework.group(group) is None:
        raise CodeError(say("code-group-unknown"))
    if Role.named(role) is None:
        raise CodeError(say("code-role-unknown"))
    if len(nonce) != NONCE_LENGTH or any(c not in ALPHABET for c in nonce):
        raise CodeError(f"The nonce must be {NONCE_LENGTH} characters of the code alphabet.")
    index = {point.value: n for n, point in enumerate(framework.scale.points)}
    symbols = []
    for item in framework.items():
        answer = answers.get(item.id)
        if answer is None:
            symbols.append(UNANSWERED)
        elif answer == NOT_APPLICABLE:
            symbols.append(NOT_APPLICABLE_SYMBOL)
        elif type(answer) is int and answer in index:
            symbols.append(ALPHABET[index[answer] + 2])
        else:
            raise CodeError(f"The answer to item '{item.id}' is not on the scale.")
    body = ":".join([FORMAT, framework.id, framework.version, group, role, nonce, "".join(symbols)])
    return f"{body}:{_check(body)}"


def decode(framework: Framework, text: str, messages: Messages = HUDDLE) -> Code:
    """The answers, group and role a code holds, or a CodeError saying why it cannot be counted.

    No sentence repeats what the code says: it could be anything someone pasted.
    """
    say = messages.say
    code = "".join(text.split())
    if len(code) > MAX_CODE_LENGTH:
        raise CodeError(say("code-too-long"))
    code, bar, invitation = code.partition("|")
    code = _as_made(code)
    head = code.split(":", 1)[0]
    if not code.isascii() or not _FORMAT.fullmatch(head) or ":" not in code:
        raise CodeError(say("code-not-a-code"))
    if head == sealed.FORMAT and not bar:
        _unopened(messages, framework, code)
    if head != FORMAT:
        raise CodeError(say("code-other-format"))
    ticket = sealed.read_ticket(invitation) if bar else None  # else a "|" that only follows the code, as in a table
    body, _, check = code.rpartition(":")
    if _check(body) != check:
        raise CodeError(say("code-damaged"))
    rest = body[len(FORMAT) + 1 :]
    if rest.split(":", 1)[0] != framework.id:
        raise CodeError(say("code-other-framework", title=framework.title))
    expected = f"{framework.id}:{framework.version}:"
    if not rest.startswith(expected):
        raise CodeError(say("code-other-version", title=framework.title, version=framework.version))
    fields = rest[len(expected) :].split(":")
    if len(fields) != 4:
        raise CodeError(say("code-not-a-code"))
    group, role_field, nonce, symbols = fields
    role = Role.named(role_field)
    if group and framework.group(group) is None:
        raise CodeError(say("code-names-unknown-group"))
    if role is None or len(nonce) != NONCE_LENGTH or any(c not in ALPHABET for c in nonce):
        raise CodeError(say("code-unfit"))  # a nonce the page never makes: a code made by hand
    items = framework.items()
    points = framework.scale.points
    if len(symbols) != len(items):
        raise CodeError(say("code-unfit"))
    answers: dict[str, Any] = {}
    for item, symbol in zip(items, symbols, strict=True):
        at = ALPHABET.find(symbol)
        if at < 0 or at >= len(points) + 2:
            raise CodeError(say("code-unfit"))
        if at == 1:
            if framework.scale.not_applicable is None:
                raise CodeError(say("code-unfit"))
            answers[item.id] = NOT_APPLICABLE
        elif at >= 2:
            answers[item.id] = points[at - 2].value
    text = f"{code}|{ticket[0]}.{ticket[1]}" if ticket else code
    return Code(group=group, role=role, answers=answers, text=text, ticket=ticket)


def _unopened(messages: Messages, framework: Framework, code: str) -> None:
    """Why a sealed code still in the text cannot count: its clear fields say which framework, version and
    collection it is for."""
    say = messages.say
    body, _, check = code.rpartition(":")
    fields = body.split(":")
    if _check(body) != check or len(fields) != 5:
        raise CodeError(say("code-damaged"))
    if fields[1] != framework.id:
        raise CodeError(say("code-other-framework", title=framework.title))
    if fields[2] != framework.version:
        raise CodeError(say("code-other-version", title=framework.title, version=framework.version))
    raise SealedCodeError(fields[3], messages)


def _as_made(code: str) -> str:
    """`code` as the page made it, when it was retyped (from a slip of paper, say): the format, the nonce, the
    answers and the check in capitals, with O, I and L read as 0, 1 and 1 (Crockford's alphabet has none of
    them); the framework id, group and role, which are always small letters, in small letters. The version is
    left as it is: a framework's version may be any text."""
    fields = code.split(":")
    if len(fields) != 8:
        return code
    head, framework, version, group, role, *coded = fields
    return ":".join(
        [head.upper(), framework.lower(), version, group.lower(), role.lower()]
        + [field.upper().translate(ALIASES) for field in coded]
    )


def _decode_one(messages: Messages, framework: Framework, line: str) -> Code:
    """The code on `line`, which may be the whole line or part of it (a chat message, a CSV row)."""
    found = _IN_LINE.search(line)
    if found is None or found[0] == line.strip():
        return decode(framework, line, messages=messages)
    try:
        return decode(framework, found[0], messages=messages)
    except CodeError as first:
        try:
            return decode(framework, line, messages=messages)  # a code broken by spaces, which decode joins again
        except CodeError:
            raise first from None


def _attempt(messages: Messages, framework: Framework, text: str) -> Code | CodeError:
    try:
        return _decode_one(messages, framework, text)
    except CodeError as error:
        return error


def _decode_line(messages: Messages, framework: Framework, line: str) -> list[Code | CodeError]:
    """Every code on `line`, or why it cannot be counted: one code, or several joined by tabs, spaces, commas
    or semicolons, each read on its own so that none is lost or merged into another."""
    found = _IN_LINE.findall(line)
    if len(found) < 2:
        return [_attempt(messages, framework, line)]
    each = [_attempt(messages, framework, text) for text in found]
    if any(isinstance(code, CodeError) for code in each):
        whole = _attempt(messages, framework, "".join(line.split()))  # one code broken by spaces after all
        if isinstance(whole, Code):
            return [whole]
    return each


@dataclass(frozen=True, slots=True)
class Batch:
    """What a paste of many codes (one a line) gave: the codes that count, and what was wrong with the rest."""

    codes: tuple[Code, ...]
    problems: tuple[tuple[int, str], ...]
    """(line number, sentence) for each line that could not be read."""
    duplicates: tuple[tuple[int, int], ...]
    """(line number, the line it repeats): counted once."""
    several: tuple[tuple[int, int], ...] = ()
    """(line number, how many codes it holds) for each line of more than one code, each read on its own."""
    identical: tuple[tuple[int, ...], ...] = ()
    """The lines of codes that differ only in their nonce: the same answers, group and role. Two people rarely
    answer every statement alike, and one person can make a plain code as often as they like."""
    collection: str = ""
    """The collection whose key file opened the sealed codes counted; empty when the codes are plain."""


def read_codes(
    framework: Framework,
    text: str,
    roles: tuple[Role, ...] | None = None,
    collection: sealed.Collection | None = None,
    messages: Messages = HUDDLE,
) -> Batch:
    """Every code in `text`, one a line (blank lines skipped): good ones count even when others are bad.

    A line of several codes (joined by tabs from a spreadsheet, say) counts each, and says so in `several`.
    With `roles`, a code of another role is a problem too (a rater's code pasted as a team member's, say).
    With a `collection` (its key file loaded), only sealed codes the page opened count, each invitation once:
    a plain code, a forged ticket or a ticket used before is named and not counted.
    """
    codes: list[Code] = []
    problems: list[tuple[int, str]] = []
    duplicates: list[tuple[int, int]] = []
    several: list[tuple[int, int]] = []
    first: dict[str, int] = {}
    invited: dict[int, int] = {}
    counted: list[tuple[int, Code]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        found = _decode_line(messages, framework, line)
        if len(found) > 1:
            several.append((number, len(found)))
        for code in found:
            if isinstance(code, CodeError):
                problems.append((number, _sealed_problem(messages, code, collection)))
            elif roles is not None and code.role not in roles:
                problems.append((number, _role_problem(messages, code.role)))
            elif code.text in first:
                duplicates.append((number, first[code.text]))
            elif (problem := _ticket_problem(messages, code, collection, invited)) is not None:
                problems.append((number, problem))
            else:
                first[code.text] = number
                if code.ticket is not None:
                    invited[code.ticket[0]] = number
                codes.append(code)
                counted.append((number, code))
    identical = alike(counted)
    return Batch(
        tuple(codes),
        tuple(problems),
        tuple(duplicates),
        tuple(several),
        identical,
        collection.id if collection is not None else "",
    )


def _sealed_problem(messages: Messages, error: CodeError, collection: sealed.Collection | None) -> str:
    """The sentence for a code that cannot count: for a sealed code left unopened, why, from the key loaded."""
    say = messages.say
    if not isinstance(error, SealedCodeError) or collection is None:
        return str(error)
    if error.collection != collection.id:
        return say("code-sealed-other-collection")
    return say("code-sealed-not-opened")


def _ticket_problem(
    messages: Messages, code: Code, collection: sealed.Collection | None, invited: dict[int, int]
) -> str | None:
    """Why an opened code's invitation cannot count (or a plain code, when a collection is loaded), or None."""
    say = messages.say
    if code.ticket is None:
        return say("code-plain-in-collection") if collection is not None else None
    if collection is None:
        return say("code-ticket-no-key")
    number, ticket = code.ticket
    if not collection.admits(number, ticket):
        return say("code-ticket-invalid")
    if number in invited:
        return say("code-ticket-repeated", first=invited[number])
    return None


def alike(numbered: Iterable[tuple[int, Code]]) -> tuple[tuple[int, ...], ...]:
    """The numbers (lines of a paste, rows of a file) of codes that hold the same answers, group and role, for
    each set of more than one: two people rarely answer every statement alike."""
    found: dict[tuple[object, ...], list[int]] = {}
    for number, code in numbered:
        found.setdefault((code.group, code.role, tuple(sorted(code.answers.items()))), []).append(number)
    return tuple(tuple(numbers) for numbers in found.values() if len(numbers) > 1)


def _role_problem(messages: Messages, role: Role) -> str:
    say = messages.say
    return say("code-is-a-rater") if role is not Role.SELF else say("code-is-own")
