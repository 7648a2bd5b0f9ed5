"""Every input is accounted for, including the same report twice in one batch (regression: such repeats
used to get no outcome at all)."""

from __future__ import annotations

import json
from pathlib import Path

from corroborate.stream import run_ingest

BODY = ("Floodwater cut the rail line between Vell and Krell on Monday, the regional transport office said. "
        "Engineers expect repairs to take three days.")


def test_identical_reports_in_one_batch_each_get_an_outcome(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    records = [
        {"id": "first", "text": BODY, "title": "Rail line cut"},
        {"id": "second", "text": BODY, "title": "Rail line cut"},
        {"id": "empty", "text": ""},
        {"id": "other", "text": "The Vell council approved a new budget on Tuesday. Spending on roads rises."},
    ]
    feed.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    outcomes: list = []
    run_ingest([feed], tmp_path / "c.db", progress=False, on_outcome=outcomes.append)
    assert len(outcomes) == len(records)
    kinds = sorted(o.status for o in outcomes)
    assert kinds.count("rejected") == 1 and kinds.count("stored") == 2
    assert len([k for k in kinds if k in ("already-stored", "duplicate")]) == 1
