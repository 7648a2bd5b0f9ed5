"""Who a sentence says gives a figure, read from the dependency parse (a clean API the quote finder may adopt).

Contract. :func:`speaker_of` reads a token ``Span`` of a parsed spaCy ``Doc`` (a figure, or any phrase; the
character-offset form is :func:`speaker_span`) and returns the ``Span`` of the speaker phrase the syntax
attributes it to, or None for the outlet's own voice:

- the ``nsubj`` of a speech or report verb (``lang/en`` ``figure_verbs.txt`` and ``speech_verbs.txt``) that
  governs the figure's clause, as a complement ("Officials said 12 people were killed") or as a parenthetical
  ("12 people were killed, officials said": UD ``parataxis``/``ccomp`` with the speech verb as root);
- the object of "according to" attached in the figure's clause ("according to Westlaw data" -> "Westlaw data");
- the possessor of a figure noun ("the ministry's figures").

The speaker phrase is the subject's subtree without relative clauses, appositives' descriptions and punctuation,
at most :data:`MAX_WORDS` words; pronouns are returned as they are (resolution is the caller's). Writes nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from corroborate.lang.en import FIGURE_VERBS, IRREGULAR_SPEECH_VERBS, MONTHS, SPEECH_VERBS, WEEKDAYS
from corroborate.lang.en.measures import TIME_UNITS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["MAX_WORDS", "speaker_of", "speaker_span"]

MAX_WORDS = 8
_FIGURE_NOUNS = frozenset({"figure", "figures", "estimate", "estimates", "count", "tally", "toll", "data",
                           "numbers", "statistics", "report", "records", "filing", "filings"})
# Verbs whose direct object is the figure they give ("reported 19 cases"); other verbs' objects are acts
# ("posted a $300 bond").
_COUNT_VERBS = frozenset({"reported", "reports", "counted", "counts", "estimated", "estimates", "recorded",
                          "records", "confirmed", "confirms", "logged", "registered", "tallied", "listed"})
_DROP_DEPS = frozenset({"acl:relcl", "acl", "appos", "punct", "advcl", "parataxis", "conj", "cc"})


# Past participles whose "by" agent gives the count ("32 cases have been confirmed by the CDC").
_AGENT_VERBS = frozenset({"reported", "counted", "estimated", "recorded", "confirmed", "logged", "registered",
                          "tallied", "listed", "verified", "documented", "announced", "cited", "released"})


def _speech_forms() -> frozenset[str]:
    forms = {f.lower() for f in FIGURE_VERBS if " " not in f}
    for base in SPEECH_VERBS:
        b = base.lower()
        forms |= {b, b + "s", b + "ed", b + "d", (b[:-1] + "ied") if b.endswith("y") else b + "ed"}
        # "with aid agencies warning that ...", "officials saying": the gerund reports as the finite verb does
        forms.add((b[:-1] if b.endswith("e") and not b.endswith("ee") else b) + "ing")
    for row in IRREGULAR_SPEECH_VERBS:
        forms |= {f.lower() for f in row}
    return frozenset(forms)


_SPEECH = _speech_forms()


def _phrase(subject: Token) -> tuple[int, int] | None:
    """Token range [first, last] of a subject's phrase without its clauses and descriptions."""
    keep = [subject]
    stack = [c for c in subject.children if c.dep_ not in _DROP_DEPS]
    while stack:
        t = stack.pop()
        keep.append(t)
        stack.extend(c for c in t.children if c.dep_ not in _DROP_DEPS)
    idx = sorted(t.i for t in keep)
    # contiguous run around the subject
    lo = hi = subject.i
    pos = set(idx)
    while lo - 1 in pos:
        lo -= 1
    while hi + 1 in pos:
        hi += 1
    if hi - lo + 1 > MAX_WORDS:
        return None
    return lo, hi


def _span(doc: Doc, subject: Token) -> Span | None:
    rng = _phrase(subject)
    if rng is None:
        return None
    lo, hi = rng
    while lo <= hi and doc[lo].pos_ in ("PUNCT", "CCONJ"):
        lo += 1
    while hi >= lo and (doc[hi].pos_ == "PUNCT" or doc[hi].lower_ in ("'s", "’s", "'", "’")):
        hi -= 1  # "the army's figures" -> "the army"
    if lo > hi:
        return None
    return doc[lo:hi + 1]


def _subject_of(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "nsubj":
            return c
    return None


def _according(head: Token) -> Token | None:
    for c in head.children:
        if c.dep_ in ("obl", "nmod", "advcl") and any(g.lower_ == "according" for g in c.children if g.dep_ == "case"):
            return c
    return None


def _time_words() -> frozenset[str]:
    words = {w.lower() for row in (*MONTHS, *WEEKDAYS) for w in row} | set(TIME_UNITS)
    return frozenset(words | {"time", "end", "now", "then", "noon", "midnight", "morning", "evening", "today"})


_TIME_WORDS = _time_words()


def _agent(node: Token) -> Token | None:
    """The "by" agent of a count participle ("confirmed by the CDC"), else None; a time is no agent ("confirmed
    by that month", "by Friday")."""
    if node.pos_ != "VERB" or node.lower_ not in _AGENT_VERBS:
        return None
    for c in node.children:
        if c.dep_ in ("obl:agent", "obl") and c.pos_ in ("NOUN", "PROPN") and c.lower_ not in _TIME_WORDS \
                and not c.like_num and any(g.dep_ == "case" and g.lower_ == "by" for g in c.children):
            return c
    return None


def speaker_span(doc: Doc, start: int, end: int) -> Span | None:
    """The speaker of the phrase at characters ``[start, end)`` (see the module docstring); None if none."""
    if not doc.has_annotation("DEP"):
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span.root
    seen = 0
    node = token
    while seen < 30:
        seen += 1
        acc = _according(node) or _agent(node)
        if acc is not None:
            return _span(doc, acc)
        for c in node.children:  # "12 people were killed, officials said" parsed with "said" below
            if c.dep_ in ("parataxis", "ccomp") and c.lower_ in _SPEECH and c.i > token.i:
                subj = _subject_of(c)
                if subj is not None:
                    return _span(doc, subj)
        if node.lower_ in _FIGURE_NOUNS:
            for c in node.children:
                if c.dep_ == "nmod:poss":
                    return _span(doc, c)
        head = node.head
        if head.i == node.i:
            break
        if head.lower_ in _SPEECH and (node.dep_ == "advcl" or any(
            c.dep_ == "mark" and c.lower_ not in ("that", "whether", "if", "to") for c in node.children
        )):
            break  # an adverbial clause of the saying ("..., X said, although ...") is not what X reports
        clausal = node.dep_ in ("ccomp", "parataxis") and head.lower_ in _SPEECH
        counted = node.dep_ == "obj" and head.lower_ in _COUNT_VERBS  # "the CDC confirmed 120 cases"
        if head.pos_ == "VERB" and (clausal or counted):
            subj = _subject_of(head)
            if subj is not None:
                return _span(doc, subj)
        node = head
    return None


def speaker_of(span: Span) -> Span | None:
    """The speaker of a token span of a parsed Doc (see the module docstring); None for the outlet's own voice."""
    if len(span) == 0:
        return None
    return speaker_span(span.doc, span.start_char, span.end_char)
