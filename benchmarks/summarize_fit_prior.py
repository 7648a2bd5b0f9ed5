"""Fit the sentence prior of corroborate.brief.summarize_prior on Multi-News validation, with 5-fold CV.

For every sentence of every validation cluster: features from ``sentence_features`` and as target the share
of its stemmed unigrams plus the share of its bigrams that occur in the reference summary (what ROUGE-1/2
reward per word spent). Prints the ridge coefficients to paste into summarize_prior.py, and the
cross-validated ROUGE of the summarizer for a grid of ``prior_weight`` values (each fold scored with a prior
fit on the other four folds), so the figure used to choose the weight never saw its own references.

    python benchmarks/summarize_fit_prior.py [--limit N] [--weights 0,0.5,1,2]
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from sklearn.linear_model import Ridge

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "src"), str(REPO / "benchmarks")]

import corroborate.brief.summarize_prior as prior_module  # noqa: E402
from corroborate.brief.summarize import (  # noqa: E402
    Candidate,
    SummaryOptions,
    _relative_position,
)
from corroborate.brief.summarize_features import (  # noqa: E402
    concept_stats,
    sentence_concepts,
    stem,
    tokens,
)
from evallib.summaries import split_into_candidates, summarize_candidates  # noqa: E402
from rouge_env import python_rouge  # noqa: E402
from summarize import load_clusters  # noqa: E402

FOLDS = 5


def _ngrams(text: str) -> tuple[Counter[str], Counter[str]]:
    stems = [stem(t) for t in tokens(text)]
    return Counter(stems), Counter(" ".join(p) for p in zip(stems, stems[1:], strict=False))


def _precision(mine: Counter[str], ref: Counter[str]) -> float:
    return sum(min(v, ref[k]) for k, v in mine.items()) / max(sum(mine.values()), 1)


def cluster_rows(candidates: Sequence[Candidate], reference: str) -> tuple[np.ndarray, np.ndarray]:
    """Feature matrix and targets of one cluster's sentences."""
    concepts = [sentence_concepts(c.text, True) for c in candidates]
    stats = concept_stats(concepts, [c.doc for c in candidates], [_relative_position(c) for c in candidates])
    ref_uni, ref_bi = _ngrams(reference)
    xs, ys = [], []
    for c, cs in zip(candidates, concepts, strict=True):
        xs.append(prior_module.sentence_features(c.text, c.index, c.doc_sentences, cs, stats))
        uni, bi = _ngrams(c.text)
        ys.append(_precision(uni, ref_uni) + _precision(bi, ref_bi))
    return np.array(xs, dtype=float).reshape(-1, len(prior_module.FEATURES)), np.array(ys, dtype=float)


def fit(xs: np.ndarray, ys: np.ndarray) -> tuple[tuple[float, ...], float]:
    model = Ridge(alpha=1.0).fit(xs, ys)
    return tuple(round(float(w), 4) for w in model.coef_), round(float(model.intercept_), 4)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--weights", default="0,0.25,0.5,1,2")
    parser.add_argument("--budgets", default="260,100")
    args = parser.parse_args()
    clusters = load_clusters("multinews", "validation", args.limit)
    cands = [split_into_candidates(c.docs) for c in clusters]
    rows = [cluster_rows(cs, c.refs[0]) for cs, c in zip(cands, clusters, strict=True)]
    folds = [k % FOLDS for k in range(len(clusters))]
    fold_params = []
    preds, targets = [], []
    for f in range(FOLDS):
        train = [r for r, k in zip(rows, folds, strict=True) if k != f]
        params = fit(np.vstack([r[0] for r in train]), np.concatenate([r[1] for r in train]))
        fold_params.append(params)
        for r, k in zip(rows, folds, strict=True):
            if k == f:
                preds.append(r[0] @ np.array(params[0]) + params[1])
                targets.append(r[1])
    corr = float(np.corrcoef(np.concatenate(preds), np.concatenate(targets))[0, 1])
    coef, intercept = fit(np.vstack([r[0] for r in rows]), np.concatenate([r[1] for r in rows]))
    print(f"5-fold CV correlation with target: {corr:.3f}")
    print("COEFFICIENTS = (" + ", ".join(f"{w:g}" for w in coef) + ",)")
    print(f"INTERCEPT = {intercept:g}")
    for name, w in zip(prior_module.FEATURES, coef, strict=True):
        print(f"  {name:20s} {w:+.4f}")
    refs = [c.refs for c in clusters]
    for budget in (int(b) for b in args.budgets.split(",")):
        kind = "f" if budget >= 200 else "r"
        for weight in (float(w) for w in args.weights.split(",")):
            options = dataclasses.replace(SummaryOptions(), prior_weight=weight)
            outs = [""] * len(clusters)
            for f in range(FOLDS):
                prior_module.COEFFICIENTS, prior_module.INTERCEPT = fold_params[f]  # type: ignore[assignment]
                for k, cs in enumerate(cands):
                    if folds[k] == f:
                        texts = summarize_candidates(cs, budget, truncate_last=True, options=options)
                        outs[k] = "\n".join(texts)
            s = python_rouge({"ours": outs}, refs, budget)["ours"]
            print(f"budget {budget} prior_weight {weight:g}: CV rouge-score R-1/R-2 ({kind}) "
                  f"{100 * s[f'rouge-1_{kind}']:.2f}/{100 * s[f'rouge-2_{kind}']:.2f}", flush=True)


if __name__ == "__main__":
    main()
