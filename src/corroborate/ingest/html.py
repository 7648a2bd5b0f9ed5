"""HTML pages through trafilatura: main text plus title, date, site name, author and URL."""

from __future__ import annotations

import datetime as dt
import re
import warnings
from dataclasses import dataclass
from html import unescape
from typing import Any

import trafilatura

from ..errors import InputError
from ..model import RawReport

_XML_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class Page:
    text: str
    title: str | None
    date: str | None
    sitename: str | None
    author: str | None
    url: str | None


def extract_html(html: str) -> Page:
    """Extract the article; paragraphs become blank-line separated, a repeated title line is dropped."""
    # lxml refuses NUL bytes, lone surrogates and most C0 controls ("All strings must be XML compatible").
    html = _XML_UNSAFE.sub("", html)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            deduplicate=False,
            favor_precision=False,
        )
    if doc is None:
        return Page("", None, None, None, None, None)
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    title = unescape(data["title"]) if data.get("title") else None
    # trafilatura can leave named entities such as "&nbsp;" undecoded in its text output.
    lines = [unescape(line).strip() for line in (data.get("text") or "").splitlines()]
    lines = [line for line in lines if line]
    if lines and title and lines[0].strip() == title.strip():
        lines = lines[1:]
    return Page(
        text="\n\n".join(lines),
        title=title,
        date=data.get("date") or None,
        sitename=data.get("sitename") or None,
        author=data.get("author") or None,
        url=data.get("url") or None,
    )


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
        author=meta.get("author") or page.author,
        story=meta.get("story"),
        fmt="html",
    )
