"""Cheap per-report features for syndication and story clustering.

Reads an :class:`~corroborate.model.Article` (title, cleaned text, published date); returns a
:class:`ReportFeatures` holding log-scaled term counts, capitalised "entity-ish" tokens, a MinHash signature of
word shingles and the date. Everything here is a pure function of the article, so it can run on a worker
process (Dask) and be stored with the report to rebuild the clusterer state after a restart.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import zlib
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from ..model import Article

# 64 permutations: a Jaccard estimate with standard error ~0.06 at 256 bytes per report; enough to confirm
# near-copies at the 0.7 syndication threshold (see syndication.py) while keeping 100k signatures in ~25 MB.
NUM_PERM = 64
MINHASH_SEED = 7
SHINGLE_WORDS = 3
# Terms kept per report (by weight): bounds the cost of scoring and the size of story centroids.
MAX_TERMS = 60
# Headline words count this many times (a headline is the densest statement of the event).
TITLE_WEIGHT = 2
MAX_ENTITIES = 40

_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*[A-Za-z]|[0-9]{2,}")
_CAP = re.compile(r"(?<![.!?:\"“]\s)(?<!^)\b([A-Z][a-z]+(?:[ -][A-Z][a-z]+)*|[A-Z]{2,6})\b", re.M)
_SHINGLE_TOKEN = re.compile(r"\w+")
_STOP = frozenset(ENGLISH_STOP_WORDS) | {
    "said",
    "says",
    "told",
    "would",
    "could",
    "also",
    "year",
    "new",
    "just",
}
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED).permutations


@dataclass(frozen=True)
class ReportFeatures:
    """What the cascade compares: term weights (1+log tf), entity-ish tokens, MinHash, date."""

    terms: dict[str, float]
    entities: frozenset[str]
    signature: np.ndarray  # uint32[NUM_PERM]
    published: dt.date | None
    # Number of distinct word 3-shingles: with two MinHash signatures it turns the Jaccard estimate into a
    # containment estimate (syndication). 0 = unknown (features stored before this field existed).
    shingles: int = 0

    def to_json(self) -> dict[str, object]:
        return {
            "terms": self.terms,
            "entities": sorted(self.entities),
            "published": self.published.isoformat() if self.published else None,
            "shingles": self.shingles,
        }

    @classmethod
    def from_json(cls, data: dict[str, object], signature: bytes) -> ReportFeatures:
        terms = data["terms"]
        entities = data["entities"]
        published = data.get("published")
        assert isinstance(terms, dict) and isinstance(entities, list)
        return cls(
            terms={str(k): float(v) for k, v in terms.items()},
            entities=frozenset(str(e) for e in entities),
            signature=signature_from_bytes(signature),
            published=dt.date.fromisoformat(published) if isinstance(published, str) else None,
            shingles=int(str(data.get("shingles", 0))),
        )


def tokens(text: str) -> list[str]:
    """Lower-cased content words (stopwords and 1-letter words dropped)."""
    out = []
    for match in _WORD.finditer(text):
        word = match.group().lower()
        if word not in _STOP:
            out.append(word)
    return out


def term_weights(title: str | None, text: str) -> dict[str, float]:
    """Top ``MAX_TERMS`` terms with weight 1+log(tf); headline words counted ``TITLE_WEIGHT`` times."""
    counts: dict[str, int] = {}
    for word in tokens(text):
        counts[word] = counts.get(word, 0) + 1
    for word in tokens(title or ""):
        counts[word] = counts.get(word, 0) + TITLE_WEIGHT
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_TERMS]
    return {word: round(1.0 + math.log(n), 4) for word, n in ranked}


def entity_tokens(title: str | None, text: str) -> frozenset[str]:
    """Capitalised words/names not at a sentence start: a cheap stand-in for named entities."""
    counts: dict[str, int] = {}
    for source in (title or "", text):
        for match in _CAP.finditer(source):
            name = match.group(1).lower()
            if name not in _STOP:
                counts[name] = counts.get(name, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_ENTITIES]
    return frozenset(name for name, _ in ranked)


def shingle_set(text: str) -> frozenset[bytes]:
    """Distinct lower-cased word ``SHINGLE_WORDS``-grams (the whole text as one when shorter): the unit of
    every syndication measure, in the store (MinHash) and in a briefing (exact containment)."""
    words = _SHINGLE_TOKEN.findall(text.lower())
    if len(words) < SHINGLE_WORDS:
        return frozenset({" ".join(words).encode("utf-8")})
    return frozenset(" ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8") for i in range(len(words) - 2))


def minhash_signature(text: str, shingles: frozenset[bytes] | None = None) -> np.ndarray:
    """MinHash of :func:`shingle_set` (pass ``shingles`` when already computed)."""
    if shingles is None:
        shingles = shingle_set(text)
    # crc32 instead of datasketch's default sha1: ~10x cheaper per shingle, deterministic, and affine32 mixes
    # the input hash (murmur finalizer) before permuting, so a 32-bit checksum is an adequate base hash.
    mh = MinHash(num_perm=NUM_PERM, permutations=_PERMUTATIONS, scheme="affine32", hashfunc=zlib.crc32)
    mh.update_batch(sorted(shingles))
    return np.asarray(mh.hashvalues, dtype=np.uint32)


def signature_from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype=np.uint32).copy()


def as_minhash(signature: np.ndarray) -> MinHash:
    """Wrap a stored signature for datasketch's LSH index."""
    return MinHash(hashvalues=signature, permutations=_PERMUTATIONS, scheme="affine32")


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """MinHash estimate of the shingle-set Jaccard similarity."""
    return float(np.count_nonzero(a == b)) / len(a)


def compute_features(article: Article) -> ReportFeatures:
    """All features of one cleaned article (pure; safe to run on a worker)."""
    shingles = shingle_set(article.text)
    return ReportFeatures(
        terms=term_weights(article.title, article.text),
        entities=entity_tokens(article.title, article.text),
        signature=minhash_signature(article.text, shingles),
        published=article.published,
        shingles=len(shingles),
    )
