"""``corroborate serve``: the desk under uvicorn, on loopback unless told otherwise."""

from __future__ import annotations

import ipaddress
import sys
from pathlib import Path

from ..config import Config


def is_loopback(host: str) -> bool:
    """True for ``localhost`` and any loopback address (127.0.0.0/8, ::1)."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def bind_warning(host: str) -> str | None:
    if is_loopback(host):
        return None
    return (
        f"corroborate: warning: serving on {host}, reachable from other machines; the desk has no login and "
        "its brief form runs the pipeline for anyone who can reach it. Use --host 127.0.0.1 to keep it local."
    )


def serve(db: Path, host: str, port: int, config: Config | None = None) -> None:
    import uvicorn

    from .app import create_app

    warning = bind_warning(host)
    if warning:
        print(warning, file=sys.stderr)
    if not db.exists():
        print(f"corroborate: note: no database at {db} yet; the stories page stays empty until "
              f"`corroborate ingest PATH --db {db}`", file=sys.stderr)
    shown = f"[{host}]" if ":" in host else host
    print(f"corroborate: story desk at http://{shown}:{port}/stories (Ctrl-C to stop)", file=sys.stderr)
    uvicorn.run(create_app(db, config), host=host, port=port, log_level="warning", server_header=False)
