"""The printable version of an assessment: the questionnaire on paper, with a scoring key."""

from __future__ import annotations

from typing import Any

from .uris import assessment_uri, front_matter, link, print_uri, text


def printable_page(framework: dict[str, Any]) -> str:
    """Markdown for a paper copy: numbered statements with answer boxes, then how to score them."""
    here = print_uri(framework)
    scale = framework["scale"]
    values = [p["value"] for p in scale["points"]]
    low, high = min(values), max(values)
    answers = [f"\u2610 {text(p['label'])}" for p in scale["points"]]
    if scale["not_applicable"]:
        answers.append(f"\u2610 {text(scale['not_applicable'])}")
    numbers: dict[str, int] = {}
    lines = [
        front_matter(title=f"{framework['title']}: printable version"),
        f"# {text(framework['title'])}: printable version",
        "",
        f"Version {text(framework['version'])}. Tick one box for each statement; leave a statement blank if you "
        "prefer. Then work out your scores with the key at the end. "
        f"[The online version]({link(here, assessment_uri(framework))}) scores it for you, in your browser.",
    ]
    for domain in framework["domains"]:
        lines += ["", f"## {text(domain['title'])}"]
        for competency in domain["competencies"]:
            lines += ["", f"### {text(competency['title'])}", ""]
            for item in competency["items"]:
                numbers[item["id"]] = len(numbers) + 1
                lines += [f"**{numbers[item['id']]}.** {text(item['text'])}  ", "   ".join(answers), ""]
    lines += [
        "",
        "## Scoring key",
        "",
        "Each answer counts for its number: "
        + ", ".join(f"{text(p['label'])} = {p['value']}" for p in scale["points"])
        + "."
        + (f" \u201c{text(scale['not_applicable'])}\u201d does not count at all." if scale["not_applicable"] else ""),
        "",
        f"For a statement marked *reversed*, count {low + high} minus your answer instead "
        f"(so {high} counts as {low}). For a statement with a weight, count it that many times. "
        "A competency's score is the total of its counted answers divided by the total of their weights. "
        "If fewer than half of its statements are answered, it has no score.",
        "",
        "| Competency | Statements |",
        "| --- | --- |",
    ]
    for domain in framework["domains"]:
        for competency in domain["competencies"]:
            cells = []
            for item in competency["items"]:
                notes = (["reversed"] if item["reverse"] else []) + (
                    [f"weight {item['weight']}"] if item["weight"] != 1 else []
                )
                cells.append(str(numbers[item["id"]]) + (f" ({', '.join(notes)})" if notes else ""))
            lines.append(f"| {text(competency['title'])} | {', '.join(cells)} |")
    bands = ", ".join(f"{b['from']} or more: {text(b['label'])}" for b in framework["bands"])
    lines += ["", f"Bands: {bands}."]
    overrides = [c for d in framework["domains"] for c in d["competencies"] if c["bands"] != framework["bands"]]
    for competency in overrides:
        own = ", ".join(f"{b['from']} or more: {text(b['label'])}" for b in competency["bands"])
        lines.append(f"For {text(competency['title'])} the bands are: {own}.")
    return "\n".join(lines) + "\n"
