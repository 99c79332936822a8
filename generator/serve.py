"""A local static server for a built site, with the headers the site's `_headers` file gives each path.

The headers come from the built site itself (`headers.py` writes them), so the
Content Security Policy tried out locally and in the browser tests is the one
a trust publishes. MIME types are set here rather than guessed, because a
module worker and WebAssembly refuse to load with the wrong ones. A site can
be served under a sub-path (`prefix`), as on a trust's intranet.

For `huddle serve`, a `Live` adds live reload: every HTML page served gets
`live.js` (from this package, never written into the site), which listens to
`__huddle/events` (server-sent events, same origin, so the pages' policy
allows it) and reloads the page after a rebuild, or shows a failed rebuild's
message in it.

A request for part of a file (`Range: bytes=FIRST-[LAST]`, one range) gets that part (206), so the scoring
worker continues a download cut off by a drop rather than start again; every file says `Accept-Ranges`.

The server answers only requests addressed to it by a loopback name (127.0.0.1,
localhost, [::1]) or by the host it was asked to serve on: a page of another
site whose name a DNS rebinding points here sends its own name, and gets a 400.
"""

from __future__ import annotations

import contextlib
import functools
import io
import json
import re
import sys
import threading
import urllib.parse
from collections.abc import Callable, Iterator
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

LIVE = "__huddle/"
"""Where, under the site's prefix, `huddle serve` answers for live reload (the site has no such folder)."""
LIVE_SCRIPT = Path(__file__).with_name("live.js")

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")

_RANGE = re.compile(r"bytes=(\d+)-(\d*)")
"""The host names the server always answers to, as a browser writes them in the Host header."""


