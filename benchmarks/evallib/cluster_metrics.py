"""Clustering quality: pairwise and B-cubed precision / recall / F1 against gold labels."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def pairwise_scores(predicted: Mapping[str, str], gold: Mapping[str, str]) -> dict[str, float]:
    """Precision/recall/F1 over same-cluster item pairs (items = keys of ``gold``), counted without listing."""
    items = sorted(gold)
    joint = Counter((predicted[i], gold[i]) for i in items)
    pred_sizes = Counter(predicted[i] for i in items)
    gold_sizes = Counter(gold[i] for i in items)

    def pairs(counts: Counter[object]) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    tp, pp, gp = pairs(joint), pairs(pred_sizes), pairs(gold_sizes)  # type: ignore[arg-type]
    p = tp / pp if pp else 1.0
    r = tp / gp if gp else 1.0
    return {"precision": p, "recall": r, "f1": _f1(p, r)}


def bcubed_scores(predicted: Mapping[str, str], gold: Mapping[str, str]) -> dict[str, float]:
    """B-cubed (Bagga & Baldwin 1998): per-item precision/recall of its cluster, averaged over items."""
    items = sorted(gold)
    joint = Counter((predicted[i], gold[i]) for i in items)
    pred_sizes = Counter(predicted[i] for i in items)
    gold_sizes = Counter(gold[i] for i in items)
    p = sum(joint[(predicted[i], gold[i])] / pred_sizes[predicted[i]] for i in items) / len(items)
    r = sum(joint[(predicted[i], gold[i])] / gold_sizes[gold[i]] for i in items) / len(items)
    return {"precision": p, "recall": r, "f1": _f1(p, r)}
