"""The `huddle` command (also `python -m generator`): build, serve, check, new."""

from __future__ import annotations

import argparse
import functools
import logging
import os
import sys

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from . import __version__

DEFAULT_CONFIG = "site.yml"
STAGING = ("Cleaning site directory", "Building documentation to directory: ")


def main(argv: list[str] | None = None) -> int:
    # -f and -q work before or after the sub-command: `huddle -q build` and `huddle build -q`.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("-f", "--config-file", default=argparse.SUPPRESS, help="the site's config (default: site.yml)")
    common.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        default=argparse.SUPPRESS,
        help="only report problems (warnings and errors)",
    )
    parser = argparse.ArgumentParser(prog="huddle", description=__doc__, parents=[common])
    parser.add_argument("--version", action="version", version=f"Huddle {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    add = functools.partial(commands.add_parser, parents=[common])
    build = add("build", help="build the site into its site_dir (default site/)")
    build.add_argument("--strict", action="store_true", help="treat warnings as errors")
    serve = add("serve", help="build the site, then serve it locally")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument(
        "--no-watch", dest="watch", action="store_false", help="do not rebuild when content, frameworks or theme change"
    )
    check = add("check", help="check frameworks and config without building, with authoring hints")
    check.add_argument("--strict", action="store_true", help="treat authoring hints as errors")
    new = add("new", help="start a new site, framework or case study from a template")
    new.add_argument("kind", choices=["site", "framework", "case-study"])
    new.add_argument("id", help="the new file's id, a slug such as team-culture; for a site, its (empty) folder")
    new.add_argument("--name", help='for a site: the organisation\'s name, such as "Example NHS Trust"')
    audit = add("audit", help="check a built site's accessibility and privacy in Chromium, and write a report")
    audit.add_argument("site", nargs="?", default="site", help="the built site's folder (default: site)")
    audit.add_argument("--only", help="the checks to run, such as axe,links (default: all)")
    audit.add_argument(
        "--out", help="where report.md and report.json go (default: audit/ beside site.yml, where the build reads it)"
    )
    audit.add_argument("--pages", help="only the pages whose path matches this glob, such as '/assessments/*'")
    args = parser.parse_args(argv)
    # Defaults are filled in here: set_defaults would change the actions the sub-commands share.
    args.config_file = getattr(args, "config_file", DEFAULT_CONFIG)
    args.quiet = getattr(args, "quiet", False)

    _setup_logging(args.quiet)
    from mkdocs.exceptions import MkDocsException

    from . import commands as run

    try:
        return getattr(run, args.command)(args)
    except MkDocsException as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # noqa: BLE001 - the last resort: a sentence, and the traceback on request
        if os.environ.get("HUDDLE_DEBUG"):
            raise
        print(
            f"Error: Huddle stopped on a problem it did not expect ({type(error).__name__}: {error}). "
            "This is a bug in Huddle, not in your files: please report it to Huddle's maintainers with the "
            "command you ran and the traceback that `HUDDLE_DEBUG=1` prints.",
            file=sys.stderr,
        )
        return 2


def _setup_logging(quiet: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
    # Errors reach the user once, as the exception `main` prints; MkDocs' word on the folder it builds in names
    # the staging folder (generator/build.py), and `huddle build` says where the site is once it is there.
    handler.addFilter(lambda record: record.levelno < logging.ERROR and not record.getMessage().startswith(STAGING))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING if quiet else logging.INFO)
    logger.propagate = False
