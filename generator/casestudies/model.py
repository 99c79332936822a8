"""What a checked case study holds."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..scoring.kinds import Setting


@dataclass(frozen=True)
class Source:
    """A published work: one a true story draws on (`sources`), or one to read next (`further_reading`)."""

    title: str
    url: str


@dataclass(frozen=True)
class CaseStudy:
    """One case study's checked front matter, and where it lives."""

    src_uri: str
    title: str
    summary: str
    competencies: tuple[str, ...]
    setting: Setting
    tags: tuple[str, ...]
    date: str
    illustrative: bool
    organisation: str = ""
    """Where the story is set: a generic description when it is illustrative, with no region."""
    sources: tuple[Source, ...] = field(default=())
    """Published sources a true story draws on; an illustrative one has none."""
    further_reading: tuple[Source, ...] = field(default=())
    """Published works a reader may want next, whether or not the story is illustrative."""

    @property
    def frameworks(self) -> list[str]:
        """The ids of the frameworks whose competencies this shows, in order of first mention."""
        return list(dict.fromkeys(ref.split("/", 1)[0] for ref in self.competencies))


def tag_slug(tag: str) -> str:
    """The URL slug of a tag: 'Rotating roles' gives 'rotating-roles'."""
    return re.sub(r"[^a-z0-9]+", "-", tag.lower()).strip("-")
