"""Screenshots of the demo's results for the docs: a phone, a desktop, and the first page of the PDF.

    python docs/make_screenshots.py

Builds the demo site, answers the collective leadership self-assessment in
headless Chromium (a spread of answers, with notes), and writes
`docs/images/results-phone.png`, `results-desktop.png`, `results.pdf` and,
when `pdftoppm` (poppler-utils) is installed, `results-pdf-page-1.png`.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.build import build_site  # noqa: E402
from generator.headers import site_headers  # noqa: E402
from tests.conftest import CHROMIUM_FLAGS, chromium_path  # noqa: E402
from tests.sites import serving  # noqa: E402

PAGE = "assessments/collective-leadership/"
IMAGES = REPO / "docs" / "images"
NOTES = "Ask Priya to sit in on a huddle and tell me who did not speak.\nTry the quiet-first round for a month."


def answer_and_show(page, base: str) -> None:
    page.goto(base + PAGE)
    page.wait_for_selector("form[data-scorer=ready]", timeout=120_000)
    values = [4, 2, 3, 5, 3, 4, 2, 3]
    page.eval_on_selector_all(
        "fieldset[data-item]",
        "(sets, values) => sets.forEach((s, n) =>"
        " s.querySelector(`input[value='${values[n % values.length]}']`)?.click())",
        values,
    )
    page.locator("[data-huddle-submit]").click()
    page.wait_for_selector("[data-huddle-results]:not([hidden])")
    page.locator("[data-huddle-notes]").fill(NOTES)


def main() -> None:
    from playwright.sync_api import sync_playwright

    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="huddle-shots-") as work:
        site = build_site(REPO / "site.yml", site_dir=Path(work) / "site")
        with serving(site, site_headers(site)) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
            for name, viewport in [
                ("phone", {"width": 375, "height": 812}),
                ("desktop", {"width": 1280, "height": 900}),
            ]:
                page = browser.new_page(viewport=viewport)
                answer_and_show(page, base)
                page.locator("[data-huddle-results]").screenshot(path=IMAGES / f"results-{name}.png")
                if name == "desktop":
                    page.pdf(path=IMAGES / "results.pdf", format="A4", print_background=True)
                page.close()
            browser.close()
    if shutil.which("pdftoppm"):
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", IMAGES / "results.pdf", IMAGES / "results-pdf-page"],
            check=True,
        )
    print(f"Wrote {', '.join(sorted(p.name for p in IMAGES.iterdir()))}")


if __name__ == "__main__":
    main()
