"""The knowledge base in built sites: cross-links both ways, listings, navigation, scaling."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml

from generator.build import build_site
from generator.scoring.strings import HUDDLE
from tests.sites import copy_fixture

LINK = re.compile(r'<a href="([^"#]+)(?:#[^"]*)?"')


def article(html: str) -> str:
    return html[html.index("<article") : html.index("</article>")]


def nav(html: str) -> str:
    start = html.index('<nav class="md-nav md-nav--primary"')
    return html[start : html.index("md-sidebar--secondary", start)]


def links(site: Path, page: str, part=article) -> set[str]:
    """Site paths (like 'frameworks/tiny/alpha/') linked from a page's article."""
    html = (site / page / "index.html").read_text()
    base = f"http://site/{page}/" if page else "http://site/"
    return {urljoin(base, href).removeprefix("http://site/") for href in LINK.findall(part(html))}


def test_case_study_links_to_its_competencies_setting_tags_and_assessment(minimal_site):
    found = links(minimal_site, "case-studies/first-story")
    assert {
        "frameworks/tiny/alpha/",
        "frameworks/tiny/beta/",
        "assessments/tiny/",
        "case-studies/by-setting/acute/",
        "case-studies/by-tag/safety-huddles/",
        "case-studies/by-tag/rotas/",
    } <= found


def test_illustrative_case_studies_show_a_visible_note(minimal_site):
    assert "Illustrative example" in article((minimal_site / "case-studies/first-story/index.html").read_text())
    assert "Illustrative example" not in article((minimal_site / "case-studies/second-story/index.html").read_text())


def test_competency_page_lists_the_case_studies_that_show_it(minimal_site):
    assert {"case-studies/first-story/", "case-studies/second-story/"} <= links(minimal_site, "frameworks/tiny/alpha")
    beta = links(minimal_site, "frameworks/tiny/beta")
    assert "case-studies/first-story/" in beta and "case-studies/second-story/" not in beta


def test_tags_that_differ_only_in_case_share_one_page(minimal_site):
    found = links(minimal_site, "case-studies/by-tag/safety-huddles")
    assert {"case-studies/first-story/", "case-studies/second-story/"} <= found


def test_index_filters_by_setting_competency_and_tag_without_javascript(minimal_site):
    found = links(minimal_site, "case-studies")
    assert {
        "case-studies/by-setting/acute/",
        "case-studies/by-setting/community/",
        "frameworks/tiny/alpha/",
        "case-studies/by-tag/rotas/",
        "case-studies/first-story/",
        "case-studies/second-story/",
    } <= found


def test_framework_page_is_a_reference_of_scale_bands_and_items(minimal_site):
    html = article((minimal_site / "frameworks/tiny/index.html").read_text())
    for text in ["Rating scale", "Never", "Does not apply", "Score bands", "Rarely shown.", "Third statement."]:
        assert text in html
    assert "(counted in reverse)" in html
    assert "from 1 to under 2" in html and "from 2 to 3" in html  # each band's scores in words, as in results
    found = links(minimal_site, "frameworks/tiny")
    assert {"frameworks/tiny/alpha/", "frameworks/tiny/beta/", "assessments/tiny/"} <= found


def test_framework_page_says_what_changed_in_each_version_newest_first(minimal_site):
    html = article((minimal_site / "frameworks/tiny/index.html").read_text())
    changed = html[html.index('id="what-changed"') :]
    assert changed.index("Version 1, 5 December 2026") < changed.index("Version 0.9<")
    # Each change is Markdown through the one cleaning path: emphasis kept, '&' escaped, links resolved.
    assert "<em>Tiny</em> &amp; small." in changed and "The first version." in changed
    assert 'href="beta/"' in changed


def test_case_studies_are_not_in_the_navigation(minimal_site):
    in_nav = links(minimal_site, "case-studies/first-story", part=nav)
    assert "case-studies/" in in_nav
    assert not [link for link in in_nav if link.startswith("case-studies/") and link != "case-studies/"]
    assert not [link for link in in_nav if link.startswith("frameworks/tiny/") and link != "frameworks/tiny/"]


def test_search_covers_case_studies_and_framework_pages(minimal_site):
    index = json.loads((minimal_site / "search" / "search_index.json").read_text())
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert {"case-studies/first-story/", "frameworks/tiny/", "frameworks/tiny/alpha/"} <= locations


