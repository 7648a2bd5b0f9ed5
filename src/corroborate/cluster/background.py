"""Background document frequencies of news terms (built by training/build_background_idf.py from the article
bodies of real news pages; see that script for the data and its terms)."""

from __future__ import annotations

import functools
import gzip
import json
import math
from pathlib import Path

BACKGROUND_PATH = Path(__file__).resolve().parent / "models" / "background_df.json.gz"


class BackgroundIdf:
    """Smoothed IDF of a term over the background reports (a term not listed counts as found in none)."""

    def __init__(self, docs: int, df: dict[str, int]) -> None:
        self.docs = docs
        self.df = df

    def idf(self, term: str) -> float:
        return math.log((self.docs + 1) / (self.df.get(term, 0) + 1)) + 1.0


@functools.cache
def background_idf() -> BackgroundIdf | None:
    """The shipped table, or None when it is absent (the clusterer then uses only what it has seen)."""
    if not BACKGROUND_PATH.exists():
        return None
    with gzip.open(BACKGROUND_PATH, "rt", encoding="utf-8") as fh:
        data = json.load(fh)
    return BackgroundIdf(int(data["docs"]), {str(k): int(v) for k, v in data["df"].items()})
