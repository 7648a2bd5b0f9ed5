"""Store + ingest: idempotence, stable story ids, accounting of every input, resumption after a kill."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from corroborate.store import Store
from corroborate.stream import Outcome, run_ingest
from stream_data import write_stream

SRC = Path(__file__).resolve().parents[2] / "src"


def _snapshot(db: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    conn = sqlite3.connect(str(db))
    reports = conn.execute(
        "SELECT seq, id, story_id, duplicate_of, duplicate_how, stage, score, text FROM reports ORDER BY seq"
    ).fetchall()
    stories = conn.execute("SELECT * FROM stories ORDER BY id").fetchall()
    conn.close()
    return reports, stories


def test_every_input_accounted_and_reingest_changes_nothing(small_stream: Path, tmp_path: Path) -> None:
    (small_stream / "broken.jsonl").write_text('{"id": "x1", "text": ""}\nnot json\n', encoding="utf-8")
    db = tmp_path / "c.db"
    outcomes: list[Outcome] = []
    first = run_ingest([small_stream], db, progress=False, on_outcome=outcomes.append)
    assert first.counts["stored"] + first.counts["duplicate"] == 84
    assert first.counts["rejected"] == 2 and all(o.detail for o in outcomes if o.status == "rejected")
    before = _snapshot(db)
    second = run_ingest([small_stream], db, progress=False)
    assert second.counts["already-stored"] == 84 and second.counts["stored"] == 0
    assert _snapshot(db) == before


def test_story_ids_stable_across_databases_and_copies_join_originals(small_stream: Path, tmp_path: Path) -> None:
    run_ingest([small_stream], tmp_path / "a.db", progress=False)
    run_ingest([small_stream], tmp_path / "b.db", progress=False, batch_size=500)
    a, b = Store(tmp_path / "a.db"), Store(tmp_path / "b.db")
    stories_a, stories_b = a.stories(), b.stories()
    assert [s["id"] for s in stories_a] == [s["id"] for s in stories_b]
    assert len(stories_a) == 12  # 12 fictional events, each one story
    copies = a.conn.execute(
        "SELECT c.story_id, o.story_id FROM reports c JOIN reports o ON c.duplicate_of = o.id"
    ).fetchall()
    assert len(copies) >= 12 and all(cs == os_ for cs, os_ in copies)
    assert (
        a.conn.execute(
            "SELECT COUNT(*) FROM reports r JOIN reports o ON r.duplicate_of = o.id WHERE o.duplicate_of IS NOT NULL"
        ).fetchone()[0]
        == 0
    )  # originals are not copies
    a.close()
    b.close()


def _ingest_cmd(src: Path, db: Path) -> list[str]:
    code = (
        f"import sys; from pathlib import Path; sys.path.insert(0, {str(SRC)!r});"
        "from corroborate.stream import run_ingest;"
        f"run_ingest([Path({str(src)!r})], Path({str(db)!r}), batch_size=20, progress=False)"
    )
    return [sys.executable, "-c", code]


def _count(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        n = int(conn.execute("SELECT COUNT(*) FROM reports").fetchone()[0])
        conn.close()
        return n
    except sqlite3.DatabaseError:
        return 0


def test_sigkill_mid_run_loses_nothing_and_rerun_matches_uninterrupted(tmp_path: Path) -> None:
    src = tmp_path / "stream"
    write_stream(src, stories=40, per_story=10, files=4)  # 440 reports
    reference = tmp_path / "reference.db"
    run_ingest([src], reference, batch_size=20, progress=False)
    db = tmp_path / "killed.db"
    seen: list[int] = []
    for target in (1, 150, 300):  # kill around the first commit, and twice mid-stream
        proc = subprocess.Popen(_ingest_cmd(src, db), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None and _count(db) < target:
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        conn = sqlite3.connect(str(db))
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        n = conn.execute("SELECT COUNT(*) FROM reports").fetchone()[0]
        assert n == conn.execute("SELECT COALESCE(SUM(n_reports), 0) FROM stories").fetchone()[0]
        assert n % 20 == 0  # whole batches only (no copies in this stream straddle batches)
        conn.close()
        seen.append(n)
    assert seen == sorted(seen) and 0 < seen[-1] < 440  # committed work survives; the run was unfinished
    run_ingest([src], db, batch_size=20, progress=False)
    assert _snapshot(db) == _snapshot(reference)


def test_stories_json_lists_articles_sources_and_dates(small_stream: Path, tmp_path: Path) -> None:
    run_ingest([small_stream], tmp_path / "c.db", progress=False)
    store = Store(tmp_path / "c.db")
    stories = store.stories()
    store.close()
    json.dumps(stories)
    total = sum(len(s["articles"]) for s in stories)  # type: ignore[arg-type]
    assert total == 84
    for story in stories:
        assert story["first_published"] <= story["last_published"]  # type: ignore[operator]
        assert "Syndicate Daily" in story["sources"]  # type: ignore[operator]
