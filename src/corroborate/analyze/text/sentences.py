"""Sentence segmentation as character spans of the cleaned text.

syntok is the base (not hand-written rules) because it handles most abbreviations ("U.S.", "Sep.", "Ms."),
quotes and a missing space after a full stop ("Friday.The") without any downloaded model. Each paragraph (blank
line) is segmented on its own, then a few repairs for real news are applied inside that paragraph, each one for a
measured failure class (see ``docs/bench_sentences.md``, ``benchmarks/sentences_ud.py``):

- **glued sentences** (scrapers drop the space or the line break): a terminal stop next to a quote
  ("life”.Syria", "over.”The", "center.\"Okay"), an acronym or number glued to a sentence-initial word
  ("the U.N.The agency", "5-4.The"), and a lower-case word glued to a sentence-initial word ("the PostThough it");
  the last two only when the capitalised word is one that starts sentences (``SENTENCE_STARTERS``), so names such
  as "McDonald", "iPhone", "YouTube" or "PlayStation" are never cut;
- **titles before a name** syntok does not know ("Gov.", "Rep.", "Lt.", "Sgt.") are joined to the name;
- **datelines** ("WASHINGTON (AP) — ...", "FRANKLIN, Tenn. (AP) — ...") stay one sentence;
- **footnote markers** ("... in 1805. [19]") belong to the sentence before them;
- a closing-quote-only or punctuation-only fragment is joined to the sentence before it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from syntok import segmenter

from corroborate.lang.en import SENTENCE_STARTERS, SHORT_SENTENCE_STARTERS, TITLE_ABBREVIATIONS

__all__ = ["SENTENCE_STARTERS", "TITLES", "skip_spans", "split_sentences"]

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")

# Abbreviated titles written before a name, after which syntok may wrongly end a sentence ("Gov. Kristi Noem"):
# the abbreviations of lang/en/titles.txt (UD English EWT + GUM train and AP style; the file says how they were
# chosen), as written, without their stop.
TITLES = TITLE_ABBREVIATIONS

# Capitalised words that are strong evidence of a sentence start when glued to the previous word, and the
# two-letter ones, too short to cut a glued word on ("LinkedIn") but after which a title is no title before a name
# ("the Gov. He said"): lang/en/sentence_starters*.txt, counted on UD English EWT + GUM train (v2.16).
_SHORT_STARTERS = SHORT_SENTENCE_STARTERS

_STARTER = "(?:" + "|".join(sorted(SENTENCE_STARTERS, key=len, reverse=True)) + r")(?=\s+\S)"
# A stop then a quote then a capital, or a quote then a stop then a capital, with no space anywhere.
_QUOTE_GLUE = re.compile(
    r"(?P<stop>[.!?…]+)(?P<quote>[”’\"“‘]+)(?=[A-Z])|(?<=[a-z0-9])(?P<quote2>[”’\"])(?P<stop2>[.!?…]+)(?=[A-Z])"
)
# An acronym ("U.N.") or a number ("5-4.") glued to a sentence starter.
_STOP_GLUE = re.compile(r"(?:\b(?:[A-Z]\.){2,}|(?<=[0-9])\.)(?=" + _STARTER + ")")
# A lower-case word glued to a sentence starter: "PostThough it". The left word must end in two lower-case
# letters and must not be a handle, hashtag, path or address.
_WORD_GLUE = re.compile(r"(?<![\w@#/.\\-])[A-Za-z]*[a-z]{2}(?=" + _STARTER + ")")

# Cheap necessary conditions of the two families of glue patterns above (a stop or quote before a capital; a
# lower-case letter before a capital).
_STOP_GLUE_HINT = re.compile(r"[.!?…”’\"][A-Z“‘”’\"]")
_WORD_GLUE_HINT = re.compile(r"[a-z][A-Z]")

_TITLE_WORD = re.compile(r"(?:^|[\s(\"“\-–—])(?:" + "|".join(sorted(TITLES)) + r")$")
_FIRST_WORD = re.compile(r"[^\W\d_]+")
_DASH_START = re.compile(r"[—–-]\s")
_AGENCY_DASH_START = re.compile(r"\([^()\n]{1,40}\)\s*[—–-]\s")
_AGENCY = re.compile(r"\([^()\n]{1,40}\)")
_DATELINE_PLACE = re.compile(r"[A-Z][A-Z .'’-]*(?:, [A-Z][A-Za-z.]*)*")
_DATELINE = re.compile(_DATELINE_PLACE.pattern + r"\s*" + _AGENCY.pattern)
_FOOTNOTE_START = re.compile(r"\[\d{1,3}\](?:\s*\[\d{1,3}\])*")


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` spans of the sentences of ``text``, in order, never crossing a paragraph.

    Each span is trimmed of surrounding whitespace and cuts exactly the sentence's characters.
    """
    spans: list[tuple[int, int]] = []
    for p_start, p_end in _paragraph_spans(text):
        pieces = _split_at(text, _syntok_spans(text, p_start, p_end), _glue_cuts(text, p_start, p_end))
        spans.extend(_merge_pieces(text, pieces))
    return spans


