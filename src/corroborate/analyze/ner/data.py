"""Readers for the NER corpora and BIO helpers shared by the tagger, its training script and benchmark.

The corpora themselves are never shipped (research terms); they are read from the shared data folder.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

ENTITY_TYPES: tuple[str, ...] = ("PER", "ORG", "LOC", "MISC")
# Tag inventory of the model, IOB2 (BIO); index 0 must stay "O".
TAGS: tuple[str, ...] = ("O",) + tuple(f"{p}-{t}" for t in ENTITY_TYPES for p in ("B", "I"))


@dataclass(frozen=True)
class TaggedSentence:
    """One sentence of gold tokens and their IOB2 tags; ``doc`` numbers the source document."""

    tokens: list[str]
    tags: list[str]
    doc: int = 0


def _open_text(path: Path) -> Iterator[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        yield from handle


def iob1_to_iob2(tags: Sequence[str]) -> list[str]:
    """Rewrite IOB1 tags (CoNLL-2003 files: ``B-`` only between touching entities) as IOB2."""
    out: list[str] = []
    previous = "O"
    for tag in tags:
        if tag.startswith("I-") and (previous == "O" or previous[2:] != tag[2:]):
            tag = "B-" + tag[2:]
        out.append(tag)
        previous = tag
    return out


def read_conll2003(path: Path) -> list[TaggedSentence]:
    """Read a CoNLL-2003 file (``token POS chunk NER``, IOB1) into IOB2 sentences, keeping document ids."""
    sentences: list[TaggedSentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    doc = -1

    def flush() -> None:
        if tokens:
            sentences.append(TaggedSentence(list(tokens), iob1_to_iob2(tags), max(doc, 0)))
            tokens.clear()
            tags.clear()

    for line in _open_text(path):
        fields = line.split()
        if not fields:
            flush()
        elif fields[0] == "-DOCSTART-":
            flush()
            doc += 1
        else:
            tokens.append(fields[0])
            tags.append(fields[-1])
    flush()
    return sentences


def read_uner(path: Path) -> list[TaggedSentence]:
    """Read a Universal NER ``.iob2`` file; the ``OTH`` type and stray ``B-O`` tags become ``O``."""
    sentences: list[TaggedSentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    for line in _open_text(path):
        line = line.rstrip("\n")
        if line.startswith("#"):
            continue
        if not line.strip():
            if tokens:
                sentences.append(TaggedSentence(tokens, tags))
                tokens, tags = [], []
            continue
        fields = line.split("\t")
        tag = fields[2]
        if tag[2:] not in ENTITY_TYPES:
            tag = "O"
        tokens.append(fields[1])
        tags.append(tag)
    if tokens:
        sentences.append(TaggedSentence(tokens, tags))
    return sentences


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
