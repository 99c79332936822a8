"""Building real sites: the generated assessment page, shipped assets, atomic builds."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

import generator
from generator.assets import GZIPPED, PYODIDE_BOOT_FILES
from generator.build import build_site
from generator.frameworks import load_framework
from generator.scoring.model import normalise
from tests.sites import FIXTURES, REPO, copy_fixture, tree

PYODIDE_VERSION = json.loads((REPO / "package.json").read_text())["dependencies"]["pyodide"]


class Form(HTMLParser):
    """The fieldsets, legends and labelled radios of a page."""

    def __init__(self, html: str):
        super().__init__()
        self.fieldsets: list[dict] = []
        self.labels: dict[str, str] = {}
        self._label_for: str | None = None
        self._in_legend = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "fieldset":
            self.fieldsets.append({"legend": "", "radios": []})
        elif tag == "legend":
            self._in_legend = True
        elif tag == "input" and attrs.get("type") == "radio":
            self.fieldsets[-1]["radios"].append(attrs)
        elif tag == "label":
            self._label_for = attrs.get("for")
            self.labels[self._label_for] = ""

    def handle_endtag(self, tag):
        if tag == "legend":
            self._in_legend = False
        elif tag == "label":
            self._label_for = None

    def handle_data(self, data):
        if self._in_legend:
            self.fieldsets[-1]["legend"] += data
        elif self._label_for:
            self.labels[self._label_for] += data


def test_assessment_page_has_a_fieldset_per_item_with_a_labelled_radio_per_scale_point(minimal_site):
    form = Form((minimal_site / "assessments" / "tiny" / "index.html").read_text())
    assert [f["legend"] for f in form.fieldsets] == [  # numbered as on paper
        '1. First statement, with "quotes" & an ampersand.',
        "2. Second statement.",
        "3. Third statement.",
    ]
    for fieldset in form.fieldsets:
        assert [form.labels[r["id"]] for r in fieldset["radios"]] == ["Never", "Sometimes", "Always", "Does not apply"]
        assert [r["value"] for r in fieldset["radios"]] == ["1", "2", "3", "na"]
        assert len({r["name"] for r in fieldset["radios"]}) == 1


def test_framework_json_is_published_beside_its_page(minimal_site):
    published = json.loads((minimal_site / "assessments" / "tiny" / "framework.json").read_text())
    assert published["id"] == "tiny"
    assert published["domains"][0]["competencies"][0]["items"][1] == {
        "id": "a2",
        "text": "Second statement.",
        "reverse": True,
        "weight": 1,
        "rater_text": "",
    }
    # The browser reads it back into the same model the build made.
    assert normalise(published) == load_framework(FIXTURES / "minimal" / "assessments" / "tiny.yml", FIXTURES)
    assert set(published["guidance"]["competencies"]) == {c.id for c in normalise(published).competencies()}


def pyodide_folder(site: Path) -> Path:
    """The site's one Pyodide folder, `<version>-<trim>` (generator/assets.py pyodide_path)."""
    (folder,) = (site / "assets" / "pyodide").iterdir()
    return folder


def test_only_pyodide_boot_files_are_copied_under_a_versioned_path(minimal_site):
    copied = sorted(p.name for p in pyodide_folder(minimal_site).iterdir())
    assert copied == sorted([*PYODIDE_BOOT_FILES, *(name + ".gz" for name in GZIPPED)])  # and their gzip copies
    assert re.fullmatch(re.escape(PYODIDE_VERSION) + "-[0-9a-f]{8}", pyodide_folder(minimal_site).name)


