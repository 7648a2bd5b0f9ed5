"""The document model: one spaCy ``Doc`` per report, holding its tokens, sentences and typed span layers.

Components read the Doc and write span layers on it (``doc.spans[LAYER]``); story-level records point at those
spans (:func:`text_span`), so every fact in a briefing can be checked by reading its span back. We adopt spaCy's
Doc/Span/SpanGroup as the issue proposes: token-aligned spans with labels, attributes by extension, and the
same Doc feeds the trained tagger and parser (``analyze.syntax``). Tokens come from spaCy's rule-based English
tokenizer (no model needed); sentence boundaries are the project's own (``analyze.text``), set on the tokens so
the parser keeps them.

Our extractors work on characters, and a character span does not always fall on spaCy's token boundaries
("U.S" inside "U.S.", a hashtag, "5" inside "5m": 79 of 3,261 entity mentions and 1 of 411 quotes on the 24
real-news clusters, 0 of 2,235 sentences). Rather than stretch such a span to whole tokens (which would change
its text), :func:`write_layer` splits the tokens at the span's edges first and rebuilds the layers already
written (SpanGroups are token-indexed, so a split would shift them).

Layers (name: what a span is; ``span.label_``; attributes in :func:`data_of`, one dict per span in layer
order, kept apart per layer because two layers may hold spans over the same characters):
- ``sentences``: one sentence (the one sentence notion every component reads);
- ``datelines``: a paragraph-opening dateline, skipped by sentences;
- ``entities``: an NER mention (label: PER/ORG/LOC/MISC);
- ``quotes``: one part of a direct quotation's content (data: quote index, partial);
- ``speakers``: the phrase naming a quotation's speaker (data: quote index);
- ``numbers``: a quantity phrase (label: measure); ``attributions``: who gives a number (data: number index);
- ``timex``: a time expression, annotated once per report (data: how it resolves).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .records import TextSpan

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

    from .model import Article

LAYERS = ("sentences", "datelines", "entities", "quotes", "speakers", "numbers", "attributions", "timex")


@lru_cache(maxsize=1)
def _nlp() -> Language:
    import spacy

    return spacy.blank("en")


@dataclass(frozen=True)
class Item:
    """One span to write on a layer: characters ``[start, end)``, a label and attributes."""

    start: int
    end: int
    label: str = ""
    data: dict[str, Any] = field(default_factory=dict)


def make_doc(article: Article) -> Doc:
    """The report's Doc: its cleaned text tokenized, with the ``sentences`` and ``datelines`` layers written
    and sentence starts set from them. ``doc.user_data["source"]`` is the report's id."""
    doc = _nlp().make_doc(article.text)
    doc.user_data["source"] = article.id
    doc.user_data["text"] = article.text
    datelines = [Item(d.start, d.end, "DATELINE") for d in article.datelines if d.end > d.start]
    sentences = [Item(s, e, "S") for s, e in article.sentences if e > s]
    write_layer(doc, "datelines", datelines)
    write_layer(doc, "sentences", sentences)
    starts = {doc.spans["sentences"][k].start for k in range(len(doc.spans["sentences"]))}
    starts |= {doc.spans["datelines"][k].start for k in range(len(doc.spans["datelines"]))}
    for token in doc:
        token.is_sent_start = token.i == 0 or token.i in starts
    return doc


def doc_text(doc: Doc) -> str:
    """The Doc's text. spaCy rebuilds ``doc.text`` from its tokens on every access (a cost that grows with the
    report), so the text is kept once; splitting tokens never changes it."""
    text = doc.user_data.get("text")
    if text is None:
        text = doc.user_data["text"] = doc.text
    return str(text)


def _split_points(doc: Doc, offsets: Iterable[int]) -> dict[int, list[int]]:
    """Token index -> the character offsets strictly inside that token's text where it must be cut."""
    cuts: dict[int, list[int]] = {}
    size = len(doc_text(doc))
    for offset in sorted(set(offsets)):
        if offset <= 0 or offset >= size:
            continue
        token = _token_at(doc, offset)
        if token is None:
            continue
        if token.idx < offset < token.idx + len(token.text):
            cuts.setdefault(token.i, []).append(offset)
    return cuts


