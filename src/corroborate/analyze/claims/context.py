"""Decide what a quantity phrase counts (its measure) and who is counted (its subject) from nearby words.

Reads one sentence and its :class:`~corroborate.analyze.claims.spans.Phrase` list; offsets are local.
A phrase gets a measure from, in order: its currency; a trigger just before it ("killing 12", "the toll
rose to 62"); a trigger after its noun phrase ("12 people were killed", "62 dead"); a subject that is a
measure by itself ("2,000 protesters"); or a coordinated neighbour ("12 soldiers and 30 civilians were
killed"). A phrase with no event measure here takes an open measure from the parse (:mod:`.tree`) in the caller.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corroborate.analyze.claims.lexicon import (
    AUXILIARIES,
    HEAD_SUBJECT_MEASURES,
    LEFT_TRIGGERS,
    NP_BLOCKERS,
    RIGHT_TRIGGERS,
    SUBJECT_MEASURES,
    SUBJECTS,
    alternation,
    subject_group,
)
from corroborate.analyze.claims.spans import Phrase

_I = re.IGNORECASE
_W = rf"(?!(?:{AUXILIARIES}|{NP_BLOCKERS})\b)(?:(?:[A-Za-z]\.){{2,}}|[A-Za-z][\w'’-]*)"  # "u.n." too
_OF_LEAD = r"(?:\s+of(?:\s+(?:the|them|those|whom)\b)?)?"
_NP = (
    rf"(?:\s+(?P<np>(?:{_W}\s+){{0,3}}?{_W}))??(?P<pp>\s+of\s+(?:the\s+|a\s+)?(?:{_W}\s+){{0,2}}?{_W})?"
    rf"(?P<coord>\s+(?:and|or)\s+(?:an?\s+|one\s+|other\s+)?(?:{_W}\s+){{0,2}}?{_W})?"
)
_PAREN = r"including|among\s+them|among\s+whom|mostly|[\w-]+\s+of\s+(?:them|whom)"  # "two of them children"
_TRIGGER_WORDS = {w: m for m, ws in RIGHT_TRIGGERS.items() for w in ws}
_LEFT_WORDS = {w for ws in LEFT_TRIGGERS.values() for w in ws} | {"arrests", "without"}
# "one protester, a 19-year-old student, died": an appositive between the counted noun and its verb.
_APPOS = r"(?:an?|the)\s"
_RIGHT = re.compile(
    rf"^{_OF_LEAD}{_NP}(?P<paren>\s*,\s*(?:(?:{_PAREN})\b|{_APPOS})[^,;]{{0,80}},)?(?P<aux>(?:\s+(?:{AUXILIARIES}))*)"
    rf"\s+(?P<trig>{alternation(_TRIGGER_WORDS)})\b",
    _I,
)
_NP_ONLY = re.compile(rf"^{_OF_LEAD}(?:\s+(?P<np>(?:{_W}\s+){{0,3}}{_W}))(?![\w'’-])", _I)
_FILLERS = r"(?:(?:a\s+total\s+of|another|a\s+further|an\s+additional|the|all)\s+)*"
_LEFT = [
    (re.compile(rf"(?<![\w])(?:{alternation(ws)})\s+{_FILLERS}$", _I), m) for m, ws in LEFT_TRIGGERS.items()
]
_TOLL = re.compile(
    r"\btoll\b[^.;!?]{0,60}?\b(?:to|at|of|is|was|reached|hit|passed|topped|exceeded|surpassed)\s+$", _I
)
_NUMBER_OF = re.compile(
    r"\b(?:number|tally|count|total)\s+of\s+(?P<what>[^.;!?\d]{1,40}?)\s+(?:(?:has|have|had)\s+)?"
    r"(?:rose|risen|climbed|increased|jumped|grown|grew|reached|stood|stands|hit|was|is|rises|climbs|"
    r"went\s+up)(?:\s+(?:to|at))?\s+$"
    r"|\b(?:number|tally|count|total)\s+of\s+(?P<what2>[^.;!?\d]{1,40}?)\s+at\s+$",
    _I,
)
# "the government's figure of 96": the figure restates the measure of an earlier figure in the sentence.
_FIGURE_OF = re.compile(r"\b(?:figure|estimate|count|tally|number|total)\s+(?:of|at)\s+$", _I)
# "eleven of them", "six of the injured": a part of a group already counted, not a claim of its own.
_ONE_OF = re.compile(r"one\s+of\b", _I)  # "one of the survivors", "one of the deadliest"
_NOT_A_COUNT_ONE = re.compile(r"\b(?:no|not|single|each|every|any|the|this|that|which|no\s+other)\s+$", _I)
_TIME_UNITS = frozenset({"years", "year", "months", "month", "weeks", "week", "days", "day", "hours", "hour",
                         "minutes", "minute", "seconds", "decades", "centuries", "times", "percent"})
_SUBSET = re.compile(rf"^\s+of\s+(?:them|whom|those|the\s+(?:{alternation(_TRIGGER_WORDS)}))\b", _I)
# "broke the truce more than 40 times": a count of times something was broken is a count of violations.
_BREACH_LEFT = re.compile(
    r"\b(?:broke|broken|break|breaks|breaking|breached|breach|breaches|breaching|violated|violate|violates|"
    r"violating)\b[^.;!?]{0,80}$",
    _I,
)
# "four children were still being treated for shrapnel wounds": treated for wounds means wounded. Plain
# "treated" is not a right trigger: "27 people were being treated for burns" is a negative in HELDOUT_3.
_TREATED_RIGHT = re.compile(
    rf"^(?:\s+[\w'’-]+){{1,4}}?(?:\s+(?:{AUXILIARIES}))*\s+treated\s+for\s+(?:[\w-]+\s+){{0,2}}?"
    r"(?:wounds|injuries)\b",
    _I,
)
_TURNOUT_LEFT = re.compile(r"\bturnout\b[^.;!?\d]{0,30}$", _I)
_SHARE_RIGHT = re.compile(r"^\s+of\s+(?:the\s+)?(?:votes?|ballots?|poll)\b", _I)
_COORD_GAP = re.compile(
    rf"^{_OF_LEAD}(?:\s+(?:{_W}\s+){{0,3}}?{_W})?(?:\s+(?:in|at|near|from|on)\s+(?:{_W}\s+){{0,2}}?{_W})?"
    rf"\s*(?:,\s*and|,|and|or|as\s+well\s+as|plus)(?:\s+(?:another|a\s+further|an\s+additional))?\s*$",
    _I,
)
_INCLUDING_GAP = re.compile(
    rf"^{_OF_LEAD}(?:\s+(?:{_W}\s+){{0,3}}?{_W})?\s*,?\s*(?:including|among\s+them|among\s+whom|of\s+whom|"
    rf"of\s+them)\s*$",
    _I,
)


@dataclass
class Reading:
    """What one phrase counts: measure (None = not a claim) and the counted noun as written, lowercased."""

    measure: str | None
    subject: str | None
    via: str = ""  # where the measure came from: left, right, subject, money, percent, shared


def subject_of(np: str | None, measure: str | None) -> str | None:
    """The counted noun in a noun phrase: a known subject (rightmost, two-word first) or the head noun."""
    if not np:
        return None
    words = [w.lower() for w in np.split()]
    if words[0] in _TRIGGER_WORDS:  # "30 picketed outside": the words after the number are its predicate
        return None
    words = [w for w in words if w not in _TRIGGER_WORDS and w not in _LEFT_WORDS] or [""]
    for i in range(len(words) - 1, -1, -1):
        if i > 0 and f"{words[i - 1]} {words[i]}" in SUBJECTS:
            return f"{words[i - 1]} {words[i]}"
        if words[i] in SUBJECTS:
            return words[i]
    return words[-1] or None if measure in HEAD_SUBJECT_MEASURES else None


def _left_measure(left: str) -> str | None:
    for rx, measure in _LEFT:
        if rx.search(left):
            return measure
    if _TOLL.search(left):
        return "killed"
    m = _NUMBER_OF.search(left)
    if m:
        for word in (m.group("what") or m.group("what2")).lower().split():
            if word in _TRIGGER_WORDS:
                return _TRIGGER_WORDS[word]
    return None


def _percent_measure(left: str, right: str) -> str | None:
    if _TURNOUT_LEFT.search(left):
        return "turnout"
    if _SHARE_RIGHT.match(right):
        return "vote share"
    return None


def read_phrase(s: str, phrase: Phrase, prev_end: int) -> Reading:
    """Measure and subject of one phrase from the text before it (back to ``prev_end``) and after it."""
    left, right = s[prev_end:phrase.start], s[phrase.end:]
    if phrase.kind == "fraction":  # "a third of the country": a share, read from the parse (numbers)
        return Reading(None, None, "fraction")
    one = phrase.kind == "exact" and s[phrase.start:phrase.end].lower() == "one"
    if _SUBSET.match(right) or (one and (_ONE_OF.match(s[phrase.start:]) or _NOT_A_COUNT_ONE.search(left))):
        return Reading(None, None, "subset")
    if phrase.kind == "percent":
        return Reading(_percent_measure(left, right), None, "percent")
    if phrase.currency:
        return Reading("money", phrase.currency, "money")
    m = _RIGHT.match(right)
    right_measure = _TRIGGER_WORDS[" ".join(m.group("trig").lower().split())] if m else None
    if right_measure is None and _TREATED_RIGHT.match(right):
        right_measure = "wounded"
    np = m.group("np") if m else None
    if np is None:
        only = _NP_ONLY.match(right)
        np = only.group("np") if only else None
    left_measure = None if phrase.year_like else _left_measure(left)
    measure = left_measure or right_measure
    via = "left" if left_measure else "right" if right_measure else ""
    subject = subject_of(np, measure)
    if np and np.split()[0].lower() == "times" and left_measure is None and _BREACH_LEFT.search(left):
        return Reading("violations", None, "left")
    if np and np.split()[0].lower() in _TIME_UNITS:
        return Reading(None, None)  # "his wife of 10 years", "12 times"
    if measure is None and subject is not None:
        canonical = subject_group(subject)
        measure = SUBJECT_MEASURES.get(canonical) if canonical else None
        via = "subject" if measure else ""
    if phrase.year_like and right_measure is None and subject is None:
        return Reading(None, None)
    return Reading(measure, subject, via)


def _share(s: str, phrases: list[Phrase], readings: list[Reading]) -> None:
    """Copy measures across coordinated phrases, in place."""
    ok = [p.kind != "percent" and not p.currency and not p.superseded and r.via != "subset"
          for p, r in zip(phrases, readings, strict=True)]
    # "12 soldiers and 30 civilians were killed": the verb after the last phrase covers the earlier ones.
    for i in range(len(phrases) - 2, -1, -1):
        j = i + 1
        if readings[i].measure is None and readings[j].via in ("right", "shared-right") and ok[i] and ok[j]:
            if _COORD_GAP.match(s[phrases[i].end:phrases[j].start]):
                readings[i].measure, readings[i].via = readings[j].measure, "shared-right"
    # "killing 12 soldiers and 30 civilians" (verb before the first); "12 people, including three children".
    for j in range(1, len(phrases)):
        i = j - 1
        if readings[j].measure is not None or not readings[i].measure or not (ok[i] and ok[j]):
            continue
        gap = s[phrases[i].end:phrases[j].start]
        coordinated = readings[i].via in ("left", "shared-left") and _COORD_GAP.match(gap)
        if coordinated or _INCLUDING_GAP.match(gap):
            readings[j].measure, readings[j].via = readings[i].measure, "shared-left"
    # "far more than the government's figure of 96": same measure as the nearest earlier figure.
    for j in range(1, len(phrases)):
        gap = s[phrases[j - 1].end:phrases[j].start]
        if readings[j].measure is None and ok[j] and _FIGURE_OF.search(gap):
            earlier = [r for r, good in zip(readings[:j], ok[:j], strict=True) if r.measure and good]
            if earlier:
                readings[j].measure, readings[j].via = earlier[-1].measure, "shared-left"


def read_sentence(s: str, phrases: list[Phrase]) -> list[Reading]:
    """Readings for all phrases of a sentence, then measures shared across coordinated phrases."""
    readings: list[Reading] = []
    prev_end = 0
    for p in phrases:
        readings.append(read_phrase(s, p, prev_end))
        if not p.superseded:  # "the toll rose from 12 to 62": "toll ... to" still reaches 62
            prev_end = p.end
    _share(s, phrases, readings)
    for p, r in zip(phrases, readings, strict=True):
        if r.measure in HEAD_SUBJECT_MEASURES and r.subject is None:
            r.subject = subject_of(_np_after(s, p), r.measure)
    return readings


def _np_after(s: str, p: Phrase) -> str | None:
    only = _NP_ONLY.match(s[p.end:])
    return only.group("np") if only else None
