"""Word tokens and the stemmer shared by the analysis components (one tokeniser for the lexical check, one stemmer).

``tokens(text)`` reads a string and returns its casefolded word tokens (letters and digits, inner ``.,'’-`` kept:
"1,200", "U.S", "don't"; ``’`` read as ``'``). ``stem(word)`` is the Snowball (Porter 2) English stem. The
summarizer in :mod:`corroborate.brief.summarize_features` keeps its own tokeniser and nltk's original Porter
stemmer: its concept weights and the learned sentence prior were fit on Multi-News with those stems.
"""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

__all__ = ["stem", "tokens"]

_WORD = re.compile(r"[^\W_]+(?:[.,'’-][^\W_]+)*", re.UNICODE)
_STEMMER = snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Snowball English stem of ``word``. Cached: a pure function of its argument, so the cache cannot change
    results."""
    return str(_STEMMER.stemWord(word))


def tokens(text: str) -> list[str]:
    """Casefolded word tokens of ``text`` in order, with ``’`` read as ``'``."""
    return [m.group(0).casefold().replace("’", "'") for m in _WORD.finditer(text)]
