"""Store: the SQLite database behind ``corroborate ingest``, ``stories`` and ``show``."""

from .db import SCHEMA_VERSION, Store, StoreError
from .run import IngestSummary, run_ingest

__all__ = ["SCHEMA_VERSION", "IngestSummary", "Store", "StoreError", "run_ingest"]
