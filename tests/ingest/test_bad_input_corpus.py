"""Issue 15 (input side): a corpus of bad inputs, generated at test time, each briefed beside a good report.

Every kind goes through ``corroborate brief`` (``corroborate.cli.main`` in-process) with a good report next to
it, under a per-case time bound, and must end in a reasoned rejection or a correct result: exit 0, the good
report briefed, no traceback. The analyze stage is switched off (it is not what these inputs test).
"""

from __future__ import annotations

import bz2
import gzip
import io
import json
import os
import random
import signal
import socket
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from corroborate.cli import main
from corroborate.ingest import records

# 30 s a case: the slowest kinds (6 MB files, 100,000 JSON records) take ~3 s on the 2-core dev machine with
# three other test runs beside them; a hang (a FIFO opened for reading) never ends.
CASE_SECONDS = 30
# The records limit is lowered for the corpus (the real one, 100,000, costs seconds of rejections to reach).
CORPUS_MAX_RECORDS = 1_000
GOOD = "Flood waters recede in Velstad\n\nThe Orvane river flooded the town of Velstad overnight, mayor Ilsa Kovell said on Tuesday. Three hundred residents were moved to the school gym, officials said.\n"
GOOD_MARK = "Ilsa Kovell"
BODY = "Dock workers in Marrow Bay walked out over wages on Monday, union leader Petra Sorrel said, and the port closed."
MARK = "Petra Sorrel"


@dataclass(frozen=True)
class Case:
    """One kind of bad input: ``make`` writes it under a folder and returns the CLI arguments naming it.

    ``expect``: "reject" (a rejection whose reason contains ``reason``), "brief" (the output contains ``text``)
    or "either" (a reasoned rejection or a briefing; what matters is no crash, no hang, the good report kept).
    """

    name: str
    make: Callable[[Path], list[str]]
    expect: str
    reason: str = ""
    text: str = MARK
    stdin: bytes | None = None


def _file(name: str, data: bytes | str) -> Callable[[Path], list[str]]:
    def make(folder: Path) -> list[str]:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return [str(folder)]

    return make


def _record(**fields: object) -> str:
    return json.dumps({"id": "bad", "text": BODY, **fields}) + "\n"


def _page(body: str = BODY, head: str = "") -> str:
    return f"<html><head>{head}<title>Strike</title></head><body><article><p>{body}</p><p>{body}</p></article></body></html>"


def _rss(items: str, prolog: str = "") -> str:
    return f"<?xml version='1.0'?>{prolog}<rss version='2.0'><channel><title>Harbor Signal</title>{items}</channel></rss>"


def _warc(pages: int = 4, gz: bool = False, ctype: str = "text/html; charset=utf-8") -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for i in range(pages):
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        payload = _page(f"{BODY} Report {i} of {pages}, paragraph about the strike and the port.").encode()
        writer.write_record(
            writer.create_warc_record(f"https://signal.example/{i}", "response", payload=io.BytesIO(payload), http_headers=headers)
        )
    return buf.getvalue()


def _symlink(name: str, target: str) -> Callable[[Path], list[str]]:
    def make(folder: Path) -> list[str]:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).symlink_to(target.replace("{folder}", str(folder)))
        return [str(folder)]

    return make


def _loop(folder: Path) -> list[str]:
    folder.mkdir(parents=True)
    (folder / "a.txt").symlink_to(folder / "b.txt")
    (folder / "b.txt").symlink_to(folder / "a.txt")
    return [str(folder)]


def _folder_loop(folder: Path) -> list[str]:
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "up").symlink_to(folder)
    (folder / "sub" / "report.txt").write_text("Strike\n\n" + BODY, encoding="utf-8")
    return [str(folder)]


def _fifo(folder: Path) -> list[str]:
    folder.mkdir(parents=True)
    os.mkfifo(folder / "pipe.txt")
    return [str(folder)]


def _fifo_named(folder: Path) -> list[str]:
    folder.mkdir(parents=True)
    os.mkfifo(folder / "pipe.jsonl")
    return [str(folder / "pipe.jsonl")]


def _socket(folder: Path) -> list[str]:
    folder.mkdir(parents=True)
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(folder / "live.txt"))
    _SOCKETS.append(sock)
    return [str(folder)]


_SOCKETS: list[socket.socket] = []