class Live:
    """What `huddle serve` tells open pages: how many builds there have been, and a failed one's message."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._state: dict = {"build": 0, "error": None}
        self.closed = False

    def built(self) -> None:
        with self._changed:
            self._state = {"build": self._state["build"] + 1, "error": None}
            self._changed.notify_all()

    def failed(self, title: str, text: str) -> None:
        with self._changed:
            self._state = {**self._state, "error": {"title": title, "text": text}}
            self._changed.notify_all()

    def state(self) -> dict:
        with self._changed:
            return self._state

    def close(self) -> None:
        with self._changed:
            self.closed = True
            self._changed.notify_all()

    def next(self, seen: dict | None, timeout: float) -> dict | None:
        """The state once it differs from `seen`; None if `timeout` seconds pass first or serving stops."""
        with self._changed:
            self._changed.wait_for(lambda: self.closed or self._state != seen, timeout)
            return None if self.closed or self._state == seen else self._state


class SiteHandler(SimpleHTTPRequestHandler):
    """Serves the built site as a static host would: no directory listings, the site's own 404 page."""

    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}
    headers_for: HeadersFor = staticmethod(lambda path: {})
    prefix = "/"
    live: Live | None = None

    def parse_request(self) -> bool:
        if not super().parse_request():
            return False
        hosts = self.headers.get_all("Host") or []
        answered: frozenset[str] = getattr(self.server, "host_names", frozenset())  # a SiteServer's (make_server)
        if len(hosts) == 1 and hosts[0].strip().lower() in answered:
            return True
        self.close_connection = True
        sentence = (
            f"Huddle's preview answers only at {', '.join(LOOPBACK_NAMES[:-1])} or {LOOPBACK_NAMES[-1]} "
            "(or the --host it serves on); open it at one of those addresses.\n"
        )
        self._send(HTTPStatus.BAD_REQUEST, MIME_TYPES[".txt"], sentence.encode())
        return False

    def do_GET(self) -> None:
        path = urllib.parse.urlsplit(self.path).path
        if self.live and path == self.prefix + LIVE + "events":
            self._events()
        elif self.live and path == self.prefix + LIVE + "live.js":
            self._send(HTTPStatus.OK, MIME_TYPES[".js"], LIVE_SCRIPT.read_bytes())
        else:
            super().do_GET()

    def send_head(self):
        path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        if "\0" in path or any(ord(char) < 32 for char in path):
            self.send_error(HTTPStatus.BAD_REQUEST, "Bad path")
            return None
        if not path.startswith(self.prefix) and path != self.prefix.rstrip("/"):
            self.send_error(HTTPStatus.NOT_FOUND)
            return None
        page = Path(self.translate_path(self.path))
        if self.live and path.endswith("/"):
            page = page / "index.html"
        if self.live and page.suffix == ".html" and page.is_file():
            return self._send(HTTPStatus.OK, MIME_TYPES[".html"], self._with_live(page.read_bytes()), body_now=False)
        wanted = _RANGE.fullmatch(self.headers.get("Range", "").strip())
        if wanted and page.is_file() and self._range_still_current(page):
            return self._part(page, int(wanted[1]), int(wanted[2]) if wanted[2] else None)
        return super().send_head()

    def _range_still_current(self, page: Path) -> bool:
        """Whether a range may be sent: no `If-Range`, or one naming the file's Last-Modified (else the whole file)."""
        since = self.headers.get("If-Range")
        return since is None or since == self.date_time_string(int(page.stat().st_mtime))

    def _part(self, page: Path, first: int, last: int | None) -> io.BytesIO | None:
        """The bytes first..last (inclusive; to the end without `last`) of `page`, as 206 Partial Content;
        416 when the file is shorter than `first`."""
        size = page.stat().st_size
        if first >= size or (last is not None and last < first):
            self.send_response(HTTPStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
            self.send_header("Content-Range", f"bytes */{size}")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        end = min(size - 1, size - 1 if last is None else last)
        with page.open("rb") as file:
            file.seek(first)
            body = file.read(end - first + 1)
        self.send_response(HTTPStatus.PARTIAL_CONTENT)
        self.send_header("Content-Type", self.guess_type(str(page)))
        self.send_header("Content-Range", f"bytes {first}-{end}/{size}")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(int(page.stat().st_mtime)))
        self.end_headers()
        return io.BytesIO(body)

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
        self._send(code, MIME_TYPES[".html"], self._with_live(page.read_bytes()))

    def _send(self, code: int, content_type: str, body: bytes, body_now: bool = True) -> io.BytesIO | None:
        """Send `body` (now, or returned for send_head's caller to copy), with its headers."""
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not body_now:
            return io.BytesIO(body)
        if self.command != "HEAD":
            self.wfile.write(body)
        return None

    def _with_live(self, page: bytes) -> bytes:
        """A page with the live reload script at the end of its body, when serving for `huddle serve`."""
        if not self.live:
            return page
        # The build the page comes from: a page opened just before a rebuild still reloads after it.
        build = self.live.state()["build"]
        tag = f'<script src="{self.prefix}{LIVE}live.js" data-build="{build}"></script>'.encode()
        head, found, tail = page.rpartition(b"</body>")
        return head + tag + found + tail if found else page + tag

    def _events(self) -> None:
        """Server-sent events: the live state now and at every change, a comment now and then to keep open."""
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        seen = None
        live = self.live
        assert live is not None  # do_GET sends events only when serving live
        try:
            while not live.closed:
                state = live.next(seen, timeout=15)
                message = f"event: state\ndata: {json.dumps(state)}\n\n" if state else ": still serving\n\n"
                self.wfile.write(message.encode())
                self.wfile.flush()
                seen = state or seen
        except ConnectionError:
            pass  # the page was closed or reloaded

    def send_header(self, keyword: str, value: str) -> None:
        # The site's headers replace the server's own of the same name (a host sends one Content-Type).
        if keyword.lower() not in {name.lower() for name in self._site_headers()}:
            super().send_header(keyword, value)

    def end_headers(self) -> None:
        if self.command in {"GET", "HEAD"}:
            super().send_header("Accept-Ranges", "bytes")
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
    host_names: frozenset[str] = frozenset()
    """The Host headers answered (lower case); any other gets a 400."""

    def handle_error(self, request, client_address) -> None:
        # A browser that stops reading (a cancelled download, a closed tab) is not an error.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def make_server(
    site_dir: Path,
    host: str,
    port: int,
    headers: dict[str, str] | HeadersFor,
    prefix: str = "/",
    live: Live | None = None,
    handler_class: type[SiteHandler] = SiteHandler,
) -> ThreadingHTTPServer:
    """A server for `site_dir` at `prefix` (such as /leadership/) on host:port (port 0 picks a free one), sending
    `headers` (the same for every path, or per path), with live reload if given a `live`; call serve_forever().
    `handler_class` may be a SiteHandler that also does something of its own (the tests' byte meter)."""
    headers_for = headers if callable(headers) else (lambda path, fixed=dict(headers): fixed)
    handler = type(
        "BoundSiteHandler",
        (handler_class,),
        {
            "headers_for": staticmethod(headers_for),
            "prefix": "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/",
            "live": live,
        },
    )
    server = SiteServer((host, port), functools.partial(handler, directory=str(site_dir)))
    server.host_names = host_names(host, server.server_address[1])
    return server


@contextlib.contextmanager
def serving(
    site_dir: Path,
    headers: dict[str, str] | HeadersFor,
    prefix: str = "/",
    handler_class: type[SiteHandler] = SiteHandler,
) -> Iterator[str]:
    """`site_dir` served at `prefix` on a free loopback port, in a thread, as the server's root URL
    (`http://127.0.0.1:<port>/`); always shut down. What `huddle audit` and the tests serve a built site with."""
    server = make_server(site_dir, "127.0.0.1", 0, headers, prefix, handler_class=handler_class)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def host_names(host: str, port: int) -> frozenset[str]:
    """The Host headers a server on host:port answers: the loopback names and `host`, with or without the port."""
    names = {*LOOPBACK_NAMES, *([f"[{host}]" if ":" in host else host] if host else [])}
    return frozenset(name.lower() + suffix for name in names for suffix in ("", f":{port}"))
