"""Coverage: what only one outlet says, and what most outlets say that one leaves out.

Reads prepared Articles (sentences, ``duplicate_of``), their parsed Docs and the story's entity, quote and claim
records; returns one typed ``coverage`` record per source with two short ranked lists (``CoverageOptions``
caps them: 5 and 3), every line a whole sentence of a source with its span, never a bare name or a heading:

- ``unique``: statements only this source carries. A statement (a sentence with a verb that is not an
  instruction to the reader) is a candidate when no other source carries it (the lexical check of
  ``analyze.text.support`` at ``CARRIED_SUPPORT``) or when it adds a name or a figure to what others carry.
  Candidates are ranked greedily by the *new information* they add: each name (an entity span or a run of proper
  nouns, one unit however many tokens; a person's name more) and each number that no other source uses, plus the
  new content words weighted by their rarity in real news (capped, so a long sentence does not win on its many
  words), plus a small weight for saying something no other sentence says; times the share of it the closest
  sentence elsewhere leaves out, times how much it is about the story (the specificity of the terms it shares
  with the other reports). A name the story's entity linking ties to another source ("Dar-Hamees" for "Dar
  Hamiz") is not new. What a line adds is then covered, so the next line is the next fact, not a restatement.
  Page furniture left in the text (a photo credit or caption, a gallery's repeated label, "Read more") ranks
  after every other statement, and never stands for a fact others carry.
- ``omits``: facts at least ``MAJORITY`` of the other origins carry and this source lacks: sentences they
  restate, and the quotations, figures and names they report (each shown by the sentence of a carrying source
  the other carriers share most). Ranked by how many origins carry them, then quotations and sentences giving
  names and figures, then what the reports tell earlier; one line per fact (the sentences of one quotation
  are one fact). ``omits_sources`` says who carries each.

Copies of one wire report count as one origin when deciding what "most" carry; a copy carries what its
original carries, so neither lists it as "only here".

Why this ranking: on realnews-dev (24 clusters) the gold's distinctive facts per source are mostly names
(a new name in a sentence: 0.24 gold facts per sentence, 0 names: 0.05) and figures (0.31 vs 0.11); content
words and the sentence's position predict little (docs/config.md gives the coverage at each cap).
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ...clean.markers import marker_reason
from ...cluster.background import background_idf
from ...config import CoverageOptions
from ...document import layer, make_doc, text_span
from ...lang.en import CLAIM_STOP_WORDS, NUMBER_WORDS, STOP_WORDS
from ...model import Article
from ...records import ClaimRecord, CoverageRecord, EntityRecord, QuoteRecord, TextSpan
from ..text import Claim, claim_of, stem, support

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# 0.5: lower than the citation bar (0.6) on purpose: a fact half-restated elsewhere is not "only here".
# Set by hand on the example stories (tests/gold); the held-out story was scored before any change.
CARRIED_SUPPORT = 0.5
# "Most": a fact omitted by one source counts when at least this share of the other origins carry it (and 2+).
MAJORITY = 0.5
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
# A new person's name (the entity tagger's PER) counts this much more: who acted or spoke is what a report alone
# tells most often. realnews-dev (found at 3 / 5 / 8 lines): 0 -> 118/164/188 of 225, 1 -> 123/163/193,
# 1.5 -> 125/166/194, 2 -> 125/168/192, 3 -> 125/169/192; 2 is inside the plateau.
PERSON_WEIGHT = 2.0
WORD_WEIGHT = 0.25
# Every statement no other source carries counts this much besides its new terms (what it says is new even
# when its words are not: "Shops reopened."), times the share of it the closest sentence elsewhere leaves out.
# Judgement: under one name, so statements that add a name or figure rank first (realnews-dev 149 of 225 with
# it and without it; it lets a source with no new names still list what only it says).
STATEMENT_WEIGHT = 0.3
# A statement with fewer content stems than this and no new term is too thin to list; one with fewer than
# MIN_STEMS + 1 is too thin to stand for what most sources say ("I don't know.").
MIN_STEMS = 2
# A quotation, figure or name most sources carry is shown by the sentence of one of its first this many
# tellings (one per source) that the others share most (a bound on the cost; stories rarely have more outlets).
MAX_HOSTS = 6
# Relevance: a sentence whose shared terms (specificity x share of the other sources using them) weigh REL_FULL
# or more is fully "about the story"; one sharing nothing keeps REL_FLOOR of its weight (an aside can still be
# the only place a fact is told). realnews-dev, FULL {1.5, 2.5, 4} x FLOOR {0.35, 0.6}: 151-156 of 225 (flat:
# the gold does not reward relevance); it orders a report's asides after its story facts (tests).
REL_FULL = 1.5
REL_FLOOR = 0.6
# New content words of one sentence count together at most this much (names and numbers are not capped), so a
# long sentence does not win on its many words. realnews-dev {0.5, 1.0}: 147-149 of 225 (flat).
WORDS_CAP = 0.5
_PERSON_LABELS = frozenset({"PER", "PERSON"})
_STOP = STOP_WORDS | CLAIM_STOP_WORDS
_SKIP_POS = frozenset({"PUNCT", "SPACE", "SYM", "X"})
_QUOTE_MARKS = "\"“”‘’'«»"
_PHONE = re.compile(r"(?:\d{3}[-.])?\d{3}[-.]\d{4}")
# Gallery and caption labels that cleaning can leave glued to a sentence ("Hide Caption 4 of 15 Photos: ...").
# General knowledge of news page templates, as the markers of ``clean.markers`` (which this also applies).
_CAPTION = re.compile(r"\b(?:Hide|Show|Toggle) [Cc]aption\b|^Photos?: |\bPhotos?: [A-Z]|\b\d+ of \d+ Photos?\b")
# A run of this many words that opens or recurs in at least TEMPLATE_LINES sentences of one report is a
# template (a gallery's repeated title, a list of related links), not a statement of the story.
TEMPLATE_WORDS = 6
TEMPLATE_LINES = 3
# ... at the same place among a sentence's first this many words (a template opens its lines the same way; a
# report's prose may repeat a name of several words anywhere: "at Umpqua Community College in Roseburg").
TEMPLATE_OPENING = 8


@dataclass(frozen=True)
class _Unit:
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
class _Sentence:
    source: str
    origin: str
    start: int
    end: int
    text: str
    claim: Claim
    units: list[_Unit] = field(default_factory=list)
    terms: frozenset[str] = frozenset()
    statement: bool = False
    position: float = 0.0  # where the sentence starts in its report, 0 (first) to 1
    links: dict[int, float] = field(default_factory=dict)  # other source's sentence (index) -> support of this
    # sentence by it, where above 0 (see _link)
    furniture: bool = False  # a caption, credit, link or gallery label left in the text (see _furniture)


def _origin(article: Article) -> str:
    return article.duplicate_of or article.id


def _specificity(word: str) -> float:
    bg = background_idf()
    if bg is None:
        return 0.7
    return float(bg.idf(word) / (math.log(bg.docs + 1) + 1.0))


def _key(word: str) -> str | None:
    if any(ch.isdigit() for ch in word):
        return "#" + word.replace(",", "")
    if word in _STOP or len(word) < 2 or word[0] == "'" or not any(ch.isalpha() for ch in word):
        return None  # function words, clitics ('s, 're), symbols
    return stem(word)


def _units(
    span: Span, entity_of: dict[int, int], linked: set[int], persons: frozenset[int] = frozenset()
) -> list[_Unit]:
    """The sentence's information units, in order: a name groups the tokens of one entity span (or one run of
    proper nouns), so "Kang Kyung-wha" counts once."""
    out: list[_Unit] = []
    name_keys: list[str] = []
    name_id: int | None = None
    name_linked = False

    def close() -> None:
        nonlocal name_keys, name_id, name_linked
        if name_keys:
            person = name_id is not None and name_id in persons
            out.append(_Unit(tuple(name_keys), NAME_WEIGHT, "name", name_linked, person=person))
        name_keys, name_id, name_linked = [], None, False

    for token in span:
        if token.pos_ in _SKIP_POS or token.is_punct or token.is_space:
            if token.i not in entity_of:  # a hyphen inside a name ("Kang Kyung-wha") keeps the name whole
                close()
            continue
        word = token.lower_.replace("’", "'")
        key = f"#{NUMBER_WORDS[word]}" if token.pos_ == "NUM" and word in NUMBER_WORDS else _key(word)
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
                out.append(_Unit((key,), NUMBER_WEIGHT, "number"))
        elif is_name:
            name_keys.append(key)
            name_id = group
            name_linked = name_linked or token.i in linked
        else:
            spec = _specificity(word)
            out.append(_Unit((key,), WORD_WEIGHT * spec**2, "word", specificity=spec))
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


def _sentences(
    articles: Sequence[Article], docs: dict[str, Doc], entities: Sequence[EntityRecord] = ()
) -> list[_Sentence]:
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
            units = _units(span, entity_of, linked, persons)
            out.append(
                _Sentence(
                    a.id, _origin(a), span.start_char, span.end_char, text, claim_of(text), units,
                    frozenset(k for u in units for k in u.keys), _is_statement(span, parsed),
                    span.start_char / max(1, len(a.text)),
                )
            )
    return out


def _furniture(sentences: Sequence[_Sentence]) -> None:
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
        s.furniture = i in repeated or bool(_CAPTION.search(s.text)) or marker_reason(s.text.strip()) is not None


def _link(sentences: Sequence[_Sentence]) -> None:
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


def _carried_in(s: _Sentence, sentences: Sequence[_Sentence], source: str) -> bool:
    return any(v >= CARRIED_SUPPORT and sentences[j].source == source for j, v in s.links.items())


def _restates(a: _Sentence, b: _Sentence) -> bool:
    return support(a.claim, b.claim) >= CARRIED_SUPPORT or support(b.claim, a.claim) >= CARRIED_SUPPORT


def _gain(units: Sequence[_Unit], covered: set[str]) -> float:
    """What the sentence's new units add: each new name or number its weight, content words together at most
    WORDS_CAP (a long sentence is not worth more for its many common words)."""
    named = sum(_value(u) for u in units if u.kind != "word" and not covered.issuperset(u.keys))
    words = sum(u.weight for u in units if u.kind == "word" and not covered.issuperset(u.keys))
    return named + min(WORDS_CAP, words)


def _value(u: _Unit) -> float:
    """A new name or figure's weight; a person's name PERSON_WEIGHT more."""
    return u.weight + (PERSON_WEIGHT if u.person else 0.0)


def _unique(mine: Sequence[_Sentence], others: Sequence[_Sentence], limit: int) -> list[_Sentence]:
    """This source's statements no other carries, ranked greedily by the weight of new information they add."""
    elsewhere: dict[str, int] = {}
    for src in sorted({s.source for s in others}):
        for key in frozenset().union(*(s.terms for s in others if s.source == src)):
            elsewhere[key] = elsewhere.get(key, 0) + 1
    n_others = max(1, len({s.source for s in others}))
    candidates = []
    for s in mine:
        if not s.statement:
            continue
        new = [u for u in s.units if not u.linked and any(k not in elsewhere for k in u.keys)]
        overlap = max(s.links.values(), default=0.0)
        # carried elsewhere: only a new name or figure makes it news here
        if overlap >= CARRIED_SUPPORT and not any(u.kind != "word" for u in new):
            continue
        if overlap < CARRIED_SUPPORT and len(s.claim.stems) < MIN_STEMS and not new:
            continue
        shared = sum(u.specificity * max(elsewhere.get(k, 0) for k in u.keys) / n_others for u in s.units)
        relevance = REL_FLOOR + (1.0 - REL_FLOOR) * min(1.0, shared / REL_FULL)
        candidates.append((s, new, relevance * (1.0 - overlap)))
    chosen: list[_Sentence] = []
    covered: set[str] = set()
    while candidates and len(chosen) < limit:
        best, best_value = -1, (False, 0.0)
        for i, (s, new, factor) in enumerate(candidates):
            value = (not s.furniture, factor * (_gain(new, covered) + STATEMENT_WEIGHT))
            if value[1] > 0 and value > best_value:
                best, best_value = i, value
        if best < 0:
            break
        s, new, _ = candidates.pop(best)
        if any(_restates(s, c) for c in chosen):
            continue  # the source says it twice: one line
        chosen.append(s)
        covered.update(k for u in new for k in u.keys)
    return chosen


