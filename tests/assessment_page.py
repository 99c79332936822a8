"""Helpers for browser tests of an assessment page, written the way a person uses it."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from pathlib import Path

from generator.scoring.model import Framework, Item, normalise

RESULTS_TIMEOUT = 60_000  # ms; Pyodide boots in about 2 s here, far longer on a loaded CI machine


def with_settings(page, **changes: object) -> None:
    """Serve the page's pages with these values in their scorer settings (`#huddle-config`), such as
    `retryAfter=[]` for a download that fails at once instead of going on by itself. While a route
    is set, Playwright turns the browser's HTTP cache off: a test that counts requests calls
    `page.unroute_all()` once the page is loaded."""

    def fulfil(route) -> None:
        if route.request.resource_type != "document":
            route.fallback()
            return
        fetched = route.fetch()
        body = fetched.text()
        for key, value in changes.items():
            said = f'"{key}": {json.dumps(value)}'
            body = re.sub(rf'"{key}": (\[[^\]]*\]|[^,}}]+)', lambda _, said=said: said, body, count=1)
        route.fulfill(response=fetched, body=body)

    page.route("**/*", fulfil)


def framework_of(site: Path, page: str) -> Framework:
    """The framework an assessment page publishes, read back as the browser reads it."""
    return normalise(json.loads((site / page / "framework.json").read_text()))


def items_of(framework: Framework) -> list[Item]:
    return framework.items()


def label_values(framework: Framework) -> dict[str, object]:
    values: dict[str, object] = {p.label: p.value for p in framework.scale.points}
    if framework.scale.not_applicable:
        values[framework.scale.not_applicable] = "na"
    return values


def answer(page, item_id: str, label: str) -> None:
    """Click the label of an answer, as a person would."""
    page.locator(f"fieldset[data-item='{item_id}']").get_by_label(label, exact=True).click()


def see_results(page, anyway: bool = True) -> None:
    """Press "See my results" (and "See results now" if statements are left); wait for them."""
    page.get_by_role("button", name="See my results", exact=True).click()
    if anyway and page.locator("[data-huddle-gaps]").is_visible():
        page.get_by_role("button", name="See results now").click()
    page.locator("[data-huddle-results]").wait_for(state="visible", timeout=RESULTS_TIMEOUT)


def shown_scores(page) -> dict[str, str]:
    rows = page.locator("[data-huddle-results-table] tbody tr")
    return {row.get_attribute("data-competency"): row.locator("[data-score]").inner_text() for row in rows.all()}


def checked_answers(page, framework: Framework) -> dict[str, object]:
    """The answers the form holds, read from the checked radios."""
    values = {str(v): v for v in label_values(framework).values()}
    found = page.eval_on_selector_all(
        "fieldset[data-item] input[type=radio]:checked", "els => els.map(e => [e.name, e.value])"
    )
    return {name: values[value] for name, value in found}


def expected_scores(result) -> dict[str, str]:
    """The score each competency of a scored `Result` should show, by id."""
    return {c.id: c.score or "not enough answers" for c in result.competencies}


def wait_until(page, condition: Callable[[], object], timeout: float = RESULTS_TIMEOUT) -> None:
    """Wait until `condition()` is true: a fact on the test's side, such as a route handler having run.

    Playwright's sync API runs route and event handlers only while one of its calls is
    in progress, so the page is waited on in short steps until the deadline (ms).
    """
    deadline = time.monotonic() + timeout / 1000
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"still not true after {timeout / 1000:.0f} s")
        page.wait_for_timeout(20)


def clear_answers(page) -> None:
    """Press "Clear my answers", then confirm."""
    page.get_by_role("button", name="Clear my answers").click()
    page.get_by_role("button", name="Yes, clear my answers").click()
