"""Build benchmark: N generated case studies with Huddle, with a plain lower bound and with bare mkdocs-material.

    python bench/build.py [--count 3000] [--keep DIR] [--without-material]
    python bench/build.py --tiny               # 5 case studies: the same code path in seconds (tests/test_bench.py)

Prints each build's wall-clock time, Huddle's time over the lower bound's and
over bare Material's, the size of one case study page and of each whole site.

The lower bound ("plain") is what any generator must do for the same pages:
read each file's front matter (libyaml), render its Markdown with the
`markdown` package and the demo's extensions, put it in one Jinja2 template
and write it. Bare Material lists every page in the navigation of every page
(minutes for 3,000); Huddle keeps case studies out of it, so its pages stay
small. `--without-material` leaves it out.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.frameworks import load_frameworks  # noqa: E402
from generator.scoring.kinds import Setting  # noqa: E402

SETTINGS = [str(setting) for setting in Setting]
STORY = (
    "The team agreed to rotate who leads the morning huddle. Concerns reached the ward manager sooner, "
    "and were often half-solved by the time they did. People who had rarely spoken began to raise risks early."
)


def write_content(content: Path, count: int, competencies: list[str]) -> None:
    stories = content / "case-studies"
    stories.mkdir(parents=True)
    (content / "index.md").write_text("# Benchmark\n\nA generated site.\n")
    for n in range(count):
        front = {
            "title": f"Case study {n:05d}",
            "summary": f"How team {n} shared leadership.",
            "competencies": [competencies[n % len(competencies)], competencies[(n * 7 + 3) % len(competencies)]],
            "setting": SETTINGS[n % len(SETTINGS)],
            "tags": [f"topic {n % 40}", f"theme {n % 9}"],
            "date": f"2026-{1 + n % 12:02d}-{1 + n % 28:02d}",
            "illustrative": True,
        }
        if front["competencies"][0] == front["competencies"][1]:
            front["competencies"].pop()
        words = STORY.split()
        body = "\n\n".join(" ".join(words[(i + n) % 5 :] + words[: (i + n) % 5]) for i in range(6))
        (stories / f"study-{n:05d}.md").write_text(f"---\n{yaml.safe_dump(front)}---\n# Case study {n:05d}\n\n{body}\n")


def config(huddle: bool) -> str:
    """The site's config. Huddle's plugin adds its theme folder itself, and reads only frameworks in the
    site's own folder (`assessments/`, a copy of the demo's)."""
    lines = [
        "site_name: Benchmark",
        "docs_dir: content",
        "theme:",
        "  name: material",
        "  font: false",
    ]
    lines += ["plugins:", "  - search"]
    if huddle:
        lines += [
            "  - huddle:",
            "      assessments_dir: assessments",
            f"      pyodide_dir: {REPO / 'node_modules' / 'pyodide'}",
        ]
    return "\n".join(lines) + "\n"


PLAIN_TEMPLATE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ title }} - {{ site }}</title>
<link rel="stylesheet" href="/assets/site.css"></head>
<body><header><a href="/">{{ site }}</a></header>
<nav aria-label="On this page">{{ toc }}</nav>
<main><p class="summary">{{ meta.summary }}</p>
<ul class="tags">{% for tag in meta.tags %}<li>{{ tag }}</li>{% endfor %}</ul>
{{ body }}</main></body></html>
"""


def plain_build(content: Path, site: Path) -> None:
    """The lower bound: every page's front matter, Markdown and one template, written to disk."""
    import jinja2
    import markdown
    from markupsafe import Markup

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    template = jinja2.Environment(autoescape=True).from_string(PLAIN_TEMPLATE)
    md = markdown.Markdown(
        extensions=["admonition", "attr_list", "toc"], extension_configs={"toc": {"permalink": True}}
    )
    for source in sorted(content.rglob("*.md")):
        text = source.read_text(encoding="utf-8")
        meta = {}
        if text.startswith("---\n"):
            front, text = text[4:].split("\n---\n", 1)
            meta = yaml.load(front, Loader=loader)
        body = md.reset().convert(text)
        page = template.render(
            site="Benchmark",
            title=meta.get("title", source.stem),
            meta=meta,
            body=Markup(body),
            toc=Markup(md.toc),  # type: ignore[attr-defined]
        )
        uri = source.relative_to(content).with_suffix("")
        out = site / (uri.parent if uri.name == "index" else uri) / "index.html"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(page, encoding="utf-8")


def timed_build(folder: Path, command: list[str]) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    done = subprocess.run(command, cwd=folder, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - started
    if done.returncode:
        sys.exit(f"{' '.join(command[1:])} failed in {folder}:\n{done.stderr}")
    return seconds


def size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=3000, help="case studies to generate (default 3000)")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    parser.add_argument("--tiny", action="store_true", help="5 case studies, to check that the bench still runs")
    parser.add_argument("--without-material", action="store_true", help="leave out bare Material (minutes)")
    parser.add_argument("--plain", nargs=2, type=Path, metavar=("CONTENT", "SITE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.plain:  # the lower bound's own subprocess, started below
        plain_build(*args.plain)
        return
    if args.tiny:
        args.count = 5
    work = args.keep or Path(tempfile.mkdtemp(prefix="huddle-bench-"))
    frameworks = load_frameworks(REPO / "assessments", REPO)
    competencies = [f"{f.id}/{c.id}" for f in frameworks for d in f.domains for c in d.competencies]
    results = {}
    try:
        for name in ("huddle", "plain", "material")[: 2 if args.without_material else 3]:
            folder = work / name
            write_content(folder / "content", args.count, competencies)
            (folder / "site.yml").write_text(config(name == "huddle"))
            if name == "huddle":
                shutil.copytree(REPO / "assessments", folder / "assessments")
                command = [sys.executable, "-m", "generator", "-q", "-f", "site.yml", "build"]
            elif name == "plain":
                command = [sys.executable, __file__, "--plain", "content", "site"]
            else:
                command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", "site.yml", "-d", "site"]
            seconds = timed_build(folder, command)
            page = folder / "site" / "case-studies" / "study-00000" / "index.html"
            results[name] = (seconds, page.stat().st_size, size(folder / "site"))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(f"case studies: {args.count}")
    for name, (seconds, page, total) in results.items():
        kib, mib = page / 1024, total / 2**20
        print(f"{name:>9}: build {seconds:7.1f} s, one case study page {kib:8.1f} KiB, site {mib:9.1f} MiB")
    print(
        f"    ratio: Huddle takes {results['huddle'][0] / results['plain'][0]:.2f}x the time of the plain lower bound"
    )
    if "material" in results:
        print(f"    ratio: Huddle takes {results['huddle'][0] / results['material'][0]:.2f}x the time of bare Material")


if __name__ == "__main__":
    main()
