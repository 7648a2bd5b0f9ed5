"""Numeric claims in news text ("at least 12 people were killed, police said") and their reconciliation.

Contract. :func:`find_numbers` reads a report's text, its sentence spans and, when given, its parsed spaCy
``Doc`` (UD POS and dependencies; without one the text is tokenized and parsed here) and returns
:class:`NumberMention` records: every quantity phrase that is not a date, time, age, year, ordinal, phone
number or label (the masks of :mod:`.spans`), with its range, unit, what it counts (``measure``), a short
readable ``subject``, its ``scope`` ("story" or "background", :mod:`.scope`), who the report says gave it
(``attributed_to``) and its clause's content words. :func:`group_claims` reads ``(source id, NumberMention)``
pairs (and, optionally, each source's publication date) and returns :class:`ClaimGroup` records. Writes nothing
on its inputs.

Measures. The event measures of the lexicon (:mod:`corroborate.lang.en.measures`: killed, wounded, arrested,
displaced, ...; turnout and vote share for percentages) keep their canonical names. Every other number takes an
open measure from the dependency parse (:mod:`.tree`): the counted noun as written ("lanes", "tests", "miles",
"percent"), or the governing verb when there is no noun; its subject is the noun with its modifiers, the "of"
noun and the predicate ("boarding lanes", "employees fired", "percent of wins affirmed"). A sum of money has
measure "money", its currency as ``unit`` and as subject what the money is ("jail bond", "price", "penalties",
"valued"), so two different sums never meet in one group.

Range conventions (every range below depends on them):

* Exact figures: "62", "sixty-two", "1,200", "1 200", "1.2 million", "a dozen", "three dozen" -> (N, N).
* "more than / over / upwards of / at least / in excess of N" -> (N, None). "More than N" keeps N (not
  N+1): news figures are rounded, and an inclusive bound means "more than 60" never conflicts with 60.
* "up to / at most / as many as / fewer than / less than / under N" -> (0, N), N inclusive.
* "about / around / some / roughly / approximately / an estimated / N or so", "nearly / almost / close to /
  just under N" and "just over N" -> (N, N) with ``approx`` True: the value the report gives, as a reader
  records it. The tolerance t = max(10% of N, 2) (``APPROX_REL``, ``APPROX_MIN_ABS``, ``tolerance`` in
  ``claims.spans``) applies only where compatibility is decided: an approximate N stands for N +/- t when
  values are grouped by equal range and when a dispute is checked ("about 60" and 64 agree).
* "between N and M", "N to M", "N-M", "N or M" -> (N, M). "rose from 12 to 62": 12 is an earlier figure, dropped.
* Vague plurals take their literal lower bound with an open top: dozens (24, None), scores (40, None),
  hundreds (200, None), thousands (2,000, None), tens of thousands (20,000, None), millions (2,000,000, None);
  "several/a few <unit>" -> (2 unit, 10 unit).

Grouping. Mentions join one claim when their key agrees: the event measure and canonical subject (generic
subjects such as "people" count as none), or for open measures the stemmed counted noun (with the predicate when
the noun is generic: "people", "percent", "times"), the unit and the scope (background figures by their time
marker). Inside a key, open-measure mentions join when they give the same range (an approximate figure: within its
tolerance), or when they are said of the same thing: the same ``frame`` (stemmed modifiers, "of" noun,
predicate, rate) and clauses sharing enough content words (:data:`GROUP_SIMILARITY`), or nearly the same
number-masked clause with no clashing predicate or rate ("rockets fired" never joins "rockets hit"). A rate
("30 miles a day", "$15 an hour") is its own measure; "for 30 minutes" after a sum is the duration of a price,
not what is priced. A fraction before "of"/"the" ("a third of the country", "half the town") is a "share" of
that noun (unit "fraction", 0.33 / 0.5 / 0.67 ...). Equal ranges (and equal ``approx``) make one value
carrying every source.

Speakers. An attribution is kept only as a name or a role noun phrase ("police", "the company", "the CDC"),
grown to the whole PER/ORG entity it cuts into; a phrase without a noun ("you personally") or a bare
abbreviation ("Mo.") gives None.

Disputes (precision first). A group is ``disputed`` only when two values from DIFFERENT outlets (no outlet gives
both) cannot both be true (their ranges share no point), of the same scope, with a subject, and, for open
measures, clauses similar enough (:data:`DISPUTE_SIMILARITY`). Values of one outlet never dispute each other. When
the measure is cumulative (killed, wounded, arrested, cases, ...) and the later report (``published``) gives the
larger count, or a clause marks a running tally ("so far", "as of", "to date"), the difference is an update
(``ClaimGroup.updates``), not a dispute.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from corroborate.analyze.claims.attribution import find_speakers, speaker_for
from corroborate.analyze.claims.context import read_sentence
from corroborate.analyze.claims.lexicon import (
    MEASURE_GENERIC_SUBJECTS,
    RIGHT_TRIGGERS,
    SUBJECTS,
    TENS,
    UNITS,
    subject_group,
)
from corroborate.analyze.claims.scope import has_time_words, other_event_marker, scope_of
from corroborate.analyze.claims.spans import find_phrases, tolerance
from corroborate.analyze.claims.syntax_attribution import speaker_span
from corroborate.analyze.claims.tree import TreeReading, clause_tokens, phrase_tokens, read_tree, stem
from corroborate.lang.en.measures import (
    CALENDAR_NAMES,
    EMERGENCY_NUMBERS,
    EVENT_PREDICATES,
    HYPHEN_UNITS,
    MONEY_NOUNS,
    PRICE_UNITS,
    PRICE_VERBS,
    TIME_UNITS,
)
from corroborate.unionfind import DisjointSet

if TYPE_CHECKING:
    import datetime as dt

    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

__all__ = ["ClaimGroup", "ClaimValue", "NumberMention", "canonical_subject", "find_numbers", "group_claims"]

# Content-word overlap (|A & B| / min(|A|, |B|)) of two number-masked clauses.
GROUP_SIMILARITY = 0.34  # open-measure mentions with different values join one claim at or above this
DISPUTE_SIMILARITY = 0.4  # ... and may dispute only at or above this Jaccard overlap of their clauses
EVENT_DISPUTE_SIMILARITY = 0.0  # event measures (the story's own toll): the key suffices
# Measures that only grow as a story unfolds: a later, larger count is an update.
CUMULATIVE = frozenset({"killed", "wounded", "casualties", "arrested", "displaced", "cases", "hospitalised",
                        "missing", "rescued", "affected", "destroyed", "damaged", "abducted", "violations"})
# Counted nouns too generic to name a claim alone: the predicate joins them in the key.
GENERIC_NOUNS = frozenset({"people", "persons", "others", "percent", "times", "ones", "individuals", "more",
                           "those", "them", "each", "all", "some", "many", "most", "half", "part", "number",
                           "total", "lot", "kinds", "types", "ways",
                           # units of time and measure: "25 years", "12 days", "30 miles" name no claim alone
                           "years", "year", "months", "month", "weeks", "week", "days", "day", "hours", "hour",
                           "minutes", "minute", "seconds", "decades", "miles", "mile", "km", "kilometres",
                           "kilometers", "metres", "meters", "feet", "foot", "inches", "pounds", "kg", "tons",
                           "tonnes", "degrees", "points", "per", "cent"})
# Words before a counted noun that make the figure a part of a larger count ("the first two groups",
# "including five children", "another 30"): a part never disputes a whole.
_PART_WORDS = frozenset({"first", "last", "top", "other", "another", "additional", "remaining", "further",
                         "more", "including", "among", "besides", "extra", "new", "latest", "final"})
_RUNNING = re.compile(r"\b(?:so\s+far|as\s+of|to\s+date|this\s+year|thus\s+far|up\s+to\s+now|until\s+now)\b", re.I)
_ONE_WORDS = frozenset({"one", "a", "an", "single"})
_STOP_EXTRA = frozenset({"said", "says", "say", "told", "according", "reported", "also", "would", "could",
                         "percent", "million", "billion", "thousand", "hundred"})


@dataclass(frozen=True)
class NumberMention:
    """One number mention: a quantity phrase span on the article text with its range and reading.

    ``scope``: "story" or "background" (``scope_marker``: the time expression that makes it background);
    ``unit``: a currency code for money, else the counted unit noun when the measure is open; ``key``: the group
    key (see the module docstring); ``clause``: content words of its number-masked clause; ``open_measure``:
    True when the measure comes from the parse, not the event lexicon; ``running``: its clause marks a running
    tally ("so far", "as of"); ``partial``: a part of a larger count ("including five children", "the first
    two groups"); ``places``: the place names (LOC entities) of its clause, lowercased; ``predicate``: the verb or
    noun the parse says governs it, as written ("injured", "dead"); ``approx``: the report gives the figure as
    approximate ("about 60", "nearly 200": low = high = N, see the module docstring); ``frame``: the stemmed
    modifiers, "of" noun, predicate and rate unit of an open-measure figure, which must agree for two different
    values of one counted noun to be one claim ("boarding lanes" vs "lanes closed").
    """

    start: int
    end: int
    text: str
    low: float | None
    high: float | None
    measure: str
    subject: str | None
    attributed_to: str | None
    attribution_span: tuple[int, int] | None
    sentence: tuple[int, int]
    unit: str | None = None
    scope: str = "story"
    scope_marker: str | None = None
    key: tuple[str, ...] = ()
    clause: frozenset[str] = frozenset()
    open_measure: bool = False
    running: bool = False
    partial: bool = False
    places: frozenset[str] = frozenset()
    predicate: str | None = None
    approx: bool = False
    frame: tuple[str, ...] = ()


def _check_spans(text: str, sentences: Sequence[tuple[int, int]]) -> None:
    for start, end in sentences:
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"sentence span ({start}, {end}) is outside a text of length {len(text)}")


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | _STOP_EXTRA


def parsed_doc(text: str, sentences: Sequence[tuple[int, int]]) -> Doc | None:
    """``text`` tokenized and parsed with the project's model, sentences as given (for callers without a Doc)."""
    from corroborate.analyze.syntax import parse

    doc = _blank().make_doc(text)
    starts = {s for s, _ in sentences}
    for token in doc:
        token.is_sent_start = token.i == 0 or token.idx in starts
    try:
        parse([doc])
    except (OSError, ValueError):  # no model shipped: read without trees
        return None
    return doc


@lru_cache(maxsize=1)
def _blank() -> Language:
    import spacy

    return spacy.blank("en")


_BRACKET_SHARE = re.compile(
    r"(?:\d|\b(?:" + "|".join(sorted(UNITS, key=len, reverse=True) + sorted(TENS, key=len, reverse=True))
    + r"))\s*[(\[]\s*$", re.IGNORECASE)
_PERCENT_TEXT = re.compile(r"%|\bper\s*cent\b|\bpercent\b", re.IGNORECASE)
_ALL_BUT = re.compile(r"\ball\s+but\s+$", re.IGNORECASE)
_CONVERSION = re.compile(
    r"(?:[$€£¥₹]\s?[\d.,]+|[\d.,]+\s?(?:dollars|euros|pounds))\s*(?:[mbk]n?|million|billion)?\s*\(\s*$",
    re.IGNORECASE)
_OVER_PERIOD = re.compile(r"over\s", re.IGNORECASE)
_TIME_AFTER = re.compile(r"[\s-]+(?:years?|months?|weeks?|days?|decades?|hours?)\b", re.IGNORECASE)
_ADDRESS_BLOCK = re.compile(r"\s+block\b", re.IGNORECASE)
_LETTER_HYPHEN = re.compile(r"[A-Za-z]-$")


def _names_a_thing(text: str, start: int, end: int, doc: Doc | None) -> bool:
    """Is the number at [start, end) part of a name or an identifier, not a quantity? A model or route
    number after its name ("Xbox 360", "Porsche 911", "I-95": the parse's flat/compound after the head, or
    letters and a hyphen before it), a number modifying a noun as a compound ("a 911 dispatcher"), or a
    street address ("the 5000 block of Elm Road", US news usage); in digits alone, an emergency number ("called
    911"), a number right after a name ("Kinect for Xbox 360") or before a singular noun ("a 911 dispatcher")."""
    if _LETTER_HYPHEN.search(text[max(0, start - 2) : start]) or _ADDRESS_BLOCK.match(text, end):
        return True
    if doc is None:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    # the number's own attachment: a token of the phrase whose head lies outside it ("1 300" is one number)
    numbers = [t for t in span if (t.like_num or t.pos_ == "NUM") and not span.start <= t.head.i < span.end]
    if not numbers:
        return False
    last = numbers[-1]
    if last.dep_ in ("flat", "compound") and last.head.i < last.i and last.head.pos_ in ("PROPN", "NOUN"):
        return True
    if _bare_digits(span) and (_emergency_number(last) or _after_name(span) or _before_singular(span, last)):
        return True
    if last.dep_ != "compound" or last.head.pos_ != "NOUN" or span.text[:1].isalpha():
        return False
    # a number before a noun it does not count: the noun phrase's head is singular ("a 911 dispatcher"),
    # where a count above one takes a plural ("the 62 inmates", "15 jerry cans")
    head = last.head
    while head.dep_ == "compound" and head.head.i > head.i:
        head = head.head
    value = last.text.replace(",", "")
    return value.isdigit() and int(value) > 1 and "Sing" in head.morph.get("Number", [])


def _bare_digits(span: Span) -> bool:
    """The phrase is a figure in digits alone ("911", "360"), no quantifier or scale word ("about 900")."""
    return len(span) == 1 and span[0].text.replace(",", "").isdigit()


def _emergency_number(token: Token) -> bool:
    """An emergency telephone number ("called 911", "all 911 centers"), unless it counts people ("112 people")."""
    if token.text not in EMERGENCY_NUMBERS:
        return False
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return nxt is None or nxt.lower_ not in SUBJECTS


def _after_name(span: Span) -> bool:
    """A model or series number right after the capitalized name it belongs to ("Xbox 360 was designed",
    "a Porsche 911 Carrera", "County 911 Shift"): the word before is a proper noun inside the sentence, not a day
    or month name, and no plural noun follows that the number could count ("Reuters 12 people" is not read)."""
    doc = span.doc
    if span.start == 0 or span[0].is_sent_start:
        return False
    before = doc[span.start - 1]
    if before.pos_ != "PROPN" or not before.text[:1].isupper() or before.lower_.rstrip(".") in CALENDAR_NAMES \
            or before.whitespace_ != " ":
        return False
    nxt = doc[span.end] if span.end < len(doc) else None
    return not (nxt is not None and nxt.pos_ == "NOUN" and "Plur" in nxt.morph.get("Number", []))


# Units a figure may measure while written before a singular noun ("a 45 degree angle", "a 10 percent rise").
_SINGULAR_UNITS = HYPHEN_UNITS | TIME_UNITS


def _before_singular(span: Span, last: Token) -> bool:
    """A number in digits before a singular noun it does not count ("a 911 dispatcher", "a 911 cell phone
    call"): a count above one takes a plural noun, and a measure a unit ("a 45 degree angle")."""
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is None or nxt.pos_ != "NOUN" or "Sing" not in nxt.morph.get("Number", []) or not nxt.is_alpha:
        return False
    head = nxt  # the noun phrase's head: "15 jerry cans" counts cans
    while head.dep_ == "compound" and head.head.i > head.i and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head
    if "Sing" not in head.morph.get("Number", []) or head.text.endswith("s") and head.pos_ == "NOUN" \
            and not head.text.endswith("ss"):
        return False
    chain = {nxt.i}  # the number must modify that noun phrase ("rose to 62 overnight" does not)
    up = nxt
    while up.dep_ == "compound" and up.head.i > up.i:
        up = up.head
        chain.add(up.i)
    if last.head.i not in chain:
        return False
    value = last.text.replace(",", "")
    # collective nouns a count may take ("40 staff", "20 crew") are subjects of the lexicon
    return int(value) > 1 and nxt.lower_ not in _SINGULAR_UNITS and head.lower_ not in SUBJECTS \
        and nxt.lower_ not in SUBJECTS


def _clause_words(doc: Doc, anchor: int, own: set[int]) -> tuple[frozenset[str], list[int], str]:
    clause = clause_tokens(doc, anchor)
    stops = _stop_words()
    words = frozenset(
        stem(t.lower_) for t in clause
        if t.i not in own and t.is_alpha and not t.like_num and t.lower_ not in stops
    )
    return words, [t.i for t in clause], " ".join(t.text for t in sorted(clause, key=lambda t: t.i))


_FUNCTION_WORDS = frozenset({"has", "have", "had", "is", "was", "were", "are", "be", "it", "this", "that",
                             "which", "who", "there", "then", "also"})


def _plausible_speaker(phrase: str) -> bool:
    """A speaker phrase, not a function word or a clause ("has", "didn't put false meaning into the words")."""
    words = phrase.split()
    if not words or len(words) > 8 or "n't" in phrase or "n’t" in phrase:
        return False
    if len(words) == 1 and words[0].lower() in _FUNCTION_WORDS:
        return False
    if any(re.match(r"(?:it|that|there|we|they|you|i|he|she|what|who)['’]", w, re.IGNORECASE) for w in words):
        return False  # "it's a stretch to", "we've": a clause, not a speaker
    return not (len(words) > 5 and words[0][0].islower() and words[0].lower() not in ("the", "a", "an"))


_ABBREVIATION = re.compile(r"^[A-Z][a-z]{0,3}\.$")  # "Mo.", "Maj.", "Gen.": a state or a title, not a speaker


def _speaker_phrase(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """A speaker span as a name or a role noun phrase: grown to the whole entity it cuts into ("Prevention" ->
    "Centers for Disease Control and Prevention"); None when it holds no noun or name ("you personally") or is a
    bare abbreviation ("Mo.")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    for e in doc.spans["entities"] if "entities" in doc.spans else ():
        if e.start_char < end and start < e.end_char and (e.start_char < start or end < e.end_char) \
                and e.label_ in ("PER", "ORG"):
            start, end = min(start, e.start_char), max(end, e.end_char)
    content = [t for t in span if t.pos_ in ("PROPN", "NOUN")]
    if not content:
        return None
    if len(span) <= 2 and _ABBREVIATION.match(span.text.replace(" ", "")):
        return None
    return start, end


def _sentence_tokens(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _sentence_scope(tokens: list[Token], story_year: int | None, text: str,
                    previous: tuple[int, str | None]) -> str | None:
    """The background marker of a whole sentence: its own (when it does not name the story's year), else the
    marker of the sentence just before it in the same paragraph when it has no time words of its own."""
    if not tokens:
        return None
    names_story_year = story_year is not None and any(t.text == str(story_year) for t in tokens)
    if not names_story_year:
        scope, marker = scope_of(tokens, story_year, years_only=True)
        if scope == "background":
            return marker
        other = other_event_marker(tokens)
        if other is not None:
            return other
    prev_end, prev_marker = previous
    if prev_marker is not None and not has_time_words(tokens) and "\n" not in text[prev_end:tokens[0].idx]:
        return prev_marker
    return None


def _is_part(doc: Doc, anchor: int, span: object, s: str, local_start: int) -> bool:
    """A part of a larger count: a part word just before the number or modifying it ("including five",
    "the first two groups", "another 30")."""
    before = s[:local_start].split()[-2:]
    if any(w.lower().strip(",(") in _PART_WORDS for w in before):
        return True
    token = doc[anchor]
    noun = token.head if token.dep_ in ("nummod", "compound") else token
    return any(c.lower_ in _PART_WORDS for c in noun.lefts) or any(
        c.dep_ == "case" and c.lower_ in ("including", "among") for c in noun.children
    )


def _places(doc: Doc, tokens: list[int]) -> frozenset[str]:
    """Lowercased LOC entity mentions whose first token lies in the clause ``tokens``."""
    if "entities" not in doc.spans:
        return frozenset()
    inside = set(tokens)
    return frozenset(e.text.lower() for e in doc.spans["entities"] if e.label_ == "LOC" and e.start in inside)


# Generic counted nouns that are people, not units: "120 people" still names who is counted.
# Verbs that say nothing of what a bare unit measures ("8% had neither", "it was 10 years").
_LIGHT_VERBS = frozenset({"has", "have", "had", "having", "is", "was", "were", "are", "be", "been", "got", "get",
                          "gets", "did", "do", "does"})
_PERSON_WORDS = frozenset({"people", "persons", "others", "individuals", "ones", "those", "them"})
_VERB_MEASURE_DEPS = frozenset({"obl", "obl:unmarked", "obl:npmod", "obj", "advmod"})
_AWAY = frozenset({"away", "off", "apart", "outside", "north", "south", "east", "west"})


def _unit_token(tree: TreeReading, doc: Doc) -> Token | None:
    """The token of the counted unit noun of ``tree`` (the anchor itself for "84 percent", else its head or the
    word after it)."""
    anchor = doc[tree.anchor]
    for t in (anchor, anchor.head, doc[anchor.i + 1] if anchor.i + 1 < len(doc) else anchor):
        if t.lower_ == tree.noun or (tree.noun == "percent" and t.lower_ in ("%", "percent", "cent", "pc")):
            return t
    return None


def _unit_descriptor(tree: TreeReading, doc: Doc) -> tuple[str, str] | None:
    """(subject, key word) of a figure whose counted noun is a bare unit ("10 years", "12 miles", "84
    percent") from what the parse says the measure is of; None when it says nothing (the figure is then not
    shown as a claim: "percent / percent" tells the reader nothing). Read, in order: the subject of a
    copula ("the timeframe would be at least 10 years" -> "timeframe (years)"); a distance from a place ("12
    miles away", "20 miles from Nairobi" -> "miles away", "miles from nairobi"); a share restating a count
    ("affirmed 26 of 31 cases, or 84 percent" -> "percent of cases affirmed"). A share in brackets after a
    count ("65 (76%)") restates it and is never read."""
    unit = _unit_token(tree, doc)
    if unit is None:
        return None
    noun = tree.noun or unit.lower_
    first = doc[min([t.i for t in unit.lefts if t.like_num or t.pos_ == "NUM"] + [unit.i, tree.anchor])]
    if first.i > 0 and doc[first.i - 1].text in ("(", "["):
        return None  # "six (7%) patients": a share in brackets restates the count before it
    if any(c.dep_ == "cop" for c in unit.children):
        subject = next((c for c in unit.children if c.dep_ in ("nsubj", "nsubj:pass") and c.pos_ == "NOUN"), None)
        if subject is None and unit.head.i != unit.i:  # "expect the timeframe ... would be 10 years": the parse
            # hangs the copular clause on the verb whose object is its subject
            subject = next((c for c in unit.head.children if c.dep_ == "obj" and c.pos_ == "NOUN"
                            and c.i < unit.i), None)
        if subject is not None:
            mods = [c.lower_ for c in subject.lefts if c.dep_ in ("compound", "amod") and c.is_alpha]
            return f"{' '.join([*mods, subject.lower_])} ({noun})", stem(subject.lower_)
    # the words right after the unit, as written: the parse often attaches "away" or "from" elsewhere
    after = [t for t in doc[unit.i + 1 : unit.i + 3] if t.sent.start == unit.sent.start]
    if after and after[0].lower_ in _AWAY:
        return f"{noun} {after[0].lower_}", "away"
    if len(after) == 2 and after[0].lower_ == "from" and after[1].pos_ in ("PROPN", "NOUN"):
        end = after[1]  # the whole noun phrase: "from respiratory illness onset"
        while end.dep_ in ("compound", "amod", "flat") and end.head.i > end.i and end.head.i - after[1].i < 5:
            end = end.head
        return f"{noun} from {doc[after[1].i : end.i + 1].text.lower()}", "away"
    restated = _restated_share(tree, doc, unit) if noun == "percent" else None
    if restated is not None:
        return restated
    verb = unit.head
    if unit.dep_ in _VERB_MEASURE_DEPS and verb.pos_ == "VERB" and verb.i != unit.i \
            and verb.lower_ not in _LIGHT_VERBS:
        # "Tesla shares fell 5%" (the parse's obl:unmarked): what did it, and the verb
        who = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass") and c.pos_ in ("NOUN", "PROPN")),
                   None)
        if who is not None:
            mods = [c.lower_ for c in who.lefts if c.dep_ in ("compound", "amod") and c.is_alpha]
            return f"{noun} ({' '.join([*mods, who.lower_, verb.lower_])})", stem(verb.lower_)
    return None


def _restated_share(tree: TreeReading, doc: Doc, unit: Token) -> tuple[str, str] | None:
    """A share restating the count just before it ("affirmed 26 of 31 cases, or 84 percent" -> "percent of
    cases affirmed"); "65 (76%)" in brackets is never read."""
    first = doc[min([t.i for t in unit.lefts if t.like_num or t.pos_ == "NUM"] + [unit.i, tree.anchor])]
    if first.i < 2 or doc[first.i - 1].lower_ != "or" or doc[first.i - 2].text != ",":
        return None  # only "..., or 84 percent" restates a count; "65 (76%)" is never read
    sent_start = doc[first.i].sent.start
    counts = [t for t in doc[sent_start : first.i - 2] if t.like_num and t.pos_ == "NUM"]
    # the count restated: the "X of Y" figure nearest before the share ("26 of 31 cases"), else the nearest one
    count = next((t for t in reversed(counts) if t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "of"),
                 counts[-1] if counts else None)
    if count is None:
        return None
    whole = read_tree(doc, count.idx, count.idx + len(count.text))
    if whole is None or whole.noun is None or whole.noun in GENERIC_NOUNS:
        return None
    words = ["percent", "of", whole.noun] + ([whole.verb] if whole.verb else [])
    return " ".join(words), stem(whole.noun)


def _open_reading(tree: TreeReading, doc: Doc) -> tuple[str, str | None, tuple[str, ...]] | None:
    """(measure, subject, key) of an open-measure number from its parse reading; None when it says nothing."""
    if tree.noun is not None:
        noun = tree.noun
        parts = [*tree.modifiers, noun]
        if tree.of_noun:
            parts += ["of", tree.of_noun]
        if tree.verb:
            parts.append(tree.verb)
        key_noun = stem(noun)
        if noun == "percent" and not tree.of_noun:  # "..., or 84 percent": the share of the count before it
            unit = _unit_token(tree, doc)
            restated = _restated_share(tree, doc, unit) if unit is not None else None
            if restated is not None:
                return noun, restated[0], ("open", key_noun, restated[1])
        verb = tree.verb if tree.verb not in _LIGHT_VERBS else None
        extra = stem(tree.of_noun or verb or "") if noun in GENERIC_NOUNS else ""
        if noun in GENERIC_NOUNS and not extra:
            said = [w for w in parts if w not in _LIGHT_VERBS]
            if len(said) == 1 and noun not in _PERSON_WORDS:  # "7.6 years", "3%", "8% had": the unit alone (or
                # with a light verb) says nothing
                described = _unit_descriptor(tree, doc)
                if described is None:
                    return None
                return noun, described[0], ("open", key_noun, described[1])
            return noun, " ".join(parts), ()
        return noun, " ".join(parts), ("open", key_noun, extra)
    if tree.verb:
        return tree.verb, tree.verb, ("open", "", stem(tree.verb))
    return None


def _event_words() -> dict[str, str]:
    """Single-word event triggers said of the counted ("12 were killed", "50 diagnosed": the right triggers of the
    lexicon) -> their measure. Left triggers ("treated", "killing") take the figure as their object and are
    read by context.py. Adds the parse-only :data:`EVENT_PREDICATES` ("diagnosed", "picketed")."""
    out: dict[str, str] = dict(EVENT_PREDICATES)
    for measure, words in RIGHT_TRIGGERS.items():
        for w in words:
            if " " not in w and measure != "votes":
                out.setdefault(w, measure)
    return out


_EVENT_WORDS = _event_words()


def _event_predicate(tree: TreeReading, doc: Doc) -> str | None:
    """The event measure of a figure whose governing predicate is an event verb of the lexicon ("50 people
    ... had been diagnosed", "homes ... destroyed") and whose counted noun, if any, is a who or a home
    (a known subject or a generic noun), not a unit or a thing ("rockets", "miles")."""
    if tree.verb is None or tree.verb not in _EVENT_WORDS:
        return None
    if tree.noun is None:  # the bare number must itself be the verb's subject ("50 had been diagnosed")
        token = doc[tree.anchor]
        subject = token.dep_ in ("nsubj", "nsubj:pass") and token.head.lower_ == tree.verb
        participle = any(c.dep_ == "acl" and c.lower_ == tree.verb for c in token.rights)
        if not (subject or participle):
            return None
    elif tree.noun not in SUBJECTS and tree.noun + "s" not in SUBJECTS:
        return None
    return _EVENT_WORDS[tree.verb]


def _money_reading(tree: TreeReading | None, currency: str) -> tuple[str | None, tuple[str, ...]]:
    """(subject, key) of a sum: the money noun it belongs to ("jail bond"), a thing's price ("price of
    glasses", "sells for $130" -> "price"), else the verb it is the object of ("paying", "valued")."""
    if tree is None:
        return None, ()
    if tree.owner and "+" in tree.owner:  # a total of listed items ("fees, deposition and court costs")
        items = tree.owner.split("+")
        subject = " ".join(tree.modifiers) + (" " if tree.modifiers else "") + ", ".join(items)
        if items[-1] in ("cost", "costs"):  # "fees, deposition and court reporter costs": the costs in all
            return subject, ("money", currency, "price")
        return subject, ("money", currency, "+".join(stem(i) for i in items))
    if tree.owner and tree.owner in MONEY_NOUNS:
        subject = " ".join([*tree.modifiers, tree.owner])
        owner = "price" if tree.owner in ("cost", "costs", "prices") else tree.owner
        return subject, ("money", currency, "price" if owner == "price" else stem(owner))
    if tree.owner and tree.owner in TIME_UNITS:  # "$100 for 30 minutes": a duration of the price, not its object
        return "price", ("money", currency, "price")
    if tree.owner:
        return "price of " + " ".join([*tree.modifiers, tree.owner]), ("money", currency, "price")
    if tree.verb and tree.verb in PRICE_VERBS:
        return f"price ({tree.verb})", ("money", currency, "price")
    if tree.verb:
        return tree.verb, ("money", currency, "v:" + stem(tree.verb))
    return None, ()


_RATE = re.compile(r"^\s*(?:[A-Za-z-]+\s+){0,2}?(?:a|an|per|each|every)\s+([a-z]+)\b", re.IGNORECASE)
# "$420 (£326) per share": a sum's own conversion in brackets may stand before its unit
_MONEY_RATE = re.compile(r"^\s*(?:\([^()]{1,25}\)\s*)?(?:a|an|per|each|every)\s+([a-z]+)\b", re.IGNORECASE)


def _rate_unit(rest: str, money: bool = False) -> str | None:
    """The time unit of a rate right after a figure ("30 miles a day", "$15 an hour" -> "day", "hour"); for a
    sum also the item it prices ("$420 a share", "$90 a barrel" -> "share", "barrel": :data:`PRICE_UNITS`)."""
    m = _RATE.match(rest) or (_MONEY_RATE.match(rest) if money else None)
    if m is None:
        return None
    unit = m.group(1).lower()
    if unit in TIME_UNITS or (money and unit in PRICE_UNITS):
        return unit
    return None


def _frame(tree: TreeReading | None, rate: str | None) -> tuple[str, ...]:
    """What an open-measure figure is said of besides its noun: stemmed modifiers, "of" noun, predicate, rate."""
    if tree is None:
        return (f"/{rate}",) if rate else ()
    words = [stem(w) for w in tree.modifiers]
    words += [f"of:{stem(tree.of_noun)}"] if tree.of_noun else []
    words += [f"v:{stem(tree.verb)}"] if tree.verb else []
    words += [f"/{rate}"] if rate else []
    return tuple(sorted(words))


def find_numbers(
    text: str,
    sentences: Sequence[tuple[int, int]],
    doc: Doc | None = None,
    story_year: int | None = None,
) -> list[NumberMention]:
    """Number mentions of ``text``, sorted by position. Reads ``sentences`` (spans; an empty list means the whole
    text is one sentence) and the parsed ``doc`` of the same text (parsed here when None). ``story_year`` is the
    year the story happens in (None: unknown), which tells background years from the story's own."""
    _check_spans(text, sentences)
    spans = list(sentences) or ([(0, len(text))] if text else [])
    if doc is None and text.strip():
        doc = parsed_doc(text, spans)
    parsed = doc is not None and doc.has_annotation("DEP")
    mentions: list[NumberMention] = []
    previous: tuple[int, str | None] = (-1, None)  # (end of the last sentence, its background marker)
    for s_start, s_end in spans:
        s = text[s_start:s_end]
        sent_tokens = _sentence_tokens(doc, s_start, s_end) if parsed and doc is not None else []
        sent_scope = _sentence_scope(sent_tokens, story_year, text, previous)
        previous = (s_end, sent_scope)
        phrases = find_phrases(s)
        readings = read_sentence(s, phrases)
        speakers = find_speakers(s)
        for p, r in zip(phrases, readings, strict=True):
            if p.superseded or r.via == "subset":
                continue
            if _BRACKET_SHARE.search(s[max(0, p.start - 30):p.start]) and _PERCENT_TEXT.search(s[p.start:p.end + 9]):
                continue  # "six (7%) patients", "nine [10%]": a share in brackets restates the count before it
            if _ALL_BUT.search(s[max(0, p.start - 12):p.start]):
                continue  # "all but one patient was hospitalized": the exception, not a count of the claim
            if p.currency and _CONVERSION.search(s[max(0, p.start - 40):p.start]):
                continue  # "$420 (£326)": a sum's conversion into another currency, not a figure of its own
            if _OVER_PERIOD.match(s, p.start, p.end) and _TIME_AFTER.match(s, p.end):
                continue  # "over 10 years": a period ("during") or a bound ("more than"), a reader cannot tell
            a, b = s_start + p.start, s_start + p.end
            if not p.currency and _names_a_thing(text, a, b, doc if parsed else None):
                continue
            tree = read_tree(doc, a, b, money=bool(p.currency)) if parsed and doc is not None else None
            measure, subject, unit = r.measure, r.subject, None
            key: tuple[str, ...] = ()
            open_measure = False
            rate = _rate_unit(s[p.end:], money=bool(p.currency))
            if p.kind == "fraction":  # "a third of the country": the share of what follows "of"
                whole = (tree.of_noun or tree.noun) if tree is not None else None
                if whole is None and doc is not None:  # "half the town": the noun right after
                    after = [t for t in doc if b <= t.idx < s_end][:4]
                    whole = next((t.lower_ for t in after if t.pos_ in ("NOUN", "PROPN")), None)
                if whole is None:
                    continue
                measure, subject, unit, open_measure = "share", f"share of {whole}", "fraction", True
                key = ("open", "fraction", stem(whole))
            elif p.currency:
                measure, unit = "money", p.currency
                subject, key = _money_reading(tree, p.currency)
                if rate in PRICE_UNITS:  # "$420 a share": the price of one item, whatever verb offers it
                    key, subject = ("money", p.currency, f"price/{rate}"), f"price per {rate}"
                elif rate and key:  # "$15 an hour": a rate is its own claim
                    key, subject = (*key[:-1], f"{key[-1]}/{rate}"), f"{subject or 'amount'} per {rate}"
            elif measure is not None:
                key = ("event", measure, canonical_subject(subject, measure) or "")
            else:
                word = s[p.start:p.end].lower().split()
                if tree is None or (len(word) == 1 and word[0] in _ONE_WORDS):
                    continue
                reading = _open_reading(tree, doc) if doc is not None else None
                if reading is None:
                    continue
                if p.year_like and not tree.plural:  # "2015 bonus" is a year; "2000 people" a count
                    continue
                event = _event_predicate(tree, doc) if doc is not None else None
                if event is not None and not rate:  # "50 people in 24 states had been diagnosed": the parse
                    # finds the event verb the word patterns of context.py cannot reach
                    measure, subject = event, tree.noun
                    key = ("event", measure, canonical_subject(subject, measure) or "")
                else:
                    measure, subject, key = reading
                    unit, open_measure = tree.noun, True
                if rate:  # "30 miles a day": a rate is its own measure
                    measure, subject = f"{measure} per {rate}", f"{subject} per {rate}"
                    key = (key[0], f"{key[1]}/{rate}", *key[2:]) if key else ()
            if measure is None:
                continue
            scope, marker, clause, running = "story", None, frozenset[str](), False
            partial, places = False, frozenset[str]()
            attributed: tuple[int, int] | None = None
            if parsed and doc is not None:
                span = phrase_tokens(doc, a, b)
                own = {t.i for t in span} if span is not None else set()
                anchor = tree.anchor if tree is not None else (min(own) if own else None)
                if anchor is not None:
                    clause, tokens, clause_text = _clause_words(doc, anchor, own)
                    scope, marker = scope_of([doc[i] for i in tokens], story_year, sorted(own))
                    if scope == "story" and sent_scope is not None:
                        scope, marker = "background", sent_scope
                    running = bool(_RUNNING.search(clause_text))
                    partial = _is_part(doc, anchor, span, s, p.start) or r.via == "shared-left" and bool(
                        re.search(r"\b(?:including|among)\b[^,;]*$", s[:p.start]))
                    places = _places(doc, tokens)
            sp = speaker_for(s, speakers, p.start, p.end)
            if sp is not None and _plausible_speaker(s[sp.start:sp.end]) and not (
                sp.start < p.end and p.start < sp.end
            ):
                attributed = (s_start + sp.start, s_start + sp.end)
            if parsed and doc is not None:
                found = speaker_span(doc, a, b)
                if found is not None and _plausible_speaker(found.text) and (
                    attributed is None
                    or (found.start_char <= attributed[0] and attributed[1] <= found.end_char)
                ) and not (found.start_char < b and a < found.end_char):
                    # the parse's whole phrase ("Jail records" over "Jail") or the parse alone, never the figure
                    attributed = (found.start_char, found.end_char)
                if attributed is not None:
                    attributed = _speaker_phrase(doc, *attributed)
            mentions.append(NumberMention(
                start=a, end=b, text=s[p.start:p.end], low=p.low, high=p.high, measure=measure, subject=subject,
                attributed_to=text[attributed[0]:attributed[1]] if attributed else None,
                attribution_span=attributed, sentence=(s_start, s_end), unit=unit, scope=scope,
                scope_marker=marker, key=key, clause=clause, open_measure=open_measure, running=running,
                partial=partial, places=places,
                predicate=(tree.verb or tree.noun) if tree is not None else None, approx=p.approx,
                frame=(key[1:] if p.kind == "fraction" else _frame(tree, rate)) if open_measure else (),
            ))
    return sorted(mentions, key=lambda m: (m.start, m.end))


def canonical_subject(subject: str | None, measure: str | None = None) -> str | None:
    """Group key of a subject: known synonyms merged ("troops" -> "soldiers", "protester" -> "protesters"),
    generic nouns -> None, and nouns generic for ``measure`` -> None ("suspects" arrested)."""
    if subject is None:
        return None
    key = " ".join(subject.split())
    if key.isupper():  # currency codes
        return key
    group = subject_group(key.lower())
    if group is not None and group in MEASURE_GENERIC_SUBJECTS.get(measure or "", frozenset()):
        return None
    return group


@dataclass
class ClaimValue:
    """One figure for a claim and every report carrying it.

    ``attributed_to`` names every distinct attribution among its mentions, most common first, joined by "; "
    (at most :data:`MAX_ATTRIBUTIONS`; see :func:`_attributions`), None when every report states it in its own
    voice; ``mentions`` keep each report's own attribution; ``approx``:
    the figure is given as approximate ("about 60"; see the module docstring).
    """

    text: str
    low: float | None
    high: float | None
    attributed_to: str | None
    sources: list[str]
    mentions: list[tuple[str, NumberMention]] = field(default_factory=list)
    approx: bool = False


@dataclass
class ClaimGroup:
    """All figures reports give for one claim; ``disputed`` if values of different outlets cannot all be true,
    ``updates`` if they differ only as a running count grows (a later report's larger count)."""

    measure: str
    subject: str | None
    disputed: bool
    values: list[ClaimValue]
    scope: str = "story"
    scope_marker: str | None = None
    unit: str | None = None
    updates: bool = False


_Range = tuple[float | None, float | None]
_ValueKey = tuple[float | None, float | None, bool]


def _range_key(m: NumberMention) -> _Range:
    return (None if m.low is None else round(m.low, 6), None if m.high is None else round(m.high, 6))


def _value_key(m: NumberMention) -> _ValueKey:
    """One value of a claim: its range and whether it is approximate ("about 60" and "60" are two values)."""
    return (*_range_key(m), m.approx)


def _widened(low: float | None, high: float | None, approx: bool) -> _Range:
    """The range an approximate figure stands for where compatibility is decided: N +/- tolerance(N)."""
    if not approx or low is None or high is None:
        return (low, high)
    return (max(0.0, low - tolerance(low)), high + tolerance(high))


def _same_range(a: NumberMention, b: NumberMention) -> bool:
    """Equal ranges; with an approximate figure, ranges within its tolerance ("about 60" and 62)."""
    if not (a.approx or b.approx):
        return _range_key(a) == _range_key(b)
    if None in (a.low, a.high, b.low, b.high):
        return False
    return not ranges_conflict([_widened(a.low, a.high, a.approx), _widened(b.low, b.high, b.approx)])


MAX_ATTRIBUTIONS = 3  # distinct speakers named for one value
_DETERMINER = re.compile(r"^(?:the|a|an) ")


def _attributions(names: list[str]) -> str | None:
    """Every distinct speaker the reports give for one value, most often named first (ties: alphabetical),
    joined by "; " ("the Israeli military; the Israel Defense Forces"): outlets that credit the same figure to
    different sources all keep theirs. A name inside a longer one ("Musk" in "Mr Musk") counts as that one."""
    counts: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for name in names:
        key = " ".join(name.casefold().split())
        counts[key] += 1
        shown.setdefault(key, " ".join(name.split()))
    keys = sorted(counts, key=lambda k: (-counts[k], k))
    bare = {k: _DETERMINER.sub("", k) for k in keys}  # "the ministry" is held by "the interior ministry"

    def holders(k: str) -> list[str]:
        return [o for o in keys if o != k and re.search(rf"\b{re.escape(bare[k])}\b", bare[o])]

    # A form held by exactly one longer form is that one; held by several ("the ministry" with two
    # ministries named), it stays as written rather than being given to either.
    kept = [k for k in keys if len(holders(k)) != 1]
    for k in keys:  # a shorter form's mentions count for the longer form holding it
        if k not in kept:
            counts[holders(k)[0]] += counts[k]
    kept.sort(key=lambda k: (-counts[k], k))
    return "; ".join(shown[k] for k in kept[:MAX_ATTRIBUTIONS]) or None


def _value(mentions: list[tuple[str, NumberMention]]) -> ClaimValue:
    texts = Counter(" ".join(m.text.split()) for _, m in mentions)
    text = min(texts, key=lambda t: (-texts[t], len(t), t))
    attributed = _attributions([m.attributed_to for _, m in mentions if m.attributed_to])
    first = mentions[0][1]
    return ClaimValue(text, first.low, first.high, attributed, sorted({src for src, _ in mentions}), mentions,
                      approx=first.approx)


def ranges_conflict(values: Sequence[tuple[float | None, float | None]]) -> bool:
    """True when closed ranges share no common point (in 1-D, pairwise overlap implies a common point)."""
    lows = [lo if lo is not None else 0.0 for lo, _ in values]
    highs = [hi if hi is not None else math.inf for _, hi in values]
    return bool(values) and max(lows) > min(highs) + 1e-9


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap of two clauses' content words: |A & B| / min(|A|, |B|) (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _rounded(v: ClaimValue) -> tuple[float | None, float | None]:
    """A value's range for dispute checks: an approximate figure stands for N +/- its tolerance; an exact round
    figure (two or more trailing zeros: "70,000", "300") for anything that rounds to it (+/- half its last
    unit), as news figures are rounded."""
    if v.approx:
        return _widened(v.low, v.high, True)
    if v.low is None or v.high is None or v.low != v.high or v.low <= 0 or v.low != int(v.low):
        return (v.low, v.high)
    n, unit = int(v.low), 1
    while n % (unit * 10) == 0:
        unit *= 10
    if unit < 100:
        return (v.low, v.high)
    return (v.low - unit / 2, v.high + unit / 2)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """|A & B| / |A | B| of two clauses' content words (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def _frames_clash(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two frames that say different things of one noun: different predicates ("rockets fired" / "rockets
    hit") or different rates."""
    for mark in ("v:", "/"):
        xs, ys = {w for w in a if w.startswith(mark)}, {w for w in b if w.startswith(mark)}
        if (xs or ys) and xs != ys and not (mark == "v:" and not (xs and ys)):
            return True
    return False


def _clusters(members: list[tuple[str, NumberMention]]) -> list[list[tuple[str, NumberMention]]]:
    """Event measures: one claim per key, unless one report gives conflicting figures of it (then each figure
    of that report seeds its own claim, see :func:`_event_clusters`). Open measures and money: same range or
    similar clauses. No claim ever holds two conflicting figures of one report."""
    if members and not members[0][1].open_measure and members[0][1].measure != "money":
        return _event_clusters(members)
    union = DisjointSet(len(members))
    # per group: the values each (report, sentence) gives in it
    seen: dict[int, dict[tuple[str, tuple[int, int]], set[tuple[float | None, float | None]]]] = {
        k: {(source, m.sentence): {(m.low, m.high)}} for k, (source, m) in enumerate(members)}
    for i in range(len(members)):
        for j in range(i + 1, len(members)):
            (si, mi), (sj, mj) = members[i], members[j]
            sim = similarity(mi.clause, mj.clause)
            same_key = mi.key == mj.key
            same_range = _same_range(mi, mj)
            # a distinctive figure (not a small round count) repeated by another outlet is the same claim
            distinctive = si != sj and (mi.low or 0) >= 10 and not (mi.low or 0) % 1 == 0.5
            # different values: one claim only when said of the same thing (the same frame of modifiers,
            # predicate and rate for an open measure) or in nearly the same clause
            open_pair = mi.open_measure and mj.open_measure
            same_frame = mi.frame == mj.frame or not open_pair
            clash = open_pair and _frames_clash(mi.frame, mj.frame)
            if (same_range and (same_key or distinctive or sim >= 0.2)) \
                    or (same_key and same_frame and sim >= GROUP_SIMILARITY) or (sim >= 0.6 and not clash) \
                    or (same_key and si != sj and _near_twins(mi, mj)):
                _link_unless_same_sentence(union, seen, i, j)
    out: dict[int, list[tuple[str, NumberMention]]] = {}
    for i, item in enumerate(members):
        out.setdefault(union.find(i), []).append(item)
    return [out[k] for k in sorted(out)]


def _conflicting(a: NumberMention, b: NumberMention) -> bool:
    """Two figures that cannot be one quantity's value (their ranges, approximate ones widened, share no point)."""
    return ranges_conflict([_widened(a.low, a.high, a.approx), _widened(b.low, b.high, b.approx)])


def _rival_voices(a: NumberMention, b: NumberMention) -> bool:
    """Two figures one report gives in different voices ("eight, police said ... ten, the organiser said", or
    its own figure and a credited one): rival claims of one quantity, not two quantities."""
    if a.attributed_to is None and b.attributed_to is None:
        return False
    if a.attributed_to is None or b.attributed_to is None:  # the outlet's own figure against a credited one
        return True
    x, y = (" ".join(n.casefold().split()) for n in (a.attributed_to, b.attributed_to))
    return x != y and x not in y and y not in x


def _report_conflict(a: NumberMention, b: NumberMention) -> bool:
    """Two figures of one report that are not one quantity: conflicting, or a lower bound and a figure at least
    twice it ("at least four cases ... 32 cases": a report that knows 32 does not say "at least four" of it)."""
    if _conflicting(a, b):
        return True
    if a.low is None or b.low is None or min(a.low, b.low) <= 0 or (a.high is not None and b.high is not None):
        return False
    return max(a.low, b.low) >= 2 * min(a.low, b.low)


def _one_report_conflicts(members: list[tuple[str, NumberMention]]) -> bool:
    """Does one report give conflicting figures among ``members`` (not rival speakers' figures)?"""
    for i, (si, mi) in enumerate(members):
        for sj, mj in members[i + 1:]:
            if si == sj and _report_conflict(mi, mj) and not _rival_voices(mi, mj):
                return True
    return False


def _event_clusters(members: list[tuple[str, NumberMention]]) -> list[list[tuple[str, NumberMention]]]:
    """An event measure's claims. One claim per key, as reports of one event give its toll; but when one
    report gives conflicting figures of the key ("at least four cases in Colorado ... 32 cases so far this
    year"), they count different things the key cannot tell apart: equal figures join, then figures of
    different reports join, most similar clauses first, as long as no claim holds two conflicting figures
    of one report."""
    if not _one_report_conflicts(members):
        return [members]
    union = DisjointSet(len(members))
    groups: dict[int, list[int]] = {k: [k] for k in range(len(members))}

    def link(i: int, j: int) -> None:
        a, b = union.find(i), union.find(j)
        if a == b:
            return
        for x in groups[a]:
            for y in groups[b]:
                if members[x][0] == members[y][0] and _report_conflict(members[x][1], members[y][1]) \
                        and not _rival_voices(members[x][1], members[y][1]):
                    return
        union.union(a, b)
        root = union.find(a)
        groups[root] = groups[a] + groups[b] if root == a else groups[b] + groups[a]

    pairs = [(i, j) for i in range(len(members)) for j in range(i + 1, len(members))]
    for i, j in pairs:
        if _range_key(members[i][1]) == _range_key(members[j][1]):
            link(i, j)
    others = [(similarity(members[i][1].clause, members[j][1].clause), i, j) for i, j in pairs
              if members[i][0] != members[j][0]]
    for _, i, j in sorted(others, key=lambda t: (-t[0], t[1], t[2])):
        link(i, j)
    out: dict[int, list[tuple[str, NumberMention]]] = {}
    for i, item in enumerate(members):
        out.setdefault(union.find(i), []).append(item)
    return [out[k] for k in sorted(out)]


def _link_unless_same_sentence(
    union: DisjointSet,
    seen: dict[int, dict[tuple[str, tuple[int, int]], set[tuple[float | None, float | None]]]],
    i: int,
    j: int,
) -> None:
    """Join the groups of i and j unless one sentence of one report would then give two different values
    in the group: a sentence that states two figures of one kind states two quantities ("the hand at 45
    degrees, the forearm at 90", "fees of $865,000 and costs of $972,000"), never two readings of one."""
    a, b = union.find(i), union.find(j)
    if a == b:
        return
    left, right = seen[a], seen[b]
    for where, values in right.items():
        if where in left and left[where] != values:
            return
        # nor one report anywhere: two conflicting figures of one report are two quantities ("lived next
        # door for 10 years" ... "lived in the neighborhood for 21 years")
        for (source, _), others in left.items():
            if source == where[0] and any(ranges_conflict([x, y]) for x in values for y in others):
                return
    union.union(a, b)
    root = union.find(a)
    merged = left if root == a else right
    other = right if root == a else left
    for where, values in other.items():
        merged.setdefault(where, set()).update(values)
    seen[root] = merged


def _is_update(a: ClaimValue, b: ClaimValue, measure: str, published: Mapping[str, dt.date | None]) -> bool:
    """b differs from a as a running count grows: a later report's larger count, or a running-tally clause."""
    if measure not in CUMULATIVE:
        return False
    if any(m.running for _, m in a.mentions + b.mentions):
        return True
    small, large = (a, b) if (a.low or 0) <= (b.low or 0) else (b, a)
    small_dates = [d for d in (published.get(s) for s in small.sources) if d is not None]
    large_dates = [d for d in (published.get(s) for s in large.sources) if d is not None]
    if len(small_dates) < len(small.sources) or len(large_dates) < len(large.sources):
        return False  # a date unknown: no update can be told
    return max(small_dates) < min(large_dates)


def _precise(v: ClaimValue | NumberMention) -> bool:
    """An exact figure given to four or more significant digits ("$972,815", "1,234"): not a rounded one."""
    if v.approx or v.low is None or v.low != v.high or v.low < 1000:
        return False
    digits = f"{v.low:.2f}".rstrip("0").rstrip(".").replace(".", "").lstrip("0").rstrip("0")
    return len(digits) >= 4


def _near_twins(a: ClaimValue | NumberMention, b: ClaimValue | NumberMention) -> bool:
    """Two precise figures of one key within 1% of each other ("$972,814" and "$972,815"): no two different
    quantities of a story agree to four digits by chance, so they are one figure the reports give differently
    (a dispute needs no further clause evidence)."""
    if not (_precise(a) and _precise(b)) or a.low is None or b.low is None:
        return False
    return a.low != b.low and abs(a.low - b.low) <= 0.01 * max(a.low, b.low)


def _disputes(group: list[ClaimValue], measure: str, open_measure: bool, has_subject: bool,
              published: Mapping[str, dt.date | None]) -> tuple[bool, bool]:
    """(disputed, updates) of one claim's values (see the module docstring)."""
    disputed = updates = False
    if open_measure and not has_subject:
        return False, False
    for i, a in enumerate(group):
        for b in group[i + 1:]:
            if not (set(a.sources) - set(b.sources)) or not (set(b.sources) - set(a.sources)):
                continue  # one outlet's own values never dispute each other
            if not ranges_conflict([_rounded(a), _rounded(b)]):
                continue
            pairs = [(ma, mb) for sa, ma in a.mentions for sb, mb in b.mentions
                     if sa != sb and not ma.partial and not mb.partial
                     and (ma.scope, ma.scope_marker) == (mb.scope, mb.scope_marker)
                     and not (ma.places and mb.places and not ma.places & mb.places)]
            if not pairs:
                continue
            strict = open_measure or measure == "money"
            best = max((jaccard if strict else similarity)(ma.clause, mb.clause) for ma, mb in pairs)
            shared = max(len(ma.clause & mb.clause) for ma, mb in pairs)
            if (best < (DISPUTE_SIMILARITY if strict else EVENT_DISPUTE_SIMILARITY) or (strict and shared < 2)) \
                    and not _near_twins(a, b):
                continue
            if _is_update(a, b, measure, published):
                updates = True
            else:
                disputed = True
    return disputed, updates


def _label(g: ClaimGroup) -> tuple[str, str, str, str, str]:
    return (g.measure, g.subject or "", g.scope, g.scope_marker or "", g.unit or "")


def _unambiguous(groups: list[ClaimGroup], events: set[int]) -> list[ClaimGroup]:
    """The groups a reader can tell apart: a claim of one report only is dropped when another claim of the same
    label (measure, subject, scope, unit) holds a figure of that report too ("years lived: 10" and "years
    lived: 21", the state and national case counts of one report): the label does not say which figure is
    which, so neither reads as one quantity of the story. Claims that other reports confirm are kept, and of an
    event measure (``events``: indexes of such groups) the report's total (:func:`_report_total`)."""
    sources = [{s for v in g.values for s in v.sources} for g in groups]
    by_label: dict[tuple[str, str, str, str, str], list[int]] = {}
    for k, g in enumerate(groups):
        by_label.setdefault(_label(g), []).append(k)
    kept = []
    for k, g in enumerate(groups):
        rivals = [o for o in by_label[_label(g)] if o != k and sources[k] <= sources[o]] \
            if len(sources[k]) == 1 else []
        if rivals and not (k in events and _report_total(g, [groups[o] for o in rivals])):
            continue
        kept.append(g)
    return kept


def _top(g: ClaimGroup, source: str) -> float:
    return max(((v.high if v.high is not None else v.low) or 0.0) for v in g.values if source in v.sources)


def _report_total(g: ClaimGroup, rivals: list[ClaimGroup]) -> bool:
    """An event toll's largest figure in its report, above every other figure that report gives under the same
    label: a report's total, its smaller figures the parts ("more than 200,000 uprooted ... around 100,000 fled
    abroad")."""
    source = g.values[0].sources[0]
    own = min((v.low or 0.0) for v in g.values)
    return all(own > _top(r, source) for r in rivals)


def group_claims(
    items: Sequence[tuple[str, NumberMention]], published: Mapping[str, dt.date | None] | None = None
) -> list[ClaimGroup]:
    """Pool ``(source_id, mention)`` pairs into claim groups (see the module docstring).

    ``published`` maps a source to its publication date (missing: unknown). Groups are ordered by how many
    reports carry them, then measure and subject; values by range.
    """
    dates: Mapping[str, dt.date | None] = published or {}
    by_key: dict[tuple[str, ...], list[tuple[str, NumberMention]]] = {}
    for source, mention in sorted(items, key=lambda it: (it[0], it[1].start, it[1].end)):
        key = mention.key or ("event", mention.measure, canonical_subject(mention.subject, mention.measure) or "")
        if key[0] == "open" and key[1]:
            key = key[:2]  # the counted noun; its predicate decides inside the bucket (_clusters)
        if key[0] == "event" and mention.scope == "background":
            key = (*key, "background", mention.scope_marker or "")  # another year's toll is another claim
        if not mention.key and mention.open_measure:
            key = (*key, "#", mention.subject or "", str(mention.start))  # no usable key: a claim of its own
        by_key.setdefault(key, []).append((source, mention))
    groups: list[ClaimGroup] = []
    events: set[int] = set()
    for key in sorted(by_key):
        for members in _clusters(by_key[key]):
            values: dict[_ValueKey, list[tuple[str, NumberMention]]] = {}
            for item in members:
                values.setdefault(_value_key(item[1]), []).append(item)
            claim_values = sorted(
                (_value(ms) for ms in values.values()),
                key=lambda v: (v.low if v.low is not None else 0.0, v.high if v.high is not None else math.inf,
                               v.approx),
            )
            first = members[0][1]
            weight = {id(m): len(v.sources) for v in claim_values for _, m in v.mentions}
            subjects: Counter[str] = Counter()
            for _, m in members:
                if m.subject:
                    subjects[m.subject] += weight[id(m)]
            subject = min(subjects, key=lambda s: (-subjects[s], len(s), s)) if subjects else None
            if not first.open_measure and first.measure != "money":
                subject = canonical_subject(first.subject, first.measure) if first.subject else None
                named = [canonical_subject(m.subject, m.measure) for _, m in members]
                subject = next((n for n in named if n), subject)
            measures = Counter(m.measure for _, m in members)
            measure = min(measures, key=lambda s: (-measures[s], not s.endswith("s"), s))
            disputed, updates = _disputes(claim_values, measure, first.open_measure, subject is not None, dates)
            story = [m for _, m in members if m.scope == "story"]
            scope, marker = ("story", None) if story else ("background", first.scope_marker)
            if not first.open_measure and first.measure != "money":
                events.add(len(groups))
            groups.append(ClaimGroup(measure, subject, disputed, claim_values, scope, marker,
                                     first.unit, updates and not disputed))
    groups = _unambiguous(groups, events)
    n_sources = {id(g): len({s for v in g.values for s in v.sources}) for g in groups}
    return sorted(groups, key=lambda g: (-n_sources[id(g)], g.measure, g.subject or "", g.values[0].low or 0.0))
