"""Incremental clustering: separates unrelated events, joins rewordings, replay rebuilds the same state."""

from __future__ import annotations

import datetime as dt

import pytest

from corroborate.cluster import StoryClusterer, stories, story_id_for
from corroborate.cluster.features import compute_features
from corroborate.model import Article
from evallib.cluster_metrics import bcubed_scores, pairwise_scores

FLOOD = [
    "The Orvane river flooded Velstad on Monday; mayor Ilsa Kovell ordered the evacuation of the lower town.",
    "Mayor Ilsa Kovell said floodwater from the Orvane covered half of Velstad and rescue boats were deployed.",
    "Velstad residents fled as the Orvane river burst its levee, Kovell told the Velstad council.",
]
STRIKE = [
    "Dock workers in Marrow Bay went on strike over wages, union leader Teodor Quaid said.",
    "The Marrow Bay port is idle as the dockers' strike enters its second day, Teodor Quaid said on Tuesday.",
    "Quaid's union rejected the port authority's wage offer, extending the Marrow Bay dock strike.",
]


def _features(rid: str, text: str, day: int) -> tuple[str, object]:
    return rid, compute_features(Article(id=rid, location=rid, text=text, published=dt.date(2031, 6, day)))


def test_two_events_become_two_stories_with_founder_ids() -> None:
    items = [_features(f"f{i}", t, 1 + i) for i, t in enumerate(FLOOD)]
    items += [_features(f"s{i}", t, 1 + i) for i, t in enumerate(STRIKE)]
    items = [items[0], items[3], items[1], items[4], items[2], items[5]]
    clusterer = StoryClusterer()
    predicted = {rid: clusterer.assign(rid, f).story_id for rid, f in items}  # type: ignore[arg-type]
    gold = {rid: rid[0] for rid, _ in items}
    assert pairwise_scores(predicted, gold)["f1"] == 1.0
    assert predicted["f0"] == story_id_for("f0") and predicted["s1"] == story_id_for("s0")


def test_time_window_splits_same_words_far_apart() -> None:
    clusterer = StoryClusterer()
    a = clusterer.assign(*_features("a", FLOOD[0], 1))  # type: ignore[arg-type]
    far = compute_features(Article(id="b", location="b", text=FLOOD[1], published=dt.date(2031, 9, 1)))
    assert clusterer.assign("b", far).story_id != a.story_id


def test_replay_rebuilds_identical_state() -> None:
    items = [_features(f"f{i}", t, 1 + i) for i, t in enumerate(FLOOD + STRIKE)]
    live = StoryClusterer()
    decisions = [(rid, f, live.assign(rid, f).story_id) for rid, f in items]  # type: ignore[arg-type]
    rebuilt = StoryClusterer()
    for rid, f, sid in decisions:
        rebuilt.replay(rid, f, sid)  # type: ignore[arg-type]
    assert rebuilt.df == live.df and rebuilt.postings == live.postings and rebuilt.edf == live.edf
    assert {
        k: (v.centroid, v.norm, v.entities, v.years, v.when_first, v.when_last) for k, v in rebuilt.stories.items()
    } == {k: (v.centroid, v.norm, v.entities, v.years, v.when_first, v.when_last) for k, v in live.stories.items()}


def test_metrics_known_values() -> None:
    gold = {"a": "x", "b": "x", "c": "y", "d": "y"}
    pred = {"a": "1", "b": "1", "c": "1", "d": "2"}
    pw = pairwise_scores(pred, gold)
    assert abs(pw["precision"] - 1 / 3) < 1e-9 and pw["recall"] == 0.5
    b3 = bcubed_scores(pred, gold)
    assert abs(b3["precision"] - 2 / 3) < 1e-9 and abs(b3["recall"] - 3 / 4) < 1e-9
    assert bcubed_scores(gold, gold)["f1"] == 1.0


def test_late_dated_report_does_not_evict_open_story() -> None:
    """Regression (ECB+ test split fell to 46 stories): a backfill arrives out of date order, so one report
    dated months later must not evict the stories still receiving reports."""
    clusterer = StoryClusterer()
    first = clusterer.assign(*_features("f0", FLOOD[0], 1))  # type: ignore[arg-type]
    later = compute_features(Article(id="s0", location="s0", text=STRIKE[0], published=dt.date(2031, 12, 1)))
    clusterer.assign("s0", later)
    assert clusterer.assign(*_features("f1", FLOOD[1], 2)).story_id == first.story_id  # type: ignore[arg-type]


def test_story_idle_in_dates_and_arrivals_is_evicted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stories, "EVICT_IDLE_REPORTS", 1)
    clusterer = StoryClusterer()
    first = clusterer.assign(*_features("f0", FLOOD[0], 1))  # type: ignore[arg-type]
    clusterer.assign(
        "s0", compute_features(Article(id="s0", location="s0", text=STRIKE[0], published=dt.date(2031, 12, 1)))
    )
    clusterer.assign(
        "s1", compute_features(Article(id="s1", location="s1", text=STRIKE[1], published=dt.date(2031, 12, 2)))
    )
    assert first.story_id not in clusterer.stories


_DECISIONS_SCRIPT = """
import datetime as dt, json, sys, tempfile
from pathlib import Path
from stream_data import write_stream
from corroborate.cluster import StoryClusterer
from corroborate.cluster.features import compute_features
from corroborate.model import Article
records = write_stream(Path(tempfile.mkdtemp()), stories=30, per_story=5)
clusterer = StoryClusterer()
out = []
for r in records:
    article = Article(id=r["id"], location=r["id"], text=r["text"], title=r["title"],
                      published=dt.date.fromisoformat(r["published"]))
    d = clusterer.assign(r["id"], compute_features(article))
    out.append([r["id"], d.story_id, d.score.hex()])
json.dump(out, sys.stdout)
"""


def test_decisions_identical_across_hash_seeds() -> None:
    """Scores sum over set intersections: they must not depend on the process's string-hash seed."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    tests_dir = str(Path(__file__).resolve().parents[1])
    runs = []
    for seed in ("1", "987"):
        env = dict(os.environ, PYTHONHASHSEED=seed, PYTHONPATH=os.pathsep.join([tests_dir, *sys.path]))
        proc = subprocess.run(
            [sys.executable, "-c", _DECISIONS_SCRIPT], env=env, capture_output=True, text=True, check=True, timeout=120
        )
        runs.append(json.loads(proc.stdout))
    assert len(runs[0]) == 30 * 6
    assert runs[0] == runs[1]
    assert len({sid for _, sid, _ in runs[0]}) >= 20  # the stream really was clustered into many stories