def _syntok_spans(text: str, p_start: int, p_end: int) -> list[tuple[int, int]]:
    """syntok's sentences of the paragraph ``text[p_start:p_end]``, as trimmed absolute spans."""
    spans: list[tuple[int, int]] = []
    for para in segmenter.analyze(text[p_start:p_end]):
        for sentence in para:
            if not sentence:
                continue
            first, last = sentence[0], sentence[-1]
            # syntok reports the token value; guard against any normalisation by re-trimming on the text.
            start, end = _trim(text, p_start + first.offset, p_start + last.offset + len(last.value))
            if start < end:
                spans.append((start, end))
    return spans


def _glue_cuts(text: str, p_start: int, p_end: int) -> list[int]:
    """Offsets in the paragraph ``text[p_start:p_end]`` where a glued sentence boundary lies (module docstring).

    Cheap hints are searched first so that the full patterns run only on the few paragraphs that may need them.
    """
    cuts: list[int] = []
    if _STOP_GLUE_HINT.search(text, p_start, p_end):
        for m in _QUOTE_GLUE.finditer(text, p_start, p_end):
            if m.group("stop2"):
                if m.group("quote2") != '"' or text.count('"', p_start, m.start("quote2")) % 2 == 1:  # closing
                    cuts.append(m.end())
                continue
            cut = m.end()
            for quote_at in range(m.start("quote"), m.end()):  # closing quotes stay; an opening one starts anew
                quote = text[quote_at]
                if quote in "“‘" or (quote == '"' and text.count('"', p_start, quote_at) % 2 == 0):
                    cut = quote_at
                    break
            cuts.append(cut)
        cuts.extend(m.end() for m in _STOP_GLUE.finditer(text, p_start, p_end))
    if _WORD_GLUE_HINT.search(text, p_start, p_end):
        cuts.extend(m.end() for m in _WORD_GLUE.finditer(text, p_start, p_end))
    return sorted(set(cuts))


def _split_at(text: str, spans: list[tuple[int, int]], cuts: list[int]) -> list[tuple[int, int]]:
    """Cut each span at the ``cuts`` strictly inside it; every piece is trimmed and non-empty."""
    if not cuts:
        return spans
    pieces: list[tuple[int, int]] = []
    for start, end in spans:
        lo, hi = bisect_right(cuts, start), bisect_left(cuts, end)
        bounds = [start, *cuts[lo:hi], end]
        for a, b in zip(bounds, bounds[1:], strict=False):
            a, b = _trim(text, a, b)
            if a < b:
                pieces.append((a, b))
    return pieces


def _ends_with_terminal(piece: str) -> bool:
    """Whether ``piece`` ends with a sentence stop, possibly followed by closing quotes or brackets."""
    return piece.rstrip("”’\"')]")[-1:] in (".", "!", "?", "…")


def _ends_with_title(piece: str) -> bool:
    """Whether ``piece`` ends with an abbreviated title and its stop ("... said Gov.")."""
    return piece.endswith(".") and bool(_TITLE_WORD.search(piece, max(0, len(piece) - 8), len(piece) - 1))


def _starts_a_name(piece: str) -> bool:
    """Whether ``piece`` begins with a capitalised word that is not a common sentence starter."""
    word = _FIRST_WORD.match(piece)
    return bool(word and piece[0].isupper() and word.group() not in SENTENCE_STARTERS
                and word.group() not in _SHORT_STARTERS)


def _joins_previous(prev: str, piece: str) -> bool:
    """Whether ``piece`` continues the sentence ``prev`` (same paragraph, adjacent)."""
    if not any(ch.isalnum() for ch in piece):  # a closing quote or punctuation on its own
        return True
    if _ends_with_title(prev) and _starts_a_name(piece):  # "Gov." + "Kristi Noem ..."
        return True
    if _AGENCY_DASH_START.match(piece):  # "FRANKLIN, Tenn." + "(AP) — ..."
        return True
    if _AGENCY.fullmatch(piece) and _DATELINE_PLACE.fullmatch(prev):  # "FRANKLIN, Tenn." + "(AP)"
        return True
    if _DASH_START.match(piece) and not _ends_with_terminal(prev):  # "WASHINGTON (AP)" + "— ..."
        return True
    return bool(_DATELINE.fullmatch(prev))  # "LONDON (CNN)" + "The ..."


def _merge_pieces(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join pieces that continue the sentence before them; move a leading footnote marker to the sentence before."""
    merged: list[tuple[int, int]] = []
    for start, end in pieces:
        if merged and "\n" not in text[merged[-1][1] : start]:
            prev = text[merged[-1][0] : merged[-1][1]]
            marker = _FOOTNOTE_START.match(text, start, end)
            if marker and _ends_with_terminal(prev):  # "... in 1805." + "[19] His lack ..."
                merged[-1] = (merged[-1][0], marker.end())
                start, end = _trim(text, marker.end(), end)
                if start >= end:
                    continue
            if _joins_previous(text[merged[-1][0] : merged[-1][1]], text[start:end]):
                merged[-1] = (merged[-1][0], end)
                continue
        merged.append((start, end))
    return merged


def skip_spans(sentences: list[tuple[int, int]], skipped: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences with the ``skipped`` spans (datelines) taken off their start; a sentence inside one is dropped."""
    out = []
    for start, end in sentences:
        for s_start, s_end in skipped:
            if s_start <= start < s_end:
                start = s_end
        if start < end:
            out.append((start, end))
    return out
