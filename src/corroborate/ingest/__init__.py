"""Ingest stage: read files, folders, standard input and URLs into :class:`~corroborate.model.RawReport` or a
recorded :class:`~corroborate.model.Rejection`."""

from __future__ import annotations

from typing import Any

__all__ = ["read_paths"]


def __getattr__(name: str) -> Any:
    # Imported on first use: the readers load trafilatura and charset-normalizer, which `--help` never needs.
    if name == "read_paths":
        from .readers import read_paths

        return read_paths
    raise AttributeError(name)
