"""Unit tests of the extractive summarizer on hand-written fictional reports (issue "Summary quality")."""

from __future__ import annotations

import datetime as dt
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.brief.summarize import (
    Candidate,
    Selected,
    SummaryOptions,
    select,
)
from evallib.summaries import summarize_candidates, summarize_texts

REPORTS = [
    # Three fictional outlets on one fictional story: a dam failure in the (invented) town of Brennick.
    "The Halvard Dam near Brennick failed on Tuesday night, flooding the lower town and forcing 4,000 people "
    "from their homes. Mayor Ottilie Varga said rescue crews had reached every flooded street by dawn. "
    "Engineers had warned in March that the spillway gates were corroded. The regional council will meet on "
    "Friday to discuss emergency funding for Brennick. Local bakeries handed out bread to volunteers.",
    "Floodwater from the failed Halvard Dam swept through lower Brennick on Tuesday night, and about 4,000 "
    "residents were evacuated. Mayor Ottilie Varga praised the rescue crews, who reached all flooded streets "
    "by early Wednesday. An inspection report from March had flagged corrosion on the dam's spillway gates. "
    "The Brennick football club postponed its weekend match.",
    "Officials in Brennick say the Halvard Dam gave way late on Tuesday. Roughly 4,000 people left their homes "
    "as water filled the lower town. The regional council has called a Friday session on emergency funding. "
    "A petition demanding an inquiry into the dam's maintenance gathered 900 signatures overnight.",
]


def _candidates(texts: list[str]) -> list[Candidate]:
    out = []
    for d, text in enumerate(texts):
        sentences = [s.strip() + "." for s in text.split(". ") if s.strip()]
        for k, s in enumerate(sentences):
            out.append(Candidate(doc=d, index=k, text=s.rstrip(".") + ".", doc_sentences=len(sentences)))
    return out


def _words(candidates: list[Candidate], chosen: list[Selected]) -> int:
    return sum(len(candidates[s.candidate].text.split()) for s in chosen)


def test_summary_prefers_facts_reported_by_several_outlets() -> None:
    cands = _candidates(REPORTS)
    chosen = select(cands, 60)
    texts = " ".join(cands[s.candidate].text for s in chosen)
    assert "4,000" in texts  # the fact all three reports give
    assert "bakeries" not in texts and "football" not in texts  # single-outlet colour


def test_budget_respected_and_whole_sentences() -> None:
    cands = _candidates(REPORTS)
    for budget in (0, 5, 25, 60, 120, 1000):
        chosen = select(cands, budget)
        assert _words(cands, chosen) <= budget
        assert len({s.candidate for s in chosen}) == len(chosen)


def test_near_duplicate_sentences_not_both_picked() -> None:
    twin_a = "The Halvard Dam near Brennick failed on Tuesday night, flooding the lower town quickly."
    twin_b = "The Halvard Dam near Brennick failed on Tuesday night, flooding the lower town very quickly."
    cands = _candidates(REPORTS) + [
        Candidate(doc=3, index=0, text=twin_a, doc_sentences=2),
        Candidate(doc=4, index=0, text=twin_b, doc_sentences=2),
    ]
    chosen = {cands[s.candidate].text for s in select(cands, 200)}
    assert not {twin_a, twin_b} <= chosen


def test_deterministic() -> None:
    cands = _candidates(REPORTS)
    assert select(cands, 70) == select(list(cands), 70)
    assert summarize_texts(REPORTS, 70) == summarize_texts(list(REPORTS), 70)


def test_reading_order_keeps_document_order_and_ranks_are_a_permutation() -> None:
    cands = _candidates(REPORTS)
    chosen = select(cands, 150)
    assert sorted(s.rank for s in chosen) == list(range(len(chosen)))
    for doc in {cands[s.candidate].doc for s in chosen}:
        indices = [cands[s.candidate].index for s in chosen if cands[s.candidate].doc == doc]
        assert indices == sorted(indices)
    positions = [cands[s.candidate].index / cands[s.candidate].doc_sentences for s in chosen]
    assert positions == sorted(positions)


def test_truncate_last_fills_budget_exactly() -> None:
    texts = summarize_texts(REPORTS, 50, truncate_last=True)
    assert sum(len(t.split()) for t in texts) == 50
    whole = summarize_texts(REPORTS, 50)
    assert sum(len(t.split()) for t in whole) <= 50


def test_empty_inputs() -> None:
    assert select([], 100) == []
    assert select(_candidates(REPORTS), 0) == []
    assert summarize_texts([], 100) == []
    assert summarize_texts(["", "   "], 100) == []


def test_options_change_selection_only_through_fields() -> None:
    cands = _candidates(REPORTS)
    loose = SummaryOptions(min_words=1, redundancy_cosine=1.0)
    assert _words(cands, select(cands, 80, options=loose)) <= 80
    with_prior = select(cands, 80, options=SummaryOptions(prior_weight=0.8))
    assert 0 < _words(cands, with_prior) <= 80


def test_published_dates_break_ties_in_reading_order() -> None:
    a = Candidate(doc=0, index=0, text="Brennick officials opened three shelters for evacuated families.",
                  doc_sentences=1, published=dt.date(2031, 5, 2))
    b = Candidate(doc=1, index=0, text="Volunteers in Brennick filled sandbags along the Orla river bank.",
                  doc_sentences=1, published=dt.date(2031, 5, 1))
    chosen = select([a, b], 100, options=SummaryOptions(min_words=1))
    assert [s.candidate for s in chosen] == [1, 0]


def test_story_of_300_sentences_is_fast() -> None:
    words = ("dam flood council funding rescue crews town river gates corrosion inquiry petition mayor "
             "volunteers shelters water evacuation report engineers spillway").split()
    cands = []
    for d in range(10):
        for k in range(30):
            text = " ".join(words[(d * 7 + k * 3 + j) % len(words)] for j in range(12 + (k % 9))) + "."
            cands.append(Candidate(doc=d, index=k, text=text, doc_sentences=30))
    start = time.perf_counter()
    chosen = select(cands, 100)
    assert time.perf_counter() - start < 1.0
    assert chosen


_WORD = st.sampled_from("alder birch cedar dune ember fjord grove heath inlet juniper kestrel".split())
_SENTENCE = st.lists(_WORD, min_size=1, max_size=30).map(lambda ws: " ".join(ws) + ".")


@settings(max_examples=60, deadline=None)
@given(docs=st.lists(st.lists(_SENTENCE, min_size=1, max_size=8), min_size=1, max_size=5),
       budget=st.integers(min_value=0, max_value=150))
def test_budget_never_exceeded_property(docs: list[list[str]], budget: int) -> None:
    cands = [Candidate(doc=d, index=k, text=s, doc_sentences=len(sents))
             for d, sents in enumerate(docs) for k, s in enumerate(sents)]
    chosen = select(cands, budget)
    assert _words(cands, chosen) <= budget
    assert all(0 <= s.candidate < len(cands) for s in chosen)
    filled = summarize_candidates(cands, budget, truncate_last=True)
    assert sum(len(t.split()) for t in filled) <= budget
