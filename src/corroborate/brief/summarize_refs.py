"""What a summary sentence refers back to, and what it introduces (issue 13: a summary that reads as a briefing).

A sentence taken out of its report can lean on what the report said before it: a surname whose full name came
earlier ("Latimer said ..."), a shell noun ("according to the statement", "The decision is a compromise"), a
demonstrative ("that issue"), a definite description echoing a name ("the shroud" for the Shroud of Turin, "the
$100"). Such a sentence reads fine in the summary when an *earlier summary sentence* introduced the referent,
and misleads otherwise. :func:`references` lists, per sentence, what it ``needs`` (each need a set of
alternatives, any one of which satisfies it) and what it ``gives``; :func:`arrange` orders a summary so every need
is met by an earlier sentence (moving the introducing sentence forward when the summary has it) and names the
sentences whose needs nothing meets (the caller leaves them out and selects again).

Persons come from the story's entities (the NER + linker, every mention a span); the other patterns are
hand-written regular expressions over the sentence (general English news usage, not a parse: the brief stage
has the text, the spans and the entities, not the trees). Keys: ``E:<entity name>``, ``W:<word>`` (a noun the
summary must have used), ``N:<number>``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..lang.en import MONTH_NAMES, STOP_WORDS, WEEKDAY_NAMES
from ..lang.en.honorifics import HONORIFICS
from ..records import EntityRecord


@dataclass(frozen=True)
class Refs:
    """What one sentence needs an earlier summary sentence to have given, and what it gives."""

    needs: tuple[frozenset[str], ...] = ()
    gives: frozenset[str] = frozenset()


_NAME_TOKEN = re.compile(r"[^\W\d_][\w’'.-]*")


def _name_tokens(text: str) -> list[str]:
    """The tokens of a person mention without honorifics and ranks ("Mr. Jabari" -> ["Jabari"])."""
    words = [w.rstrip(".") for w in _NAME_TOKEN.findall(text)]
    return [w for w in words if w.lower() not in HONORIFICS and w.lower() not in ("’s", "'s")]


def _full(text: str) -> bool:
    return len(_name_tokens(re.sub(r"[’']s$", "", text))) >= 2


# Nouns whose referent is a whole earlier statement or event (Schmid 2000's "shell nouns", the ones news uses
# most) and generic speakers: with a definite or demonstrative determiner and no complement ("the decision to
# ...", "the statement by the ministry" are complete), they point back. source: general knowledge of English
# news usage.
SHELL_NOUNS = frozenset(
    "statement statements decision decisions announcement move proposal incident issue issues question questions "
    "problem remarks comments comment claim claims allegation allegations ruling request offer finding findings "
    "letter video footage tweet tweets post message report official officials spokesman spokeswoman spokesperson "
    "source sources plan deal agreement measure bill idea fact situation scandal controversy policy".split()
)
# What may follow a referring noun phrase: punctuation, the end, a conjunction or a verb of the sentence
# ("the statement said", "The decision is ...", a word in -s or -ed). Anything else may be a complement ("the
# decision to ...", "the report by ...") or show the word is a modifier ("the official death toll"): the
# phrase may be complete.
_VERBS = ("said says added stated noted read reads showed shows is was were are be been has had have will would "
          "could can may might must should came comes come followed follows also did does called calls appeared "
          "appears remains remained means meant marked marks drew draws sparked prompted raised left made makes "
          "caused causes told tells explained confirmed denied suggested suggests claimed claims described "
          "included includes seemed seems took takes and or but").split()
_END = rf"(?=\s*(?:[.,;:!?)”\"’]|$)|\s+(?:{'|'.join(_VERBS)}|[a-z]+(?:s|ed))\b)"
# "that" is a demonstrative after a preposition ("around that issue"); elsewhere it is usually a conjunction or
# relative ("said that officials ...").
_PREPOSITION = r"(?:to|of|in|on|at|for|with|by|from|around|about|over|after)"
_DETERMINER = rf"(?i:the|this|these|those|another|{_PREPOSITION}\s+that)"
_SHELL = re.compile(
    rf"\b{_DETERMINER}\s+(?:[a-z][\w-]*\s+)?({'|'.join(sorted(SHELL_NOUNS))}){_END}"
)
# "the new policy", "the new boarding process": a thing the report described before (lower-case: not "The New
# York Times"), unless completed.
_NEW = re.compile(rf"\b[Tt]he (?:new|same) ((?:[a-z][\w-]*\s+)??[a-z][\w-]*){_END}")
# A person's role for a speaker ("the official said"): a plural earlier ("officials said") introduces no one.
_SPEAKER_NOUNS = frozenset({"official", "spokesman", "spokeswoman", "spokesperson", "source"})
# A demonstrative standing for what was said before ("... to evaluate this.") or "that" as a determiner
# closing a phrase ("To fulfill that goal, ...").
_DEMONSTRATIVE_PRONOUN = re.compile(r"\b(?:this|these|those)(?=\s*[.!?…]\W*$)|\bthat\s+([a-z]+)(?=[,;:])")
# A demonstrative before a noun ("that issue", "these details to ..."; not "this kind of"); time nouns ("this
# week", "that point") are deictic, resolved by the report's date (the timeline), not references to a sentence.
_DEMONSTRATIVE = re.compile(rf"\b(?i:this|these|those|{_PREPOSITION}\s+that)\s+([a-z][\w-]*)\b(?!\s+of\b|-)")
_TIME_NOUNS = frozenset(
    "week weeks weekend month months year years day days morning afternoon evening night time times season "
    "spring summer fall autumn winter century decade quarter hour hours minute minutes moment point stage "
    "period past era".split()
) | {m.lower() for m in MONTH_NAMES} | {d.lower() for d in WEEKDAY_NAMES}
# "the $100", "the 3,000": a figure the report gave before. Years ("the 2014 outbreak") and ages ("the
# 49-year-old") are not back-references.
_THE_NUMBER = re.compile(r"\bthe\s+([$€£]?\d[\d,.]*)(?![\d,.]*-)\b")
_NUMBER = re.compile(r"[$€£]?\d[\d,.]*\d|[$€£]?\d")
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
# The sentence's opening definite description, at its start or after a fronted phrase ("Held in Turin, the
# shroud bears ..."): the words of that noun phrase (lower case).
_OPENING_THE = re.compile(r"^(?:[^,;:\"“]{1,100},\s+){0,3}?[Tt]he\s+((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)")
_WORD = re.compile(r"[a-z][a-z-]+")


def _number_key(text: str) -> str:
    return "N:" + text.strip("$€£").rstrip(".,").replace(",", "")


def _noun_key(word: str) -> str:
    word = word.lower()
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return "W:" + word


def _head_words(name: str) -> set[str]:
    """The head words of a multi-word name, lower case: the last word, or the one before "of" ("Shroud of
    Turin", "Bank of Canada")."""
    words = name.split()
    if len(words) < 2:
        return set()
    heads = {words[-1]}
    if "of" in words[1:]:
        heads.add(words[words.index("of") - 1])
    return {h.lower().strip(".,’'") for h in heads if h[:1].isupper() and h.lower() not in STOP_WORDS}


class StoryRefs:
    """The story's entities, indexed for :meth:`refs` (``entities``: the analysis's entity records)."""

    def __init__(self, entities: Sequence[EntityRecord]) -> None:
        self._mentions: dict[str, list[tuple[int, int, str, str]]] = {}
        self._by_head: dict[str, set[str]] = {}
        self._resolvable: set[str] = set()
        for entity in entities:
            key = "E:" + entity.name
            for span in entity.spans:
                self._mentions.setdefault(span.source, []).append((span.start, span.end, key, span.text))
            if entity.type == "PERSON":
                if any(_full(n) for n in [entity.name, *entity.aliases]):
                    self._resolvable.add(key)
            else:
                for head in _head_words(entity.name):
                    self._by_head.setdefault(head, set()).add(key)
        for spans in self._mentions.values():
            spans.sort()
        self._starts = {s: [m[0] for m in spans] for s, spans in self._mentions.items()}
        self._persons = {"E:" + e.name for e in entities if e.type == "PERSON"}

    def refs(self, source: str, start: int, text: str) -> Refs:
        """What the sentence ``text`` (at ``start`` in report ``source``) needs and gives."""
        needs: list[frozenset[str]] = []
        gives: set[str] = set()
        spans = self._mentions.get(source, [])
        first = bisect.bisect_left(self._starts.get(source, []), start)
        short: set[str] = set()
        end = start + len(text)
        for s, e, key, mention in spans[first:]:
            if s >= end:
                break
            if e > end:
                continue
            if key not in self._persons or _full(mention):
                gives.add(key)
            else:
                short.add(key)
        # A person named by surname (or first name) alone needs their full name earlier; one the story never
        # names in full can only be skipped (nothing gives the key).
        needs += [frozenset({key}) for key in sorted(short - gives)]
        for m in _SHELL.finditer(text):
            word = m.group(1).lower()
            needs.append(frozenset({"X:" + word if word in _SPEAKER_NOUNS else _noun_key(word)}))
        for m in _DEMONSTRATIVE_PRONOUN.finditer(text):
            needs.append(frozenset({_noun_key(m.group(1)) if m.group(1) else "W:"}))  # "W:" nothing gives
        for m in _NEW.finditer(text):
            words = m.group(1).split()
            if not any(w in STOP_WORDS for w in words):  # "the same as before" compares, "the new and old"
                needs.append(frozenset({_noun_key(words[-1])}))
        for m in _DEMONSTRATIVE.finditer(text):
            if m.group(1) not in _TIME_NOUNS and m.group(1) not in STOP_WORDS:
                needs.append(frozenset({_noun_key(m.group(1))}))
        for m in _THE_NUMBER.finditer(text):
            if not _YEAR.match(m.group(1).rstrip(".,")):
                needs.append(frozenset({_number_key(m.group(1))}))
        opening = _OPENING_THE.match(text)
        if opening:
            for word in opening.group(1).split():
                named = self._by_head.get(word, set())
                if named and not named & gives:
                    needs.append(frozenset(named))
                    break
        gives |= {_noun_key(w) for w in _WORD.findall(text.lower())}
        gives |= {"X:" + w for w in _WORD.findall(text.lower()) if w in _SPEAKER_NOUNS}
        gives |= {_number_key(n) for n in _NUMBER.findall(text)}
        return Refs(needs=tuple(dict.fromkeys(needs)), gives=frozenset(gives))


def arrange(order: Sequence[int], refs: Sequence[Refs]) -> tuple[list[int], list[int]]:
    """Order ``order`` (indices into ``refs``) so that every sentence's needs are met by sentences before it:
    a sentence whose need a later one meets gets that one moved before it (when the later one's own needs are
    met there); one whose need nothing before or after meets is taken out. Returns (the order, those taken
    out)."""
    out = list(order)
    dropped: list[int] = []
    given: set[str] = set()
    i = 0
    while i < len(out):
        missing = [need for need in refs[out[i]].needs if not need & given]
        if not missing:
            given |= refs[out[i]].gives
            i += 1
            continue
        mover = next((j for j in range(i + 1, len(out))
                      if all(need & refs[out[j]].gives for need in missing)
                      and all(need & given for need in refs[out[j]].needs)), None)
        if mover is not None:
            out.insert(i, out.pop(mover))
        else:
            dropped.append(out.pop(i))
    return out, dropped
