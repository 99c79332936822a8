"""Any static host, the same protection: the policy in every page's <meta>, the rest in `site/_headers`.

In Chromium: served with exactly the headers of `_headers`, a full assessment
and a search raise no Content Security Policy violation; served with no
headers at all, the <meta> policy alone still blocks an injected inline
script; served under a sub-path, everything works. If nginx is installed, the
snippet in docs/hosting.md is run and its headers checked.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
import tomllib
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
import yaml

from generator.build import build_site
from generator.headers import HEADERS, POLICY, matching, parse, site_headers, worker_policy
from tests.assessment_page import answer, framework_of, items_of, label_values, see_results
from tests.sites import REPO, serving

PAGE = "assessments/collective-leadership/"

LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.effectiveDirective} ${event.blockedURI}`);
});
"""
"""Runs before any script of each page: every CSP violation the page reports, kept for the test to read."""


def violations(page) -> list[str]:
    return page.evaluate("window.__violations")


def answer_every_statement(page, site: Path) -> None:
    framework = framework_of(site, PAGE)
    labels = list(label_values(framework))
    for n, item in enumerate(items_of(framework)):
        answer(page, item.id, labels[n % len(labels)])


def search(page, words: str) -> None:
    page.locator(".md-search__input").click()
    page.keyboard.type(words)
    page.locator(".md-search-result__item").first.wait_for()


# The files the build writes.


def test_every_page_carries_the_policy_in_a_meta_tag_before_anything_it_governs(demo_site):
    pages = sorted(demo_site.rglob("*.html"))
    assert len(pages) > 30
    tag = f'<meta http-equiv="Content-Security-Policy" content="{"; ".join(POLICY)}">'
    for path in pages:
        html = path.read_text()
        assert html.count(tag) == 1, path
        head = html[: html.index(tag)]
        assert "<script" not in head and "<link" not in head and "<style" not in head, path
    assert "frame-ancestors" not in tag  # a <meta> policy cannot carry it; _headers does


def test_headers_file_sets_the_policy_everywhere_and_caches_only_unchanged_pyodide_files(demo_site):
    rules = parse((demo_site / "_headers").read_text())
    page = matching(rules, "/assessments/collective-leadership/")
    assert page == HEADERS and "frame-ancestors 'none'" in page["Content-Security-Policy"]
    (version,) = [p.name for p in (demo_site / "assets" / "pyodide").iterdir()]
    wasm = matching(rules, f"/assets/pyodide/{version}/pyodide.asm.wasm")
    assert wasm["Content-Type"] == "application/wasm"
    assert wasm["Cache-Control"] == "public, max-age=31536000, immutable"
    # Trimmed by this Huddle, so they may change under the same path: the host's usual caching.
    assert "Cache-Control" not in matching(rules, f"/assets/pyodide/{version}/python_stdlib.zip")
    assert "Cache-Control" not in matching(rules, "/assets/huddle/scoring.zip")
    # The gzip copies go as they are: a `Content-Encoding` would have the browser decompress them before the worker.
    for path in (f"/assets/pyodide/{version}/pyodide.asm.wasm.gz", "/assets/huddle/scoring.zip.gz"):
        assert not {"Content-Encoding", "Content-Type"} & set(matching(rules, path)), path
    assert matching(rules, f"/assets/pyodide/{version}/pyodide.asm.wasm.gz")["Cache-Control"] == wasm["Cache-Control"]
    # The scoring worker alone may run the module it decompressed itself (blob:).
    assert matching(rules, "/assets/huddle/worker.js")["Content-Security-Policy"] == worker_policy()
    assert "blob:" in worker_policy() and "blob:" not in page["Content-Security-Policy"]


def test_netlify_toml_keeps_only_build_settings():
    text = (REPO / "netlify.toml").read_text()
    assert "[[headers]]" not in text and "Content-Security-Policy" not in text


HOSTING = REPO / "docs" / "hosting.md"


def documented(language: str, starting: str = "") -> str:
    """The first block of `language` in docs/hosting.md that starts with `starting`."""
    return re.search(rf"```{language}\n({re.escape(starting)}.*?)```", HOSTING.read_text(), re.S).group(1)


