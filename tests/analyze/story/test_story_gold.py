"""Cross-source analysis against each example story's gold (issue "Cross-source analysis").

Every gold item of every example story must pass: aliases merged, quotes with speaker and all sources, claims
with ranges, attributions and the dispute, relative dates resolved, unique and omitted facts per outlet.
The held-out story (tests/heldout/) is scored by benchmarks/story_gold.py, not pinned here: its first score,
before any fix, is recorded in docs/benchmarks.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborate import Config, brief_paths
from evallib.gold import score_briefing
from support import example_story_dirs, load_gold

STORIES = example_story_dirs()


@pytest.fixture(scope="module")
def briefings() -> dict[str, dict]:
    # One event per bundled folder: the gold scores the analysis, not the grouping (tests/stream covers that).
    return {folder.name: brief_paths([folder], Config(), one_story=True).briefings[0] for folder in STORIES}


@pytest.mark.parametrize("category", ["entities", "quotes", "claims", "timeline", "unique", "omits"])
@pytest.mark.parametrize("folder", STORIES, ids=[p.name for p in STORIES])
def test_story_gold(folder: Path, category: str, briefings: dict[str, dict]) -> None:
    score = score_briefing(briefings[folder.name], load_gold(folder.name))
    failures = [f for f in score.failures if f.startswith(category + ":")]
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("folder", STORIES, ids=[p.name for p in STORIES])
def test_every_analysis_span_cuts_its_source(folder: Path, briefings: dict[str, dict]) -> None:
    briefing = briefings[folder.name]
    texts = {s["id"]: s["text"] for s in briefing["sources"]}
    items = briefing["quotes"] + briefing["timeline"] + briefing["entities"]
    items += [v for c in briefing["claims"] for v in c["values"]]
    for item in items:
        for span in item.get("spans", []):
            assert 0 <= span["start"] < span["end"] <= len(texts[span["source"]])
    for quote in briefing["quotes"]:
        for span in quote["spans"]:
            cut = texts[span["source"]][span["start"]:span["end"]]
            assert cut and cut[0] not in "\"“”" and cut[-1] not in "\"“”"