def _chmod(mode: int, folder_too: bool = False) -> Callable[[Path], list[str]]:
    def make(folder: Path) -> list[str]:
        target = folder / "locked" if folder_too else folder
        target.mkdir(parents=True)
        path = target / "secret.txt"
        path.write_text("Strike\n\n" + BODY, encoding="utf-8")
        path.chmod(mode)
        if folder_too:
            target.chmod(mode)
        return [str(folder)]

    return make


def _deep_folder(folder: Path) -> list[str]:
    deep = folder.joinpath(*["d"] * 60)
    deep.mkdir(parents=True)
    (deep / "report.txt").write_text("Strike\n\n" + BODY, encoding="utf-8")
    return [str(folder)]


def _odd_name(raw: bytes) -> Callable[[Path], list[str]]:
    def make(folder: Path) -> list[str]:
        folder.mkdir(parents=True)
        (folder / os.fsdecode(raw)).write_text("Strike\n\n" + BODY, encoding="utf-8")
        return [str(folder)]

    return make


def _named(*args: str) -> Callable[[Path], list[str]]:
    return lambda folder: list(args)


def _deep_json(levels: int) -> str:
    return "[" * levels + "]" * levels


def _noise(n: int, seed: int = 15) -> bytes:
    return random.Random(seed).randbytes(n)


WARC4 = _warc(4)
WARC4_GZ = _warc(4, gz=True)
MIXED = ("Strike\n\n" + BODY + "\n").encode() + "Le café a dit \u201cnon\u201d à la grève.\n".encode("cp1252")
RUSSIAN = "Портовые рабочие в Марроу-Бей объявили забастовку из-за зарплат, заявила Петра Соррель."
BILLION_LAUGHS = (
    "<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'>"
    + "".join(f"<!ENTITY lol{i} '{('&lol' + (str(i - 1) if i > 1 else '') + ';') * 10}'>" for i in range(1, 10))
    + "]><rss version='2.0'><channel><title>&lol9;</title><item><title>x</title><description>&lol9;</description></item></channel></rss>"
)

