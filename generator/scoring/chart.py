"""An accessible SVG bar chart of a result, made in Python so it can be tested without a browser.

Each competency has its title on one line and its bar below, on a common
axis of the rating scale. The chart has a title and a description, and the
results table beside it carries the same figures. Colours come from CSS
classes (with presentation attributes as a fallback), so light and dark
schemes both work and no inline style is needed under a strict CSP.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from html import escape
from typing import Any

WIDTH = 640
LEFT = 8
RIGHT = 24
TOP = 28
ROW = 52
BAR = 18


def bar_chart(framework: Mapping[str, Any], result: Mapping[str, Any]) -> str:
    """The SVG markup of `result` drawn on `framework`'s scale."""
    values = [p["value"] for p in framework["scale"]["points"]]
    low, high = min(values), max(values)
    span = WIDTH - LEFT - RIGHT
    competencies = result["competencies"]
    height = TOP + ROW * len(competencies) + 8

    def x(value: Fraction | int) -> str:
        """The x coordinate of a score, as SVG wants it: a decimal with at most two places."""
        return f"{float(LEFT + span * (Fraction(value) - low) / (high - low)):.2f}".rstrip("0").rstrip(".")

    scored = sum(1 for c in competencies if c["score"] is not None)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="huddle-chart" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" aria-labelledby="huddle-chart-title huddle-chart-desc">',
        '<title id="huddle-chart-title">Your score for each competency</title>',
        f'<desc id="huddle-chart-desc">A bar for each of {len(competencies)} competencies, on the scale from '
        f"{low} to {high}; {scored} have a score. The table of results gives the same figures.</desc>",
    ]
    for value in values:
        parts.append(
            f'<line class="huddle-chart__grid" x1="{x(value)}" x2="{x(value)}" y1="{TOP - 6}" y2="{height - 8}" '
            'stroke="currentColor" stroke-opacity="0.25"/>'
        )
        parts.append(
            f'<text class="huddle-chart__tick" x="{x(value)}" y="{TOP - 12}" text-anchor="middle" '
            f'font-size="13" fill="currentColor">{value}</text>'
        )
    for row, competency in enumerate(competencies):
        top = TOP + ROW * row
        parts.append(
            f'<text class="huddle-chart__label" x="{LEFT}" y="{top + 16}" font-size="14" '
            f'fill="currentColor">{escape(competency["title"])}</text>'
        )
        if competency["exact"] is None:
            parts.append(
                f'<text class="huddle-chart__missing" x="{LEFT}" y="{top + 20 + BAR - 4}" font-size="13" '
                'fill="currentColor" font-style="italic">not enough answers</text>'
            )
            continue
        exact = Fraction(competency["exact"])
        width = max(float(x(exact)) - LEFT, 1)
        parts.append(
            f'<rect class="huddle-chart__bar" x="{LEFT}" y="{top + 22}" width="{width:.2f}" height="{BAR}" '
            f'fill="currentColor" data-competency="{escape(competency["id"])}"/>'
        )
        anchor, shift = ("end", -6) if exact > low + (high - low) * Fraction(4, 5) else ("start", 6)
        parts.append(
            f'<text class="huddle-chart__value{" huddle-chart__value--inside" if anchor == "end" else ""}" '
            f'x="{float(x(exact)) + shift:g}" y="{top + 22 + BAR - 4}" text-anchor="{anchor}" font-size="13" '
            f'fill="currentColor">{competency["score"]}</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts)
