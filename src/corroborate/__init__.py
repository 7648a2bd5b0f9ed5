"""corroborate: many outlets' reports of a story -> one trustworthy, source-attributed briefing.

Python API::

    from corroborate import brief_paths, Config
    run = brief_paths([Path("examples/karesh")], Config())
    run.briefings[0]["summary"]
"""

from __future__ import annotations

__version__ = "0.1.0"

from typing import Any  # noqa: E402

from .config import Config, resolve_config  # noqa: E402

__all__ = ["BriefRun", "Config", "__version__", "brief_paths", "brief_reports", "resolve_config"]
_PIPELINE = {"BriefRun", "brief_paths", "brief_reports"}


def __getattr__(name: str) -> Any:
    # The pipeline (readers, cleaner, clusterer) is imported on first use, so `corroborate --version` and
    # `--help` start without it.
    if name in _PIPELINE:
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
