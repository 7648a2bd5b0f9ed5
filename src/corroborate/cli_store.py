"""Store commands: ``corroborate ingest``, ``corroborate stories`` and ``corroborate show``."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import CorroborateError
from .ingest.inputs import add_input_arguments
from .outputs import atomic_output, check_output, write_output
from .render.safe import json_text, terminal

if TYPE_CHECKING:  # the store and the stream driver are imported by the commands that use them
    from .store import Store
    from .stream import IngestSummary, Outcome

DEFAULT_DB = Path("corroborate.db")
# Non-stored outcomes listed on screen; the rest go to --outcomes FILE (all of them) or are counted.
MAX_LISTED = 20


def _open_existing(db: Path) -> Store:
    """An existing database for reading (read-only when this process may not write it)."""
    from .store import Store

    return Store.for_reading(db)


def _print_summary(summary: IngestSummary, db: Path) -> None:
    out = sys.stdout
    if summary.notable:
        print(f"{'status':<15} {'input':<48} detail", file=out)
        for outcome in summary.notable[:MAX_LISTED]:
            location, detail = terminal(outcome.location), terminal(outcome.detail)
            print(f"{terminal(outcome.status):<15} {location[-48:]:<48} {detail}", file=out)
        if len(summary.notable) > MAX_LISTED:
            print(f"... {len(summary.notable) - MAX_LISTED} more (use --outcomes FILE for all)", file=out)
    statuses = ("stored", "duplicate", "revised", "already-stored", "rejected")
    parts = [f"{summary.counts.get(k, 0)} {k}" for k in statuses]
    rate = summary.total / summary.seconds if summary.seconds else 0.0
    print(f"{summary.total} inputs: {', '.join(parts)} in {summary.seconds:.1f} s ({rate:.0f}/s)", file=out)
    c = summary.db_counts
    print(
        f"{db}: {c.get('reports', 0)} reports ({c.get('copies', 0)} copies) in {c.get('stories', 0)} stories, "
        f"{c.get('rejections', 0)} rejections recorded",
        file=out,
    )


def cmd_ingest(args: argparse.Namespace) -> int:
    from .config import resolve_config
    from .stream import run_ingest

    check_output(args.outcomes, [*args.paths, args.db], read_while_writing=True)
    with contextlib.ExitStack() as stack:
        sink = stack.enter_context(atomic_output(args.outcomes)) if args.outcomes else None

        def write(outcome: Outcome) -> None:
            if sink is not None:
                sink.write(json.dumps(outcome.to_dict()) + "\n")

        summary = run_ingest(
            args.paths,
            args.db,
            config=resolve_config(args.config),
            engine=args.engine,
            scheduler=args.scheduler,
            batch_size=args.batch_size,
            embeddings=args.embeddings,
            progress=args.progress,
            on_outcome=write,
        )
    _print_summary(summary, args.db)
    return 0


def _story_table(stories: list[dict[str, Any]]) -> str:
    lines = [f"{'story':<16} {'reports':>7} {'sources':>7}  {'first':<10} {'last':<10} headline"]
    for s in stories:  # every cell shown through safe.terminal: no escape sequences, controls or bidi controls
        first, last = terminal(s["first_published"] or "-"), terminal(s["last_published"] or "-")
        lines.append(
            f"{terminal(s['id']):<16} {s['counts']['articles']:>7} {s['counts']['sources']:>7}  {first:<10} "
            f"{last:<10} {terminal(s['headline'] or '')[:70]}"
        )
    return "\n".join(lines) + "\n"


def _day(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def cmd_stories(args: argparse.Namespace) -> int:
    store = _open_existing(args.db)
    try:
        stories = store.stories(since=args.since, until=args.until, outlet=args.outlet, query=args.query)
    finally:
        store.close()
    if args.format == "json":
        sys.stdout.write(json_text(stories, indent=2) + "\n")
    else:
        sys.stdout.write(_story_table(stories))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from .config import resolve_config
    from .pipeline import brief_stored
    from .render import render

    check_output(args.output, [args.db, args.config])
    config = resolve_config(args.config)
    store = _open_existing(args.db)
    try:
        if args.story_id not in store.story_ids():
            raise CorroborateError(f"no story {args.story_id!r} in {args.db}; list them with `corroborate stories`")
        briefing = brief_stored(store, args.story_id, config)
    finally:
        store.close()
    write_output(render([briefing], args.format), args.output)
    return 0


def add_store_commands(subparsers: argparse._SubParsersAction) -> None:
    """Register ``ingest``, ``stories`` and ``show`` on the main parser's subcommands."""
    ingest = subparsers.add_parser("ingest", help="store reports, mark copies and group them into stories")
    add_input_arguments(ingest, "the reports to store")
    ingest.add_argument("--db", type=Path, default=DEFAULT_DB, help=f"SQLite database (default {DEFAULT_DB})")
    ingest.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="where read/clean/features run (default local)",
    )
    ingest.add_argument("--scheduler", help="Dask scheduler address (default: start a LocalCluster)")
    ingest.add_argument(
        "--batch-size", type=int, help="reports per transaction (default: stream.batch_size, 500)"
    )
    ingest.add_argument(
        "--embeddings",
        action="store_true",
        default=None,
        help="ask sentence embeddings about pairs the cheap features cannot decide (slow; cluster.embeddings)",
    )
    ingest.add_argument("--config", type=Path, help="TOML file of options (see docs/config.md)")
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
    stories.add_argument("--since", type=_day, help="only stories with a report published on or after YYYY-MM-DD")
    stories.add_argument("--until", type=_day, help="only stories with a report published on or before YYYY-MM-DD")
    stories.add_argument("--outlet", help="only stories with a report from this outlet (case-insensitive)")
    stories.add_argument("--query", "-q", help="only stories with a report whose headline or text has every word")
    stories.set_defaults(func=cmd_stories)

    show = subparsers.add_parser("show", help="print one stored story's briefing")
    show.add_argument("story_id")
    show.add_argument("--db", type=Path, default=DEFAULT_DB)
    show.add_argument("--format", "-f", choices=("md", "json", "jsonl", "html"), default="md")
    show.add_argument("--config", type=Path, help="TOML file of options (see docs/config.md)")
    show.add_argument("--output", "-o", type=Path, help="write to FILE instead of standard output")
    show.set_defaults(func=cmd_show)
