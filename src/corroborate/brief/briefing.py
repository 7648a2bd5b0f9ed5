"""Brief stage: a story's Articles (+ the story's analysis) -> the typed :class:`~corroborate.records.Briefing`.

Reads cleaned, sentence-split Articles and the :class:`~corroborate.records.StoryAnalysis` of ``analyze.story``;
writes ``story``, ``sources``, ``summary`` with checked citations, and the analysis fields. The result is a typed
record (schema_version "2"); :func:`build_briefing` returns its JSON form, the public contract ``render``
writes and the generated schema describes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..config import Config
from ..errors import CitationError
from ..model import Article, ComponentError, Rejection, Span
from ..records import (
    SCHEMA_VERSION,
    Briefing,
    CitedSpan,
    ResolvedDate,
    StoryAnalysis,
    SummaryItem,
    TextSpan,
    TimelineEntry,
)
from ..records import Source as SourceRecord
from ..render.safe import checked_url
from .citations import find_citations, verify_citation
from .headline import MAX_HEADLINE_WORDS, story_headline
from .summarize import Candidate, select

__all__ = ["SCHEMA_VERSION", "assemble_briefing", "build_briefing", "source_record"]


def source_record(article: Article) -> SourceRecord:
    # Only an http(s) URL is passed on; any other (javascript:, data:, ...) is dropped and the reason kept.
    url, url_rejected = checked_url(article.url)
    return SourceRecord.model_validate({
        "id": article.id,
        "outlet": article.outlet,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "published_how": article.published_how,
        "location": article.location,
        "url": url,
        "url_rejected": url_rejected,
        "author": article.author,
        "words": article.words,
        "duplicate_of": article.duplicate_of,
        "cites_outlets": list(article.cites_outlets),
        "dateline": article.dateline.to_dict() if article.dateline else None,
        "sentences": [{"start": s, "end": e} for s, e in article.sentences],
        "text": article.text,
        "removed_lines": list(article.removed_lines),
        "removed": [r.to_dict() for r in article.removals],
        "also_ids": list(article.also_ids),
        "revision": article.revision,
        "errors": [e.to_dict() for e in article.errors],
        "language": article.language,
        "analyzed_chars": article.analyzed_chars,
        "not_analyzed": article.not_analyzed,
        "input_notes": list(article.input_notes),
    })


# A summary sentence is read out of its context, so one that leans on the sentence before it reads wrong:
# a leading pronoun or connective ("She told parliament", "Then we will rebuild") or a quote left open.
_DEPENDENT_START = re.compile(
    r"^[\"“‘']?(?:he|she|they|it|its|this|these|those|his|her|their|then|but|and|so|also|however|still|yet|"
    r"there|here|instead|otherwise|meanwhile)\b",
    re.IGNORECASE,
)
# "That" / "Which" opening a clause as its subject ("That will come Monday", "Which is why ..."), not as a
# determiner ("That decision ..."): followed by an auxiliary, modal or a common verb of state.
_DEMONSTRATIVE_SUBJECT = re.compile(
    r"^[\"“‘']?(?:that|which)(?:'s|’s|\s+(?:is|was|were|are|will|would|could|can|may|might|must|should|has|had|have|"
    r"means|meant|comes|came|makes|made|leaves|left))\b",
    re.IGNORECASE,
)
# Sentence-final punctuation, optionally closed by quotes or brackets. A "sentence" without it is a
# headline, label, caption or a cut-off fragment ("The Latest on the election (all times local):").
_FINAL = re.compile(r"[.!?…][\"”’')\]]*$")
_OPEN_QUOTES = "\"“‘"
_CLOSE_QUOTES = "\"”’"
# After a quotation, an attribution to a bare pronoun ("...," he said.): the reader cannot tell who spoke.
_PRONOUN_ATTRIBUTION = re.compile(r"^[,.]?\s*(?:he|she|they|it|we|i)\b", re.IGNORECASE)


def _quote_dependent(text: str) -> bool:
    """A sentence that is nothing but a quotation, or a quotation given to a bare pronoun."""
    if text[:1] not in _OPEN_QUOTES:
        return False
    close = max(text.rfind(q) for q in _CLOSE_QUOTES)
    if close <= 0:
        return False
    after = text[close + 1 :].strip()
    return not after.strip(".!?…") or bool(_PRONOUN_ATTRIBUTION.match(after))


def stands_alone(text: str) -> bool:
    """Can this sentence be read without the one before it (and is it a statement at all)?"""
    text = text.strip()
    if not text or _DEPENDENT_START.match(text) or _DEMONSTRATIVE_SUBJECT.match(text) or text[:1].islower():
        return False
    if not _FINAL.search(text) or _quote_dependent(text):
        return False
    straight = text.count('"')
    return straight % 2 == 0 and text.count("“") == text.count("”")


def candidates_for(
    articles: Sequence[Article], fragments: Sequence[TextSpan] = ()
) -> tuple[list[Candidate], list[tuple[Article, int]]]:
    """Summary candidates: sentences that stand alone and are statements (``fragments``: the sentences the
    parse found no subject clause in), from every report that is not a copy of another (copies would fake
    consensus; they are still cited)."""
    candidates: list[Candidate] = []
    where: list[tuple[Article, int]] = []
    fragment_starts = {(s.source, s.start) for s in fragments}
    originals = [a for a in articles if a.duplicate_of is None and a.not_analyzed is None]
    for doc, article in enumerate(originals):
        for k, (start, end) in enumerate(article.sentences):
            text = article.text[start:end]
            if (article.id, start) in fragment_starts or not stands_alone(text):
                continue
            candidates.append(Candidate(doc, k, text, len(article.sentences), article.published))
            where.append((article, k))
    return candidates, where


# A report's first sentences are its news lead (the core event, inverted pyramid).
LEAD_SENTENCES = 3


def build_summary(
    articles: Sequence[Article], config: Config, fragments: Sequence[TextSpan] = ()
) -> tuple[list[SummaryItem], list[int]]:
    """Summary items in reading order, each citing every source that carries it; plus selection ranks."""
    candidates, where = candidates_for(articles, fragments)
    chosen = select(candidates, config.summary.max_words)
    by_id = {a.id: a for a in articles}
    items: list[SummaryItem] = []
    ranks: list[int] = []
    positions: list[int] = []  # each item's sentence index in its report
    for pick in chosen:
        article, k = where[pick.candidate]
        start, end = article.sentences[k]
        text = article.text[start:end]
        citations = find_citations(text, Span(article.id, start, end), articles, config.summary.citation_min_support)
        citations.sort(key=lambda c: c.span)
        items.append(
            SummaryItem(
                text=text,
                sources=[c.span.source for c in citations],
                spans=[
                    CitedSpan(
                        source=c.span.source,
                        start=c.span.start,
                        end=c.span.end,
                        text=by_id[c.span.source].text[c.span.start : c.span.end],
                        support=round(c.support, 3),
                    )
                    for c in citations
                ],
                origin=article.id,
                score=round(pick.score, 6),
            )
        )
        ranks.append(pick.rank)
        positions.append(k)
    # The lead states the core event: of the chosen sentences that open their report (the news lead,
    # inverted pyramid; not a quotation), the one most outlets carry goes first (then the most salient);
    # the rest keep reading order.
    def lead_pool(first_k: int) -> list[int]:
        return [j for j, k in enumerate(positions) if k < first_k and items[j].text[:1] not in _OPEN_QUOTES]

    leads = lead_pool(1) or lead_pool(LEAD_SENTENCES)  # a report's opening sentence, else its lead
    if leads:
        first = max(leads, key=lambda j: (len(items[j].sources), items[j].score, -j))
        items.insert(0, items.pop(first))
        ranks.insert(0, ranks.pop(first))
    return items, ranks


def check_citations(
    summary: Sequence[SummaryItem] | dict[str, Any], articles: Sequence[Article], min_support: float
) -> None:
    """Re-read every cited span from its source and check it says the summary sentence; raise if not.

    ``summary`` is the typed summary or a briefing's JSON form (a stored briefing can be checked again)."""
    if isinstance(summary, dict):
        summary = [SummaryItem.model_validate(item) for item in summary["summary"]]
    by_id = {a.id: a for a in articles}
    for item in summary:
        for raw in item.spans:
            span = Span(raw.source, raw.start, raw.end)
            if not verify_citation(item.text, span, by_id, min_support):
                where = f"{span.source} [{span.start}:{span.end}]"
                raise CitationError(f"citation of {where} does not support {item.text!r}")
        if sorted({s.source for s in item.spans}) != sorted(item.sources):
            raise CitationError(f"sources and spans disagree for {item.text!r}")


