"""Citations that can be checked: a source is cited for a summary sentence only when one of its own
sentences carries the same information, and :func:`supports` is the mechanical check of that.

The check is lexical and conservative on purpose (a reader must be able to see the claim in the cited
sentence): the cited sentence must contain at least ``min_support`` of the summary sentence's content
stems (IDF-free, so the check needs nothing but the two strings), every number the summary sentence states,
and agree with it on negation. That lexical check (:func:`~corroborate.analyze.text.claim_of`,
:func:`~corroborate.analyze.text.support`) lives in ``analyze.text``, shared with coverage and the timeline.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..analyze.text import claim_of, support
from ..model import Article, Span


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
