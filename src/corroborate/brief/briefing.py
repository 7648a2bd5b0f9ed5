"""Brief stage: a story's Articles (+ the story's analysis) -> the typed :class:`~corroborate.records.Briefing`.

Reads cleaned, sentence-split Articles and the :class:`~corroborate.records.StoryAnalysis` of ``analyze.story``;
writes ``story``, ``sources``, ``summary`` with checked citations, and the analysis fields. The result is a typed
record (schema_version "2"); :func:`build_briefing` returns its JSON form, the public contract ``render``
writes and the generated schema describes.
"""

from __future__ import annotations

import re
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
from .headline import MAX_HEADLINE_WORDS, story_headline
from .summarize import Candidate, Selected, select
from .summarize_features import sentence_concepts
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


# A summary sentence is read out of its context, so one that leans on the sentence before it reads wrong:
# a leading pronoun or connective ("She told parliament", "Then we will rebuild") or a quote left open.
_DEPENDENT_START = re.compile(
    r"^[\"“‘']?(?:he|she|they|it|its|this|these|those|his|her|their|then|but|and|so|also|however|still|yet|"
    r"there|here|instead|otherwise|meanwhile|another|other|both|such|even|now|thus|therefore|hence|moreover|"
    r"furthermore|nonetheless|nevertheless|likewise|similarly|again|finally|"
    r"by extension|some(?=,)|of course|in fact|after all|as a result|in addition(?=,))\b",
    re.IGNORECASE,
)
# "That" / "Which" opening a clause as its subject ("That will come Monday", "Which is why ...", also after a
# fronted phrase: "Of course, that's not ..."), not as a determiner ("That decision ..."): followed by an
# auxiliary, modal or a common verb of state.
_DEMONSTRATIVE_SUBJECT = re.compile(
    r"^(?:[^,]{1,30},\s+)?[\"“‘']?(?:that|which|this)(?:'s|’s|\s+(?:is|was|were|are|will|would|could|can|may|"
    r"might|must|should|has|had|have|means|meant|comes|came|makes|made|leaves|left))\b",
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


# A statement of the report is neither addressed to the reader ("You can control your TV") nor in the first
# person outside quotation marks (a column, a letter, an unmarked quotation: "... and our dear friend."), nor
# a question, nor an aside in brackets; a pronoun attribution at its end (", it said.") leaves the source unsaid.
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself)\b", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:we|We|our|Our|ours|us|me|my|My|mine|(?<!War )I(?= [a-z]|’|'))\b")
_TRAILING_PRONOUN_ATTRIBUTION = re.compile(
    r",\s+(?:he|she|it|they)\s+(?:said|says|added|adds|wrote|writes|stated|noted|explained|argued|continued)"
    r"(?:\s+\w+){0,3}[.!…]$"
)
# The writer's own voice about the page ("the publisher of this report"), photo furniture ("Hide Caption 9
# of 15 Photos:") and a ticker quote left in the text ("Tesla Inc.'s TSLA, +5.77% board"): source: general
# knowledge of news web pages.
_PAGE_FURNITURE = re.compile(
    r"\b(?:this|the present) (?:report|article|story|post|column)\b|\b(?:Hide|Show) Caption\b|\bPhotos?:\s"
    r"|\b[A-Z]{1,5}, [+-−]\d+(?:\.\d+)?%",
    re.IGNORECASE,
)
# A full stop followed by a lower-case word inside one "sentence" ("By midday. it was ..."): the splitter
# missed a boundary or the text is broken; abbreviations ("approx. two") end in a short word or a capital.
_BROKEN_STOP = re.compile(r"\b[a-z]{4,}\.\s+[a-z]")
# A verb phrase left out ("In her case, it seems to have.", "Officials said they would."): the sentence ends
# on an auxiliary, its verb is in the sentence before.
_ELLIPSIS_END = re.compile(r"\b(?:to have|have|has|had|did|does|do|will|would|can|could|should|might|must)[.!]$",
                           re.IGNORECASE)


def _outside_quotes(text: str) -> str:
    """The sentence without its quotations (straight and curly)."""
    return re.sub(r"“[^”]*”?|\"[^\"]*\"?", " ", text)


def stands_alone(text: str) -> bool:
    """Can this sentence be read without the one before it (and is it a statement at all)?"""
    text = text.strip()
    if not text or _DEPENDENT_START.match(text) or _DEMONSTRATIVE_SUBJECT.match(text) or text[:1].islower():
        return False
    if not _FINAL.search(text) or _quote_dependent(text):
        return False
    told = _outside_quotes(text)
    cut = text.rstrip("\"”’')] ").endswith(("...", "…"))  # a quotation or sentence cut short
    if (cut or text[:1] in "([" or text.endswith("?") or _SECOND_PERSON.search(told) or _FIRST_PERSON.search(told)
            or _TRAILING_PRONOUN_ATTRIBUTION.search(told.rstrip()) or _PAGE_FURNITURE.search(text)
            or _BROKEN_STOP.search(text) or _ELLIPSIS_END.search(told.rstrip())):
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
        return [j for j, i in enumerate(order) if where[i][1] < first_k and item(i).text[:1] not in _OPEN_QUOTES]

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
        return _headline_cut(words)
    text = " ".join(words)
    return text[:-1] if text.endswith(".") and not text.endswith("..") else text


