"""Aggregation benchmark, in headless Chromium on the built demo site: a team profile from
10,000 result codes, and from a 10,000-row survey export, each worked out by the scoring
package in Pyodide as the team page does; and the organisation view (the heat map and all)
of 200 teams' profile files, and of the same survey split by a team column into 200 groups.

    python bench/aggregate.py [--people 10000] [--teams 200] [--runs 3]
    python bench/aggregate.py --tiny           # 20 people in 4 teams, one run: that the bench still runs

Times the worker call alone (the codes are pasted, the file is read), and prints the medians.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import statistics
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.build import build_site  # noqa: E402
from generator.frameworks import load_framework  # noqa: E402
from generator.headers import site_headers  # noqa: E402
from generator.scoring import api  # noqa: E402
from generator.scoring.codes import ALPHABET, encode  # noqa: E402
from generator.scoring.strings import HUDDLE  # noqa: E402
from tests.conftest import CHROMIUM_FLAGS, chromium_path  # noqa: E402
from tests.sites import serving  # noqa: E402

PAGE = "assessments/team-culture/team/"

TIMED = """async ([name, args]) => {
  const config = JSON.parse(document.getElementById('huddle-config').textContent);
  const worker = new URL(config.worker, document.baseURI);
  const { startPageScorer } = await import(new URL('scorer.js', worker).href);
  window.__bench ??= startPageScorer(config, '../framework.json', () => {});
  await window.__bench.ready;
  const start = performance.now();
  const value = await window.__bench.call(name, args);
  return [performance.now() - start, value.counted];
}"""


def people(framework, count: int, seed: int = 1) -> list[dict]:
    rng = random.Random(seed)
    points = [p.value for p in framework.scale.points]
    return [{item.id: rng.choice(points) for item in framework.items()} for _ in range(count)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--teams", type=int, default=200, help="teams (profile files, survey groups) they are in")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--tiny", action="store_true", help="20 people, one run, to check that the bench still runs")
    args = parser.parse_args()
    if args.tiny:
        args.people, args.teams, args.runs = 20, 4, 1
    from playwright.sync_api import sync_playwright

    framework = load_framework(REPO / "assessments" / "team-culture.yml", REPO)
    answers = people(framework, args.people)
    rng = random.Random(2)
    codes = "\n".join(encode(framework, a, nonce="".join(rng.choice(ALPHABET) for _ in range(3))) for a in answers)
    out = io.StringIO()
    writer = csv.writer(out)
    items = framework.items()
    labels = {p.value: p.label for p in framework.scale.points}
    writer.writerow([item.text for item in items])
    writer.writerows([[labels[a[item.id]] for item in items] for a in answers])
    export = out.getvalue()
    # The same people in teams: every n-th person in team n, so each team has people // teams of them.
    team_of = [n % args.teams for n in range(args.people)]
    grouped = io.StringIO()
    writer = csv.writer(grouped)
    writer.writerow(["Team", *[item.text for item in items]])
    writer.writerows([[f"Team {team_of[n]}", *[labels[a[item.id]] for item in items]] for n, a in enumerate(answers)])
    files = []
    lines = codes.split("\n")
    for team in range(args.teams):
        pasted = "\n".join(line for n, line in enumerate(lines) if team_of[n] == team)
        figures = api.team_call(HUDDLE, framework, None, pasted, "", 5, 3)["figures"]
        made = api.profile_file_call(
            HUDDLE, framework, None, figures, f"Directorate {team % 10} / Team {team}", "", "2026-12-05"
        )
        files.append({"name": f"team-{team}.json", "text": made["text"]})
    by_files = {"files": files, "k": 5, "k_group": 3}
    by_column = {"files": [], "k": 5, "k_group": 3, "survey_text": grouped.getvalue(), "grouped_by": 0}
    with tempfile.TemporaryDirectory(prefix="huddle-bench-") as work:
        site = build_site(REPO / "site.yml", site_dir=Path(work) / "site")
        with serving(site, site_headers(site)) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
            page = browser.new_page()
            page.goto(base + PAGE)
            timings = {"codes": [], "survey": [], "files": [], "groups": []}
            for _ in range(args.runs):
                ms, counted = page.evaluate(TIMED, ["team", {"pasted": codes, "earlier": "", "k": 5, "k_group": 3}])
                assert counted == args.people, counted
                timings["codes"].append(ms)
                ms, counted = page.evaluate(TIMED, ["survey", {"text": export, "mapping": {}, "k": 5}])
                assert counted == args.people, counted
                timings["survey"].append(ms)
                ms, counted = page.evaluate(TIMED, ["organisation", by_files])
                assert counted == args.teams, counted
                timings["files"].append(ms)
                ms, counted = page.evaluate(TIMED, ["organisation", by_column])
                assert counted == args.teams, counted
                timings["groups"].append(ms)
            browser.close()
    print(f"people: {args.people:,} ({len(items)} statements each), runs: {args.runs}")
    median = {kind: statistics.median(values) for kind, values in timings.items()}
    print(f"team profile from {args.people:,} result codes ({len(codes) / 1e6:.2f} MB): {median['codes']:.0f} ms")
    print(f"team profile from a {args.people:,}-row CSV ({len(export) / 1e6:.2f} MB): {median['survey']:.0f} ms")
    size = sum(len(f["text"]) for f in files) / 1e6
    print(f"organisation view of {args.teams:,} profile files ({size:.2f} MB): {median['files']:.0f} ms")
    print(
        f"organisation view of a {args.people:,}-row CSV split into {args.teams:,} teams by a column: "
        f"{median['groups']:.0f} ms"
    )


if __name__ == "__main__":
    main()
