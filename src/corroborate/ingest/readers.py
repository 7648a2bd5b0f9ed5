"""Read report files and records: .txt, .html/.htm (trafilatura), .json/.jsonl records.

Every path ends up either as a :class:`RawReport` or a :class:`Rejection` with its reason, so a batch is never
sunk by one bad file and nothing is dropped silently.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ..config import MAX_INPUT_BYTES
from ..errors import InputError
from ..model import RawReport, Rejection
from .decode import decode_bytes
from .html import extract_html

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES


def parse_date(value: object) -> dt.date | None:
    """Parse an ISO date or datetime string (``2026-03-07``, ``2026-03-07T10:00:00Z``); ``None`` otherwise."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or len(value.strip()) < 10:
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def iter_files(paths: Sequence[Path]) -> Iterator[Path]:
    """Files named, and files under folders named (recursively, sorted): the deterministic input order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file())
        else:
            yield path


def read_paths(paths: Sequence[Path], max_bytes: int = MAX_INPUT_BYTES) -> tuple[list[RawReport], list[Rejection]]:
    """Read files or folders (recursively, in sorted order) into raw reports and rejections."""
    reports: list[RawReport] = []
    rejected: list[Rejection] = []
    seen: dict[str, str] = {}
    for path in iter_files(paths):
        try:
            found = read_file(path, max_bytes)
        except InputError as exc:
            rejected.append(Rejection(str(path), str(exc)))
            continue
        for item in found:
            if isinstance(item, Rejection):
                rejected.append(item)
            elif item.id in seen:
                rejected.append(
                    Rejection(item.location, f"duplicate id {item.id!r}, already read from {seen[item.id]}")
                )
            else:
                seen[item.id] = item.location
                reports.append(item)
    return reports, rejected


def read_file(path: Path, max_bytes: int = MAX_INPUT_BYTES) -> list[RawReport | Rejection]:
    """Read one file; raise :class:`InputError` when the whole file is unusable."""
    if not path.exists():
        raise InputError("no such file")
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(f"file too large: {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit")
    data = path.read_bytes()
    text, _encoding = decode_bytes(data)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise InputError(f"unsupported file type {suffix or '(none)'!r}; expected one of {sorted(SUPPORTED)}")
    if suffix in HTML_SUFFIXES:
        return [html_report(path.stem, str(path), text)]
    if suffix in JSON_SUFFIXES:
        return read_records(path, text)
    return [RawReport(id=path.stem, location=str(path), text=text, fmt="txt", title_in_text=True)]


def html_report(report_id: str, location: str, html: str, **meta: Any) -> RawReport:
    """Extract an HTML page with trafilatura; record fields in ``meta`` win over the page's own metadata."""
    page = extract_html(html)
    if not page.text.strip():
        raise InputError("HTML page has no extractable article text")
    return RawReport(
        id=report_id,
        location=location,
        text=page.text,
        title=meta.get("title") or page.title,
        url=meta.get("url") or page.url,
        outlet=meta.get("outlet") or page.sitename,
        published=parse_date(meta.get("published")) or parse_date(page.date),
        author=page.author,
        story=meta.get("story"),
        fmt="html",
    )


def _records(path: Path, text: str) -> Iterator[tuple[str, Any]]:
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"invalid JSON: {exc}") from exc
        items = data if isinstance(data, list) else [data]
        for n, item in enumerate(items):
            yield f"{path}[{n}]", item
        return
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield f"{path}:{n}", json.loads(line)
        except json.JSONDecodeError as exc:
            yield f"{path}:{n}", InputError(f"invalid JSON line: {exc}")


def read_records(path: Path, text: str) -> list[RawReport | Rejection]:
    """Read ``.json`` (one record or a list) and ``.jsonl`` records; bad records are rejected one by one."""
    out: list[RawReport | Rejection] = []
    for location, record in _records(path, text):
        try:
            out.append(record_report(record, location, f"{path.stem}-{len(out) + 1}"))
        except InputError as exc:
            out.append(Rejection(location, str(exc)))
    return out


def record_report(record: Any, location: str, fallback_id: str) -> RawReport:
    """One JSON record -> RawReport. Fields: id, text or html, title, url, outlet, published, story."""
    if isinstance(record, InputError):
        raise record
    if not isinstance(record, dict):
        raise InputError(f"record is a JSON {type(record).__name__}, expected an object")
    rid = str(record.get("id") or fallback_id)
    meta = {k: record.get(k) for k in ("title", "url", "outlet", "published", "story")}
    for key, value in meta.items():
        if value is not None and not isinstance(value, str):
            meta[key] = str(value)
    body, html = record.get("text"), record.get("html")
    if isinstance(body, str) and body.strip():
        return RawReport(
            id=rid,
            location=location,
            text=body,
            title=meta["title"],
            url=meta["url"],
            outlet=meta["outlet"],
            published=parse_date(meta["published"]),
            story=meta["story"],
            fmt="json",
        )
    if isinstance(html, str) and html.strip():
        return html_report(rid, location, html, **meta)
    raise InputError("record has neither a non-empty 'text' nor 'html' field")
