"""The framework model that the build, the scoring and the browser share.

Standard library only: this module runs in Pyodide too. `normalise` is the
only place that sets defaults, from a checked framework file (the build) or
from the `framework.json` the build published (the browser), so nothing
downstream needs to know them. Objects are frozen: a framework never changes
once read.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields, is_dataclass
from typing import Any

NOT_APPLICABLE = "na"
"""The answer meaning "no chance to show this": never scored."""

Number = int | float


@dataclass(frozen=True, slots=True)
class ScalePoint:
    value: int
    label: str


@dataclass(frozen=True, slots=True)
class Scale:
    points: tuple[ScalePoint, ...]
    not_applicable: str | None
    """The label of the "not applicable" answer, or None when the scale has none."""

    @property
    def low(self) -> int:
        return self.points[0].value

    @property
    def high(self) -> int:
        return self.points[-1].value

    def answers(self) -> list[tuple[int | str, str]]:
        """Every answer a person can give, as (value, label): the points, then "not applicable"."""
        given: list[tuple[int | str, str]] = [(p.value, p.label) for p in self.points]
        if self.not_applicable:
            given.append((NOT_APPLICABLE, self.not_applicable))
        return given


@dataclass(frozen=True, slots=True)
class Band:
    start: Number
    """The lowest score in the band (`from` in files)."""
    label: str
    summary: str


@dataclass(frozen=True, slots=True)
class Item:
    id: str
    text: str
    reverse: bool
    weight: Number
    rater_text: str = ""
    """The statement in the third person, for someone rating the person (360 feedback); "" when none."""


@dataclass(frozen=True, slots=True)
class Competency:
    id: str
    title: str
    description: str
    develop: str
    bands: tuple[Band, ...]
    """This competency's bands: its own, or else the framework's."""
    items: tuple[Item, ...]
    reflect: tuple[str, ...] = ()
    """Its own questions to reflect on, shown when it is an area to develop; () for Huddle's generic ones."""
    strengths: str = ""
    """Its own advice (Markdown) for when it is a stronger area; "" for Huddle's generic advice."""


@dataclass(frozen=True, slots=True)
class Domain:
    id: str
    title: str
    description: str
    competencies: tuple[Competency, ...]


@dataclass(frozen=True, slots=True)
class Group:
    id: str
    label: str


@dataclass(frozen=True, slots=True)
class Change:
    """One version's entry in a framework's changelog."""

    version: str
    date: str
    """YYYY-MM-DD, or "" when not given."""
    changes: tuple[str, ...]
    """The changes, one Markdown line each."""


@dataclass(frozen=True, slots=True)
class Work:
    """A published work a reader may want next (a framework's further reading): its title and address."""

    title: str
    url: str


@dataclass(frozen=True, slots=True)
class Framework:
    id: str
    version: str
    title: str
    description: str
    licence: str
    source: str
    audience: str
    updated: str
    scale: Scale
    bands: tuple[Band, ...]
    domains: tuple[Domain, ...]
    groups: tuple[Group, ...] = ()
    """The answer groups a person may choose for a result code (say executive and non-executive)."""
    changelog: tuple[Change, ...] = ()
    """The changes of each version, newest first; shown on the framework's page, never scored."""
    further_reading: tuple[Work, ...] = ()
    """Other organisations' work a reader may want next; shown on the framework's page, never scored."""

    @property
    def offers_360(self) -> bool:
        """Whether others can rate a person on it: every item has rater wording."""
        return all(item.rater_text for item in self.items())

    def group(self, group_id: str) -> Group | None:
        return next((g for g in self.groups if g.id == group_id), None)

    def competencies(self) -> list[Competency]:
        """Every competency, in order."""
        return [competency for domain in self.domains for competency in domain.competencies]

    def items(self) -> list[Item]:
        """Every item, in order."""
        return [item for competency in self.competencies() for item in competency.items]

    def walk(self) -> Iterator[tuple[Domain, Competency]]:
        """Every competency with its domain, in order."""
        for domain in self.domains:
            for competency in domain.competencies:
                yield domain, competency

    def competency(self, competency_id: str) -> Competency | None:
        return next((c for c in self.competencies() if c.id == competency_id), None)

    def to_json(self) -> dict[str, Any]:
        """The framework as JSON data (`framework.json`); `normalise` reads it back."""
        data: dict[str, Any] = to_json(self)
        return data


