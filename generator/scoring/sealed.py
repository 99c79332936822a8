"""Collections, invitations and their tickets: what makes a sealed code count once.

A facilitator sets up a *collection* in the page (`seal.js`, Web Crypto): a key pair and a random secret,
downloaded as a key file. Each invitation link carries the collection's public key, its number `n` and a
*ticket*: the first 10 bytes of HMAC-SHA256(secret, "huddle-ticket:<collection>:<n>") in Crockford's base 32
(16 characters). Only the key file's holder can make a ticket, so only invitations count, each once.

A sealed code is `H2:<framework id>:<version>:<collection>:<sealed>:<check>`; the page seals and opens it
(ECDH P-256, HKDF-SHA256, AES-GCM). Python sees an opened code as the H1 code it holds followed by
`|<n>.<ticket>`, and checks the ticket here with `hmac`. Standard library only (runs in Pyodide).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .alphabet import ALIASES, ALPHABET
from .kinds import Role
from .strings import HUDDLE, Messages

FORMAT = "H2"
COLLECTION_LENGTH = 8
TICKET_BYTES = 10
TICKET_LENGTH = TICKET_BYTES * 8 // 5
SECRET_BYTES = 32
MAX_INVITATIONS = 10_000
"""More invitations than any team, board or 360 needs; a larger number is not one a page made."""
PAD_GROUP = 32
"""The group id length a sealed code's plaintext is padded to (seal.js): a longer group id shows in its length."""
PAD_ROLE = max(len(role) for role in Role)
"""The role length it is padded to: the longest role's, so that no code's length says whose it is."""


def page_settings() -> dict[str, int]:
    """What seal.js needs, in every page's settings (theme/huddle-config.html): said once, here."""
    return {"maxInvitations": MAX_INVITATIONS, "padGroup": PAD_GROUP, "padRole": PAD_ROLE}


_TICKET = re.compile(rf"(\d{{1,5}})\.([0-9A-Za-z]{{{TICKET_LENGTH}}})")


def ticket(secret: bytes, collection: str, number: int) -> str:
    """The ticket of invitation `number` of `collection`: 80 bits of an HMAC, 16 characters of base 32."""
    digest = hmac.new(secret, f"huddle-ticket:{collection}:{number}".encode(), hashlib.sha256).digest()
    value = int.from_bytes(digest[:TICKET_BYTES], "big")
    return "".join(ALPHABET[(value >> shift) & 31] for shift in range(TICKET_LENGTH * 5 - 5, -1, -5))


def read_ticket(text: str) -> tuple[int, str] | None:
    """`<n>.<ticket>` as (n, ticket), the ticket in capitals with O, I and L read as 0, 1 and 1; None if it is
    not one."""
    found = _TICKET.fullmatch(text)
    if found is None or not 1 <= int(found[1]) <= MAX_INVITATIONS:
        return None
    return int(found[1]), found[2].upper().translate(ALIASES)


@dataclass(frozen=True, slots=True)
class Collection:
    """What Python needs of a collection's key file: its id and secret (the private key stays in the page)."""

    id: str
    secret: bytes

    @classmethod
    def from_json(cls, data: Any, messages: Messages = HUDDLE) -> Collection:
        """The collection of the page's `{"collection": id, "secret": base64url}`, or a ValueError with a
        sentence."""
        say = messages.say
        if not isinstance(data, Mapping):
            raise ValueError(say("collection-key-unreadable"))
        name, secret = data.get("collection"), data.get("secret")
        if (
            not isinstance(name, str)
            or len(name) != COLLECTION_LENGTH
            or any(c not in ALPHABET for c in name)
            or not isinstance(secret, str)
        ):
            raise ValueError(say("collection-key-unreadable"))
        try:
            raw = base64.urlsafe_b64decode(secret + "=" * (-len(secret) % 4))
        except ValueError:
            raise ValueError(say("collection-key-unreadable")) from None
        if len(raw) != SECRET_BYTES:
            raise ValueError(say("collection-key-unreadable"))
        return cls(name, raw)

    def admits(self, number: int, given: str) -> bool:
        """Whether `given` is invitation `number`'s ticket (compared in constant time)."""
        return 1 <= number <= MAX_INVITATIONS and hmac.compare_digest(ticket(self.secret, self.id, number), given)
