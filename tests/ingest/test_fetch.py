"""URLs and URL lists (``brief URL...``, ``--urls FILE``) against a local http.server on 127.0.0.1 only."""

from __future__ import annotations

import io
import json
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from corroborate.cli import main
from corroborate.ingest import fetch, read_paths
from corroborate.ingest.fetch import UrlList

BODY = "The Orvane river flooded the town of Velstad overnight, mayor Ilsa Kovell said on Tuesday."
PAGE = (
    "<html><head><title>Velstad flood</title></head><body><article>"
    + "".join(f"<p>{BODY} Residents in district {i} were moved to the school gym.</p>" for i in range(5))
    + "</article></body></html>"
)
RUSSIAN = "Правительство в понедельник объявило о новых мерах поддержки регионов, пострадавших от наводнения."


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def _send(self, body: bytes, ctype: str = "text/html; charset=utf-8", length: int | None = None) -> None:
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        path = self.path
        if path == "/page":
            self._send(PAGE.encode())
        elif path == "/cp1251":
            html = f"<html><body><article><p>{RUSSIAN}</p><p>{RUSSIAN}</p></article></body></html>"
            self._send(html.encode("cp1251"), "text/html; charset=windows-1251")
        elif path == "/pdf":
            self._send(b"%PDF-1.7 ...", "application/pdf")
        elif path == "/big":
            self._send(b"", length=50_000_000)
        elif path == "/endless":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(2000):
                    self.wfile.write(b"<p>" + b"x" * 10_000 + b"</p>")
            except OSError:
                pass
        elif path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/page")
            self.end_headers()
        elif path.startswith("/loop"):
            n = int(path[5:] or 0)
            self.send_response(302)
            self.send_header("Location", f"/loop{n + 1}")
            self.end_headers()
        elif path == "/slow":
            time.sleep(2)
            self._send(PAGE.encode())
        elif path == "/trickle":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(40):
                    self.wfile.write(b"<p>drip</p>")
                    self.wfile.flush()
                    time.sleep(0.1)
            except OSError:
                pass
        else:
            self.send_error(404, "Not Found")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_an_html_page_is_fetched_and_extracted(server: str) -> None:
    raws, rejected = read_paths([f"{server}/page", f"{server}/redirect"])
    assert not rejected and len(raws) == 2
    page, redirected = raws
    assert page.location == f"{server}/page" and page.url == f"{server}/page" and BODY in page.text
    assert page.language == "en" and page.encoding == "utf-8" and not page.notes
    assert redirected.location == f"{server}/redirect" and redirected.url == f"{server}/page"
    assert redirected.notes == [f"redirected to {server}/page"]


def test_the_header_charset_decodes_the_page(server: str) -> None:
    (raw,), _ = read_paths([f"{server}/cp1251"])
    assert RUSSIAN in raw.text and raw.encoding == "cp1251" and raw.language == "ru"


@pytest.mark.parametrize(
    ("route", "reason"),
    [
        ("/pdf", "not an HTML page (Content-Type application/pdf)"),
        ("/big", "page too large: 50.0 MB, over the 5 MB limit"),
        ("/endless", "page too large: over the 5 MB limit"),
        ("/missing", "HTTP 404 Not Found"),
        ("/loop", "redirect"),
    ],
)
def test_what_is_not_a_page_is_rejected_with_its_reason(server: str, route: str, reason: str) -> None:
    raws, rejected = read_paths([f"{server}{route}"])
    assert not raws and reason in rejected[0].reason and rejected[0].location == f"{server}{route}"


def test_a_silent_server_times_out(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fetch, "CONNECT_TIMEOUT_S", 0.3)
    started = time.monotonic()
    raws, rejected = read_paths([f"{server}/slow"])
    assert not raws and time.monotonic() - started < 1.5
    assert "0 s" in rejected[0].reason or "timed out" in rejected[0].reason


def test_a_trickling_server_hits_the_deadline(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fetch, "FETCH_DEADLINE_S", 0.5)
    started = time.monotonic()
    raws, rejected = read_paths([f"{server}/trickle"])
    assert not raws and time.monotonic() - started < 2.5
    assert "not received within" in rejected[0].reason


def test_nothing_listens_is_a_rejection() -> None:
    raws, rejected = read_paths(["http://127.0.0.1:9/page"])
    assert not raws and rejected[0].reason.startswith("cannot fetch")


def test_url_list_file_with_comments_and_bad_lines(server: str, tmp_path: Path) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# today's pages\n{server}/page\n\nftp://example.org/x\n{server}/pdf\n", encoding="utf-8")
    raws, rejected = read_paths([UrlList(listing)])
    assert [r.location for r in raws] == [f"{server}/page"]
    assert [(r.location, r.reason.split(":")[0]) for r in rejected] == [
        (f"{listing}:4", "not an http(s) URL"),
        (f"{server}/pdf", "not an HTML page (Content-Type application/pdf); only HTML pages are read from URLs"),
    ]


def test_brief_takes_urls_and_url_lists(server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text(f"{server}/pdf\n", encoding="utf-8")
    config = tmp_path / "fast.toml"
    config.write_text("[analyze]\nenabled = false\n", encoding="utf-8")
    output = tmp_path / "out.jsonl"
    rc = main(["brief", f"{server}/page", "--urls", str(listing), "-f", "jsonl", "--config", str(config), "-o", str(output)])
    captured = capsys.readouterr()
    assert rc == 0
    sources = [s for line in output.read_text(encoding="utf-8").splitlines() for s in json.loads(line)["sources"]]
    assert [s["location"] for s in sources] == [f"{server}/page"]  # the URL kept its "//"
    assert f"rejected {server}/pdf: not an HTML page" in captured.err


def test_brief_reads_standard_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    lines = "\n".join(json.dumps({"id": f"r{i}", "text": f"{BODY} Update {i}.", "story": "flood"}) for i in range(2))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines.encode())))
    config = tmp_path / "fast.toml"
    config.write_text("[analyze]\nenabled = false\n", encoding="utf-8")
    assert main(["brief", "-", "-f", "jsonl", "--config", str(config)]) == 0
    sources = [s["id"] for line in capsys.readouterr().out.splitlines() for s in json.loads(line)["sources"]]
    assert sorted(sources) == ["r0", "r1"]


def test_ingest_takes_urls_url_lists_and_standard_input(
    server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text(f"{server}/page\n{server}/pdf\n", encoding="utf-8")
    record = json.dumps({"id": "piped", "text": "Dock workers in Marrow Bay walked out over wages on Monday, union leader Petra Sorrel said."})
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(record.encode())))
    db = tmp_path / "in.db"
    assert main(["ingest", "-", "--urls", str(listing), "--db", str(db), "--no-progress"]) == 0
    out = capsys.readouterr().out
    assert "3 inputs: 2 stored" in out and f"{server}/pdf" in out and "not an HTML page" in out
