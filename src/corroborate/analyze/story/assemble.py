"""Story-level records from the components' results: entities, quote groups and claim groups, each item
pointing at spans of the reports' Docs (layers ``entities``, ``quotes``, ``speakers``, ``numbers``,
``attributions``).

Reads the Docs built by :mod:`.analyze` and the linked entities; writes the ``quotes``/``speakers`` and
``numbers``/``attributions`` layers as it finds them; returns typed records (:mod:`corroborate.records`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING

from ...boundary import guarded
from ...document import Item, text_span, write_layer
from ...model import Article, ComponentError
from ...records import ClaimRecord, ClaimValue, EntityRecord, QuoteRecord, TextSpan
from ..claims import NumberMention, find_numbers, group_claims
from ..entities import Entity
from ..quotes import Named, Quote, Reading, find_quotes, group_quotes

if TYPE_CHECKING:
    from spacy.tokens import Doc


def name_span(name: str, spans: Sequence[TextSpan], docs: dict[str, Doc]) -> TextSpan | None:
    """A span cutting exactly ``name``: inside one of the entity's mentions (the full mention, or the name within
    it, e.g. the surname of "Ms Vardaman"), else the first whole-word occurrence in a source that mentions it."""
    pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
    for span in spans:
        found = pattern.search(span.text)
        if found:
            return text_span(docs[span.source], span.start + found.start(), span.start + found.end())
    for source in sorted({s.source for s in spans}):
        found = pattern.search(docs[source].text)
        if found:
            return text_span(docs[source], found.start(), found.end())
    return None


def entity_records(entities: Sequence[Entity], docs: dict[str, Doc]) -> list[EntityRecord]:
    records = []
    for e in entities:
        mentions = sorted(e.mentions, key=lambda m: (m.source, m.start))
        spans = [text_span(docs[m.source], m.start, m.end) for m in mentions]
        records.append(
            EntityRecord(
                name=e.name,
                type=e.type,  # type: ignore[arg-type]  # the linker's types are the record's Literal values
                aliases=list(e.aliases),
                sources=list(e.sources),
                mentions=len(e.mentions),
                spans=spans,
                name_span=name_span(e.name, spans, docs),
            )
        )
    return records


def _canonical_speaker(speaker: str | None, entities: Sequence[Entity]) -> str | None:
    """Map a speaker name ("Ms Vardaman", "Vardaman") to its entity's canonical name. A role phrase starting in
    lower case ("the executive", "a spokesman", "officials") stays as written: the linker's title
    aliases are story-wide, and a role noun given to the wrong person is worse than an unresolved one (the quote
    finder already resolved names and pronouns on the report's parse)."""
    if not speaker:
        return None
    words = speaker.split()
    if words[0].casefold() in ("the", "a", "an"):
        words = words[1:]
    if not words or words[0][0].islower():
        return speaker
    folded = " ".join(words).casefold()
    matches = sorted({entity.name for entity in entities
                      if folded in {entity.name.casefold(), *(a.casefold() for a in entity.aliases)}
                      or speaker.casefold() in {entity.name.casefold(), *(a.casefold() for a in entity.aliases)}})
    # a name several entities answer to ("Roe" for Eden Roe and Vidal Roe) stays as the report wrote it
    return matches[0] if len(matches) == 1 else speaker


def _reading(article: Article, doc: Doc, entities: Sequence[Entity]) -> Reading:
    """The report's parse with the linked entity mentions in it and the outlets that carried or are credited
    with it (never a speaker)."""
    surnames: dict[str, int] = {}
    for e in entities:
        if e.type == "PERSON" and e.name.split():
            surnames[e.name.split()[-1].casefold()] = surnames.get(e.name.split()[-1].casefold(), 0) + 1
    named = []
    for e in entities:
        for m in e.mentions:
            text = article.text[m.start:m.end]
            bare = text.removeprefix("the ").removeprefix("The ")
            if m.source != article.id or not bare[:1].isupper():
                continue  # a title phrase ("the executive") the linker tied to a name: not a name
            words = text.split()
            shared = e.type == "PERSON" and bool(words) and surnames.get(words[-1].casefold(), 0) > 1
            # "Mr Musk" when the story has two Musks: the mention as written, not a guess between them
            named.append(Named(m.start, m.end, text if shared and e.name not in text else e.name, e.type))
    outlets = [o for o in (article.outlet, *article.cites_outlets) if o]
    organisations = [(e.name, [a for a in e.aliases if a[:1].isupper()]) for e in entities if e.type == "ORG"]
    return Reading(doc, named, outlets, organisations)


def _article_quotes(article: Article, doc: Doc, people: list[str], entities: Sequence[Entity] = ()) -> list[Quote]:
    """The report's quotations, written on its Doc as the ``quotes`` (content parts) and ``speakers`` layers."""
    quotes = find_quotes(article.text, people, _reading(article, doc, entities))
    write_layer(
        doc,
        "quotes",
        [Item(s, e, "QUOTE", {"quote": k, "partial": q.partial}) for k, q in enumerate(quotes) for s, e in q.parts],
    )
    write_layer(
        doc,
        "speakers",
        [Item(*q.speaker_span, "SPEAKER", {"quote": k}) for k, q in enumerate(quotes) if q.speaker_span],
    )
    return quotes


def quote_records(
    articles: Sequence[Article],
    docs: dict[str, Doc],
    entities: Sequence[Entity],
    errors: list[ComponentError] | None = None,
) -> list[QuoteRecord]:
    people = [e.name for e in entities if e.type == "PERSON"]
    people += [a for e in entities if e.type == "PERSON" for a in e.aliases]
    found: list[tuple[str, Quote]] = []
    sink: list[ComponentError] = errors if errors is not None else []
    for article in articles:
        doc = docs[article.id]
        work = partial(_article_quotes, article, doc, people, entities)
        quotes: list[Quote] = guarded("quotes", article.id, sink, work, [])
        for quote in quotes:
            if len(quote.text.split()) >= 3 or not quote.partial:
                found.append((article.id, quote))
    records: list[QuoteRecord] = []
    for group in group_quotes(found):
        speakers = [_canonical_speaker(q.speaker, entities) for _, q in group]
        named = sorted({s for s in speakers if s}, key=lambda s: (-speakers.count(s), s))
        speaker = named[0] if named else None
        longest = max(group, key=lambda item: (len(item[1].text), item[0]))[1]
        ordered = sorted(zip(group, speakers, strict=True), key=lambda i: (i[0][0], i[0][1].start))
        records.append(
            QuoteRecord(
                speaker=speaker,
                text=longest.text,
                sources=sorted({sid for sid, _ in group}),
                spans=[text_span(docs[sid], s, e) for (sid, q), _ in ordered for s, e in q.parts],
                partial=all(q.partial for _, q in group),
                speaker_spans=[
                    text_span(docs[sid], *q.speaker_span)
                    for (sid, q), said_by in ordered
                    if q.speaker_span and speaker is not None and said_by == speaker
                ],
            )
        )
    records = _fold_excerpts(records)
    records.sort(key=lambda r: (-len(r.sources), r.speaker or "~", r.text))
    return records


def _quote_key(text: str) -> str:
    return " ".join("".join(ch for ch in text.casefold() if ch.isalnum() or ch.isspace()).split())


def _fold_excerpts(records: list[QuoteRecord]) -> list[QuoteRecord]:
    """A shorter quote that is an excerpt of a longer one by the same speaker ("We did not do this" inside
    "We did not do this, and we do not make war...") is the same quote: fold its sources and spans in."""
    kept: list[QuoteRecord] = []
    for record in sorted(records, key=lambda r: (-len(r.text), r.text)):
        key = _quote_key(record.text)
        host = next(
            (k for k in kept if key and key in _quote_key(k.text) and record.speaker in (k.speaker, None)), None
        )
        if host is None:
            kept.append(record)
            continue
        host.sources = sorted(set(host.sources) | set(record.sources))
        host.spans = sorted(host.spans + record.spans, key=lambda sp: (sp.source, sp.start))
        host.speaker_spans = sorted(host.speaker_spans + record.speaker_spans, key=lambda sp: (sp.source, sp.start))
        host.partial = host.partial and record.partial
    return kept


def _article_numbers(article: Article, doc: Doc, story_year: int | None = None) -> list[NumberMention]:
    """The report's number mentions (read with its parse), written on its Doc as the ``numbers`` and
    ``attributions`` layers."""
    found = find_numbers(article.text, article.sentences, doc=doc, story_year=story_year)
    write_layer(doc, "numbers", [Item(m.start, m.end, m.measure, {"number": k}) for k, m in enumerate(found)])
    write_layer(
        doc,
        "attributions",
        [Item(*m.attribution_span, "SOURCE", {"number": k}) for k, m in enumerate(found) if m.attribution_span],
    )
    return found


_YEAR_IN_TEXT = re.compile(r"(?<![\w.,$£€])(19[5-9]\d|20\d\d)(?![\w.,]\d|\w)")


def _story_year(articles: Sequence[Article]) -> int | None:
    """The year the story happens in: the latest publication year, else the latest year that at least two
    reports mention (the only report's latest year when there is one), never one after the latest such date."""
    published = [a.published.year for a in articles if a.published is not None]
    if published:
        return max(published)
    seen: dict[int, set[str]] = {}
    for a in articles:
        for m in _YEAR_IN_TEXT.finditer(a.text):
            seen.setdefault(int(m.group(1)), set()).add(a.id)
    need = 1 if len(articles) == 1 else 2
    shared = [y for y, ids in seen.items() if len(ids) >= need]
    return max(shared) if shared else None


def claim_records(
    articles: Sequence[Article], docs: dict[str, Doc], errors: list[ComponentError] | None = None
) -> list[ClaimRecord]:
    sink: list[ComponentError] = errors if errors is not None else []
    year = _story_year(articles)
    items: list[tuple[str, NumberMention]] = []
    for a in articles:
        work = partial(_article_numbers, a, docs[a.id], year)
        found: list[NumberMention] = guarded("claims", a.id, sink, work, [])
        items.extend((a.id, m) for m in found)
    published = {a.id: a.published for a in articles}
    records: list[ClaimRecord] = []
    for group in group_claims(items, published):
        values: list[ClaimValue] = []
        for value in group.values:
            mentions = sorted(value.mentions, key=lambda i: (i[0], i[1].start))
            values.append(
                ClaimValue(
                    text=value.text,
                    low=value.low,
                    high=value.high,
                    attributed_to=value.attributed_to,
                    sources=list(value.sources),
                    spans=[text_span(docs[sid], m.start, m.end) for sid, m in mentions],
                    attributions=sorted({f"{sid}: {m.attributed_to or 'own voice'}" for sid, m in value.mentions}),
                    attribution_spans=[
                        text_span(docs[sid], *m.attribution_span) for sid, m in mentions if m.attribution_span
                    ],
                    unit=group.unit if group.measure == "money" else None,
                    approx=value.approx,
                )
            )
        records.append(
            ClaimRecord(
                measure=group.measure,
                subject=group.subject,
                disputed=group.disputed,
                values=values,
                scope=group.scope,  # type: ignore[arg-type]  # "story" | "background", the record's Literal
                scope_marker=group.scope_marker,
                updates=group.updates,
            )
        )
    records.sort(
        key=lambda r: (not r.disputed, r.scope != "story", -sum(len(v.sources) for v in r.values), r.measure,
                       r.subject or "", r.values[0].low or 0.0 if r.values else 0.0)
    )
    return records