def normalise(data: Mapping[str, Any]) -> Framework:
    """A framework from checked data, with every default made explicit.

    `data` is a framework file that passed the schema and semantic checks, or
    the JSON a framework was published as.
    """
    scale = data["scale"]
    framework_bands = _bands(data.get("bands", []))
    return Framework(
        id=data["id"],
        version=str(data["version"]),
        title=data["title"],
        description=data.get("description", ""),
        licence=data.get("licence", ""),
        source=data.get("source", ""),
        audience=data.get("audience", "individual"),
        updated=data.get("updated", ""),
        scale=Scale(
            points=tuple(ScalePoint(p["value"], p["label"]) for p in scale["points"]),
            not_applicable=scale.get("not_applicable"),
        ),
        bands=framework_bands,
        domains=tuple(
            Domain(
                id=domain["id"],
                title=domain["title"],
                description=domain.get("description", ""),
                competencies=tuple(
                    Competency(
                        id=competency["id"],
                        title=competency["title"],
                        description=competency.get("description", ""),
                        develop=competency.get("develop", ""),
                        bands=_bands(competency["bands"]) if competency.get("bands") else framework_bands,
                        items=tuple(
                            Item(
                                id=item["id"],
                                text=item["text"],
                                reverse=item.get("reverse", False),
                                weight=item.get("weight", 1),
                                rater_text=item.get("rater_text", ""),
                            )
                            for item in competency["items"]
                        ),
                        reflect=tuple(competency.get("reflect", ())),
                        strengths=competency.get("strengths", ""),
                    )
                    for competency in domain["competencies"]
                ),
            )
            for domain in data["domains"]
        ),
        groups=tuple(Group(g["id"], g["label"]) for g in data.get("groups", [])),
        changelog=tuple(
            Change(str(c["version"]), c.get("date", ""), tuple(c["changes"])) for c in data.get("changelog", [])
        ),
        further_reading=tuple(Work(w["title"], w["url"]) for w in data.get("further_reading", [])),
    )


def _bands(bands: list[Mapping[str, Any]]) -> tuple[Band, ...]:
    return tuple(Band(b["from"], b["label"], b.get("summary", "")) for b in bands)


JSON_NAMES = {"start": "from"}
"""Field names that differ in files and JSON, where they may be Python keywords."""


def to_json(value: Any) -> Any:
    """Dataclasses, tuples and mappings as JSON data, with the key names files use."""
    if is_dataclass(value) and not isinstance(value, type):
        return {JSON_NAMES.get(f.name, f.name): to_json(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, tuple | list):
        return [to_json(v) for v in value]
    if isinstance(value, Mapping):
        return {key: to_json(v) for key, v in value.items()}
    return value


@dataclass(frozen=True, slots=True)
class Link:
    title: str
    url: str
    illustrative: bool = False
    """Whether the linked case study is an invented example (the results mark it so)."""


@dataclass(frozen=True, slots=True)
class CompetencyGuidance:
    """What the results view shows about one competency, made at build time."""

    page: str
    """The competency page's URL, relative to the assessment page."""
    develop: str
    """The advice on developing it, as HTML rendered with the site's Markdown settings."""
    bands: Mapping[str, str]
    """Each band's summary as HTML, by band label."""
    case_studies: tuple[Link, ...]
    """The case studies that show it, newest first."""
    strengths: str = ""
    """The framework's own advice for when it is a stronger area, as HTML; "" for Huddle's generic advice."""


@dataclass(frozen=True, slots=True)
class Guidance:
    """Advice and links for the results view; published in `framework.json` under `guidance`."""

    printable: str
    """The printable version's URL, relative to the assessment page."""
    competencies: Mapping[str, CompetencyGuidance]
    organisation: str = ""
    """Whose site it is (`site_name`), for the printed results' heading."""

    def of(self, competency_id: str) -> CompetencyGuidance:
        return self.competencies.get(competency_id) or CompetencyGuidance("", "", {}, ())


NO_GUIDANCE = Guidance("", {})


def read_guidance(data: Mapping[str, Any] | None) -> Guidance:
    """The guidance published with a framework, or none."""
    if not data:
        return NO_GUIDANCE
    return Guidance(
        printable=data["printable"],
        organisation=data.get("organisation", ""),
        competencies={
            cid: CompetencyGuidance(
                page=g["page"],
                develop=g["develop"],
                bands=dict(g["bands"]),
                case_studies=tuple(Link(s["title"], s["url"], s.get("illustrative", False)) for s in g["case_studies"]),
                strengths=g.get("strengths", ""),
            )
            for cid, g in data["competencies"].items()
        },
    )
