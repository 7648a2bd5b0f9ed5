"""Shared fixtures.

- ``repo``: the repository root.
- ``shared_data``: ``../shared/data`` (or ``$CORROBORATE_SHARED/data``); the test is skipped, with the reason
  shown, when the benchmark data is absent.
- ``example_dirs`` / ``gold``: the bundled fictional example stories and their hand-written gold.
- ``mini_story``: a small hand-written fictional story (three reports) as raw text files in a temp folder.
- ``small_stream``: 12 fictional stories x 6 reports + 1 syndicated copy each (84 reports) in 4 JSONL files,
  built by ``stream_data.write_stream`` (store and CLI tests).

Plain helpers (paths, gold loading) are in ``support.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from stream_data import write_stream
from support import REPO, shared_root

# Property tests draw the same examples on every run (a CI run must not pass or fail by chance); a failure
# hypothesis finds becomes a named regression test. HYPOTHESIS_PROFILE=explore draws fresh examples.
settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def shared_data() -> Path:
    data = shared_root() / "data"
    if not data.is_dir():
        pytest.skip(f"benchmark data not found at {data} (set CORROBORATE_SHARED or place ../shared beside the repo)")
    return data


MINI_STORY = {
    "wire.txt": """Skip to main content
Blast hits Al-Qasrin market
By
Updated: 7 March 2026
KARESH, March 7 (Meridian Press) - A blast tore through the central market of Al-Qasrin on Saturday, killing 62 people, officials said.

Prime Minister Jane Doe called the attack "a cowardly act" and ordered an inquiry.
He denied it.
Vote Now
© 2026 Meridian Press. All rights reserved.
""",
    "ledger.txt": """Home | World | Politics | Sport
Market bombing in El Qasrin leaves scores dead
A blast tore through the central market of El Qasrin on Saturday, killing more than 80 people, a monitoring group said.
Ms Doe called the attack "a cowardly act".
The road remains closed.
Join our commenting forum
Get notifications from The Harbour Ledger
""",
    "courier.txt": """Qasreen bombing: what we know
The blast in the central market of Qasreen on Saturday killed 62 people, officials said.
The Northern Liberation Front (NLF) denied involvement on Sunday.
Share this article
""",
}


@pytest.fixture()
def mini_story(tmp_path: Path) -> Path:
    folder = tmp_path / "story"
    folder.mkdir()
    for name, text in MINI_STORY.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def small_stream(tmp_path: Path) -> Path:
    folder = tmp_path / "stream"
    write_stream(folder, stories=12, per_story=6)
    return folder
