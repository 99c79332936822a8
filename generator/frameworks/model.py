"""The framework model: the JSON-shaped dict that pages, scoring and the browser share.

`normalise` fills in defaults so that nothing downstream needs to know them:
every item has `reverse` and `weight`, every competency has its `bands`.
"""

from __future__ import annotations

from typing import Any


def normalise(data: dict[str, Any]) -> dict[str, Any]:
    """A checked framework with every default made explicit."""
    scale = data["scale"]
    framework_bands = data.get("bands", [])
    return {
        "id": data["id"],
        "version": str(data["version"]),
        "title": data["title"],
        "description": data.get("description", ""),
        "licence": data.get("licence", ""),
        "source": data.get("source", ""),
        "audience": data.get("audience", "individual"),
        "updated": data.get("updated", ""),
        "scale": {
            "points": [{"value": p["value"], "label": p["label"]} for p in scale["points"]],
            "not_applicable": scale.get("not_applicable"),
        },
        "bands": [_band(b) for b in framework_bands],
        "domains": [
            {
                "id": domain["id"],
                "title": domain["title"],
                "description": domain.get("description", ""),
                "competencies": [
                    {
                        "id": competency["id"],
                        "title": competency["title"],
                        "description": competency.get("description", ""),
                        "develop": competency.get("develop", ""),
                        "bands": [_band(b) for b in competency.get("bands", framework_bands)],
                        "items": [
                            {
                                "id": item["id"],
                                "text": item["text"],
                                "reverse": item.get("reverse", False),
                                "weight": item.get("weight", 1),
                            }
                            for item in competency["items"]
                        ],
                    }
                    for competency in domain["competencies"]
                ],
            }
            for domain in data["domains"]
        ],
    }


def _band(band: dict[str, Any]) -> dict[str, Any]:
    return {"from": band["from"], "label": band["label"], "summary": band.get("summary", "")}


def items(framework: dict[str, Any]) -> list[dict[str, Any]]:
    """Every item of the framework, in order."""
    return [
        item for domain in framework["domains"] for competency in domain["competencies"] for item in competency["items"]
    ]


def competencies(framework: dict[str, Any]) -> list[dict[str, Any]]:
    """Every competency of the framework, in order."""
    return [competency for domain in framework["domains"] for competency in domain["competencies"]]


def item_notes(item: dict[str, Any], reversed_word: str = "reverse-keyed") -> list[str]:
    """What is special about an item's scoring, in words: reverse keying and weight."""
    return ([reversed_word] if item["reverse"] else []) + ([f"weight {item['weight']}"] if item["weight"] != 1 else [])
