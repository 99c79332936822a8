"""Every sentence of the demo's pages that names the 2014 King's Fund report or the CCL white paper is on
citations.yml, with its source, where in the paper (when known) and whether it quotes or paraphrases."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from tests.sites import REPO

CITATIONS = REPO / "citations.yml"
FORMS = {"quoted", "paraphrased", "names it", "says what is Huddle's own"}
"""How a sentence uses a paper: it quotes it, reports it in other words, only names it (as a source or further
reading), or names it to say that the words around it are not the paper's."""

NAMES = re.compile(
    r"King['’]s Fund|West et al|white paper|Developing collective leadership for health care"
    r"|Delivering a collective leadership strategy for health care",
    re.I,
)
"""A sentence that matches names one of the papers, wherever it is."""

MENTIONS = re.compile(r"\b(?:the|that|this) (?:report|paper)s?\b", re.I)
"""A sentence that matches names a paper when its page names one: elsewhere "the report" is some other report."""

GOES_ON = re.compile(r"^(?:It|Its)\b")
"""A sentence that starts so, right after one that names a paper, goes on about that paper ("It also argues")."""

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z*\"'(\[])")
BLOCK_START = re.compile(r"^(?:#{1,6} |[-*+] |\d+\. |> )")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def body(text: str) -> str:
    """A page without its front matter, which is data (its further reading names papers as links, not claims)."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            return text[end + 5 :]
    return text


def blocks(text: str) -> list[str]:
    """The page's paragraphs, headings and list items, each on one line."""
    found: list[list[str]] = []
    for line in text.splitlines():
        if not line.strip():
            found.append([])
        elif BLOCK_START.match(line) or not found:
            found.append([line])
        else:
            found[-1].append(line)
    return [" ".join(" ".join(block).split()) for block in found if block]


def plain(sentence: str) -> str:
    """A sentence as it reads: links as their text, no emphasis marks, no list or heading marker."""
    sentence = LINK.sub(r"\1", sentence).replace("*", "")
    return BLOCK_START.sub("", sentence).strip()


def sentences(page: Path) -> list[str]:
    """Every sentence of a page's body, as it reads."""
    return [
        plain(sentence)
        for block in blocks(body(page.read_text(encoding="utf-8")))
        for sentence in SENTENCE_END.split(block)
    ]


def naming(page: Path) -> list[str]:
    """The sentences of a page that name the report or the white paper, as they read."""
    names_a_paper = bool(NAMES.search(body(page.read_text(encoding="utf-8"))))
    found = []
    follows = False  # the sentence before named a paper
    for said in sentences(page):
        follows = bool(
            NAMES.search(said) or (names_a_paper and MENTIONS.search(said)) or (follows and GOES_ON.match(said))
        )
        if follows:
            found.append(said)
    return found


def found_in(content: Path) -> set[tuple[str, str]]:
    """(page, sentence) for every sentence of the site's pages that names one of the papers."""
    return {
        (page.relative_to(content).as_posix(), sentence)
        for page in sorted(content.rglob("*.md"))
        for sentence in naming(page)
    }


def listed() -> dict:
    return yaml.safe_load(CITATIONS.read_text(encoding="utf-8"))


def unlisted(content: Path, citations: dict) -> list[str]:
    """Each sentence that names a paper but is not on the list, said with its page."""
    on_list = {(claim["file"], " ".join(claim["sentence"].split())) for claim in citations["claims"]}
    return [f"{page}: {sentence}" for page, sentence in sorted(found_in(content) - on_list)]


def test_every_sentence_that_names_a_paper_is_on_the_citation_list():
    missing = unlisted(REPO / "content", listed())
    assert not missing, (
        "These sentences name the 2014 report or the white paper but are not in citations.yml; add each with its "
        "source, where in the paper, and whether it is quoted or paraphrased (or reword it):\n" + "\n".join(missing)
    )


def test_every_listed_sentence_is_still_in_its_page():
    # A sentence may be listed that the test does not find ("Where relationships are strong, ..."), so long as
    # its page still says it.
    content = REPO / "content"
    stale = [
        f"{claim['file']}: {claim['sentence']}"
        for claim in listed()["claims"]
        if " ".join(claim["sentence"].split()) not in sentences(content / claim["file"])
    ]
    assert not stale, "citations.yml lists sentences no page says any more:\n" + "\n".join(stale)


def test_each_listed_claim_names_its_source_its_form_and_where_it_rests():
    citations = listed()
    for claim in citations["claims"]:
        said = f"{claim['file']}: {claim['sentence']}"
        assert set(claim["sources"]) <= set(citations["sources"]), said
        assert claim["form"] in FORMS, said
        assert "page" in claim, said  # a page number in the paper, or null when it is not known yet
        if claim["form"] in {"quoted", "paraphrased"}:
            assert claim.get("basis", "").strip(), f"{said}: say what in the paper (or DOMAIN.md) it rests on"


def test_a_new_claim_about_the_report_that_is_not_on_the_list_fails(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    page = content / "guide" / "strategy.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\nThe King's Fund report says that boards should meet weekly.\n",
        encoding="utf-8",
    )
    (content / "new.md").write_text("# New\n\nAs the white paper puts it, culture\neats strategy.\n", encoding="utf-8")
    assert unlisted(content, listed()) == [
        "guide/strategy.md: The King's Fund report says that boards should meet weekly.",
        "new.md: As the white paper puts it, culture eats strategy.",
    ]


def test_the_report_in_a_page_that_names_no_paper_is_some_other_report(tmp_path):
    page = tmp_path / "story.md"
    page.write_text("---\nfurther_reading:\n  - title: The King's Fund\n---\n# A\n\nThe report was late.\n")
    assert naming(page) == []