def summary_dates(summary: Sequence[SummaryItem], timeline: Sequence[TimelineEntry]) -> None:
    """Give each summary item the dates its relative expressions resolve to ("on Saturday" -> 2031-05-03).

    A summary sentence is a whole source sentence, so "this morning" or "last Monday" would reach the reader
    without the report's date. The timeline already resolved them per source sentence (and says how); the
    item takes the resolutions made in its origin sentence. Explicit dates ("3 May 2031") need none.
    """
    by_span: dict[tuple[str, int], list[ResolvedDate]] = {}
    for entry in timeline:
        for span, resolved in zip(entry.spans, entry.resolved, strict=True):
            if resolved.how.startswith("explicit"):
                continue
            by_span.setdefault((span.source, span.start), []).append(
                ResolvedDate(expression=resolved.expression, date=entry.date, span=resolved.span)
            )
    for item in summary:
        origin = next(s for s in item.spans if s.source == item.origin)
        found = by_span.get((item.origin, origin.start), [])
        item.dates = sorted(
            {(d.expression, d.date): d for d in found}.values(),
            key=lambda d: (item.text.find(d.expression), d.date),
        )


def _headline(articles: Sequence[Article]) -> str | None:
    """The story's headline by the one policy ``stories`` uses too (brief/headline.py), over the same reports:
    the first HEADLINE_POOL originals in first-seen order (``articles`` arrive in that order)."""
    from ..store.db import HEADLINE_POOL

    originals = [a.title for a in articles if a.duplicate_of is None][:HEADLINE_POOL]
    return story_headline(originals)


