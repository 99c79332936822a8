"""What a person does on a page before the audit looks again: their results, a team's profile, their 360
feedback. Each state is reached as a person reaches it (answers clicked, codes pasted, the button pressed)
with the site's own scorer; the codes pasted are made by the same scoring code from the page's framework."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from ..scoring.codes import encode
from ..scoring.model import Framework, normalise

WAIT_MS = 120_000
"""How long a state may take to appear: the scorer's first boot on a loaded machine."""

ANSWER_ALL = """() => {
  const sets = [...document.querySelectorAll("fieldset[data-item]")];
  sets.forEach((set, n) => {
    const labels = [...set.querySelectorAll("input[type=radio]")].map((input) => input.labels?.[0]).filter(Boolean);
    labels[(n * 2 + 1) % labels.length]?.click();
  });
  return sets.length;
}"""


@dataclass(frozen=True)
class State:
    name: str
    """As the report says it, such as "results"."""
    marker: str
    """A selector on the page as opened that says the state can be reached there."""
    reach: Callable[[Any, Path, str], None]
    """Takes the opened page to the state, given the site's folder and the URL it is served at."""
    refused: str = ""
    """Requests whose URL holds this are refused while the state is reached, as a dropped network would."""


def _visible(page: Any, selector: str) -> None:
    page.locator(selector).first.wait_for(state="visible", timeout=WAIT_MS)


def _results(page: Any, site: Path, root: str) -> None:
    page.evaluate(ANSWER_ALL)
    page.locator("[data-huddle-submit]").click(timeout=WAIT_MS)  # shown once the scorer is ready
    _visible(page, "[data-huddle-results]")


def _rater(page: Any, site: Path, root: str) -> None:
    page.locator("input[name='huddle-role']").first.evaluate("(input) => input.labels[0].click()")
    page.evaluate(ANSWER_ALL)
    page.locator("[data-huddle-show]").click(timeout=WAIT_MS)  # made once the scorer is ready
    _visible(page, "[data-huddle-code-box]")


def _failed(page: Any, site: Path, root: str) -> None:
    # The scorer's files never arrive: the worker tries again by itself (Huddle's RETRY_AFTER), then the page
    # says so, with "Try again" and the printable version.
    _visible(page, "[data-huddle-notice]")


def _framework(page: Any, site: Path, root: str) -> Framework:
    """The framework a collective page reads, from the site's own file."""
    address = page.locator("form[data-framework-url]").first.get_attribute("data-framework-url") or ""
    path = urlsplit(urljoin(page.url, address)).path.removeprefix(urlsplit(root).path)
    return normalise(json.loads((site / path).read_text(encoding="utf-8")))


def _answers(framework: Framework, n: int) -> dict[str, int]:
    """One made-up person's answers: the scale's points in turn, so people differ."""
    points = [point.value for point in framework.scale.points]
    return {item.id: points[(i + n) % len(points)] for i, item in enumerate(framework.items())}


def _nonce(n: int) -> str:
    return f"A{n:02d}"


def _team(page: Any, site: Path, root: str) -> None:
    framework = _framework(page, site, root)
    groups = [group.id for group in framework.groups] or [""]
    codes = [
        encode(framework, _answers(framework, n), group=group, nonce=_nonce(n))
        for n, group in enumerate(group for group in groups for _ in range(5))
    ]
    page.locator("[data-huddle-codes]").fill("\n".join(codes))
    page.locator("[data-huddle-show]").click(timeout=WAIT_MS)
    _visible(page, "[data-huddle-profile]")


def _feedback(page: Any, site: Path, root: str) -> None:
    framework = _framework(page, site, root)
    own = encode(framework, _answers(framework, 0), nonce=_nonce(0))
    raters = [
        encode(framework, _answers(framework, n), role=role, nonce=_nonce(n))
        for n, role in enumerate(["manager", "peer", "peer", "peer", "report", "report", "report"], 1)
    ]
    page.locator("[data-huddle-own-code]").fill(own)
    page.locator("[data-huddle-codes]").fill("\n".join(raters))
    page.locator("[data-huddle-show]").click(timeout=WAIT_MS)
    _visible(page, "[data-huddle-profile]")


STATES = (
    State("results", "form[data-huddle-assessment] fieldset[data-item]", _results),
    State("failed download", "form[data-huddle-assessment] fieldset[data-item]", _failed, refused="/pyodide/"),
    State("rater's code", "form[data-huddle-collective='rater']", _rater),
    State("team profile", "form[data-huddle-collective='team']", _team),
    State("360 feedback", "form[data-huddle-collective='360']", _feedback),
)
"""Every state the audit reaches, on each page that has its marker."""
