"""Sentence segmentation as character spans of the cleaned text.

syntok is used (not hand-written rules) because it handles abbreviations ("U.S.", "Sep.", "Gen.", "Ms."),
quotes and a missing space after a full stop ("Friday.The") without any downloaded model.
"""

from __future__ import annotations

import re

from syntok import segmenter

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` spans of the sentences of ``text``, in order, never crossing a paragraph.

    Each span is trimmed of surrounding whitespace and cuts exactly the sentence's characters.
    """
    spans: list[tuple[int, int]] = []
    for p_start, p_end in _paragraph_spans(text):
        paragraph = text[p_start:p_end]
        for para in segmenter.analyze(paragraph):
            for sentence in para:
                if not sentence:
                    continue
                first, last = sentence[0], sentence[-1]
                start = p_start + first.offset
                end = p_start + last.offset + len(last.value)
                # syntok reports the token value; guard against any normalisation by re-trimming on the text.
                while start < end and text[start].isspace():
                    start += 1
                while end > start and text[end - 1].isspace():
                    end -= 1
                if start < end:
                    spans.append((start, end))
    return _merge_fragments(text, spans)


def _merge_fragments(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a closing-quote-only or punctuation-only fragment to the sentence before it."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        piece = text[start:end]
        if merged and not any(ch.isalnum() for ch in piece) and "\n" not in text[merged[-1][1] : start]:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged
