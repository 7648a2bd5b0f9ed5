"""``corroborate ingest / stories / show`` through argparse, as the main CLI registers them."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import jsonschema
import pytest

from corroborate.cli_store import add_store_commands  # noqa: E402
from corroborate.render.schema import DOCUMENT_SCHEMA, OUTCOME_SCHEMA, STORIES_SCHEMA
from stream_data import write_stream


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="corroborate")
    add_store_commands(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return int(args.func(args))


def test_ingest_stories_show_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_stream(tmp_path / "in", stories=3, per_story=4, files=1)
    db = str(tmp_path / "c.db")
    assert _run(["ingest", str(tmp_path / "in"), "--db", db, "--outcomes", str(tmp_path / "o.jsonl")]) == 0
    out = capsys.readouterr().out
    assert "15 inputs:" in out and "0 rejected" in out
    outcomes = [json.loads(line) for line in (tmp_path / "o.jsonl").read_text().splitlines()]
    assert len(outcomes) == 15 and {o["status"] for o in outcomes} <= {"stored", "duplicate"}
    for outcome in outcomes:  # every JSON output validates against its generated schema (issue 11)
        jsonschema.validate(outcome, OUTCOME_SCHEMA)
    assert _run(["stories", "--db", db, "--format", "json"]) == 0
    stories = json.loads(capsys.readouterr().out)
    jsonschema.validate(stories, STORIES_SCHEMA)
    assert len(stories) == 3 and sum(len(s["articles"]) for s in stories) == 15
    assert set(stories[0]) == {
        "id", "headline", "articles", "reports", "sources", "counts", "first_published", "last_published"
    }
    # The user's own ids, not the store's content hashes.
    given = {o["report_id"] for o in outcomes}
    assert {a for s in stories for a in s["articles"]} == given
    assert all(r["id"] in given for s in stories for r in s["reports"])
    config = tmp_path / "fast.toml"  # analysis off: this test is about the store, not the NER model
    config.write_text("[analyze]\nenabled = false\n", encoding="utf-8")
    assert _run(["show", stories[0]["id"], "--db", db, "--format", "json", "--config", str(config)]) == 0
    briefing = json.loads(capsys.readouterr().out)
    jsonschema.validate(briefing, DOCUMENT_SCHEMA)
    assert briefing["story"]["id"] == stories[0]["id"]


def test_stories_without_database_fails_clearly(tmp_path: Path) -> None:
    from corroborate.errors import CorroborateError

    with pytest.raises(CorroborateError, match="corroborate ingest"):
        _run(["stories", "--db", str(tmp_path / "none.db")])
