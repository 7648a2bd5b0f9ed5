"""The reader boundary (issue 15, input side): every defect of the bad-input audit, one test each.

Each test builds its input by hand, reads it through ``read_paths`` (the entry point ``brief`` and ``ingest``
share) and checks the recorded rejection's reason or the repaired report.
"""

from __future__ import annotations

import io
import json
import os
import socket
import threading
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from corroborate.ingest import read_paths
from corroborate.ingest.decode import decode_html, decode_text
from corroborate.ingest.feeds import is_feed_or_warc, read_feed_or_warc
from corroborate.ingest.readers import iter_files
from corroborate.ingest.records import MAX_JSON_DEPTH
from corroborate.ingest.walk import Skipped

BODY = "The Orvane river flooded the town of Velstad overnight, mayor Ilsa Kovell said on Tuesday."


def _jsonl(path: Path, *records: object) -> Path:
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def _reasons(rejected: list) -> list[str]:
    return [r.reason for r in rejected]


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31", "1799-12-31", "2200-01-01"])
def test_published_out_of_range_is_dropped_with_a_note(tmp_path: Path, published: str) -> None:
    raws, rejected = read_paths([_jsonl(tmp_path / "a.jsonl", {"id": "a", "text": BODY, "published": published})])
    assert not rejected
    assert raws[0].published is None
    assert any(published in note and "outside" in note for note in raws[0].notes)


def test_published_in_range_is_kept(tmp_path: Path) -> None:
    raws, _ = read_paths([_jsonl(tmp_path / "a.jsonl", {"id": "a", "text": BODY, "published": "1851-09-18"})])
    assert str(raws[0].published) == "1851-09-18" and not raws[0].notes


def test_deep_json_is_rejected_with_the_limit_and_other_lines_survive(tmp_path: Path) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    (tmp_path / "deep.json").write_text(deep, encoding="utf-8")
    _jsonl(tmp_path / "mixed.jsonl", {"id": "ok", "text": BODY}, deep, {"id": "ok2", "text": BODY + " Again."})
    raws, rejected = read_paths([tmp_path])
    assert sorted(r.id for r in raws) == ["ok", "ok2"]
    assert len(rejected) == 2
    for rejection in rejected:
        assert "100000 levels" in rejection.reason and f"limit of {MAX_JSON_DEPTH}" in rejection.reason
    assert {r.location.rsplit("/", 1)[-1] for r in rejected} == {"deep.json", "mixed.jsonl:2"}


def test_moderate_nesting_inside_strings_is_not_counted(tmp_path: Path) -> None:
    text = BODY + " " + "[{" * 200
    raws, rejected = read_paths([_jsonl(tmp_path / "a.jsonl", {"id": "a", "text": text, "extra": [[[1]]]})])
    assert not rejected and raws[0].text == text


def test_huge_integer_id_is_rejected_and_huge_published_is_ignored(tmp_path: Path) -> None:
    digits = "7" * 5000
    path = tmp_path / "a.jsonl"
    path.write_text(
        f'{{"id": {digits}, "text": "{BODY}"}}\n{{"id": "b", "text": "{BODY}", "published": {digits}}}\n'
        f'{{"id": 42, "text": "{BODY} Second."}}\n',
        encoding="utf-8",
    )
    raws, rejected = read_paths([path])
    assert [r.id for r in raws] == ["b", "42"]
    assert "5000-digit number" in rejected[0].reason and rejected[0].location.endswith(":1")
    assert raws[0].published is None and any("5000-digit" in n for n in raws[0].notes)


@pytest.mark.parametrize("field", ["text", "title", "id"])
def test_lone_surrogates_are_replaced_with_a_note(tmp_path: Path, field: str) -> None:
    record = {"id": "s", "text": BODY, "title": "Flood"}
    record[field] = record[field] + "\ud800"
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")  # json escapes it as \ud800
    raws, rejected = read_paths([path])
    assert not rejected
    value = getattr(raws[0], field)
    assert value.endswith("\ufffd")
    value.encode("utf-8")  # would raise UnicodeEncodeError on a lone surrogate
    assert any("lone surrogate" in n for n in raws[0].notes)


@pytest.mark.parametrize(
    ("value", "kind"),
    [({"a": 1}, "a JSON object"), (["x"], "a JSON array"), (True, "a boolean")],
)
def test_story_and_title_of_the_wrong_type_are_ignored_with_a_note(tmp_path: Path, value: object, kind: str) -> None:
    path = _jsonl(tmp_path / "a.jsonl", {"id": "a", "text": BODY, "story": value, "title": value})
    raws, rejected = read_paths([path])
    assert not rejected
    assert raws[0].story is None and raws[0].title is None  # never the text "{'a': 1}"
    assert any(f"'story' is {kind}" in n for n in raws[0].notes)