CASES = [
    # empty and binary
    Case("empty-txt", _file("empty.txt", b""), "reject", "empty file"),
    Case("whitespace-txt", _file("blank.txt", b"  \n\t\r\n"), "reject", "empty file"),
    Case("empty-json", _file("empty.json", b""), "reject", "empty file"),
    Case("png-as-txt", _file("photo.txt", b"\x89PNG\r\n\x1a\n" + _noise(200)), "reject", "PNG image"),
    Case("jpeg", _file("photo.jpg", b"\xff\xd8\xff\xe0" + _noise(200)), "reject", "JPEG image"),
    Case("pdf-as-html", _file("report.html", b"%PDF-1.7\n" + _noise(300)), "reject", "PDF document"),
    Case("zip-as-json", _file("data.json", b"PK\x03\x04" + _noise(300)), "reject", "ZIP archive"),
    Case("gzip-as-txt", _file("report.txt", gzip.compress(BODY.encode())), "reject", "gzip archive"),
    Case("bzip2-as-txt", _file("report.txt", bz2.compress(BODY.encode())), "reject", "bzip2 archive"),
    Case("elf", _file("tool.txt", b"\x7fELF\x02\x01\x01" + _noise(300)), "reject", "executable"),
    Case("sqlite", _file("db.json", b"SQLite format 3\x00" + _noise(300)), "reject", "SQLite database"),
    Case("random-bytes", _file("noise.txt", _noise(5000)), "either", "binary"),
    Case("nul-bytes-in-text", _file("nul.txt", b"Strike\n\n" + BODY.encode() + b"\x00\x00\x00" + BODY.encode()), "reject", "NUL bytes"),
    Case("control-chars", _file("ctl.txt", bytes(range(1, 32)) * 100), "reject", "binary"),
    # oversized
    Case("oversized-txt", _file("huge.txt", b"word " * 1_200_000), "reject", "file too large: 6.0 MB"),
    Case("oversized-jsonl", _file("huge.jsonl", _record().encode() * 45_000), "reject", "over the 5 MB limit"),
    Case("oversized-rss", _file("huge.rss", _rss("<item><description>" + "x" * 6_000_000 + "</description></item>")), "reject", "file too large"),
    Case("oversized-html", _file("huge.html", _page("word " * 1_200_000)), "reject", "file too large"),
    # One 1 MB line without a sentence end (ingest reads 4 MB in 1 s; sentence splitting 4 MB takes ~40 s).
    Case("one-1mb-line", _file("line.txt", "Strike " + BODY + " " + "word " * 200_000), "either"),
    Case("too-many-records", _file("many.jsonl", "{}\n" * (CORPUS_MAX_RECORDS + 1)), "reject", f"over {CORPUS_MAX_RECORDS} records"),
    # encodings
    Case("utf16-no-bom", _file("u16.txt", ("Strike\n\n" + BODY).encode("utf-16-le")), "brief"),
    Case("utf8-bom", _file("bom.txt", b"\xef\xbb\xbf" + ("Strike\n\n" + BODY).encode()), "brief"),
    Case("utf32-bom", _file("u32.txt", ("Strike\n\n" + BODY).encode("utf-32")), "brief"),
    Case("latin1", _file("latin1.txt", ("Grève\n\n" + BODY + " Le café est fermé.").encode("latin-1")), "brief", text="Le café est fermé."),
    Case("cp1252-quotes", _file("cp.txt", ("Strike\n\n\u201cWe stay,\u201d " + BODY).encode("cp1252")), "brief", text="\u201cWe stay,\u201d"),
    Case("mixed-utf8-cp1252", _file("mixed.txt", MIXED), "brief", text="Le café a dit \u201cnon\u201d à la grève."),
    Case("cp1251-html-declared", _file("ru.html", _page(RUSSIAN, '<meta charset="windows-1251">').encode("cp1251")), "brief", text=RUSSIAN),
    Case("wrong-declared-charset", _file("liar.html", _page(BODY + " Café crème.", '<meta charset="utf-8">').encode("cp1252")), "brief", text="Café crème."),
    Case("unknown-declared-charset", _file("odd.html", _page(BODY, '<meta charset="x-klingon">')), "brief"),
    Case("shift-jis", _file("ja.txt", "港湾労働者が賃金をめぐりストライキを行った。ペトラ・ソレル氏が述べた。".encode("shift_jis")), "either", text="ストライキ"),
    Case("overlong-utf8", _file("overlong.txt", b"Strike\n\n" + BODY.encode() + b" \xc0\xaf\xe0\x80\xaf"), "brief"),
    Case("bidi-override", _file("bidi.txt", "Strike \u202eekirts\u202c\n\n" + BODY), "brief"),
    Case("zero-width", _file("zw.jsonl", _record(id="ze\u200bro", title="Str\u200bike")), "brief"),
    Case("lone-surrogate-text", _file("sur.jsonl", json.dumps({"id": "s", "text": BODY + " \ud800"}) + "\n"), "brief"),
    Case("lone-surrogate-id", _file("sur-id.jsonl", json.dumps({"id": "s\udfff", "text": BODY}) + "\n"), "brief"),
    Case("nul-in-json-text", _file("nul.jsonl", json.dumps({"id": "n", "text": BODY + "\u0000\u0007"}) + "\n"), "brief"),
    Case("rtl-arabic", _file("ar.txt", "إضراب\n\nأضرب عمال الميناء في خليج مارو بسبب الأجور يوم الاثنين، وقالت بترا سوريل إن الميناء أغلق."), "brief", text="بترا سوريل"),
    Case("emoji-astral", _file("emoji.txt", "Strike \U0001f6a2\n\n" + BODY + " \U0001d400\U0001f600"), "brief"),
    Case("cr-line-endings", _file("cr.txt", ("Strike\r\r" + BODY + "\r").encode()), "brief"),
    # malformed JSON
    Case("json-nested-100k", _file("deep.json", _deep_json(100_000)), "reject", "nested 100000 levels deep, over the limit of 64"),
    Case("jsonl-line-nested-100k", _file("deep.jsonl", _record(id="ok") + _deep_json(100_000) + "\n"), "reject", "nested 100000 levels"),
    Case("json-invalid", _file("bad.json", "{not json"), "reject", "invalid JSON"),
    Case("json-truncated", _file("cut.json", _record()[:40]), "reject", "invalid JSON"),
    Case("json-top-level-string", _file("str.json", '"just a string"'), "reject", "expected an object"),
    Case("json-array-of-numbers", _file("nums.json", "[1, 2, 3]"), "reject", "expected an object"),
    Case("json-id-5000-digits", _file("big.jsonl", '{"id": ' + "9" * 5000 + ', "text": "' + BODY + '"}\n'), "reject", "a 5000-digit number"),
    Case("json-id-object", _file("idobj.jsonl", _record(id={"a": 1})), "reject", "'id' is a JSON object"),
    Case("json-id-float", _file("idf.jsonl", _record(id=1.5)), "reject", "'id' is a number"),
    Case("json-id-10k-chars", _file("idlong.jsonl", _record(id="x" * 10_000)), "reject", "over the 512-character limit"),
    Case("json-text-number", _file("tnum.jsonl", json.dumps({"id": "t", "text": 42}) + "\n"), "reject", "'text' is int"),
    Case("json-no-body", _file("nobody.jsonl", json.dumps({"id": "t", "title": "x"}) + "\n"), "reject", "neither"),
    Case("json-nan-infinity", _file("nan.json", '{"id": "n", "text": "' + BODY + '", "title": NaN, "outlet": Infinity}'), "brief"),
    Case("json-duplicate-keys", _file("dup.json", '{"id": "a", "id": "b", "text": "' + BODY + '"}'), "brief"),
    Case("duplicate-ids", _file("dups.jsonl", _record(id="good") + _record(id="good")), "reject", "duplicate id"),
    # odd dates and fields
    Case("published-0001", _file("d1.jsonl", _record(published="0001-01-01")), "brief"),
    Case("published-9999", _file("d9.jsonl", _record(published="9999-12-31")), "brief"),
    Case("published-garbage", _file("dg.jsonl", _record(published="yesterday-ish")), "brief"),
    Case("published-huge-int", _file("dh.jsonl", '{"id": "d", "text": "' + BODY + '", "published": ' + "1" * 5000 + "}\n"), "brief"),
    Case("published-object", _file("do.jsonl", _record(published={"y": 2026})), "brief"),
    Case("story-dict", _file("sd.jsonl", _record(story={"a": 1})), "brief"),
    Case("title-list", _file("tl.jsonl", _record(title=["a", "b"])), "brief"),
    # malformed HTML
    Case("html-unclosed", _file("open.html", "<html><body><article><p>" + BODY + "<p>" + BODY + "<div><span>"), "either"),
    Case("html-empty-body", _file("blank.html", "<html><head><title>x</title></head><body></body></html>"), "reject", "no extractable article text"),
    Case("html-script-only", _file("js.html", "<html><body><script>" + "var a=1;" * 500 + "</script></body></html>"), "reject", "no extractable"),
    Case("html-nested-100k", _file("deep.html", "<div>" * 100_000 + BODY + "</div>" * 100_000), "either"),
    Case("html-nul-bytes", _file("nul.html", _page(BODY).replace("<p>", "<p>\x00", 1)), "either"),
    # feeds
    Case("rss-billion-laughs", _file("lol.rss", BILLION_LAUGHS), "either", "feed", text="lol9"),  # not expanded
    Case("rss-not-xml", _file("junk.rss", "this is not a feed at all"), "reject", "not a readable RSS/Atom feed"),
    Case("rss-entry-year-0001", _file("old.rss", _rss(f"<item><title>x</title><pubDate>Mon, 01 Jan 0001 00:00:00 GMT</pubDate><description>{BODY}</description></item>")), "brief"),
    Case("atom-entry-without-text", _file("empty.atom", "<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><title>H</title><entry><title>x</title><id>urn:1</id></entry></feed>"), "reject", "feed entry has no text"),
    Case("rss-truncated", _file("cut.rss", _rss(f"<item><title>Strike</title><description>{BODY}</description></item>")[:-30]), "either"),
    # WARC
    Case("warc-cut-in-4th-record", _file("crawl.warc", WARC4[:-200]), "reject", "truncated record", text="Report 2 of 4"),
    Case("warc-gz-cut", _file("crawl.warc.gz", WARC4_GZ[:-150]), "reject", "truncated record", text="Report 2 of 4"),
    Case("warc-garbage", _file("junk.warc", b"WARC/1.0\r\n" + _noise(500)), "reject", "WARC"),
    Case("warc-no-html", _file("pdfs.warc", _warc(1, ctype="application/pdf")), "reject", "no HTML response records"),
    # links, special files, permissions, names
    Case("symlink-out-of-folder", _symlink("passwd.txt", "/etc/passwd"), "reject", "outside the input folder"),
    Case("dangling-symlink", _symlink("gone.txt", "{folder}/missing.txt"), "reject", "dangling symbolic link"),
    Case("symlink-loop", _loop, "reject", "symbolic link loop"),
    Case("folder-link-loop", _folder_loop, "reject", "folder already read (symbolic link loop)"),
    Case("fifo-in-folder", _fifo, "reject", "a named pipe (FIFO)"),
    Case("fifo-named", _fifo_named, "reject", "a named pipe (FIFO)"),
    Case("unix-socket", _socket, "reject", "a socket"),
    Case("dev-null", _named("/dev/null"), "reject", "a character device"),
    Case("dev-zero", _named("/dev/zero"), "reject", "a character device"),
    Case("chmod-000-file", _chmod(0), "either", "permission denied"),
    Case("chmod-000-folder", _chmod(0, folder_too=True), "either", "permission denied"),
    Case("non-utf8-file-name", _odd_name(b"gr\xe8ve.txt"), "brief"),
    Case("control-chars-in-name", _odd_name(b"evil\x1b[31m\nname.txt"), "brief"),
    Case("deep-folder", _deep_folder, "brief"),
    Case("unsupported-suffix", _file("report.docx", "Strike\n\n" + BODY), "reject", "unsupported file type '.docx'"),
    Case("no-suffix", _file("README", "Strike\n\n" + BODY), "reject", "unsupported file type '(none)'"),
    Case("missing-path", _named("/nonexistent/corroborate-report.txt"), "reject", "no such file"),
    Case("folder-named-like-a-file", _file("x.txt/report.txt", "Strike\n\n" + BODY), "brief"),
    Case("stdin-binary", _named("-"), "reject", "PNG image", stdin=b"\x89PNG\r\n\x1a\n" + _noise(100)),
    Case("stdin-jsonl-deep", _named("-"), "reject", "nested 100000 levels", stdin=(_record(id="in") + _deep_json(100_000)).encode()),
]


