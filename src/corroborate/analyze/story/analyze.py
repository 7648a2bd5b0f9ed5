"""Story-level analysis: every component run over one story's Docs, reconciled across reports.

Reads a story's prepared Articles (cleaned text, sentences, datelines, ``duplicate_of``); builds one Doc per
report (:func:`corroborate.document.make_doc`) on which the components write their span layers (``entities``,
``quotes``, ``speakers``, ``numbers``, ``attributions``, ``timex``), and returns a typed
:class:`~corroborate.records.StoryAnalysis` whose every item points at spans of those layers. The per-article
extractors live in their own subpackages; the record builders in :mod:`.assemble`.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

import torch

from ...boundary import guarded
from ...config import Config
from ...document import Item, layer, make_doc, write_layer
from ...model import Article, ComponentError
from ...records import ClaimRecord, CoverageRecord, EntityRecord, QuoteRecord, StoryAnalysis, TimelineEntry
from ..entities import Entity, Mention, link_entities
from ..entities.junk import doc_syntax
from ..entities.ner import load_tagger
from ..syntax import parse
from .assemble import claim_records, entity_records, quote_records
from .coverage import coverage
from .timeline import build_timeline

if TYPE_CHECKING:
    from spacy.tokens import Doc


def _tag_one(tagger: Any, text: str) -> list[tuple[int, int, str]]:
    return list(tagger.tag_texts([text])[0])


def find_entities(
    articles: Sequence[Article], docs: dict[str, Doc], errors: list[ComponentError] | None = None
) -> list[Entity]:
    """Tag every report (one batch), write the ``entities`` layer, and link the mentions read back from it."""
    tagger = load_tagger()
    sink: list[ComponentError] = errors if errors is not None else []
    try:
        tagged = tagger.tag_texts([a.text for a in articles])
    except Exception:  # noqa: BLE001 - find the report it fails on: tag each alone, record and skip that one
        tagged = [guarded("entities", a.id, sink, partial(_tag_one, tagger, a.text), []) for a in articles]
    mentions: list[Mention] = []
    for article, spans in zip(articles, tagged, strict=True):
        doc = docs[article.id]
        write_layer(doc, "entities", [Item(s, e, label) for s, e, label in spans])
        mentions += [Mention(article.id, m.start_char, m.end_char, m.text, m.label_) for m in layer(doc, "entities")]
    return link_entities({a.id: a.text for a in articles}, mentions, doc_syntax(docs))


def documents(articles: Sequence[Article], errors: list[ComponentError]) -> dict[str, Doc]:
    """One Doc per report, tagged and parsed (UD POS + dependencies, :mod:`..syntax`); a report whose Doc
    cannot be built is recorded and left out of the analysis; one the parser fails on stays, unparsed (the
    components then read it without trees: ``doc.has_annotation("DEP")`` is False)."""
    docs: dict[str, Doc] = {}
    for article in articles:
        doc = guarded("document", article.id, errors, partial(make_doc, article), None)
        if doc is not None:
            docs[article.id] = doc
    try:
        parse(list(docs.values()))
    except Exception:  # noqa: BLE001 - find the report it fails on: parse each alone, record the failure
        for source, doc in docs.items():
            unparsed: list[Doc] = []
            guarded("syntax", source, errors, partial(parse, [doc]), unparsed)
    return docs


def analyze_story(
    articles: Sequence[Article], config: Config | None = None, errors: list[ComponentError] | None = None
) -> StoryAnalysis:
    """All analysis fields of the briefing for one story.

    Each component runs inside the error boundary: a failure on one report leaves that report out of the
    component (recorded in ``errors`` with the report's id); a failure of a whole component leaves its field
    empty (recorded with no source). The other components and reports are unaffected.
    """
    config = config or Config()
    sink: list[ComponentError] = errors if errors is not None else []
    threads = config.analyze.torch_threads
    if threads > 0 and torch.get_num_threads() != threads:
        torch.set_num_threads(threads)
    docs = documents(articles, sink)
    readable = [a for a in articles if a.id in docs]
    entities: list[Entity] = guarded("entities", None, sink, partial(find_entities, readable, docs, sink), [])
    no_entities: list[EntityRecord] = []
    no_quotes: list[QuoteRecord] = []
    no_claims: list[ClaimRecord] = []
    no_entries: list[TimelineEntry] = []
    covered: list[CoverageRecord] = []
    entity_recs = guarded("entities", None, sink, partial(entity_records, entities, docs), no_entities)
    quotes = guarded("quotes", None, sink, partial(quote_records, readable, docs, entities, sink), no_quotes)
    claims = guarded("claims", None, sink, partial(claim_records, readable, docs, sink), no_claims)
    timeline = guarded("timeline", None, sink, partial(build_timeline, readable, docs), no_entries)
    if config.coverage.enabled:
        work = partial(coverage, readable, docs, entity_recs, quotes, claims, config.coverage)
        covered = guarded("coverage", None, sink, work, covered)
    return StoryAnalysis(entities=entity_recs, quotes=quotes, claims=claims, timeline=timeline, coverage=covered)
