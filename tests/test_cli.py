"""The command line: brief, formats, -o, schema, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from corroborate.cli import main
from corroborate.render.schema import BRIEFING_SCHEMA, DOCUMENT_SCHEMA, OUTCOME_SCHEMA, STORIES_SCHEMA


def test_brief_markdown_to_stdout(mini_story: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["brief", str(mini_story)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# ") and "## Summary" in out


def test_brief_json_to_file_validates(mini_story: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "b.json"
    assert main(["brief", str(mini_story), "--format", "json", "-o", str(target), "--max-words", "30"]) == 0
    data = json.loads(target.read_text(encoding="utf-8"))
    jsonschema.validate(data, BRIEFING_SCHEMA)
    assert sum(len(i["text"].split()) for i in data["summary"]) <= 30
    assert data["config"]["summary"]["max_words"] == 30


def test_schema_command_prints_the_schemas(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == DOCUMENT_SCHEMA
    assert main(["schema", "stories"]) == 0
    assert json.loads(capsys.readouterr().out) == STORIES_SCHEMA
    assert main(["schema", "outcome"]) == 0
    assert json.loads(capsys.readouterr().out) == OUTCOME_SCHEMA


def test_no_usable_input_fails_clearly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "img.png").write_bytes(b"\x89PNG\r\n\x1a\n....")
    assert main(["brief", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "no usable input" in err and "empty.txt" in err and "PNG" in err


def test_bad_inputs_beside_good_ones_are_reported_not_fatal(
    mini_story: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (mini_story / "empty.txt").write_bytes(b"")
    assert main(["brief", str(mini_story), "-f", "json"]) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert [r["reason"] for r in data["rejected"]] == ["empty file: no text to read"]
    assert "rejected" in captured.err


def test_bad_config_option_is_a_clear_error(
    mini_story: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text("[brief]\nmax_wordz = 3\n", encoding="utf-8")
    assert main(["brief", str(mini_story), "--config", str(cfg)]) == 2
    assert "unknown option brief.'max_wordz'" in capsys.readouterr().err


def test_brief_needs_no_network(mini_story: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The whole pipeline, NER and analysis included, runs with every socket connection refused."""
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network disabled by the test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    assert main(["brief", str(mini_story), "-f", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["entities"] and data["summary"]
