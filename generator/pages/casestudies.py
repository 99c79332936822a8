"""The case study index, a page per setting and per tag, and what each case study page gains.

Listing pages are static, so filtering by competency, setting or tag works
without JavaScript. Each case study is kept out of the navigation (see the
plugin's `on_files`), so one case study page does not grow with their number.
Every list marks an illustrative story in words (`scoring/marks.py`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from ..casestudies import CaseStudy
from ..casestudies.model import tag_slug
from ..scoring.html import h
from ..scoring.kinds import Setting
from ..scoring.marks import illustrative_mark
from ..scoring.model import Framework
from ..scoring.strings import Messages
from .uris import (
    CASE_STUDY_INDEX,
    assessment_uri,
    competency_uri,
    front_matter,
    heading,
    link,
    markdown_link,
    setting_uri,
    tag_uri,
    text,
)


def newest_first(studies: Sequence[CaseStudy]) -> list[CaseStudy]:
    return sorted(studies, key=lambda s: (s.date, s.title), reverse=True)


def tags(studies: Sequence[CaseStudy]) -> dict[str, tuple[str, list[CaseStudy]]]:
    """Tags by slug: its label, and its case studies.

    Of the spellings that share a slug the label is the one with the most capitals
    (the first used, on a tie), so "NHS boards" is not shown as "nhs boards".
    """
    found: dict[str, tuple[str, list[CaseStudy]]] = {}
    for study in studies:
        for tag in study.tags:
            label, group = found.setdefault(tag_slug(tag), (tag, []))
            group.append(study)
            if _capitals(tag) > _capitals(label):
                found[tag_slug(tag)] = (tag, group)
    return dict(sorted(found.items()))


def _capitals(text: str) -> int:
    return sum(char.isupper() for char in text)


def setting_label(messages: Messages, setting: Setting) -> str:
    """The label readers see for a setting, as the site says it."""
    return messages.say(setting.label)


def by_setting(studies: Sequence[CaseStudy]) -> dict[Setting, list[CaseStudy]]:
    grouped: dict[Setting, list[CaseStudy]] = defaultdict(list)
    for study in studies:
        grouped[study.setting].append(study)
    return {setting: grouped[setting] for setting in Setting if setting in grouped}


def by_competency(studies: Sequence[CaseStudy]) -> dict[str, list[CaseStudy]]:
    grouped: dict[str, list[CaseStudy]] = defaultdict(list)
    for study in studies:
        for ref in study.competencies:
            grouped[ref].append(study)
    return grouped


def index_lists(messages: Messages, studies: Sequence[CaseStudy], frameworks: Sequence[Framework]) -> str:
    """The listings of the case study index: every case study first, then the filters in one compact block."""
    say = messages.say
    here = CASE_STUDY_INDEX
    counts = by_competency(studies)
    lines = [
        heading(2, say("studies-all-title", count=len(studies))),
        "",
        *listed(messages, here, newest_first(studies)),
        "",
    ]
    lines += [heading(2, say("studies-find-title")), ""]
    settings = [
        f"{markdown_link(setting_label(messages, setting), link(here, setting_uri(setting)))} ({len(group)})"
        for setting, group in by_setting(studies).items()
    ]
    lines += [_filters(text(say("studies-filter-setting")), settings), ""]
    for framework in frameworks:
        competencies = [
            f"[{text(c.title)}]({link(here, competency_uri(framework.id, c.id))}) "
            f"({len(counts.get(f'{framework.id}/{c.id}', []))})"
            for c in framework.competencies()
        ]
        lines += [_filters(text(framework.title), competencies), ""]
    topics = [
        f"[{text(label)}]({link(here, tag_uri(slug))}) ({len(group)})" for slug, (label, group) in tags(studies).items()
    ]
    lines.append(_filters(text(say("studies-filter-topic")), topics))
    return "\n".join(lines) + "\n"


def _filters(name: str, links: Sequence[str]) -> str:
    """One line of filter links after a bold name (Markdown): a paragraph, so the block stays compact."""
    return f"**{name}:** " + " · ".join(links)


def index_page(messages: Messages, studies: Sequence[CaseStudy], frameworks: Sequence[Framework]) -> str:
    """The case study index, when the site has no `case-studies/index.md` of its own."""
    say = messages.say
    return "\n".join(
        [
            front_matter(title=say("studies-index-title")),
            heading(1, say("studies-index-title")),
            "",
            say("studies-intro"),
            "",
            index_lists(messages, studies, frameworks),
        ]
    )


def setting_page(messages: Messages, setting: Setting, studies: Sequence[CaseStudy]) -> str:
    say = messages.say
    label = setting_label(messages, setting)
    named = say(setting.in_sentence)
    return _listing(messages, setting_uri(setting), label, say("studies-in-setting", setting=text(named)), studies)


def tag_page(messages: Messages, slug: str, label: str, studies: Sequence[CaseStudy]) -> str:
    # A title starts with a capital, and keeps the capitals the tag was written with.
    title = label[:1].upper() + label[1:]
    return _listing(messages, tag_uri(slug), title, messages.say("studies-tagged", tag=text(label)), studies)


def _listing(messages: Messages, here: str, label: str, intro: str, studies: Sequence[CaseStudy]) -> str:
    say = messages.say
    everything = markdown_link(say("studies-all"), link(here, CASE_STUDY_INDEX))
    return "\n".join(
        [
            front_matter(title=say("studies-listing-title", label=label)),
            heading(1, label),
            "",
            f"{intro} {everything}",
            "",
            *listed(messages, here, newest_first(studies)),
            "",
        ]
    )


def decorate(messages: Messages, markdown: str, study: CaseStudy, frameworks: dict[str, Framework]) -> str:
    """A case study's Markdown with its note, setting and tags, and links to competencies and assessments."""
    say = messages.say
    here = study.src_uri
    setting = markdown_link(setting_label(messages, study.setting), link(here, setting_uri(study.setting)))
    if study.organisation and study.illustrative:
        # An invented story is set somewhere generic; it does not come "from" anyone.
        facts = [say("study-setting-illustrative", organisation=text(study.organisation), setting=setting)]
    else:
        facts = [say("study-setting", setting=setting)]
    if study.tags:
        tags = ", ".join(markdown_link(t, link(here, tag_uri(tag_slug(t)))) for t in study.tags)
        facts.append(say("study-tags", tags=tags))
    if study.organisation and not study.illustrative:
        facts.append(say("study-from", organisation=text(study.organisation)))
    facts.append(say("study-date", date=study.date))
    top = ["", " · ".join(facts), ""]
    if study.illustrative:
        note = h(
            "div",
            {"class": "admonition note huddle-illustrative", "role": "note"},
            "\n",
            h("p", {"class": "admonition-title"}, say("illustrative-title")),
            "\n",
            h("p", {}, say("illustrative-text")),
            "\n",
        )
        top += [note, ""]
    title, body = _split_title(markdown)
    bottom = ["", heading(2, say("study-competencies-title")), ""]
    for ref in study.competencies:
        framework_id, competency_id = ref.split("/", 1)
        framework = frameworks[framework_id]
        competency = next(c for c in framework.competencies() if c.id == competency_id)
        target = markdown_link(competency.title, link(here, competency_uri(framework_id, competency_id)))
        bottom.append("- " + say("study-competency", competency=target, framework=text(framework.title)))
    bottom += ["", heading(2, say("study-assess-title")), ""]
    bottom += [
        f"- {markdown_link(frameworks[fid].title, link(here, assessment_uri(frameworks[fid])))}"
        for fid in study.frameworks
    ]
    for title_key, works in (("study-sources-title", study.sources), ("study-reading-title", study.further_reading)):
        if works:
            bottom += ["", heading(2, say(title_key)), ""]
            bottom += [f"- {h('a', {'href': work.url}, work.title)}" for work in works]
    return "\n".join([title, *top, body.rstrip(), *bottom, ""])


def _split_title(markdown: str) -> tuple[str, str]:
    """The first-level heading (empty when the page has none) and the rest."""
    first, _, rest = markdown.lstrip().partition("\n")
    if first.startswith("# "):
        return first + "\n", rest
    return "", markdown


def listed(messages: Messages, here: str, studies: Sequence[CaseStudy]) -> list[str]:
    """A Markdown list of case studies for the page `here`: each title, marked when illustrative, then its summary."""
    # Two trailing spaces end the line inside the item, so the summary reads beneath its title.
    marks = {b: illustrative_mark(messages, b) for b in (False, True)}  # made once, not once a study
    return [
        f"- [{text(s.title)}]({link(here, s.src_uri)}){marks[s.illustrative]}  \n  {text(s.summary)}" for s in studies
    ]