def test_numbers_are_accepted_as_story_and_id(tmp_path: Path) -> None:
    raws, _ = read_paths([_jsonl(tmp_path / "a.jsonl", {"id": 7, "text": BODY, "story": 12})])
    assert raws[0].id == "7" and raws[0].story == "12"


@pytest.mark.parametrize("value", [{"a": 1}, [1], 1.5, True])
def test_id_of_the_wrong_type_rejects_the_record(tmp_path: Path, value: object) -> None:
    raws, rejected = read_paths([_jsonl(tmp_path / "a.jsonl", {"id": value, "text": BODY})])
    assert not raws and "'id' is" in rejected[0].reason


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a chmod 000 file")
def test_unreadable_file_is_a_rejection(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Headline\n\n" + BODY, encoding="utf-8")
    path.chmod(0)
    try:
        raws, rejected = read_paths([tmp_path])
    finally:
        path.chmod(0o644)
    assert not raws and "permission denied" in rejected[0].reason


def test_permission_error_while_reading_is_a_rejection(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same boundary as chmod 000 (which root can read anyway): the OSError becomes the reason."""
    (tmp_path / "a.txt").write_text("Headline\n\n" + BODY, encoding="utf-8")

    def refuse(*args: object, **kwargs: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("corroborate.ingest.walk.os.open", refuse)
    raws, rejected = read_paths([tmp_path])
    assert not raws and rejected[0].reason == "permission denied: cannot read this file"


def test_non_utf8_file_name_is_read_and_its_location_is_printable(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9-report.txt")
    (tmp_path / name).write_text("Headline\n\n" + BODY, encoding="utf-8")
    raws, rejected = read_paths([tmp_path])
    assert not rejected
    assert raws[0].location.endswith("caf\\xe9-report.txt") and raws[0].id == "caf\\xe9-report"
    raws[0].location.encode("utf-8")


def test_fifo_is_rejected_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "ok.txt").write_text("Headline\n\n" + BODY, encoding="utf-8")
    raws, rejected = read_paths([tmp_path, tmp_path / "pipe.txt"])  # in a folder and named directly
    assert [r.id for r in raws] == ["ok"]
    assert _reasons(rejected) == ["a named pipe (FIFO), not a regular file; not read"] * 2


def test_socket_and_devices_are_rejected(tmp_path: Path) -> None:
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(tmp_path / "s.txt"))
    try:
        _, rejected = read_paths([tmp_path / "s.txt", Path("/dev/null"), Path("/dev/zero")])
    finally:
        sock.close()
    assert [r.reason.split(",")[0] for r in rejected] == ["a socket", "a character device", "a character device"]


def test_links_out_of_the_folder_dangling_and_looping_are_recorded(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "ok.txt").write_text("Headline\n\n" + BODY, encoding="utf-8")
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    (folder / "gone.txt").symlink_to(folder / "missing.txt")
    (folder / "loop1.txt").symlink_to(folder / "loop2.txt")
    (folder / "loop2.txt").symlink_to(folder / "loop1.txt")
    (folder / "sub" / "up").symlink_to(folder)
    (folder / "inside.txt").symlink_to(folder / "ok.txt")  # inside the folder: followed
    raws, rejected = read_paths([folder])
    assert [r.id for r in raws] == ["inside", "ok"]
    reasons = {Path(r.location).name: r.reason for r in rejected}
    assert "outside the input folder" in reasons["passwd.txt"] and "not followed" in reasons["passwd.txt"]
    assert "dangling symbolic link" in reasons["gone.txt"]
    assert "loop" in reasons["loop1.txt"] and "loop" in reasons["loop2.txt"]
    assert "loop" in reasons["up"]
    assert "root:" not in "".join(r.text for r in raws)


def test_skipped_paths_travel_through_iter_files_to_the_ingest_readers(tmp_path: Path) -> None:
    (tmp_path / "passwd.rss").symlink_to("/etc/passwd")
    (tmp_path / "passwd.txt").symlink_to("/etc/passwd")
    items = list(iter_files([tmp_path]))
    assert all(isinstance(item, Skipped) for item in items)
    for item in items:  # the stream engine reads each item on its own (feeds first)
        (rejection,) = read_feed_or_warc(item) if is_feed_or_warc(item) else read_paths([item])[1]
        assert "outside the input folder" in rejection.reason


def test_mixed_utf8_and_cp1252_is_decoded_line_by_line_and_flagged(tmp_path: Path) -> None:
    data = "Le café de Zoë a rouvert.\n".encode() + "Il a dit \u201cnon\u201d à la mairie.\n".encode("cp1252")
    (tmp_path / "mixed.txt").write_bytes(data)
    raws, _ = read_paths([tmp_path])
    assert raws[0].text == "Le café de Zoë a rouvert.\nIl a dit \u201cnon\u201d à la mairie.\n"
    assert raws[0].encoding == "utf-8+cp1252"
    assert raws[0].encoding_note and "mixed encodings" in raws[0].encoding_note
    assert raws[0].encoding_confidence is not None and raws[0].encoding_confidence < 1


def test_declared_windows_1251_html_is_not_mojibake(tmp_path: Path) -> None:
    body = "Правительство в понедельник объявило о новых мерах поддержки регионов, пострадавших от наводнения."
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
        f"<title>Новости</title></head><body><article><p>{body}</p><p>{body}</p></article></body></html>"
    )
    (tmp_path / "news.html").write_bytes(page.encode("cp1251"))
    raws, rejected = read_paths([tmp_path])
    assert not rejected
    assert body in raws[0].text and raws[0].encoding == "cp1251" and raws[0].encoding_confidence == 1.0
    assert raws[0].language == "ru"


def test_html_declaring_a_charset_its_bytes_do_not_fit_falls_back_with_a_note() -> None:
    page = '<html><head><meta charset="utf-8"></head><body><p>Caf\xe9 cr\xe8me</p></body></html>'.encode("latin-1")
    decoded = decode_html(page)
    assert "Café crème" in decoded.text and decoded.encoding == "cp1252"
    assert decoded.note and "declares utf-8" in decoded.note


def test_text_encodings_are_detected_with_a_confidence() -> None:
    assert decode_text(b"Plain ASCII words.").confidence == 1.0
    polish = "Rząd ogłosił w poniedziałek nowe środki wsparcia dla rolników dotkniętych suszą."
    assert decode_text(polish.encode("cp1250")).text == polish
    russian = "Правительство объявило о новых мерах поддержки"
    assert decode_text(russian.encode("cp1251")).text == russian
    french = "Le maire a parlé à la presse là-bas, déjà très tard."
    assert decode_text(french.encode("cp1252")).text == french


def _warc_bytes(pages: int, gzip: bool) -> bytes:
    return _warc_with_offset(pages, gzip)[0]


def _warc_with_offset(pages: int, gzip: bool) -> tuple[bytes, int]:
    """The WARC's bytes and where its last record starts."""
    buf = io.BytesIO()
    last = 0
    writer = WARCWriter(buf, gzip=gzip)
    for i in range(pages):
        html = "<html><body><article>" + "".join(
            f"<p>Report {i} paragraph {j}: the Orvane river flooded Velstad overnight, mayor Ilsa Kovell said.</p>"
            for j in range(6)
        )
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            f"https://ledger.example/{i}", "response", payload=io.BytesIO(html.encode()), http_headers=headers
        )
        last = buf.tell()
        writer.write_record(record)
    return buf.getvalue(), last


@pytest.mark.parametrize("gzip", [False, True])
@pytest.mark.parametrize("cut_from_end", [100, 300])
def test_warc_cut_in_its_fourth_record_keeps_the_three_complete_ones(
    tmp_path: Path, gzip: bool, cut_from_end: int
) -> None:
    data = _warc_bytes(4, gzip)
    name = "crawl.warc.gz" if gzip else "crawl.warc"
    (tmp_path / name).write_bytes(data[:-cut_from_end])
    raws, rejected = read_paths([tmp_path])
    assert len(raws) == 3 and all("Ilsa Kovell" in r.text for r in raws)
    assert len(rejected) == 1 and rejected[0].reason.startswith("truncated record")
    assert rejected[0].location.endswith("#record4")


def test_warc_cut_in_its_first_header_is_one_rejection(tmp_path: Path) -> None:
    (tmp_path / "crawl.warc").write_bytes(_warc_bytes(2, False)[:30])
    raws, rejected = read_paths([tmp_path])
    assert not raws and len(rejected) == 1 and "NoneType" not in rejected[0].reason


def test_feeds_and_warc_obey_the_size_limit(tmp_path: Path) -> None:
    (tmp_path / "big.rss").write_bytes(b"<rss>" + b" " * 2000 + b"</rss>")
    (tmp_path / "big.warc").write_bytes(_warc_bytes(2, False))
    raws, rejected = read_paths([tmp_path], max_bytes=300)
    assert not raws
    reasons = {Path(r.location.split("#")[0]).name: r.reason for r in rejected}
    assert "too large" in reasons["big.rss"]
    assert "record payload over" in reasons["big.warc"]


def test_read_paths_reads_feeds_like_ingest(tmp_path: Path) -> None:
    (tmp_path / "ledger.rss").write_text(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Valley Ledger</title><item><title>Flood</title>"
        f"<link>https://ledger.example/flood</link><description>{BODY}</description></item></channel></rss>",
        encoding="utf-8",
    )
    raws, rejected = read_paths([tmp_path])
    assert not rejected and raws[0].outlet == "Valley Ledger" and raws[0].fmt == "feed"


def test_stdin_is_read_as_a_report_or_as_records() -> None:
    raws, _ = read_paths([Path("-")], stdin=io.BytesIO(("Headline\n\n" + BODY).encode()))
    assert raws[0].location == "-" and BODY in raws[0].text and raws[0].language == "en"
    lines = "\n".join(json.dumps({"id": f"r{i}", "text": f"{BODY} {i}."}) for i in range(3))
    raws, _ = read_paths(["-"], stdin=io.BytesIO(lines.encode()))
    assert [r.id for r in raws] == ["r0", "r1", "r2"]


def test_stdin_over_the_limit_is_rejected() -> None:
    raws, rejected = read_paths(["-"], max_bytes=100, stdin=io.BytesIO(b"x" * 500))
    assert not raws and "standard input too large" in rejected[0].reason


def test_a_reader_crash_is_contained_to_its_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.html").write_text("<html><body><p>x</p></body></html>", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Headline\n\n" + BODY, encoding="utf-8")

    def explode(html: str) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr("corroborate.ingest.html.extract_html", explode)
    raws, rejected = read_paths([tmp_path])
    assert [r.id for r in raws] == ["b"]
    assert rejected[0].reason == "input nested too deeply to read (recursion limit)"


