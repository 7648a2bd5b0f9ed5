"""Ingest stage: read files and records into :class:`~corroborate.model.RawReport` or a recorded rejection."""

from .readers import read_paths

__all__ = ["read_paths"]
