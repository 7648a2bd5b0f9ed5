"""corroborate: many outlets' reports of a story -> one trustworthy, source-attributed briefing.

Python API::

    from corroborate import brief_paths, Config
    run = brief_paths([Path("examples/karesh")], Config())
    run.briefings[0]["summary"]
"""

from __future__ import annotations

__version__ = "0.1.0"

from .config import Config, resolve_config  # noqa: E402
from .pipeline import BriefRun, brief_paths, brief_reports  # noqa: E402

__all__ = ["BriefRun", "Config", "__version__", "brief_paths", "brief_reports", "resolve_config"]
