"""The tag inventory of the NER model (IOB2) and BIO span decoding: what the tagger needs at run time.

The corpus readers used for training and evaluation live outside the package (benchmarks/evallib/ner_data.py).
"""

from __future__ import annotations

from collections.abc import Sequence

ENTITY_TYPES: tuple[str, ...] = ("PER", "ORG", "LOC", "MISC")
# Tag inventory of the model, IOB2 (BIO); index 0 must stay "O".
TAGS: tuple[str, ...] = ("O",) + tuple(f"{p}-{t}" for t in ENTITY_TYPES for p in ("B", "I"))


def bio_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Token spans ``(start, end_exclusive, type)`` of valid IOB2 tags; a stray ``I-`` opens a new entity."""
    spans: list[tuple[int, int, str]] = []
    start = -1
    kind = ""
    for i, tag in enumerate(list(tags) + ["O"]):
        continues = tag.startswith("I-") and tag[2:] == kind and start >= 0
        if continues:
            continue
        if start >= 0:
            spans.append((start, i, kind))
            start, kind = -1, ""
        if tag != "O":
            start, kind = i, tag[2:]
    return spans