def test_languages_are_recorded(tmp_path: Path) -> None:
    _jsonl(
        tmp_path / "a.jsonl",
        {"id": "en", "text": BODY},
        {"id": "de", "text": "Die Bundesregierung hat am Montag neue Hilfen für die Hochwasserregionen angekündigt."},
        {"id": "short", "text": "42 - 7"},
    )
    raws, _ = read_paths([tmp_path])
    assert {r.id: r.language for r in raws} == {"en": "en", "de": "de", "short": None}


def test_fifo_swapped_in_after_the_check_does_not_block(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """open() is non-blocking and fstat-checked, so a FIFO that replaces a file after os.stat cannot hang."""
    fifo = tmp_path / "late.txt"
    os.mkfifo(fifo)
    real_stat = os.stat

    def regular_looking(path: object, *args: object, **kwargs: object) -> os.stat_result:
        result = real_stat(path, *args, **kwargs)  # type: ignore[arg-type]
        if str(path) == str(fifo):
            return real_stat(__file__)
        return result

    monkeypatch.setattr("corroborate.ingest.walk.os.stat", regular_looking)
    done = threading.Event()
    out: list = []

    def run() -> None:
        out.append(read_paths([fifo]))
        done.set()

    threading.Thread(target=run, daemon=True).start()
    assert done.wait(10), "reading a FIFO blocked"
    assert "named pipe" in out[0][1][0].reason


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Police said three people were hurt when the roof of the market collapsed.", "en"),
        ("Le gouvernement a annoncé lundi de nouvelles mesures pour soutenir les agriculteurs.", "fr"),
        ("El presidente anunció el martes un plan para reducir la inflación antes de fin de año.", "es"),
        ("Правительство в понедельник объявило о новых мерах поддержки регионов.", "ru"),
        ("政府は月曜日、干ばつの被害を受けた農家を支援する新たな措置を発表した。", "ja"),
        ("CLICK FOR FULL STATE SWIM RESULTS", None),  # too unsure: no language rather than a wrong one
    ],
)
def test_detect_language(text: str, language: str | None) -> None:
    from corroborate.ingest.language import detect_language

    assert detect_language(text) == language


@pytest.mark.parametrize("gzip", [False, True])
def test_a_warc_cut_anywhere_in_its_last_record_never_stores_it_as_complete(tmp_path: Path, gzip: bool) -> None:
    """Issue 16: of 63 cut points in a plain WARC's last record, 54 stored the partial record as complete; of
    11 in a gzip WARC, 6 dropped it silently. Every cut point from the last record's first byte to its end."""
    four, start = _warc_with_offset(4, gzip)
    name = "crawl.warc.gz" if gzip else "crawl.warc"
    step = 1 if gzip else 7
    # Up to the record's closing CRLFs (plain) or its gzip member's last deflate bytes and trailer (12 bytes):
    # a cut only there leaves the record's content whole, and it is read as such.
    cuts = range(start + 1, len(four) - (4 if not gzip else 12), step)
    assert len(cuts) >= 100
    for cut in cuts:
        folder = tmp_path / f"cut{cut}"
        folder.mkdir()
        (folder / name).write_bytes(four[:cut])
        raws, rejected = read_paths([folder])
        assert len(raws) == 3, cut  # the complete records, never the cut one
        assert [r.reason.split(":")[0] for r in rejected] == ["truncated record"], (cut, rejected)
