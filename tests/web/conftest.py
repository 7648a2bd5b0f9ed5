"""Fixtures of the desk tests (data in ``desk_data``).

- ``desk_db``: a database ingested from :mod:`web.desk_data`'s fictional reports, hostile ones among them.
- ``client``: a FastAPI TestClient over it (in-process: no socket is opened).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the desk needs fastapi (pip install -e '.[dev]')")

from fastapi.testclient import TestClient  # noqa: E402

from corroborate.web.app import create_app  # noqa: E402
from web.desk_data import write_reports  # noqa: E402


@pytest.fixture(scope="session")
def desk_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from corroborate.stream import run_ingest

    root = tmp_path_factory.mktemp("desk")
    db = root / "desk.db"
    run_ingest([write_reports(root / "reports")], db, progress=False)
    return db


@pytest.fixture(scope="session")
def client(desk_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(desk_db)) as c:
        yield c
