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
from typing import Any

from .html import Markup, h
from .model import Framework
from .strings import say

WIDTH = 640
LEFT = 8
RIGHT = 24
TOP = 28
ROW = 52
BAR = 18


def bar_chart(framework: Framework, result: Mapping[str, Any]) -> Markup:
    """The SVG markup of `result` drawn on `framework`'s scale."""
    low, high = framework.scale.low, framework.scale.high
    span = WIDTH - LEFT - RIGHT
    competencies = result["competencies"]
    height = TOP + ROW * len(competencies) + 8

    def x(value: Fraction | int) -> str:
        """The x coordinate of a score, as SVG wants it: a decimal with at most two places."""
        return f"{float(LEFT + span * (Fraction(value) - low) / (high - low)):.2f}".rstrip("0").rstrip(".")

    scored = sum(1 for c in competencies if c["score"] is not None)
    parts = [
        h("title", {"id": "huddle-chart-title"}, "Your score for each competency"),
        h(
            "desc",
            {"id": "huddle-chart-desc"},
            f"A bar for each of {len(competencies)} competencies, on the scale from {low} to {high}; "
            f"{scored} have a score. The table of results gives the same figures.",
        ),
    ]
    for point in framework.scale.points:
        at = x(point.value)
        grid = {"x1": at, "x2": at, "y1": TOP - 6, "y2": height - 8, "stroke": "currentColor"}
        parts.append(h("line", {"class": "huddle-chart__grid", **grid, "stroke-opacity": "0.25"}))
        tick = {"x": at, "y": TOP - 12, "text-anchor": "middle", "font-size": 13, "fill": "currentColor"}
        parts.append(h("text", {"class": "huddle-chart__tick", **tick}, point.value))
    for row, competency in enumerate(competencies):
        top = TOP + ROW * row
        label = {"x": LEFT, "y": top + 16, "font-size": 14, "fill": "currentColor"}
        parts.append(h("text", {"class": "huddle-chart__label", **label}, competency["title"]))
        if competency["exact"] is None:
            missing = {"x": LEFT, "y": top + 20 + BAR - 4, "font-size": 13, "fill": "currentColor"}
            parts.append(
                h(
                    "text",
                    {"class": "huddle-chart__missing", **missing, "font-style": "italic"},
                    say("not-enough-answers"),
                )
            )
            continue
        exact = Fraction(competency["exact"])
        width = max(float(x(exact)) - LEFT, 1)
        bar = {"x": LEFT, "y": top + 22, "width": f"{width:.2f}", "height": BAR, "fill": "currentColor"}
        parts.append(h("rect", {"class": "huddle-chart__bar", **bar, "data-competency": competency["id"]}))
        inside = exact > low + (high - low) * Fraction(4, 5)
        value = {
            "class": "huddle-chart__value huddle-chart__value--inside" if inside else "huddle-chart__value",
            "x": f"{float(x(exact)) + (-6 if inside else 6):g}",
            "y": top + 22 + BAR - 4,
            "text-anchor": "end" if inside else "start",
            "font-size": 13,
            "fill": "currentColor",
        }
        parts.append(h("text", value, competency["score"]))
    svg = {
        "xmlns": "http://www.w3.org/2000/svg",
        "class": "huddle-chart",
        "role": "img",
        "viewBox": f"0 0 {WIDTH} {height}",
        "aria-labelledby": "huddle-chart-title huddle-chart-desc",
    }
    return h("svg", svg, parts)
