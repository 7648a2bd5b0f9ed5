"""Fixtures for the store tests (data built by :mod:`stream_data`)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # tests/store has no __init__.py; make stream_data importable
from stream_data import write_stream  # noqa: E402


@pytest.fixture
def small_stream(tmp_path: Path) -> Path:
    """12 fictional stories x 6 reports + 1 syndicated copy each (84 reports) in 4 JSONL files."""
    folder = tmp_path / "stream"
    write_stream(folder, stories=12, per_story=6)
    return folder
