"""SQLite (WAL) storage of reports, stories and runs behind a small interface; schema versioned with migrations.

All writes of one ingest batch go through :meth:`Store.transaction`, so a killed process leaves either the
whole batch or none of it: the database always holds exactly the committed reports. Readers (``stories``,
``show``) never block on a writer (WAL) and can open a database they may not write (``readonly``).

Rows are keyed by a content hash of the raw report (internal); everything read back for a user names reports by
their own id (``source_id``). A revision (the same id with a changed text) is a new row; the old one is kept
with ``superseded_by`` set and is no longer briefed.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import CorroborateError
from ..model import Article, ComponentError, Removal

SCHEMA_VERSION = 3

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
    # Revisions, other ids of one report, per-report errors, runs (config, version, model hashes), full-text search.
    2: """
    ALTER TABLE reports ADD COLUMN superseded_by TEXT;
    ALTER TABLE reports ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE reports ADD COLUMN errors TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE reports ADD COLUMN run_id INTEGER;
    ALTER TABLE reports ADD COLUMN language TEXT;
    ALTER TABLE reports ADD COLUMN input_notes TEXT NOT NULL DEFAULT '[]';
    CREATE INDEX reports_source ON reports(source_id);
    ALTER TABLE stories ADD COLUMN n_sources INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE stories ADD COLUMN n_independent INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE stories ADD COLUMN first_seq INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE aliases(
        source_id TEXT NOT NULL, report_id TEXT NOT NULL, location TEXT, run_id INTEGER,
        PRIMARY KEY(source_id, report_id));
    CREATE TABLE runs(
        id INTEGER PRIMARY KEY, started TEXT NOT NULL, finished TEXT, command TEXT NOT NULL, version TEXT NOT NULL,
        config TEXT NOT NULL, config_digest TEXT NOT NULL, models TEXT NOT NULL, counts TEXT);
    CREATE VIRTUAL TABLE reports_fts USING fts5(title, text, content='reports', content_rowid='seq');
    INSERT INTO reports_fts(reports_fts) VALUES('rebuild');
    """,
    # Story consolidation (cluster/stories.py, StoryClusterer.consolidate): a lone report's story moved into an
    # established story, and the story the clusterer placed each report in where that differs from the story it
    # is stored (and shown) under; the stream driver replays placements, readers see only reports.story_id.
    3: """
    CREATE TABLE story_moves(story TEXT PRIMARY KEY, into_story TEXT NOT NULL, run_id INTEGER);
    CREATE TABLE placements(report_id TEXT PRIMARY KEY, story_id TEXT NOT NULL);
    """,
}


class StoreError(CorroborateError):
    """The database cannot be opened, is damaged, or is newer than this program."""


def damaged(path: Path | str, exc: sqlite3.DatabaseError) -> StoreError:
    """The message for a database SQLite cannot read."""
    return StoreError(
        f"cannot read database {path}: {exc}. The file is damaged or not a corroborate database: check it with "
        f"`sqlite3 {path} 'PRAGMA integrity_check'`, restore a backup, or ingest into a new --db file"
    )


@dataclass(frozen=True)
class StoredReport:
    """One report row as the stream driver writes it."""

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
    revision: int = 1


@dataclass(frozen=True)
class ReplayRow:
    """What the stream driver needs to rebuild its state, in processing order."""

    id: str
    story_id: str
    content_hash: str
    clustered: bool
    features: str
    signature: bytes
    source_id: str
    outlet: str | None
    cites: list[str]
    revision: int


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _fts_query(query: str) -> str:
    """Every word of ``query`` as a quoted FTS5 term (all must match): no user text is read as FTS syntax."""
    terms = [t for t in query.split() if t.strip('"')]
    return " ".join('"' + t.replace('"', '""') + '"' for t in terms)


class Store:
    """Open (creating or migrating) a corroborate database; ``readonly`` opens an existing one for reading."""

    def __init__(self, path: Path, *, readonly: bool = False) -> None:
        self.path = path
        self.readonly = readonly
        try:
            if readonly:
                self.conn = _connect_readonly(path)
                version = self.conn.execute("PRAGMA user_version").fetchone()[0]
                if version != SCHEMA_VERSION:
                    raise StoreError(
                        f"{path} has schema {version}, this corroborate reads {SCHEMA_VERSION}; "
                        + ("upgrade corroborate" if version > SCHEMA_VERSION else "run `corroborate ingest` on it once")
                    )
            else:
                self.conn = sqlite3.connect(str(path), isolation_level=None, timeout=30.0)
                self.conn.execute("PRAGMA journal_mode=WAL")
                # NORMAL in WAL mode: a killed process never loses a committed transaction (only power loss can).
                self.conn.execute("PRAGMA synchronous=NORMAL")
                self._migrate()
        except sqlite3.DatabaseError as exc:
            raise damaged(path, exc) from exc

    @classmethod
    def for_reading(cls, path: Path) -> Store:
        """Open an existing database for ``stories``/``show``: read-only when this process may not write it."""
        if not path.exists():
            raise StoreError(f"no database at {path}; run `corroborate ingest PATH... --db {path}` first")
        writable = os.access(path, os.W_OK) and os.access(path.parent if str(path.parent) else Path("."), os.W_OK)
        return cls(path, readonly=not writable)

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
                if target == 2 and version >= 1:
                    # Stories stored under schema 1 get the counts and headline a briefing of them gives.
                    from ..brief.headline import story_headline

                    ids = [sid for (sid,) in self.conn.execute("SELECT id FROM stories")]
                    self.refresh_stories(ids, story_headline)
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

    # -- runs ----------------------------------------------------------------------------------------------------
    def begin_run(self, command: str, version: str, config: dict[str, Any], digest: str, models: dict[str, str]) -> int:
        with self.transaction():
            cur = self.conn.execute(
                "INSERT INTO runs(started, command, version, config, config_digest, models) VALUES(?,?,?,?,?,?)",
                (_now(), command, version, json.dumps(config, sort_keys=True, default=str), digest, json.dumps(models)),
            )
        return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, counts: dict[str, int]) -> None:
        with self.transaction():
            self.conn.execute(
                "UPDATE runs SET finished=?, counts=? WHERE id=?", (_now(), json.dumps(counts, sort_keys=True), run_id)
            )

    def runs(self) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT id, started, finished, command, version, config, config_digest, models, counts"
            " FROM runs ORDER BY id"
        )
        return [
            {
                "id": r[0],
                "started": r[1],
                "finished": r[2],
                "command": r[3],
                "version": r[4],
                "config": json.loads(r[5]),
                "config_digest": r[6],
                "models": json.loads(r[7]),
                "counts": json.loads(r[8]) if r[8] else None,
            }
            for r in rows
        ]

    # -- writes (inside a transaction) ---------------------------------------------------------------------------
    def insert_report(self, row: StoredReport, run_id: int | None = None) -> None:
        a = row.article
        cur = self.conn.execute(
            "INSERT INTO reports(id, source_id, location, title, url, outlet, published, published_how, author,"
            " story_hint, text, removed_lines, cites_outlets, content_hash, duplicate_of, duplicate_how,"
            " story_id, clustered, stage, score, features, signature, revision, errors, run_id, language, input_notes)"
            " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
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
                row.revision,
                json.dumps([e.to_dict() for e in a.errors]),
                run_id,
                a.language,
                json.dumps(a.input_notes),
            ),
        )
        self.conn.execute(
            "INSERT INTO reports_fts(rowid, title, text) VALUES(?,?,?)", (cur.lastrowid, a.title or "", a.text)
        )

    def supersede(self, old: str, new: str) -> None:
        """``new`` is the next revision of ``old``: ``old`` stays as history and is no longer briefed."""
        self.conn.execute("UPDATE reports SET superseded_by=? WHERE id=?", (new, old))

    def add_alias(self, source_id: str, report_id: str, location: str, run_id: int | None = None) -> bool:
        """Record another id of a stored report; False when it was recorded already."""
        cur = self.conn.execute(
            "INSERT OR IGNORE INTO aliases(source_id, report_id, location, run_id) VALUES(?,?,?,?)",
            (source_id, report_id, location, run_id),
        )
        return cur.rowcount > 0

    def repoint_copy(self, report_id: str, original: str, how: str) -> None:
        self.conn.execute("UPDATE reports SET duplicate_of=?, duplicate_how=? WHERE id=?", (original, how, report_id))

    def move_story(self, story: str, into: str, run_id: int | None = None) -> None:
        """Store every report of ``story`` under ``into`` (consolidation), keeping where each was placed."""
        self.conn.execute(
            "INSERT OR IGNORE INTO placements(report_id, story_id) SELECT id, story_id FROM reports WHERE story_id=?",
            (story,),
        )
        self.conn.execute("UPDATE reports SET story_id=? WHERE story_id=?", (into, story))
        self.conn.execute(
            "INSERT OR REPLACE INTO story_moves(story, into_story, run_id) VALUES(?,?,?)", (story, into, run_id)
        )

    def add_placement(self, report_id: str, story_id: str) -> None:
        """The clusterer placed ``report_id`` in ``story_id``, a story since moved (it is stored elsewhere)."""
        self.conn.execute("INSERT OR IGNORE INTO placements(report_id, story_id) VALUES(?,?)", (report_id, story_id))

    def story_moves(self) -> dict[str, str]:
        return {str(a): str(b) for a, b in self.conn.execute("SELECT story, into_story FROM story_moves")}

    def placements(self) -> dict[str, str]:
        return {str(a): str(b) for a, b in self.conn.execute("SELECT report_id, story_id FROM placements")}

    def given_stories(self) -> set[str]:
        """Stories the user gave (records with a ``story`` field): consolidation leaves them as given."""
        return {str(s) for (s,) in self.conn.execute("SELECT DISTINCT story_id FROM reports WHERE stage='given'")}

    def refresh_stories(
        self, story_ids: Sequence[str], headline: Callable[[list[str | None]], str | None] | None = None
    ) -> None:
        """Recount the given stories from their current reports (what a briefing of each would count) and choose
        each headline with ``headline`` (titles of the story's original reports in first-seen order).

        Three queries for all the stories of a batch, in chunks of REFRESH_CHUNK ids (SQLite's variable limit).
        """
        for k in range(0, len(story_ids), REFRESH_CHUNK):
            self._refresh_chunk(list(story_ids[k : k + REFRESH_CHUNK]), headline)

    def _refresh_chunk(self, ids: list[str], headline: Callable[[list[str | None]], str | None] | None) -> None:
        marks = ",".join("?" * len(ids))
        current = f"story_id IN ({marks}) AND superseded_by IS NULL"
        counts = {
            r[0]: r[1:]
            for r in self.conn.execute(
                "SELECT story_id, COUNT(*), COUNT(DISTINCT COALESCE(outlet, source_id)), SUM(duplicate_of IS NULL),"
                f" MIN(published), MAX(published), MIN(seq) FROM reports WHERE {current} GROUP BY story_id",
                ids,
            )
        }
        titles: dict[str, list[str | None]] = {}
        for sid, title in self.conn.execute(
            f"SELECT story_id, title FROM reports WHERE {current} AND duplicate_of IS NULL ORDER BY story_id, seq", ids
        ):
            pool = titles.setdefault(sid, [])
            if len(pool) < HEADLINE_POOL:
                pool.append(title)
        firsts = [row[5] for row in counts.values()]
        founder = dict(
            self.conn.execute(f"SELECT seq, id FROM reports WHERE seq IN ({','.join('?' * len(firsts))})", firsts)
        ) if firsts else {}  # fmt: skip
        gone = [sid for sid in ids if sid not in counts]
        if gone:
            self.conn.execute(f"DELETE FROM stories WHERE id IN ({','.join('?' * len(gone))})", gone)
        rows = []
        for sid, (n, n_sources, n_independent, first, last, first_seq) in counts.items():
            chosen = (headline(titles.get(sid, [])) if headline else None) or ""
            rows.append((sid, founder[first_seq], chosen, first, last, n, n_sources, n_independent or 0, first_seq))
        self.conn.executemany(
            "INSERT INTO stories(id, founder, headline, first_published, last_published, n_reports, n_sources,"
            " n_independent, first_seq) VALUES(?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET"
            " headline=excluded.headline, first_published=excluded.first_published,"
            " last_published=excluded.last_published, n_reports=excluded.n_reports,"
            " n_sources=excluded.n_sources, n_independent=excluded.n_independent, first_seq=excluded.first_seq",
            rows,
        )

    def add_rejection(self, location: str, reason: str) -> None:
        self.conn.execute("INSERT OR IGNORE INTO rejections(location, reason) VALUES(?,?)", (location, reason))

    # -- reads ---------------------------------------------------------------------------------------------------
    def text_of(self, report_id: str) -> tuple[str | None, str]:
        row = self.conn.execute("SELECT title, text FROM reports WHERE id=?", (report_id,)).fetchone()
        if row is None:
            raise KeyError(report_id)
        return row[0], row[1]

    def replay_rows(self) -> Iterator[ReplayRow]:
        """Every stored row in processing order, for rebuilding the stream driver's state."""
        for r in self.conn.execute(
            "SELECT id, story_id, content_hash, clustered, features, signature, source_id, outlet, cites_outlets,"
            " revision FROM reports ORDER BY seq"
        ):
            yield ReplayRow(r[0], r[1], r[2], bool(r[3]), r[4], r[5], r[6] or r[0], r[7], json.loads(r[8]), r[9])

    def counts(self) -> dict[str, int]:
        one = self.conn.execute
        current = "superseded_by IS NULL"
        return {
            "reports": one(f"SELECT COUNT(*) FROM reports WHERE {current}").fetchone()[0],
            "copies": one(f"SELECT COUNT(*) FROM reports WHERE {current} AND duplicate_of IS NOT NULL").fetchone()[0],
            "revisions": one("SELECT COUNT(*) FROM reports WHERE superseded_by IS NOT NULL").fetchone()[0],
            "aliases": one("SELECT COUNT(*) FROM aliases").fetchone()[0],
            "stories": one("SELECT COUNT(*) FROM stories").fetchone()[0],
            "rejections": one("SELECT COUNT(*) FROM rejections").fetchone()[0],
        }

    def story_ids(self) -> list[str]:
        """Story ids in the order their first report was placed."""
        return [sid for (sid,) in self.conn.execute("SELECT id FROM stories ORDER BY first_seq, id")]

    def stories(
        self,
        *,
        since: dt.date | None = None,
        until: dt.date | None = None,
        outlet: str | None = None,
        query: str | None = None,
    ) -> list[dict[str, object]]:
        """Every story (or those matching the filters) with its reports named by their own ids, newest first.

        ``since``/``until`` keep stories with a dated report in the range; ``outlet`` stories with a report from
        that outlet (case-insensitive); ``query`` stories with a report whose headline or text has every word
        (SQLite FTS5).
        """
        where = ["superseded_by IS NULL"]
        params: list[Any] = []
        if since is not None:
            where.append("published >= ?")
            params.append(since.isoformat())
        if until is not None:
            where.append("published <= ?")
            params.append(until.isoformat())
        if outlet:
            where.append("outlet = ? COLLATE NOCASE")
            params.append(outlet)
        if query is not None:
            terms = _fts_query(query)
            if not terms:
                return []
            where.append("seq IN (SELECT rowid FROM reports_fts WHERE reports_fts MATCH ?)")
            params.append(terms)
        sql = f"SELECT DISTINCT story_id FROM reports WHERE {' AND '.join(where)}"
        selected = {sid for (sid,) in self.conn.execute(sql, params)}
        out: list[dict[str, object]] = []
        for sid, headline, first, last, n, n_sources, n_independent in self.conn.execute(
            "SELECT id, headline, first_published, last_published, n_reports, n_sources, n_independent FROM stories"
        ):
            if sid not in selected:
                continue
            reports = self._report_list(sid)
            out.append(
                {
                    "id": sid,
                    "headline": headline,
                    "articles": [r["id"] for r in reports],
                    "reports": reports,
                    "sources": sorted({str(r["outlet"]) for r in reports if r["outlet"]}),
                    "counts": {"articles": n, "sources": n_sources, "independent_sources": n_independent},
                    "first_published": first,
                    "last_published": last,
                }
            )
        out.sort(key=lambda s: (str(s["last_published"] or ""), str(s["id"])), reverse=True)
        return out

    def _report_list(self, story_id: str) -> list[dict[str, object]]:
        articles = self.story_articles(story_id, with_text=False)
        return [
            {
                "id": a.id,
                "outlet": a.outlet,
                "title": a.title,
                "url": a.url,
                "published": a.published.isoformat() if a.published else None,
                "copy_of": a.duplicate_of,
                "also_ids": a.also_ids,
                "revision": a.revision,
                "location": a.location,
            }
            for a in articles
        ]

    def story_articles(self, story_id: str, *, with_text: bool = True) -> list[Article]:
        """The story's current reports as :class:`Article` objects named by the user's ids, in first-seen order
        (stored cleaned text; a copy names its original's id, an earlier revision its latest)."""
        rows = self.conn.execute(
            "SELECT id, location, " + ("text" if with_text else "''") + ", title, url, outlet, published,"
            " published_how, author, story_hint, removed_lines, cites_outlets, duplicate_of, source_id, revision,"
            " errors, language, input_notes FROM reports WHERE story_id=? AND superseded_by IS NULL ORDER BY seq",
            (story_id,),
        ).fetchall()
        keys = [r[0] for r in rows]
        aliases: dict[str, list[str]] = {}
        if keys:
            marks = ",".join("?" * len(keys))
            for source, key in self.conn.execute(
                f"SELECT source_id, report_id FROM aliases WHERE report_id IN ({marks}) ORDER BY source_id", keys
            ):
                aliases.setdefault(key, []).append(source)
        out = []
        for r in rows:
            own = r[13] or r[0]
            original = self._current_source(r[12]) if r[12] else None
            out.append(
                Article(
                    id=own,
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
                    duplicate_of=None if original == own else original,
                    revision=r[14],
                    errors=[ComponentError(e["component"], e["message"], e.get("source")) for e in json.loads(r[15])],
                    also_ids=[s for s in aliases.get(r[0], []) if s != own],
                    language=r[16],
                    input_notes=json.loads(r[17]),
                )
            )
        return out

    def _current_source(self, key: str) -> str | None:
        """The user's id of a report key, following revisions to the latest."""
        seen = set()
        while key not in seen:
            seen.add(key)
            row = self.conn.execute("SELECT source_id, superseded_by FROM reports WHERE id=?", (key,)).fetchone()
            if row is None:
                return None
            if row[1] is None:
                return str(row[0] or key)
            key = row[1]
        return None

    def integrity_ok(self) -> bool:
        return bool(self.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok")


# The headline is chosen among the first HEADLINE_POOL original reports of a story (bounded cost per commit; a
# briefing chooses it from the same reports, see brief/headline.py).
HEADLINE_POOL = 50
# Story ids per refresh query: under SQLite's default limit of 999 bound variables on old builds.
REFRESH_CHUNK = 500


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _connect_readonly(path: Path) -> sqlite3.Connection:
    """Read-only connection; ``immutable`` when even the WAL index cannot be created (a read-only folder)."""
    if not path.exists():
        raise StoreError(f"no database at {path}")
    uri = path.resolve().as_uri()
    try:
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None)
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        return sqlite3.connect(f"{uri}?immutable=1", uri=True, isolation_level=None)


def _removed_lines(stored: list[Any]) -> list[str]:
    return [item["line"] if isinstance(item, dict) else str(item) for item in stored]


def _removals(stored: list[Any]) -> list[Removal]:
    return [Removal(item["line"], item["reason"], item.get("score")) for item in stored if isinstance(item, dict)]
