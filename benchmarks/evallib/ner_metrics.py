"""Entity-level scoring (exact span and type match, CoNLL/seqeval convention) for training, tests, benchmarks.

Uses seqeval (a development dependency) rather than a hand-written scorer so figures are comparable with
published CoNLL-2003 results; it is imported only here, never by the tagger itself.
"""

from __future__ import annotations

from typing import Any

from seqeval.metrics import classification_report

from corroborate.analyze.entities.ner.tags import ENTITY_TYPES


def entity_scores(gold: list[list[str]], predicted: list[list[str]]) -> dict[str, dict[str, float]]:
    """Precision/recall/F1/support per entity type and ``overall`` (micro average) for IOB2 tag lists."""
    report: dict[str, Any] = classification_report(
        gold, predicted, output_dict=True, zero_division=0, digits=4
    )
    out: dict[str, dict[str, float]] = {}
    for name, key in [(t, t) for t in ENTITY_TYPES] + [("overall", "micro avg")]:
        row = report.get(key)
        if row is None:
            continue
        out[name] = {
            "precision": round(float(row["precision"]), 4),
            "recall": round(float(row["recall"]), 4),
            "f1": round(float(row["f1-score"]), 4),
            "support": int(row["support"]),
        }
    return out
