"""One pipeline, two drivers: ``brief`` and ``ingest`` + ``show`` agree; the user's ids name every report;
revisions, repeated reports, failing components, filters, runs, read-only and damaged databases, two writers."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from corroborate.cli import main
from corroborate.config import Config, resolve_config
from corroborate.model import RawReport
from corroborate.pipeline import brief_reports
from corroborate.store import Store
from corroborate.stream import Outcome, run_ingest

REPO = Path(__file__).resolve().parents[2]
SRC = REPO / "src"
EXAMPLES = sorted(p for p in (REPO / "examples").iterdir() if p.is_dir())

# Two unrelated fictional events, two differently worded reports each (no copies: little shared wording).
QUAKE_A = (
    "Kessel Valley quake\n\nAn earthquake of magnitude 6.1 shook the Kessel valley before dawn on Tuesday, "
    "collapsing two schools in Norvik and cutting power to 40,000 homes, the Kessel seismic office said. "
    "Rescue teams pulled eleven people from the rubble of the Norvik schools."
)
QUAKE_B = (
    "Norvik schools fall in Kessel earthquake\n\nRescuers in Norvik dug through the rubble of two collapsed schools "
    "after the magnitude 6.1 earthquake in the Kessel valley, the seismic office of Kessel said on Tuesday. Power "
    "was cut to about 40,000 homes across the valley and aftershocks continued."
)
STRIKE_A = (
    "Marrow Bay dockers strike\n\nDock workers at Marrow Bay walked out on Friday after wage talks with the port "
    "authority collapsed, leaving forty cargo ships idle, union leader Teodor Quaid said at the harbour gate."
)
STRIKE_B = (
    "Cargo ships idle as Marrow Bay port strike begins\n\nForty cargo ships sat idle in Marrow Bay on Friday as the "
    "dockers' union led by Teodor Quaid began a strike over wages, the port authority confirmed."
)


def _write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _cli_json(argv: list[str], capsys: pytest.CaptureFixture[str]) -> Any:
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("folder", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_brief_equals_ingest_then_show(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    briefed = _cli_json(["brief", str(folder), "--format", "json"], capsys)
    briefed = briefed if isinstance(briefed, list) else [briefed]
    db = str(tmp_path / "s.db")
    assert main(["ingest", str(folder), "--db", db]) == 0
    capsys.readouterr()
    stories = _cli_json(["stories", "--db", db, "--format", "json"], capsys)
    assert sorted(s["id"] for s in stories) == sorted(b["story"]["id"] for b in briefed)
    for briefing in briefed:
        shown = _cli_json(["show", briefing["story"]["id"], "--db", db, "--format", "json"], capsys)
        assert json.dumps(shown, sort_keys=True) == json.dumps(briefing, sort_keys=True)
        listed = next(s for s in stories if s["id"] == briefing["story"]["id"])
        # `stories` and `show` agree on the headline and the counts.
        assert listed["headline"] == (briefing["story"]["headline"] or "")
        assert listed["counts"] == {
            k: briefing["story"][k] for k in ("articles", "sources", "independent_sources")
        }
        assert sorted(listed["articles"]) == [s["id"] for s in briefing["sources"]]
    # Every report is named by its file name (the user's id), never by a content hash.
    ids = {s["id"] for b in briefed for s in b["sources"]}
    assert ids == {p.stem for p in folder.iterdir() if p.is_file()}


def test_revision_is_the_same_report_not_a_second_outlet(tmp_path: Path) -> None:
    first = _jsonl(tmp_path / "a.jsonl", [{"id": "wire-1", "outlet": "Ledger", "published": "2031-05-02",
                                           "title": "Blast in Norvik", "text": "A blast in Norvik killed 10 people "
                                           "on Monday, police said. The cause is not known."}])
    second = _jsonl(tmp_path / "b.jsonl", [{"id": "wire-1", "outlet": "Ledger", "published": "2031-05-03",
                                            "title": "Blast in Norvik", "text": "A blast in Norvik killed 25 people "
                                            "on Monday, police said. The cause is not known."}])
    db = tmp_path / "s.db"
    run_ingest([first], db, progress=False)
    outcomes: list[Outcome] = []
    run_ingest([second], db, progress=False, on_outcome=outcomes.append)
    assert [(o.status, o.report_id) for o in outcomes] == [("revised", "wire-1")]
    store = Store(db)
    try:
        (story,) = store.story_ids()
        (article,) = store.story_articles(story)
        history = store.conn.execute("SELECT text, superseded_by FROM reports ORDER BY seq").fetchall()
    finally:
        store.close()
    assert article.id == "wire-1" and article.revision == 2 and "25 people" in article.text
    assert len(history) == 2 and "10 people" in history[0][0] and history[0][1] is not None  # history kept
    # Re-ingesting the first text again is recognised as an earlier revision, not stored anew.
    again: list[Outcome] = []
    run_ingest([first], db, progress=False, on_outcome=again.append)
    assert again[0].status == "already-stored" and "earlier revision" in again[0].detail
    # The same id and text with other metadata is the same report, not a revision.
    retitled = _jsonl(tmp_path / "c.jsonl", [{**json.loads(second.read_text()), "title": "Norvik blast"}])
    same: list[Outcome] = []
    run_ingest([retitled], db, progress=False, on_outcome=same.append)
    assert [o.status for o in same] == ["already-stored"] and "same text" in same[0].detail


def test_exact_duplicate_adds_its_id_to_the_stored_report(tmp_path: Path) -> None:
    text = "Floods closed the Vell bridge on Monday, the roads office said. Traffic was diverted to Kessel."
    src = _jsonl(tmp_path / "a.jsonl", [{"id": "first", "text": text}, {"id": "second", "text": text}])
    db = tmp_path / "s.db"
    outcomes: list[Outcome] = []
    run_ingest([src], db, progress=False, on_outcome=outcomes.append)
    assert [o.status for o in outcomes] == ["stored", "already-stored"]
    assert "second" in outcomes[1].detail and outcomes[1].report_id == "first"
    store = Store(db)
    try:
        (story,) = store.story_ids()
        (article,) = store.story_articles(story)
    finally:
        store.close()
    assert article.id == "first" and article.also_ids == ["second"]
    # brief keeps it the same way.
    raws = [RawReport("first", "a", text), RawReport("second", "b", text)]
    (briefing,) = brief_reports(raws, resolve_config(None, {"analyze.enabled": False})).briefings
    assert [(s["id"], s["also_ids"]) for s in briefing["sources"]] == [("first", ["second"])]


def test_a_component_failing_on_one_report_leaves_the_rest_briefed(monkeypatch: pytest.MonkeyPatch) -> None:
    import corroborate.analyze.story.assemble as story

    real = story.find_quotes

    def flaky(text: str, people: Any, *rest: Any) -> Any:
        if "Quaid" in text:
            raise RuntimeError("speaker finder broke")
        return real(text, people, *rest)

    monkeypatch.setattr(story, "find_quotes", flaky)
    said = ' "We will not unload a single ship," said Ilsa Brandt, the port director.'
    raws = [
        RawReport("a", "a", STRIKE_A.split("\n\n", 1)[1], story="strike"),
        RawReport("b", "b", STRIKE_B.split("\n\n", 1)[1].replace("Teodor Quaid", "Ilsa Brandt") + said,
                  story="strike"),
    ]
    (briefing,) = brief_reports(raws).briefings
    assert briefing["errors"] == [{"component": "quotes", "source": "a", "message": "RuntimeError: speaker finder broke"}]
    assert briefing["summary"] and briefing["entities"]  # the other components ran
    assert any("unload a single ship" in q["text"] and q["sources"] == ["b"] for q in briefing["quotes"])


def test_brief_groups_records_without_story_into_stories(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _write(tmp_path / "in", {"q1.txt": QUAKE_A, "q2.txt": QUAKE_B, "s1.txt": STRIKE_A, "s2.txt": STRIKE_B})
    fast = tmp_path / "fast.toml"
    fast.write_text("[analyze]\nenabled = false\n", encoding="utf-8")
    briefed = _cli_json(["brief", str(folder), "--format", "json", "--config", str(fast)], capsys)
    groups = sorted(sorted(s["id"] for s in b["sources"]) for b in briefed)
    assert groups == [["q1", "q2"], ["s1", "s2"]]
    one = _cli_json(["brief", str(folder), "--format", "json", "--config", str(fast), "--one-story"], capsys)
    assert sorted(s["id"] for s in one["sources"]) == ["q1", "q2", "s1", "s2"]


def test_stories_filters_and_the_runs_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _jsonl(tmp_path / "in.jsonl", [
        {"id": "q1", "outlet": "Kessel Post", "published": "2031-05-02", "text": QUAKE_A.split("\n\n", 1)[1]},
        {"id": "s1", "outlet": "Harbour News", "published": "2031-06-20", "text": STRIKE_A.split("\n\n", 1)[1]},
    ])
    config = tmp_path / "c.toml"
    config.write_text("[summary]\nmax_words = 50\n[stream]\nbatch_size = 7\n", encoding="utf-8")
    db = str(tmp_path / "s.db")
    assert main(["ingest", str(src), "--db", db, "--config", str(config)]) == 0
    capsys.readouterr()

    def listed(*extra: str) -> list[list[str]]:
        return sorted(s["articles"] for s in _cli_json(["stories", "--db", db, "-f", "json", *extra], capsys))

    assert listed() == [["q1"], ["s1"]]
    assert listed("--since", "2031-06-01") == [["s1"]]
    assert listed("--until", "2031-05-31") == [["q1"]]
    assert listed("--outlet", "kessel post") == [["q1"]]
    assert listed("--query", "cargo ships") == [["s1"]]
    assert listed("--query", 'seismic "office') == [["q1"]]  # FTS syntax in user text is taken literally
    assert listed("--query", "cargo earthquake") == []
    store = Store(Path(db))
    try:
        (run,) = store.runs()
    finally:
        store.close()
    assert run["command"] == "ingest" and run["finished"] and run["counts"] == {"stored": 2}
    assert run["config"]["stream"]["batch_size"] == 7 and run["config"]["summary"]["max_words"] == 50
    assert run["config_digest"] == resolve_config(config).digest() != Config().digest()
    assert set(run["models"]) == {"furniture", "ner", "background_idf"}


def test_a_read_only_database_can_be_listed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _jsonl(tmp_path / "in.jsonl", [{"id": "q1", "text": QUAKE_A.split("\n\n", 1)[1]}])
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "s.db"
    run_ingest([src], db, progress=False)
    db.chmod(stat.S_IRUSR)
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        if os.access(db, os.W_OK):
            pytest.skip("running as a user who can write read-only files (root)")
        assert [s["articles"] for s in _cli_json(["stories", "--db", str(db), "-f", "json"], capsys)] == [["q1"]]
    finally:
        folder.chmod(stat.S_IRWXU)
        db.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_a_damaged_database_gets_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _jsonl(tmp_path / "in.jsonl", [{"id": "q1", "text": QUAKE_A.split("\n\n", 1)[1]}])
    garbled = tmp_path / "bad.db"
    garbled.write_bytes(b"SQLite format 3\x00" + os.urandom(4096))
    for argv in (["stories", "--db", str(garbled)], ["ingest", str(src), "--db", str(garbled)]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert "damaged or not a corroborate database" in err and "Traceback" not in err


def test_read_only_store_opens_without_writing(tmp_path: Path) -> None:
    src = _jsonl(tmp_path / "in.jsonl", [{"id": "q1", "text": QUAKE_A.split("\n\n", 1)[1]}])
    db = tmp_path / "s.db"
    run_ingest([src], db, progress=False)
    store = Store(db, readonly=True)
    try:
        assert [s["articles"] for s in store.stories()] == [["q1"]]
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            store.conn.execute("DELETE FROM reports")
    finally:
        store.close()


def test_two_writers_at_once_make_the_sequential_stories(tmp_path: Path) -> None:
    from stream_data import write_stream

    write_stream(tmp_path / "a", stories=4, per_story=3, files=1, seed=5)
    write_stream(tmp_path / "b", stories=4, per_story=3, files=1, seed=9)
    code = "import sys; from pathlib import Path; from corroborate.stream import run_ingest; " \
           "run_ingest([Path(sys.argv[1])], Path(sys.argv[2]), progress=False)"
    env = {**os.environ, "PYTHONPATH": str(SRC)}

    def ingest(db: Path, *inputs: Path) -> None:
        procs = [subprocess.Popen([sys.executable, "-c", code, str(i), str(db)], env=env,
                                  stderr=subprocess.PIPE, text=True) for i in inputs]
        for proc in procs:
            _, err = proc.communicate(timeout=300)
            assert proc.returncode == 0 and "Traceback" not in err, err

    def grouping(db: Path) -> set[frozenset[str]]:
        store = Store(db, readonly=True)
        try:
            return {frozenset(s["articles"]) for s in store.stories()}  # type: ignore[arg-type]
        finally:
            store.close()

    same = tmp_path / "same.db"
    ingest(same, tmp_path / "a", tmp_path / "a")  # the same input twice at once
    sequential = tmp_path / "seq.db"
    ingest(sequential, tmp_path / "a")
    assert grouping(same) == grouping(sequential)
    both = tmp_path / "both.db"
    ingest(both, tmp_path / "a", tmp_path / "b")  # different inputs at once: one waits for the other
    one_then_other = [tmp_path / "x.db", tmp_path / "y.db"]
    ingest(one_then_other[0], tmp_path / "a")
    ingest(one_then_other[0], tmp_path / "b")
    ingest(one_then_other[1], tmp_path / "b")
    ingest(one_then_other[1], tmp_path / "a")
    assert grouping(both) in (grouping(one_then_other[0]), grouping(one_then_other[1]))


def test_a_report_in_another_language_is_kept_but_not_analyzed_as_english() -> None:
    german = (
        "Die Hafenarbeiter in Marrow Bay sind am Freitag in den Streik getreten, nachdem die Lohnverhandlungen mit "
        "der Hafenbehörde gescheitert waren. Vierzig Frachtschiffe liegen still, sagte der Gewerkschaftsführer, "
        "dass die Arbeiter nicht nachgeben würden."
    )
    raws = [
        RawReport("en", "en", STRIKE_A.split("\n\n", 1)[1], story="strike", language="en"),
        RawReport("de", "de", german, story="strike", language="de"),
    ]
    (briefing,) = brief_reports(raws).briefings
    sources = {s["id"]: s for s in briefing["sources"]}
    assert set(sources) == {"en", "de"}  # kept and listed
    assert sources["de"]["not_analyzed"] and "'de'" in sources["de"]["not_analyzed"]
    assert sources["en"]["not_analyzed"] is None
    spans = [sp for key in ("entities", "quotes", "timeline") for item in briefing[key] for sp in item["spans"]]
    spans += [sp for claim in briefing["claims"] for value in claim["values"] for sp in value["spans"]]
    assert spans and all(sp["source"] == "en" for sp in spans)
    assert all(item["origin"] == "en" for item in briefing["summary"])
    assert {c["source"] for c in briefing["coverage"]} <= {"en"}


def test_an_over_long_report_is_analyzed_up_to_the_cap_and_says_so() -> None:
    paragraphs = [f"Paragraph {k}: the Kessel valley council met on Tuesday and {k + 2} members voted." for k in range(300)]
    raws = [RawReport("long", "long", "\n\n".join(paragraphs), story="s"), RawReport("short", "short", QUAKE_A, story="s")]
    config = resolve_config(None, {"analyze.max_chars_per_report": 2_000})
    (briefing,) = brief_reports(raws, config).briefings
    sources = {s["id"]: s for s in briefing["sources"]}
    cut = sources["long"]["analyzed_chars"]
    assert cut is not None and 1_000 < cut <= 2_000 and sources["long"]["text"][cut:cut + 2] == "\n\n"
    assert len(sources["long"]["text"]) > 20_000  # the stored text is whole
    assert sources["short"]["analyzed_chars"] is None
    assert all(s["end"] <= cut for s in sources["long"]["sentences"])
    spans = [sp for key in ("entities", "timeline") for item in briefing[key] for sp in item["spans"]]
    spans += [sp for claim in briefing["claims"] for value in claim["values"] for sp in value["spans"]]
    assert any(sp["source"] == "long" for sp in spans)
    assert all(sp["end"] <= cut for sp in spans if sp["source"] == "long")


def test_a_schema_1_database_is_migrated_with_its_stories_recounted(tmp_path: Path) -> None:
    from corroborate.pipeline import prepare
    from corroborate.store.db import MIGRATIONS, SCHEMA_VERSION

    db = tmp_path / "old.db"
    conn = sqlite3.connect(str(db))
    for statement in MIGRATIONS[1].split(";"):
        if statement.strip():
            conn.execute(statement)
    (item,) = prepare([RawReport("q1", "q1.txt", QUAKE_A, title_in_text=True)], Config()).items
    a = item.article
    conn.execute(
        "INSERT INTO reports(id, source_id, location, title, outlet, text, removed_lines, cites_outlets, content_hash,"
        " story_id, clustered, stage, score, features, signature) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (a.id, "q1", a.location, a.title, "Kessel Post", a.text, "[]", "[]", a.content_hash, "st-old", 1, "founder",
         0.0, item.features_json, item.features.signature.tobytes()),
    )
    conn.execute("INSERT INTO stories VALUES('st-old', ?, 'old headline', NULL, NULL, 1)", (a.id,))
    conn.execute("PRAGMA user_version=1")
    conn.commit()
    conn.close()
    store = Store(db)
    try:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        (story,) = store.stories()
        assert story["counts"] == {"articles": 1, "sources": 1, "independent_sources": 1}
        assert story["headline"] == a.title and story["articles"] == ["q1"]
        assert store.stories(query="seismic") and not store.stories(query="harbour")  # the FTS index was built
    finally:
        store.close()