@dataclass(frozen=True)
class _Fact:
    """A fact several sources carry, told by ``host`` (a sentence of one of them)."""

    host: _Sentence
    carriers: frozenset[str]
    whole: bool  # the fact is the sentence itself (so a source that carries the sentence has it)
    quotes: frozenset[int]  # the quotations the sentence is part of (its sentences are one fact)
    info: int  # names and figures the sentence gives (at most 2), and 1 when it is a quotation


def _info(s: _Sentence, quoted: bool) -> int:
    return min(2, sum(1 for u in s.units if u.kind != "word")) + int(quoted)


def _omission_facts(
    sentences: Sequence[_Sentence],
    entities: Sequence[EntityRecord],
    quotes: Sequence[QuoteRecord],
    claims: Sequence[ClaimRecord],
) -> list[_Fact]:
    """Every fact several sources carry: a sentence and its restatements; a quotation, a figure or a name, each
    told by the sentence that gives it in one source that carries it."""
    quoted: dict[tuple[str, int], set[int]] = {}
    for i, q in enumerate(quotes):
        for span in q.spans:
            for s in sentences:
                if s.source == span.source and s.start < span.end and span.start < s.end:
                    quoted.setdefault((s.source, s.start), set()).add(i)

    def fact(host: _Sentence, carriers: frozenset[str], whole: bool) -> _Fact:
        quotes = frozenset(quoted.get((host.source, host.start), ()))
        return _Fact(host, carriers, whole, quotes, _info(host, bool(quotes)))

    out: list[_Fact] = []
    for s in sentences:
        if not s.statement or s.furniture or len(s.claim.stems) < MIN_STEMS + 1:
            continue
        carriers = frozenset({s.source} | {sentences[j].source for j, v in s.links.items() if v >= CARRIED_SUPPORT})
        if len(carriers) > 1:
            out.append(fact(s, carriers, True))
    named: list[tuple[frozenset[str], Sequence[TextSpan]]] = [(frozenset(q.sources), q.spans) for q in quotes]
    named += [(frozenset(v.sources), v.spans) for c in claims for v in c.values]
    named += [(frozenset(e.sources), e.spans) for e in entities]
    index: dict[str, tuple[list[int], list[_Sentence]]] = {}
    for s in sorted(sentences, key=lambda x: (x.source, x.start)):
        index.setdefault(s.source, ([], []))
        index[s.source][0].append(s.start)
        index[s.source][1].append(s)
    for carriers, spans in named:
        if len(carriers) < 2:
            continue
        hosts = _hosts(index, spans)
        if hosts:
            # the telling most other carriers share, then the shorter: the name, quotation or figure in the
            # sentence that says what most of them say about it, not in one outlet's aside
            host = max(hosts, key=lambda h: (_shared_by(h, hosts), -len(h.text), h.source, -h.start))
            out.append(fact(host, carriers | {host.source}, False))
    return out


