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
  starters of ``lang/en/sentence_starters.txt``;
- a letter alone ("T" of "T-shaped"), a Roman numeral alone ("XIV" of "the XIV century") or an era
  abbreviation ("CE", "BC"): no name;
- a stock ticker of a quote widget ("TSLA, +5.77%" after "Tesla Inc.'s"): dropped, or cut off the name it
  follows ("Dow Jones Industrial Average DJIA, +3.29%");
- a common English word caught alone out of a title-case phrase or a sentence's first word ("Heart" of
  "Hairdressers at Heart", "Venture capital firm ..."): a one-word non-person mention whose word the
  training corpora write in lower case far more often than capitalised (``common_words.txt``, built by
  training/build_common_words.py) and that the story never writes capitalised on its own mid-sentence;
- the field of a job title before a name ("Education" of "Vice President of Education Fabio Sementilli"), the
  first word of a title-case term cut by the tagger ("Bloodstain" of "Bloodstain Pattern Analysis");
- a section heading of a page ("Kids Services", "Voice Recognition" on lines of their own in a quoted
  policy): a non-person form that some report writes as a whole line and whose first word is such a common
  word;
- a family, not a person: a one-word person mention after "the", plural or before "family" ("the Carsons",
  "the Roberts family").

A person or place name right before a disease noun ("Guillain-Barré syndrome", "West Nile virus")
names the disease (an eponym): it is relabelled MISC.

A demonym the tagger labels ORG or PER and the parse reads as a noun ("American said it would cut fares":
the airline) stays. The parse is optional: :func:`drop_junk` takes a token reader per source, or none.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from corroborate.analyze.entities.lexicon import DEMONYMS, GROUP_ADJECTIVES, PLACE_NAMES
from corroborate.analyze.entities.nodes import Mention
from corroborate.lang.en import COMMON_WORDS, SENTENCE_STARTERS
from corroborate.lang.en.honorifics import TITLE_HEADS

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
# Roman numerals of I, V and X only: "MI", "DC", "MD" are state and city abbreviations.
_ROMAN = re.compile(r"(?=[XVI]{2,})X{0,3}(?:IX|IV|V?I{0,3})")
# Era abbreviations (general knowledge of English dates): "the 14th century CE", "500 BC".
_ERAS = frozenset({"CE", "BCE", "BC", "AD"})
# A quote widget's ticker after a company or index name: "TSLA, +5.77%", "SPX, -0.4%" (MarketWatch style).
_TICKER = re.compile(r"(?:^|\s)(?P<ticker>[A-Z][A-Z0-9.]{0,5})$")
_TICKER_AFTER = re.compile(r",?\s*[+\-\u2212]\d+(?:\.\d+)?%")
_COMMON_WORDS = COMMON_WORDS
# Small words that may sit inside a title-case phrase ("Hairdressers at Heart", "Vice President of Education").
_PHRASE_LINKS = frozenset("of at for the and in on to de".split())
_WORD_BEFORE = re.compile(r"([\w'’.&-]+)[ \u00a0]+$")
_WORD_AFTER = re.compile(r"[ \u00a0]+([\w'’.&-]+)")
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


def _no_name(form: str, label: str) -> bool:
    """A letter alone (not one tagged an organisation: "posted on X"), a Roman numeral alone or an era
    abbreviation."""
    return (len(form) == 1 and label.upper() != "ORG") or form in _ERAS or bool(_ROMAN.fullmatch(form))


def _without_ticker(texts: Mapping[str, str], mention: Mention) -> Mention | None:
    """The mention without a quote widget's ticker at its end; None when it is only the ticker."""
    text = texts[mention.source]
    ticker = _TICKER.search(mention.text)
    if not ticker or not _TICKER_AFTER.match(text, mention.end):
        return mention
    cut = mention.text[:ticker.start("ticker")].rstrip()
    cut = re.sub(r"['’]s?$", "", cut) if cut.endswith(("'s", "’s")) else cut
    if not cut or not any(ch.isupper() for ch in cut):
        return None
    return Mention(mention.source, mention.start, mention.start + len(cut), cut, mention.label)


def _in_phrase(text: str, start: int, end: int) -> bool:
    """Is the word at [start, end) a sentence's first word, part of a hyphenated compound or next to another
    capitalised word (across one small linking word: "Hairdressers at Heart")?"""
    if sentence_initial(text, start) or text[end:end + 1] == "-" or text[start - 1:start] == "-":
        return True
    if text[max(0, start - 4):start].rstrip()[-1:] in ("-", "–", "—"):
        return True  # after a dateline's dash: "SAN FRANCISCO (Reuters) - Venture capital firm"
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if before and before.group(1).lower() in _PHRASE_LINKS:
        before = _WORD_BEFORE.search(text, max(0, before.start() - 40), before.start())
    after = _WORD_AFTER.match(text, end)
    if after and after.group(1).lower() in _PHRASE_LINKS:
        after = _WORD_AFTER.match(text, after.end())
    return any(m is not None and m.group(1)[:1].isupper() for m in (before, after))


