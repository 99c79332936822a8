"""`huddle audit SITE_DIR`: planted problems are each caught, and the demo's pages audit clean.

The audit is run as a person runs it, `python -m generator audit`, in its own process: its exit status, its
terminal lines and the report it writes are what a trust sees.
"""

from __future__ import annotations

import http.server
import json
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from generator.audit.findings import Finding, Report
from generator.audit.run import chosen
from generator.audit.static import base_path, html_pages, static_findings
from tests.sites import FIXTURES, REPO

PLANTED = FIXTURES / "audited"


def audit(site: Path, out: Path, *args: str) -> tuple[subprocess.CompletedProcess, dict]:
    done = subprocess.run(
        [sys.executable, "-m", "generator", "audit", str(site), "--out", str(out), *args],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    report = out / "report.json"
    return done, json.loads(report.read_text(encoding="utf-8")) if report.exists() else {}


def rules(report: dict) -> set[tuple[str, str, str]]:
    """(check, page, rule) of each failure."""
    return {(f["check"], f["page"], f["rule"]) for f in report["findings"] if f["fails"]}


# No browser: the static checks and the report.


def test_the_static_checks_find_a_broken_link_a_broken_anchor_an_image_with_no_alt_and_no_policy():
    pages = html_pages(PLANTED)
    assert pages == ["", "clean/", "cookie/", "trap/"]
    found = {(f.page, f.rule): f.message for f in static_findings(PLANTED, pages, lambda path: {})}
    assert found == {
        ("", "broken-link"): "<a> goes to 'missing/', which the site does not have.",
        ("", "broken-anchor"): "link '#nowhere': the page has no element with id 'nowhere'.",
        ("", "image-alt"): "image 'local.png' has no alt attribute (alt=\"\" if it is decoration).",
        ("cookie/", "no-policy"): "the page has no Content-Security-Policy (neither a <meta> tag nor a header).",
        ("trap/", "broken-link"): "<img> goes to 'gone.png', which the site does not have.",
        ("trap/", "no-policy"): "the page has no Content-Security-Policy (neither a <meta> tag nor a header).",
    }
    # A policy sent as a header (the site's _headers) counts as one.
    with_header = static_findings(PLANTED, pages, lambda path: {"content-security-policy": "default-src 'self'"})
    assert "no-policy" not in {f.rule for f in with_header}


def test_a_site_built_for_a_sub_path_has_its_links_from_there(tmp_path):
    """site_url https://example.org/leadership/: the 404 page's links start from /leadership/ (docs/hosting.md)."""
    (tmp_path / "about").mkdir()
    (tmp_path / "about" / "index.html").write_text("<h1>About</h1>")
    (tmp_path / "index.html").write_text('<a href="/leadership/about/">About</a> <a href="/about/">elsewhere</a>')
    locs = "".join(f"<url><loc>https://example.org/leadership/{page}</loc></url>" for page in ("", "about/"))
    (tmp_path / "sitemap.xml").write_text(f"<urlset>{locs}</urlset>")
    assert base_path(tmp_path) == "/leadership/"
    found = [
        (f.rule, f.message) for f in static_findings(tmp_path, ["", "about/"], lambda path: {}) if f.check == "links"
    ]
    assert found == [("broken-link", "<a> goes to '/about/', which the site does not have.")]
    (tmp_path / "sitemap.xml").write_text("<urlset></urlset>")  # no site_url: served at the root
    assert base_path(tmp_path) == "/"


def test_links_alone_need_no_browser_and_fail_the_run(tmp_path):
    done, report = audit(PLANTED, tmp_path / "out", "--only", "links")
    assert done.returncode == 1, done.stderr
    assert report["browser"] == "no browser" and report["checks"] == ["links"]
    assert rules(report) == {
        ("links", "", "broken-link"),
        ("links", "", "broken-anchor"),
        ("links", "", "image-alt"),
        ("links", "trap/", "broken-link"),
    }
    assert "4 failure(s) in 4 pages" in done.stderr
    markdown = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    assert "## How we tested this website" in markdown and "found 4 failures" in markdown


def test_only_names_the_checks_it_takes(tmp_path):
    assert chosen("links, axe") == ["axe", "links"]
    done, _ = audit(PLANTED, tmp_path / "out", "--only", "links,spelling")
    assert done.returncode == 1
    assert "--only takes checks among axe, keyboard, reflow, privacy, links, console, csp" in done.stderr
    assert "'links,spelling'" in done.stderr


def test_a_folder_that_is_not_a_built_site_is_named(tmp_path):
    done, _ = audit(tmp_path, tmp_path / "out")
    assert done.returncode == 1
    assert f"{tmp_path} is not a built site (it has no index.html). Build it first (huddle build)" in done.stderr
    assert not (tmp_path / "out").exists()


def test_the_report_never_reads_a_finding_as_markdown_or_html():
    report = Report(site="site", date="2026-12-06", huddle="0", browser="Chromium 1", checks=["console"], pages=[""])
    report.findings.append(Finding("console", "", "script-error", "a | b <script>alert(1)</script>\nnext"))
    row = report.to_markdown().split("## Failures")[1]
    assert "a \\| b &lt;script>alert(1)&lt;/script> next" in row and "<script>" not in row


# In Chromium.


@pytest.mark.browser
def test_every_planted_problem_is_reported_and_the_clean_page_is_not(tmp_path):
    # The other origin listens (on another loopback address), so a request let through would be counted.
    asked: list[str] = []

    class Other(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            asked.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    other = http.server.ThreadingHTTPServer(("127.0.0.2", 0), Other)
    threading.Thread(target=other.serve_forever, daemon=True).start()
    site = tmp_path / "site"
    shutil.copytree(PLANTED, site)
    elsewhere = f"127.0.0.2:{other.server_address[1]}"
    (site / "index.html").write_text((PLANTED / "index.html").read_text().replace("127.0.0.2:9", elsewhere))
    try:
        done, report = audit(site, tmp_path / "out")
    finally:
        other.shutdown()
        other.server_close()
    assert asked == []  # refused in the browser: nothing left this machine's browser for it
    assert done.returncode == 1, done.stderr
    failures = rules(report)
    assert ("axe", "", "button-name") in failures  # the planted violation: a button with no name
    assert ("keyboard", "", "focus-obscured") in failures  # the link under the fixed header, when focused
    assert ("privacy", "", "request-off-site") in failures  # the image from another origin
    assert ("reflow", "", "sideways-scroll") in failures  # the paragraph 40rem wide
    assert ("privacy", "cookie/", "cookie") in failures
    assert ("csp", "cookie/", "no-policy") in failures
    assert {("links", "", "broken-link"), ("links", "", "broken-anchor"), ("links", "", "image-alt")} <= failures
    assert not {rule for rule in failures if rule[1] == "clean/"}
    # Tab goes from Second back to First: a trap (2.1.2), the link after it never reached; a focus not drawn.
    assert {("keyboard", "trap/", "focus-trap"), ("keyboard", "trap/", "not-reachable")} <= failures
    assert ("keyboard", "trap/", "focus-not-visible") in failures
    assert ("console", "trap/", "http-404") in failures  # gone.png, said once
    assert [f["rule"] for f in report["findings"] if f["page"] == "trap/" and f["check"] == "console"] == ["http-404"]

    messages = {f["rule"]: f["message"] for f in report["findings"]}
    assert messages["request-off-site"] == f"opening / asked for http://{elsewhere}/x.png; refused."
    assert messages["focus-obscured"].startswith("the focused control is hidden under header")
    # What is stored is listed for the privacy notice, and does not fail the audit by itself.
    [stored] = [f for f in report["findings"] if f["rule"] == "stored"]
    assert stored["page"] == "cookie/" and not stored["fails"]
    assert stored["message"] == "opening /cookie/ stored 'seen' in localStorage."
    assert report["browser"].startswith("Chromium ")
    assert report["states"] == 4 * 4 and report["reached"] == []  # each page in two schemes at two widths


@pytest.mark.long
@pytest.mark.browser
@pytest.mark.timeout(600)  # two scorer boots and a download that fails after its two waits (20 s)
def test_the_demo_audits_clean(demo_site, tmp_path):
    """A page of each kind: home, a case study, an assessment with its team and guide pages, the
    statement. `make audit` audits every page of the demo in CI."""
    site = tmp_path / "site"
    shutil.copytree(demo_site, site)
    for pages in ("/", "/case-studies/emergency-team-fair-chances/", "/assessments/team-culture/*", "/accessibility/"):
        done, report = audit(site, tmp_path / "out", "--pages", pages)
        assert done.returncode == 0, f"{pages}: {json.dumps(report.get('findings'), indent=1)}\n{done.stderr}"
        assert report["pages"], pages
        if pages == "/assessments/team-culture/*":  # the states were reached, not only looked for
            assert report["reached"] == ["results", "failed download", "team profile"]
