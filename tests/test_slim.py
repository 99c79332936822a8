"""Huddle's scripts and styles are published without their comments, and are still the same programs."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from generator import slim
from generator.bundle import theme_dir

THEME_ASSETS = theme_dir() / "assets" / "huddle"


def test_a_script_loses_its_comment_lines_and_indentation_and_nothing_else():
    source = (
        "// What this file does.\n"
        "export function f(url) {\n"
        "  // Why:\n"
        '  const x = "http://a//b"; // kept: a comment after code\n'
        "  return `${url}//${x}`;\n"
        "}\n"
    )
    assert slim.script(source) == (
        'export function f(url) {\nconst x = "http://a//b"; // kept: a comment after code\nreturn `${url}//${x}`;\n}\n'
    )


@pytest.mark.parametrize(
    "source",
    [
        "const page = `<p>\n  // not a comment: inside a template literal\n</p>`;\n",
        'const text = "one \\\n  // still the string";\n',
    ],
    ids=["template literal over lines", "string continued"],
)
def test_a_script_whose_strings_run_over_lines_is_published_as_it_is(source):
    assert slim.script(source) == source


def test_a_style_loses_its_comments_but_not_its_strings():
    source = '/* Huddle */\n.a::before {\n  content: "/* kept */";  /* dropped */\n  margin:  0   1rem;\n}\n'
    assert slim.style(source) == '.a::before {\ncontent: "/* kept */";\nmargin: 0 1rem;\n}\n'


def test_what_is_published_is_slimmer_and_every_script_still_parses(demo_site: Path, tmp_path: Path):
    node = shutil.which("node")
    sources = sorted(THEME_ASSETS.rglob("*.js")) + sorted(THEME_ASSETS.rglob("*.css"))
    before = after = 0
    for source in sources:
        published = demo_site / "assets" / "huddle" / source.relative_to(THEME_ASSETS)
        text = published.read_text(encoding="utf-8")
        before, after = before + source.stat().st_size, after + len(text.encode())
        assert text == slim.slimmed(source.name, source.read_text(encoding="utf-8")), source.name
        if node and source.suffix == ".js":
            copy = shutil.copy(published, tmp_path / f"{source.stem}.mjs")
            checked = subprocess.run([node, "--check", copy], capture_output=True, text=True, check=False)
            assert checked.returncode == 0, f"{source.name}: {checked.stderr}"
    offline = (demo_site / "huddle-offline.js").read_text(encoding="utf-8")
    assert offline == slim.script((THEME_ASSETS / "offline.js").read_text(encoding="utf-8"))
    assert after < 0.8 * before  # a fifth and more of Huddle's own bytes were comments
