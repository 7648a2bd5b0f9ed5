"""Fetch reports from URLs (``brief URL...``, ``--urls FILE``): urllib with a deadline, a size cap, bounded
redirects and a content-type check, each failure a rejection with its reason.

Only http(s) HTML pages are reports; a PDF, an image or a JSON API answer is rejected by its content type
before its body is read. The page then goes through the same decoding and extraction as an HTML file.
"""

from __future__ import annotations

import hashlib
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from email.message import Message
from pathlib import Path
from typing import BinaryIO

from .. import __version__
from ..config import MAX_INPUT_BYTES
from ..errors import InputError
from ..model import RawReport, Rejection
from .decode import decode_html, decode_text
from .html import html_report
from .inputs import Url, UrlList, input_argument, is_url
from .walk import display, read_bytes

__all__ = ["Url", "UrlList", "input_argument", "is_url", "read_url_list"]

# 10 s per socket operation and 30 s for a whole page: a news page arrives in well under a second; a server
# that trickles bytes is cut off instead of hanging the run.
CONNECT_TIMEOUT_S = 10.0
FETCH_DEADLINE_S = 30.0
# 5 redirects: enough for http->https->www->canonical chains; loops are cut (urllib's own default is 10).
MAX_REDIRECTS = 5
# 1,000 URLs in one run: a larger crawl belongs in a WARC file (``corroborate ingest crawl.warc.gz``).
MAX_URLS = 1_000
HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHUNK = 65_536


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS
    max_repeats = 2


def _opener() -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(_Redirects())


def read_url_list(path: Path, max_bytes: int = MAX_INPUT_BYTES) -> tuple[list[RawReport | Rejection], list[str]]:
    """The URLs listed in a file, and a rejection for each line that is not an http(s) URL."""
    try:
        text = decode_text(read_bytes(path, max_bytes)).text
    except InputError as exc:
        return [Rejection(display(path), f"URL list: {exc}")], []
    rejected: list[RawReport | Rejection] = []
    urls: list[str] = []
    for n, line in enumerate(text.splitlines(), start=1):
        entry = line.strip()
        if not entry or entry.startswith("#"):
            continue
        if entry.lower().startswith(("http://", "https://")) and " " not in entry:
            urls.append(entry)
        else:
            rejected.append(Rejection(f"{display(path)}:{n}", f"not an http(s) URL: {entry[:80]!r}"))
    return rejected, urls


def read_urls(urls: Sequence[str], max_bytes: int = MAX_INPUT_BYTES) -> list[RawReport | Rejection]:
    """Fetch each URL in order (at most ``MAX_URLS``); one report or one rejection per URL."""
    out: list[RawReport | Rejection] = []
    for n, url in enumerate(urls):
        if n >= MAX_URLS:
            out.append(Rejection(url, f"over {MAX_URLS} URLs in one run; not fetched"))
            continue
        try:
            out.append(fetch_report(url, max_bytes))
        except InputError as exc:
            out.append(Rejection(url, str(exc)))
        except Exception as exc:  # noqa: BLE001 - one URL's failure is that URL's rejection
            out.append(Rejection(url, f"cannot fetch: {type(exc).__name__}: {exc}"))
    return out


def fetch_report(url: str, max_bytes: int = MAX_INPUT_BYTES) -> RawReport:
    """Fetch one page and extract it; raise :class:`InputError` with the reason when it is not a report."""
    data, final_url, charset = fetch_html(url, max_bytes)
    decoded = decode_html(data, charset)
    rid = "u" + hashlib.sha1(url.encode("utf-8", "replace")).hexdigest()[:15]
    report = html_report(rid, url, decoded.text, url=final_url)
    report.encoding, report.encoding_confidence, report.encoding_note = (
        decoded.encoding,
        decoded.confidence,
        decoded.note,
    )
    if final_url != url:
        report.notes.append(f"redirected to {final_url}")
    return report


def fetch_html(url: str, max_bytes: int = MAX_INPUT_BYTES) -> tuple[bytes, str, str | None]:
    """``(body, final URL, charset from the header)`` of an HTML page; :class:`InputError` otherwise."""
    request = urllib.request.Request(
        url, headers={"User-Agent": f"corroborate/{__version__}", "Accept": "text/html,application/xhtml+xml"}
    )
    try:
        response = _opener().open(request, timeout=CONNECT_TIMEOUT_S)
    except urllib.error.HTTPError as exc:
        if exc.code in (301, 302, 303, 307, 308):
            raise InputError(f"too many redirects (over {MAX_REDIRECTS}) or a redirect loop") from exc
        raise InputError(f"HTTP {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        raise InputError(f"cannot fetch: {exc.reason}") from exc
    except TimeoutError as exc:
        raise InputError(f"no answer within {CONNECT_TIMEOUT_S:.0f} s") from exc
    except ValueError as exc:
        raise InputError(f"not a fetchable URL: {exc}") from exc
    with response:
        headers: Message = response.headers
        ctype = headers.get_content_type()
        if ctype not in HTML_TYPES:
            raise InputError(f"not an HTML page (Content-Type {ctype}); only HTML pages are read from URLs")
        length = headers.get("Content-Length")
        if length and length.isdigit() and int(length) > max_bytes:
            raise InputError(f"page too large: {int(length) / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit")
        data = _read_capped(response, max_bytes)
        return data, response.geturl(), headers.get_content_charset()


def _read_capped(response: BinaryIO, max_bytes: int) -> bytes:
    read = getattr(response, "read1", response.read)  # read1: whatever arrived, so the deadline is checked
    deadline = time.monotonic() + FETCH_DEADLINE_S
    chunks: list[bytes] = []
    total = 0
    while True:
        if time.monotonic() > deadline:
            raise InputError(f"page not received within {FETCH_DEADLINE_S:.0f} s")
        try:
            chunk = read(_CHUNK)
        except TimeoutError as exc:
            raise InputError(f"no data for {CONNECT_TIMEOUT_S:.0f} s while reading the page") from exc
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > max_bytes:
            raise InputError(f"page too large: over the {max_bytes / 1e6:.0f} MB limit")
        chunks.append(chunk)
