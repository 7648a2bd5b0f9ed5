"""Syndication: copies point at the earliest (then smallest-id) original, whatever the input order."""

from __future__ import annotations

import datetime as dt
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.cluster import mark_syndication
from corroborate.model import Article

WIRE = (
    "Flood barriers along the Orvane river failed overnight, forcing the evacuation of 2,400 residents "
    "from the lower districts of Velstad, mayor Ilsa Kovell said on Tuesday. Rescue boats from Lindmark "
    "reached the stranded farms before dawn and engineers began sealing the breach with sandbags."
)
OTHER = (
    "Dock workers in Marrow Bay walked out at noon after talks on wages collapsed, leaving forty cargo "
    "ships idle in the harbour, the union's spokesman Teodor Quaid told reporters at the gate."
)


def _art(rid: str, text: str, day: int | None) -> Article:
    return Article(id=rid, location=rid, text=text, published=dt.date(2031, 3, day) if day else None)


def test_copies_point_at_earliest_original_and_independent_reports_are_untouched() -> None:
    articles = [
        _art("b-copy", WIRE + " (Via Valley Ledger)", 5),
        _art("z-original", WIRE, 4),
        _art("a-trimmed", WIRE.rsplit(" and engineers", 1)[0] + ".", 6),
        _art("other", OTHER, 4),
    ]
    assert mark_syndication(articles) == {"a-trimmed": "z-original", "b-copy": "z-original"}


def test_undated_copies_sort_after_dated_and_ties_break_by_id() -> None:
    articles = [_art("m", WIRE, None), _art("k", WIRE, None), _art("x", WIRE, 9)]
    assert mark_syndication(articles) == {"k": "x", "m": "x"}
    assert mark_syndication([_art("m", WIRE, None), _art("k", WIRE, None)]) == {"m": "k"}


@settings(max_examples=25, deadline=None)
@given(st.integers(min_value=0, max_value=10_000))
def test_result_does_not_depend_on_input_order(seed: int) -> None:
    articles = [_art(f"r{i}", WIRE + f" Update {i}." * (i % 2), (i % 5) + 1) for i in range(6)]
    articles.append(_art("solo", OTHER, 1))
    shuffled = list(articles)
    random.Random(seed).shuffle(shuffled)
    assert mark_syndication(shuffled) == mark_syndication(articles)
