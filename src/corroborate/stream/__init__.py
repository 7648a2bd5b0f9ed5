"""The stream driver: ``corroborate ingest`` prepares batches (here or on Dask), places each report (copies,
stories, revisions) and commits batch by batch into the store. ``brief`` runs the same driver in memory."""

from .driver import IngestState, Outcome, commit_batch
from .run import IngestSummary, run_ingest, writer_lock

__all__ = ["IngestState", "IngestSummary", "Outcome", "commit_batch", "run_ingest", "writer_lock"]
