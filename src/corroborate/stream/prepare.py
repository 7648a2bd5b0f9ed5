"""Per-report stages of ``corroborate ingest`` (read; then the pipeline's one prepare: clean, features): pure
functions of their input, so they run in this process or on Dask workers (:mod:`.engine`) with the same result."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from ..config import Config
from ..model import RawReport, Rejection
from ..pipeline import PreparedBatch, prepare


def iter_input_files(paths: Sequence[Path]) -> Iterator[Path]:
    """Files named, and files under folders named (recursively, sorted): the deterministic input order
    (the same walk as ``brief``)."""
    from ..ingest.readers import iter_files

    return iter_files(paths)


def read_one(path: Path, max_bytes: int | None = None) -> list[RawReport | Rejection]:
    """Read one file with the reader ``brief`` uses (feeds and WARC included)."""
    from ..ingest.readers import read_paths

    reports, rejections = read_paths([path]) if max_bytes is None else read_paths([path], max_bytes)
    out: list[RawReport | Rejection] = [*reports, *rejections]
    return out


def prepare_batch(raws: Sequence[RawReport], config: Config | None = None) -> PreparedBatch:
    """The pipeline's prepare on one batch (a picklable entry point for Dask workers)."""
    return prepare(raws, config or Config())
