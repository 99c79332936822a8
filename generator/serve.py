"""A local static server for a built site, with the headers the site's `_headers` file gives each path.

The headers come from the built site itself (`headers.py` writes them), so the
Content Security Policy tried out locally and in the browser tests is the one
a trust publishes. MIME types are set here rather than guessed, because a
module worker and WebAssembly refuse to load with the wrong ones. A site can
be served under a sub-path (`prefix`), as on a trust's intranet.
"""

from __future__ import annotations

import functools
import sys
import urllib.parse
from collections.abc import Callable
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

HeadersFor = Callable[[str], dict[str, str]]
"""The response headers for a path of the site (from its root, such as /assets/huddle/worker.js)."""


class SiteHandler(SimpleHTTPRequestHandler):
    """Serves the built site as a static host would: no directory listings, the site's own 404 page."""

    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}
    headers_for: HeadersFor = staticmethod(lambda path: {})
    prefix = "/"

    def send_head(self):
        path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        if "\0" in path or any(ord(char) < 32 for char in path):
            self.send_error(HTTPStatus.BAD_REQUEST, "Bad path")
            return None
        if not path.startswith(self.prefix) and path != self.prefix.rstrip("/"):
            self.send_error(HTTPStatus.NOT_FOUND)
            return None
        return super().send_head()

    def translate_path(self, path: str) -> str:
        return super().translate_path("/" + path.removeprefix(self.prefix))

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

    def send_header(self, keyword: str, value: str) -> None:
        # The site's headers replace the server's own of the same name (a host sends one Content-Type).
        if keyword.lower() not in {name.lower() for name in self._site_headers()}:
            super().send_header(keyword, value)

    def end_headers(self) -> None:
        for name, value in self._site_headers().items():
            super().send_header(name, value)
        super().end_headers()

    def _site_headers(self) -> dict[str, str]:
        """The site's headers for this request's path, worked out once per request."""
        if getattr(self, "_headers_of", None) != self.path:
            path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
            self._headers_of, self._headers = self.path, self.headers_for("/" + path.removeprefix(self.prefix))
        return self._headers

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the stdlib's name
        pass


class SiteServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        # A browser that stops reading (a cancelled download, a closed tab) is not an error.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def make_server(
    site_dir: Path, host: str, port: int, headers: dict[str, str] | HeadersFor, prefix: str = "/"
) -> ThreadingHTTPServer:
    """A server for `site_dir` at `prefix` (such as /leadership/) on host:port (port 0 picks a free one), sending
    `headers` (the same for every path, or per path); call serve_forever()."""
    headers_for = headers if callable(headers) else (lambda path, fixed=dict(headers): fixed)
    handler = type(
        "BoundSiteHandler",
        (SiteHandler,),
        {
            "headers_for": staticmethod(headers_for),
            "prefix": "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/",
        },
    )
    return SiteServer((host, port), functools.partial(handler, directory=str(site_dir)))
