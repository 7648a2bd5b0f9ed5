"""Tagger mentions that name no entity of the story, dropped before linking.

- nationality, faith and affiliation words ("Syrian", "Israelis", "Islamist", "South African"): a demonym or
  group word of :mod:`corroborate.lang.en` data tagged MISC, or plural (people, not an entity), or used as an
  adjective before a noun (the parse says ``amod`` of a noun after it); a one-word "-ans"/"-ers" plural tagged
  MISC ("Pennsylvanians"); hyphenated adjective compounds of them ("Israeli-Palestinian", "U.S.-funded");
- common words capitalised by the sentence ("Lion", "Ghost"): a one-word mention that is tagged only at the start
  of a sentence in the whole story while the same word is written in lower case somewhere in it; such a word
  opening a longer name the story also writes without it is cut off ("Little Carter Roberts");
- a legislator's party and state tag ("D-Mass.", "R-Ala");
- a pronunciation guide ("joh-HAHR");
- a function word or sentence adverb alone ("After" of "LOS ANGELES--After more than a year"): the sentence
  starters of ``lang/en/sentence_starters.txt``.

A demonym the tagger labels ORG or PER and the parse reads as a noun ("American said it would cut fares":
the airline) stays. The parse is optional: :func:`drop_junk` takes a token reader per source, or none.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from corroborate.analyze.entities.lexicon import DEMONYMS, GROUP_ADJECTIVES, PLACE_NAMES
from corroborate.analyze.entities.nodes import Mention
from corroborate.lang.en import SENTENCE_STARTERS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# Whether the last token of a character span (source, start, end) modifies a noun after it (``amod`` with a
# nominal head to its right); None where the report has no parse there.
SyntaxReader = Callable[[str, int, int], "bool | None"]

_PEOPLE_WORDS = frozenset(DEMONYMS) | GROUP_ADJECTIVES
_SENTENCE_END = frozenset(".!?\"“”‘’'\n:;•*")
_LOWER_WORD = re.compile(r"(?<![\w-])([a-z][a-z'’-]+)(?![\w-])")
_PART = re.compile(r"[-–]")
_PEOPLE_PLURAL = re.compile(r"[A-Z][a-z]+(?:ans|ians|ers)")
# A legislator's party and state as U.S. reports write them after the name ("D-Mass.", "R-Pa"): no entity.
_PARTY_STATE = re.compile(r"[DRI][-–][A-Z][A-Za-z]{1,4}\.?")
# A pronunciation guide, "(joh-HAHR tsahr-NEYE'-ehv)": syllables joined by hyphens, the stressed one in capitals.
_PRONUNCIATION = re.compile(
    r"(?<![\w'’])(?!(?:anti|non|post|pre|mid|neo|pro|ex|pan|sub|multi|inter|trans|ultra|semi)-)[a-z'’]{2,}-[A-Z'’]{2,}"
    r"(?![a-z])")  # not a prefix before initials: "anti-NATO", "ex-CIA"
_NOMINAL = frozenset({"NOUN", "PROPN", "NUM"})
_TITLE_POS = frozenset({"NOUN", "PROPN", "ADJ"})


def _form(text: str) -> str:
    """The span's words without a possessive ending or a leading "the" ("The Russian embassy")."""
    return re.sub(r"^[Tt]he\s+", "", re.sub(r"['’]s?$", "", " ".join(text.split())))


def _people_word(form: str) -> bool:
    """A demonym or group word, or a hyphenated compound of them and lower-case words ("U.S.-funded")."""
    if form in _PEOPLE_WORDS:
        return True
    words = [p for w in form.split() for p in _PART.split(w) if p]
    if len(form.split()) >= 2 and all(w in _PEOPLE_WORDS for w in form.split()):
        return True  # "Canadian Jewish", "Hasidic Jews": adjectives and nouns of people
    if len(words) < 2 or not any(_PART.search(w) for w in form.split()):
        return False
    known = [w in _PEOPLE_WORDS or w in PLACE_NAMES or w.rstrip(".") in PLACE_NAMES for w in words]
    lower = [w[:1].islower() for w in words]
    return all(k or low for k, low in zip(known, lower, strict=True)) and (any(lower) or any(
        w in _PEOPLE_WORDS for w in words))


def _adjective(mention: Mention, syntax: SyntaxReader | None) -> bool:
    """Does the parse read the mention as an adjective before a noun ("Syrian rebels")? False without one."""
    parsed = syntax(mention.source, mention.start, mention.end) if syntax else None
    return bool(parsed)


