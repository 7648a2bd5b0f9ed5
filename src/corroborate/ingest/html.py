"""HTML pages through trafilatura: main text plus title, date, site name, author and URL."""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from html import unescape

import trafilatura


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
