"""``corroborate watch FEEDS.txt --db FILE [--every 10m]``: poll RSS/Atom feeds and ingest what is new.

Each poll asks every feed with a conditional GET (``If-None-Match`` / ``If-Modified-Since`` from the last
answer's ``ETag`` / ``Last-Modified``), so an unchanged feed costs one small 304 answer. A changed feed is
written to a temporary file located at its URL (:class:`.walk.Sourced`) and ingested like any feed file, so
re-sent entries are recognised as already stored. The validators live beside the database in
``<db>.watch.json``; a failing feed is reported and retried at the next poll, never stopping the others.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import __version__
from ..config import MAX_INPUT_BYTES
from ..errors import CorroborateError
from .walk import sourced

# 10 minutes: news feeds update every few minutes to hours; polling faster gains little and is impolite.
DEFAULT_EVERY = "10m"
# 30 s: the shortest interval accepted (many publishers throttle clients that poll more often).
MIN_EVERY_S = 30.0
FEED_TYPES = ("xml", "rss", "atom", "rdf")
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNITS = {"": 1.0, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}


@dataclass(frozen=True)
class Poll:
    """One feed's answer in one poll: "changed" (ingested), "unchanged" (304) or "failed", with detail."""

    url: str
    status: str
    detail: str


def parse_every(text: str) -> float:
    """``"90s"``, ``"10m"``, ``"1h"`` -> seconds; :class:`CorroborateError` below ``MIN_EVERY_S`` or unreadable."""
    found = _DURATION.match(text)
    if not found:
        raise CorroborateError(f"--every {text!r}: give a number with s, m, h or d, e.g. 10m")
    seconds = float(found.group(1)) * _UNITS[found.group(2)]
    if seconds < MIN_EVERY_S:
        raise CorroborateError(f"--every {text!r}: at least {MIN_EVERY_S:.0f} s between polls")
    return seconds


def state_path(db: Path) -> Path:
    return Path(f"{db}.watch.json")


def load_state(path: Path) -> dict[str, dict[str, str]]:
    """The validators of the last answers; an unreadable file starts afresh (it is only a cache)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): v for k, v in data.items() if isinstance(v, dict)} if isinstance(data, dict) else {}


def save_state(path: Path, state: dict[str, dict[str, str]]) -> None:
    temp = path.with_name(f".{path.name}.tmp")
    temp.write_text(json.dumps(state, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(temp, path)


def fetch_feed(
    url: str, known: dict[str, str], max_bytes: int = MAX_INPUT_BYTES
) -> tuple[bytes | None, dict[str, str]]:
    """The feed's bytes (None when unchanged since ``known``) and the validators to send next time."""
    from .fetch import CONNECT_TIMEOUT_S, _opener, _read_capped  # the readers load on first use

    accept = "application/rss+xml, application/atom+xml, application/xml, text/xml"
    headers = {"User-Agent": f"corroborate/{__version__}", "Accept": accept}
    if known.get("etag"):
        headers["If-None-Match"] = known["etag"]
    if known.get("last_modified"):
        headers["If-Modified-Since"] = known["last_modified"]
    try:
        response = _opener().open(urllib.request.Request(url, headers=headers), timeout=CONNECT_TIMEOUT_S)
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            return None, known
        raise CorroborateError(f"HTTP {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        raise CorroborateError(f"cannot fetch: {exc.reason}") from exc
    except TimeoutError as exc:
        raise CorroborateError(f"no answer within {CONNECT_TIMEOUT_S:.0f} s") from exc
    with response:
        ctype = response.headers.get_content_type()
        if not any(kind in ctype for kind in FEED_TYPES):
            raise CorroborateError(f"not a feed (Content-Type {ctype})")
        data = _read_capped(response, max_bytes)
        answer = {"etag": response.headers.get("ETag"), "last_modified": response.headers.get("Last-Modified")}
        validators = {key: value for key, value in answer.items() if value}
    return data, validators


def poll_once(
    feeds: list[str],
    db: Path,
    ingest: Callable[[list[Path], Path], Any],
    max_bytes: int = MAX_INPUT_BYTES,
) -> list[Poll]:
    """Ask every feed once; ingest the changed ones with ``ingest(paths, db)``; keep the validators."""
    path = state_path(db)
    state = load_state(path)
    polls: list[Poll] = []
    for url in feeds:
        try:
            data, validators = fetch_feed(url, state.get(url, {}), max_bytes)
        except (CorroborateError, OSError) as exc:
            polls.append(Poll(url, "failed", str(exc)))
            continue
        if data is None:
            polls.append(Poll(url, "unchanged", "304 Not Modified"))
            continue
        with tempfile.TemporaryDirectory(prefix="corroborate-watch-") as folder:
            local = sourced(Path(folder) / "feed.xml", url)
            local.write_bytes(data)
            summary = ingest([local], db)
        state[url] = validators
        save_state(path, state)
        counts = getattr(summary, "counts", None)
        statuses = ("stored", "already-stored", "rejected")
        detail = ", ".join(f"{counts.get(k, 0)} {k}" for k in statuses) if counts is not None else "ingested"
        polls.append(Poll(url, "changed", detail))
    return polls


def cmd_watch(args: argparse.Namespace) -> int:
    from ..config import resolve_config
    from ..stream import run_ingest
    from .fetch import read_url_list

    every = parse_every(args.every)
    rejected, feeds = read_url_list(args.feeds)
    for item in rejected:
        print(f"corroborate: skipped {getattr(item, 'location', '')}: {getattr(item, 'reason', '')}", file=sys.stderr)
    if not feeds:
        raise CorroborateError(f"no feed URLs in {args.feeds}: give one http(s) URL a line")
    config = resolve_config(args.config)

    def ingest(paths: list[Path], db: Path) -> Any:
        return run_ingest(paths, db, config=config, progress=False)

    polls = 0
    try:
        while True:
            for poll in poll_once(feeds, args.db, ingest):
                print(f"{time.strftime('%H:%M:%S')} {poll.status:<9} {poll.url} {poll.detail}", flush=True)
            polls += 1
            if args.once or (args.polls and polls >= args.polls):
                return 0
            time.sleep(every)
    except KeyboardInterrupt:
        return 0


def add_watch_command(subparsers: argparse._SubParsersAction) -> None:
    """Register ``watch`` on the main parser's subcommands (one call from cli.py)."""
    watch = subparsers.add_parser("watch", help="poll RSS/Atom feeds (conditional GET) and ingest new entries")
    watch.add_argument("feeds", type=Path, help="file of feed URLs, one a line (# starts a comment)")
    watch.add_argument("--db", type=Path, default=Path("corroborate.db"), help="SQLite database (corroborate.db)")
    watch.add_argument("--every", default=DEFAULT_EVERY, help=f"between polls: 90s, 10m, 1h (default {DEFAULT_EVERY})")
    watch.add_argument("--once", action="store_true", help="poll once and exit")
    watch.add_argument("--polls", type=int, help="stop after N polls")
    watch.add_argument("--config", type=Path, help="TOML file of options")
    watch.set_defaults(func=cmd_watch)
