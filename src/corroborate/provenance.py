"""What a result was made with: the code version, the resolved config's digest and the shipped models' hashes.

Stored in every briefing (``provenance``) and in the database's ``runs`` table, so a result can be reproduced.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path
from typing import Any

from . import __version__
from .config import Config

_PACKAGE = Path(__file__).resolve().parent
# Each shipped model: its folder (every file in it is hashed, in name order).
MODEL_DIRS = {
    "furniture": _PACKAGE / "clean" / "models",
    "ner": _PACKAGE / "analyze" / "entities" / "ner" / "model",
    "background_idf": _PACKAGE / "cluster" / "models",
}


@functools.cache
def model_hashes() -> dict[str, str]:
    """sha256 (first 16 hex digits) over each model folder's files; "absent" when a folder is missing."""
    out: dict[str, str] = {}
    for name, folder in MODEL_DIRS.items():
        files = sorted(p for p in folder.glob("*") if p.is_file() and not p.name.endswith(".md"))
        if not files:
            out[name] = "absent"
            continue
        digest = hashlib.sha256()
        for path in files:
            digest.update(path.name.encode("utf-8") + b"\0")
            with path.open("rb") as fh:
                for chunk in iter(lambda: fh.read(1 << 20), b""):
                    digest.update(chunk)
        out[name] = digest.hexdigest()[:16]
    return out


def provenance(config: Config) -> dict[str, Any]:
    """The briefing's ``provenance`` record."""
    return {"version": __version__, "config_digest": config.digest(), "models": model_hashes()}
