"""The closed sets of names Huddle's files and codes use: who made a result code, and where a case study is set.

Each is an enum spelled here and nowhere else, with the messages (`strings.py`) that name its members. The
members are strings (`StrEnum`), so a code's role field, a case study's `setting:` and the JSON made of them
hold the same text as ever. Standard library only (runs in Pyodide).
"""

from __future__ import annotations

from enum import StrEnum
from types import MappingProxyType


class Role(StrEnum):
    """Who made a result code: the person, about themselves, or one of their raters in 360 feedback. The value
    is what the code's role field holds (docs/collective.md)."""

    SELF = ""
    MANAGER = "manager"
    PEER = "peer"
    REPORT = "report"
    """A direct report."""
    OTHER = "other"

    @classmethod
    def named(cls, text: str) -> Role | None:
        """The role a code's role field holds, or None for text Huddle never puts there."""
        try:
            return cls(text)
        except ValueError:
            return None

    @property
    def group(self) -> str:
        """The message that names this role's raters as a group,, as a heading says it."""
        return _GROUP[self]

    @property
    def in_sentence(self) -> str:
        """The message that names this role's raters inside a sentence."""
        return _IN_SENTENCE[self]

    @property
    def choice(self) -> str:
        """The message a rater chooses this role by, on the rater page."""
        return _CHOICE[self]


RATERS = (Role.MANAGER, Role.PEER, Role.REPORT, Role.OTHER)
"""The roles of raters, in the order the rater page offers them."""

_GROUP = MappingProxyType(
    {Role.MANAGER: "raters-manager", Role.PEER: "raters-peer", Role.REPORT: "raters-report", Role.OTHER: "raters-other"}
)
_IN_SENTENCE = MappingProxyType(
    {
        Role.MANAGER: "raters-manager-in-sentence",
        Role.PEER: "raters-peer-in-sentence",
        Role.REPORT: "raters-report-in-sentence",
        Role.OTHER: "raters-other-in-sentence",
    }
)
_CHOICE = MappingProxyType(
    {Role.MANAGER: "role-manager", Role.PEER: "role-peer", Role.REPORT: "role-report", Role.OTHER: "role-other"}
)


class Setting(StrEnum):
    """Where a case study is set (its `setting:`), in the order listings show them. The case study schema
    (`casestudy.schema.json`) lists the same values; a test keeps the two alike."""

    ACUTE = "acute"
    COMMUNITY = "community"
    MENTAL_HEALTH = "mental-health"
    PRIMARY_CARE = "primary-care"
    AMBULANCE = "ambulance"
    BOARD = "board"
    SYSTEM = "system"

    @property
    def label(self) -> str:
        """The message of the label readers see."""
        return _LABEL[self]

    @property
    def in_sentence(self) -> str:
        """The same label as a sentence says it (in English, without the capital); a site may keep its capitals."""
        return _SETTING_IN_SENTENCE[self]


_LABEL = MappingProxyType(
    {
        Setting.ACUTE: "setting-acute",
        Setting.COMMUNITY: "setting-community",
        Setting.MENTAL_HEALTH: "setting-mental-health",
        Setting.PRIMARY_CARE: "setting-primary-care",
        Setting.AMBULANCE: "setting-ambulance",
        Setting.BOARD: "setting-board",
        Setting.SYSTEM: "setting-system",
    }
)
_SETTING_IN_SENTENCE = MappingProxyType(
    {
        Setting.ACUTE: "setting-acute-in-sentence",
        Setting.COMMUNITY: "setting-community-in-sentence",
        Setting.MENTAL_HEALTH: "setting-mental-health-in-sentence",
        Setting.PRIMARY_CARE: "setting-primary-care-in-sentence",
        Setting.AMBULANCE: "setting-ambulance-in-sentence",
        Setting.BOARD: "setting-board-in-sentence",
        Setting.SYSTEM: "setting-system-in-sentence",
    }
)
