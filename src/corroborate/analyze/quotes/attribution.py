"""Find the speech verb and the speaker's noun phrase in the words framing a quotation.

Reads a text and the character range of a frame (the clause after a closing mark, or the sentence part
before an opening mark); returns an :class:`Attribution` with character spans. Hand-written patterns
(they read the text alone; with the report's parse the finder checks their phrase against the cue's subject,
:mod:`.syntax`): ``"...," X said`` / ``"...," said X`` / ``"...," according to X`` /
``X said: "..."`` / ``Said X, "..."`` / ``X called the deal "..."``. Speaker spans follow PolNeAR:
the whole noun phrase, titles and appositives included (``Jane Doe, the ministry's spokeswoman``). Numeric claims
have their own finder (:mod:`corroborate.analyze.claims.attribution`: every source a sentence names, for figures
rather than quotations); the two share their word lists in :mod:`corroborate.lang.en`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corroborate.analyze.quotes.lexicon import (
    CLAUSE_STOPS,
    COMMON_VERBS,
    CONJUNCTIONS,
    DETERMINERS,
    INTRO_WORDS,
    INVERTING_VERBS,
    NAMING_VERBS,
    NP_STOPS,
    PRONOUNS,
    SPEECH_VERBS,
    TITLES,
    VERB_PREFIX,
)

# 30 tokens: longest speaker phrase we accept ("Jane Doe, legal director for ... ,"); set by hand so that
# long PolNeAR appositives (relative clauses included) still fit.
MAX_NP_TOKENS = 30
# 4 tokens: a speaker phrase starting lower-case ("party officials", "two aides") is short.
MAX_LOWER_NP_TOKENS = 4
_TOKEN = re.compile(r"\w[\w'’\-]*\w(?:['’](?!\w))?|\w|[^\w\s]")  # keeps "rebels'" / "Sanders’" whole
_QUOTE_CHARS = set("\"“”‘’«»„")
_BREAKING_MARKS = set("\"“”«»„‘")  # marks that end an attribution clause (’ may be an apostrophe)
# 8 tokens: a head noun phrase without commas before a verb is at most this long ("former George W. Bush
# speechwriter Noam Neusner"); longer ones are clauses ("Warren appeared with ... and endorsed Clinton").
MAX_HEAD_TOKENS = 8
_RELATIVE = frozenset("who which whose whom where when while".split())
_PARTICIPLE_STOPS = frozenset("adding saying noting explaining telling referring speaking".split())


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower()


@dataclass(frozen=True)
class Attribution:
    """A speech cue and the speaker phrase it governs, as character spans (speaker may be absent)."""

    cue: str
    cue_span: tuple[int, int]
    speaker_span: tuple[int, int] | None


def tokens(text: str, start: int, end: int) -> list[Token]:
    """Word and punctuation tokens of ``text[start:end]`` with absolute offsets."""
    return [Token(m.group(), start + m.start(), start + m.end()) for m in _TOKEN.finditer(text[start:end])]


def _span(toks: list[Token]) -> tuple[int, int] | None:
    """Span covering ``toks`` without leading or trailing punctuation."""
    while toks and not toks[-1].text[0].isalnum() and toks[-1].text not in (")",):
        toks = toks[:-1]
    while toks and not toks[0].text[0].isalnum():
        toks = toks[1:]
    return (toks[0].start, toks[-1].end) if toks else None


def _plausible_np(toks: list[Token]) -> bool:
    """A speaker phrase: short, no quotation marks, starting like a noun phrase."""
    if not toks or len(toks) > MAX_NP_TOKENS or any(t.text in _QUOTE_CHARS for t in toks):
        return False
    first = toks[0]
    if first.text[0].isupper() or first.text[0].isdigit() or first.low in PRONOUNS | DETERMINERS:
        return first.low not in SPEECH_VERBS or _name_word(toks, 0)
    head = _chunks(toks)[0] if _chunks(toks) else []
    named = any(t.text[0].isupper() for t in head)  # "conservative activist Bob Klaus"
    return (named or len(toks) <= MAX_LOWER_NP_TOKENS) and all(t.text[0].isalnum() for t in head)


def _name_word(toks: list[Token], k: int) -> bool:
    """Token ``k`` is capitalised and followed by a capitalised word: part of a name ("State Department")."""
    return toks[k].text[0].isupper() and k + 1 < len(toks) and toks[k + 1].text[0].isupper()


def _interjection(tok: Token) -> bool:
    """A comma chunk starting like this is not an appositive: ", speaking to Iowans", ", after a pause"."""
    low = tok.low
    return low in NP_STOPS or low in _PARTICIPLE_STOPS or (tok.text.islower() and low.endswith(("ing", "ed")))


def _np_after(toks: list[Token]) -> list[Token]:
    """The speaker phrase after an inverted verb: the head, plus one appositive ("said Jane Doe, the
    ministry's spokeswoman"), ending at a preposition after the head or at a participle chunk."""
    out: list[Token] = []
    commas = 0
    for k, tok in enumerate(toks):
        low = tok.low
        if tok.text in _BREAKING_MARKS or tok.text in (";", "—", "–"):
            break
        after_name = bool(out) and out[-1].text[0].isupper()
        if (out and not commas and (low in CLAUSE_STOPS or (low in NP_STOPS and after_name))) \
                or low in _PARTICIPLE_STOPS or (commas and low in SPEECH_VERBS):
            break
        if tok.text == ",":
            commas += 1
            nxt = toks[k + 1] if k + 1 < len(toks) else None
            if commas > 1 or nxt is None or _interjection(nxt):
                break
        out.append(tok)
    while out and out[-1].text == ",":
        out.pop()
    return out


def _chunks(toks: list[Token]) -> list[list[Token]]:
    """Comma-separated pieces of a token list (commas dropped)."""
    out: list[list[Token]] = [[]]
    for tok in toks:
        if tok.text == ",":
            out.append([])
        else:
            out[-1].append(tok)
    return [c for c in out if c]


def _appositive(chunk: list[Token]) -> bool:
    """``35`` / ``the daughter of ...`` / ``Sanders' campaign manager``: describes the head before it."""
    first = chunk[0]
    possessive = first.text.endswith(("'s", "’s", "'", "’"))
    return first.low in DETERMINERS or first.text[0].isdigit() or possessive \
        or first.low.rstrip(".") in TITLES or first.low in ("former", "then", "now", "also")


def _leading_name(chunk: list[Token]) -> list[Token]:
    """The subject opening a clause: "Warren appeared with ..." -> "Warren", "Her campaign quickly
    blasted" -> "Her campaign" (stops at an adverb, an -ed form or a common verb)."""
    out: list[Token] = []
    for tok in chunk:
        low = tok.low
        verb_like = low in COMMON_VERBS or low in VERB_PREFIX or low in SPEECH_VERBS or (
            tok.text.islower() and low.endswith(("ed", "ly")))
        if verb_like or not (tok.text[0].isupper() or tok.text[0].isdigit() or tok.text == "."
                             or low in DETERMINERS or (out and tok.text.islower() and len(out) < 6)):
            break
        out.append(tok)
    return out


def _strip_intro(toks: list[Token]) -> list[Token]:
    """Drop a leading conjunction and an introductory phrase: "But in a statement, X said"."""
    while toks and toks[0].low in CONJUNCTIONS:
        toks = toks[1:]
    if len(toks) > 1 and toks[0].low.endswith("ly") and toks[1].text == ",":
        toks = toks[2:]  # "Likewise, ..." / "Additionally, ..."
    if toks and toks[0].low in INTRO_WORDS:
        comma = next((k for k, t in enumerate(toks) if t.text == ","), None)
        toks = toks[comma + 1:] if comma is not None else toks[1:]
    while toks and toks[0].low in CONJUNCTIONS:
        toks = toks[1:]
    return toks


def _np_before(toks: list[Token], participle: bool) -> list[Token]:
    """The speaker phrase before a verb: the last head with its appositives, without adverbs next to the
    verb, interjected chunks (", who ...", ", after a long pause") or a clause before it.

    ``participle`` (cue such as *saying*): the speaker is the subject opening the clause.
    """
    while toks and (toks[-1].low in VERB_PREFIX or toks[-1].low.endswith("ly") and toks[-1].text.islower()):
        toks = toks[:-1]
    chunks = _chunks(toks)
    if participle:
        return _leading_name(chunks[0]) if chunks else []
    while len(chunks) > 1 and (_interjection(chunks[-1][0]) or chunks[-1][0].low in _RELATIVE):
        chunks.pop()
    start = len(chunks) - 1
    while start > 0 and _appositive(chunks[start]):
        start -= 1
    if not chunks:
        return []
    head = chunks[start]
    if len(head) > MAX_HEAD_TOKENS:
        return _leading_name(head) if start == 0 and len(chunks) == 1 else []
    kept = [t for c in chunks[start:] for t in c]
    return [t for t in toks if kept[0].start <= t.start <= kept[-1].start]


def _cue_end(toks: list[Token], k: int) -> int:
    """Index after the cue starting at ``k`` (``according to`` is two words)."""
    return k + 2 if toks[k].low == "according" else k + 1


def _is_cue(toks: list[Token], k: int, naming: bool) -> bool:
    """Token ``k`` is a speech verb (not a noun such as "Obama's remarks", "the answer")."""
    low = toks[k].low
    if low == "according":
        return k + 1 < len(toks) and toks[k + 1].low == "to"
    if k > 0 and _name_word(toks, k):
        return False  # "State Department", "Warns Ltd": a capitalised word inside a name
    if k > 0 and (toks[k - 1].low in DETERMINERS or toks[k - 1].text.endswith(("'s", "’s", "s'", "s’"))):
        return False
    if k + 1 < len(toks) and toks[k + 1].low in SPEECH_VERBS - _PARTICIPLE_STOPS:
        return False  # "the committee report said": the noun before the verb
    if low == "put":
        return k + 1 < len(toks) and toks[k + 1].low == "it"  # "as Jane Doe put it:"
    return low in SPEECH_VERBS or (naming and low in NAMING_VERBS)


def _attribution(text: str, toks: list[Token], k: int, speaker: list[Token]) -> Attribution:
    cue_toks = toks[k:_cue_end(toks, k)]
    cue_span = (cue_toks[0].start, cue_toks[-1].end)
    return Attribution(text[cue_span[0]:cue_span[1]], cue_span, _span(speaker))


def attribute_after(text: str, start: int, end: int, max_lead: int = MAX_NP_TOKENS) -> Attribution | None:
    """Attribution in the clause after a closing mark: ``, X said`` / ``, said X`` / ``, according to X``."""
    toks = tokens(text, start, end)
    while toks and toks[0].text in (",", "—", "–", "-", "(", ")"):
        toks = toks[1:]
    if not toks or toks[0].text in _BREAKING_MARKS or toks[0].low in CONJUNCTIONS:
        return None  # "... and 14 percent said": a new clause, not this quotation's attribution
    if toks[0].low in INVERTING_VERBS or _is_cue(toks, 0, False) and toks[0].low == "according":
        speaker = _np_after(toks[_cue_end(toks, 0):])
        if speaker and _plausible_np(speaker):
            return _attribution(text, toks, 0, speaker)
    for k in range(1, min(len(toks), max_lead + 1)):
        if toks[k].text in _BREAKING_MARKS or toks[k].text in ("?", "!", ";"):
            break
        if _is_cue(toks, k, False) and toks[k].low != "according":
            speaker = _np_before(toks[:k], participle=False)
            if _plausible_np(speaker):
                return _attribution(text, toks, k, speaker)
            return None
    return None


def attribute_before(text: str, start: int, end: int, naming: bool) -> Attribution | None:
    """Attribution in the words before an opening mark: ``X said:`` / ``Said X,`` / ``According to X,``.

    ``naming`` also accepts verbs such as *called* that introduce a partial quotation.
    """
    toks = _strip_intro(tokens(text, start, end))
    if not toks:
        return None
    if toks[0].low in INVERTING_VERBS | {"according"} and _is_cue(toks, 0, False):
        after = toks[_cue_end(toks, 0):]
        comma = next((k for k, t in enumerate(after) if t.text == ","), len(after))
        speaker = after[:comma]
        if speaker and _plausible_np(speaker) and speaker[0].low not in NP_STOPS:
            return _attribution(text, toks, 0, speaker)
    found = _cue_before(text, toks, naming)
    if found is None and toks[-1].text == ":" and (subject := _leading_name(toks)):
        return Attribution(":", (toks[-1].start, toks[-1].end), _span(subject))  # "Trump went further:"
    return found


def _cue_before(text: str, toks: list[Token], naming: bool) -> Attribution | None:
    """The first speech verb in ``toks`` with a plausible speaker phrase."""
    for k in range(1, len(toks)):
        if toks[k].text in _BREAKING_MARKS:
            break
        if not _is_cue(toks, k, naming):
            continue
        if toks[k].low == "according":
            speaker = _np_after(toks[k + 2:])
        else:
            # "saying" or "went on to say": the speaker is the subject opening the clause
            participle = toks[k].low.endswith("ing") or toks[k - 1].low == "to"
            speaker = _strip_intro(_np_before(toks[:k], participle=participle))
        if speaker and _plausible_np(speaker):
            return _attribution(text, toks, k, speaker)
    return None
