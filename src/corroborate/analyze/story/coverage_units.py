"""Coverage's reading of a story: each source's sentences as statements made of information units.

A unit is a name (an entity span or a run of proper nouns, one unit however many tokens), a number or a content
word, with the term keys it matches elsewhere and the weight it counts for when new. A sentence is a statement
(a verb that is not an instruction to the reader, or enough words where the parser could not read) or a
heading; furniture left in the text (captions, gallery labels, templates repeated across a report's lines) is
marked so that :mod:`.coverage` ranks it last; sentences that restate one another across sources are linked
with their support. The ranking of what only one outlet says and what one leaves out is :mod:`.coverage`'s.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ...clean.markers import GLUED_CAPTION_LABEL, marker_reason
from ...cluster.background import background_idf
from ...document import layer
from ...lang.en import CLAIM_STOP_WORDS, NUMBER_WORDS, STOP_WORDS
from ...model import Article
from ...records import EntityRecord
from ..text import Claim, claim_of, stem, support

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# A statement has a verb ("Shops reopened."): "Fitness Services" or a lone name is a heading, not a fact. In a
# report the parser could not read, a sentence of at least this many words stands in for one with a verb.
MIN_WORDS = 4
# A parsed sentence of at least this many words is a statement even when the tagger finds no verb in it (it
# misreads some: "Group 2 boards once..."); realnews-dev headings and name lines are shorter (1-7 words).
VERBLESS_WORDS = 8
# A line without closing punctuation whose words are at least this share capitalised is a headline (title case
# capitalises all but short function words; a sentence, its names only).
HEADING_CAPITALS = 0.7
# Weight of a new unit: a name or a number counts 1; a content word WORD_WEIGHT times the square of its
# specificity (background IDF over the largest: 1 for a word in no background report, "police" 0.42, so 0.25
# and 0.04). realnews-dev, sentences with a new name carry 0.24-0.65 gold facts, those without 0.05; person
# names alone (0.30 per name) beat places and groups (0.13) there, but weighting them apart changed nothing
# measurable (147-149 of 225 either way), so all names count the same.
NAME_WEIGHT = 1.0
NUMBER_WEIGHT = 1.0
WORD_WEIGHT = 0.25
_PERSON_LABELS = frozenset({"PER", "PERSON"})
_STOP = STOP_WORDS | CLAIM_STOP_WORDS
_SKIP_POS = frozenset({"PUNCT", "SPACE", "SYM", "X"})
_QUOTE_MARKS = "\"“”‘’'«»"
_PHONE = re.compile(r"(?:\d{3}[-.])?\d{3}[-.]\d{4}")
# A run of this many words that opens or recurs in at least TEMPLATE_LINES sentences of one report is a
# template (a gallery's repeated title, a list of related links), not a statement of the story.
TEMPLATE_WORDS = 6
TEMPLATE_LINES = 3
# ... at the same place among a sentence's first this many words (a template opens its lines the same way; a
# report's prose may repeat a name of several words anywhere: "at Umpqua Community College in Roseburg").
TEMPLATE_OPENING = 8


@dataclass(frozen=True)
class Unit:
    """One piece of information of a sentence: a name (an entity span or a run of proper nouns), a number, or a
    content word; ``keys`` are its term keys (stems, "#" + digits), ``weight`` what it counts when new."""

    keys: tuple[str, ...]
    weight: float
    kind: str  # "name" | "number" | "word"
    linked: bool = False  # a name the story's entity linking ties to a mention in another source
    specificity: float = 1.0  # how much sharing it ties a sentence to the story: 1 for a name or a number,
    # a word's background IDF over the largest (unsquared: story words such as "hospital" count)
    person: bool = False  # the entity tagger calls the name a person


@dataclass
class Sentence:
    source: str
    origin: str
    start: int
    end: int
    text: str
    claim: Claim
    units: list[Unit] = field(default_factory=list)
    terms: frozenset[str] = frozenset()
    statement: bool = False
    position: float = 0.0  # where the sentence starts in its report, 0 (first) to 1
    links: dict[int, float] = field(default_factory=dict)  # other source's sentence (index) -> support of this
    # sentence by it, where above 0 (see _link)
    furniture: bool = False  # a caption, credit, link or gallery label left in the text (see _furniture)


def source_origin(article: Article) -> str:
    return article.duplicate_of or article.id


def specificity(word: str) -> float:
    bg = background_idf()
    if bg is None:
        return 0.7
    return float(bg.idf(word) / (math.log(bg.docs + 1) + 1.0))


def term_key(word: str) -> str | None:
    if any(ch.isdigit() for ch in word):
        return "#" + word.replace(",", "")
    if word in _STOP or len(word) < 2 or word[0] == "'" or not any(ch.isalpha() for ch in word):
        return None  # function words, clitics ('s, 're), symbols
    return stem(word)


def units_of(
    span: Span, entity_of: dict[int, int], linked: set[int], persons: frozenset[int] = frozenset()
) -> list[Unit]:
    """The sentence's information units, in order: a name groups the tokens of one entity span (or one run of
    proper nouns), so "Kang Kyung-wha" counts once."""
    out: list[Unit] = []
    name_keys: list[str] = []
    name_id: int | None = None
    name_linked = False

    def close() -> None:
        nonlocal name_keys, name_id, name_linked
        if name_keys:
            person = name_id is not None and name_id in persons
            out.append(Unit(tuple(name_keys), NAME_WEIGHT, "name", name_linked, person=person))
        name_keys, name_id, name_linked = [], None, False

    for token in span:
        if token.pos_ in _SKIP_POS or token.is_punct or token.is_space:
            if token.i not in entity_of:  # a hyphen inside a name ("Kang Kyung-wha") keeps the name whole
                close()
            continue
        word = token.lower_.replace("’", "'")
        key = f"#{NUMBER_WORDS[word]}" if token.pos_ == "NUM" and word in NUMBER_WORDS else term_key(word)
        entity = entity_of.get(token.i)
        # a word the tagger calls a proper noun is a name when it is capitalised and not the sentence's first
        # word ("Calm returned...", "its league"), unless the entity tagger says so
        is_name = entity is not None or (token.pos_ == "PROPN" and token.i != span.start and token.text[:1].isupper())
        group = entity if entity is not None else -1
        if not is_name or (name_keys and group != name_id):
            close()
        if key is None:
            continue
        if key.startswith("#"):
            close()
            if not _PHONE.fullmatch(word):  # a telephone number is not a fact of the story
                out.append(Unit((key,), NUMBER_WEIGHT, "number"))
        elif is_name:
            name_keys.append(key)
            name_id = group
            name_linked = name_linked or token.i in linked
        else:
            spec = specificity(word)
            out.append(Unit((key,), WORD_WEIGHT * spec**2, "word", specificity=spec))
    close()
    return out


def _is_statement(span: Span, parsed: bool) -> bool:
    """A sentence that states something: in a parsed report, one with a verb (or at least VERBLESS_WORDS words:
    the tagger misreads some verbs as nouns) that is not an instruction to the reader (an imperative first
    words without a subject, outside quotation marks: "Cover your mouth when you cough", a health story's tips
    box); in an unparsed one, at least MIN_WORDS words."""
    words = [t for t in span if not (t.is_punct or t.is_space)]
    if _heading(span.text, words):
        return False
    if not parsed:
        return len(words) >= MIN_WORDS
    if len(words) < 2 or (len(words) < VERBLESS_WORDS and not any(t.pos_ in ("VERB", "AUX") for t in words)):
        return False
    if span.text.lstrip()[:1] in _QUOTE_MARKS:
        return True  # what someone said, imperative or not
    # the imperative opens the sentence, at most after "Please" / "Don't"
    return not any(_imperative(t) for t in words[:3])


def _heading(text: str, words: Sequence[Token]) -> bool:
    """A headline or section title left in the text: no closing punctuation, and most words capitalised
    ("Why The Mali Coup Threatens All Of West Africa")."""
    if text.rstrip()[-1:] in ".!?…\"”’'):;" or len(words) < 3:
        return False
    capitals = sum(1 for t in words if t.text[:1].isupper())
    return capitals >= HEADING_CAPITALS * len(words)


def _imperative(token: Token) -> bool:
    subject = any(c.dep_.startswith("nsubj") for c in token.children)
    return token.dep_ == "ROOT" and "Imp" in token.morph.get("Mood", []) and not subject


def _linked_tokens(doc: Doc, source: str, entities: Sequence[EntityRecord]) -> set[int]:
    """Tokens of this report's mentions of entities that other sources mention too (under any of their names:
    "Dar-Hamees" here, "Dar Hamiz" elsewhere)."""
    out: set[int] = set()
    for e in entities:
        if len(set(e.sources)) < 2:
            continue
        for m in e.spans:
            if m.source == source:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is not None:
                    out.update(range(span.start, span.end))
    return out


def read_sentences(
    articles: Sequence[Article], docs: dict[str, Doc], entities: Sequence[EntityRecord] = ()
) -> list[Sentence]:
    out = []
    for a in articles:
        doc = docs[a.id]
        ents = layer(doc, "entities")
        entity_of = {t: k for k, e in enumerate(ents) for t in range(e.start, e.end)}
        persons = frozenset(k for k, e in enumerate(ents) if e.label_ in _PERSON_LABELS)
        linked = _linked_tokens(doc, a.id, entities)
        parsed = doc.has_annotation("POS")
        for span in layer(doc, "sentences"):
            text = span.text
            units = units_of(span, entity_of, linked, persons)
            out.append(
                Sentence(
                    a.id, source_origin(a), span.start_char, span.end_char, text, claim_of(text), units,
                    frozenset(k for u in units for k in u.keys), _is_statement(span, parsed),
                    span.start_char / max(1, len(a.text)),
                )
            )
    return out


def mark_furniture(sentences: Sequence[Sentence]) -> None:
    """Mark the sentences that are page furniture: a furniture marker of ``clean.markers`` (photo credits,
    "Read more", follow prompts), a caption label, or a run of TEMPLATE_WORDS words at the same place in the
    opening of at least TEMPLATE_LINES sentences of the same report (a gallery's title on every caption). They
    rank last."""
    runs: dict[tuple[str, int, tuple[str, ...]], set[int]] = {}
    words_of = [re.findall(r"\w+", s.text.lower()) for s in sentences]
    for i, (s, words) in enumerate(zip(sentences, words_of, strict=True)):
        for k in range(min(TEMPLATE_OPENING, len(words) - TEMPLATE_WORDS + 1)):
            runs.setdefault((s.source, k, tuple(words[k : k + TEMPLATE_WORDS])), set()).add(i)
    repeated = {i for lines in runs.values() if len(lines) >= TEMPLATE_LINES for i in lines}
    for i, s in enumerate(sentences):
        s.furniture = (i in repeated or bool(GLUED_CAPTION_LABEL.search(s.text))
                       or marker_reason(s.text.strip()) is not None)


def link_restatements(sentences: Sequence[Sentence]) -> None:
    """Fill each sentence's ``links``: how much of it each sentence of another source carries. Only pairs that
    share a content stem are compared (support is 0 for the others), so a story costs far less than all pairs."""
    postings: dict[str, list[int]] = {}
    for i, s in enumerate(sentences):
        for key in s.claim.stems:
            postings.setdefault(key, []).append(i)
    everyone = range(len(sentences))
    for s in sentences:
        related = {j for key in s.claim.stems for j in postings[key]} if s.claim.stems else everyone
        for j in sorted(related):
            o = sentences[j]
            if o.source != s.source:
                value = support(s.claim, o.claim)
                if value > 0:
                    s.links[j] = value
