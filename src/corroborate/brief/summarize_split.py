"""Sentence splitting for :func:`corroborate.brief.summarize.summarize_texts`.

Uses the analyze stage's splitter when it is installed (one splitter for the whole pipeline), else syntok
directly. Both return half-open character spans ``(start, end)`` on the input text.
"""

from __future__ import annotations

from collections.abc import Callable

from syntok import segmenter


def _syntok_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans from syntok (rule-based, offline, keeps character offsets)."""
    spans: list[tuple[int, int]] = []
    for paragraph in segmenter.process(text):
        for sentence in paragraph:
            if not sentence:
                continue
            start = sentence[0].offset
            end = sentence[-1].offset + len(sentence[-1].value)
            spans.append((start, end))
    return spans


def _resolve() -> Callable[[str], list[tuple[int, int]]]:
    try:
        from corroborate.analyze.sentences import split_sentences as analyze_split
    except ImportError:
        return _syntok_spans
    return analyze_split


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text``."""
    return _resolve()(text)
