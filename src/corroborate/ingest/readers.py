"""Read every input a user has: files (.txt, .html/.htm, .json/.jsonl, RSS/Atom feeds, WARC), folders,
standard input (``-``) and URLs, into :class:`RawReport` or a :class:`Rejection` with its reason.

:func:`read_paths` is the reader boundary: any failure while reading one input (an unreadable file, a parser's
exception, a limit) becomes that input's rejection with a specific reason, so a batch is never sunk by one
bad input and nothing is dropped silently. Every report then passes the field checks of :mod:`.fields` and
gets its detected language (:mod:`.language`).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import BinaryIO

from ..config import MAX_INPUT_BYTES
from ..errors import InputError
from ..model import RawReport, Rejection
from .decode import check_bytes, decode_html, decode_text
from .feeds import is_feed_or_warc, read_feed_or_warc
from .fields import finalize
from .html import html_report, parse_date
from .language import detect_language
from .records import load_json, read_records
from .walk import Skipped, display, read_bytes, walk

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES
STDIN = "-"
Input = Path | str

__all__ = ["html_report", "iter_files", "parse_date", "read_file", "read_paths", "read_bytes_as"]


def iter_files(paths: Sequence[Input]) -> Iterator[Path]:
    """Files named, and files under folders named (recursively, sorted): the deterministic input order.

    What the walk refuses (links out of a folder, dangling links, loops) comes as a :class:`.walk.Skipped`
    path that :func:`read_paths` and :func:`read_file` record as a rejection; ``-`` and URLs (:class:`.fetch.Url`)
    pass through, so ``read_paths([item])`` reads any item this yields.
    """
    yield from walk(paths)  # type: ignore[misc]  # URLs are Url strings that answer .name and .suffix


def read_paths(
    paths: Sequence[Input], max_bytes: int = MAX_INPUT_BYTES, *, stdin: BinaryIO | None = None
) -> tuple[list[RawReport], list[Rejection]]:
    """Read files, folders (recursively, sorted), ``-`` (standard input), URLs and ``--urls`` lists into raw
    reports and rejections. Never raises for a bad input."""
    reports: list[RawReport] = []
    rejected: list[Rejection] = []
    seen: dict[str, str] = {}
    for found in _read_inputs(paths, max_bytes, stdin):
        for item in found:
            if isinstance(item, Rejection):
                rejected.append(item)
                continue
            try:
                item = finalize(item)
                if item.id in seen:
                    raise InputError(f"duplicate id {item.id!r}, already read from {seen[item.id]}")
                item.language = detect_language(item.text)
            except InputError as exc:
                rejected.append(Rejection(display(item.location), str(exc)))
                continue
            except Exception as exc:  # noqa: BLE001 - the boundary: one input's failure is its rejection
                rejected.append(Rejection(display(item.location), _unexpected(exc)))
                continue
            seen[item.id] = item.location
            reports.append(item)
    return reports, rejected


def _unexpected(exc: BaseException) -> str:
    if isinstance(exc, RecursionError):
        return "input nested too deeply to read (recursion limit)"
    if isinstance(exc, MemoryError):
        return "input too large to hold in memory"
    return f"cannot read: {type(exc).__name__}: {exc}"


def _read_inputs(
    paths: Sequence[Input], max_bytes: int, stdin: BinaryIO | None
) -> Iterator[list[RawReport | Rejection]]:
    from .fetch import UrlList, is_url, read_url_list, read_urls

    files: list[Path] = []
    urls: list[str] = []
    for raw in paths:
        if isinstance(raw, UrlList):
            found, listed = read_url_list(Path(raw), max_bytes)
            yield found
            urls.extend(listed)
        elif is_url(raw):
            urls.append(str(raw))
        else:
            files.append(raw if isinstance(raw, Path) else Path(raw))
    for item in walk(files):
        if isinstance(item, Skipped):
            yield [Rejection(display(item), item.reason)]
        elif str(item) == STDIN:
            yield _guarded(display(item), partial(read_stdin, stdin, max_bytes))
        else:
            yield _guarded(display(item), partial(read_file, Path(item), max_bytes))
    if urls:
        yield read_urls(urls, max_bytes)


def _guarded(location: str, read: Callable[[], list[RawReport | Rejection]]) -> list[RawReport | Rejection]:
    """Run one input's reader; any exception becomes that input's rejection."""
    try:
        return list(read())
    except InputError as exc:
        return [Rejection(location, str(exc))]
    except Exception as exc:  # noqa: BLE001 - the boundary: one input's failure is its rejection
        return [Rejection(location, _unexpected(exc))]


def read_stdin(stream: BinaryIO | None, max_bytes: int = MAX_INPUT_BYTES) -> list[RawReport | Rejection]:
    """Standard input as one report: JSON / JSON Lines when it looks like records, HTML or text otherwise."""
    source = stream if stream is not None else sys.stdin.buffer
    data = source.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(f"standard input too large: over the {max_bytes / 1e6:.0f} MB limit")
    head = data.lstrip()[:200].lower()
    if head.startswith((b"{", b"[")):
        kind = ".json" if _parses_as_one_json(data) else ".jsonl"
    elif head.startswith((b"<!doctype html", b"<html")) or b"<body" in data[:4096].lower():
        kind = ".html"
    else:
        kind = ".txt"
    return read_bytes_as(data, Path(f"stdin{kind}"), "-")


def _parses_as_one_json(data: bytes) -> bool:
    try:
        load_json(data.decode("utf-8", errors="replace"))
    except InputError:
        return False
    return True


def read_file(path: Path, max_bytes: int = MAX_INPUT_BYTES) -> list[RawReport | Rejection]:
    """Read one file; raise :class:`InputError` when the whole file is unusable."""
    if isinstance(path, Skipped):
        raise InputError(path.reason)
    if is_feed_or_warc(path):
        return read_feed_or_warc(path, max_bytes)
    suffix = path.suffix.lower()
    data = read_bytes(path, max_bytes)
    check_bytes(data)
    if suffix not in SUPPORTED:
        raise InputError(f"unsupported file type {suffix or '(none)'!r}; expected one of {sorted(SUPPORTED)}")
    return read_bytes_as(data, path, display(path))


def read_bytes_as(data: bytes, path: Path, location: str) -> list[RawReport | Rejection]:
    """Bytes of a file named like ``path`` (its suffix picks the reader) -> reports and rejections."""
    suffix = path.suffix.lower()
    stem = display(path.stem)
    if suffix in HTML_SUFFIXES:
        decoded = decode_html(data)
        report = html_report(stem, location, decoded.text)
        found: list[RawReport | Rejection] = [report]
    else:
        decoded = decode_text(data)
        if suffix in JSON_SUFFIXES:
            found = read_records(path, decoded.text, location)
        else:
            found = [RawReport(id=stem, location=location, text=decoded.text, fmt="txt", title_in_text=True)]
    for item in found:
        if isinstance(item, RawReport):
            item.encoding, item.encoding_confidence, item.encoding_note = (
                decoded.encoding,
                decoded.confidence,
                decoded.note,
            )
    return found
