"""English language data shared by the components.

``STOP_WORDS``: the English stop-word list (scikit-learn's, exported to ``stopwords.txt`` by
training/build_lang_data.py so that no run imports scikit-learn for it).
"""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def _read_words(name: str) -> frozenset[str]:
    lines = (_HERE / name).read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


STOP_WORDS: frozenset[str] = _read_words("stopwords.txt")

__all__ = ["STOP_WORDS"]
