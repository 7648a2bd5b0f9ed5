"""A learned per-sentence prior: how much of a sentence's wording a human summary is likely to reuse.

A linear model (ridge regression) over cheap, language-level features of a sentence in its cluster: where it
sits in its report, how long it is, how much of its vocabulary other reports share, whether it looks like a
quote, a fragment or page boilerplate. The target was the sentence's unigram + bigram precision against the
reference summary on Multi-News validation (500 clusters); coefficients are refit with
``python benchmarks/summarize_fit_prior.py`` and pasted below. Hand-written rather than a pickled sklearn
model so the summarizer needs no model file and stays deterministic across library versions.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from corroborate.brief.summarize_features import STOPWORDS, ConceptStats, tokens

FEATURES = (
    "relative_position", "log_index", "log_words", "content_ratio", "shared_unigrams", "shared_bigrams",
    "unigram_doc_share", "bigram_doc_share", "complete_sentence", "has_quote", "last_in_doc", "log_docs",
    "first_person", "has_digit", "boilerplate",
)
# Ridge (alpha=1) fit on Multi-News validation, all 500 clusters (5-fold CV r=0.382 with the target);
# reproduce: python benchmarks/summarize_fit_prior.py
COEFFICIENTS = (-0.2532, 0.098, 0.0193, -0.3442, 0.337, 0.1116, 0.0712, 0.1505, -0.0126, 0.09, 0.0036, 0.1063,
                0.1968, 0.0082, -0.1746)
INTERCEPT = 0.4689

_BOILERPLATE = re.compile(
    r"^\W*(advertisement|photo|image|video|click|follow|sign up|subscribe|read more|learn more|copyright|"
    r"update|tweet|share this|related)\b", re.IGNORECASE)
_FIRST_PERSON = frozenset({"i", "me", "my", "we", "our", "us"})
_TERMINAL = ('.', '!', '?', '"', "'", "”", "’")


def sentence_features(
    text: str, index: int, doc_sentences: int, concepts: frozenset[str], stats: ConceptStats
) -> list[float]:
    """The feature vector (in :data:`FEATURES` order) of one sentence within its cluster."""
    toks = tokens(text)
    n_words = max(len(text.split()), 1)
    unigrams = [c for c in concepts if " " not in c]
    bigrams = [c for c in concepts if " " in c]
    n_docs = max(stats.n_docs, 1)

    def shared(cs: Sequence[str]) -> float:
        return sum(stats.doc_count.get(c, 0) >= 2 for c in cs) / max(len(cs), 1)

    def doc_share(cs: Sequence[str]) -> float:
        return sum(stats.doc_count.get(c, 0) for c in cs) / max(len(cs), 1) / n_docs

    return [
        index / max(doc_sentences, 1),
        math.log1p(index),
        math.log(n_words),
        sum(t not in STOPWORDS for t in toks) / n_words,
        shared(unigrams),
        shared(bigrams),
        doc_share(unigrams),
        doc_share(bigrams),
        float(text.rstrip().endswith(_TERMINAL)),
        float('"' in text or "“" in text or "''" in text or "``" in text),
        float(index == doc_sentences - 1),
        math.log(n_docs),
        sum(t in _FIRST_PERSON for t in toks) / n_words,
        float(any(ch.isdigit() for ch in text)),
        float(bool(_BOILERPLATE.match(text))),
    ]


def sentence_prior(features: Sequence[float]) -> float:
    """Predicted share of the sentence's uni+bigrams that a reference summary reuses (0 .. ~2)."""
    return INTERCEPT + sum(w * x for w, x in zip(COEFFICIENTS, features, strict=True))
