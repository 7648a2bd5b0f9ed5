"""Store: the SQLite database behind ``corroborate ingest``, ``stories`` and ``show`` (the database only; the
stream driver that fills it is :mod:`corroborate.stream`)."""

from .db import SCHEMA_VERSION, Store, StoreError

__all__ = ["SCHEMA_VERSION", "Store", "StoreError"]
