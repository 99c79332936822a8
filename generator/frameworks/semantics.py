"""Checks of a framework's meaning that a schema cannot express."""

from __future__ import annotations

import math
from collections.abc import Iterator
from fractions import Fraction
from typing import Any

from ..sources import Problem
from ..sources.structure import dotted
from ..sources.web import is_web_address
from ..sources.yamlpos import Path, Positions


def check_meaning(data: dict[str, Any], positions: Positions, shown: str) -> list[Problem]:
    """Every semantic problem in a structurally valid framework."""

    def problem(path: Path, message: str) -> Problem:
        line, column = positions.get(path, (0, 0))
        return Problem(shown, line, column, dotted(path), message)

    problems = [problem(path, message) for path, message in _ids(data, positions)]
    problems += [problem(path, message) for path, message in _rater_text(data)]
    problems += [problem(path, message) for path, message in _groups(data)]
    problems += [problem(path, message) for path, message in _changelog(data)]
    problems += [problem(path, message) for path, message in _reading(data)]
    infinite = [problem(path, message) for path, message in _non_finite(data)]
    if infinite:  # .nan and .inf are YAML numbers, but no score can be compared with them
        return problems + infinite
    scale_problems = [problem(path, message) for path, message in _scale(data["scale"])]
    if scale_problems:  # bands are measured against the scale, so wait until it is sound
        return problems + scale_problems
    values = [point["value"] for point in data["scale"]["points"]]
    low, high = min(values), max(values)
    band_lists: list[tuple[Path, list[dict[str, Any]]]] = [(("bands",), data["bands"])]
    for d, domain in enumerate(data["domains"]):
        for c, competency in enumerate(domain["competencies"]):
            if "bands" in competency:
                band_lists.append((("domains", d, "competencies", c, "bands"), competency["bands"]))
    for path, bands in band_lists:
        problems += [problem(p, message) for p, message in _bands(path, bands, low, high)]
    return problems


def _rater_text(data: dict[str, Any]) -> Iterator[tuple[Path, str]]:
    """360 feedback needs rater wording for every item: some but not all is a mistake."""
    items = [
        (("domains", d, "competencies", c, "items", i), item)
        for d, domain in enumerate(data["domains"])
        for c, competency in enumerate(domain["competencies"])
        for i, item in enumerate(competency["items"])
    ]
    worded = [path for path, item in items if "rater_text" in item]
    if worded and len(worded) < len(items):
        path = next(path for path, item in items if "rater_text" not in item)
        yield (
            path,
            f"has no rater_text, but {len(worded)} of the {len(items)} items have one: 360 feedback needs "
            "the rater's wording for every item. Add rater_text here and to every other item without it, "
            "or remove it from all of them.",
        )


def _groups(data: dict[str, Any]) -> Iterator[tuple[Path, str]]:
    seen: set[str] = set()
    for g, group in enumerate(data.get("groups", [])):
        if group["id"] in seen:
            yield ("groups", g, "id"), f"'{group['id']}' is used by another group; give each group its own id."
        seen.add(group["id"])


def _reading(data: dict[str, Any]) -> Iterator[tuple[Path, str]]:
    """Each `further_reading` address that starts well but is no web address (a badly shaped one is the schema's)."""
    for i, work in enumerate(data.get("further_reading", [])):
        url = work["url"]
        if url.startswith(("http://", "https://")) and not is_web_address(url):
            yield (
                ("further_reading", i, "url"),
                ("must be one web address with no spaces, line breaks or control characters; check it."),
            )


def _changelog(data: dict[str, Any]) -> Iterator[tuple[Path, str]]:
    """The newest entry says what changed in this version; no version is listed twice."""
    entries = data.get("changelog", [])
    if entries and entries[0]["version"] != data["version"]:
        yield (
            ("changelog", 0, "version"),
            f"is '{entries[0]['version']}', but the framework's version is '{data['version']}'; list the newest "
            "version first, so that the page says what changed in the version people answer.",
        )
    seen: set[str] = set()
    for e, entry in enumerate(entries):
        if entry["version"] in seen:
            yield ("changelog", e, "version"), f"'{entry['version']}' is listed twice; give each version one entry."
        seen.add(entry["version"])


def _non_finite(data: dict[str, Any]) -> Iterator[tuple[Path, str]]:
    numbers: list[tuple[Path, Any]] = [(("bands", i, "from"), b["from"]) for i, b in enumerate(data["bands"])]
    for node in _nodes(data):
        value = _get(data, node)
        if len(node) == 4:
            numbers += [((*node, "bands", i, "from"), b["from"]) for i, b in enumerate(value.get("bands", []))]
        if len(node) == 6 and "weight" in value:
            numbers.append(((*node, "weight"), value["weight"]))
    for path, number in numbers:
        if not math.isfinite(number):
            yield path, f"must be an ordinary number, got {number}."


def _nodes(data: dict[str, Any]) -> Iterator[Path]:
    """The path of every domain, competency and item, in file order."""
    for d, domain in enumerate(data["domains"]):
        yield ("domains", d)
        for c, competency in enumerate(domain["competencies"]):
            yield ("domains", d, "competencies", c)
            for i, _ in enumerate(competency["items"]):
                yield ("domains", d, "competencies", c, "items", i)


def _get(data: Any, path: Path) -> Any:
    for part in path:
        data = data[part]
    return data


def _ids(data: dict[str, Any], positions: Positions) -> Iterator[tuple[Path, str]]:
    first: dict[str, Path] = {}
    for node in _nodes(data):
        node_id = _get(data, node)["id"]
        if node_id in first:
            other = first[node_id]
            line = positions.get((*other, "id"), (0, 0))[0]
            yield (
                (*node, "id"),
                f"'{node_id}' is already the id of {dotted(other)} (line {line}); "
                "domains, competencies and items need ids unique within the framework.",
            )
        else:
            first[node_id] = node


def _scale(scale: dict[str, Any]) -> Iterator[tuple[Path, str]]:
    points = scale["points"]
    labels: dict[str, int] = {}
    for i, point in enumerate(points):
        path = ("scale", "points", i)
        if i and point["value"] == points[i - 1]["value"]:
            yield (*path, "value"), f"{point['value']} appears twice; each point needs its own value."
        elif i and point["value"] < points[i - 1]["value"]:
            yield (
                (*path, "value"),
                f"must be greater than the point before ({points[i - 1]['value']}); list points in ascending order.",
            )
        if point["label"] in labels:
            yield (
                (*path, "label"),
                f"'{point['label']}' is already the label of scale.points[{labels[point['label']]}].",
            )
        labels.setdefault(point["label"], i)
    if scale.get("not_applicable") in labels:
        yield ("scale", "not_applicable"), f"'{scale['not_applicable']}' is already the label of a scale point."


def _bands(path: Path, bands: list[dict[str, Any]], low: int, high: int) -> Iterator[tuple[Path, str]]:
    labels: set[str] = set()
    for i, band in enumerate(bands):
        here = (*path, i, "from")
        start = Fraction(str(band["from"]))
        if i == 0 and start != low:
            yield (
                here,
                f"must equal the scale's lowest value ({low}), got {band['from']}, so that every score has a band.",
            )
        elif i and start <= Fraction(str(bands[i - 1]["from"])):
            yield (
                here,
                f"must be greater than the band before ({bands[i - 1]['from']}); list bands in ascending order.",
            )
        elif start > high:
            yield here, f"is above the scale's highest value ({high}), so no score could reach this band."
        if band["label"] in labels:
            yield (*path, i, "label"), f"'{band['label']}' is already the label of another band in this list."
        labels.add(band["label"])
