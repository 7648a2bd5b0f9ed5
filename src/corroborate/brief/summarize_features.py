"""Lexical features for the extractive summarizer: stemmed terms and weighted concepts.

A *concept* is a stemmed content unigram or a stemmed bigram (ICSISumm, Gillick & Favre 2009). Its weight is
how many source documents mention it (cross-document consensus), so a fact several outlets report outweighs a
detail only one of them gives. Everything here is pure Python + nltk's Porter stemmer (no data download).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from nltk.stem.porter import PorterStemmer

from corroborate.lang.en import STOP_WORDS as ENGLISH_STOP_WORDS

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_STEMMER = PorterStemmer()
STOPWORDS: frozenset[str] = frozenset(ENGLISH_STOP_WORDS) | {
    "said", "says", "say", "s", "t", "mr", "ms", "mrs"}


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Porter stem of a lowercase word (cached: news vocabularies repeat a lot)."""
    return str(_STEMMER.stem(word))


def tokens(text: str) -> list[str]:
    """Lowercase word tokens with possessive ``'s`` dropped, in order."""
    return [w.split("'")[0] for w in _WORD.findall(text.lower())]


def sentence_concepts(text: str, use_bigrams: bool) -> frozenset[str]:
    """Concepts of one sentence: content-word stems, plus bigrams of stems that hold a content word."""
    toks = tokens(text)
    content = [w not in STOPWORDS and not w.isdigit() for w in toks]
    stems = [stem(w) for w in toks]
    out = {s for s, keep in zip(stems, content, strict=True) if keep and len(s) > 1}
    if use_bigrams:
        for i in range(len(stems) - 1):
            if content[i] or content[i + 1]:
                out.add(stems[i] + " " + stems[i + 1])
    return frozenset(out)


def content_vector(text: str) -> Counter[str]:
    """Bag of content-word stems, for cosine redundancy checks."""
    return Counter(stem(w) for w in tokens(text) if w not in STOPWORDS)


def cosine(a: Counter[str], b: Counter[str]) -> float:
    """Cosine similarity of two bags of words (0 when either is empty)."""
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b[k] for k, v in a.items() if k in b)
    if dot == 0:
        return 0.0
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb)


@dataclass(frozen=True)
class ConceptStats:
    """Per-concept counts over one cluster: documents and sentences mentioning it, earliest position."""

    doc_count: dict[str, int]
    sentence_count: dict[str, int]
    first_position: dict[str, float]
    n_docs: int


def concept_stats(
    concepts: Sequence[frozenset[str]], docs: Sequence[int], positions: Sequence[float]
) -> ConceptStats:
    """Count, for every concept, the documents and sentences that mention it and where it first appears."""
    doc_sets: dict[str, set[int]] = {}
    sent_freq: Counter[str] = Counter()
    first_pos: dict[str, float] = {}
    for cset, doc, pos in zip(concepts, docs, positions, strict=True):
        sent_freq.update(cset)
        for c in cset:
            doc_sets.setdefault(c, set()).add(doc)
            if pos < first_pos.get(c, 2.0):
                first_pos[c] = pos
    doc_count = {c: len(ds) for c, ds in doc_sets.items()}
    return ConceptStats(doc_count, dict(sent_freq), first_pos, len(set(docs)))


def concept_weights(
    stats: ConceptStats,
    *,
    position_decay: float,
    min_docs: int,
    sentence_freq_weight: float,
    bigram_weight: float,
) -> dict[str, float]:
    """Weight each concept by the documents (and sentences) mentioning it, boosted when mentioned early.

    weight = (docs + sentence_freq_weight * (sentences - 1)) * (1 + position_decay * (1 - first position))
    times ``bigram_weight`` for bigrams. Concepts seen in fewer than ``min_docs`` documents get weight 0
    unless the cluster has fewer documents than that.
    """
    floor = min(min_docs, stats.n_docs)
    weights: dict[str, float] = {}
    for c, df in stats.doc_count.items():
        if df < floor:
            continue
        base = df + sentence_freq_weight * (stats.sentence_count[c] - 1)
        weight = base * (1.0 + position_decay * (1.0 - stats.first_position[c]))
        weights[c] = weight * bigram_weight if " " in c else weight
    return weights
