"""Brief stage: a story's Articles (+ the story's analysis) -> the typed :class:`~corroborate.records.Briefing`.

Reads cleaned, sentence-split Articles and the :class:`~corroborate.records.StoryAnalysis` of ``analyze.story``;
writes ``story``, ``sources``, ``summary`` with checked citations, and the analysis fields. The result is a typed
record (schema_version "2"); :func:`build_briefing` returns its JSON form, the public contract ``render``
writes and the generated schema describes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from ..config import Config
from ..errors import CitationError
from ..model import Article, ComponentError, Rejection, Span
from ..records import (
    SCHEMA_VERSION,
    Briefing,
    CitedSpan,
    EntityRecord,
    ResolvedDate,
    StoryAnalysis,
    SummaryItem,
    TextSpan,
    TimelineEntry,
)
from ..records import Source as SourceRecord
from ..render.safe import checked_url
from .citations import find_citations, verify_citation
from .headline import central_headline, summary_headline, title_headline
from .standalone import LEAD_SENTENCES, OPEN_QUOTES, candidates_for
from .summarize import Selected, select
from .summarize_refs import StoryRefs, arrange

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


# How many times the summary is selected again without the sentences whose references nothing in it resolves
# (each round frees their words for others; what is still unresolved after the last round is left out).
REFERENCE_ROUNDS = 10


def build_summary(
    articles: Sequence[Article],
    config: Config,
    fragments: Sequence[TextSpan] = (),
    entities: Sequence[EntityRecord] = (),
) -> tuple[list[SummaryItem], list[int]]:
    """Summary items in reading order, each citing every source that carries it; plus selection ranks.

    The lead states the core event (see :func:`_lead_first`); then every sentence that refers back (a surname,
    "the statement", "that issue", see :mod:`.summarize_refs`) must find its referent in an earlier summary
    sentence: the introducing sentence is moved before it when the summary has it, else the sentence is left
    out and the summary selected again without it (``entities``: the story's entities, for the persons)."""
    candidates, where = candidates_for(articles, fragments)
    story_refs = StoryRefs(entities)
    refs = [story_refs.refs(article.id, article.sentences[k][0], candidates[i].text)
            for i, (article, k) in enumerate(where)]
    cited: dict[int, SummaryItem] = {}

    def item_of(i: int, score: float) -> SummaryItem:
        if i not in cited:
            cited[i] = _summary_item(where[i], articles, config)
        return cited[i].model_copy(update={"score": round(score, 6)})

    excluded: set[int] = set()
    order: list[int] = []
    picks: dict[int, Selected] = {}
    for _round in range(REFERENCE_ROUNDS):
        pool = [i for i in range(len(candidates)) if i not in excluded]
        chosen = select([candidates[i] for i in pool], config.summary.max_words)
        picks = {pool[p.candidate]: p for p in chosen}
        ordered = _lead_first([pool[p.candidate] for p in chosen], where, partial(_scored, item_of, picks))
        order, dropped = arrange(ordered, refs)
        if not dropped:
            break
        excluded |= set(dropped)
    items = [item_of(i, picks[i].score) for i in order]
    return items, [picks[i].rank for i in order]


def _scored(item_of: Callable[[int, float], SummaryItem], picks: dict[int, Selected], i: int) -> SummaryItem:
    return item_of(i, picks[i].score)


def _summary_item(at: tuple[Article, int], articles: Sequence[Article], config: Config) -> SummaryItem:
    """The summary item of one source sentence, citing every source that carries it."""
    article, k = at
    by_id = {a.id: a for a in articles}
    start, end = article.sentences[k]
    text = article.text[start:end]
    citations = find_citations(text, Span(article.id, start, end), articles, config.summary.citation_min_support)
    citations.sort(key=lambda c: c.span)
    return SummaryItem(
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
        score=0.0,
    )


def _lead_first(
    order: list[int], where: Sequence[tuple[Article, int]], item: Callable[[int], SummaryItem]
) -> list[int]:
    """The lead states the core event: of the chosen sentences that open their report (the news lead,
    inverted pyramid; not a quotation), the one most outlets carry goes first (then the most salient); the
    rest keep reading order."""

    def lead_pool(first_k: int) -> list[int]:
        return [j for j, i in enumerate(order) if where[i][1] < first_k and item(i).text[:1] not in OPEN_QUOTES]

    leads = lead_pool(1) or lead_pool(LEAD_SENTENCES)  # a report's opening sentence, else its lead
    out = list(order)
    if leads:
        first = max(leads, key=lambda j: (len(item(out[j]).sources), item(out[j]).score, -j))
        out.insert(0, out.pop(first))
    return out


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
    summary, _ranks = build_summary(ordered, config, analysis.fragments, analysis.entities)
    summary_dates(summary, analysis.timeline)
    check_citations(summary, ordered, config.summary.citation_min_support)
    copies = {a.id: a.duplicate_of for a in ordered if a.duplicate_of}
    headline, headline_from = title_headline(articles), "title"
    if headline is None:
        disputed = [s for c in analysis.claims if c.disputed for v in c.values for s in v.spans]
        headline = central_headline(ordered, analysis.fragments, analysis.entities, disputed)
        headline = headline or summary_headline(summary, disputed)
        headline_from = "summary"
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
