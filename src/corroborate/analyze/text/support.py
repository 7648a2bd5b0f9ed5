"""The lexical check of "carries the same information": a sentence's checkable content and how much of one
sentence another carries.

``claim_of(text)`` reads a string and returns its :class:`Claim` (content stems, numbers, negation);
``support(a, b)`` returns the share of ``a``'s content that ``b`` carries, 0 when a number or the negation
differs. Conservative on purpose (a reader must be able to see the claim in the other sentence) and IDF-free, so
it needs nothing but the two strings. Used by the briefing's citations (:mod:`corroborate.brief.citations`), by
coverage and by the timeline's merging of events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from corroborate.analyze.text.words import stem, tokens
from corroborate.lang.en import CLAIM_STOP_WORDS, NEGATIONS

__all__ = ["Claim", "claim_of", "support"]

_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Claim:
    """The checkable content of a sentence: content stems, numbers, negation."""

    stems: frozenset[str]
    numbers: frozenset[str]
    negated: bool
    words: frozenset[str]


@lru_cache(maxsize=65536)
def claim_of(text: str) -> Claim:
    """The checkable content of ``text``. Cached: a pure function of the string (Claim is immutable), and the
    same sentences are compared for citations, coverage and the timeline."""
    words = tokens(text)
    numbers = frozenset(w.replace(",", "") for w in words if _DIGIT.search(w))
    stems = frozenset(stem(w) for w in words if w not in CLAIM_STOP_WORDS and not _DIGIT.search(w) and len(w) > 1)
    negated = any(w in NEGATIONS or w.endswith("n't") for w in words)
    return Claim(stems, numbers, negated, frozenset(words))


def support(summary: Claim, candidate: Claim) -> float:
    """Share of the summary sentence's content the candidate carries; 0 when a number or negation differs."""
    if not summary.numbers <= candidate.numbers or summary.negated != candidate.negated:
        return 0.0
    if not summary.stems:  # nothing but function words and numbers: require every word
        return 1.0 if summary.words <= candidate.words else 0.0
    return len(summary.stems & candidate.stems) / len(summary.stems)
