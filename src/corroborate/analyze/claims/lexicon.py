"""Word tables for :mod:`corroborate.analyze.claims`: number words, quantifiers, measures and subjects.

The English words are language data in :mod:`corroborate.lang.en` (``number_words.txt`` and
:mod:`corroborate.lang.en.measures`); this module gives them to the claim finder under the names it uses and adds
the lookups built from them. Regular expressions built from the tables live in ``claims.spans`` and
``claims.context``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from corroborate.lang.en import NUMBER_WORDS as _NUMBER_WORDS
from corroborate.lang.en.measures import (
    AUXILIARIES,
    CURRENCY_PREFIX,
    CURRENCY_SUFFIX,
    FEW_UNITS,
    FEW_WORDS,
    HEAD_SUBJECT_MEASURES,
    LEFT_TRIGGERS,
    MEASURE_GENERIC_SUBJECTS,
    MODIFIERS,
    NP_BLOCKERS,
    RIGHT_TRIGGERS,
    SCALES,
    SUBJECT_MEASURES,
    SUBJECTS,
    VAGUE,
)

__all__ = [
    "AUXILIARIES",
    "CURRENCY_PREFIX",
    "CURRENCY_SUFFIX",
    "FEW_UNITS",
    "FEW_WORDS",
    "HEAD_SUBJECT_MEASURES",
    "LEFT_TRIGGERS",
    "MEASURE_GENERIC_SUBJECTS",
    "MODIFIERS",
    "NP_BLOCKERS",
    "NUMBER_WORDS",
    "RIGHT_TRIGGERS",
    "SCALES",
    "SUBJECTS",
    "SUBJECT_MEASURES",
    "TENS",
    "UNITS",
    "VAGUE",
    "alternation",
    "subject_group",
    "words_value",
]

# Number words below twenty (UNITS) and the tens (TENS), from lang/en/number_words.txt.
UNITS: dict[str, int] = {w: v for w, v in _NUMBER_WORDS.items() if v < 20}
TENS: dict[str, int] = {w: v for w, v in _NUMBER_WORDS.items() if v >= 20}
NUMBER_WORDS = [*UNITS, *TENS, "hundred", "thousand", "million", "billion", "trillion", "dozen"]


def subject_group(noun: str) -> str | None:
    """Canonical group of a lower-cased counted noun; a singular of a known plural ("protester") joins it."""
    if noun in SUBJECTS:
        return SUBJECTS[noun]
    if noun + "s" in SUBJECTS:
        return SUBJECTS[noun + "s"]
    return noun


def alternation(phrases: Iterable[str]) -> str:
    """A regex alternation of literal phrases (longest first, inner spaces match any whitespace)."""
    items = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in items)


def words_value(words: list[str]) -> float | None:
    """Value of a sequence of English number words ("sixty", "two", ...); None if it is not a number.

    Hand-written (about 20 lines) because libraries such as word2number return values for whole strings
    without the character offsets we need, and do not know "dozen".
    """
    total, current, seen = 0.0, 0.0, False
    for w in words:
        if w in ("and", "a", "an"):
            continue
        if w == "half":
            current = 0.5
            seen = True
        elif w in UNITS:
            current += UNITS[w]
            seen = True
        elif w in TENS:
            current += TENS[w]
            seen = True
        elif w == "dozen":
            current = (current or 1) * 12
            seen = True
        elif w == "hundred":
            current = (current or 1) * 100
            seen = True
        elif w in ("thousand", "million", "billion", "trillion"):
            total += (current or 1) * SCALES[w]
            current = 0
            seen = True
        else:
            return None
    return total + current if seen else None