def test_a_sites_own_case_study_index_keeps_its_text_and_gains_the_listings(tmp_path):
    config = copy_fixture("minimal", tmp_path)
    own = config.parent / "content" / "case-studies" / "index.md"
    own.write_text("# Our stories\n\nWritten by our team.\n")
    site = build_site(config, strict=True)
    html = article((site / "case-studies" / "index.html").read_text())
    assert "Written by our team." in html and "All case studies (2)" in html and "<strong>Setting:</strong>" in html


def test_an_unknown_competency_fails_the_build_with_a_suggestion(tmp_path):
    from mkdocs.exceptions import Abort

    config = copy_fixture("minimal", tmp_path)
    story = config.parent / "content" / "case-studies" / "second-story.md"
    story.write_text(story.read_text().replace("  - tiny/alpha", "  - tiny/alpah"))
    with pytest.raises(Abort) as error:
        build_site(config, strict=True)
    assert str(error.value) == (
        "Case studies have problems:\ncontent/case-studies/second-story.md:5:5: competencies[0]: "
        "'tiny/alpah' is not a competency of this site; did you mean 'tiny/alpha'?"
    )


def write_case_studies(folder: Path, count: int) -> None:
    """`count` generated case studies, the first always the same, in a copy of the minimal site."""
    stories = folder / "content" / "case-studies"
    shutil.rmtree(stories)
    stories.mkdir()
    settings = ["acute", "community", "board", "system"]
    for n in range(count):
        front = {
            "title": f"Case study {n:04d}",
            "summary": f"What team {n} learned.",
            "competencies": ["tiny/alpha", "tiny/beta"][: 1 + n % 2],
            "setting": settings[n % len(settings)],
            "tags": [f"topic {n % 7}"],
            "date": "2026-01-01",
            "illustrative": True,
        }
        stories.joinpath(f"study-{n:04d}.md").write_text(
            f"---\n{yaml.safe_dump(front)}---\n# Case study {n:04d}\n\nA story.\n"
        )


def test_one_case_study_page_does_not_grow_with_the_number_of_case_studies(tmp_path):
    sizes = {}
    for count in (30, 300):
        config = copy_fixture("minimal", tmp_path / str(count))
        write_case_studies(config.parent, count)
        site = build_site(config)
        sizes[count] = len((site / "case-studies" / "study-0000" / "index.html").read_bytes())
    assert sizes[300] <= sizes[30] * 1.01, sizes


def test_an_authors_page_at_a_generated_path_is_refused_not_replaced(tmp_path):
    from mkdocs.exceptions import Abort

    config = copy_fixture("minimal", tmp_path)
    mine = config.parent / "content" / "frameworks" / "tiny" / "index.md"
    mine.parent.mkdir(parents=True)
    mine.write_text("# My own framework page\n")
    with pytest.raises(Abort) as error:
        build_site(config, strict=True)
    assert str(error.value) == (
        "content/frameworks/tiny/index.md: Huddle generates 'frameworks/tiny/index.md' itself "
        "and would replace this file; move or rename it."
    )


def test_an_authors_page_at_the_offline_pages_address_is_refused_not_replaced(tmp_path):
    from mkdocs.exceptions import Abort

    config = copy_fixture("minimal", tmp_path)
    (config.parent / "content" / "offline.md").write_text("# My own offline page\n")
    with pytest.raises(Abort) as error:
        build_site(config, strict=True)
    assert str(error.value) == (
        "content/offline.md: Huddle generates 'offline/index.md' itself and would replace this file; move or rename it."
    )


def marked(html: str, title: str) -> bool:
    """Whether the link to `title` in a page's article is followed by the "Illustrative" mark."""
    return bool(re.search(re.escape(title) + r'</a> <span class="huddle-illustrative-mark">Illustrative</span>', html))


@pytest.mark.parametrize(
    "page",
    ["case-studies", "case-studies/by-setting/acute", "case-studies/by-tag/safety-huddles", "frameworks/tiny/alpha"],
)
def test_every_list_of_case_studies_marks_the_illustrative_ones_in_words(minimal_site, page):
    html = article((minimal_site / page / "index.html").read_text())
    assert marked(html, "First story")
    assert "Second story" not in html or not marked(html, "Second story")


def test_the_index_lists_every_story_with_its_summary_before_the_filters(minimal_site):
    html = article((minimal_site / "case-studies" / "index.html").read_text())
    first_story = html.index('href="first-story/"')
    first_filter = html.index('href="by-setting/')
    assert first_story < first_filter
    assert html.index("A team tries something &amp; learns from it.") < first_filter
    assert html.index("Another team, in the community.") < first_filter


