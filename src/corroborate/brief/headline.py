"""The story's headline: the most corroborated outlet headline (one policy for ``stories`` and a briefing).

A title is scored by how much of its wording the story's other original reports' titles share; ties go to the
first seen. Copies do not vote (they would fake agreement), and a "title" longer than MAX_HEADLINE_WORDS is a
caption or a first paragraph taken for a title, never a headline.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..lang.en import STOP_WORDS as ENGLISH_STOP_WORDS

# 25 words: news headlines run 6-15 words; the realnews-dev pages' caption-titles run 30-60.
MAX_HEADLINE_WORDS = 25
_WORD = re.compile(r"[^\W_]+")


def _words(title: str) -> set[str]:
    folded = (m.group().casefold() for m in _WORD.finditer(title))
    return {w for w in folded if w not in ENGLISH_STOP_WORDS and len(w) > 1}


def story_headline(titles: Sequence[str | None]) -> str | None:
    """The headline among ``titles`` (the story's original reports, first seen first); None when none fits."""
    pool = [" ".join(t.split()) for t in titles if t and t.strip()]
    fit = [t for t in pool if len(t.split()) <= MAX_HEADLINE_WORDS]
    if not fit:
        return None
    words = [_words(t) for t in fit]

    def agreement(i: int) -> float:
        if not words[i]:
            return 0.0
        return sum(len(words[i] & words[j]) / len(words[i]) for j in range(len(fit)) if j != i)

    best = max(range(len(fit)), key=lambda i: (agreement(i), -i))
    return fit[best]
