"""Store commands: ``corroborate ingest``, ``corroborate stories`` and ``corroborate show``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from .errors import CorroborateError
from .store import IngestSummary, Store, run_ingest
from .store.ingest import Outcome

DEFAULT_DB = Path("corroborate.db")
# Non-stored outcomes listed on screen; the rest go to --outcomes FILE (all of them) or are counted.
MAX_LISTED = 20


def _open_existing(db: Path) -> Store:
    if not db.exists():
        raise CorroborateError(f"no database at {db}; run `corroborate ingest PATH... --db {db}` first")
    return Store(db)


def _print_summary(summary: IngestSummary, db: Path) -> None:
    out = sys.stdout
    if summary.notable:
        print(f"{'status':<15} {'input':<48} detail", file=out)
        for outcome in summary.notable[:MAX_LISTED]:
            print(f"{outcome.status:<15} {outcome.location[-48:]:<48} {outcome.detail}", file=out)
        if len(summary.notable) > MAX_LISTED:
            print(f"... {len(summary.notable) - MAX_LISTED} more (use --outcomes FILE for all)", file=out)
    parts = [f"{summary.counts.get(k, 0)} {k}" for k in ("stored", "duplicate", "already-stored", "rejected")]
    rate = summary.total / summary.seconds if summary.seconds else 0.0
    print(f"{summary.total} inputs: {', '.join(parts)} in {summary.seconds:.1f} s ({rate:.0f}/s)", file=out)
    c = summary.db_counts
    print(
        f"{db}: {c.get('reports', 0)} reports ({c.get('copies', 0)} copies) in {c.get('stories', 0)} stories, "
        f"{c.get('rejections', 0)} rejections recorded",
        file=out,
    )


def cmd_ingest(args: argparse.Namespace) -> int:
    sink = args.outcomes.open("w", encoding="utf-8") if args.outcomes else None

    def write(outcome: Outcome) -> None:
        if sink is not None:
            sink.write(json.dumps(outcome.to_dict()) + "\n")

    try:
        summary = run_ingest(
            args.paths,
            args.db,
            engine=args.engine,
            scheduler=args.scheduler,
            batch_size=args.batch_size,
            embeddings=args.embeddings,
            progress=args.progress,
            on_outcome=write,
        )
    finally:
        if sink is not None:
            sink.close()
    _print_summary(summary, args.db)
    return 0


def _story_table(stories: list[dict[str, Any]]) -> str:
    lines = [f"{'story':<16} {'reports':>7} {'sources':>7}  {'first':<10} {'last':<10} headline"]
    for s in stories:
        lines.append(
            f"{s['id']:<16} {len(s['articles']):>7} {len(s['sources']):>7}  {s['first_published'] or '-':<10} "
            f"{s['last_published'] or '-':<10} {s['headline'][:70]}"
        )
    return "\n".join(lines) + "\n"


def cmd_stories(args: argparse.Namespace) -> int:
    store = _open_existing(args.db)
    try:
        stories = store.stories()
    finally:
        store.close()
    if args.format == "json":
        sys.stdout.write(json.dumps(stories, indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(_story_table(stories))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from .analyze.sentences import skip_spans, split_sentences
    from .clean.dateline import find_datelines
    from .config import resolve_config
    from .pipeline import brief_story
    from .render import render

    store = _open_existing(args.db)
    try:
        articles = store.story_articles(args.story_id)
    finally:
        store.close()
    if not articles:
        raise CorroborateError(f"no story {args.story_id!r} in {args.db}; list them with `corroborate stories`")
    for article in articles:
        # Datelines are a function of the stored text: found again here, exactly as the clean stage found them.
        article.datelines = find_datelines(article.text)
        article.dateline = article.datelines[0] if article.datelines else None
        article.sentences = skip_spans(split_sentences(article.text), [(d.start, d.end) for d in article.datelines])
    briefing = brief_story(articles, args.story_id, resolve_config(args.config))
    sys.stdout.write(render([briefing], args.format))
    return 0


def add_store_commands(subparsers: argparse._SubParsersAction) -> None:
    """Register ``ingest``, ``stories`` and ``show`` on the main parser's subcommands."""
    ingest = subparsers.add_parser("ingest", help="store reports, mark copies and group them into stories")
    ingest.add_argument(
        "paths",
        nargs="+",
        type=Path,
        help=".txt .html .json .jsonl files, RSS/Atom feeds (.rss .atom .xml), WARC, or folders",
    )
    ingest.add_argument("--db", type=Path, default=DEFAULT_DB, help=f"SQLite database (default {DEFAULT_DB})")
    ingest.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="where read/clean/features run (default local)",
    )
    ingest.add_argument("--scheduler", help="Dask scheduler address (default: start a LocalCluster)")
    ingest.add_argument("--batch-size", type=int, default=500, help="reports per transaction (default 500)")
    ingest.add_argument(
        "--embeddings",
        action="store_true",
        help="ask sentence embeddings about pairs the cheap features cannot decide (slow)",
    )
    ingest.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bar on stderr (default: only on a terminal)",
    )
    ingest.add_argument("--outcomes", type=Path, help="write every input's outcome as JSON lines to FILE")
    ingest.set_defaults(func=cmd_ingest)

    stories = subparsers.add_parser("stories", help="list the stories in the database")
    stories.add_argument("--db", type=Path, default=DEFAULT_DB)
    stories.add_argument("--format", "-f", choices=("table", "json"), default="table")
    stories.set_defaults(func=cmd_stories)

    show = subparsers.add_parser("show", help="print one stored story's briefing")
    show.add_argument("story_id")
    show.add_argument("--db", type=Path, default=DEFAULT_DB)
    show.add_argument("--format", "-f", choices=("md", "json", "jsonl", "html"), default="md")
    show.add_argument("--config", type=Path, help="TOML file of options")
    show.set_defaults(func=cmd_show)
