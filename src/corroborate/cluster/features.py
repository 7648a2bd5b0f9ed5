"""Cheap per-report features for syndication and story clustering.

Reads an :class:`~corroborate.model.Article` (title, cleaned text, published date); returns a
:class:`ReportFeatures` holding log-scaled term counts, capitalised "entity-ish" tokens, a MinHash signature of
word shingles, the date, and the time evidence written in the text (the years it mentions, its first full date),
which tells apart same-kind events years apart when a report has no published date. Everything here is a pure
function of the article, so it can run on a worker process (Dask) and be stored with the report to rebuild the
clusterer state after a restart.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import zlib
from dataclasses import dataclass, field

import numpy as np
from datasketch import MinHash

from ..clean.metadata import full_dates
from ..lang.en import STOP_WORDS as ENGLISH_STOP_WORDS
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
# A year written in a report: 1950-2049 (news about the present and its recent past); not part of a longer
# number, an amount ("$2010") or a percentage. A bare count ("2010 people") sometimes passes.
_YEAR = re.compile(r"(?<![\w$.,])(19[5-9][0-9]|20[0-4][0-9])(?![\w%]|[,.][0-9])")
# Years kept per report (most mentioned first): bounds the stored features.
MAX_YEARS = 8
# A full date is looked for in this many characters before a year ("Wednesday, September 13, 2023" is 29) and
# after it (the rest of an ISO date).
_DATE_BEFORE_YEAR = 32
_DATE_AFTER_YEAR = 6
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
    # Time evidence in the text: year -> mentions (the published year counted too), and the first explicit full
    # date ("May 24, 2005") when the report has no published date. Empty / None for features stored before
    # these fields existed, which then cluster as they did.
    years: dict[int, int] = field(default_factory=dict)
    text_date: dt.date | None = None

    @property
    def top_year(self) -> int | None:
        """The year the report mentions most (ties: the latest): its best guess of when the event happened."""
        if not self.years:
            return None
        return max(self.years, key=lambda y: (self.years[y], y))

    @property
    def when(self) -> dt.date | None:
        """The report's date: published, else the first full date written in it."""
        return self.published or self.text_date

    def to_json(self) -> dict[str, object]:
        return {
            "terms": self.terms,
            "entities": sorted(self.entities),
            "published": self.published.isoformat() if self.published else None,
            "shingles": self.shingles,
            "years": {str(y): n for y, n in sorted(self.years.items())},
            "text_date": self.text_date.isoformat() if self.text_date else None,
        }

    @classmethod
    def from_json(cls, data: dict[str, object], signature: bytes) -> ReportFeatures:
        terms = data["terms"]
        entities = data["entities"]
        published = data.get("published")
        years = data.get("years") or {}
        text_date = data.get("text_date")
        assert isinstance(terms, dict) and isinstance(entities, list) and isinstance(years, dict)
        return cls(
            terms={str(k): float(v) for k, v in terms.items()},
            entities=frozenset(str(e) for e in entities),
            signature=signature_from_bytes(signature),
            published=dt.date.fromisoformat(published) if isinstance(published, str) else None,
            shingles=int(str(data.get("shingles", 0))),
            years={int(y): int(n) for y, n in years.items()},
            text_date=dt.date.fromisoformat(text_date) if isinstance(text_date, str) else None,
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


def time_evidence(title: str | None, text: str, published: dt.date | None) -> tuple[dict[int, int], dt.date | None]:
    """Year mentions (:func:`year_counts`) and, for a report without a published date, its first written full
    date (:func:`first_full_date`), from one pass over the years written in the headline and text.

    A full date ends with its year ("May 24, 2005", "24 May 2005") or starts with it (ISO), so dates are looked
    for only around each year found, not over the whole text: a full-text date scan cost 0.4 ms per report,
    about a third of the ingest budget."""
    counts: dict[int, int] = {}
    found: dt.date | None = None
    for source in (title or "", text):
        for match in _YEAR.finditer(source):
            year = int(match.group(1))
            counts[year] = counts.get(year, 0) + 1
            if found is None and published is None:
                start, end = match.span()
                dates = full_dates(source[max(0, start - _DATE_BEFORE_YEAR) : end + _DATE_AFTER_YEAR])
                found = dates[0] if dates else None
    if published is not None:
        counts[published.year] = counts.get(published.year, 0) + 2
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], -kv[0]))[:MAX_YEARS]), found


def year_counts(text: str, published: dt.date | None) -> dict[int, int]:
    """Mentions of each year in ``text`` (the ``MAX_YEARS`` most mentioned); a published year counts twice."""
    return time_evidence(None, text, published)[0]


def first_full_date(title: str | None, text: str) -> dt.date | None:
    """The first explicit day-month-year date in the headline, else in the text (a date stamp or the event's)."""
    return time_evidence(title, text, None)[1]


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
    years, text_date = time_evidence(article.title, article.text, article.published)
    return ReportFeatures(
        terms=term_weights(article.title, article.text),
        entities=entity_tokens(article.title, article.text),
        signature=minhash_signature(article.text, shingles),
        published=article.published,
        shingles=len(shingles),
        years=years,
        text_date=text_date,
    )
