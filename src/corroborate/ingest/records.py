"""JSON and JSON Lines records -> RawReport or Rejection, one per record, with explicit limits.

Limits (each named in the rejection it causes): nesting depth (``MAX_JSON_DEPTH``; Python's parser would
otherwise raise RecursionError), records per file (``MAX_RECORDS``), integer length (``MAX_INT_DIGITS``).
A bad line of a JSON Lines file is one rejection; the other lines are read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from itertools import accumulate
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import RawReport, Rejection
from .fields import bounded_int, meta_value, record_id
from .html import html_report, parse_date

# 64 levels: a news record is an object of strings (depth 1-3); 64 leaves room for any real metadata while
# staying far below the recursion limit of Python's JSON parser (~1000 levels).
MAX_JSON_DEPTH = 64
# 100,000 records in one file (a 5 MB file of 50-byte records); past it the rest is rejected, not read.
MAX_RECORDS = 100_000
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


def json_depth(text: str) -> int:
    """Maximum nesting depth of a JSON text (brackets outside strings), cheaply for ordinary records."""
    opened = text.count("[") + text.count("{")
    if opened <= MAX_JSON_DEPTH:
        return opened
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    return max(accumulate(1 if c in "[{" else -1 for c in brackets), default=0)


def load_json(text: str) -> Any:
    """Parse JSON with the depth limit; raise :class:`InputError` with the reason."""
    depth = json_depth(text)
    if depth > MAX_JSON_DEPTH:
        raise InputError(f"JSON nested {depth} levels deep, over the limit of {MAX_JSON_DEPTH}")
    try:
        return json.loads(text, parse_int=bounded_int)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc}") from exc
    except (ValueError, RecursionError) as exc:
        raise InputError(f"invalid JSON: {exc}") from exc


def _records(path: Path, location: str, text: str) -> Iterator[tuple[str, Any]]:
    if path.suffix.lower() == ".json":
        try:
            data = load_json(text)
        except InputError as exc:
            yield location, exc
            return
        items = data if isinstance(data, list) else [data]
        for n, item in enumerate(items):
            yield f"{location}[{n}]", item
        return
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield f"{location}:{n}", load_json(line)
        except InputError as exc:
            yield f"{location}:{n}", InputError(str(exc).replace("invalid JSON", "invalid JSON line", 1))


def read_records(path: Path, text: str, location: str | None = None) -> list[RawReport | Rejection]:
    """Read ``.json`` (one record or a list) and ``.jsonl`` records; bad records are rejected one by one."""
    where = location or str(path)
    out: list[RawReport | Rejection] = []
    for count, (loc, record) in enumerate(_records(path, where, text)):
        if count >= MAX_RECORDS:
            out.append(Rejection(loc, f"over {MAX_RECORDS} records in one file; this and later records not read"))
            break
        try:
            out.append(record_report(record, loc, f"{path.stem}-{len(out) + 1}"))
        except InputError as exc:
            out.append(Rejection(loc, str(exc)))
    return out


def record_report(record: Any, location: str, fallback_id: str) -> RawReport:
    """One JSON record -> RawReport. Fields: id, text or html, title, url, outlet, published, story, author."""
    if isinstance(record, InputError):
        raise record
    if not isinstance(record, dict):
        raise InputError(f"record is a JSON {type(record).__name__}, expected an object")
    rid = record_id(record.get("id"), fallback_id)
    notes: list[str] = []
    meta = {k: meta_value(k, record.get(k), notes) for k in ("title", "url", "outlet", "published", "story", "author")}
    body, html = record.get("text"), record.get("html")
    if isinstance(body, str) and body.strip():
        published = parse_date(meta["published"])
        if meta["published"] and published is None:
            notes.append(f"published {meta['published'][:40]!r} is not an ISO date; ignored")
        report = RawReport(
            id=rid,
            location=location,
            text=body,
            title=meta["title"],
            url=meta["url"],
            outlet=meta["outlet"],
            published=published,
            author=meta["author"],
            story=meta["story"],
            fmt="json",
        )
    elif isinstance(html, str) and html.strip():
        report = html_report(rid, location, html, **meta)
    else:
        for name, value in (("text", body), ("html", html)):
            if value is not None and not isinstance(value, str):
                raise InputError(f"'{name}' is {type(value).__name__}, expected a string")
        raise InputError("record has neither a non-empty 'text' nor 'html' field")
    report.notes.extend(notes)
    return report
