"""Scope of a figure: is it about this story, or background (another year, another event)?

Contract. :func:`scope_of` reads the tokens of the clause a number sits in (:func:`.tree.clause_tokens`) and the
story's year (None when unknown); it returns ``("story", None)`` or ``("background", marker)`` where ``marker``
is the lowercased time expression that moves the figure out of the story ("2008", "last year", "14th
century", "since records began"). A year equal to the story's year keeps the figure in the story. Background
figures stay claims but never dispute the story's own figures (:mod:`.numbers`); two background figures can
dispute only when they share the marker. Writes nothing.

Markers are general English news time language (other years, decades, centuries, "last/previous <unit>",
"<N> <unit>s ago", record and history phrases) and, for a whole sentence and the one after it, another event
of the story's kind ("the previous offensives", "earlier outbreaks": :func:`other_event_marker`), not words
taken from any gold set.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["has_time_words", "other_event_marker", "scope_of"]

_YEAR = re.compile(r"^(1[0-9]{3}|20[0-9]{2})(s|[-–/][0-9]{1,4})?$")
# Words that date a sentence on their own: a sentence without any takes its time from the one before.
_TIME_WORDS = re.compile(
    r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|yesterday|now|currently|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|this|week|"
    r"year|month|ago|since|last|earlier|recently|1[0-9]{3}|20[0-9]{2})$",
    re.IGNORECASE,
)
_UNITS = r"(?:year|month|week|decade|century|season|summer|winter|spring|autumn|fall|time|election|war)"
_PHRASES = re.compile(
    rf"\b(?:last|previous|prior|past)\s+{_UNITS}s?\b|\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
    rf"\d+|several|many|few)\s+{_UNITS}s?\s+(?:ago|earlier|before)\b|\b\d{{1,2}}(?:st|nd|rd|th)\s+century\b|"
    rf"\b(?:since|when)\s+records\s+began\b|\bin\s+history\b|\ball[- ]time\b|\bhistorically\b|"
    rf"\bin\s+the\s+(?:\d{{4}}s|past|\w+ties)\b|\bthe\s+last\s+time\b|\bthe\s+(?:last|previous)\s+\w+\s+war\b",
    re.IGNORECASE,
)


# "the previous operations", "earlier wars", "past outbreaks": the sentence is about another event of its kind.
_OTHER_EVENT = re.compile(
    r"\b(?:previous|prior|earlier|past)\s+(?:(?:two|three|four|several)\s+)?(?:operations?|offensives?|wars?|"
    r"conflicts?|campaigns?|attacks?|outbreaks?|epidemics?|pandemics?|incursions?|invasions?|crises|crisis|"
    r"rounds?\s+of\s+fighting|storms?|hurricanes?|earthquakes?|disasters?)\b",
    re.IGNORECASE,
)


def other_event_marker(tokens: Sequence[Token]) -> str | None:
    """The phrase that puts a sentence on another event of the story's kind ("previous operations"), or None."""
    found = _OTHER_EVENT.search(" ".join(t.text for t in tokens))
    return " ".join(found.group().lower().split()) if found else None


# Nouns of a time or an event: a year modifying one dates what is told ("the 2008 election", "1990s wars").
_EVENT_NOUNS = frozenset({"election", "elections", "war", "wars", "season", "seasons", "campaign", "race",
                          "crisis", "outbreak", "epidemic", "attack", "attacks", "shooting", "bombing", "game",
                          "games", "olympics", "championship", "tournament", "cup", "census", "survey", "study",
                          "report", "budget", "quarter", "period", "fiscal", "riots", "protests", "uprising",
                          "revolution", "earthquake", "flood", "floods", "storm", "hurricane", "famine"})


def _dates_a_thing(t: Token) -> bool:
    """A year that modifies a noun which is no time or event ("1970s action star", "a 2008 Porsche"): it dates
    that thing, not the sentence's event."""
    head = t.head
    return t.dep_ in ("compound", "amod", "nmod:poss") and head.i != t.i and head.pos_ in ("NOUN", "PROPN") \
        and head.lower_ not in _EVENT_NOUNS and head.i > t.i


def scope_of(
    clause: Sequence[Token], story_year: int | None, own: Sequence[int] = (), years_only: bool = False
) -> tuple[str, str | None]:
    """("story", None) or ("background", marker) for the clause tokens; ``own`` are the number's token indexes.
    ``years_only``: only explicit other years count (for a whole sentence, whose phrases may date another noun:
    "protests against last week's election")."""
    skip = set(own)
    for t in clause:
        if t.i in skip:
            continue
        if years_only and _dates_a_thing(t):
            continue
        m = _YEAR.match(t.text)
        if m and (t.pos_ in ("NUM", "PROPN", "NOUN") or m.group(2)) and t.dep_ not in ("nummod",):
            year = int(m.group(1))
            if m.group(2) or story_year is None or year != story_year:
                if story_year is None and not m.group(2):
                    continue  # without the story's year a bare year cannot be told apart from today's
                return "background", t.text.lower()
    if years_only:
        return "story", None
    ordered = sorted(clause, key=lambda t: t.i)
    text = " ".join(t.text for t in ordered if t.i not in skip)
    found = _PHRASES.search(text)
    if found and not re.match(r"\s*['’]s\b", text[found.end():]):  # "last week's election" dates the election
        return "background", " ".join(found.group().lower().split())
    return "story", None


def has_time_words(tokens: Sequence[Token]) -> bool:
    """Whether the tokens date themselves (a weekday, month, year, "today", "last", "ago", ...)."""
    return any(_TIME_WORDS.match(t.text) for t in tokens)
