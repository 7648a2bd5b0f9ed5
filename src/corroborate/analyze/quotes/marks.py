"""Quotation-mark scanning: which characters open and close a quotation, and what they enclose.

Reads plain text; returns :class:`Quoted` records whose ``parts`` are the content spans between the marks.
Hand-written (no library pairs straight and curly marks this way): the rules are typographic —
a straight ``"`` opens after a space and closes before one; an apostrophe between letters (``don't``)
or at the end of a plural possessive (``the rebels' base``) is not a quotation mark; a paragraph whose
quotation is left open continues into the next paragraph when that one opens with a quotation mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_OPENERS = "“„«"
DOUBLE_CLOSERS = "”»"
STRAIGHT_DOUBLE = '"'
SINGLE_OPENERS = "‘"
SINGLE_AMBIGUOUS = "'’"  # straight apostrophe and right single mark: apostrophe or closing quote
_OPEN_CONTEXT = "([{—–-/:\u00a0"  # characters after which a straight mark opens
_CLOSE_CONTEXT = ".,;:!?)]}—–-…\u00a0"  # characters before which a straight mark closes
_TRIM_TRAILING = ",;:"  # frame punctuation kept inside the marks by US style ("We won," she said)
_DECADE = re.compile(r"\d\ds\b")  # '90s: an elided century, not a quotation

OPEN, CLOSE, EITHER, NEITHER = "open", "close", "either", "neither"


@dataclass(frozen=True)
class Quoted:
    """One quotation as marked in the text.

    ``parts`` are content spans without the marks (several when a quotation runs over paragraphs);
    ``open_at`` is the index of the first opening mark, ``close_end`` the index just after the last
    closing mark; ``single`` is True for a quotation in single marks.
    """

    parts: tuple[tuple[int, int], ...]
    open_at: int
    close_end: int
    single: bool = False


def _two_char_mark(m: re.Match[str]) -> str:
    """Opening-looking pairs become ``' "'``, closing-looking ``'" '`` (same length, same offsets)."""
    text, at = m.string, m.start()
    nxt = text[m.end()] if m.end() < len(text) else " "
    prev = text[at - 1] if at else " "
    opening = m.group() == "``" or (not nxt.isspace() and (prev.isspace() or prev in _OPEN_CONTEXT))
    return ' "' if opening else '" '


def normalize_marks(text: str) -> str:
    """``text`` with two-character double marks (``''`` and PTB-style ````) as one straight mark.

    Offsets are kept: every replacement has the length of what it replaces.
    """
    return re.sub(r"''(?!')|``", _two_char_mark, text)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the non-empty lines of ``text`` (news paragraphs are separated by line breaks)."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


def _double_role(text: str, i: int, lo: int, hi: int) -> str:
    """Whether the double mark at ``i`` (inside paragraph ``[lo, hi)``) can open, close, or both."""
    ch = text[i]
    if ch in DOUBLE_OPENERS:
        return OPEN
    if ch in DOUBLE_CLOSERS:
        return CLOSE
    prev = text[i - 1] if i > lo else None
    nxt = text[i + 1] if i + 1 < hi else None
    can_open = nxt is not None and not nxt.isspace() and (
        prev is None or prev.isspace() or prev in _OPEN_CONTEXT or prev in SINGLE_OPENERS)
    can_close = prev is not None and not prev.isspace() and (
        nxt is None or nxt.isspace() or nxt in _CLOSE_CONTEXT or nxt in SINGLE_AMBIGUOUS)
    if can_open and can_close:
        return EITHER
    if not can_open and not can_close and prev is not None and prev in ".!?" and nxt is not None and (
            nxt.isupper() or nxt.isdigit()):
        return EITHER  # a space lost after a full stop: 'center."Okay' opens, 'over."Then' closes
    return OPEN if can_open else CLOSE if can_close else NEITHER


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Content span without surrounding whitespace and trailing frame punctuation; None if empty."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _TRIM_TRAILING):
        end -= 1
    return (start, end) if end > start else None


def _double_segments(text: str, lo: int, hi: int) -> list[tuple[int, int | None]]:
    """Paired double marks in one paragraph as (open index, close index or None if left open)."""
    segments: list[tuple[int, int | None]] = []
    open_at: int | None = None
    for i in range(lo, hi):
        if text[i] not in DOUBLE_OPENERS + DOUBLE_CLOSERS + STRAIGHT_DOUBLE:
            continue
        role = _double_role(text, i, lo, hi)
        if open_at is None:
            if role in (OPEN, EITHER):
                open_at = i
        elif role == OPEN:
            open_at = i  # the earlier mark was never closed: start again here
        else:
            segments.append((open_at, i))
            open_at = None
    if open_at is not None:
        segments.append((open_at, None))
    return segments


def _opening_mark(text: str, lo: int, hi: int) -> int | None:
    """Index of the quotation mark that opens paragraph ``[lo, hi)``, if it opens with one."""
    at = lo
    while at < hi and text[at].isspace():
        at += 1
    if at < hi and (text[at] in DOUBLE_OPENERS
                    or (text[at] == STRAIGHT_DOUBLE and _double_role(text, at, lo, hi) != CLOSE)):
        return at
    return None


def double_quotes(text: str) -> list[Quoted]:
    """All double-mark quotations, joining a paragraph left open with the next quote-opening paragraph."""
    found: list[Quoted] = []
    pending: list[tuple[int, int]] = []  # parts of a quotation still open at the end of a paragraph
    pending_open = -1
    for lo, hi in paragraphs(text):
        segments = _double_segments(text, lo, hi)
        if pending and not (segments and segments[0][0] == _opening_mark(text, lo, hi)):
            pending = []  # the open quotation was not continued: drop it as a stray mark
        for k, (start, close) in enumerate(segments):
            part = _trim(text, start + 1, close if close is not None else hi)
            continuing = k == 0 and bool(pending)
            if not continuing:
                pending, pending_open = [], start
            if part is not None:
                pending.append(part)
            if close is not None:
                if pending:
                    found.append(Quoted(tuple(pending), pending_open, close + 1))
                pending = []
    return found


def _single_closer(text: str, start: int, hi: int) -> int | None:
    """Index of the mark closing a single quotation opened at ``start``, preferring non-possessives."""
    fallback: int | None = None
    for i in range(start + 1, hi):
        if text[i] not in SINGLE_AMBIGUOUS:
            continue
        prev, nxt = text[i - 1], text[i + 1] if i + 1 < hi else None
        if prev.isspace() or (nxt is not None and nxt.isalnum()):
            continue  # apostrophe inside a word or before one: don't, '90s
        possessive = prev in "sS" and nxt is not None and nxt.isspace() and i + 2 < hi \
            and text[i + 2].isalnum()
        if not possessive:
            return i
        if fallback is None:
            fallback = i
    return fallback


def single_quotes(text: str, taken: list[tuple[int, int]]) -> list[Quoted]:
    """Quotations in single marks outside the spans in ``taken`` (single marks inside double are nested)."""
    found: list[Quoted] = []
    for lo, hi in paragraphs(text):
        i = lo
        while i < hi:
            ch = text[i]
            prev = text[i - 1] if i > lo else " "
            nxt = text[i + 1] if i + 1 < hi else " "
            opens = (ch in SINGLE_OPENERS or ch == "'") and (prev.isspace() or prev in _OPEN_CONTEXT) \
                and not nxt.isspace() and not _DECADE.match(text, i + 1)
            if not opens or any(a <= i < b for a, b in taken):
                i += 1
                continue
            close = _single_closer(text, i, hi)
            part = _trim(text, i + 1, close) if close is not None else None
            if close is None or part is None:
                i += 1
                continue
            found.append(Quoted((part,), i, close + 1, single=True))
            i = close + 1
    return found


def scan(text: str) -> list[Quoted]:
    """Every quotation in ``text`` in reading order (double marks first claim their spans)."""
    doubles = double_quotes(text)
    taken = [(q.open_at, q.close_end) for q in doubles]
    return sorted(doubles + single_quotes(text, taken), key=lambda q: q.open_at)
