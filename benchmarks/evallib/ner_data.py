"""Readers for the NER corpora (training script, benchmark and tests; not part of the package).

The corpora themselves are never shipped (research terms); they are read from the shared data folder.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from corroborate.analyze.entities.ner.tags import ENTITY_TYPES, TAGS, bio_spans

__all__ = ["ENTITY_TYPES", "TAGS", "TaggedSentence", "bio_spans", "iob1_to_iob2", "read_conll2003", "read_uner"]


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