def _token_at(doc: Doc, offset: int) -> Any:
    """The token whose text covers ``offset`` (None when the offset lies in trailing whitespace)."""
    lo, hi = 0, len(doc) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        token = doc[mid]
        if offset < token.idx:
            hi = mid - 1
        elif offset >= token.idx + len(token.text):
            lo = mid + 1
        else:
            return token
    return None


def _split_tokens(doc: Doc, cuts: dict[int, list[int]]) -> None:
    """Cut tokens at the given offsets, keeping every layer's spans on their characters."""
    saved = {
        name: [(s.start_char, s.end_char, s.label_) for s in doc.spans[name]] for name in list(doc.spans.keys())
    }
    sent_starts = {t.idx for t in doc if t.is_sent_start}
    parsed = doc.has_annotation("DEP")
    with doc.retokenize() as retokenizer:
        for i, offsets in cuts.items():
            token = doc[i]
            edges = [token.idx, *offsets, token.idx + len(token.text)]
            orths = [doc_text(doc)[a:b] for a, b in zip(edges, edges[1:], strict=False)]
            # The first piece keeps the token's place in the tree; the others attach to it ("dep" in UD).
            heads: list[Token | tuple[Token, int]] = [token.head if parsed and k == 0 else (token, 0)
                                                      for k in range(len(orths))]
            attrs: dict[str | int, list[Any]] = {"DEP": [token.dep_] + ["dep"] * (len(orths) - 1)} if parsed else {}
            retokenizer.split(token, orths, heads=heads, attrs=attrs)
    if not parsed:  # a parsed Doc's sentences follow its trees, which the split keeps
        for token in doc:
            if token.idx in sent_starts:
                token.is_sent_start = True
    for name, spans in saved.items():
        doc.spans[name] = [_strict(doc, s, e, label) for s, e, label in spans]


def _strict(doc: Doc, start: int, end: int, label: str) -> Span:
    span = doc.char_span(start, end, label=label, alignment_mode="strict")
    if span is None:  # pragma: no cover - the tokens were cut at every edge just before
        raise ValueError(f"span [{start}:{end}] does not align with the tokens of {doc.user_data.get('source')}")
    return span


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """A span without surrounding whitespace (tokens never start or end in it)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def write_layer(doc: Doc, name: str, items: Sequence[Item]) -> list[Span]:
    """Write ``items`` as the span layer ``name`` (replacing it) and return the spans, in ``items`` order.

    A span must cut the Doc's text exactly: its edges become token boundaries (tokens are split where needed)
    and surrounding whitespace is trimmed (a token never holds it). Empty items are skipped.
    """
    if name not in LAYERS:
        raise ValueError(f"unknown layer {name!r}; layers are {', '.join(LAYERS)}")
    text = doc_text(doc)
    for it in items:
        if not 0 <= it.start <= it.end <= len(text):
            raise ValueError(f"{name} span [{it.start}:{it.end}] is outside a text of {len(text)} characters")
    bounds = [_trimmed(text, it.start, it.end) for it in items]
    cuts = _split_points(doc, [x for s, e in bounds if e > s for x in (s, e)])
    if cuts:
        _split_tokens(doc, cuts)
    spans: list[Span] = []
    data: list[dict[str, Any]] = []
    for item, (start, end) in zip(items, bounds, strict=True):
        if end <= start:
            continue
        spans.append(_strict(doc, start, end, item.label))
        data.append(dict(item.data))
    doc.spans[name] = spans
    doc.user_data[f"data:{name}"] = data
    return spans


def data_of(doc: Doc, name: str) -> list[dict[str, Any]]:
    """The attributes of layer ``name``'s spans, in the layer's order (``{}`` where an item had none)."""
    return list(doc.user_data.get(f"data:{name}", []))


def text_span(doc: Doc, start: int, end: int) -> TextSpan:
    """The record of characters ``[start, end)`` of the report (trimmed of surrounding whitespace)."""
    text = doc_text(doc)
    start, end = _trimmed(text, start, end)
    return TextSpan(source=str(doc.user_data["source"]), start=start, end=end, text=text[start:end])


def span_record(span: Span) -> TextSpan:
    """The record of a layer's span: its source, characters and the text it cuts."""
    return TextSpan(
        source=str(span.doc.user_data["source"]), start=span.start_char, end=span.end_char, text=span.text
    )


def layer(doc: Doc, name: str) -> list[Span]:
    """The spans of layer ``name`` (empty when no component wrote it)."""
    return list(doc.spans[name]) if name in doc.spans else []