def test_the_documented_iis_web_config_sends_the_same_headers_and_types():
    # IIS cannot run here; its config is checked against the build's own policy, so the two cannot drift.
    config = ElementTree.fromstring(documented("xml").encode())
    site, worker = config.find("system.webServer"), config.find("location[@path='assets/huddle/worker.js']")
    sent = {add.get("name"): add.get("value") for add in site.iter("add")}
    assert sent == HEADERS
    assert {add.get("name"): add.get("value") for add in worker.iter("add")} == {
        "Content-Security-Policy": worker_policy()
    }
    types = {entry.get("fileExtension"): entry.get("mimeType") for entry in config.iter("mimeMap")}
    assert types == {
        ".wasm": "application/wasm",
        ".mjs": "text/javascript",
        ".json": "application/json",
        ".gz": "application/gzip",
    }
    assert [error.get("path") for error in config.iter("error")] == ["/404.html"]
    cache = next(config.iter("clientCache"))
    assert cache.get("cacheControlMaxAge") == "365.00:00:00"


def test_the_documented_github_pages_workflow_builds_and_publishes_as_a_new_site_does():
    workflow = yaml.safe_load(documented("yaml", "name: Publish"))
    steps = workflow["jobs"]["publish"]["steps"]
    netlify = tomllib.loads((REPO / "generator" / "starter" / "netlify.toml").read_text())
    assert [step["run"] for step in steps if "run" in step] == [netlify["build"]["command"]]
    python = next(step for step in steps if step.get("uses", "").startswith("actions/setup-python@"))
    assert python["with"]["python-version"] == netlify["build"]["environment"]["PYTHON_VERSION"] == "3.11"
    upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == netlify["build"]["publish"] == "site"
    assert steps[-1]["uses"].startswith("actions/deploy-pages@")
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}


# In Chromium.


@pytest.mark.browser
def test_with_the_headers_file_a_full_assessment_and_a_search_raise_no_violation(browser, demo_site, demo_url):
    context = browser.new_context()
    context.add_init_script(LISTEN)
    errors: list[str] = []
    try:
        page = context.new_page()
        page.on("console", lambda message: message.type == "error" and errors.append(message.text))
        response = page.goto(demo_url + PAGE)
        assert response.headers["content-security-policy"] == HEADERS["Content-Security-Policy"]
        assert response.headers["x-content-type-options"] == "nosniff"
        answer_every_statement(page, demo_site)
        see_results(page, anyway=False)
        search(page, "huddle")
        assert violations(page) == []
        assert errors == []  # the worker's violations, if any, are reported here
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.no_pyodide
def test_with_no_headers_at_all_the_meta_policy_blocks_an_injected_inline_script(browser, request, demo_site):
    from tests.conftest import new_context

    context = new_context(browser, request)
    context.add_init_script(LISTEN)
    injected = "<script>window.__ran = true;</script>"

    def inject(route):
        served = route.fetch()
        body = served.text().replace("</head>", injected + "</head>", 1)
        route.fulfill(response=served, body=body)

    try:
        with serving(demo_site, {}) as url:
            page = context.new_page()
            page.route(url + PAGE, inject)
            response = page.goto(url + PAGE)
            assert "content-security-policy" not in response.headers
            assert injected in page.content()
            assert page.evaluate("window.__ran") is None
            assert any(found.startswith("script-src-elem inline") for found in violations(page))
            # The site's own scripts still run: the questionnaire counts answers.
            answer(page, "v1", "Often")
            page.get_by_text("1 of 28 answered").first.wait_for()
    finally:
        context.close()


@pytest.fixture(scope="module")
def subpath_site(tmp_path_factory) -> Path:
    """The demo, built to be served at /leadership/ (site_url says so, for the 404 page)."""
    folder = tmp_path_factory.mktemp("subpath")
    for name in ("content", "assessments", "audit"):  # audit: the report the statement's summary is from
        shutil.copytree(REPO / name, folder / name)
    config = folder / "site.yml"
    config.write_text("site_url: https://example.org/leadership/\n" + (REPO / "site.yml").read_text())
    return build_site(config, strict=True)


