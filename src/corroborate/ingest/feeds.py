"""RSS/Atom feed files (feedparser) and WARC archives (warcio) -> RawReport or Rejection, one per entry.

Feed entries carry their text in ``content`` or ``summary`` (often HTML) and their own date, link, author
and title; the feed's title is the outlet. WARC ``response`` records with an HTML payload go through the
same trafilatura extraction as HTML files (:func:`corroborate.ingest.readers.html_report`).
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

from ..errors import InputError
from ..model import RawReport, Rejection
from .html import extract_html
from .readers import html_report

FEED_SUFFIXES = {".rss", ".atom", ".xml"}
_TAG = re.compile(r"<[^>]+>")


def is_feed_or_warc(path: Path) -> bool:
    """Whether this module (not the generic file readers) reads ``path``."""
    name = path.name.lower()
    return path.suffix.lower() in FEED_SUFFIXES or name.endswith((".warc", ".warc.gz"))


def read_feed_or_warc(path: Path) -> list[RawReport | Rejection]:
    """Read one feed or WARC file; a whole-file failure is one rejection."""
    try:
        if path.name.lower().endswith((".warc", ".warc.gz")):
            return list(read_warc(path))
        return list(read_feed(path))
    except InputError as exc:
        return [Rejection(str(path), str(exc))]
    except OSError as exc:
        return [Rejection(str(path), f"cannot read file: {exc}")]


def _struct_date(entry: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
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


def read_feed(path: Path) -> Iterator[RawReport | Rejection]:
    """Every entry of an RSS or Atom file, in file order."""
    parsed = feedparser.parse(path.read_bytes())
    if not parsed.entries:
        reason = f"not a readable RSS/Atom feed: {parsed.get('bozo_exception') or 'no entries'}"
        raise InputError(reason)
    outlet = parsed.feed.get("title") or None
    for n, entry in enumerate(parsed.entries, start=1):
        location = f"{path}#entry{n}"
        text = _entry_text(_entry_html(entry))
        if not text:
            yield Rejection(location, "feed entry has no text (no content or summary)")
            continue
        link = entry.get("link") or None
        yield RawReport(
            id=str(entry.get("id") or link or f"{path.stem}-{n}"),
            location=location,
            text=text,
            title=entry.get("title") or None,
            url=link,
            outlet=outlet,
            published=_struct_date(entry),
            author=entry.get("author") or None,
            fmt="feed",
        )


def _warc_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def read_warc(path: Path) -> Iterator[RawReport | Rejection]:
    """Every HTML ``response`` record of a WARC file; other records are skipped (not reports)."""
    with path.open("rb") as stream:
        try:
            for n, record in enumerate(ArchiveIterator(stream), start=1):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                ctype = record.http_headers.get_header("Content-Type") or ""
                if "html" not in ctype.lower():
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                location = f"{path}#record{n}"
                payload = record.content_stream().read()
                charset = "utf-8"
                if "charset=" in ctype.lower():
                    charset = ctype.lower().split("charset=")[1].split(";")[0].strip() or "utf-8"
                try:
                    html = payload.decode(charset, errors="replace")
                except LookupError:
                    html = payload.decode("utf-8", errors="replace")
                rid = hashlib.sha1((url or location).encode("utf-8")).hexdigest()[:16]
                host = urlparse(url).hostname if url else None
                try:
                    report = html_report(rid, location, html, url=url, outlet=host)
                except InputError as exc:
                    yield Rejection(location, str(exc))
                    continue
                if report.published is None:  # no date in the page: the capture date is the best bound
                    report.published = _warc_date(record.rec_headers.get_header("WARC-Date"))
                yield report
        except Exception as exc:  # warcio raises bare exceptions on a corrupt archive
            raise InputError(f"not a readable WARC file: {exc}") from exc
