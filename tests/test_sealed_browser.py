"""Sealed codes in real Chromium: seal.js (Web Crypto) and tests/sealing.py (CPython, `cryptography`) seal and
open each other's codes, and the pages set up collections, give sealed codes from invitations and open them."""

from __future__ import annotations

import json

import pytest

from generator.scoring import sealed
from generator.scoring.codes import encode, read_codes
from tests.assessment_page import framework_of
from tests.sealing import key_file, open_code, seal, ticket
from tests.test_collective_browser import TEAM, member

pytestmark = pytest.mark.browser

SEAL = """async ([url, name, args]) => {
  const module = await import(url);
  return module[name](...args);
}"""


def run(page, demo_url, name, *args):
    """seal.js's `name` called in the page with `args` (JSON values)."""
    return page.evaluate(SEAL, [demo_url + "assets/huddle/seal.js", name, list(args)])


def collection_of(key: dict) -> sealed.Collection:
    return sealed.Collection.from_json({"collection": key["collection"], "secret": key["secret"]})


@pytest.mark.no_pyodide
def test_a_code_sealed_in_the_page_opens_in_cpython_and_one_sealed_in_cpython_opens_in_the_page(
    page, demo_url, demo_site
):
    framework = framework_of(demo_site, TEAM)
    page.goto(demo_url + TEAM + "team/")
    key = run(page, demo_url, "makeCollection", framework.id, framework.version, "2026-12-04")
    assert key["huddle"] == "collection key" and len(key["collection"]) == 8 and key["private"]["crv"] == "P-256"
    links = run(page, demo_url, "invitations", key, "https://example.org/team-culture/", 1, 3)
    assert [link["number"] for link in links] == [1, 2, 3]
    assert links[1]["url"].endswith(f"#join={key['collection']}.{key['public']}.2.{ticket(key, 2)}")
    join = page.evaluate(
        "async ([url, hash]) => (await import(url)).readInvitation(hash)",
        [demo_url + "assets/huddle/seal.js", "#" + links[1]["url"].split("#")[1]],
    )
    assert join == {"collection": key["collection"], "public": key["public"], "number": 2, "ticket": ticket(key, 2)}
    h1 = member(framework, 1)
    made = run(page, demo_url, "seal", h1, join)
    assert made.startswith(f"H2:team-culture:{framework.version}:{key['collection']}:")
    assert open_code(made, key) == f"{h1}|2.{ticket(key, 2)}"  # the page's code opens in CPython
    batch = read_codes(framework, open_code(made, key), collection=collection_of(key))
    assert [c.text for c in batch.codes] == [f"{h1}|2.{ticket(key, 2)}"]

    theirs = key_file(framework, collection="QRST2345")  # and CPython's code opens in the page
    h1 = encode(framework, {}, nonce="XYZ")
    code = seal(h1, framework, theirs["collection"], theirs["public"], 7, ticket(theirs, 7))
    opened = page.evaluate(
        """async ([url, file, text]) => {
          const seal = await import(url);
          const key = await seal.readKeyFile(file, "team-culture", "Team");
          return seal.openText(text, key);
        }""",
        [demo_url + "assets/huddle/seal.js", json.dumps(theirs), f"a: {code}\n{made}\n"],
    )
    assert opened == f"a: {h1}|7.{ticket(theirs, 7)}\n{made}\n"  # the other collection's code left sealed
