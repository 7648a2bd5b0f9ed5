"""The tense of the clause a time expression dates, read from the report's dependency parse.

Reads a parsed spaCy ``Doc`` (UD ``pos_``, ``dep_``, ``morph`` from :mod:`corroborate.analyze.syntax`) and a
character span; returns ``"past"``, ``"future"`` or ``"unknown"``. The timeline uses it to place a yearless date
("hired in April", "will vote on March 3") before or after the report's date; the recogniser's own cue-word
window (:meth:`~corroborate.analyze.timex.context.Ctx.tense`) stays for plain text (TempEval is scored on it).
A Doc without a parse gives ``"unknown"``, so callers fall back to the recogniser's reading.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["clause_tense"]

# Auxiliaries and verbs of scheduling that put a clause in the future (general English grammar).
_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo"})
_SCHEDULED = frozenset({"scheduled", "due", "expected", "set", "slated", "planned", "planning", "plans", "going"})
# Prepositions that only take a past time before the report ("since February", "ago" is a rule of its own).
_PAST_PREPOSITIONS = frozenset({"since"})
_PERFECT = frozenset({"has", "have", "'ve", "having"})
_CLIMB = 6  # tokens climbed from the expression to its governing verb; a date hangs one or two links below it


def _is_predicate(token: Token) -> bool:
    """A verb, or a noun / adjective predicate with its copula ("there had been 20 rescues by April 26")."""
    return token.pos_ in ("VERB", "AUX") or any(c.dep_ == "cop" for c in token.children)


def _governing_verb(token: Token) -> Token | None:
    head = token
    for _ in range(_CLIMB):
        if head is not token and _is_predicate(head):
            return head
        if head.head is head:
            return head if _is_predicate(head) else None
        head = head.head
    return None


def _auxiliaries(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_.startswith("aux") or c.dep_ == "cop"]


def _is_future(verb: Token) -> bool:
    # "will begin arriving on Jan. 25", "is due to vote on Friday", "plans to reopen in May": the date's verb, or
    # the verb whose complement it is, takes "will" or is a scheduling word.
    for _ in range(_CLIMB):
        if any(c.lower_ in _FUTURE_AUX for c in _auxiliaries(verb)):
            return True
        if verb.dep_ != "xcomp" or verb.head is verb:
            return False
        verb = verb.head
        if verb.lower_ in _SCHEDULED:
            return True
    return False


def _is_past(verb: Token) -> bool:
    auxes = _auxiliaries(verb)
    if any("Past" in c.morph.get("Tense", []) for c in auxes):
        return True  # "had warned", "was hired", "did not say"
    if "Past" not in verb.morph.get("Tense", []):
        return False
    if "Part" not in verb.morph.get("VerbForm", []) or not auxes:
        return True  # "was hired", or a participle on its own ("the man arrested Friday")
    # A participle with "has"/"have" is a present perfect ("has been in effect since"): past time too; with a
    # present auxiliary it is a present passive ("permits are taken in May"), with a modal a guess.
    return any(c.lower_ in _PERFECT for c in auxes)


def clause_tense(doc: Doc, start: int, end: int) -> str:
    """``"past"``, ``"future"`` or ``"unknown"`` for the clause that the expression at ``[start, end)`` dates."""
    if not doc.has_annotation("DEP"):
        return "unknown"
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return "unknown"
    if span.start > 0 and doc[span.start - 1].lower_ in _PAST_PREPOSITIONS:
        return "past"
    verb = _governing_verb(span.root)
    if verb is None:
        return "unknown"
    if _is_future(verb):
        return "future"
    return "past" if _is_past(verb) else "unknown"
