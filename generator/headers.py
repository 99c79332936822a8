"""The security policy of a site, in one place: a `<meta>` tag on every page and a `_headers` file.

Every page carries its Content Security Policy in a
`<meta http-equiv="Content-Security-Policy">`, so a host that cannot set
headers (GitHub Pages, a plain intranet server) still enforces it. A meta
policy cannot say `frame-ancestors`; that, and the other headers, go in
`site/_headers`, which Netlify and Cloudflare Pages read, and which
`huddle serve` and the tests serve as well. docs/hosting.md gives the same
headers for nginx and IIS.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

POLICY = (
    "default-src 'self'",
    # 'wasm-unsafe-eval' lets Pyodide compile WebAssembly; nothing else runs but the site's own files.
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    # No form can ever send answers anywhere.
    "form-action 'none'",
)
"""The Content Security Policy's directives, as a `<meta>` tag may carry them."""

FRAMING = "frame-ancestors 'none'"
"""No other site may show these pages in a frame; only a header can say so."""

HEADERS = {
    "Content-Security-Policy": "; ".join((*POLICY, FRAMING)),
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
"""The headers for every path."""

WORKER = "assets/huddle/worker.js"
WORKER_SCRIPTS = "script-src 'self' 'wasm-unsafe-eval' blob:"
"""The scoring worker's own policy (a worker keeps the policy its script came with, not its page's): the same,
but the worker may also run `blob:` modules, which it makes itself from the gzip copy of Pyodide's
`pyodide.asm.mjs` that it fetched and decompressed (a fifth of the bytes of the plain file). A `blob:` URL
can only be made by script already running in the worker, which runs only the site's own files and never
turns what it is sent into code; the pages' policy is unchanged. Where a host cannot give the worker its own
policy, the worker's import of the blob is refused and it imports the plain file instead."""

FILE = "_headers"
IMMUTABLE = "public, max-age=31536000, immutable"
UNCHANGED = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide.asm.mjs.gz", "pyodide.asm.wasm.gz")
"""Pyodide's boot files the site publishes exactly as that Pyodide version ships them (and the gzip copies of two,
always the same bytes for the same file), so a browser may keep them for a year under their versioned path.
The standard library and the package lock are trimmed by this Huddle (`runtime.py`), so they may change under
the same path and are left to the host's usual caching."""

_CHARSET = re.compile(r'<meta charset="[^"]*">', re.I)


def worker_policy() -> str:
    """The scoring worker's Content Security Policy (see WORKER_SCRIPTS)."""
    scripts = [WORKER_SCRIPTS if directive.startswith("script-src ") else directive for directive in POLICY]
    return "; ".join((*scripts, FRAMING))


def meta() -> str:
    """The policy as a `<meta>` tag."""
    return f'<meta http-equiv="Content-Security-Policy" content="{"; ".join(POLICY)}">'


def with_meta(page: str) -> str:
    """A rendered page with the policy's `<meta>` tag first in its head, after the character set."""
    found = _CHARSET.search(page)
    if found:
        return page[: found.end()] + "\n    " + meta() + page[found.end() :]
    return page.replace("<head>", "<head>\n    " + meta(), 1)


def headers_file(pyodide: str | None) -> str:
    """`_headers` (Netlify and Cloudflare Pages' format) for a site; `pyodide` is the versioned folder of its
    Pyodide files (such as `assets/pyodide/314.0.7-1a2b3c4d/`), or None when it has no assessments."""
    lines = [
        "# Written by Huddle's build: the headers for every file of this site. Netlify and Cloudflare Pages",
        "# read this file; docs/hosting.md gives the same for other hosts. Each page also carries the",
        "# Content Security Policy (all but frame-ancestors) in a <meta> tag.",
        "/*",
        *[f"  {name}: {value}" for name, value in HEADERS.items()],
    ]
    if pyodide:
        lines += [f"/{WORKER}", f"  Content-Security-Policy: {worker_policy()}"]
        for name in UNCHANGED:
            lines += [f"/{pyodide}{name}", f"  Cache-Control: {IMMUTABLE}"]
            if name.endswith(".wasm"):
                lines.append("  Content-Type: application/wasm")
    return "\n".join(lines) + "\n"


Rules = list[tuple[str, dict[str, str]]]


def parse(text: str) -> Rules:
    """The rules of a `_headers` file: (path pattern, headers) in order. Comments and blank lines are skipped."""
    rules: Rules = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), {}))
        elif rules and ":" in line:
            name, _, value = line.strip().partition(":")
            rules[-1][1][name.strip()] = value.strip()
    return rules


def matching(rules: Rules, path: str) -> dict[str, str]:
    """The headers the rules give `path`: every matching rule's, later ones winning (`*` matches anything)."""
    found: dict[str, str] = {}
    for pattern, values in rules:
        if re.fullmatch(".*".join(re.escape(part) for part in pattern.split("*")), path):
            found.update(values)
    return found


def site_headers(site: Path) -> Callable[[str], dict[str, str]]:
    """The headers a built site's `_headers` gives each path, read again for each request (a rebuild may change
    them); none if the site has no `_headers`."""

    def headers_for(path: str) -> dict[str, str]:
        try:
            return matching(parse((site / FILE).read_text(encoding="utf-8")), path)
        except FileNotFoundError:
            return {}

    return headers_for
