"""Command line: ``corroborate brief PATH...``, ``corroborate schema`` and the store commands."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .cli_store import add_store_commands
from .config import resolve_config
from .errors import CorroborateError
from .pipeline import brief_paths
from .render import FORMATS, render
from .render.schema import BRIEFING_SCHEMA


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")


def cmd_brief(args: argparse.Namespace) -> int:
    overrides = {}
    if args.max_words is not None:
        overrides["brief.max_words"] = args.max_words
    config = resolve_config(args.config, overrides)
    run = brief_paths(args.paths, config)
    _write(render(run.briefings, args.format), args.output)
    for rejection in run.rejected:
        print(f"corroborate: rejected {rejection.location}: {rejection.reason}", file=sys.stderr)
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    _write(json.dumps(BRIEFING_SCHEMA, indent=2) + "\n", args.output)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="corroborate", description="Turn many outlets' reports into one cited, source-attributed briefing."
    )
    parser.add_argument("--version", action="version", version=f"corroborate {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    brief = sub.add_parser("brief", help="brief the reports in files or folders")
    brief.add_argument("paths", nargs="+", type=Path, help=".txt, .html, .json, .jsonl files or folders")
    brief.add_argument("--format", "-f", choices=FORMATS, default="md", help="output format (default md)")
    brief.add_argument("--output", "-o", type=Path, help="write to FILE instead of standard output")
    brief.add_argument("--max-words", type=int, help="summary budget in words, a hard limit (default 200)")
    brief.add_argument("--config", type=Path, help="TOML file of options (see docs/config.md)")
    brief.set_defaults(func=cmd_brief)
    schema = sub.add_parser("schema", help="print the JSON Schema of the briefing")
    schema.add_argument("--output", "-o", type=Path)
    schema.set_defaults(func=cmd_schema)
    add_store_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except CorroborateError as exc:
        print(f"corroborate: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
