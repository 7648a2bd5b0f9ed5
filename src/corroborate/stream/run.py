"""``corroborate ingest`` end to end: take the database's writer lock, open the store, prepare batches on an
engine, place them in order, record the run, show progress and account for every input."""

from __future__ import annotations

import fcntl
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tqdm import tqdm

from .. import __version__
from ..config import Config
from ..errors import CorroborateError
from ..pipeline import PreparedBatch
from ..store.db import Store
from .driver import IngestState, Outcome, commit_batch
from .engine import dask_batches, local_batches, open_client


@dataclass
class IngestSummary:
    """Counts per outcome status, the non-stored outcomes, and timing."""

    counts: Counter[str] = field(default_factory=Counter)
    notable: list[Outcome] = field(default_factory=list)  # duplicates, revisions, already stored, rejections
    seconds: float = 0.0
    embedding_calls: int = 0
    db_counts: dict[str, int] = field(default_factory=dict)
    run_id: int = 0

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def _progress(batches: Iterator[PreparedBatch], show: bool) -> Iterator[PreparedBatch]:
    bar = tqdm(disable=not show, unit="report", file=sys.stderr, desc="ingest", mininterval=0.5)
    for batch in batches:
        yield batch
        bar.update(len(batch.items) + len(batch.rejections) + len(batch.repeats))
    bar.close()


@contextmanager
def writer_lock(db_path: Path, wait: bool = True) -> Iterator[None]:
    """One writer per database: an exclusive lock on ``<db>.lock`` held for the whole run.

    A second ``ingest`` waits (saying so on stderr) and then starts from everything the first committed, so
    concurrent runs make the stories sequential runs would. The lock dies with its process (kill -9 included).
    """
    lock_path = Path(f"{db_path}.lock")
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise CorroborateError(f"cannot create the writer lock {lock_path}: {exc.strerror}") from exc
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not wait:
                raise CorroborateError(f"another `corroborate ingest` is writing {db_path}; try again later") from None
            print(f"corroborate: waiting for another `corroborate ingest` writing {db_path} to finish", file=sys.stderr)
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def run_ingest(
    paths: Sequence[Path],
    db_path: Path,
    *,
    config: Config | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    batch_size: int | None = None,
    embeddings: bool | None = None,
    progress: bool | None = None,
    on_outcome: Callable[[Outcome], None] | None = None,
    client: Any = None,
) -> IngestSummary:
    """Ingest ``paths`` into the database at ``db_path``; safe to interrupt and re-run.

    ``batch_size`` and ``embeddings`` override ``config.stream.batch_size`` and ``config.cluster.embeddings``.
    """
    from ..provenance import model_hashes

    config = config or Config()
    size = batch_size or config.stream.batch_size
    use_embeddings = config.cluster.embeddings if embeddings is None else embeddings
    if engine not in ("local", "dask"):
        raise ValueError(f"unknown engine {engine!r}; use 'local' or 'dask'")
    started = time.perf_counter()
    summary = IngestSummary()

    def emit(outcome: Outcome) -> None:
        summary.counts[outcome.status] += 1
        if outcome.status != "stored":
            summary.notable.append(outcome)
        if on_outcome is not None:
            on_outcome(outcome)

    with writer_lock(db_path):
        store = Store(db_path)
        own_client = None
        try:
            recorded = config.to_dict()
            recorded["cluster"]["embeddings"] = use_embeddings
            recorded["stream"]["batch_size"] = size
            run_id = store.begin_run("ingest", __version__, recorded, config.digest(), model_hashes())
            summary.run_id = run_id
            state = IngestState(store, config)
            state.run_id = run_id
            if use_embeddings:
                import importlib.util

                if importlib.util.find_spec("sentence_transformers") is None:
                    raise CorroborateError(
                        "--embeddings needs sentence embeddings: pip install 'corroborate[embeddings]'"
                    )
                from ..cluster.embeddings import EmbeddingJudge

                state.clusterer.embedder = EmbeddingJudge(state.text_of)
            if engine == "dask":
                own_client = None if client is not None else open_client(scheduler)
                batches = dask_batches(paths, client or own_client, size, config)
            else:
                batches = local_batches(paths, size, config)
            show = sys.stderr.isatty() if progress is None else progress
            for batch in _progress(batches, show):
                commit_batch(store, state, batch, emit)
            summary.embedding_calls = state.clusterer.embedding_calls
            store.finish_run(run_id, dict(summary.counts))
            summary.db_counts = store.counts()
        finally:
            if own_client is not None:
                own_client.close()
            store.close()
    summary.seconds = time.perf_counter() - started
    return summary
