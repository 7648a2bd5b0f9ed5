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
from ...document import Item, doc_text, layer, make_doc, write_layer
from ...model import Article, ComponentError
from ...records import (
    ClaimRecord,
    CoverageRecord,
    EntityRecord,
    QuoteRecord,
    StoryAnalysis,
    TextSpan,
    TimelineEntry,
)
from ..entities import Entity, Mention, link_entities
from ..entities.junk import doc_syntax
from ..entities.ner import load_tagger
from ..syntax import parse
from .assemble import claim_records, entity_records, quote_records
from .coverage import coverage
from .timeline import build_timeline

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


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
    no_spans: list[TextSpan] = []
    fragments = guarded("syntax", None, sink, partial(fragment_sentences, docs), no_spans)
    return StoryAnalysis(entities=entity_recs, quotes=quotes, claims=claims, timeline=timeline, coverage=covered,
                         fragments=fragments)


# Dependents that give a clause its subject (UD relations; "expl": "There were ..."). A sentence whose root
# has none of them is a caption ("Rangers at the park gate on Monday."), a label, a list item or an
# imperative, not a statement of the report.
_SUBJECTS = frozenset({"nsubj", "nsubj:pass", "csubj", "csubj:pass", "expl", "nsubj:outer"})


# A subject that points back at an earlier sentence: a personal or demonstrative pronoun; a noun with a
# demonstrative ("These officials", "That decision"); or a definite description of someone the report has
# just named, the news pattern "The man ...", "The 3-year-old male lion ...". The last is kept to generic
# nouns for a person or animal (general news usage): "The government", "the attack", "the interior
# minister" read fine in a story's summary.
_BACK_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "this", "that", "these", "those", "him", "her", "them"})
_DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
_POSSESSIVES = frozenset({"his", "her", "their", "its", "our", "my"})
_GENERIC_BEINGS = frozenset({
    "man", "men", "woman", "women", "boy", "boys", "girl", "girls", "child", "children", "baby", "toddler",
    "teen", "teens", "teenager", "teenagers", "person", "people", "couple", "pair", "victim", "victims",
    "suspect", "suspects", "gunman", "attacker", "driver", "passenger", "mother", "father", "son", "daughter",
    "husband", "wife", "family", "animal", "animals", "lion", "dog", "cat", "bear", "shark", "leopard", "tiger",
})
# Dependents of a subject noun that name what it is ("the policy of Acme Corp", "the 2019 outbreak in Lima",
# "the group's spokesman, Kerem Adiv"): a proper noun there anchors the description.
_ANCHORS = frozenset({"nmod", "nmod:poss", "appos", "flat", "acl"})


def _leans_back(subject: Token, *, pronouns: bool = True) -> bool:
    if subject.pos_ == "PRON":
        return pronouns and subject.lower_ in _BACK_PRONOUNS
    if subject.pos_ != "NOUN":
        return False
    if any(c.dep_ in _ANCHORS and any(t.pos_ == "PROPN" for t in c.subtree) for c in subject.children):
        return False
    # a superlative or ordinal makes the description unique ("the most important person", "the first man")
    if any("Sup" in c.morph.get("Degree", []) or c.lower_ == "most" or "Ord" in c.morph.get("NumType", [])
           or any(g.lower_ == "most" for g in c.children) for c in subject.children):
        return False
    dets = [c.lower_ for c in subject.children if c.dep_ in ("det", "nmod:poss")]
    if any(d in _DEMONSTRATIVES or d in _POSSESSIVES for d in dets):
        return True
    return "the" in dets and subject.lower_ in _GENERIC_BEINGS


def _main_subject_leans_back(root: Token, subject: Token) -> bool:
    """Does the sentence's subject point back? In reported speech ("Repairs begin in July, the ministry
    said.") the statement is the reported clause: its subject is judged as a description (a pronoun there
    usually is the speaker: "Police said they ..."); the attribution's subject only when it is a bare pronoun
    (", he said"), since "the ministry said" is how news attributes."""
    reported = next((c for c in root.children if c.dep_ in ("ccomp", "parataxis")), None)
    if reported is None:
        return _leans_back(subject)
    if subject.pos_ == "PRON" and subject.lower_ in _BACK_PRONOUNS:
        return True
    inner = next((c for c in reported.children if c.dep_ in _SUBJECTS), None)
    return inner is not None and _leans_back(inner, pronouns=False)


