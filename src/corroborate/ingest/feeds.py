"""RSS/Atom feed files (feedparser) and WARC archives (warcio) -> RawReport or Rejection, one per entry.

Feed entries carry their text in ``content`` or ``summary`` (often HTML) and their own date, link, author
and title; the feed's title is the outlet. WARC ``response`` records with an HTML payload go through the
same trafilatura extraction as HTML files (:func:`corroborate.ingest.html.html_report`), decoded by the
charset of their HTTP header or page.

Limits: a feed is one input (``max_bytes``, 5 MB by default); a WARC archive holds many, so each record's
payload is held to ``max_bytes`` and the archive to ``MAX_WARC_BYTES``. A record cut short (a truncated
download) is rejected as "truncated record"; the complete records before it are kept.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html as html_lib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import feedparser
from warcio.archiveiterator import ArchiveIterator

from ..config import MAX_INPUT_BYTES
from ..errors import InputError
from ..model import RawReport, Rejection
from .decode import decode_html
from .html import extract_html, html_report
from .walk import Skipped, display, location_of, open_regular, read_bytes

FEED_SUFFIXES = {".rss", ".atom", ".xml"}
# 4 GB: the size of one WARC file as crawlers write them (Heritrix and wget roll over at 1 GB by default).
MAX_WARC_BYTES = 4_000_000_000
# 100,000 entries or records read from one feed or archive; the rest is rejected with this limit named.
MAX_ENTRIES = 100_000
_TAG = re.compile(r"<[^>]+>")


def is_feed_or_warc(path: Path) -> bool:
    """Whether this module (not the generic file readers) reads ``path``."""
    name = path.name.lower()
    return path.suffix.lower() in FEED_SUFFIXES or name.endswith((".warc", ".warc.gz"))


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith((".warc", ".warc.gz"))


def read_feed_or_warc(path: Path, max_bytes: int = MAX_INPUT_BYTES) -> list[RawReport | Rejection]:
    """Read one feed or WARC file; a whole-file failure is one rejection, never an exception."""
    out: list[RawReport | Rejection] = []
    if isinstance(path, Skipped):  # refused by the folder walk (a link out of the folder, a loop)
        return [Rejection(display(path), path.reason)]
    try:
        if is_warc(path):
            out.extend(read_warc(path, max_bytes))
        else:
            out.extend(read_feed(path, max_bytes))
    except InputError as exc:
        out.append(Rejection(location_of(path), str(exc)))
    except Exception as exc:  # noqa: BLE001 - a parser's failure on one file is that file's rejection
        out.append(Rejection(location_of(path), f"cannot read file: {type(exc).__name__}: {exc}"))
    return out


def _struct_date(entry: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
            except (ValueError, OverflowError, AttributeError, TypeError):
                continue
    return None


def _entry_html(entry: Any) -> str:
    contents = entry.get("content") or []
    if contents:
        return "\n".join(str(c.get("value", "")) for c in contents)
    return str(entry.get("summary") or entry.get("description") or "")


def _entry_text(markup: str) -> str:
    """Entry bodies are usually HTML fragments: let trafilatura extract, fall back to feedparser's text."""
    if "<" not in markup:
        return markup.strip()
    page = extract_html(f"<html><body><article>{markup}</article></body></html>")
    if page.text.strip():
        return page.text
    # Short fragments (one paragraph) fall below trafilatura's minimum; strip the tags instead.
    return html_lib.unescape(_TAG.sub(" ", markup)).strip()


def _text_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def read_feed(path: Path, max_bytes: int = MAX_INPUT_BYTES) -> Iterator[RawReport | Rejection]:
    """Every entry of an RSS or Atom file, in file order."""
    parsed = feedparser.parse(read_bytes(path, max_bytes))
    if not parsed.entries:
        reason = f"not a readable RSS/Atom feed: {parsed.get('bozo_exception') or 'no entries'}"
        raise InputError(reason)
    outlet = _text_or_none(parsed.feed.get("title"))
    for n, entry in enumerate(parsed.entries, start=1):
        location = f"{location_of(path)}#entry{n}"
        if n > MAX_ENTRIES:
            yield Rejection(location, f"over {MAX_ENTRIES} entries in one feed; this and later entries not read")
            return
        text = _entry_text(_entry_html(entry))
        if not text:
            yield Rejection(location, "feed entry has no text (no content or summary)")
            continue
        link = _text_or_none(entry.get("link"))
        yield RawReport(
            id=str(entry.get("id") or link or f"{path.stem}-{n}"),
            location=location,
            text=text,
            title=_text_or_none(entry.get("title")),
            url=link,
            outlet=outlet,
            published=_struct_date(entry),
            author=_text_or_none(entry.get("author")),
            fmt="feed",
            encoding=str(parsed.get("encoding") or "") or None,
        )


