"""``corroborate watch``: conditional GET against a local http.server on 127.0.0.1, and the ingest it drives."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from corroborate.cli import main
from corroborate.errors import CorroborateError
from corroborate.ingest.feeds import read_feed_or_warc
from corroborate.ingest.walk import Sourced
from corroborate.ingest.watch import load_state, parse_every, poll_once, state_path
from corroborate.model import RawReport

ITEM = (
    "<item><title>{title}</title><link>https://ledger.example/{slug}</link><guid>{slug}</guid>"
    "<description>{body}</description></item>"
)
BODIES = {
    "flood": "The Orvane river flooded the town of Velstad overnight, mayor Ilsa Kovell said on Tuesday.",
    "strike": "Dock workers in Marrow Bay walked out over wages on Monday, union leader Petra Sorrel said.",
}


class Feed:
    """What the server answers: the current items, their ETag, and the requests it saw."""

    def __init__(self) -> None:
        self.slugs = ["flood"]
        self.version = 1
        self.requests: list[dict[str, str]] = []

    def body(self) -> bytes:
        items = "".join(ITEM.format(title=s.title(), slug=s, body=BODIES[s]) for s in self.slugs)
        return f"<?xml version='1.0'?><rss version='2.0'><channel><title>Valley Ledger</title>{items}</channel></rss>".encode()


FEED = Feed()


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        FEED.requests.append({k: v for k, v in self.headers.items()})
        if self.path != "/feed.rss":
            self.send_error(404, "Not Found")
            return
        etag = f'"v{FEED.version}"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.end_headers()
            return
        body = FEED.body()
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", "Tue, 03 Jun 2031 08:00:00 GMT")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture()
def server() -> Iterator[str]:
    FEED.__init__()  # type: ignore[misc]
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_parse_every() -> None:
    assert parse_every("10m") == 600 and parse_every("90s") == 90 and parse_every("1h") == 3600
    for bad in ("5s", "soon", "-1m"):
        with pytest.raises(CorroborateError):
            parse_every(bad)


def test_conditional_get_skips_an_unchanged_feed(server: str, tmp_path: Path) -> None:
    seen: list[list[RawReport]] = []

    def ingest(paths: list[Path], db: Path) -> Any:
        (path,) = paths
        assert isinstance(path, Sourced)
        seen.append([r for r in read_feed_or_warc(path) if isinstance(r, RawReport)])

    db = tmp_path / "watch.db"
    url = f"{server}/feed.rss"
    first = poll_once([url, f"{server}/missing.rss"], db, ingest)
    assert [(p.status, p.detail) for p in first] == [("changed", "ingested"), ("failed", "HTTP 404 Not Found")]
    assert [r.location for r in seen[0]] == [f"{url}#entry1"]  # located at the feed, not the temporary file
    assert load_state(state_path(db))[url] == {"etag": '"v1"', "last_modified": "Tue, 03 Jun 2031 08:00:00 GMT"}

    second = poll_once([url], db, ingest)
    assert second[0].status == "unchanged" and len(seen) == 1
    assert FEED.requests[-1]["If-None-Match"] == '"v1"'
    assert FEED.requests[-1]["If-Modified-Since"] == "Tue, 03 Jun 2031 08:00:00 GMT"

    FEED.slugs.append("strike")
    FEED.version = 2
    third = poll_once([url], db, ingest)
    assert third[0].status == "changed" and [len(batch) for batch in seen] == [1, 2]


def test_watch_command_ingests_new_entries_once(
    server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# the ledger\n{server}/feed.rss\nnot a url\n", encoding="utf-8")
    db = tmp_path / "watch.db"
    assert main(["watch", str(feeds), "--db", str(db), "--once"]) == 0
    FEED.slugs.append("strike")
    FEED.version = 2
    assert main(["watch", str(feeds), "--db", str(db), "--once"]) == 0
    assert main(["watch", str(feeds), "--db", str(db), "--once"]) == 0
    out, err = capsys.readouterr()
    lines = [line.split(" ", 1)[1] for line in out.splitlines()]
    assert lines[0].startswith("changed") and "1 stored" in lines[0]
    assert lines[1].startswith("changed") and "1 stored, 1 already-stored" in lines[1]
    assert lines[2].startswith("unchanged")
    assert "not an http(s) URL" in err
