"""The assessment, start to results, in Firefox ESR and WebKitGTK (Safari's engine), scored as CPython scores it.

Chromium runs every other browser test; these two run one smoke test each, one browser start each
(tests/every_browser.py). Each is skipped, saying what is missing, where its browser cannot be installed.
"""

from __future__ import annotations

import pytest

from generator.assets import GZIPPED
from generator.headers import site_headers
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
from tests.metered import Meter, metered
from tests.sites import serving

pytestmark = pytest.mark.browser

PAGE = "assessments/collective-leadership/"


@pytest.mark.parametrize(
    ("found", "run"), [(firefox_path, run_firefox), (webkit_paths, run_webkit)], ids=["firefox", "webkit"]
)
def test_the_assessment_gives_cpythons_scores(found, run, demo_site, capsys):
    """...and fetches each of the scorer's files once: WebKit's worker once fetched `pyodide.mjs` twice (its
    import did not find the copy the worker had just fetched in the browser's cache)."""
    try:
        found()
    except Unavailable as missing:
        pytest.skip(str(missing))
    framework = framework_of(demo_site, PAGE)
    answers = smoke_answers(framework)
    sent = Meter()
    with serving(demo_site, site_headers(demo_site), handler_class=metered(sent)) as url:
        shown = run(url + PAGE, answers)
    scorer = ["pyodide.mjs", *(name + ".gz" for name in GZIPPED), "scoring.zip.gz", "framework.json.gz"]
    assert {name: len(sent.ranges.get(name, [])) for name in scorer} == dict.fromkeys(scorer, 1)
    with capsys.disabled():  # the timings, in every run's output
        print(
            f" {shown.browser} {shown.version}: scorer ready {shown.ready_ms:.0f} ms, results {shown.submit_ms:.0f} ms"
        )
    assert shown.errors == []
    expected = expected_scores(score(framework, values_of(framework, answers)))
    assert shown.scores == expected
    assert any(value != "not enough answers" for value in expected.values())
