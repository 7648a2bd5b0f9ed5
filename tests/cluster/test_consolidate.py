"""Story consolidation: a report that founded a story of its own while the stories it met were young is moved,
at the end of its batch, into the established story it matches; same-words reports of another time are not.

Features are hand-made (fictional terms) so the scores are known; the stream test forces one move to check the
store and replay mechanics.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from corroborate.cluster import StoryClusterer, stories
from corroborate.cluster.features import ReportFeatures
from corroborate.store import Store
from corroborate.stream import run_ingest
from corroborate.stream.driver import IngestState
from stream_data import write_stream

EVENT = {"quarry": 2.0, "collapse": 2.0, "ostrel": 1.7, "miners": 1.7, "rescue": 1.0, "shaft": 1.0}
OTHER = {"harbour": 2.0, "ferry": 2.0, "strike": 1.7, "pay": 1.0, "dockers": 1.7, "talks": 1.0}


def _features(
    terms: dict[str, float], published: dt.date | None = None, years: dict[int, int] | None = None
) -> ReportFeatures:
    return ReportFeatures(
        terms=terms,
        entities=frozenset(),
        signature=np.zeros(4, dtype=np.uint32),
        published=published,
        years=years or {},
    )


def _lone(terms: dict[str, float]) -> dict[str, float]:
    """The report shares half of the event's words and brings words of its own."""
    out = {t: w for t, w in list(EVENT.items())[:3]}
    out.update(terms)
    return out


def _established(clusterer: StoryClusterer, published: dt.date | None = None) -> str:
    clusterer.replay("e1", _features(EVENT, published), "st-event")
    clusterer.replay("e2", _features(EVENT, published), "st-event")
    clusterer.replay("o1", _features(OTHER, published), "st-other")
    clusterer.replay("o2", _features(OTHER, published), "st-other")
    return "st-event"


def _found_alone(clusterer: StoryClusterer, rid: str, features: ReportFeatures, monkeypatch: pytest.MonkeyPatch) -> str:
    with monkeypatch.context() as m:
        m.setattr(stories, "JOIN_SCORE", 2.0)  # the story it met was too young to join at placement
        decision = clusterer.assign(rid, features)
    assert decision.new_story
    return decision.story_id


def test_lone_report_moves_into_the_established_story(monkeypatch: pytest.MonkeyPatch) -> None:
    clusterer = StoryClusterer()
    target = _established(clusterer)
    lone = _found_alone(clusterer, "l1", _features(_lone({"gravel": 1.0, "valley": 1.0})), monkeypatch)
    before = {sid: (s.size, dict(s.centroid)) for sid, s in clusterer.stories.items()}
    assert clusterer.consolidate() == {lone: target}
    # A display decision: the clusterer keeps its placements; the links are spent.
    assert {sid: (s.size, dict(s.centroid)) for sid, s in clusterer.stories.items()} == before
    assert clusterer.links == {} and clusterer.consolidate() == {}


def test_kept_and_unrelated_stories_are_not_moved(monkeypatch: pytest.MonkeyPatch) -> None:
    clusterer = StoryClusterer()
    target = _established(clusterer)
    lone = _found_alone(clusterer, "l1", _features(_lone({"gravel": 1.0})), monkeypatch)
    assert clusterer.consolidate(keep=lambda sid: sid == target) == {}
    clusterer.links[lone] = {target}
    assert clusterer.consolidate(keep=lambda sid: sid == lone) == {}
    # Words in common with no story: founds its own story and stays there.
    alone = _found_alone(clusterer, "u1", _features({"orchard": 2.0, "frost": 1.0, "apples": 1.0}), monkeypatch)
    assert alone not in clusterer.consolidate()


def test_same_words_of_another_time_stay_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    clusterer = StoryClusterer()
    _established(clusterer, published=dt.date(2019, 6, 3))
    # Published 14 months later: outside the time window, never a candidate, never linked or moved.
    later = _features(_lone({"gravel": 1.0, "valley": 1.0}), published=dt.date(2020, 8, 10))
    _found_alone(clusterer, "l2", later, monkeypatch)
    assert clusterer.consolidate() == {}


def test_consolidation_score_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    clusterer = StoryClusterer()
    _established(clusterer)
    _found_alone(clusterer, "l1", _features(_lone({"gravel": 1.0, "valley": 1.0})), monkeypatch)
    monkeypatch.setattr(stories, "CONSOLIDATE_SCORE", 0.99)
    assert clusterer.consolidate() == {}


def _reports(db: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(str(db))
    rows = conn.execute("SELECT id, story_id FROM reports ORDER BY seq").fetchall()
    conn.close()
    return [(str(a), str(b)) for a, b in rows]


def test_moved_story_is_stored_under_its_target_and_replays_exactly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = write_stream(tmp_path / "in", stories=3, per_story=3, files=1)
    lines = [json.dumps(r) for r in records]
    first, rest = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    rest.mkdir()
    (first / "a.jsonl").write_text("\n".join(lines[: len(lines) // 2]) + "\n", encoding="utf-8")
    (rest / "b.jsonl").write_text("\n".join(lines[len(lines) // 2 :]) + "\n", encoding="utf-8")
    db = tmp_path / "c.db"

    real = StoryClusterer.consolidate
    moves: list[dict[str, str]] = []

    def forced(self: StoryClusterer, keep: object = None) -> dict[str, str]:
        real(self)
        if moves:
            return {}
        founded = sorted(self.stories.values(), key=lambda s: s.last_arrival)
        out = {founded[-1].id: founded[0].id} if len(founded) >= 2 else {}
        moves.append(out)
        return out

    monkeypatch.setattr(StoryClusterer, "consolidate", forced)
    run_ingest([first], db, progress=False)
    ((moved, into),) = moves[0].items()
    stored = dict(_reports(db))
    assert moved not in stored.values() and into in stored.values()
    store = Store(db)
    assert store.story_moves() == {moved: into}
    assert moved not in store.story_ids() and set(store.placements().values()) == {moved}
    live = IngestState(store)
    assert moved in live.clusterer.stories  # placements are replayed, not the stored story
    store.close()

    run_ingest([rest], db, progress=False)
    later = _reports(db)
    assert all(story != moved for _, story in later)
    # A fresh state replays every placement exactly as the running one made it.
    store = Store(db)
    rebuilt = IngestState(store)
    stories_table = set(store.story_ids())
    store.close()
    assert {sid for _, sid in later} == stories_table
    for sid, story in rebuilt.clusterer.stories.items():
        assert story.size >= 1 and (sid == moved or sid in stories_table)
    assert json.dumps(sorted(rebuilt.moved.items())) == json.dumps([[moved, into]])
