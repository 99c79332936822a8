"""Huddle's scripts and styles are published without their comments, and are still the same programs."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from generator import slim
from generator.bundle import theme_dir

THEME_ASSETS = theme_dir() / "assets" / "huddle"
REPO = Path(__file__).resolve().parent.parent

TOKENS = """
const { tokenizer } = require("acorn");
const sources = JSON.parse(require("fs").readFileSync(0, "utf8"));
const options = { ecmaVersion: "latest", sourceType: "module" };
const tokens = (text) => [...tokenizer(text, options)].map((t) => [t.type.label, text.slice(t.start, t.end)]);
console.log(JSON.stringify(sources.map(tokens)));
"""


def tokens(*sources: str) -> list[list[list[str]]]:
    """Each script's tokens as acorn reads them, each its kind and its text as written (comments are not tokens),
    to compare a script with its slim copy."""
    node = shutil.which("node")
    if node is None or not (REPO / "node_modules" / "acorn").is_dir():
        pytest.skip("node and acorn (make setup) are needed to read the scripts' tokens")
    read = subprocess.run(
        [node, "-e", TOKENS], input=json.dumps(sources), capture_output=True, text=True, cwd=REPO, check=True
    )
    return json.loads(read.stdout)


EDGE_SCRIPTS = {
    "a block comment that a // line ends": "/* why\n// and how */ const x = 1;\nexport { x };\n",
    "a // line inside a block comment": "/*\n  // inside\n*/\nconst y = 2;\n",
    "nested template literals over lines": "const x = `a ${`b\n  // not a comment\n`} c`;\nconst z = `${x}`;\n",
    "a string continued over a CRLF line break": 'const s = "a \\\r\n  // still the string";\r\nconst t = 1;\r\n',
    "an escaped space in a string": 'const s = "a\\ b";\n  // gone\nconst t = `c\\ d`;\n',
}


@pytest.mark.parametrize("source", EDGE_SCRIPTS.values(), ids=EDGE_SCRIPTS.keys())
def test_a_slim_script_has_the_same_tokens_as_its_source(source):
    original, slimmed = tokens(source, slim.script(source))
    assert slimmed == original


def test_every_theme_script_slims_to_the_same_tokens():
    scripts = sorted(THEME_ASSETS.rglob("*.js"))
    texts = [path.read_text(encoding="utf-8") for path in scripts]
    found = tokens(*texts, *(slim.script(text) for text in texts))
    for path, original, slimmed in zip(scripts, found[: len(texts)], found[len(texts) :], strict=True):
        assert slimmed == original, path.name


@pytest.mark.parametrize(
    "source",
    [
        ".a { margin: 1px/**/2px; }\n",
        ".a/**/.b { color: red; }\n",
        ".a { background: url(data:image/svg+xml;utf8,/*not-a-comment*/); }\n",
        ".a\\  .b { color: red; }\n",
    ],
    ids=["a comment between two values", "a comment between two selectors", "unquoted url with /*", "escaped space"],
)
def test_a_style_keeps_what_a_comment_or_space_would_change(source):
    assert slim.style(source) == source


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