def _warc_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _charset(content_type: str) -> str | None:
    lowered = content_type.lower()
    if "charset=" not in lowered:
        return None
    return lowered.split("charset=")[1].split(";")[0].strip().strip("\"'") or None


def _warc_report(record: Any, location: str, max_bytes: int) -> RawReport | Rejection | None:
    """One WARC record: a report, a rejection, or None for records that are not HTML responses."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    ctype = record.http_headers.get_header("Content-Type") or ""
    if "html" not in ctype.lower():
        return None
    payload = record.content_stream().read(max_bytes + 1)
    if len(payload) > max_bytes:
        return Rejection(location, f"record payload over the {max_bytes / 1e6:.0f} MB limit; not read")
    if getattr(record.raw_stream, "limit", 0) > 0:
        return Rejection(location, "truncated record: the archive ends inside this record")
    url = record.rec_headers.get_header("WARC-Target-URI")
    decoded = decode_html(payload, _charset(ctype))
    rid = hashlib.sha1((url or location).encode("utf-8", "replace")).hexdigest()[:16]
    host = urlparse(url).hostname if url else None
    report = html_report(rid, location, decoded.text, url=url, outlet=host)
    report.encoding, report.encoding_confidence, report.encoding_note = (
        decoded.encoding,
        decoded.confidence,
        decoded.note,
    )
    if report.published is None:  # no date in the page: the capture date is the best bound
        report.published = _warc_date(record.rec_headers.get_header("WARC-Date"))
    return report


def _cut_short(record: Any) -> bool:
    """Did the archive end before this record's declared length (or inside its header)?"""
    declared = record.rec_headers.get_header("Content-Length")
    if declared is None or not str(declared).strip().isdigit():
        return True
    return bool(getattr(record.raw_stream, "limit", 0) > 0)


def read_warc(path: Path, max_bytes: int = MAX_INPUT_BYTES) -> Iterator[RawReport | Rejection]:
    """Every HTML ``response`` record of a WARC file; other records are skipped (not reports).

    A record cut short is rejected as "truncated record"; the complete records before it are kept.
    """
    with open_regular(path, MAX_WARC_BYTES) as stream:
        size = stream.seek(0, 2)
        stream.seek(0)
        iterator = ArchiveIterator(stream)
        end = 0
        n = produced = 0
        try:
            for n, record in enumerate(iterator, start=1):
                location = f"{display(path)}#record{n}"
                if n > MAX_ENTRIES:
                    yield Rejection(location, f"over {MAX_ENTRIES} records in one archive; the rest not read")
                    return
                try:
                    found = _warc_report(record, location, max_bytes)
                except InputError as exc:
                    found = Rejection(location, str(exc))
                iterator.read_to_end(record)
                if _cut_short(record):
                    # Any record type: a cut record is never passed on as complete, nor dropped unsaid.
                    if n == 1 and record.rec_headers.get_header("Content-Length") is None:
                        yield Rejection(location, "not a readable WARC file: its first record has no valid header")
                    else:
                        yield Rejection(location, "truncated record: the archive ends inside this record")
                    return
                if found is not None:
                    produced += 1
                    yield found
                end = iterator.get_record_offset() + iterator.get_record_length()
        except Exception as exc:  # noqa: BLE001 - warcio raises bare exceptions on a cut or corrupt archive
            reason = "truncated record" if end or n else "not a readable WARC file"
            # warcio reports a header cut short as an AttributeError/TypeError on None: its text says nothing.
            detail = "the archive breaks inside a record header" if isinstance(exc, AttributeError | TypeError) else exc
            yield Rejection(f"{display(path)}#record{n + 1}", f"{reason}: {detail}")
            return
        if n == 0:
            raise InputError("not a readable WARC file: no WARC records found")
        if not produced:
            yield Rejection(display(path), f"no HTML response records among the {n} WARC records; nothing to read")
        stream.seek(end)
        if stream.read(64).strip():
            yield Rejection(
                f"{display(path)}#record{n + 1}",
                f"truncated record: {size - end} bytes after the last complete record at byte {end} do not form one",
            )
