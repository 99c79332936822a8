"""The assessment, start to results, in Firefox ESR and WebKitGTK (Safari's engine), scored as CPython scores it.

Chromium runs every other browser test; these two run one smoke test each, one browser start each
(tests/every_browser.py). Each is skipped, saying what is missing, where its browser cannot be installed.
"""

from __future__ import annotations

import pytest

from generator.scoring import score
from tests.assessment_page import expected_scores, framework_of
from tests.every_browser import (
    Unavailable,
    firefox_path,
    run_firefox,
    run_webkit,
    smoke_answers,
    values_of,
    webkit_paths,
)

pytestmark = pytest.mark.browser

PAGE = "assessments/collective-leadership/"


@pytest.mark.parametrize(
    ("found", "run"), [(firefox_path, run_firefox), (webkit_paths, run_webkit)], ids=["firefox", "webkit"]
)
def test_the_assessment_gives_cpythons_scores(found, run, demo_site, demo_url, capsys):
    try:
        found()
    except Unavailable as missing:
        pytest.skip(str(missing))
    framework = framework_of(demo_site, PAGE)
    answers = smoke_answers(framework)
    shown = run(demo_url + PAGE, answers)
    with capsys.disabled():  # the timings, in every run's output
        print(
            f" {shown.browser} {shown.version}: scorer ready {shown.ready_ms:.0f} ms, results {shown.submit_ms:.0f} ms"
        )
    assert shown.errors == []
    expected = expected_scores(score(framework, values_of(framework, answers)))
    assert shown.scores == expected
    assert any(value != "not enough answers" for value in expected.values())