def test_an_illustrative_story_is_set_somewhere_and_a_true_one_comes_from_someone(tmp_path):
    config = copy_fixture("minimal", tmp_path)
    first = config.parent / "content" / "case-studies" / "first-story.md"
    first.write_text(first.read_text().replace("illustrative: true\n", "illustrative: true\norganisation: A ward\n"))
    site = build_site(config, strict=True)
    invented = article((site / "case-studies" / "first-story" / "index.html").read_text())
    assert "<strong>Setting:</strong> A ward (<a" in invented and "From:" not in invented
    true = article((site / "case-studies" / "second-story" / "index.html").read_text())
    assert "<strong>From:</strong> A community trust" in true


def test_sources_and_further_reading_are_listed_on_the_story_page(minimal_site):
    invented = article((minimal_site / "case-studies" / "first-story" / "index.html").read_text())
    assert "Further reading" in invented and "Sources" not in invented
    assert '<a href="https://example.org/report">A source</a>' in invented
    true = article((minimal_site / "case-studies" / "second-story" / "index.html").read_text())
    assert "Sources" in true and '<a href="https://example.org/account">' in true


def test_a_tag_page_title_starts_with_a_capital_and_keeps_the_capitals_it_was_written_with(minimal_site):
    from generator.pages.casestudies import tag_page, tags

    html = (minimal_site / "case-studies" / "by-tag" / "rotas" / "index.html").read_text()
    assert '<h1 id="rotas">Rotas' in html and "<title>Case studies: Rotas - " in html
    huddles = (minimal_site / "case-studies" / "by-tag" / "safety-huddles" / "index.html").read_text()
    assert ">Safety huddles<" in huddles
    # Whichever story comes first, the spelling with capitals wins over the one without.
    studies = [story("one", ["nhs boards"]), story("two", ["NHS boards"])]
    for order in (studies, studies[::-1]):
        label, _ = tags(order)["nhs-boards"]
        assert label == "NHS boards"
    assert "\n# NHS boards\n" in tag_page(HUDDLE, "nhs-boards", "NHS boards", studies)
    assert "\n# Board development\n" in tag_page(HUDDLE, "board-development", "board development", studies)


def story(name: str, tag_list: list[str]):
    from generator.casestudies import CaseStudy

    return CaseStudy(
        f"case-studies/{name}.md", name, "S.", ("tiny/alpha",), "acute", tuple(tag_list), "2026-01-01", True
    )


def test_search_finds_scoring_pages_by_their_introduction_only_and_ranks_case_studies_above_them(demo_site):
    import json

    docs = json.loads((demo_site / "search" / "search_index.json").read_text())["docs"]
    scoring = [d for d in docs if d["location"].startswith("assessments/")]
    assert scoring and not [d for d in scoring if "/print/" in d["location"]]  # the printable copy: not at all
    for doc in scoring:
        assert doc.get("boost") == 0.5, doc["location"]  # below a case study's own words (boost 1)
        # No statement, answer label or result: "…involved.NeverRarelySometimesOftenAlways…" ran together.
        for run in ("NeverRarely", "Strongly disagreeDisagree", "See my results"):
            assert run not in doc["text"], doc["location"]
    intro = next(d for d in scoring if d["location"] == "assessments/collective-leadership/")
    assert "private reflection" in intro["text"]
    studies = [d for d in docs if d["location"].startswith("case-studies/") and "by-" not in d["location"]]
    assert studies and all(d.get("boost", 1) == 1 for d in studies)


def test_links_between_pages_are_those_posixpath_relpath_gives():
    """`link` works from the URIs' parts, without relpath's two look-ups of the working folder per call."""
    import itertools
    import posixpath

    from generator.pages.uris import link

    uris = ["index.md", "about.md", "case-studies/index.md", "case-studies/a.md", "case-studies/by-tag/t/index.md"]
    uris += ["case-studies/by-setting/acute/index.md", "assessments/team/index.md", "a/b/c/d.md", "a/b", "a/"]
    uris += ["a//b.md", "./a.md", "../up.md", "/absolute/x.md"]
    for here, there in itertools.product(uris, uris):
        assert link(here, there) == posixpath.relpath(there, posixpath.dirname(here) or "."), (here, there)