def test_the_runtime_ships_a_trimmed_standard_library_and_no_package_list(minimal_site):
    folder = pyodide_folder(minimal_site)
    full = zipfile.ZipFile(REPO / "node_modules" / "pyodide" / "python_stdlib.zip")
    trimmed = zipfile.ZipFile(folder / "python_stdlib.zip")
    names = trimmed.namelist()
    # What the scorer imports is compiled (generator/bytecode.py); the rest of a kept package stays source.
    assert {"json/__init__.pyc", "csv.pyc", "encodings/utf_8.pyc", "_pyodide/__init__.pyc"} <= set(names)
    assert {"html/parser.py", "importlib/metadata/__init__.py"} <= set(names)
    assert {"email/__init__.py", "unittest/__init__.py", "encodings/cp1252.py"}.isdisjoint(names)
    assert {"asyncio/windows_events.py", "logging/handlers.py", "concurrent/interpreters/__init__.py"}.isdisjoint(
        name.removesuffix("c") for name in names
    )
    assert {name.removesuffix("c") for name in names} <= set(full.namelist())
    assert all(trimmed.read(name) == full.read(name) for name in names if not name.endswith(".pyc"))
    headers = {trimmed.read(name)[:8] for name in names if name.endswith(".pyc")}
    assert len(headers) == 1 and headers.pop()[2:] == b"\r\n\x01\0\0\0"  # one magic; hash-based, unchecked
    assert len([name for name in names if name.endswith(".pyc")]) > 100
    assert (folder / "python_stdlib.zip").stat().st_size < 0.5 * (
        REPO / "node_modules/pyodide/python_stdlib.zip"
    ).stat().st_size
    lock = json.loads((folder / "pyodide-lock.json").read_text())
    assert lock == {
        "info": json.loads((REPO / "node_modules/pyodide/pyodide-lock.json").read_text())["info"],
        "packages": {},
    }


def test_the_scoring_package_and_nothing_else_is_shipped_compiled_from_its_own_source(minimal_site):
    package = Path(generator.__file__).parent
    with zipfile.ZipFile(io.BytesIO((minimal_site / "assets" / "huddle" / "scoring.zip").read_bytes())) as archive:
        shipped = {name: archive.read(name) for name in archive.namelist()}
    sources = {f"generator/scoring/{p.name}": p.read_bytes() for p in (package / "scoring").glob("*.py")}
    assert sorted(shipped) == sorted(name + "c" for name in sources)  # bytecode, by generator/bytecode.py
    # Each names its own source: the bytecode's hash-based header, then its code (whose names include the path).
    for name in sources:
        assert shipped[name + "c"][4:8] == b"\x01\0\0\0" and name.encode() in shipped[name + "c"]


def test_only_assessment_pages_load_the_scorer(minimal_site):
    assert "assessment.js" in (minimal_site / "assessments" / "tiny" / "index.html").read_text()
    for page in ["index.html", "404.html"]:
        html = (minimal_site / page).read_text()
        assert "assessment.js" not in html and "pyodide" not in html


def inline_scripts(html: str) -> list[str]:
    """Opening tags of scripts that would run from the page itself (no src, not JSON data)."""
    tags = re.findall(r"<script\b[^>]*>", html)
    return [tag for tag in tags if "src=" not in tag and 'type="application/json"' not in tag]


@pytest.mark.parametrize("site_name", ["minimal", "demo"])
def test_pages_have_no_inline_scripts_so_a_strict_csp_holds(site_name, minimal_site, demo_site):
    site = minimal_site if site_name == "minimal" else demo_site
    pages = list(site.rglob("*.html"))
    assert len(pages) > 5
    assert {
        str(page.relative_to(site)): inline_scripts(page.read_text())
        for page in pages
        if inline_scripts(page.read_text())
    } == {}


def test_mkdocs_build_gives_the_same_site_as_huddle_build(tmp_path):
    config = copy_fixture("minimal", tmp_path)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", "generator", "-q", "-f", str(config), "build", "--strict"],
        check=True,
        env=env,
        cwd=tmp_path,
        capture_output=True,
    )
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "--strict", "-f", str(config), "-d", str(tmp_path / "mk")],
        check=True,
        env=env,
        capture_output=True,
    )
    assert tree(config.parent / "site") == tree(tmp_path / "mk")


def test_a_failed_build_leaves_the_last_good_site_in_place(tmp_path):
    config = copy_fixture("minimal", tmp_path)
    site = build_site(config, strict=True)
    before = tree(site)
    (config.parent / "assessments" / "broken.yml").write_text("id: broken\ntitle: [unclosed\n")
    with pytest.raises(Abort, match=r"assessments/broken.yml:\d+:\d+: is not valid YAML"):
        build_site(config, strict=True)
    assert tree(site) == before
    assert sorted(p.name for p in site.parent.iterdir() if p.name.startswith(".site")) == [".site.lock"]