def _nationality(mention: Mention, syntax: SyntaxReader | None) -> bool:
    form = _form(mention.text)
    if mention.label.upper() == "MISC" and _PEOPLE_PLURAL.fullmatch(form):
        return True  # "Pennsylvanians", "Floridians": the people of a place
    if not _people_word(form):
        return False
    if mention.label.upper() in ("MISC", "LOC") or form not in _PEOPLE_WORDS or form.endswith("s"):
        return True  # a people word tagged a place ("Tuareg rebels", "The Russian Embassy"): its place has a name
    return _adjective(mention, syntax)


def sentence_initial(text: str, start: int) -> bool:
    """Does the word at ``start`` open a sentence (or a line, or a quotation)?"""
    before = text[max(0, start - 8):start].rstrip(" \t\u00a0")
    return not before or before[-1] in _SENTENCE_END


def drop_junk(texts: Mapping[str, str], mentions: Sequence[Mention],
              syntax: SyntaxReader | None = None) -> list[Mention]:
    """The mentions without nationality words and sentence-capitalised common words (see module docstring)."""
    kept = _trim_openers(texts, [m for m in mentions if not _nationality(m, syntax)
                                 and not _PARTY_STATE.fullmatch(m.text.strip())
                                 and _form(m.text) not in SENTENCE_STARTERS
                                 and not _PRONUNCIATION.search(m.text)])
    single = [m for m in kept if len(m.text.split()) == 1 and m.text.isalpha() and not m.text.isupper()]
    mid_sentence = {m.text for m in single if not sentence_initial(texts[m.source], m.start)}
    candidates = {m.text for m in single} - mid_sentence
    if not candidates:
        return kept
    lower = {w.lower() for w in candidates}
    written_lower = {m.group(1) for text in texts.values() for m in _LOWER_WORD.finditer(text)
                     if m.group(1) in lower}
    common = {w for w in candidates if w.lower() in written_lower}
    return [m for m in kept if m.text not in common]


def _trim_openers(texts: Mapping[str, str], mentions: list[Mention]) -> list[Mention]:
    """A sentence-opening common word cut off a name the story also writes without it ("Little Carter Roberts,
    of Chesterfield" when "Carter Roberts" is tagged elsewhere with the same label and "little" is written in
    lower case)."""
    forms = {(" ".join(m.text.split()), m.label) for m in mentions}
    out = []
    for m in mentions:
        first, _, rest = m.text.partition(" ")
        rest = rest.lstrip()
        if ((rest, m.label) in forms and " " in rest and sentence_initial(texts[m.source], m.start) and first.isalpha()
                and re.search(r"(?<![\w-])" + re.escape(first.lower()) + r"(?![\w-])", " ".join(texts.values()))):
            start = m.end - len(rest)
            m = Mention(m.source, start, m.end, texts[m.source][start:m.end], m.label)
        out.append(m)
    return out


class DocSyntax:
    """A :data:`SyntaxReader` over parsed Docs (by source id): called, it says whether a span's last token is an
    adjective before a noun; :meth:`nominal` says whether a word is tagged a noun, proper noun or adjective
    (None where a Doc has no parse)."""

    def __init__(self, docs: Mapping[str, Doc]) -> None:
        self._docs = docs

    def _span(self, source: str, start: int, end: int) -> Span | None:
        doc = self._docs.get(source)
        if doc is None or not doc.has_annotation("DEP"):
            return None
        span = doc.char_span(start, end, alignment_mode="expand")
        return span if span is not None and len(span) else None

    def __call__(self, source: str, start: int, end: int) -> bool | None:
        span = self._span(source, start, end)
        if span is None:
            return None
        token = span[-1]
        return token.dep_ == "amod" and token.head.i > token.i and token.head.pos_ in _NOMINAL

    def nominal(self, source: str, start: int, end: int) -> bool | None:
        """Is the word at this span a noun, proper noun or adjective ("coup" in "coup leader"; not "recognize")?"""
        span = self._span(source, start, end)
        return None if span is None else span[-1].pos_ in _TITLE_POS


def doc_syntax(docs: Mapping[str, Doc]) -> DocSyntax:
    """A :data:`SyntaxReader` over parsed Docs (by source id); None where a Doc has no parse."""
    return DocSyntax(docs)
