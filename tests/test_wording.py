"""A site's own words for Huddle's messages (the `strings` file), and Material's through `theme.language`."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
import yaml
from mkdocs.exceptions import Abort

from generator.build import build_site
from generator.scoring import api
from generator.scoring.kinds import Setting
from generator.scoring.strings import HUDDLE, Messages
from tests.assessment_page import answer, see_results, shown_scores
from tests.sites import REPO, copy_fixture, serving

OWN = """\
progress: "{answered} o {total} wedi eu hateb {{ok}}"
not-enough-answers: dim digon o atebion
intro-private: "**Mae eich atebion yn aros ar y ddyfais hon.** Does dim yn cael ei anfon i unman."
start: Dechrau nawr
clear: Clirio fy atebion
whose-team: tîm
show-profile: "Dangos proffil y {whose}"
studies-index-title: Astudiaethau achos
more-needed-many: "Ychwanegwch {missing} cod arall i weld y proffil: o leiaf {least} cod."
"""


def with_strings(tmp_path: Path, text: str, language: str = "en") -> Path:
    config = copy_fixture("minimal", tmp_path)
    (config.parent / "strings.yml").write_text(text)
    site = config.read_text().replace("  - huddle:\n", "  - huddle:\n      strings: strings.yml\n")
    config.write_text(site.replace("  name: material\n", f"  name: material\n  language: {language}\n"))
    return config


@pytest.fixture(scope="module")
def own_words_site(tmp_path_factory) -> Path:
    return build_site(with_strings(tmp_path_factory.mktemp("words"), OWN, language="cy"), strict=True)


def test_the_page_the_scorer_and_the_next_build_get_the_sites_own_words(own_words_site):
    page = (own_words_site / "assessments" / "tiny" / "index.html").read_text()
    assert "0 o 3 wedi eu hateb {ok}" in page  # written by the build
    config = json.loads(page.split('id="huddle-config">')[1].split("</script>")[0])
    assert config["messages"]["progress"] == "{answered} o {total} wedi eu hateb {{ok}}"  # for the page script
    published = json.loads((own_words_site / "assessments" / "tiny" / "framework.json").read_text())
    assert published["messages"] == yaml.safe_load(OWN)  # for the scorer in the worker


def test_the_pages_the_build_writes_say_the_sites_words(own_words_site):
    assessment = (own_words_site / "assessments" / "tiny" / "index.html").read_text()
    assert "<strong>Mae eich atebion yn aros ar y ddyfais hon.</strong> Does dim" in assessment  # Markdown works
    assert "Dechrau nawr" in assessment and "Clirio fy atebion" in assessment
    assert "Your answers stay on this device" not in assessment and "Start now" not in assessment
    assert "Clear my answers" not in assessment
    team = (own_words_site / "assessments" / "tiny" / "team" / "index.html").read_text()
    assert "Dangos proffil y tîm" in team and "Show team profile" not in team
    studies = (own_words_site / "case-studies" / "index.html").read_text()
    assert '<h1 id="astudiaethau-achos">Astudiaethau achos' in studies


def test_the_views_the_worker_renders_say_the_sites_words(own_words_site):
    # What the worker does: each call gets framework.json, with the site's words in it.
    published = (own_words_site / "assessments" / "tiny" / "framework.json").read_text()
    made = json.loads(
        api.call(published, "code", json.dumps({"answers": {"a1": 3}, "group": "", "role": "", "nonce": [1, 2, 3]}))
    )
    pasted = made["value"]
    team = json.loads(api.call(published, "team", json.dumps({"pasted": pasted, "earlier": "", "k": 5, "k_group": 3})))
    assert "Ychwanegwch 4 cod arall i weld y proffil: o leiaf 5 cod." in team["value"]["view"]
    assert "Add 4 more codes" not in team["value"]["view"]
    assert HUDDLE.say("more-needed-many", missing=4, least=5).startswith("Add 4 more codes")


def test_two_sites_in_one_process_never_borrow_each_others_words(own_words_site, tmp_path):
    # `huddle serve` and the tests build many sites in one process, and a worker may score two pages' frameworks:
    # each site's words are its own, whichever was built or scored last.
    other = build_site(with_strings(tmp_path, "start: Begin here\nwhose-team: crew\n"), strict=True)
    welsh = (own_words_site / "assessments" / "tiny" / "framework.json").read_text()
    plain = (other / "assessments" / "tiny" / "framework.json").read_text()
    assessment = (other / "assessments" / "tiny" / "index.html").read_text()
    assert "Begin here" in assessment and "Dechrau nawr" not in assessment and "Clirio fy atebion" not in assessment
    assert "Show crew profile" in (other / "assessments" / "tiny" / "team" / "index.html").read_text()
    code = json.dumps({"answers": {"a1": 3}, "group": "", "role": "", "nonce": [1, 2, 3]})
    pasted = json.loads(api.call(plain, "code", code))["value"]
    team = json.dumps({"pasted": pasted, "earlier": "", "k": 5, "k_group": 3})
    for _ in range(2):  # one after the other, and back again
        welsh_view = json.loads(api.call(welsh, "team", team))["value"]["view"]
        plain_view = json.loads(api.call(plain, "team", team))["value"]["view"]
        assert "Ychwanegwch 4 cod arall" in welsh_view and "Add 4 more codes" not in welsh_view
        assert "Add 4 more codes" in plain_view and "Ychwanegwch" not in plain_view
    assert HUDDLE.say("start") == "Start now" and Messages({"start": "Go"}).say("start") == "Go"


def test_theme_language_switches_materials_own_words(own_words_site):
    page = (own_words_site / "index.html").read_text()
    assert '<html lang="cy"' in page
    assert 'placeholder="Chwilio"' in page  # Material's Welsh for "Search"


@pytest.mark.browser
def test_in_the_browser_the_progress_and_the_results_say_the_sites_words(page, own_words_site):
    with serving(own_words_site, {}) as url:
        page.goto(url + "assessments/tiny/")
        answer(page, "a1", "Always")
        page.get_by_text("1 o 3 wedi eu hateb {ok}").first.wait_for()  # {{ is a brace, as in Python
        see_results(page)
        assert shown_scores(page)["beta"] == "dim digon o atebion"  # rendered by Python in the worker


def test_unknown_keys_and_changed_fields_stop_the_build_with_file_and_line(tmp_path):
    config = with_strings(
        tmp_path,
        'progres: x\nprogress: "{answered} done"\ncleared: 3\n'
        'saving-on: "{} saved"\nresumed-all: "All {total!r} back"\n',
    )
    with pytest.raises(Abort) as failed:
        build_site(config)
    assert str(failed.value) == (
        "The strings file has problems:\n"
        "strings.yml:1:1: progres: is not one of Huddle's messages; did you mean 'progress'?\n"
        "strings.yml:2:1: progress: must use the fields of the sentence it replaces: {answered}, {total}.\n"
        "strings.yml:3:1: cleared: must be a sentence (text).\n"
        "strings.yml:4:1: saving-on: has {}, which Huddle cannot fill: write a field as {name} alone, or {{ and }} for "
        "a brace.\n"
        "strings.yml:5:1: resumed-all: has {total!r}, which Huddle cannot fill: write a field as {name} alone, or {{ "
        "and }} for a brace."
    )


VIEWS = (
    *("results", "summary", "report", "chart", "marks", "voice"),
    *("team", "team_view", "feedback", "feedback_view", "survey"),
)
SAYING = [
    *sorted((REPO / "generator" / "pages").glob("*.py")),
    *(REPO / "generator" / "scoring" / f"{v}.py" for v in VIEWS),
]
"""Modules that say things only to the people using a site, never to its author. (codes.py, score.py and api.py
also refuse calls only a bug would make, in English: those modules are not listed.)"""


def sentences(source: str) -> list[str]:
    """The string literals of a module (f-strings piece by piece, docstrings left out) with three or more words."""
    tree = ast.parse(source)
    docstrings = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Expr)}
    literals = [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]
    return [text for text in literals if len(re.findall(r"(?:^|\s)[A-Za-z]+[,.:;!?]?(?=\s|$)", text)) >= 3]


@pytest.mark.parametrize("module", SAYING, ids=lambda p: p.relative_to(REPO / "generator").as_posix())
def test_the_pages_and_views_write_no_sentences_of_their_own(module: Path):
    # A sentence a site cannot reword: it belongs in generator/scoring/strings.py, said with say().
    assert sentences(module.read_text(encoding="utf-8")) == []


def test_a_sentence_left_in_code_is_found():
    code = '''"""A docstring is not said."""\nh("p", {"class": "md-button huddle-x"}, f"Add {n} more codes now")\n'''
    assert sentences(code) == [" more codes now"]


def test_a_sites_own_setting_names_keep_their_capitals_in_sentences():
    from generator.pages.casestudies import setting_page

    own_words = Messages({"setting-primary-care-in-sentence": "GP practices (NHS)"})
    assert "Case studies set in: GP practices (NHS)." in setting_page(own_words, Setting.PRIMARY_CARE, [])
    assert "Case studies set in: primary care." in setting_page(HUDDLE, Setting.PRIMARY_CARE, [])


def _functions_taking_messages(tree: ast.Module) -> set[str]:
    return {
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef) and "messages" in [a.arg for a in node.args.args + node.args.kwonlyargs]
    }


def test_every_call_passes_its_messages_on():
    # Functions that read people's input say Huddle's own words unless given a site's (`messages=`): a call that
    # forgot to pass them on would show a site's readers Huddle's words in one sentence of a page in theirs.
    folders = [REPO / "generator" / "scoring", REPO / "generator" / "pages"]
    modules = {p.stem: ast.parse(p.read_text(encoding="utf-8")) for folder in folders for p in folder.glob("*.py")}
    taking = {name: _functions_taking_messages(tree) for name, tree in modules.items()}
    missed = []
    for name, tree in modules.items():
        local = {f: name for f in taking[name]}  # a name called bare: this module's function, or one imported
        aliases = {}  # a module imported whole (`from . import codes`)
        for node in tree.body:
            if isinstance(node, ast.ImportFrom):
                for alias in node.names:
                    if node.module and node.module.split(".")[-1] in taking:
                        local[alias.asname or alias.name] = node.module.split(".")[-1]
                    elif alias.name in taking:
                        aliases[alias.asname or alias.name] = alias.name
        for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)):
            if isinstance(call.func, ast.Name) and call.func.id in local:
                called, where = call.func.id, local[call.func.id]
            elif isinstance(call.func, ast.Attribute) and isinstance(call.func.value, ast.Name):
                called, where = call.func.attr, aliases.get(call.func.value.id, "")
            else:
                continue
            if called not in taking.get(where, set()):
                continue
            passed = [a for a in call.args if isinstance(a, ast.Name) and a.id == "messages"]
            if not passed and not any(k.arg == "messages" for k in call.keywords):
                missed.append(f"{name}.py:{call.lineno}: {where}.{called}")
    assert missed == []
