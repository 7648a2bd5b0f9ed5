"""The same quotation as reported by several outlets: ``same_quote`` and ``group_quotes``.

Outlets differ in quotation marks, case, punctuation, a word here and there, and often quote only part of
a statement or cut it with an ellipsis. Matching is on normalised word sequences with rapidfuzz's Indel
similarity; a differing negation or number is never a "small edit" (it changes what was said).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rapidfuzz.distance import Indel
from unidecode import unidecode

from corroborate.lang.en import NEGATIONS
from corroborate.unionfind import DisjointSet

if TYPE_CHECKING:
    from corroborate.analyze.quotes import Quote

# 0.85: word-level Indel similarity above which two renderings are the same quotation; set by hand on the
# fixtures in tests/analyze/quotes/test_quotes.py (one changed word in ten passes, a changed clause does not).
EDIT_SIMILARITY = 0.85
# 4 words: below this only an exact (normalised) match counts — "we will win" vs "we will lose".
MIN_WORDS_FOR_EDITS = 4
# 6 words: an excerpt this long, found inside a longer rendering, is the same quotation trimmed.
MIN_CONTAINED_WORDS = 6
# 0.6: share of the shorter quotation's distinct words that must occur in the longer one (cheap pre-check).
MIN_SHARED_WORDS = 0.6
# 8 words: quotations shorter than this are only grouped when their speakers agree (or one is unknown).
SPEAKER_FREE_WORDS = 8
# Negation words (lang/en/negations.txt) as :func:`_words` writes them: apostrophes removed ("don't" -> "dont").
_NEGATIONS = frozenset(w.replace("'", "") for w in NEGATIONS)
_CUT = re.compile(r"\.\s*\.\s*\.|…|\[[^\]]*\]")  # ellipses and editorial insertions split a quotation


# Contractions outlets spell out or keep ("It's not" / "It is not"), written out before matching; "n't" and
# the possessive-like "'s" stay as they are (negations are compared as written, "'s" may be a possessive).
_CONTRACTIONS = re.compile(r"\b(it|that|there|what|here|who)'s\b|'(re|m|ve|ll|d)\b")
_EXPANDED = {"re": " are", "m": " am", "ve": " have", "ll": " will", "d": " would"}


def _expand(match: re.Match[str]) -> str:
    return f"{match.group(1)} is" if match.group(1) else _EXPANDED[match.group(2)]


def _words(text: str) -> list[str]:
    """Lower-case ASCII words without punctuation; common contractions written out (``it's`` -> ``it is``),
    other apostrophes removed (``don't`` -> ``dont``)."""
    flat = _CONTRACTIONS.sub(_expand, unidecode(text).lower()).replace("'", "")
    return re.findall(r"[a-z0-9]+(?:[.,][0-9]+)*", flat)


def _fragments(text: str) -> list[list[str]]:
    return [w for w in (_words(piece) for piece in _CUT.split(text)) if w]


def _guarded(a: list[str], b: list[str]) -> bool:
    """Negations and numbers agree (counted), so a small edit cannot flip or change the claim."""
    def marks(words: list[str]) -> list[str]:
        return sorted(w for w in words if w in _NEGATIONS or w[0].isdigit())
    return marks(a) == marks(b)


def _similar(a: list[str], b: list[str]) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) < MIN_WORDS_FOR_EDITS or not _guarded(a, b):
        return False
    return Indel.normalized_similarity(a, b) >= EDIT_SIMILARITY


def _contained(fragment: list[str], longer: list[str]) -> bool:
    """``fragment`` occurs in ``longer`` as a window, allowing small edits."""
    size = len(fragment)
    for width in {size - 1, size, size + 1}:
        for start in range(0, max(1, len(longer) - width + 1)):
            if _similar(fragment, longer[start:start + width]):
                return True
    return False


def same_quote(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` render the same quotation (whole, lightly edited, or one an excerpt)."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    if wa == wb:
        return True
    (short_text, short), (_, long) = sorted(((a, wa), (b, wb)), key=lambda item: (len(item[1]), item[0]))
    if len(set(short) & set(long)) < MIN_SHARED_WORDS * len(set(short)):
        return False
    if _similar(wa, wb):
        return True
    fragments = [f for f in _fragments(short_text) if len(f) >= MIN_WORDS_FOR_EDITS]
    if sum(len(f) for f in fragments) < MIN_CONTAINED_WORDS:
        return False
    return all(_contained(f, long) for f in fragments)


def _surname(quote: Quote) -> str | None:
    return quote.speaker.split()[-1].lower() if quote.speaker and quote.speaker.split() else None


def group_quotes(items: Sequence[tuple[str, Quote]]) -> list[list[tuple[str, Quote]]]:
    """Group ``(source_id, Quote)`` items that are the same quotation (single link over ``same_quote``).

    Deterministic: pairs are tried in input order, groups are ordered by their first item and items within
    a group keep input order. Short quotations join a group only when no known speaker in it differs
    (compared by last word), so "No comment" by two people stays two groups even via an unknown speaker.
    """
    uf = DisjointSet(len(items))
    names: list[set[str]] = [{n} if (n := _surname(q)) else set() for _, q in items]
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            ri, rj = uf.find(i), uf.find(j)
            qa, qb = items[i][1], items[j][1]
            if ri == rj or not same_quote(qa.text, qb.text):
                continue
            short = min(len(_words(qa.text)), len(_words(qb.text))) < SPEAKER_FREE_WORDS
            if short and names[ri] and names[rj] and names[ri] != names[rj]:
                continue
            uf.union(ri, rj)  # the smaller root stays the root
            names[min(ri, rj)] |= names[max(ri, rj)]
    return [[items[k] for k in members] for _, members in sorted(uf.groups().items())]