HEADLINE_CUT_WORDS = 16  # news headlines run 6-15 words (brief/headline.py)


def summary_headline(summary: Sequence[SummaryItem], disputed: Sequence[TextSpan]) -> str | None:
    """A headline when no outlet's fits: the summary's lead (the most corroborated opening sentence, see
    :func:`build_summary`), cut short and marked when it runs past a headline's length; the next summary
    sentence when the lead states a disputed figure (``disputed``: the spans of every value of a disputed
    claim) - a headline cannot carry the attribution that makes a contested figure fair. Verbatim but for
    its final full stop."""

    def states_disputed(item: SummaryItem) -> bool:
        return any(d.source == s.source and d.start < s.end and s.start < d.end
                   for s in item.spans for d in disputed)

    lead = next((item for item in summary if not states_disputed(item)), None)
    if lead is None:
        return None
    words = lead.text.split()
    if len(words) > MAX_HEADLINE_WORDS:
        return " ".join(words[:HEADLINE_CUT_WORDS]).rstrip(",;:-—") + " …"
    text = " ".join(words)
    return text[:-1] if text.endswith(".") and not text.endswith("..") else text


def build_briefing(
    articles: Sequence[Article],
    config: Config,
    story_id: str,
    rejected: Sequence[Rejection] = (),
    analysis: StoryAnalysis | None = None,
    errors: Sequence[ComponentError] = (),
) -> dict[str, Any]:
    """The briefing of one story in its JSON form (see :func:`assemble_briefing`)."""
    return assemble_briefing(articles, config, story_id, rejected, analysis, errors).to_dict()


def assemble_briefing(
    articles: Sequence[Article],
    config: Config,
    story_id: str,
    rejected: Sequence[Rejection] = (),
    analysis: StoryAnalysis | None = None,
    errors: Sequence[ComponentError] = (),
) -> Briefing:
    """Assemble the typed briefing of one story. Articles must already be cleaned and sentence-split, in
    first-seen order; ``analysis`` holds the cross-source fields (``analyze.story.analyze_story``), empty when
    absent; ``errors`` what failed on the way (each report's own errors are added here)."""
    from ..provenance import provenance

    ordered = sorted(articles, key=lambda a: a.id)
    analysis = analysis or StoryAnalysis()
    summary, _ranks = build_summary(ordered, config, analysis.fragments)
    summary_dates(summary, analysis.timeline)
    check_citations(summary, ordered, config.summary.citation_min_support)
    copies = {a.id: a.duplicate_of for a in ordered if a.duplicate_of}
    headline, headline_from = _headline(articles), "title"
    if headline is None:
        disputed = [s for c in analysis.claims if c.disputed for v in c.values for s in v.spans]
        headline, headline_from = summary_headline(summary, disputed), "summary"
    document: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "story": {
            "id": story_id,
            "headline": headline,
            "headline_from": headline_from if headline else None,
            "articles": len(ordered),
            "sources": len({a.outlet or a.id for a in ordered}),
            "independent_sources": len(ordered) - len(copies),
            "copies": [{"source": k, "copy_of": v} for k, v in sorted(copies.items())],
        },
        "sources": [source_record(a) for a in ordered],
        "summary": summary,
        "entities": analysis.entities,
        "quotes": analysis.quotes,
        "claims": analysis.claims,
        "timeline": analysis.timeline,
        "coverage": analysis.coverage,
        "rejected": [r.to_dict() for r in rejected],
        "errors": [e.to_dict() for a in ordered for e in a.errors] + [e.to_dict() for e in errors],
        "config": config.to_dict(),
        "provenance": provenance(config),
    }
    return Briefing.model_validate(document)
