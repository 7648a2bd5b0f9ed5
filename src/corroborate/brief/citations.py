"""Citations that can be checked: a source is cited for a summary sentence only when one of its own
sentences carries the same information, and :func:`supports` is the mechanical check of that.

The check is lexical and conservative on purpose (a reader must be able to see the claim in the cited
sentence): the cited sentence must contain at least ``min_support`` of the summary sentence's content
stems (IDF-free, so the check needs nothing but the two strings), every number the summary sentence states,
and agree with it on negation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from ..model import Article, Span

_WORD = re.compile(r"[^\W_]+(?:[.,'’-][^\W_]+)*", re.UNICODE)
_DIGIT = re.compile(r"\d")
_NEGATION = {
    "not",
    "no",
    "never",
    "none",
    "nobody",
    "nothing",
    "neither",
    "nor",
    "without",
    "denied",
    "deny",
    "denies",
    "n't",
    "cannot",
}
# Function words and reporting verbs: they carry no claim, so they neither support nor block a citation.
STOPWORDS = frozenset(
    """a an the and or but if then than that this these those there here of in on at by for from to with as
    into onto over under after before about above below between during through until while is are was were be
    been being am has have had having do does did doing will would shall should can could may might must it
    its it's they them their theirs he him his she her hers we us our you your i me my who whom whose which
    what when where why how also just so such very more most other some any each all both few many much own
    same too only not no said says say saying told tells according added adding stated reported per cent
    percent mr mrs ms dr one""".split()
)
_STEMMER = snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    # Pure function of its argument, so the cache cannot change results.
    return str(_STEMMER.stemWord(word))


def tokens(text: str) -> list[str]:
    return [m.group(0).casefold().replace("’", "'") for m in _WORD.finditer(text)]


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
    stems = frozenset(_stem(w) for w in words if w not in STOPWORDS and not _DIGIT.search(w) and len(w) > 1)
    negated = any(w in _NEGATION or w.endswith("n't") for w in words)
    return Claim(stems, numbers, negated, frozenset(words))


def support(summary: Claim, candidate: Claim) -> float:
    """Share of the summary sentence's content the candidate carries; 0 when a number or negation differs."""
    if not summary.numbers <= candidate.numbers or summary.negated != candidate.negated:
        return 0.0
    if not summary.stems:  # nothing but function words and numbers: require every word
        return 1.0 if summary.words <= candidate.words else 0.0
    return len(summary.stems & candidate.stems) / len(summary.stems)


def supports(summary_text: str, cited_text: str, min_support: float) -> bool:
    """The citation check: does ``cited_text`` say what ``summary_text`` says?"""
    return support(claim_of(summary_text), claim_of(cited_text)) >= min_support


@dataclass(frozen=True)
class Citation:
    span: Span
    support: float


def find_citations(summary_text: str, origin: Span, articles: Sequence[Article], min_support: float) -> list[Citation]:
    """Every source whose best-matching sentence supports ``summary_text``; the origin always included."""
    target = claim_of(summary_text)
    found = [Citation(origin, 1.0)]
    for article in articles:
        if article.id == origin.source:
            continue
        best: Citation | None = None
        for start, end in article.sentences:
            score = support(target, claim_of(article.text[start:end]))
            if score >= min_support and (best is None or score > best.support):
                best = Citation(Span(article.id, start, end), score)
        if best is not None:
            found.append(best)
    return found


def verify_citation(summary_text: str, span: Span, articles_by_id: dict[str, Article], min_support: float) -> bool:
    """Re-read the cited span from its source and check it supports the summary sentence."""
    article = articles_by_id.get(span.source)
    if article is None or not 0 <= span.start < span.end <= len(article.text):
        return False
    return supports(summary_text, article.text[span.start : span.end], min_support)