# Clause relations of a subordinate clause: a finite verb inside one ("a game where players can steer")
# does not make the sentence a statement.
_SUBORDINATE = frozenset({"acl", "acl:relcl", "advcl", "ccomp", "csubj", "xcomp"})


def _no_clause(sent: Span) -> bool:
    """No finite verb outside a subordinate clause (the tagger's VerbForm=Fin: the parse can miss a subject
    the tagger still sees), or an imperative opening the sentence ("Play with twenty kittens."): tagged
    imperative, or a verb heading the sentence from its first word with no subject (an English statement has
    one; the tagger often reads a sentence-initial base form as indicative)."""
    first = next((t for t in sent if not t.is_punct), None)
    if first is not None and "Imp" in first.morph.get("Mood", []):
        return True
    if (first is not None and first.pos_ == "VERB" and (first.head.i == first.i or first.dep_ == "ROOT")
            and not any(c.dep_ in _SUBJECTS for c in first.children)):
        return True
    for t in sent:
        if "Fin" in t.morph.get("VerbForm", []):
            clause = t.head if t.dep_.startswith(("aux", "cop")) else t
            if clause.dep_ not in _SUBORDINATE or _unmarked_relative(clause):
                return False
    return True


_RELATIVE_WORDS = frozenset({"that", "who", "whom", "whose", "which", "where", "when", "why"})


def _unmarked_relative(clause: Token) -> bool:
    """A finite relative clause with no relative word or subordinator ("firm Acme filed papers" read as "firm
    [that] Acme filed"): in news such a reading is usually the parser's, the verb being the main one."""
    if clause.dep_ not in ("acl", "acl:relcl"):
        return False
    return not any(c.dep_ == "mark" or c.lower_ in _RELATIVE_WORDS for c in clause.subtree if c.i < clause.i)


def _opening_subject_leans_back(sent: Span) -> bool:
    """The sentence opens with the subject of some clause that leans back ("The boy is among ..." where the
    parse made another word the root's subject)."""
    first = next((t for t in sent if not t.is_punct), None)
    if first is None or first.dep_ != "det":
        return False
    head = first.head
    return head.dep_ in _SUBJECTS and head.i < first.i + 4 and _leans_back(head, pronouns=False)


# Singular personal pronouns need a named antecedent ("The government said his death was unrelated"): read
# before any name in the sentence, they point at someone the report named earlier. (Plural "they" often
# points back at a group named by a common noun in the same sentence: "Police said they ...".)
_PERSON_PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})


def _person_before_name(sent: Span) -> bool:
    for t in sent:
        if t.pos_ == "PROPN":
            return False
        if t.lower_ in _PERSON_PRONOUNS and t.pos_ in ("PRON", "DET"):
            return True
    return False


def fragment_sentences(docs: dict[str, Doc]) -> list[TextSpan]:
    """Every sentence of a parsed Doc that cannot be read on its own: its root has no subject (see
    ``_SUBJECTS``), the main subject leans on an earlier sentence (see ``_leans_back``), or a pronoun for a
    person comes before any name (``_person_before_name``). Unparsed Docs give none (nothing is taken from a
    sentence the parser did not read)."""
    out: list[TextSpan] = []
    for source, doc in docs.items():
        if not doc.has_annotation("DEP"):
            continue
        text = doc_text(doc)
        for sent in doc.spans["sentences"]:
            # the sentence's roots: tokens headed by themselves or by a token outside it (the layer's
            # sentences need not match the parser's own)
            roots = [t for t in sent if t.head.i == t.i or not sent.start <= t.head.i < sent.end]
            subjects = [(root, child) for root in roots for child in root.children if child.dep_ in _SUBJECTS]
            # A subject without a finite verb outside a subordinate clause is a caption or a list item too
            # ("Carter Roe and his sisters before he was diagnosed.", "River rafting with players who paddle.").
            if (_no_clause(sent) or (subjects and _main_subject_leans_back(*subjects[0]))
                    or _opening_subject_leans_back(sent) or _person_before_name(sent)):
                out.append(TextSpan(source=source, start=sent.start_char, end=sent.end_char,
                                    text=text[sent.start_char : sent.end_char]))
    return out
