"""A site's own words for Huddle's messages (the `strings` file), and Material's through `theme.language`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from generator.build import build_site
from generator.scoring import strings
from tests.assessment_page import answer, see_results, shown_scores
from tests.sites import copy_fixture, serving

OWN = """\
progress: "{answered} o {total} wedi eu hateb"
not-enough-answers: dim digon o atebion
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
    assert "0 o 3 wedi eu hateb" in page  # written by the build
    config = json.loads(page.split('id="huddle-config">')[1].split("</script>")[0])
    assert config["messages"]["progress"] == "{answered} o {total} wedi eu hateb"  # for the page script
    published = json.loads((own_words_site / "assessments" / "tiny" / "framework.json").read_text())
    assert published["messages"] == {
        "progress": "{answered} o {total} wedi eu hateb",
        "not-enough-answers": "dim digon o atebion",
    }  # for the scorer in the worker
    assert strings.said() == strings.MESSAGES  # the build is over: the next site starts from Huddle's own


def test_theme_language_switches_materials_own_words(own_words_site):
    page = (own_words_site / "index.html").read_text()
    assert '<html lang="cy"' in page
    assert 'placeholder="Chwilio"' in page  # Material's Welsh for "Search"


@pytest.mark.browser
def test_in_the_browser_the_progress_and_the_results_say_the_sites_words(page, own_words_site):
    with serving(own_words_site, {}) as url:
        page.goto(url + "assessments/tiny/")
        answer(page, "a1", "Always")
        page.get_by_text("1 o 3 wedi eu hateb").first.wait_for()
        see_results(page)
        assert shown_scores(page)["beta"] == "dim digon o atebion"  # rendered by Python in the worker


def test_unknown_keys_and_changed_fields_stop_the_build_with_file_and_line(tmp_path):
    config = with_strings(tmp_path, 'progres: x\nprogress: "{answered} done"\ncleared: 3\n')
    with pytest.raises(Abort) as failed:
        build_site(config)
    assert str(failed.value) == (
        "The strings file has problems:\n"
        "strings.yml:1:1: progres: is not one of Huddle's messages; did you mean 'progress'?\n"
        "strings.yml:2:1: progress: must use the fields of the sentence it replaces: {answered}, {total}.\n"
        "strings.yml:3:1: cleared: must be a sentence (text)."
    )
