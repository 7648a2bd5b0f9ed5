"""End to end on the bundled fictional example stories against their hand-written gold (tests/gold/).

Cleaning gold: every furniture line removed, every report sentence kept, outlet/date/copies detected. Summary:
every citation re-checked, every summary within budget. (Analysis gold is checked in tests/analyze/.)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from corroborate import Config, brief_paths
from corroborate.brief.briefing import check_citations
from support import REPO, example_story_dirs, load_gold, source_articles

STORIES = example_story_dirs()
HELDOUT = sorted(p for p in (REPO / "tests" / "heldout").iterdir() if p.is_dir())
CLEANING = [(p, load_gold(p.name)) for p in STORIES] + [(p, load_gold(p.name, "heldout")) for p in HELDOUT]


def _norm(text: str) -> str:
    return " ".join(text.split())


def _briefing(folder: Path) -> dict[str, Any]:
    (briefing,) = brief_paths([folder], Config(), one_story=True).briefings  # one event per bundled folder: the gold scores the analysis, not the grouping
    return briefing


def test_there_are_at_least_three_example_stories() -> None:
    assert len(STORIES) >= 3
    for folder in STORIES:
        files = [p for p in folder.iterdir() if p.suffix in {".txt", ".html"}]
        assert 4 <= len(files) <= 8, folder
        assert (REPO / "tests" / "gold" / f"{folder.name}.json").is_file(), folder


@pytest.mark.parametrize(("folder", "gold"), CLEANING, ids=[p.name for p, _ in CLEANING])
def test_cleaning_gold(folder: Path, gold: dict[str, Any]) -> None:
    briefing = _briefing(folder)
    sources = {s["id"]: s for s in briefing["sources"]}
    assert set(sources) == set(gold["sources"])
    for sid, expected in gold["sources"].items():
        text = _norm(sources[sid]["text"])
        lines = {_norm(line) for line in sources[sid]["text"].split("\n")}
        for sentence in expected["sentences"]:
            assert _norm(sentence) in text, f"{sid}: sentence lost: {sentence!r}"
        for line in expected["furniture"]:
            assert _norm(line) not in lines, f"{sid}: furniture kept: {line!r}"
            if len(line.split()) > 2:
                assert _norm(line) not in text, f"{sid}: furniture kept inside text: {line!r}"
        assert sources[sid]["title"] == expected["headline"], sid
        assert sources[sid]["outlet"] == expected["outlet"], sid
        assert sources[sid]["published"] == expected["published"], sid
        assert sources[sid]["duplicate_of"] == expected["duplicate_of"], sid
        assert sources[sid]["cites_outlets"] == expected["cites"], sid


@pytest.mark.parametrize("folder", STORIES, ids=[p.name for p in STORIES])
@pytest.mark.parametrize("max_words", [60, 200])
def test_summary_citations_verified_and_budget_kept(folder: Path, max_words: int) -> None:
    config = Config()
    config = type(config)(summary=type(config.summary)(max_words=max_words))
    (briefing,) = brief_paths([folder], config, one_story=True).briefings  # one event per bundled folder: the gold scores the analysis, not the grouping
    assert briefing["summary"], "empty summary"
    assert sum(len(i["text"].split()) for i in briefing["summary"]) <= max_words
    check_citations(briefing, source_articles(briefing), config.summary.citation_min_support)
    # Consensus: some summary sentence is carried by more than one independent outlet.
    assert max(len(i["sources"]) for i in briefing["summary"]) >= 2
