"""Datelines at the start of a paragraph: "CAIRO (Reuters) - " opens a paragraph but is no part of its sentence.

Reads the cleaned text (blank-line separated paragraphs); writes the :class:`~corroborate.model.Dateline` records
with their character spans. The text itself is left whole (the report's words are all kept, as the reader saw
them); sentences are cut to start after the dateline (:func:`corroborate.analyze.text.sentences.skip_spans`), so
no summary sentence, quote or claim carries it. What counts as a dateline is
:func:`corroborate.clean.metadata.parse_dateline`.
"""

from __future__ import annotations

import dataclasses

from ..model import Dateline
from .metadata import parse_dateline

__all__ = ["find_datelines"]


def find_datelines(text: str) -> list[Dateline]:
    """Datelines opening paragraphs of ``text``, in order, each with ``start``/``end`` offsets in ``text``.

    Only a paragraph's start counts (a place name later in a sentence is report text); ``end`` is where the
    paragraph's own sentence begins (the end of the paragraph for a dateline standing alone).
    """
    found: list[Dateline] = []
    pos = 0
    for paragraph in text.split("\n\n"):
        parsed = parse_dateline(paragraph)
        if parsed is not None:
            record, end = parsed
            found.append(dataclasses.replace(record, start=pos, end=pos + end))
        pos += len(paragraph) + 2
    return found