@pytest.mark.browser
def test_under_a_sub_path_pages_assessment_search_and_the_404_page_all_work(browser, subpath_site):
    context = browser.new_context()
    context.add_init_script(LISTEN)
    requests: list[str] = []
    # The scoring worker's module from its decompressed bytes (blob:) never goes to the network.
    context.on("request", lambda r: r.url.startswith("blob:") or requests.append(urlsplit(r.url).path))
    try:
        with serving(subpath_site, site_headers(subpath_site), prefix="/leadership/") as root:
            url = root + "leadership/"
            page = context.new_page()
            page.goto(url)
            page.get_by_role("link", name="collective leadership self-assessment").first.click()
            page.wait_for_url(url + PAGE)
            answer_every_statement(page, subpath_site)
            see_results(page, anyway=False)
            search(page, "huddle")
            page.locator(".md-search-result__item a").first.click()
            page.wait_for_load_state()
            assert page.url.startswith(url)
            missing = page.goto(url + "no/such/page/")
            assert missing.status == 404
            # The 404 page's styles and scripts load from the sub-path: Material's header is styled.
            assert page.locator(".md-header").evaluate("e => getComputedStyle(e).position") == "sticky"
            assert violations(page) == []
    finally:
        context.close()
    outside = [path for path in requests if not path.startswith("/leadership/")]
    assert outside == []


# nginx, when the machine has it (CI installs it as it installs Chromium).

NGINX = shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if Path(p).exists()), None)


@pytest.mark.skipif(NGINX is None, reason="nginx is not installed")
def test_the_documented_nginx_snippet_sends_the_same_headers(demo_site, tmp_path):
    doc = (REPO / "docs" / "hosting.md").read_text()
    snippet = re.search(r"```nginx\n(.*?)```", doc, re.S).group(1)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = snippet.replace("listen 80;", f"listen 127.0.0.1:{port};").replace("/var/www/leadership", str(demo_site))
    (tmp_path / "logs").mkdir()
    (tmp_path / "nginx.conf").write_text(
        # As root, nginx's workers would run as nobody, who cannot read pytest's private temporary folders.
        ("user root;\n" if os.geteuid() == 0 else "")
        + f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/logs/error.log;\nevents {{}}\nhttp {{\n"
        f"  access_log off;\n  include /etc/nginx/mime.types;\n  client_body_temp_path {tmp_path};\n{server}\n}}\n"
    )
    process = subprocess.Popen([NGINX, "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf"), "-g", "daemon off;"])
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/{PAGE}", timeout=5) as response:
                    page = dict(response.headers)
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise
                time.sleep(0.1)
        for name, value in HEADERS.items():
            assert page[name] == value, name
        (version,) = [p.name for p in (demo_site / "assets" / "pyodide").iterdir()]
        wasm_url = f"http://127.0.0.1:{port}/assets/pyodide/{version}/pyodide.asm.wasm"
        with urllib.request.urlopen(wasm_url, timeout=5) as response:
            assert response.headers["Content-Type"] == "application/wasm"
            assert "immutable" in response.headers["Cache-Control"]
            assert response.headers["Content-Security-Policy"] == HEADERS["Content-Security-Policy"]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/assets/huddle/worker.js", timeout=5) as response:
            assert response.headers["Content-Security-Policy"] == worker_policy()
        # The gzip copies go as they are (the worker decompresses them), and a cut-off one continues.
        gzipped = urllib.request.Request(wasm_url + ".gz", headers={"Range": "bytes=1000-", "Accept-Encoding": "gzip"})
        with urllib.request.urlopen(gzipped, timeout=5) as response:
            assert response.status == 206
            assert "Content-Encoding" not in response.headers
            assert "immutable" in response.headers["Cache-Control"]
            whole = (demo_site / "assets" / "pyodide" / version / "pyodide.asm.wasm.gz").read_bytes()
            assert response.read() == whole[1000:]
    finally:
        process.terminate()
        process.wait(timeout=10)
