"""Command line: ``corroborate brief PATH...``, ``corroborate schema`` and the store commands."""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .cli_store import add_store_commands
from .config import resolve_config
from .errors import CorroborateError
from .ingest.inputs import add_input_arguments
from .ingest.watch import add_watch_command
from .outputs import check_output, write_output

# Output formats (render.FORMATS): spelled here so that building the parser imports no renderer.
FORMATS = ("md", "json", "jsonl", "html")


def _write(text: str, output: Path | None) -> None:
    """Standard output, or ``output`` written atomically (checked with ``check_output`` before the work)."""
    write_output(text, output)


def cmd_brief(args: argparse.Namespace) -> int:
    overrides = {}
    if args.max_words is not None:
        overrides["summary.max_words"] = args.max_words
    check_output(args.output, [*args.paths, args.config])
    config = resolve_config(args.config, overrides)
    from .pipeline import brief_paths
    from .render import render
    from .render.safe import terminal

    run = brief_paths(args.paths, config, one_story=args.one_story)
    _write(render(run.briefings, args.format), args.output)
    for rejection in run.rejected:
        print(f"corroborate: rejected {terminal(rejection.location)}: {terminal(rejection.reason)}", file=sys.stderr)
    for note in run.notes:
        print(f"corroborate: note: {terminal(note)}", file=sys.stderr)
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    check_output(args.output)
    from .render.schema import SCHEMAS

    _write(json.dumps(SCHEMAS[args.what], indent=2) + "\n", args.output)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from .web.serve import serve  # FastAPI, Jinja2 and uvicorn load only here

    serve(args.db, args.host, args.port, resolve_config(args.config))
    return 0


def _add_serve_command(sub: argparse._SubParsersAction) -> None:
    serve = sub.add_parser("serve", help="the story desk in a browser, and the HTTP API (loopback by default)")
    serve.add_argument("--db", type=Path, default=Path("corroborate.db"), help="database (default corroborate.db)")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1; others get a warning)")
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    serve.add_argument("--config", type=Path, help="TOML file of options (see docs/config.md)")
    serve.set_defaults(func=cmd_serve)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="corroborate", description="Turn many outlets' reports into one cited, source-attributed briefing."
    )
    parser.add_argument("--version", action="version", version=f"corroborate {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    brief = sub.add_parser("brief", help="brief the reports in files or folders")
    add_input_arguments(brief, "the reports to brief")
    brief.add_argument("--format", "-f", choices=FORMATS, default="md", help="output format (default md)")
    brief.add_argument("--output", "-o", type=Path, help="write to FILE instead of standard output")
    brief.add_argument("--max-words", type=int, help="summary budget in words, a hard limit (default 200)")
    brief.add_argument("--config", type=Path, help="TOML file of options (see docs/config.md)")
    brief.add_argument(
        "--one-story",
        action="store_true",
        help="brief every report as one story (default: records' `story` fields, else grouped by the clusterer)",
    )
    brief.set_defaults(func=cmd_brief)
    schema = sub.add_parser("schema", help="print the JSON Schema of an output (generated from the records)")
    schema.add_argument(
        "what",
        nargs="?",
        choices=("briefing", "stories", "outcome"),
        default="briefing",
        help="briefing: brief/show --format json (one briefing or a list); stories: stories --format json; "
        "outcome: one line of ingest --outcomes (default briefing)",
    )
    schema.add_argument("--output", "-o", type=Path)
    schema.set_defaults(func=cmd_schema)
    add_store_commands(sub)
    add_watch_command(sub)
    _add_serve_command(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except CorroborateError as exc:
        print(f"corroborate: error: {exc}", file=sys.stderr)
        return 2
    except sqlite3.DatabaseError as exc:
        from .store.db import damaged

        print(f"corroborate: error: {damaged(getattr(args, 'db', '?'), exc)}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
