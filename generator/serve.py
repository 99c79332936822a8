"""A local static server for a built site, with the headers the site is deployed with.

The response headers come from `netlify.toml` (`[[headers]]` for `/*`), so the
Content Security Policy tried out locally and in the browser tests is the one
a trust publishes. MIME types are set here rather than guessed, because a
module worker and WebAssembly refuse to load with the wrong ones.
"""

from __future__ import annotations

import functools
import sys
import tomllib
import urllib.parse
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

MIME_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".wasm": "application/wasm",
    ".zip": "application/zip",
    ".svg": "image/svg+xml",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
}


def deploy_headers(netlify_toml: Path) -> dict[str, str]:
    """The headers `netlify.toml` sets for every path (`for = "/*"`), or none."""
    if not netlify_toml.is_file():
        return {}
    settings = tomllib.loads(netlify_toml.read_text(encoding="utf-8"))
    headers: dict[str, str] = {}
    for rule in settings.get("headers", []):
        if rule.get("for") == "/*":
            headers.update({name: " ".join(str(value).split()) for name, value in rule.get("values", {}).items()})
    return headers


class SiteHandler(SimpleHTTPRequestHandler):
    """Serves the built site as a static host would: no directory listings, the site's own 404 page."""

    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}
    headers_to_send: dict[str, str] = {}

    def send_head(self):
        path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        if "\0" in path or any(ord(char) < 32 for char in path):
            self.send_error(HTTPStatus.BAD_REQUEST, "Bad path")
            return None
        return super().send_head()

    def list_directory(self, path):
        self.send_error(HTTPStatus.NOT_FOUND)
        return None

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != HTTPStatus.NOT_FOUND or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(code)
        self.send_header("Content-Type", MIME_TYPES[".html"])
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def end_headers(self) -> None:
        for name, value in self.headers_to_send.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the stdlib's name
        pass


class SiteServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        # A browser that stops reading (a cancelled download, a closed tab) is not an error.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def make_server(site_dir: Path, host: str, port: int, headers: dict[str, str]) -> ThreadingHTTPServer:
    """A server for `site_dir` on host:port (port 0 picks a free one); call serve_forever()."""
    handler = type("BoundSiteHandler", (SiteHandler,), {"headers_to_send": headers})
    return SiteServer((host, port), functools.partial(handler, directory=str(site_dir)))