def _hosts(index: dict[str, tuple[list[int], list[_Sentence]]], spans: Sequence[TextSpan]) -> list[_Sentence]:
    """The statements holding the first MAX_HOSTS spans (at most one per source)."""
    out: dict[str, _Sentence] = {}
    for span in spans:
        if len(out) >= MAX_HOSTS:
            break
        if span.source in out or span.source not in index:
            continue
        starts, sentences = index[span.source]
        k = bisect.bisect_right(starts, span.start) - 1
        if k >= 0 and span.start < sentences[k].end and sentences[k].statement and not sentences[k].furniture:
            out[span.source] = sentences[k]
    return list(out.values())


def _shared_by(host: _Sentence, hosts: Sequence[_Sentence]) -> float:
    return sum(support(host.claim, h.claim) for h in hosts if h.source != host.source)


def _same_fact(a: _Fact, b: _Fact) -> bool:
    return a.host is b.host or bool(a.quotes & b.quotes) or _restates(a.host, b.host)


def _omits(
    article: Article, facts: Sequence[_Fact], origin_of: dict[str, str], sentences: Sequence[_Sentence], limit: int
) -> list[_Fact]:
    """What at least ``MAJORITY`` of the other origins carry and this source lacks: most widely carried first,
    then the quotation or the one giving more names and figures, then the one its report tells earlier (news
    puts what matters first); one line per fact."""
    me = origin_of[article.id]
    other_origins = max(1, len({o for o in origin_of.values() if o != me}))
    need = max(2, math.ceil(MAJORITY * other_origins))
    ranked = []
    for f in facts:
        if article.id in f.carriers:
            continue
        origins = {origin_of.get(c, c) for c in f.carriers} - {me}
        if len(origins) < need or (f.whole and _carried_in(f.host, sentences, article.id)):
            continue
        ranked.append(((-len(origins), -f.info, f.host.position, f.host.source, f.host.start), f))
    ranked.sort(key=lambda r: r[0])
    chosen: list[_Fact] = []
    for _, f in ranked:
        if len(chosen) >= limit:
            break
        if not any(_same_fact(f, c) for c in chosen):
            chosen.append(f)
    return chosen


