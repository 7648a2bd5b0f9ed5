"""``corroborate ingest`` end to end: open the store, prepare batches on an engine, commit them in order,
show progress and account for every input."""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tqdm import tqdm

from ..cluster.embeddings import EmbeddingJudge
from .db import Store
from .engine import BATCH_SIZE, dask_batches, local_batches, open_client
from .ingest import IngestState, Outcome, commit_batch
from .prepare import PreparedBatch


@dataclass
class IngestSummary:
    """Counts per outcome status, the non-stored outcomes, and timing."""

    counts: Counter[str] = field(default_factory=Counter)
    notable: list[Outcome] = field(default_factory=list)  # duplicates, already stored, rejections
    seconds: float = 0.0
    embedding_calls: int = 0
    db_counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def _progress(batches: Iterator[PreparedBatch], show: bool) -> Iterator[PreparedBatch]:
    bar = tqdm(disable=not show, unit="report", file=sys.stderr, desc="ingest", mininterval=0.5)
    for batch in batches:
        yield batch
        bar.update(len(batch.items) + len(batch.rejections))
    bar.close()


def run_ingest(
    paths: Sequence[Path],
    db_path: Path,
    *,
    engine: str = "local",
    scheduler: str | None = None,
    batch_size: int = BATCH_SIZE,
    embeddings: bool = False,
    progress: bool | None = None,
    on_outcome: Callable[[Outcome], None] | None = None,
    client: Any = None,
) -> IngestSummary:
    """Ingest ``paths`` into the database at ``db_path``; safe to interrupt and re-run."""
    started = time.perf_counter()
    summary = IngestSummary()

    def emit(outcome: Outcome) -> None:
        summary.counts[outcome.status] += 1
        if outcome.status != "stored":
            summary.notable.append(outcome)
        if on_outcome is not None:
            on_outcome(outcome)

    store = Store(db_path)
    own_client = None
    try:
        state = IngestState(store)
        if embeddings:
            state.clusterer.embedder = EmbeddingJudge(state.text_of)
        if engine == "dask":
            own_client = None if client is not None else open_client(scheduler)
            batches = dask_batches(paths, client or own_client, batch_size)
        elif engine == "local":
            batches = local_batches(paths, batch_size)
        else:
            raise ValueError(f"unknown engine {engine!r}; use 'local' or 'dask'")
        show = sys.stderr.isatty() if progress is None else progress
        for batch in _progress(batches, show):
            commit_batch(store, state, batch, emit)
        summary.embedding_calls = state.clusterer.embedding_calls
        summary.db_counts = store.counts()
    finally:
        if own_client is not None:
            own_client.close()
        store.close()
    summary.seconds = time.perf_counter() - started
    return summary
