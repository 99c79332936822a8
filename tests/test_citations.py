"""Every sentence of the demo's pages that names the 2014 King's Fund report or the CCL white paper is on
citations.yml, with its source, the page in the paper (or what was looked for and not found) and whether it
quotes or paraphrases."""

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

REPORTS = {"quoted", "paraphrased"}
"""The forms that say what a paper says, so that a reader must be able to find it in the paper."""

PAGES = re.compile(r"\d+(?:-\d+)?(?:, \d+(?:-\d+)?)*")
"""Pages as printed in a paper: one ("15"), a range ("5-11") or a list ("5, 12, 15")."""

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


def unpaged(citations: dict) -> list[str]:
    """Each claim that reports what a paper says but gives no page in it and does not say why, said with its page.

    A claim with a page can be checked against the paper by anyone; one without is the author's word. A page
    that was looked for and not found is null with `untraced` saying so, which keeps the gap in plain view
    rather than filled with a guessed number."""
    found = []
    for claim in citations["claims"]:
        if claim["form"] not in REPORTS:
            continue
        page = claim.get("page")
        if page is None:
            if not str(claim.get("untraced") or "").strip():
                found.append(f"{claim['file']}: {claim['sentence']}")
        elif not PAGES.fullmatch(str(page)):
            found.append(f"{claim['file']}: {claim['sentence']} (page {page!r} is not a page, range or list)")
    return found


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
        assert "page" in claim, said  # the page in the paper, or null
        if claim["form"] in REPORTS:
            assert claim.get("basis", "").strip(), f"{said}: say what in the paper (or DOMAIN.md) it rests on"


def test_every_quoted_or_paraphrased_claim_gives_its_page():
    missing = unpaged(listed())
    assert not missing, (
        "These claims say what a paper says but give no page in it; give the page as printed in the paper, or, "
        "when it was looked for and not found, leave it null and say so in `untraced`:\n" + "\n".join(missing)
    )


def test_a_credit_or_a_disclaimer_cites_no_page():
    # They name a whole paper (as a source, further reading, or to say the words around it are not the
    # paper's), not a passage in it: a page there, the cover's included, would suggest a claim that is not made.
    paged = [
        f"{claim['file']}: {claim['sentence']}"
        for claim in listed()["claims"]
        if claim["form"] not in REPORTS and claim.get("page") is not None
    ]
    assert not paged, "These name a paper without reporting what it says, so give no page:\n" + "\n".join(paged)


def test_a_paraphrase_with_its_page_left_out_fails():
    claim = {"file": "index.md", "sentence": "The paper says so.", "form": "paraphrased", "page": "5-11"}
    citations = {"claims": [claim, {"file": "about.md", "sentence": "A credit.", "form": "names it", "page": None}]}
    assert unpaged(citations) == []
    claim["page"] = None
    assert unpaged(citations) == ["index.md: The paper says so."]
    claim["untraced"] = "Looked for in the transcript's pages 1-3; not there."
    assert unpaged(citations) == []
    claim["page"] = "page five"
    assert unpaged(citations) == ["index.md: The paper says so. (page 'page five' is not a page, range or list)"]


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
