"""What each `huddle` sub-command does; `cli.py` only parses arguments."""

from __future__ import annotations

import argparse
import datetime
import errno
import re
import shlex
import socket
import sys
import threading
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, MkDocsException
from mkdocs.structure.files import Files, get_files
from mkdocs.utils.meta import get_data

from . import author_html, branding, templates
from .build import build_site, load
from .config import HuddleConfig
from .frameworks import load_hints
from .headers import site_headers
from .placeholders import AUDIT_REPORT
from .plan import BuildPlan
from .scaffold import SCHEMA_COPY, VENDOR, new_site, wheel_name
from .scoring.strings import HUDDLE
from .serve import Live, make_server
from .sources import pagelinks
from .sources.errors import Problem, said
from .sources.page_meta import refused_meta
from .sources.reading import shown_path
from .templates import CASE_STUDY_TEMPLATE, FRAMEWORK_TEMPLATE
from .watch import watch, watched_paths


def _listening(host: str, port: int, listen):
    """`listen()`, with a sentence instead of a traceback when host:port cannot be listened on."""
    try:
        return listen()
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise Abort(
                f"Port {port} is already in use on {host}, perhaps by another `huddle serve`. Stop that one, or "
                f"choose another port: huddle serve --port {port + 1}"
            ) from None
        # getaddrinfo's errors are negative; create_server re-raises them with the address added.
        if (error.errno or 0) < 0 or error.errno in (errno.EADDRNOTAVAIL, errno.EACCES):
            reason = str(error.strerror or error).split(" (while attempting")[0]
            raise Abort(
                f"Cannot serve on {host}, port {port} ({reason}). Leave out --host to serve on "
                "127.0.0.1, and use a port from 1024 up."
            ) from None
        raise


def build(args: argparse.Namespace) -> int:
    site = build_site(Path(args.config_file), strict=args.strict)
    print(f"Built the site in {site}/", file=sys.stderr)
    return 0


