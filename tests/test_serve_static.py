"""The local server answers as a static host does: the site's 404 page, no listings, 400 for bad paths."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from tests.sites import serving


@pytest.fixture
def url(tmp_path):
    (tmp_path / "404.html").write_text("<title>Our own not found page</title>")
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "a.css").write_text("body{}")
    (tmp_path / "index.html").write_text("<title>Home</title>")
    with serving(tmp_path, {"X-Test": "sent"}) as address:
        yield address


def status_and_body(address: str) -> tuple[int, str, dict]:
    try:
        with urllib.request.urlopen(address, timeout=10) as response:
            return response.status, response.read().decode(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), dict(error.headers)


def test_a_missing_page_gets_the_sites_own_404_page_with_the_deployed_headers(url):
    code, body, headers = status_and_body(url + "no/such/page/")
    assert code == 404 and "Our own not found page" in body
    assert headers["X-Test"] == "sent"


def test_folders_are_never_listed(url):
    code, body, _ = status_and_body(url + "assets/")
    assert code == 404 and "a.css" not in body


def test_a_path_with_a_nul_or_control_character_is_a_bad_request(url):
    for bad in ["a%00b", "x%0Ay"]:
        code, _, _ = status_and_body(url + bad)
        assert code == 400
    assert status_and_body(url)[0] == 200
