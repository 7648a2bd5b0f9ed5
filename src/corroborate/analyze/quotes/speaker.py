"""Turn a speaker phrase into the name it refers to, and pronouns into their antecedent.

Reads the text, a speaker-phrase span and optional known person names; returns the resolved speaker text
(``"Interior Minister Jane Doe, 52,"`` -> ``"Jane Doe"``; ``"Doe"`` -> ``"Jane Doe"`` once named;
``"she"`` -> the most recent person mention before it). Hand-written capitalisation heuristics stand in for
a named-entity tagger when ``people`` is empty. This is the text-only path; with a parsed Doc the finder resolves
names and pronouns with :mod:`.syntax` (the pronoun rule here, "latest person mention", is used only without it).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from corroborate.analyze.quotes.attribution import Token, tokens
from corroborate.analyze.quotes.lexicon import ABBREVIATIONS, DETERMINERS, INTRO_WORDS, PRONOUNS, TITLES
from corroborate.lang.en import MONTH_NAMES, WEEKDAY_NAMES

PARTICLES = frozenset("de da del della van von der den bin ibn al el la le di du dos das ter".split())
# Capitalised words that mark an organisation or a place rather than a person.
ORG_WORDS = frozenset(
    "ministry department party council agency office committee commission watch police army court house "
    "union association institute group times post news press network campaign company inc corp bank "
    "government administration parliament senate congress assembly university school hospital county city "
    "state states republic kingdom nations street journal magazine tribune herald gazette daily radio tv "
    "television service services foundation fund board bureau federation league coalition alliance movement "
    "force forces guard navy ministries airlines club center centre county district province region "
    "international national federal democrats republicans".split())
CALENDAR = MONTH_NAMES | WEEKDAY_NAMES
# Nouns that start a sentence capitalised but are not names: "Officials said".
COMMON_SPEAKERS = frozenset("officials sources critics aides experts analysts supporters residents witnesses "
                            "authorities observers protesters voters police prosecutors investigators "
                            "lawmakers diplomats doctors organizers organisers".split())


@dataclass(frozen=True)
class Mention:
    """A person mention: character span and the name it gives."""

    start: int
    end: int
    name: str


def _attaches(prev: Token, tok: Token) -> bool:
    """A period that belongs to the previous capitalised token (``E.``, ``Gov.``, ``Jr.``)."""
    return tok.text == "." and prev.end == tok.start and (
        len(prev.text) == 1 or prev.low in ABBREVIATIONS or prev.low in TITLES or prev.low in ("jr", "sr"))


def capital_runs(toks: list[Token]) -> list[list[Token]]:
    """Maximal runs of capitalised tokens (with initials' periods and name particles)."""
    runs: list[list[Token]] = []
    run: list[Token] = []
    for k, tok in enumerate(toks):
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if tok.text[0].isupper():
            run.append(tok)
        elif run and _attaches(run[-1], tok):
            run.append(tok)
        elif run and tok.low in PARTICLES and nxt is not None and nxt.text[0].isupper():
            run.append(tok)
        else:
            if run:
                runs.append(run)
            run = []
    if run:
        runs.append(run)
    return runs


def _strip_titles(run: list[Token]) -> list[Token]:
    """Tokens after the last title word: ``Interior Minister Jane Doe`` -> ``Jane Doe``."""
    last_title = max((k for k, t in enumerate(run) if t.low.rstrip(".") in TITLES), default=-1)
    rest = run[last_title + 1:]
    while rest and rest[0].text == ".":
        rest = rest[1:]
    return rest


def _looks_like_person(run: list[Token]) -> bool:
    if run and run[-1].text.endswith(("'s", "’s", "s'", "s’")):
        return False  # "Israel's (spokesman)": a possessor, not the speaker
    words = [t.low for t in run if t.text != "."]
    if not words or any(w in ORG_WORDS or w in CALENDAR for w in words):
        return False
    return not (len(words) == 1 and (words[0] in COMMON_SPEAKERS or words[0] in INTRO_WORDS))


def _head(text: str, start: int, end: int) -> tuple[int, int]:
    """The phrase before its first appositive comma, without a parenthetical: ``Jane Doe (R-Ohio), 52``."""
    phrase = text[start:end]
    cut = len(phrase)
    depth = 0
    for k, ch in enumerate(phrase):
        depth += ch == "("
        depth -= ch == ")"
        if ch in ",(" and depth <= (1 if ch == "(" else 0):
            cut = k
            break
    return start, start + len(phrase[:cut].rstrip())


def _known(text: str, start: int, end: int, people: Sequence[str]) -> str | None:
    """The longest known person name inside ``text[start:end]``."""
    inside = text[start:end]
    hits = [p for p in people if p and re.search(r"(?<!\w)" + re.escape(p) + r"(?!\w)", inside)]
    return max(hits, key=len) if hits else None


def phrase_name(text: str, span: tuple[int, int], people: Sequence[str]) -> tuple[str, bool]:
    """Speaker text for a phrase and whether it names a person (not an organisation or a description)."""
    start, end = _head(text, *span)
    head = text[start:end].strip()
    known = _known(text, start, end, people)
    if known:
        return known, True
    toks = tokens(text, start, end)
    if not toks or toks[0].low in DETERMINERS:
        return head or text[span[0]:span[1]], False
    runs = capital_runs(toks)
    if not runs:
        return head, False
    name = _strip_titles(runs[-1])
    if not name or not _looks_like_person(name):
        return head, False
    return text[name[0].start:name[-1].end], True


def text_mentions(text: str, people: Sequence[str]) -> list[Mention]:
    """Person mentions in reading order: known names, else capitalised runs of two to four words."""
    found: list[Mention] = []
    for name in people:
        if name:
            found.extend(Mention(m.start(), m.end(), name)
                         for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text))
    if not people:
        for run in capital_runs(tokens(text, 0, len(text))):
            while run and (run[0].low in DETERMINERS or run[0].low in INTRO_WORDS or run[0].low in PRONOUNS):
                run = run[1:]
            core = _strip_titles(run)
            words = [t for t in core if t.text != "."]
            if 2 <= len(words) <= 4 and _looks_like_person(core):
                found.append(Mention(core[0].start, core[-1].end, text[core[0].start:core[-1].end]))
    return sorted(found, key=lambda m: (m.start, -m.end))


def latest_before(mentions: list[Mention], pos: int) -> Mention | None:
    """The last mention ending at or before ``pos``."""
    k = bisect.bisect_right([m.end for m in mentions], pos)
    return mentions[k - 1] if k else None


def full_name(surname: str, mentions: list[Mention], pos: int) -> str:
    """``Doe`` -> ``Jane Doe`` when a longer name ending in that word was mentioned before ``pos``."""
    for m in reversed(mentions):
        if m.end <= pos and m.name != surname and m.name.split()[-1] == surname:
            return m.name
    return surname
