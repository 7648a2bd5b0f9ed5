"""``corroborate serve``: the command's wiring, the bind warning, a real server on loopback, and the lazy imports
that keep every other command free of FastAPI."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from corroborate.cli import build_parser, main


def test_serve_defaults_are_loopback() -> None:
    args = build_parser().parse_args(["serve"])
    assert (args.host, args.port, args.db) == ("127.0.0.1", 8000, Path("corroborate.db"))


def test_serve_warns_when_bound_elsewhere(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                                          desk_db: Path) -> None:
    import uvicorn

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append(kw))  # nothing is bound
    assert main(["serve", "--db", str(desk_db), "--host", "0.0.0.0", "--port", "8123"]) == 0
    assert calls[0]["host"] == "0.0.0.0" and calls[0]["port"] == 8123
    assert "warning: serving on 0.0.0.0" in capsys.readouterr().err
    assert main(["serve", "--db", str(desk_db)]) == 0
    assert calls[1]["host"] == "127.0.0.1"
    assert "warning" not in capsys.readouterr().err


def test_other_commands_do_not_import_the_desk() -> None:
    code = ("import sys, corroborate.cli as c; c.build_parser(); "
            "print(sorted(m for m in ('fastapi', 'uvicorn', 'jinja2', 'starlette') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_runs_on_loopback(desk_db: Path) -> None:
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "corroborate", "serve", "--db", str(desk_db), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stories", timeout=5) as r:
                    assert r.status == 200 and r.headers["content-security-policy"]
                    break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.2)
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    assert proc.stderr is not None and "story desk at http://127.0.0.1:" in proc.stderr.read()
