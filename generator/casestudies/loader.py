"""Reading case studies: front matter checked against its schema and the site's frameworks."""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterable
from pathlib import Path
from typing import Any

from ..scoring.kinds import Setting
from ..sources import Problem, SourceError
from ..sources.reading import parse_yaml, read_text, shown_path
from ..sources.structure import check_structure
from ..sources.web import is_web_address
from ..sources.yamlpos import Positions
from . import frontmatter
from .model import CaseStudy, Source

SCHEMA_PATH = Path(__file__).with_name("casestudy.schema.json")

REQUIRED_KEYS = "title, summary, competencies, setting, tags, date and illustrative"


class CaseStudyError(SourceError):
    """One or more problems in case study files."""


def parse_case_study(text: str, src_uri: str, shown: str, known: Collection[str]) -> CaseStudy:
    """One case study from its Markdown text; CaseStudyError lists every problem.

    `known` holds every `framework-id/competency-id` of the site.
    """
    try:
        parts = frontmatter.split(text)
    except ValueError as error:
        raise CaseStudyError([Problem(shown, 1, 1, "", f"has {error}; add one after the last key.")]) from None
    if parts is None:
        raise CaseStudyError(
            [Problem(shown, 1, 1, "", f"has no front matter; start it with a '---' block giving {REQUIRED_KEYS}.")]
        )
    yaml_text, offset, _ = parts
    try:
        data, positions = parse_yaml(yaml_text, shown, offset)
    except SourceError as error:
        raise CaseStudyError(error.problems) from None
    if not isinstance(data, dict):
        what = "is empty" if data is None else "is not a mapping of keys to values"
        raise CaseStudyError([Problem(shown, 1, 1, "", f"front matter {what}; give it {REQUIRED_KEYS}.")])
    problems = check_structure(data, positions, shown, SCHEMA_PATH, offset)
    problems += _unknown_competencies(data, positions, shown, offset, known)
    problems += _bad_urls(data, positions, shown, offset)
    if problems:
        raise CaseStudyError(problems)
    return CaseStudy(
        src_uri=src_uri,
        title=data["title"],
        summary=data["summary"],
        competencies=tuple(data["competencies"]),
        setting=Setting(data["setting"]),  # the schema has checked it is one
        tags=tuple(data["tags"]),
        date=data["date"],
        illustrative=data["illustrative"],
        organisation=data.get("organisation", ""),
        sources=_works(data.get("sources", [])),
        further_reading=_works(data.get("further_reading", [])),
    )


def _works(entries: list[dict[str, str]]) -> tuple[Source, ...]:
    return tuple(Source(entry["title"], entry["url"]) for entry in entries)


def load_case_studies(sources: Iterable[tuple[str, Path]], known: Collection[str], root: Path) -> list[CaseStudy]:
    """Every case study in `sources` (src_uri, file path), problems in all of them raised together."""
    studies: list[CaseStudy] = []
    problems: list[Problem] = []
    for src_uri, path in sources:
        shown = shown_path(path, root)
        try:
            studies.append(parse_case_study(read_text(path, shown), src_uri, shown, known))
        except SourceError as error:
            problems.extend(error.problems)
    if problems:
        raise CaseStudyError(problems)
    return studies


def _unknown_competencies(
    data: dict[str, Any], positions: Positions, shown: str, offset: int, known: Collection[str]
) -> list[Problem]:
    problems = []
    references = data.get("competencies")
    for i, ref in enumerate(references if isinstance(references, list) else []):
        # Malformed references are the schema's to report; here only well-formed unknown ones.
        if isinstance(ref, str) and ref.count("/") == 1 and ref not in known:
            line, column = positions.get(("competencies", i), (0, 0))
            problems.append(Problem(shown, line + offset, column, f"competencies[{i}]", unknown_reference(ref, known)))
    return problems


def _bad_urls(data: dict[str, Any], positions: Positions, shown: str, offset: int) -> list[Problem]:
    problems = []
    for key in ("sources", "further_reading"):
        works = data.get(key)
        for i, work in enumerate(works if isinstance(works, list) else []):
            url = work.get("url") if isinstance(work, dict) else None
            # Badly shaped ones are the schema's to report; here only those that start well but are no web address.
            if isinstance(url, str) and url.startswith(("http://", "https://")) and not is_web_address(url):
                line, column = positions.get((key, i, "url"), (0, 0))
                message = "must be one web address with no spaces, line breaks or control characters; check it."
                problems.append(Problem(shown, line + offset, column, f"{key}[{i}].url", message))
    return problems


def unknown_reference(ref: str, known: Collection[str]) -> str:
    """Why `ref` (framework-id/competency-id) is not in `known`, with the closest id when there is one."""
    by_framework: dict[str, list[str]] = {}
    for pair in sorted(known):
        framework, competency = pair.split("/", 1)
        by_framework.setdefault(framework, []).append(competency)
    framework, competency = ref.split("/", 1)
    if framework in by_framework:
        close = difflib.get_close_matches(competency, by_framework[framework], n=1)
        if close:
            return f"'{ref}' is not a competency of this site; did you mean '{framework}/{close[0]}'?"
        return (
            f"framework '{framework}' has no competency '{competency}'; its competencies are: "
            + ", ".join(by_framework[framework])
            + "."
        )
    close = difflib.get_close_matches(framework, list(by_framework), n=1)
    if close and competency in by_framework[close[0]]:
        return f"'{ref}' is not a competency of this site; did you mean '{close[0]}/{competency}'?"
    return f"'{ref}' names a framework this site does not have; the frameworks are: {', '.join(by_framework)}."
