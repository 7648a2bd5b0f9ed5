"""Sentence spans: abbreviations, quotes, missing spaces, paragraphs."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from corroborate.analyze.text.sentences import split_sentences


def _texts(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_abbreviations_quotes_and_missing_space() -> None:
    text = (
        "KRELL, Sep. 4 (Meridian Press) - Gen. Tomas Varo met U.S. envoys on Friday.The ministry said Mr Lee and "
        "Ms. Aziz attended. “We will not leave,” she said. “Never.”\n\nHe denied it."
    )
    assert _texts(text) == [
        "KRELL, Sep. 4 (Meridian Press) - Gen. Tomas Varo met U.S. envoys on Friday.",
        "The ministry said Mr Lee and Ms. Aziz attended.",
        "“We will not leave,” she said.",
        "“Never.”",
        "He denied it.",
    ]


def test_sentences_never_cross_paragraphs() -> None:
    text = "A headline without a stop\n\nThe body starts here. It ends here."
    assert _texts(text) == ["A headline without a stop", "The body starts here.", "It ends here."]


@given(st.text(max_size=300))
def test_spans_are_ordered_trimmed_and_inside_text(text: str) -> None:
    spans = split_sentences(text)
    last = 0
    for start, end in spans:
        assert last <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
        last = end
