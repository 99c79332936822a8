"""A bar chart of a result that reads at every width, made in Python so it can be tested without a browser.

Each competency is a row: its title and score as text (so the text is the
page's own size, at least 16 px, on a phone as on a desktop), over a bar
drawn in a small SVG that stretches to the row's width. Behind each bar the
competency's bands are shaded; an earlier result, when there is one, is a thin
bar under the current one, and its score is in the row's text. The SVGs are
decoration for sighted readers (`aria-hidden`): the row text says everything,
and the results table beside the chart gives the same figures. Colours come
from CSS classes, with presentation attributes as a fallback, so light and
dark schemes both work under a strict CSP (no inline styles).
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import Protocol

from .html import Markup, h
from .model import Band, Framework
from .results import band_range
from .strings import Messages
from .voice import about

WIDTH = 1000
"""The SVG's own width; it is stretched to the row (`preserveAspectRatio="none"`)."""
HEIGHT = 24


class Drawn(Protocol):
    """A competency's bar: a person's score (`score.CompetencyScore`) or a team's (`team.Bar`)."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def score(self) -> str | None:
        """The score as the row's text says it."""

    @property
    def exact(self) -> Fraction | None:
        """The score the bar is drawn to; None for no bar."""


def bar_chart(
    messages: Messages,
    framework: Framework,
    result: Sequence[Drawn],
    earlier: Sequence[Drawn] | None = None,
    whose: str = "chart-your-score",
) -> Markup:
    """The chart of `result` (a scored response's competencies) on `framework`'s scale, with `earlier`'s scores
    when given; `whose` is the message that says whose scores they are."""
    low, high = framework.scale.points[0], framework.scale.points[-1]
    before = {c.id: c for c in earlier} if earlier is not None else {}
    bands = {c.id: c.bands for c in framework.competencies()}
    rows = [_row(messages, c, before.get(c.id), bands[c.id], low.value, high.value) for c in result]
    caption = messages.say(
        "chart-caption-earlier" if earlier is not None else "chart-caption",
        whose=about(messages, framework.audience, whose),
        low=low.value,
        low_label=low.label,
        high=high.value,
        high_label=high.label,
    )
    axis = h(
        "div",
        {"class": "huddle-chart__axis", "aria-hidden": "true"},
        [h("span", {}, point.value) for point in framework.scale.points],
    )
    return h(
        "figure",
        {"class": "huddle-chart"},
        h("figcaption", {}, caption),
        h("ul", {"class": "huddle-chart__rows"}, rows),
        axis,
        _legend(messages, framework),
    )


def _legend(messages: Messages, framework: Framework) -> Markup | None:
    """The bands the shading marks, in words, when every competency has the same ones (else each block says)."""
    say = messages.say
    first, *others = [c.bands for c in framework.competencies()]
    where = [(band.start, band.label) for band in first]
    if any([(band.start, band.label) for band in bands] != where for bands in others):
        return None
    named = [say("chart-band", band=band.label, range=band_range(messages, framework, first, band)) for band in first]
    return h("p", {"class": "huddle-chart__legend"}, say("chart-bands", bands="; ".join(named)))


def _row(
    messages: Messages,
    competency: Drawn,
    earlier: Drawn | None,
    bands: Sequence[Band],
    low: int,
    high: int,
) -> Markup:
    say = messages.say

    def x(value: Fraction | int) -> str:
        return f"{float(WIDTH * (Fraction(value) - low) / (high - low)):.1f}".removesuffix(".0")

    shapes = []
    starts = [max(Fraction(str(b.start)), Fraction(low)) for b in bands]
    for n, (start, end) in enumerate(zip(starts, [*starts[1:], Fraction(high)], strict=True)):
        zone = {"x": x(start), "y": 0, "width": x(end - start + low), "height": HEIGHT, "fill": "currentColor"}
        shapes.append(h("rect", {"class": f"huddle-chart__zone huddle-chart__zone--{n % 2}", **zone}))
    value = (competency.score if competency.exact is not None else None) or say("not-enough-answers")
    if competency.exact is not None:
        width = max(float(x(competency.exact)), 4)
        bar = {"x": 0, "y": 4, "width": f"{width:g}", "height": 12, "fill": "currentColor"}
        shapes.append(h("rect", {"class": "huddle-chart__bar", **bar, "data-competency": competency.id}))
    if earlier is not None:
        then = (earlier.score if earlier.exact is not None else None) or say("not-enough-answers")
        value = say("chart-earlier", now=value, then=then)
        if earlier.exact is not None:
            width = max(float(x(earlier.exact)), 4)
            mark = {"x": 0, "y": 18, "width": f"{width:g}", "height": 5, "fill": "currentColor"}
            shapes.append(h("rect", {"class": "huddle-chart__earlier", **mark, "data-earlier": competency.id}))
    track = {
        "class": "huddle-chart__track",
        "viewBox": f"0 0 {WIDTH} {HEIGHT}",
        "preserveAspectRatio": "none",
        "aria-hidden": "true",
        "focusable": "false",
    }
    return h(
        "li",
        {"data-competency": competency.id},
        h(
            "span",
            {"class": "huddle-chart__text"},
            h("span", {"class": "huddle-chart__label"}, competency.title),
            " ",
            h("span", {"class": "huddle-chart__value"}, value),
        ),
        h("svg", {"xmlns": "http://www.w3.org/2000/svg", **track}, shapes),
    )
