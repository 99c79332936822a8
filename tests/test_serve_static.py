"""The local server answers as a static host does: the site's 404 page, no listings, 400 for bad paths, and
only to its own host names."""

from __future__ import annotations

import http.client
import threading
import urllib.error
import urllib.request

import pytest

from generator.serve import Live, make_server
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


def answer(port: int, path: str, host: str | None) -> tuple[int, str]:
    """The status and the first bytes of the body for a GET with `host` as its Host header (None: no Host)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.putrequest("GET", path, skip_host=True)
        if host is not None:
            connection.putheader("Host", host)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, response.read(200).decode()
    finally:
        connection.close()


@pytest.fixture
def live_server(tmp_path):
    """A server as `huddle serve` starts it, with live reload, on a free loopback port."""
    (tmp_path / "index.html").write_text("<title>Home</title><body></body>")
    live = Live()
    server = make_server(tmp_path, "127.0.0.1", 0, {}, live=live)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        live.close()
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.mark.parametrize("path", ["/", "/__huddle/events", "/__huddle/live.js", "/no/such/page/"])
def test_a_request_for_another_host_name_is_refused_with_a_sentence_so_dns_rebinding_reads_nothing(live_server, path):
    port = live_server
    for host in ["evil.example", f"evil.example:{port}", f"127.0.0.2:{port}", f"localhost:{port + 1}", None]:
        code, body = answer(port, path, host)
        assert code == 400, (host, code)
        assert body.startswith("Huddle's preview answers only at 127.0.0.1, localhost or [::1]"), body
        assert "Home" not in body and "state" not in body


def test_the_local_names_of_the_preview_are_answered_with_or_without_the_port(live_server):
    port = live_server
    for host in ["127.0.0.1", f"127.0.0.1:{port}", "localhost", f"LocalHost:{port}", "[::1]", f"[::1]:{port}"]:
        code, body = answer(port, "/", host)
        assert code == 200 and "Home" in body, (host, code)


def test_the_host_given_to_serve_on_is_answered_too(tmp_path):
    (tmp_path / "index.html").write_text("<title>Home</title>")
    server = make_server(tmp_path, "0.0.0.0", 0, {})
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        assert answer(port, "/", f"0.0.0.0:{port}")[0] == 200
        assert answer(port, "/", f"localhost:{port}")[0] == 200
        assert answer(port, "/", f"evil.example:{port}")[0] == 400
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
