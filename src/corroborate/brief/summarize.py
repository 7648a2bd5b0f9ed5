"""Extractive multi-document summarizer: pick the sentences that cover what most reports agree on.

Method (budgeted concept coverage, after ICSISumm / Gillick & Favre 2009 and Lin & Bilmes 2010):
concepts are stemmed content words and bigrams, weighted by how many documents mention them and how early.
Sentences are chosen greedily by *new* concept weight per word (a submodular coverage objective, so a
sentence repeating covered facts gains little), with a cosine cap as a hard redundancy guard. Selection is
deterministic (ties break on document and sentence index) and needs no network or embeddings.

Reads: a list of :class:`Candidate` sentences. Returns :class:`Selected` records (score, rank, index into the
candidates) in reading order, so callers cite the source sentence rather than a copied string.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from corroborate.brief.summarize_features import (
    concept_stats,
    concept_weights,
    content_vector,
    cosine,
    sentence_concepts,
)
from corroborate.brief.summarize_prior import sentence_features, sentence_prior

# Defaults: literature starting points (ICSISumm, Lin & Bilmes 2010), then checked on Multi-News validation
# (rouge-score, 260 words F1 / 100 words recall); the default scores 44.79/15.15 and 26.48/8.72 there.
# Every alternative tried is in docs/bench_summarize.md; most moved the score by < 0.1.
MIN_WORDS = 8  # shorter sentences are headlines/fragments (ICSISumm: 10); 12 -> 100w 26.43/8.70
MAX_WORDS = 55  # longer "sentences" are usually splitter failures (lists, tables)
MIN_DOCS = 2  # concepts count only if >= 2 reports carry them (consensus); 1: 44.28/14.55, 3: 44.57/15.00
POSITION_DECAY = 1.0  # concept first seen at a report's start weighs (1 + this) x doc count; 0 / 3: +-0.02
LENGTH_EXPONENT = 1.0  # gain / words**r ("value per word"); 0.8 / 1.2: +-0.01
REDUNDANCY_COSINE = 0.5  # skip a sentence this similar (content-word cosine) to a chosen; 0.7: 44.56/15.01
USE_BIGRAMS = True  # bigram concepts (ICSISumm) on top of unigrams; off -> 100w 26.41/8.50
SENTENCE_FREQ_WEIGHT = 0.0  # extra weight per additional sentence mentioning a concept; 1.0 -> 44.78/15.18
BIGRAM_WEIGHT = 1.0  # bigram concept weight relative to a unigram's; 0.5 -> 44.76/15.10, 2 -> 44.78/15.16
# Learned sentence prior (summarize_prior) vs coverage. Multi-News val 5-fold CV: 0 -> 44.79/15.15,
# 0.8 -> 45.20/15.62 (F1, 260 words); off by default because it is fit on 500-token truncated inputs and
# lowered DUC 2004 (see docs/bench_summarize.md).
PRIOR_WEIGHT = 0.0


@dataclass(frozen=True)
class Candidate:
    """One source sentence offered to the summarizer."""

    doc: int  # index of the source document
    index: int  # sentence index within that document
    text: str
    doc_sentences: int  # number of sentences in that document
    published: datetime.date | None = None


@dataclass(frozen=True)
class Selected:
    """One chosen sentence: which candidate, the salience it was chosen with, and when it was chosen."""

    candidate: int  # index into the candidates list
    score: float  # salience score used for selection
    rank: int  # selection order (0 = picked first)


@dataclass(frozen=True)
class SummaryOptions:
    """Every tunable of :func:`select`, with defaults (see the module constants for their provenance)."""

    min_words: int = MIN_WORDS
    max_words_per_sentence: int = MAX_WORDS
    min_docs: int = MIN_DOCS
    position_decay: float = POSITION_DECAY
    length_exponent: float = LENGTH_EXPONENT
    redundancy_cosine: float = REDUNDANCY_COSINE
    use_bigrams: bool = USE_BIGRAMS
    sentence_freq_weight: float = SENTENCE_FREQ_WEIGHT
    bigram_weight: float = BIGRAM_WEIGHT
    prior_weight: float = PRIOR_WEIGHT


def _word_count(text: str) -> int:
    return len(text.split())


def _relative_position(c: Candidate) -> float:
    return c.index / max(c.doc_sentences, 1)


def _eligible(c: Candidate, opts: SummaryOptions) -> bool:
    n = _word_count(c.text)
    return opts.min_words <= n <= opts.max_words_per_sentence


def _salience_inputs(
    candidates: Sequence[Candidate], opts: SummaryOptions
) -> tuple[list[frozenset[str]], dict[str, float], list[float]]:
    """Concepts of every sentence, concept weights and sentence priors."""
    concepts = [sentence_concepts(c.text, opts.use_bigrams) for c in candidates]
    positions = [_relative_position(c) for c in candidates]
    stats = concept_stats(concepts, [c.doc for c in candidates], positions)
    weights = concept_weights(stats, position_decay=opts.position_decay, min_docs=opts.min_docs,
                              sentence_freq_weight=opts.sentence_freq_weight,
                              bigram_weight=opts.bigram_weight)
    if opts.prior_weight:
        priors = [sentence_prior(sentence_features(c.text, c.index, c.doc_sentences, cs, stats))
                  for c, cs in zip(candidates, concepts, strict=True)]
    else:
        priors = [0.0] * len(candidates)
    return concepts, weights, priors


def _gain(concepts: frozenset[str], weights: dict[str, float], covered: set[str] | frozenset[str]) -> float:
    return sum(weights.get(c, 0.0) for c in concepts - covered)


def _greedy(
    candidates: Sequence[Candidate], max_words: int, opts: SummaryOptions, overflow_last: bool
) -> list[Selected]:
    """Greedy budgeted coverage + prior; with ``overflow_last`` one final sentence may exceed the budget.

    Each step takes the sentence maximising new concept weight per word (``words ** length_exponent``) plus
    ``prior_weight`` x its learned prior; ties go to the earliest sentence (relative position, doc, index).
    """
    concepts, weights, priors = _salience_inputs(candidates, opts)
    positions = [_relative_position(c) for c in candidates]
    lengths = [_word_count(c.text) for c in candidates]
    pool = [i for i, c in enumerate(candidates) if _eligible(c, opts)]
    if not pool:  # tiny inputs: fall back to anything non-empty
        pool = [i for i, n in enumerate(lengths) if n > 0]
    vectors = {i: content_vector(candidates[i].text) for i in pool}
    # Scale coverage so the best first pick scores 1 in every cluster: the prior then weighs the same
    # against coverage whether a story has 2 reports or 20.
    scale = max((_gain(concepts[i], weights, frozenset()) / lengths[i] ** opts.length_exponent for i in pool),
                default=1.0) or 1.0
    weights = {c: w / scale for c, w in weights.items()}
    covered: set[str] = set()
    chosen: list[Selected] = []
    used = 0
    while pool and used < max_words:
        best: tuple[float, float, int, int] | None = None
        for i in pool:
            if used + lengths[i] > max_words and not overflow_last:
                continue
            gain = _gain(concepts[i], weights, covered)
            score = gain / (lengths[i] ** opts.length_exponent) + opts.prior_weight * priors[i]
            key = (score, -positions[i], -candidates[i].doc, -i)
            if best is None or key > best:
                best = key
        if best is None:
            break
        pick = -best[3]
        pool.remove(pick)
        if any(cosine(vectors[pick], vectors[s.candidate]) > opts.redundancy_cosine for s in chosen):
            continue
        chosen.append(Selected(candidate=pick, score=best[0], rank=len(chosen)))
        covered |= concepts[pick]
        used += lengths[pick]
    return chosen


def reading_order(candidates: Sequence[Candidate], chosen: Sequence[Selected]) -> list[Selected]:
    """Order chosen sentences for printing: earlier-in-their-report first, then by date, document, index.

    Relative position keeps sentences of one document in their original order and puts each report's
    lead (usually the core event) before background.
    """

    def key(s: Selected) -> tuple[float, datetime.date, int, int]:
        c = candidates[s.candidate]
        return (_relative_position(c), c.published or datetime.date.min, c.doc, c.index)

    return sorted(chosen, key=key)


def select(
    candidates: Sequence[Candidate], max_words: int, *, options: SummaryOptions | None = None
) -> list[Selected]:
    """Choose whole sentences totalling at most ``max_words`` words, returned in reading order."""
    if max_words <= 0 or not candidates:
        return []
    opts = options or SummaryOptions()
    return reading_order(candidates, _greedy(candidates, max_words, opts, overflow_last=False))