def serve(args: argparse.Namespace) -> int:
    config_file = Path(args.config_file)
    _listening(args.host, args.port, lambda: socket.create_server((args.host, args.port)).close())  # before a build
    config = load(config_file)  # this build's, and what is watched: the same list as `mkdocs serve`'s
    sources = watched_paths(config)
    site = build_site(config_file, config=config)
    live = Live() if args.watch else None
    server = _listening(
        args.host, args.port, lambda: make_server(site, args.host, args.port, site_headers(site), live=live)
    )
    host, port = server.server_address[:2]
    stop = threading.Event()
    if live:

        def rebuild() -> None:
            try:
                build_site(config_file)
            except MkDocsException as error:
                print(f"{REBUILD_FAILED}\n{error}", file=sys.stderr)
                live.failed(REBUILD_FAILED, str(error))
                return
            live.built()
            print("Rebuilt the site; open pages reload themselves.", file=sys.stderr)

        watch(sources, rebuild, stop)
    print(f"Serving {site}/ at http://{host}:{port}/ (Ctrl+C stops)", file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        if live:
            live.close()
        server.server_close()
    return 0


REBUILD_FAILED = "Rebuild failed; still serving the last good site."


def check(args: argparse.Namespace) -> int:
    config_file = Path(args.config_file)
    config = load(config_file)
    root = config_file.resolve().parent
    options = _options(config)
    files = get_files(config)
    plan = _plan(config, files)  # the build's own reading of the sources, without building
    site = plan.site
    hints = load_hints(root / options.assessments_dir, root)
    for hint in hints:
        print(f"{'Note' if hint.informational else 'Warning'}: {hint}", file=sys.stderr)
    warnings = sum(not hint.informational for hint in hints)
    if plan.problems:
        raise Abort(said(plan.problems))
    known = {file.src_uri for file in files} | {page.uri for page in plan.pages}
    markdown = [
        (shown_path(Path(f.abs_src_path or f.src_uri), root), f.src_uri, f.content_string)
        for f in files.documentation_pages()
    ]
    sources = [(shown, text) for shown, _, text in markdown] + [
        (shown_path(path, root), path.read_text(encoding="utf-8"))
        for path in sorted((root / options.assessments_dir).glob("*.y*ml"))
    ]
    refused = [Problem(shown, 0, 0, "", why) for shown, _, text in markdown if (why := refused_meta(get_data(text)[1]))]
    if refused:
        raise Abort(said(refused))
    problems = [problem for shown, text in sources for problem in templates.left_in(shown, text)]
    problems += [problem for shown, _, text in markdown for problem in author_html.page_warnings(config, shown, text)]
    problems += pagelinks.broken_links(markdown, known) + pagelinks.missing_in_nav(config.nav, known, config_file)
    for problem in problems:
        print(f"Warning: {problem}", file=sys.stderr)
        warnings += 1
    unfilled = plan.unfilled()
    for placeholder in unfilled:
        print(f"Warning: {placeholder}", file=sys.stderr)
    warnings += len(unfilled)
    valid = (
        f"{args.config_file}: configuration, {len(site.frameworks)} framework file(s) and "
        f"{len(site.knowledge.case_studies)} case study(ies) are valid"
    )
    if warnings and args.strict:
        raise Abort(
            f"{valid}, but {warnings} warning(s) above are errors with --strict; follow each one's suggestion "
            "(docs/frameworks.md, 'Writing good items', explains authoring hints; docs/branding.md, placeholders)."
        )
    warned = f", with {warnings} warning(s) above" if warnings else ""
    print(f"{valid}{warned}.", file=sys.stderr)
    return 0


def audit(args: argparse.Namespace) -> int:
    from .audit.run import audit as run_audit
    from .audit.run import chosen

    report = run_audit(Path(args.site), chosen(args.only), args.pages, args.quiet)
    # Beside site.yml by default: where the build reads `{{ audit.summary }}` from (placeholders.AUDIT_REPORT).
    out = Path(args.out) if args.out else Path(args.config_file).parent / Path(AUDIT_REPORT).parent
    markdown, data = report.write(out)
    print(report.terminal(), file=sys.stderr)
    print(f"Report: {markdown} and {data}.", file=sys.stderr)
    return 1 if report.failures else 0


def _plan(config: MkDocsConfig, files: Files | None = None) -> BuildPlan:
    """The build plan, read straight from the files: no build, no Pyodide, no npm."""
    options = _options(config)
    brand = branding.load(config, options.branding)
    # Huddle's own words: what check reads from the plan (URIs, sources, problems) is the same in any words.
    return BuildPlan.read(config, options, brand, HUDDLE, files or get_files(config))


def _options(config: MkDocsConfig) -> HuddleConfig:
    plugin = config.plugins.get("huddle")
    if plugin is None:
        raise Abort(f"{config.config_file_path} does not use the huddle plugin; add it under `plugins:`.")
    return plugin.config


MAX_ID = 64
"""The longest id `new` accepts: it becomes a file name and part of every URL."""

RESERVED_IDS = {"index", "by-setting", "by-tag"}
"""Case study ids that would write the index page or clash with generated folders."""


def new(args: argparse.Namespace) -> int:
    if args.kind == "site":
        return _new_site(args)
    if args.name is not None:
        raise Abort(f"--name is for `huddle new site`; a new {args.kind} takes only its id.")
    config = load(Path(args.config_file))
    if len(args.id) > MAX_ID or not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", args.id):
        shown = args.id if len(args.id) <= MAX_ID else args.id[:MAX_ID] + "…"
        raise Abort(
            f"'{shown}' is not a slug of at most {MAX_ID} characters; use lower-case letters, digits and single "
            "hyphens, such as team-culture."
        )
    if args.kind == "case-study" and args.id in RESERVED_IDS:
        raise Abort(
            f"'{args.id}' is taken by a page Huddle makes or the site's own case study index; choose another id."
        )
    title = args.id.replace("-", " ").capitalize()
    if args.kind == "framework":
        path = Path(_options(config).assessments_dir) / f"{args.id}.yml"
        text = FRAMEWORK_TEMPLATE.format(id=args.id, title=title)
        own = Path(config.config_file_path).parent / SCHEMA_COPY
        if own.is_file():  # a site made by `huddle new site` keeps the schema beside it
            text = text.replace("../generator/frameworks/framework.schema.json", f"../{SCHEMA_COPY}", 1)
    else:
        frameworks = _plan(config).site.frameworks
        if not frameworks:
            raise Abort("A case study names the competencies it shows; add a framework first (huddle new framework).")
        competency = f"{frameworks[0].id}/{frameworks[0].competencies()[0].id}"
        path = Path(config.docs_dir) / "case-studies" / f"{args.id}.md"
        text = CASE_STUDY_TEMPLATE.format(title=title, competency=competency, date=datetime.date.today().isoformat())
    if path.exists():
        raise Abort(f"'{path}' already exists; choose another id or edit that file.")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"Created {path}; edit it, then run `huddle check`.", file=sys.stderr)
    if args.kind == "framework" and config.nav:
        print(
            "Its pages are built, but not listed in the menu. To list them, add these lines to `nav:` in "
            f"{Path(config.config_file_path).name}, the first under the self-assessments, the second under the "
            "frameworks:\n"
            f'      - "{title}": assessments/{args.id}/index.md\n'
            f'      - "{title}": frameworks/{args.id}/index.md',
            file=sys.stderr,
        )
    return 0


def _new_site(args: argparse.Namespace) -> int:
    folder = Path(args.id)
    written = new_site(folder, args.name or "")
    kept = [path for path in written if path.parts[0] == VENDOR]
    wheel = (
        f"Huddle's wheel is in {folder / kept[0]}, for requirements.txt: commit it with the site."
        if kept
        else f"Put Huddle's wheel ({wheel_name()}, from `make dist`) in {folder / VENDOR}/: requirements.txt "
        "installs Huddle from there, as no release of it (huddle-leadership) is published on PyPI yet."
    )
    print(
        f"Created a site for {' '.join(args.name.split())} in {folder}/ ({len(written)} files). {wheel} Next: read "
        f"{folder / 'README.md'}, then `cd {shlex.quote(str(folder))}` and `huddle serve`.",
        file=sys.stderr,
    )
    return 0
