"""Story-level analysis: entities with aliases, quotes with speakers, numeric claims, timeline, coverage.

Reads a story's prepared Articles (cleaned text, sentences, ``duplicate_of``); returns the briefing's analysis
fields as plain dicts, every item carrying character spans on its sources. The per-article extractors live in
their own modules (``ner``, ``entities``, ``quotes``, ``numbers``, ``timex``); this module only runs them over
the story and reconciles their results across reports.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any

import torch

from ..boundary import guarded
from ..config import Config
from ..model import Article, ComponentError
from .coverage import coverage
from .entities import Entity, Mention, link_entities
from .ner import load_tagger
from .numbers import NumberMention, find_numbers, group_claims
from .quotes import Quote, find_quotes, group_quotes
from .timeline import build_timeline

# NER label -> the contract's entity type when the linker has no better evidence.
_ENTITY_FIELDS = ("name", "type", "aliases", "sources", "mentions")


def _span(source: str, start: int, end: int) -> dict[str, Any]:
    return {"source": source, "start": start, "end": end}


def _tag_one(tagger: Any, text: str) -> list[tuple[int, int, str]]:
    return list(tagger.tag_texts([text])[0])


def find_entities(articles: Sequence[Article], errors: list[ComponentError] | None = None) -> list[Entity]:
    tagger = load_tagger()
    try:
        tagged = tagger.tag_texts([a.text for a in articles])
    except Exception:  # noqa: BLE001 - find the report it fails on: tag each alone, record and skip that one
        sink: list[ComponentError] = errors if errors is not None else []
        tagged = [guarded("entities", a.id, sink, partial(_tag_one, tagger, a.text), []) for a in articles]
    mentions = [
        Mention(a.id, s, e, a.text[s:e], label)
        for a, spans in zip(articles, tagged, strict=True)
        for s, e, label in spans
    ]
    return link_entities({a.id: a.text for a in articles}, mentions)


def entity_records(entities: Sequence[Entity]) -> list[dict[str, Any]]:
    return [
        {
            "name": e.name,
            "type": e.type,
            "aliases": list(e.aliases),
            "sources": list(e.sources),
            "mentions": len(e.mentions),
            "spans": [_span(m.source, m.start, m.end) for m in sorted(e.mentions, key=lambda m: (m.source, m.start))],
        }
        for e in entities
    ]


def _canonical_speaker(speaker: str | None, entities: Sequence[Entity]) -> str | None:
    """Map a speaker phrase ("Ms Vardaman", "the interior minister") to its entity's canonical name."""
    if not speaker:
        return None
    folded = speaker.casefold().removeprefix("the ")
    for entity in entities:
        forms = {entity.name.casefold(), *(a.casefold() for a in entity.aliases)}
        if folded in forms or speaker.casefold() in forms:
            return entity.name
    return speaker


def quote_records(
    articles: Sequence[Article], entities: Sequence[Entity], errors: list[ComponentError] | None = None
) -> list[dict[str, Any]]:
    people = [e.name for e in entities if e.type == "PERSON"]
    people += [a for e in entities if e.type == "PERSON" for a in e.aliases]
    found: list[tuple[str, Quote]] = []
    sink: list[ComponentError] = errors if errors is not None else []
    for article in articles:
        quotes: list[Quote] = guarded("quotes", article.id, sink, partial(find_quotes, article.text, people), [])
        for quote in quotes:
            if len(quote.text.split()) >= 3 or not quote.partial:
                found.append((article.id, quote))
    records: list[dict[str, Any]] = []
    for group in group_quotes(found):
        speakers = [_canonical_speaker(q.speaker, entities) for _, q in group]
        named = sorted({s for s in speakers if s}, key=lambda s: (-speakers.count(s), s))
        longest = max(group, key=lambda item: (len(item[1].text), item[0]))[1]
        records.append(
            {
                "speaker": named[0] if named else None,
                "text": longest.text,
                "sources": sorted({sid for sid, _ in group}),
                "spans": [
                    _span(sid, s, e) for sid, q in sorted(group, key=lambda i: (i[0], i[1].start)) for s, e in q.parts
                ],
                "partial": all(q.partial for _, q in group),
            }
        )
    records = _fold_excerpts(records)
    records.sort(key=lambda r: (-len(r["sources"]), r["speaker"] or "~", r["text"]))
    return records


def _quote_key(text: str) -> str:
    return " ".join("".join(ch for ch in text.casefold() if ch.isalnum() or ch.isspace()).split())


def _fold_excerpts(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A shorter quote that is an excerpt of a longer one by the same speaker ("We did not do this" inside
    "We did not do this, and we do not make war...") is the same quote: fold its sources and spans in."""
    kept: list[dict[str, Any]] = []
    for record in sorted(records, key=lambda r: (-len(r["text"]), r["text"])):
        key = _quote_key(record["text"])
        host = next(
            (k for k in kept if key and key in _quote_key(k["text"]) and record["speaker"] in (k["speaker"], None)),
            None,
        )
        if host is None:
            kept.append(record)
            continue
        host["sources"] = sorted(set(host["sources"]) | set(record["sources"]))
        host["spans"] = sorted(host["spans"] + record["spans"], key=lambda sp: (sp["source"], sp["start"]))
        host["partial"] = host["partial"] and record["partial"]
    return kept


def claim_records(articles: Sequence[Article], errors: list[ComponentError] | None = None) -> list[dict[str, Any]]:
    sink: list[ComponentError] = errors if errors is not None else []
    items: list[tuple[str, NumberMention]] = []
    for a in articles:
        found: list[NumberMention] = guarded("claims", a.id, sink, partial(find_numbers, a.text, a.sentences), [])
        items.extend((a.id, m) for m in found)
    records: list[dict[str, Any]] = []
    for group in group_claims(items):
        values: list[dict[str, Any]] = []
        for value in group.values:
            values.append(
                {
                    "text": value.text,
                    "low": value.low,
                    "high": value.high,
                    "attributed_to": value.attributed_to,
                    "sources": list(value.sources),
                    "spans": [
                        _span(sid, m.start, m.end)
                        for sid, m in sorted(value.mentions, key=lambda i: (i[0], i[1].start))
                    ],
                    "attributions": sorted({f"{sid}: {m.attributed_to or 'own voice'}" for sid, m in value.mentions}),
                }
            )
        records.append(
            {"measure": group.measure, "subject": group.subject, "disputed": group.disputed, "values": values}
        )
    records.sort(
        key=lambda r: (
            not r["disputed"],
            -sum(len(v["sources"]) for v in r["values"]),
            r["measure"],
            r["subject"] or "",
        )
    )
    return records


def analyze_story(
    articles: Sequence[Article], config: Config | None = None, errors: list[ComponentError] | None = None
) -> dict[str, list[dict[str, Any]]]:
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
    none: list[dict[str, Any]] = []
    entities: list[Entity] = guarded("entities", None, sink, partial(find_entities, articles, sink), [])
    entity_dicts = guarded("entities", None, sink, partial(entity_records, entities), none)
    quotes = guarded("quotes", None, sink, partial(quote_records, articles, entities, sink), none)
    claims = guarded("claims", None, sink, partial(claim_records, articles, sink), none)
    timeline = guarded("timeline", None, sink, partial(build_timeline, articles), none)
    covered = none
    if config.coverage.enabled:
        covered = guarded("coverage", None, sink, partial(coverage, articles, entity_dicts, quotes, claims), none)
    return {"entities": entity_dicts, "quotes": quotes, "claims": claims, "timeline": timeline, "coverage": covered}
