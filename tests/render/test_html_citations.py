"""The static HTML's citations: each [n] of a line opens source n's passage with the words that support the
line marked; the passages come from the spans the briefing records, cut from the source's own text."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from corroborate import brief_paths
from corroborate.render import render
from corroborate.render.spans import PASSAGE_CONTEXT, item_spans, passages

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "dar-hamiz-market-blast"


@pytest.fixture(scope="module")
def briefing() -> dict:
    return brief_paths([EXAMPLE]).briefings[0]


def _passages(page: str) -> dict[str, str]:
    return dict(re.findall(r'<div class="passage" id="s0-cite-([^"]+)">(.*?)</div></div>', page))


def test_every_cited_passage_marks_the_items_words_in_that_source(briefing: dict) -> None:
    page = render([briefing], "html")
    found = _passages(page)
    numbers = {n: s for n, s in enumerate(briefing["sources"], start=1)}
    assert len(found) >= len(briefing["summary"])
    kinds = set()
    for anchor, body in found.items():
        item, n = anchor.rsplit("-", 1)
        kinds.add(item.split("-")[0])
        source = numbers[int(n)]
        marks = [html.unescape(m) for m in re.findall(r"<mark>(.*?)</mark>", body)]
        wanted = {s["text"] for s in item_spans(briefing, item) if s["source"] == source["id"]}
        assert marks, anchor
        for mark in marks:
            assert mark in source["text"], (anchor, mark)
            # a mark is one recorded span, or overlapping/adjacent spans merged into one
            assert any(w in mark for w in wanted), (anchor, mark, wanted)
        assert f'href="#s0-cite-{anchor}"' in page  # a citation points at it
    assert {"summary", "claim", "quote"} <= kinds


def test_summary_citations_open_passages_and_others_the_source_entry(briefing: dict) -> None:
    page = render([briefing], "html")
    summary = re.search(r'<section id="s0-summary">(.*?)</section>', page, re.S)
    assert summary is not None
    refs = re.findall(r'href="#(s0-[^"]+)"', summary.group(1))
    total = sum(len(item["sources"]) for item in briefing["summary"])
    assert len(refs) == total
    # every source carrying a summary sentence recorded its span, so every citation opens a passage
    assert all(r.startswith("s0-cite-summary-") for r in refs), refs


def test_page_forbids_scripts_by_policy(briefing: dict) -> None:
    page = render([briefing], "html")
    assert re.search(r'<meta http-equiv="Content-Security-Policy" content="default-src \'none\';', page)
    assert "<script" not in page.lower()


def test_passages_cut_at_paragraphs_and_bound_long_ones() -> None:
    text = "First paragraph here.\nThe second one says 62 people died.\nThird."
    start = text.index("62")
    pieces = passages(text, [{"source": "a", "start": start, "end": start + 2}], "a")
    assert len(pieces) == 1
    assert "".join(p.text for p in pieces[0]) == "The second one says 62 people died."
    assert [p.text for p in pieces[0] if p.marked] == ["62"]
    assert passages(text, [{"source": "b", "start": 0, "end": 5}], "a") == []
    long = " ".join(f"w{i}" for i in range(600))
    at = long.index("w300")
    cut = passages(long, [{"source": "a", "start": at, "end": at + 4}], "a")[0]
    shown = "".join(p.text for p in cut)
    assert shown.startswith("… ") and shown.endswith(" …")
    assert len(shown) <= 2 * PASSAGE_CONTEXT + 4 + 4
    two = passages(text, [{"source": "a", "start": 0, "end": 5}, {"source": "a", "start": start, "end": start + 2}],
                   "a")
    assert len(two) == 2  # separate paragraphs, separate passages
