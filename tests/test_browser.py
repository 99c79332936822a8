"""The demo assessment in real headless Chromium, scored by self-hosted Pyodide."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from generator.scoring import score
from tests.assessment_page import (
    answer,
    expected_scores,
    framework_of,
    items_of,
    label_values,
    see_results,
    shown_scores,
)

pytestmark = pytest.mark.browser

PAGE = "assessments/collective-leadership/"
# A response a person might give, by item id; the rest are left unanswered on purpose.
ANSWERS = {"v1": "Always", "v2": "Often", "v3": "Never", "s1": "Sometimes", "s2": "Rarely"}


def test_demo_assessment_is_scored_in_the_browser_as_in_cpython(page, demo_url, demo_site):
    framework = framework_of(demo_site, PAGE)
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto(demo_url + PAGE)

    for item_id, label in ANSWERS.items():
        answer(page, item_id, label)
    see_results(page)

    shown = shown_scores(page)
    values = label_values(framework)
    assert shown == expected_scores(score(framework, {i: values[label] for i, label in ANSWERS.items()}))
    # v3 is reverse-keyed: (5 + 4 + (6 - 1)) / 3 = 4.67, shown rounded; (3 + 2) / 2 = 2.5
    assert {k: v for k, v in shown.items() if v != "not enough answers"} == {"vision": "4.7", "speaking-up": "2.5"}

    origin = urlsplit(demo_url).netloc
    assert requests, "the page made no requests at all"
    # A blob: URL is bytes already in the page (the worker's decompressed module): it names its
    # creator's origin, which must be ours, and is never fetched from the network.
    assert [url for url in requests if urlsplit(url.removeprefix("blob:")).netloc != origin] == []
    assert any("/assets/pyodide/" in url for url in requests), "Pyodide was not loaded from the site"
    assert errors == []  # Content Security Policy violations show here too


@pytest.mark.no_pyodide
def test_pages_are_served_with_the_deployed_content_security_policy(page, demo_url):
    response = page.goto(demo_url + PAGE)
    policy = response.headers["content-security-policy"]
    assert "script-src 'self' 'wasm-unsafe-eval'" in policy
    assert "form-action 'none'" in policy


def test_a_competency_with_too_few_answers_shows_not_enough_answers(page, demo_url):
    page.goto(demo_url + PAGE)
    for item in ["v1", "v2", "v4", "s1"]:
        answer(page, item, "Often")
    see_results(page)
    assert shown_scores(page)["speaking-up"] == "not enough answers"  # 1 of 4 answered
    assert shown_scores(page)["vision"] == "4.0"  # 3 of 4 answered, each "Often" (4)


def test_without_javascript_the_form_is_readable_and_answerable_but_sends_nothing(browser, demo_url, demo_site):
    items = items_of(framework_of(demo_site, PAGE))
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(demo_url + PAGE)
        assert page.locator("fieldset").count() == len(items)
        assert page.locator("fieldset[data-item='v1'] input[type=radio]").count() == 6  # five points and "n/a"
        answer(page, "v1", "Rarely")
        assert page.locator("fieldset[data-item='v1']").get_by_label("Rarely", exact=True).is_checked()
        assert page.get_by_role("button", name="See my results").count() == 0
        assert page.get_by_text("Scoring your answers needs JavaScript").is_visible()
        assert page.get_by_role("link", name="Printable version with scoring key").is_visible()
    finally:
        context.close()


def test_home_page_does_not_load_pyodide(page, demo_url):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(demo_url)
    page.wait_for_load_state("networkidle")
    assert not [url for url in requests if "pyodide" in url or "worker.js" in url]


def test_the_team_assessment_is_scored_like_the_individual_one(page, demo_url, demo_site):
    page_path = "assessments/team-culture/"
    framework = framework_of(demo_site, page_path)
    page.goto(demo_url + page_path)
    labels = list(label_values(framework))
    given = {item.id: labels[n % len(labels)] for n, item in enumerate(items_of(framework))}
    for item_id, label in given.items():
        answer(page, item_id, label)
    see_results(page)
    values = label_values(framework)
    expected = expected_scores(score(framework, {i: values[label] for i, label in given.items()}))
    assert shown_scores(page) == expected
