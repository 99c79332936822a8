"""Sealed codes in real Chromium: seal.js (Web Crypto) and tests/sealing.py (CPython, `cryptography`) seal and
open each other's codes, and the pages set up collections, give sealed codes from invitations and open them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.scoring import sealed
from generator.scoring.codes import encode, read_codes
from generator.scoring.team import profile
from tests.assessment_page import RESULTS_TIMEOUT, framework_of, see_results
from tests.conftest import hold_pyodide, new_context
from tests.sealing import key_file, open_code, seal, ticket
from tests.test_accessibility import violations
from tests.test_collective_browser import TEAM, member

pytestmark = pytest.mark.browser

CL_ID = "collective-leadership"
CL = f"assessments/{CL_ID}/"

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
    other = run(page, demo_url, "seal", encode(framework, {}, role="manager", nonce="QQQ"), {**join, "number": 10_000})
    assert len(other) == len(made) == len(seal(h1, framework, key["collection"], key["public"], 2, ticket(key, 2)))
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


def pick_answers(page, n: int) -> None:
    """Answer every statement at once, a spread that differs from person to person."""
    page.locator("fieldset[data-item]").first.wait_for()
    page.evaluate(
        """n => document.querySelectorAll("fieldset[data-item]").forEach((set, at) => {
          const radios = [...set.querySelectorAll("input[type=radio]")].filter(r => r.value !== "na");
          radios[(n + at) % radios.length].click();
        })""",
        n,
    )


def invited_code(browser, request, url: str, n: int) -> str:
    """The code a person gets from the invitation `url`, in a browser context of their own."""
    context = new_context(browser, request)
    try:
        page = context.new_page()
        page.goto(url)
        pick_answers(page, n)
        see_results(page)
        note = page.locator("[data-huddle-sealed-note]")
        assert "your code will be sealed" in note.inner_text()
        assert not page.locator("[data-huddle-plain-note]").is_visible()
        page.get_by_role("button", name="Get a code to share").click()
        page.locator("[data-huddle-code-box]").wait_for()
        assert page.get_by_text("Your code is sealed for collection").is_visible()
        return page.get_by_label("Your result code").input_value()
    finally:
        context.close()


def set_up_collection(page, count: int) -> tuple[dict, list[str]]:
    """Set up a collection on the open team or 360 page: its key file and its invitation links."""
    page.locator("[data-huddle-collection] summary").click()
    assert "nothing is sent anywhere" in page.locator("[data-huddle-collection-warning]").inner_text()
    page.get_by_label("How many people to invite").fill(str(count))
    with page.expect_download() as downloading:
        page.get_by_role("button", name="Set up a collection and download its key file").click()
    name = downloading.value.suggested_filename
    key = json.loads(Path(downloading.value.path()).read_text())
    assert name == f"huddle-collection-{key['framework']}-{key['created']}.json" and key["issued"] == count
    page.locator("[data-huddle-links] li").nth(count - 1).wait_for()
    links = [field.input_value() for field in page.locator("[data-huddle-link]").all()]
    return key, links


@pytest.mark.long
def test_five_invited_people_give_sealed_codes_that_the_key_file_opens_and_a_reused_link_is_refused(
    browser, request, demo_url, demo_site, tmp_path
):
    framework = framework_of(demo_site, TEAM)
    facilitator = new_context(browser, request)
    try:
        hold_pyodide(facilitator)  # this page only sets up the collection
        page = facilitator.new_page()
        page.goto(demo_url + TEAM + "team/")
        key, links = set_up_collection(page, 5)
        assert violations(page) == [], "the collection's controls and links"
        page.evaluate("window.print = () => {}")  # "Print the links" prints the links alone
        page.get_by_role("button", name="Print the links").click()
        page.emulate_media(media="print")
        assert page.locator("[data-huddle-link]").nth(4).is_visible()
        assert not page.get_by_label("Result codes", exact=True).is_visible()
        assert not page.get_by_role("button", name="Copy link").first.is_visible()
        assert not page.locator("[data-huddle-collection-warning]").is_visible()
    finally:
        facilitator.close()
    assert len(links) == 5 and all(link.startswith(demo_url + TEAM + "#join=") for link in links)
    codes = [invited_code(browser, request, link, n) for n, link in enumerate(links)]
    codes.append(invited_code(browser, request, links[2], 9))  # invitation 3 taken a second time
    for code in codes:
        assert code.startswith(f"H2:team-culture:{framework.version}:{key['collection']}:")

    page = new_context(browser, request).new_page()  # later, the facilitator with the key file
    try:
        page.goto(demo_url + TEAM + "team/")
        page.get_by_label("Result codes", exact=True).fill("\n".join(codes))
        page.locator("[data-huddle-show]").click()  # without the key file: nothing opens
        page.locator("[data-huddle-profile]").wait_for(state="visible", timeout=RESULTS_TIMEOUT)
        assert "This is a sealed code" in page.locator("[data-huddle-batch-notes]").inner_text()
        page.locator("[data-huddle-collection] summary").click()
        saved = tmp_path / "key.json"
        saved.write_text(json.dumps(key))
        page.get_by_label("Load a collection key file").set_input_files(saved)
        page.get_by_text(f"Collection {key['collection']} is loaded (5 invitations made)").wait_for()
        assert [f.input_value() for f in page.locator("[data-huddle-link]").all()] == links
        page.locator("[data-huddle-show]").click()
        page.locator("[data-huddle-team-table]").wait_for(timeout=RESULTS_TIMEOUT)
        assert page.locator("[data-huddle-status]").inner_text() == "5 result codes counted."
        assert page.locator("[data-huddle-batch-notes]").inner_text().count("Line") == 1
        assert (
            "Line 6: This code comes from the same invitation as line 3; each invitation counts once"
            in page.locator("[data-huddle-batch-notes]").inner_text()
        )
        assert f"sealed for collection {key['collection']}" in page.locator("[data-huddle-code-kind]").inner_text()
        expected = read_codes(
            framework,
            "\n".join(open_code(code, key) for code in codes[:5]),
            collection=collection_of(key),
        )
        shown = {
            row.get_attribute("data-competency"): row.locator("[data-score]").inner_text()
            for row in page.locator("[data-huddle-team-table] tbody tr").all()
        }
        assert shown == {c.id: c.score for c in profile(framework, expected.codes, 5).competencies}
    finally:
        page.context.close()


def rater_code(browser, request, url: str, role: str, n: int) -> str:
    """The feedback code a colleague gets from the invitation `url`, in a browser context of their own."""
    context = new_context(browser, request)
    try:
        page = context.new_page()
        page.goto(url)
        note = page.locator("[data-huddle-sealed-note]")
        assert "Your code will be sealed for collection" in note.inner_text()
        assert (
            "a line manager's answers on their own, and everyone else's only in groups of at least 3"
            in note.inner_text()
        )
        assert not page.get_by_text("anyone who has this code can read your answers").is_visible()
        page.get_by_label(role).check()
        pick_answers(page, n)
        page.locator("[data-huddle-show]").click()
        page.locator("[data-huddle-code-box]").wait_for(timeout=RESULTS_TIMEOUT)
        return page.get_by_label("Your feedback code").input_value()
    finally:
        context.close()


def show_360(page, own: str, codes: list[str]) -> None:
    page.get_by_label("Your own result code").fill(own)
    page.get_by_label("Codes from the people who gave you feedback").fill("\n".join(codes))
    page.locator("[data-huddle-show]").click()
    page.locator("[data-huddle-profile]").wait_for(state="visible", timeout=RESULTS_TIMEOUT)


@pytest.mark.long
def test_360_raters_by_invitation_are_read_with_the_key_file_and_not_by_the_person_rated(
    browser, request, demo_url, demo_site, tmp_path
):
    framework = framework_of(demo_site, CL)
    coach = new_context(browser, request)
    try:
        hold_pyodide(coach)
        page = coach.new_page()
        page.goto(demo_url + CL + "360/")
        key, links = set_up_collection(page, 7)
    finally:
        coach.close()
    assert all(link.startswith(demo_url + CL + "rater/#join=") for link in links)
    roles = ["I am their line manager", *["I am a peer"] * 3, *["I report to them"] * 3]
    codes = [
        rater_code(browser, request, link, role, n) for n, (link, role) in enumerate(zip(links, roles, strict=True))
    ]
    assert all(code.startswith(f"H2:{CL_ID}:{framework.version}:{key['collection']}:") for code in codes)
    own = encode(framework, {i.id: framework.scale.low for i in framework.items()}, nonce="0WN")
    made_up = encode(framework, {i.id: framework.scale.high for i in framework.items()}, role="peer", nonce="M4D")

    page = new_context(browser, request).new_page()
    try:
        page.goto(demo_url + CL + "360/")  # the person rated, who has no key file
        show_360(page, own, codes)
        assert page.locator("[data-huddle-status]").inner_text() == "0 result codes counted."
        notes = page.locator("[data-huddle-batch-notes]").inner_text()
        assert all(f"Line {n}: This is a sealed code" in notes for n in range(1, 8))
        assert not page.locator("[data-huddle-360] thead th").filter(has_text="Peers").count()

        page.locator("[data-huddle-collection] summary").click()  # the coach, with the key file
        saved = tmp_path / "key.json"
        saved.write_text(json.dumps(key))
        page.get_by_label("Load a collection key file").set_input_files(saved)
        page.get_by_text(f"Collection {key['collection']} is loaded").wait_for()
        show_360(page, own, [*codes, made_up])
        # The view of the codes unopened is still on screen until the new one replaces it: wait for the count.
        page.locator("[data-huddle-status]").get_by_text("7 result codes counted.").wait_for(timeout=RESULTS_TIMEOUT)
        assert page.locator("[data-huddle-status]").inner_text() == "7 result codes counted."
        heads = page.locator("[data-huddle-360] thead th").all_inner_texts()
        assert heads == ["Competency", "Self", "Manager (1)", "Peers (3)", "Direct reports (3)", "All raters (7)"]
        assert "Line 8: This is a plain code" in page.locator("[data-huddle-batch-notes]").inner_text()
    finally:
        page.context.close()


@pytest.mark.no_pyodide
def test_without_web_crypto_the_pages_say_so_and_give_plain_codes(page, demo_url):
    page.add_init_script("Object.defineProperty(window, 'isSecureContext', { value: false })")
    page.goto(demo_url + TEAM + "team/")
    page.locator("[data-huddle-collection] summary").click()
    assert page.get_by_text("This page cannot make or open sealed codes here").is_visible()
    assert not page.get_by_role("button", name="Set up a collection and download its key file").is_visible()
    page.goto(demo_url + CL + "rater/#join=ABCD2345." + "A" * 87 + ".1." + "0" * 16)
    assert "this browser cannot seal codes here" in page.locator("[data-huddle-sealed-note]").inner_text()
    assert page.get_by_text("anyone who has this code can read your answers").is_visible()
