"""Where the per-report stages run: in this process (``local``) or on a Dask cluster (``dask``).

Both engines cut the same input sequence into the same batches and return prepared batches in input order,
so the sequential dedupe/cluster step sees identical data and produces identical stories.
"""

from __future__ import annotations

import functools
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from ..config import Config
from ..errors import CorroborateError
from ..model import RawReport, Rejection
from ..pipeline import PreparedBatch
from .prepare import iter_input_files, prepare_batch, read_one

# Reports per batch (one transaction each): the default of ``stream.batch_size`` (see config.py for its note).
BATCH_SIZE = Config().stream.batch_size
# Dask: futures kept in flight (bounds driver memory while keeping every worker busy).
DASK_IN_FLIGHT = 8


def cut_batches(
    items: Iterable[RawReport | Rejection], batch_size: int
) -> Iterator[tuple[list[RawReport], list[Rejection]]]:
    """Group the read stream into batches of ``batch_size`` reports (rejections ride with their batch)."""
    raws: list[RawReport] = []
    rejected: list[Rejection] = []
    for item in items:
        if isinstance(item, Rejection):
            rejected.append(item)
            continue
        raws.append(item)
        if len(raws) >= batch_size:
            yield raws, rejected
            raws, rejected = [], []
    if raws or rejected:
        yield raws, rejected


def _with_rejections(batch: PreparedBatch, rejected: list[Rejection]) -> PreparedBatch:
    return PreparedBatch(batch.items, [*rejected, *batch.rejections], batch.repeats)


def local_batches(
    paths: Sequence[Path], batch_size: int = BATCH_SIZE, config: Config | None = None
) -> Iterator[PreparedBatch]:
    """Read, clean and featurise in this process."""
    config = config or Config()
    stream = (item for path in iter_input_files(paths) for item in read_one(path, config.max_input_bytes))
    for raws, rejected in cut_batches(stream, batch_size):
        yield _with_rejections(prepare_batch(raws, config), rejected)


def _ordered(client: Any, func: Any, args: Iterable[Any]) -> Iterator[Any]:
    """Map ``func`` over ``args`` on the cluster, at most DASK_IN_FLIGHT at once, results in input order."""
    pending: deque[Any] = deque()
    for arg in args:
        pending.append(client.submit(func, arg, pure=False))
        if len(pending) >= DASK_IN_FLIGHT:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def dask_batches(
    paths: Sequence[Path], client: Any, batch_size: int = BATCH_SIZE, config: Config | None = None
) -> Iterator[PreparedBatch]:
    """Reading (one task per file) and cleaning + features (one task per batch) on Dask workers."""
    config = config or Config()
    files = list(iter_input_files(paths))
    read = functools.partial(read_one, max_bytes=config.max_input_bytes)
    stream = (item for found in _ordered(client, read, files) for item in found)
    cut = cut_batches(stream, batch_size)
    pairs = ((raws, rejected) for raws, rejected in cut)
    rejected_queue: deque[list[Rejection]] = deque()

    def raws_only() -> Iterator[list[RawReport]]:
        for raws, rejected in pairs:
            rejected_queue.append(rejected)
            yield raws

    for batch in _ordered(client, functools.partial(prepare_batch, config=config), raws_only()):
        yield _with_rejections(batch, rejected_queue.popleft())


def open_client(scheduler: str | None, workers: int = 2, processes: bool = True) -> Any:
    """A client to the given scheduler, or to a new LocalCluster when no address is given."""
    try:
        from dask.distributed import Client
    except ImportError as exc:
        raise CorroborateError(
            "--engine dask needs Dask: pip install 'corroborate[dask]' (or use the default local engine)"
        ) from exc

    if scheduler:
        return Client(scheduler)
    # Without an address the client starts (and on close() stops) its own LocalCluster.
    return Client(n_workers=workers, threads_per_worker=1, processes=processes, dashboard_address=None)
