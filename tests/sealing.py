"""Sealing and opening codes in CPython with `cryptography`, exactly as the page's seal.js does with Web Crypto:
tests check one against the other. Tests only: the scoring package never imports `cryptography`."""

from __future__ import annotations

import base64
import os
import re

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from generator.scoring import codes, sealed

INFO = b"huddle-sealed-code-1"
_SEALED = re.compile(r"(?<![0-9A-Za-z])H2:[^\s\"',;<>]+")


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _raw(public: ec.EllipticCurvePublicKey) -> bytes:
    return public.public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)


def key_file(framework, collection: str = "ABCD2345", issued: int = 5) -> dict:
    """A collection key file as the page downloads it."""
    private = ec.generate_private_key(ec.SECP256R1())
    numbers = private.private_numbers()
    coordinate = lambda n: b64(n.to_bytes(32, "big"))  # noqa: E731
    return {
        "huddle": "collection key",
        "format": 1,
        "framework": framework.id,
        "version": framework.version,
        "collection": collection,
        "created": "2026-12-04",
        "public": b64(_raw(private.public_key())),
        "private": {
            "kty": "EC",
            "crv": "P-256",
            "x": coordinate(numbers.public_numbers.x),
            "y": coordinate(numbers.public_numbers.y),
            "d": coordinate(numbers.private_value),
            "ext": True,
            "key_ops": ["deriveBits"],
        },
        "secret": b64(os.urandom(32)),
        "issued": issued,
    }


def ticket(key: dict, number: int) -> str:
    return sealed.ticket(unb64(key["secret"]), key["collection"], number)


def _aes_key(shared: bytes, collection: str) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt=collection.encode(), info=INFO).derive(shared)


def padded(plain: str, h1: str) -> str:
    """The plaintext padded as seal.js pads it, so that no code's length says its group, role or number."""
    _, _, _, group, role, *_ = h1.split(":")
    longest = sealed.PAD_GROUP + sealed.PAD_ROLE + len(f"|{sealed.MAX_INVITATIONS}.") + sealed.TICKET_LENGTH
    return plain.ljust(len(h1) - len(group) - len(role) + longest, "~")


def seal(h1: str, framework, collection: str, public: str, number: int, given: str) -> str:
    """The sealed code of the H1 code `h1` from invitation `number` with ticket `given`."""
    point = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), unb64(public))
    ephemeral = ec.generate_private_key(ec.SECP256R1())
    key = _aes_key(ephemeral.exchange(ec.ECDH(), point), collection)
    iv = os.urandom(12)
    clear = f"H2:{framework.id}:{framework.version}:{collection}"
    box = AESGCM(key).encrypt(iv, padded(f"{h1}|{number}.{given}", h1).encode(), clear.encode())
    body = f"{clear}:{b64(_raw(ephemeral.public_key()) + iv + box)}"
    return f"{body}:{codes._check(body)}"


def open_code(code: str, key: dict) -> str | None:
    """The plaintext of a sealed code, or None when this key file cannot open it."""
    body, _, _check = code.rpartition(":")
    fields = body.split(":")
    if len(fields) != 5 or fields[3] != key["collection"]:
        return None
    jwk = key["private"]
    private = ec.derive_private_key(int.from_bytes(unb64(jwk["d"]), "big"), ec.SECP256R1())
    raw = unb64(fields[4])
    try:
        point = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), raw[:65])
        shared = private.exchange(ec.ECDH(), point)
        opened = AESGCM(_aes_key(shared, fields[3])).decrypt(raw[65:77], raw[77:], ":".join(fields[:4]).encode())
        return opened.decode().rstrip("~")
    except Exception:  # noqa: BLE001 - any failure is "cannot be opened", as in the page
        return None


def open_text(text: str, key: dict) -> str:
    """`text` with each sealed code this key opens replaced by its plaintext, as the team page does."""
    return _SEALED.sub(lambda found: open_code(found[0], key) or found[0], text)