def test_leftovers_of_killed_builds_are_removed_by_the_next_build(tmp_path):
    config = copy_fixture("minimal", tmp_path)
    for leftover in [".site-new-k1ll3d", ".site-old-k1ll3d"]:
        (config.parent / leftover / "assets").mkdir(parents=True)
    build_site(config)
    assert sorted(p.name for p in config.parent.iterdir() if p.name.startswith(".site")) == [".site.lock"]


def test_a_second_build_while_one_runs_is_told_to_wait(tmp_path):
    import fcntl

    config = copy_fixture("minimal", tmp_path)
    with open(config.parent / ".site.lock", "a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # as a running build holds it
        with pytest.raises(Abort) as error:
            build_site(config)
    assert str(error.value) == (
        "Another build of site/ is running (it holds .site.lock); wait for it to finish, then build again."
    )
    assert build_site(config).is_dir()  # and once it is done, building works


def test_the_site_folder_is_never_missing_while_a_build_replaces_it(tmp_path):
    config = copy_fixture("minimal", tmp_path)
    site = build_site(config)
    gaps = []
    done = threading.Event()

    def watch():
        while not done.is_set():
            if not (site / "index.html").is_file():
                gaps.append(True)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        for _ in range(3):
            build_site(config)
    finally:
        done.set()
        watcher.join()
    assert gaps == []


def test_a_build_killed_at_any_moment_leaves_a_whole_site_and_the_next_build_cleans_up(tmp_path):
    config = copy_fixture("minimal", tmp_path)
    site = build_site(config)
    command = [sys.executable, "-m", "generator", "-q", "-f", str(config), "build"]
    for delay in [0.5, 1.0, 1.5, 2.0, 2.5]:
        process = subprocess.Popen(command, stderr=subprocess.DEVNULL)
        try:
            process.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        assert (site / "index.html").is_file() and (site / "assessments" / "tiny" / "framework.json").is_file()
    build_site(config)
    assert sorted(p.name for p in config.parent.iterdir() if p.name.startswith(".site")) == [".site.lock"]


def test_a_pyodide_dir_without_pyodide_says_how_to_get_it_or_use_huddles_own(tmp_path):
    config = copy_fixture("minimal", tmp_path)
    config.write_text(config.read_text().replace("  - huddle:\n", "  - huddle:\n      pyodide_dir: nowhere/pyodide\n"))
    with pytest.raises(Abort, match="run `npm install pyodide` there, or remove the huddle plugin's `pyodide_dir`"):
        build_site(config)


def test_the_framework_schema_is_published_at_a_stable_path(minimal_site):
    shipped = (minimal_site / "schemas" / "framework.schema.json").read_bytes()
    assert shipped == (REPO / "generator" / "frameworks" / "framework.schema.json").read_bytes()


def test_two_builds_of_the_same_inputs_are_byte_identical(tmp_path, minimal_site):
    again = build_site(FIXTURES / "minimal" / "site.yml", strict=True, site_dir=tmp_path / "again")
    first, second = tree(minimal_site), tree(again)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


def test_printable_version_has_every_statement_and_a_scoring_key(minimal_site):
    html = (minimal_site / "assessments" / "tiny" / "print" / "index.html").read_text()
    body = html[html.index("<article") : html.index("</article>")]
    for statement in ["First statement, with", "Second statement.", "Third statement."]:
        assert statement in body
    assert body.count("\u2610 Never") == 3 and "\u2610 Does not apply" in body
    assert "Scoring key" in body and "count 4 minus your answer" in body
    assert "<td>Alpha</td>\n<td>1, 2 (reversed)</td>" in body


def test_framework_json_carries_the_guidance_for_results_with_urls_from_the_assessment_page(minimal_site):
    guidance = json.loads((minimal_site / "assessments" / "tiny" / "framework.json").read_text())["guidance"]
    assert guidance["printable"] == "print/"
    assert guidance["competencies"]["alpha"]["page"] == "../../frameworks/tiny/alpha/"
    assert guidance["competencies"]["alpha"]["case_studies"] == [
        {"title": "Second story", "url": "../../case-studies/second-story/", "illustrative": False},
        {"title": "First story", "url": "../../case-studies/first-story/", "illustrative": True},
    ]
    assert guidance["competencies"]["alpha"]["bands"] == {"Low": "<p>Rarely shown.</p>", "High": "<p>Often shown.</p>"}


def test_links_in_framework_markdown_are_written_from_the_docs_folder_and_work_where_shown(minimal_site):
    develop = json.loads((minimal_site / "assessments" / "tiny" / "framework.json").read_text())["guidance"]
    develop = develop["competencies"]["alpha"]["develop"]
    assert 'href="../../case-studies/first-story/"' in develop  # from assessments/tiny/
    assert 'href="../../frameworks/tiny/beta/"' in develop
    page = (minimal_site / "frameworks" / "tiny" / "alpha" / "index.html").read_text()
    assert 'href="../../../case-studies/first-story/"' in page  # from frameworks/tiny/alpha/
    assert 'href="../beta/"' in page


def test_a_link_in_framework_markdown_to_no_page_fails_a_strict_build(tmp_path, caplog):
    config = copy_fixture("minimal", tmp_path)
    tiny = config.parent / "assessments" / "tiny.yml"
    tiny.write_text(tiny.read_text().replace("case-studies/first-story.md", "case-studies/missing.md"))
    with pytest.raises(Abort, match=r"left the last site as it was: the 1 warning\(s\) above are errors with --strict"):
        build_site(config, strict=True)
    warned = [r.getMessage() for r in caplog.records if "missing.md" in r.getMessage()]
    assert len(warned) == 1  # once, though the text is shown on two pages
    assert warned[0].startswith("Framework 'tiny' competency 'alpha' develop links to 'case-studies/missing.md', ")


@pytest.mark.parametrize("folder", ["content", "assessments"])
@pytest.mark.parametrize("where", ["outside the project", ".env", ".git/config"])
def test_a_link_out_of_its_folder_is_refused_and_nothing_is_published(tmp_path, folder, where):
    config = copy_fixture("minimal", tmp_path)
    secret = tmp_path / "build.env" if where == "outside the project" else config.parent / where
    secret.parent.mkdir(exist_ok=True)
    secret.write_text("TOKEN=do-not-publish\n")
    suffix = ".yml" if folder == "assessments" else ".md"
    (config.parent / folder / f"leak{suffix}").symlink_to(secret)
    (config.parent / folder / f"gone{suffix}").symlink_to(tmp_path / "nothing-here")
    with pytest.raises(Abort) as error:
        build_site(config)
    shown = secret.resolve() if where == "outside the project" else where
    assert f"{folder}/leak{suffix}: is a link to {shown}, outside {folder}/" in str(error.value)
    assert f"{folder}/gone{suffix}: is a link to a file that does not exist" in str(error.value)
    assert not (config.parent / "site").exists()
    copies = [p for p in tmp_path.rglob("*") if p.is_file() and not p.is_symlink() and p != secret]
    assert not [p for p in copies if "do-not-publish" in p.read_text(errors="ignore")]


def test_pyodide_boot_files_that_are_links_are_not_published(tmp_path):
    config = copy_fixture("minimal", tmp_path)
    pyodide = tmp_path / "pyodide"
    shutil.copytree(REPO / "node_modules" / "pyodide", pyodide, ignore=shutil.ignore_patterns("pyodide-lock.json"))
    (pyodide / "pyodide-lock.json").symlink_to(REPO / "node_modules" / "pyodide" / "pyodide-lock.json")
    config.write_text(config.read_text().replace("  - huddle:\n", f"  - huddle:\n      pyodide_dir: {pyodide}\n"))
    with pytest.raises(Abort, match="pyodide-lock.json in .* are links, not files"):
        build_site(config)


def test_the_intro_counts_with_the_right_nouns(minimal_site, demo_site):
    tiny = (minimal_site / "assessments" / "tiny" / "index.html").read_text()
    assert "</strong> 2 competencies in 1 domain: Alpha, Beta." in tiny
    assert "</strong> 3 statements, about 1 minute." in tiny
    demo = (demo_site / "assessments" / "collective-leadership" / "index.html").read_text()
    assert re.search(r"</strong> 6 competencies in \d domains: ", demo)
    assert re.search(r"</strong> 28 statements, about \d+ minutes\.", demo)


def test_saving_is_offered_before_the_first_statement_and_clearing_after_the_last(minimal_site):
    page = (minimal_site / "assessments" / "tiny" / "index.html").read_text()
    first, last = page.index("<fieldset"), page.rindex("</fieldset>")
    assert page.index('id="huddle-save"') < first and page.index("data-huddle-clear-box") > last
