"""A framework as a CASE 1.1 CFPackage (1EdTech Competencies and Academic Standards Exchange).

Domains, competencies and items become CFItems (with `CFItemType`), linked to
their parents by `isChildOf` associations in order, and the score bands become
one CFRubric with a criterion per competency. Identifiers are `uuid5` values
derived from the framework and node ids, so they stay the same across builds
and versions; URIs are `urn:uuid:` forms of them, needing no server.
"""

from __future__ import annotations

import uuid
from typing import Any

from ..scoring.model import Competency, Framework, Item

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:huddle:case")
"""The namespace of every identifier Huddle exports."""

LICENCE_URLS = {
    "CC-BY-4.0": "https://creativecommons.org/licenses/by/4.0/",
    "CC-BY-SA-4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
    "CC-BY-NC-4.0": "https://creativecommons.org/licenses/by-nc/4.0/",
    "CC0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
    "OGL-UK-3.0": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
}


def licence_url(licence: str) -> str:
    """The web address of a licence given by its SPDX identifier."""
    return LICENCE_URLS.get(licence, f"https://spdx.org/licenses/{licence}.html")


def cf_package(framework: Framework, creator: str, changed: str) -> dict[str, Any]:
    """The CFPackage of `framework`; `changed` is the date-time used when it has no `updated` date."""
    document_id = uuid.uuid5(NAMESPACE, f"framework:{framework.id}")
    when = f"{framework.updated}T00:00:00Z" if framework.updated else changed

    def ident(name: str) -> str:
        return str(uuid.uuid5(document_id, name))

    def link(identifier: str, title: str) -> dict[str, str]:
        return {"title": title, "identifier": identifier, "uri": f"urn:uuid:{identifier}"}

    document = {
        "identifier": str(document_id),
        "uri": f"urn:uuid:{document_id}",
        "frameworkType": "Competency framework",
        "caseVersion": "1.1",
        "creator": creator,
        "title": framework.title,
        "lastChangeDateTime": when,
        "description": framework.description,
        "language": "en",
        "version": framework.version,
        "licenseURI": {
            "title": framework.licence,
            "identifier": ident(f"licence:{framework.licence}"),
            "uri": licence_url(framework.licence),
        },
    }
    if framework.source:
        document["notes"] = framework.source
    document_link = link(str(document_id), framework.title)

    items: list[dict[str, Any]] = []
    associations: list[dict[str, Any]] = []

    def add(kind: str, node_id: str, statement: str, notes: str, parent: dict[str, str], position: int):
        identifier = ident(f"item:{node_id}")
        item = {
            "identifier": identifier,
            "fullStatement": statement,
            "CFItemType": kind,
            "uri": f"urn:uuid:{identifier}",
            "humanCodingScheme": node_id,
            "language": "en",
            "lastChangeDateTime": when,
        }
        if notes:
            item["notes"] = notes
        items.append(item)
        association_id = ident(f"isChildOf:{node_id}")
        associations.append(
            {
                "identifier": association_id,
                "associationType": "isChildOf",
                "sequenceNumber": position,
                "uri": f"urn:uuid:{association_id}",
                "originNodeURI": link(identifier, statement),
                "destinationNodeURI": parent,
                "lastChangeDateTime": when,
            }
        )
        return link(identifier, statement)

    criteria: list[dict[str, Any]] = []
    rubric_id = ident("rubric")
    for d, domain in enumerate(framework.domains, start=1):
        domain_link = add("Domain", domain.id, domain.title, domain.description, document_link, d)
        for c, competency in enumerate(domain.competencies, start=1):
            notes = "\n\n".join(filter(None, [competency.description, competency.develop]))
            competency_link = add("Competency", competency.id, competency.title, notes, domain_link, c)
            for i, item in enumerate(competency.items, start=1):
                add("Behaviour", item.id, item.text, _item_notes(item), competency_link, i)
            criteria.append(_criterion(competency, competency_link, len(criteria) + 1, rubric_id, ident, when))

    rubric = {
        "identifier": rubric_id,
        "uri": f"urn:uuid:{rubric_id}",
        "title": f"{framework.title}: score bands",
        "description": "Each competency's score (a mean on the rating scale) falls in the band with the "
        "greatest lower bound at or below it.",
        "lastChangeDateTime": when,
        "CFRubricCriteria": criteria,
    }
    return {"CFDocument": document, "CFItems": items, "CFAssociations": associations, "CFRubrics": [rubric]}


def _item_notes(item: Item) -> str:
    notes = []
    if item.reverse:
        notes.append("Reverse-keyed: scored (lowest + highest scale value) - answer.")
    if item.weight != 1:
        notes.append(f"Weight {item.weight} in its competency's mean.")
    return " ".join(notes)


def _criterion(competency: Competency, competency_link, position, rubric_id, ident, when) -> dict[str, Any]:
    criterion_id = ident(f"criterion:{competency.id}")
    levels = []
    for n, band in enumerate(competency.bands, start=1):
        level_id = ident(f"level:{competency.id}:{n}")
        levels.append(
            {
                "identifier": level_id,
                "uri": f"urn:uuid:{level_id}",
                "quality": band.label,
                "description": band.summary,
                "score": float(band.start),
                "position": n,
                "rubricCriterionId": criterion_id,
                "lastChangeDateTime": when,
            }
        )
    return {
        "identifier": criterion_id,
        "uri": f"urn:uuid:{criterion_id}",
        "category": competency.title,
        "CFItemURI": competency_link,
        "position": position,
        "rubricId": rubric_id,
        "lastChangeDateTime": when,
        "CFRubricCriterionLevels": levels,
    }
