"""The spans that support a cited item, and a source's text cut into plain and highlighted pieces at them.

Every statement a briefing shows (a summary sentence, a quote, a claim's value, a timeline entry, an entity)
records the exact spans of the sources that carry it. Each is named here by its list and position
(``summary-3``, ``quote-0``, ``claim-2-1`` for claim 2's value 1, ``claim-2`` for all its values,
``timeline-4``, ``entity-5``), so a citation can say "this source, these words". The web desk highlights them
in the whole source; the static HTML shows the passages around them (one self-contained file, no script).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .safe import display

# A passage around a highlight: the paragraph(s) that hold it, cut at this many characters either side when a
# paragraph is longer (a report without line breaks would otherwise be quoted whole).
PASSAGE_CONTEXT = 320


def item_spans(briefing: dict[str, Any], item: str) -> list[dict[str, Any]]:
    """The spans of one cited item (see the module docstring for the names); unknown names give no spans."""
    parts = item.split("-")
    try:
        kind, index = parts[0], [int(p) for p in parts[1:]]
    except ValueError:
        return []
    lists = {"summary": "summary", "quote": "quotes", "timeline": "timeline", "entity": "entities"}
    try:
        if kind == "claim" and len(index) in (1, 2):
            values = briefing["claims"][index[0]]["values"]
            chosen = values if len(index) == 1 else [values[index[1]]]
            return [s for v in chosen for s in [*(v.get("spans") or []), *(v.get("attribution_spans") or [])]]
        if kind in lists and len(index) == 1:
            return list(briefing[lists[kind]][index[0]].get("spans") or [])
    except (IndexError, KeyError, TypeError):
        return []
    return []


@dataclass
class Piece:
    text: str
    marked: bool


def _ranges(text: str, spans: Sequence[dict[str, Any]], source_id: str) -> list[list[int]]:
    """The spans of ``source_id`` as sorted character ranges into ``text``, overlaps merged."""
    ranges = sorted(
        (max(0, int(s["start"])), min(len(text), int(s["end"])))
        for s in spans
        if s.get("source") == source_id and int(s["end"]) > int(s["start"])
    )
    merged: list[list[int]] = []
    for start, end in ranges:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged


def _pieces(text: str, ranges: Sequence[Sequence[int]], start: int, end: int) -> list[Piece]:
    """``text[start:end]`` cut at the ranges. Each piece is passed through :func:`display` after cutting, so
    removing a control character never shifts a highlight."""
    pieces: list[Piece] = []
    at = start
    for lo, hi in ranges:
        lo, hi = max(lo, start), min(hi, end)
        if hi <= lo:
            continue
        if lo > at:
            pieces.append(Piece(display(text[at:lo]), False))
        pieces.append(Piece(display(text[lo:hi]), True))
        at = hi
    if at < end:
        pieces.append(Piece(display(text[at:end]), False))
    return pieces


def highlighted(text: str, spans: Sequence[dict[str, Any]], source_id: str) -> list[Piece]:
    """A source's whole text cut into plain and highlighted pieces at the spans that belong to it."""
    return _pieces(text, _ranges(text, spans, source_id), 0, len(text))


def passages(text: str, spans: Sequence[dict[str, Any]], source_id: str) -> list[list[Piece]]:
    """The passages of a source that hold its spans, each cut into pieces: the paragraph (text between line
    breaks) around each highlight, bounded to :data:`PASSAGE_CONTEXT` characters either side, word-aligned;
    neighbouring passages that touch are one. Empty when no span belongs to the source."""
    ranges = _ranges(text, spans, source_id)
    windows: list[list[int]] = []
    for lo, hi in ranges:
        start = text.rfind("\n", 0, lo) + 1
        end = text.find("\n", hi)
        end = len(text) if end < 0 else end
        if lo - start > PASSAGE_CONTEXT:
            cut = text.find(" ", lo - PASSAGE_CONTEXT, lo)
            start = cut + 1 if cut >= 0 else lo
        if end - hi > PASSAGE_CONTEXT:
            cut = text.rfind(" ", hi, hi + PASSAGE_CONTEXT)
            end = cut if cut >= 0 else hi
        if windows and start <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], end)
        else:
            windows.append([start, end])
    out = []
    for start, end in windows:
        pieces = _pieces(text, ranges, start, end)
        if start > 0 and text[start - 1] != "\n":
            pieces.insert(0, Piece("… ", False))
        if end < len(text) and text[end] != "\n":
            pieces.append(Piece(" …", False))
        out.append(pieces)
    return out