def test_the_corpus_has_at_least_60_kinds() -> None:
    assert len(CASES) >= 60 and len({c.name for c in CASES}) == len(CASES)


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"case took over {seconds} s (a hang)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture(scope="module")
def fast_config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("config") / "fast.toml"
    path.write_text("[analyze]\nenabled = false\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_beside_a_good_report(
    case: Case, tmp_path: Path, fast_config: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "good").mkdir()
    (tmp_path / "good" / "good.txt").write_text(GOOD, encoding="utf-8")
    monkeypatch.setattr(records, "MAX_RECORDS", CORPUS_MAX_RECORDS)
    if case.stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(case.stdin)))
    try:
        with time_limit(CASE_SECONDS):
            args = case.make(tmp_path / "bad")
            rc = main(["brief", str(tmp_path / "good"), *args, "-f", "jsonl", "--config", str(fast_config)])
    finally:
        for path in tmp_path.rglob("*"):  # undo chmod 000 so the temporary folder can be removed
            if not path.is_symlink():
                path.chmod(0o755)
        while _SOCKETS:
            _SOCKETS.pop().close()
    out, err = capsys.readouterr()
    assert rc == 0, err
    assert "Traceback" not in err and "Error:" not in err.replace("URLError", "")
    briefed = [s for line in out.splitlines() for s in json.loads(line)["sources"]]
    texts = "\n".join(s["text"] for s in briefed)
    assert GOOD_MARK in texts, "the good report was not briefed"
    rejections = [line for line in err.splitlines() if line.startswith("corroborate: rejected ")]
    if case.expect == "reject":
        assert any(case.reason in line for line in rejections), rejections
        if case.text != MARK:  # the complete parts of a partly bad input are briefed
            assert case.text in texts
    elif case.expect == "brief":
        assert case.text in texts, rejections
    else:
        assert case.text in texts or rejections, "neither briefed nor rejected: dropped silently"
    for source in briefed:
        json.dumps(source, ensure_ascii=False).encode("utf-8")  # no lone surrogates reached the output