_TITLE_OF = re.compile(r"\b(" + "|".join(sorted(w.capitalize() for w in TITLE_HEADS)) + r") of $")
_CAPITALISED_AFTER = re.compile(r"(?:[ \u00a0]([A-Z][a-z]+))+")


def _title_part(texts: Mapping[str, str], mention: Mention) -> bool:
    """A one-word non-person span that is the field of a job title before a name ("Vice President of
    Education Fabio Sementilli", "Director of Marketing Ilse Marrak"), or the first word of a term written in
    title case the tagger cut ("Bloodstain" of "Bloodstain Pattern Analysis": two capitalised common words
    after it)."""
    if mention.label.upper() == "PER" or " " in mention.text.strip():
        return False
    text = texts[mention.source]
    after = _CAPITALISED_AFTER.match(text, mention.end)
    if after and _TITLE_OF.search(text, max(0, mention.start - 30), mention.start):
        return True
    words = after.group().split() if after else []
    return len(words) >= 2 and all(w.lower() in _COMMON_WORDS for w in words)


def _common_fragments(texts: Mapping[str, str], mentions: Sequence[Mention]) -> set[str]:
    """One-word non-person mentions that are common English words the story never writes alone as a name."""
    words = {m.text for m in mentions if m.label.upper() != "PER" and m.text.isalpha() and not m.text.isupper()
             and m.text[:1].isupper() and m.text.lower() in _COMMON_WORDS}
    out = set()
    for word in sorted(words):
        pattern = re.compile(r"(?<![\w-])" + re.escape(word) + r"(?![\w])")
        if all(_in_phrase(text, m.start(), m.end()) for text in texts.values() for m in pattern.finditer(text)):
            out.add(word)
    return out


def _headings(texts: Mapping[str, str], mentions: Sequence[Mention]) -> set[str]:
    """Non-person forms of two words or more in title case written as a whole line, opening with a common
    word."""
    out = set()
    for m in mentions:
        words = m.text.split()
        if (m.label.upper() == "PER" or len(words) < 2 or words[0].lower() not in _COMMON_WORDS
                or not words[0][:1].isupper()  # "the Orsk" on a line of its own is a name, not a heading
                or not all(w[:1].isupper() or w in _PHRASE_LINKS for w in words)):
            continue  # a title-case line only
        text = texts[m.source]
        line_start = text.rfind("\n", 0, m.start) + 1
        line_end = text.find("\n", m.end)
        if not text[line_start:m.start].strip() and not text[m.end:len(text) if line_end < 0 else line_end].strip():
            out.add(m.text)
    return out


# Nouns after an eponym or a place that make the name a disease's ("Lyme disease", "Zika virus").
_DISEASE_AFTER = re.compile(r"['’]?s?[ \u00a0](?:[Ss]yndrome|[Dd]isease|[Vv]irus|[Ff]ever|[Pp]alsy|[Dd]isorder)\b")
_FAMILY_BEFORE = re.compile(r"\b[Tt]he[ \u00a0]$")
_FAMILY_AFTER = re.compile(r"[ \u00a0](?:family|families|clan|household)\b")


def _relabel_eponym(texts: Mapping[str, str], mention: Mention) -> Mention:
    """The disease's mention (MISC), with its noun when capitalised as part of the name ("Guillain-Barré
    Syndrome")."""
    text = texts[mention.source]
    after = _DISEASE_AFTER.match(text, mention.end)
    if mention.label.upper() not in ("PER", "LOC") or not after:
        return mention
    noun = text[after.start():after.end()].split()[-1]
    end = after.end() if noun[:1].isupper() else mention.end
    return Mention(mention.source, mention.start, end, text[mention.start:end], "MISC")


def _family(texts: Mapping[str, str], mention: Mention) -> bool:
    """ "the Carsons", "the Roberts family": a one-word person span after "the", in the plural or before
    "family", names a family."""
    text = texts[mention.source]
    return (mention.label.upper() == "PER" and " " not in mention.text.strip()
            and bool(_FAMILY_BEFORE.search(text, max(0, mention.start - 5), mention.start))
            and (mention.text.endswith("s") or bool(_FAMILY_AFTER.match(text, mention.end))))


def drop_junk(texts: Mapping[str, str], mentions: Sequence[Mention],
              syntax: SyntaxReader | None = None) -> list[Mention]:
    """The mentions without nationality words and sentence-capitalised common words (see module docstring)."""
    unticked = [_relabel_eponym(texts, m) for m in (_without_ticker(texts, m) for m in mentions)
                if m is not None and not _family(texts, m) and not _title_part(texts, m)]
    fragments = _common_fragments(texts, unticked) | _headings(texts, unticked)
    kept = _trim_openers(texts, [m for m in unticked if not _nationality(m, syntax)
                                 and not _PARTY_STATE.fullmatch(m.text.strip())
                                 and _form(m.text) not in SENTENCE_STARTERS
                                 and not _PRONUNCIATION.search(m.text)
                                 and not _no_name(_form(m.text), m.label) and m.text not in fragments])
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
