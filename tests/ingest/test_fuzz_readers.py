"""Property tests of every reader: arbitrary bytes and JSON values never escape as an exception.

Each reader either returns reports and rejections or raises :class:`InputError` (the reason of a rejection);
every report that comes out has text, strings a UTF-8 writer accepts, and a date inside the accepted range.
"""

from __future__ import annotations

import gzip
import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corroborate.errors import InputError
from corroborate.ingest import read_paths
from corroborate.ingest.decode import decode_html, decode_text
from corroborate.ingest.feeds import read_feed_or_warc
from corroborate.ingest.fields import MAX_PUBLISHED, MIN_PUBLISHED
from corroborate.ingest.records import load_json, record_report
from corroborate.model import RawReport, Rejection

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
FIELDS = ["id", "text", "html", "title", "url", "outlet", "published", "story", "author"]
RECORDS = st.dictionaries(st.sampled_from(FIELDS), JSON_VALUES | st.text(min_size=1), max_size=9)
# Bytes that look like the formats (a prefix of the real thing) as well as noise.
PREFIXES = st.sampled_from(
    [b"", b"{", b"[", b"<html>", b"<?xml version='1.0'?><rss>", b"WARC/1.0\r\n", b"\xef\xbb\xbf", b"\xff\xfe"]
)
DATA = st.builds(lambda p, b: p + b, PREFIXES, st.binary(max_size=600))


def _check(report: RawReport) -> None:
    assert report.text.strip()
    for value in (report.id, report.location, report.text, report.title, report.outlet, report.story, report.url):
        if value is not None:
            assert isinstance(value, str)
            value.encode("utf-8")
    assert report.published is None or MIN_PUBLISHED <= report.published <= MAX_PUBLISHED


@FUZZ
@given(DATA)
def test_decoders_return_text_or_raise_input_error(data: bytes) -> None:
    for decode in (decode_text, decode_html):
        try:
            decoded = decode(data)
        except InputError:
            continue
        decoded.text.encode("utf-8")
        assert 0 < decoded.confidence <= 1


@FUZZ
@given(st.text(max_size=300) | st.builds(json.dumps, JSON_VALUES))
def test_load_json_returns_a_value_or_raises_input_error(text: str) -> None:
    try:
        load_json(text)
    except InputError:
        pass


@FUZZ
@given(JSON_VALUES | RECORDS)
def test_record_report_returns_a_report_or_raises_input_error(record: object) -> None:
    try:
        report = record_report(record, "fuzz.jsonl:1", "fuzz-1")
    except InputError:
        return
    assert isinstance(report, RawReport)


@FUZZ
@given(st.lists(RECORDS, max_size=4))
def test_jsonl_records_through_read_paths_come_out_clean(records: list[dict[str, object]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.jsonl"
        path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8", errors="surrogatepass")
        raws, rejected = read_paths([path])
    for raw in raws:
        _check(raw)
    assert len(raws) + len(rejected) >= (1 if records else 0)


@FUZZ
@given(DATA, st.sampled_from([".txt", ".html", ".json", ".jsonl", ".md", ".rss", ".atom", ".warc", ".warc.gz"]))
def test_any_bytes_with_any_suffix_give_reports_or_rejections(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_bytes(gzip.compress(data) if suffix == ".warc.gz" else data)
        raws, rejected = read_paths([path])
    for raw in raws:
        _check(raw)
    assert all(isinstance(r, Rejection) and r.reason for r in rejected)


@FUZZ
@given(DATA, st.sampled_from([".rss", ".warc", ".warc.gz"]))
def test_feed_and_warc_reader_never_raises(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_bytes(data)
        found = read_feed_or_warc(path)
    assert found and all(isinstance(item, RawReport | Rejection) for item in found)


ENTRY_KINDS = st.sampled_from(["file", "empty", "link-in", "link-out", "dangling", "fifo", "subfolder", "link-up"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ENTRY_KINDS, min_size=1, max_size=8))
def test_every_entry_of_a_folder_is_read_or_rejected(kinds: list[str]) -> None:
    """Nothing under a folder is dropped silently, and nothing outside it is read."""
    with tempfile.TemporaryDirectory() as outside, tempfile.TemporaryDirectory() as base:
        secret = Path(outside) / "secret.txt"
        secret.write_text("Outside secret\n\nThis text lives outside the input folder.", encoding="utf-8")
        root = Path(base) / "in"
        (root / "sub").mkdir(parents=True)
        expected = 0
        for n, kind in enumerate(kinds):
            path = root / "sub" / f"e{n}.txt" if n % 2 else root / f"e{n}.txt"
            if kind == "file":
                path.write_text(f"Report {n}\n\nThe river rose {n} metres overnight, officials said.", encoding="utf-8")
            elif kind == "empty":
                path.write_bytes(b"")
            elif kind == "link-in":
                target = root / f"t{n}.txt"
                target.write_text(f"Target {n}\n\nA report reached through a link, number {n}.", encoding="utf-8")
                path.symlink_to(target)
                expected += 1  # the target itself is an entry too
            elif kind == "link-out":
                path.symlink_to(secret)
            elif kind == "dangling":
                path.symlink_to(root / f"missing{n}.txt")
            elif kind == "fifo":
                os.mkfifo(path)
            elif kind == "subfolder":
                path.mkdir()
                continue  # an empty folder holds no input
            elif kind == "link-up":
                path.symlink_to(root, target_is_directory=True)
            expected += 1
        raws, rejected = read_paths([root])
    assert len(raws) + len(rejected) == expected
    assert all("Outside secret" not in r.text for r in raws)