def coverage(
    articles: Sequence[Article],
    docs: dict[str, Doc] | None = None,
    entities: Sequence[EntityRecord] = (),
    quotes: Sequence[QuoteRecord] = (),
    claims: Sequence[ClaimRecord] = (),
    options: CoverageOptions | None = None,
) -> list[CoverageRecord]:
    """Per source: ``unique`` statements only it carries, ``omits`` what most others carry and it lacks; each
    line with its span (``unique_spans`` / ``omits_spans``, in the same order), both lists ranked."""
    options = options or CoverageOptions()
    docs = docs if docs is not None else {a.id: make_doc(a) for a in articles}
    sentences = _sentences(articles, docs, entities)
    _furniture(sentences)
    _link(sentences)
    origin_of = {a.id: _origin(a) for a in articles}
    facts = _omission_facts(sentences, entities, quotes, claims)
    out = []
    for article in sorted(articles, key=lambda a: a.id):
        mine = [s for s in sentences if s.source == article.id]
        others = [s for s in sentences if s.source != article.id]
        ranked = [text_span(docs[s.source], s.start, s.end) for s in _unique(mine, others, len(mine))]
        unique, more = ranked[: options.max_unique], ranked[options.max_unique :]
        omitted = _omits(article, facts, origin_of, sentences, options.max_omits)
        omits = [text_span(docs[f.host.source], f.host.start, f.host.end) for f in omitted]
        out.append(
            CoverageRecord(
                source=article.id,
                unique=[s.text for s in unique],
                omits=[s.text for s in omits],
                unique_spans=unique,
                more_unique=[s.text for s in more],
                more_unique_spans=more,
                omits_spans=omits,
                omits_sources=[sorted(f.carriers) for f in omitted],
            )
        )
    return out
