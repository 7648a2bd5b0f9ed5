"""The language data: the exported lists still equal their source library's; every list says where it came from."""

from __future__ import annotations

from pathlib import Path

import pytest

import corroborate.lang.en as en
from corroborate.lang.en import STOP_WORDS

LISTS = sorted(Path(en.__file__).resolve().parent.glob("*.txt"))


def test_stop_words_equal_scikit_learns_list() -> None:
    text = pytest.importorskip("sklearn.feature_extraction.text", reason="scikit-learn (a dev dependency) absent")
    assert frozenset(text.ENGLISH_STOP_WORDS) == STOP_WORDS


@pytest.mark.parametrize("path", LISTS, ids=[p.name for p in LISTS])
def test_every_list_starts_with_its_source_and_has_no_repeated_entry(path: Path) -> None:
    assert path.read_text(encoding="utf-8").startswith("# source: ")
    entries = en.entries(path.name)
    assert entries and len(entries) == len(set(entries))


def test_one_title_list_serves_the_splitter_and_the_quote_finder() -> None:
    from corroborate.analyze.quotes.lexicon import TITLES as QUOTE_TITLES
    from corroborate.analyze.text.sentences import TITLES as SENTENCE_TITLES

    assert {t.lower() for t in SENTENCE_TITLES} <= QUOTE_TITLES
    assert {"gov", "gov.", "minister"} <= QUOTE_TITLES and "Gov" in SENTENCE_TITLES and "minister" not in SENTENCE_TITLES


def test_one_negation_list_serves_the_support_check_and_quote_matching() -> None:
    from corroborate.analyze.quotes.match import _NEGATIONS
    from corroborate.analyze.text import claim_of

    assert {w.replace("'", "") for w in en.NEGATIONS} == _NEGATIONS
    assert all(claim_of(f"They {w} go.").negated for w in en.NEGATIONS if w != "n't")
