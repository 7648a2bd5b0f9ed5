"""The exported language data still equals its source library's."""

from __future__ import annotations

import pytest

from corroborate.lang.en import STOP_WORDS


def test_stop_words_equal_scikit_learns_list() -> None:
    text = pytest.importorskip("sklearn.feature_extraction.text", reason="scikit-learn (a dev dependency) absent")
    assert frozenset(text.ENGLISH_STOP_WORDS) == STOP_WORDS