# A long lead is cut where a clause or a trailing modifier begins (", which", " after ...", " in what would
# be ..."), so the headline keeps the core statement whole; SUMMARY_HEADLINE_WORDS at most (a lead's main
# clause rarely runs longer). source: general English syntax; the words that open such a trailing phrase.
SUMMARY_HEADLINE_WORDS = 32
_TRAILING_OPENERS = frozenset(
    "which who whose where when while after before as amid following despite because but since although though "
    "including".split()
)
_RELATIVES = frozenset({"which", "who", "whose", "where", "when"})
_ATTRIBUTION_END = re.compile(r"(?:,\s+(?:[\w.’'-]+\s+){1,6}(?:said|says|reported|added|told \w+)|according to [^,]+)"
                              r"\W*$")


def _headline_cut(words: list[str]) -> str:
    """The lead (``words``, over MAX_HEADLINE_WORDS long) as a headline: whole when it fits
    SUMMARY_HEADLINE_WORDS; else its longest opening that ends before a trailing phrase (at least 10 words),
    marked "…"; else its first HEADLINE_CUT_WORDS words, marked. A lead that ends with its attribution ("...,
    police said.") is never cut there: without it the headline would assert what one source says."""
    text = " ".join(words)
    if len(words) <= SUMMARY_HEADLINE_WORDS:
        return text[:-1] if text.endswith(".") and not text.endswith("..") else text
    if not _ATTRIBUTION_END.search(text):
        for n in range(min(SUMMARY_HEADLINE_WORDS, len(words) - 1), 9, -1):
            nxt = words[n].lower()
            relative = nxt in _RELATIVES and not words[n - 1].endswith(",")  # restrictive: part of the NP
            if ((nxt in _TRAILING_OPENERS and not relative) or words[n - 1].endswith((",", ";"))
                    or (nxt == "in" and words[n + 1].lower() in ("what", "which"))):
                opening = " ".join(words[:n]).rstrip(",;:-—")
                if opening.count("(") == opening.count(")") and opening.count("“") == opening.count("”"):
                    return opening + " …"
    return " ".join(words[:HEADLINE_CUT_WORDS]).rstrip(",;:-—") + " …"


def _overlaps(span: tuple[str, int, int], disputed: Sequence[TextSpan]) -> bool:
    source, start, end = span
    return any(d.source == source and d.start < end and start < d.end for d in disputed)


def central_headline(
    articles: Sequence[Article],
    fragments: Sequence[TextSpan],
    entities: Sequence[EntityRecord],
    disputed: Sequence[TextSpan],
) -> str | None:
    """A headline from the most corroborated facts: of the reports' lead sentences (their first
    LEAD_SENTENCES, inverted pyramid) that stand alone, refer back to nothing (:mod:`.summarize_refs`) and
    state no value of a disputed claim, the one whose content words the other original reports share most
    (mean share over those reports), cut as :func:`_headline_cut` cuts a long one. None with fewer than
    three original reports (too few to tell what is corroborated) or when none fits; the summary's lead is
    then the headline."""
    candidates, where = candidates_for(articles, fragments)
    originals = sorted({a.id for a, _ in where})
    if len(originals) < 3:
        return None
    words_of = {a.id: frozenset().union(*(sentence_concepts(a.text[s:e], False) for s, e in a.sentences))
                for a in articles if a.id in originals}
    story_refs = StoryRefs(entities)
    best: tuple[float, int] | None = None
    for i, (article, k) in enumerate(where):
        text = candidates[i].text
        start, end = article.sentences[k]
        if k >= LEAD_SENTENCES or text[:1] in _OPEN_QUOTES or len(text.split()) < 8:
            continue
        if story_refs.refs(article.id, start, text).needs or _overlaps((article.id, start, end), disputed):
            continue
        concepts = sentence_concepts(text, False)
        if not concepts:
            continue
        share = sum(len(concepts & words_of[o]) / len(concepts) for o in originals if o != article.id)
        key = (share / (len(originals) - 1), -i)
        if best is None or key > best:
            best = key
    if best is None:
        return None
    words = candidates[-best[1]].text.split()
    if len(words) > MAX_HEADLINE_WORDS:
        return _headline_cut(words)
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
    summary, _ranks = build_summary(ordered, config, analysis.fragments, analysis.entities)
    summary_dates(summary, analysis.timeline)
    check_citations(summary, ordered, config.summary.citation_min_support)
    copies = {a.id: a.duplicate_of for a in ordered if a.duplicate_of}
    headline, headline_from = _headline(articles), "title"
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
