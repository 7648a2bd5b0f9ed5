"""SQLite (WAL) storage of reports and stories behind a small interface; schema versioned with migrations.

All writes of one ingest batch go through :meth:`Store.transaction`, so a killed process leaves either the
whole batch or none of it: the database always holds exactly the committed reports.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import CorroborateError
from ..model import Article, Removal

SCHEMA_VERSION = 1

# Migration n brings a database from user_version n-1 to n.
MIGRATIONS: dict[int, str] = {
    1: """
    CREATE TABLE reports(
        seq INTEGER PRIMARY KEY,            -- processing order: the clusterer state is replayed in it
        id TEXT NOT NULL UNIQUE,            -- content hash of the raw report
        source_id TEXT, location TEXT, title TEXT, url TEXT, outlet TEXT, published TEXT, published_how TEXT,
        author TEXT, story_hint TEXT, text TEXT NOT NULL, removed_lines TEXT NOT NULL, cites_outlets TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        duplicate_of TEXT, duplicate_how TEXT,
        story_id TEXT NOT NULL, clustered INTEGER NOT NULL, stage TEXT NOT NULL, score REAL NOT NULL,
        features TEXT NOT NULL, signature BLOB NOT NULL);
    CREATE INDEX reports_story ON reports(story_id);
    CREATE TABLE stories(
        id TEXT PRIMARY KEY, founder TEXT NOT NULL, headline TEXT NOT NULL,
        first_published TEXT, last_published TEXT, n_reports INTEGER NOT NULL);
    CREATE TABLE rejections(location TEXT NOT NULL, reason TEXT NOT NULL, PRIMARY KEY(location, reason));
    """,
}


class StoreError(CorroborateError):
    """The database cannot be opened or is newer than this program."""


@dataclass(frozen=True)
class StoredReport:
    """One report row as the ingest driver writes it."""

    article: Article
    source_id: str
    content_hash: str
    duplicate_how: str | None
    story_id: str
    clustered: bool
    stage: str
    score: float
    features: str
    signature: bytes


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


class Store:
    """Open (creating or migrating) a corroborate database."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.conn = sqlite3.connect(str(path), isolation_level=None)
            self.conn.execute("PRAGMA journal_mode=WAL")
            # NORMAL in WAL mode: a killed process never loses a committed transaction (only power loss can).
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open database {path}: {exc}") from exc

    def _migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} has schema {version}, newer than this corroborate ({SCHEMA_VERSION}); upgrade"
            )
        for target in range(version + 1, SCHEMA_VERSION + 1):
            with self.transaction():
                for statement in MIGRATIONS[target].split(";"):
                    if statement.strip():
                        self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version={target}")

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic write: committed on success, rolled back on any exception."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # -- writes (inside a transaction) -----------------------------------------------------------------
    def insert_report(self, row: StoredReport) -> None:
        a = row.article
        self.conn.execute(
            "INSERT INTO reports(id, source_id, location, title, url, outlet, published, published_how, author,"
            " story_hint, text, removed_lines, cites_outlets, content_hash, duplicate_of, duplicate_how,"
            " story_id, clustered, stage, score, features, signature)"
            " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                a.id,
                row.source_id,
                a.location,
                a.title,
                a.url,
                a.outlet,
                a.published.isoformat() if a.published else None,
                a.published_how,
                a.author,
                a.story,
                a.text,
                # Each removed line with its reason and score; rows stored before issue 9 hold bare strings.
                json.dumps([r.to_dict() for r in a.removals] or a.removed_lines),
                json.dumps(a.cites_outlets),
                row.content_hash,
                a.duplicate_of,
                row.duplicate_how,
                row.story_id,
                int(row.clustered),
                row.stage,
                row.score,
                row.features,
                row.signature,
            ),
        )

    def repoint_copy(self, report_id: str, original: str, how: str) -> None:
        self.conn.execute("UPDATE reports SET duplicate_of=?, duplicate_how=? WHERE id=?", (original, how, report_id))

    def upsert_story(self, story_id: str, founder: str, headline: str, published: dt.date | None) -> None:
        """Create the story or add one report to it (count and date range)."""
        day = published.isoformat() if published else None
        self.conn.execute(
            "INSERT INTO stories(id, founder, headline, first_published, last_published, n_reports)"
            " VALUES(?,?,?,?,?,1) ON CONFLICT(id) DO UPDATE SET n_reports=n_reports+1,"
            " first_published=CASE WHEN excluded.first_published IS NULL THEN first_published"
            "  WHEN first_published IS NULL OR excluded.first_published < first_published"
            "  THEN excluded.first_published ELSE first_published END,"
            " last_published=CASE WHEN excluded.last_published IS NULL THEN last_published"
            "  WHEN last_published IS NULL OR excluded.last_published > last_published"
            "  THEN excluded.last_published ELSE last_published END",
            (story_id, founder, headline, day, day),
        )

    def add_rejection(self, location: str, reason: str) -> None:
        self.conn.execute("INSERT OR IGNORE INTO rejections(location, reason) VALUES(?,?)", (location, reason))

    # -- reads ----------------------------------------------------------------------------------------
    def has_report(self, report_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM reports WHERE id=?", (report_id,)).fetchone() is not None

    def text_of(self, report_id: str) -> tuple[str | None, str]:
        row = self.conn.execute("SELECT title, text FROM reports WHERE id=?", (report_id,)).fetchone()
        if row is None:
            raise KeyError(report_id)
        return row[0], row[1]

    def replay_rows(self) -> Iterator[tuple[str, str, str | None, str | None, str, int, str, bytes]]:
        """(id, story_id, published, content_hash... ) in processing order, for rebuilding the state."""
        yield from self.conn.execute(
            "SELECT id, story_id, published, duplicate_of, content_hash, clustered, features, signature"
            " FROM reports ORDER BY seq"
        )

    def counts(self) -> dict[str, int]:
        one = self.conn.execute
        return {
            "reports": one("SELECT COUNT(*) FROM reports").fetchone()[0],
            "copies": one("SELECT COUNT(*) FROM reports WHERE duplicate_of IS NOT NULL").fetchone()[0],
            "stories": one("SELECT COUNT(*) FROM stories").fetchone()[0],
            "rejections": one("SELECT COUNT(*) FROM rejections").fetchone()[0],
        }

    def stories(self) -> list[dict[str, object]]:
        """Every story with its report ids and outlets, newest first then by id."""
        members: dict[str, list[tuple[str, str | None]]] = {}
        for sid, rid, outlet in self.conn.execute("SELECT story_id, id, outlet FROM reports ORDER BY seq"):
            members.setdefault(sid, []).append((rid, outlet))
        out: list[dict[str, object]] = []
        for sid, headline, first, last in self.conn.execute(
            "SELECT id, headline, first_published, last_published FROM stories"
        ):
            rows = members.get(sid, [])
            out.append(
                {
                    "id": sid,
                    "headline": headline,
                    "articles": [rid for rid, _ in rows],
                    "sources": sorted({o for _, o in rows if o}),
                    "first_published": first,
                    "last_published": last,
                }
            )
        out.sort(key=lambda s: (str(s["last_published"] or ""), str(s["id"])), reverse=True)
        return out

    def story_articles(self, story_id: str) -> list[Article]:
        """The story's reports as :class:`Article` objects (stored cleaned text, copies marked)."""
        rows = self.conn.execute(
            "SELECT id, location, text, title, url, outlet, published, published_how, author, story_hint,"
            " removed_lines, cites_outlets, duplicate_of FROM reports WHERE story_id=? ORDER BY seq",
            (story_id,),
        ).fetchall()
        return [
            Article(
                id=r[0],
                location=r[1],
                text=r[2],
                title=r[3],
                url=r[4],
                outlet=r[5],
                published=_date(r[6]),
                published_how=r[7],
                author=r[8],
                story=r[9],
                removed_lines=_removed_lines(json.loads(r[10])),
                removals=_removals(json.loads(r[10])),
                cites_outlets=json.loads(r[11]),
                duplicate_of=r[12],
            )
            for r in rows
        ]

    def integrity_ok(self) -> bool:
        return bool(self.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok")


def _removed_lines(stored: list[Any]) -> list[str]:
    return [item["line"] if isinstance(item, dict) else str(item) for item in stored]


def _removals(stored: list[Any]) -> list[Removal]:
    return [Removal(item["line"], item["reason"], item.get("score")) for item in stored if isinstance(item, dict)]
