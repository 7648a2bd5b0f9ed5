"""Ingest: encodings, binary/empty/oversized rejection, HTML and JSON records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corroborate.errors import InputError
from corroborate.ingest import read_paths
from corroborate.ingest.decode import decode_bytes

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
TEXT = "Cafés in Tarvé reopened on Monday.\nThe mayor, Zoë Marchetti, said “calm” had returned — for now.\n"


def _mixed_folder(folder: Path) -> Path:
    folder.mkdir()
    (folder / "photo.png").write_bytes(PNG)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "huge.txt").write_bytes(b"word " * 1_200_000)  # 6 MB
    (folder / "latin1.txt").write_bytes("Headline in Tarvé\n\nLe café de Zoë a rouvert lundi.\n".encode("latin-1"))
    (folder / "cp1252.txt").write_bytes(
        "Quote day\n\n\u201cWe stay,\u201d said the mayor \u2014 again.\n".encode("cp1252")
    )
    (folder / "utf16.txt").write_bytes(TEXT.encode("utf-16"))
    return folder


def test_mixed_folder_reads_text_and_rejects_the_rest_with_reasons(tmp_path: Path) -> None:
    raws, rejected = read_paths([_mixed_folder(tmp_path / "in")])
    by_id = {r.id: r for r in raws}
    assert sorted(by_id) == ["cp1252", "latin1", "utf16"]
    assert "Le café de Zoë a rouvert lundi." in by_id["latin1"].text
    assert "\u201cWe stay,\u201d said the mayor \u2014 again." in by_id["cp1252"].text
    assert by_id["utf16"].text.startswith("Cafés in Tarvé")
    reasons = {Path(r.location).name: r.reason for r in rejected}
    assert set(reasons) == {"photo.png", "empty.txt", "huge.txt"}
    assert "PNG" in reasons["photo.png"]
    assert "empty" in reasons["empty.txt"]
    assert "too large" in reasons["huge.txt"] and "6.0 MB" in reasons["huge.txt"]


def test_utf16_without_bom_and_utf8_bom() -> None:
    assert decode_bytes(TEXT.encode("utf-16-le"))[0] == TEXT
    assert decode_bytes(TEXT.encode("utf-16-be"))[0] == TEXT
    assert decode_bytes(b"\xef\xbb\xbf" + TEXT.encode("utf-8"))[0] == TEXT


@pytest.mark.parametrize("data", [b"", b"   \n\t", b"\x00\x01\x02\x03" * 50, b"%PDF-1.7 ..."])
def test_unusable_bytes_raise_input_error(data: bytes) -> None:
    with pytest.raises(InputError):
        decode_bytes(data)


def test_jsonl_records_story_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps(
            {
                "id": "r1",
                "text": "One report. It says things.",
                "outlet": "Tarvé Post",
                "published": "2026-05-02",
                "story": "s-a",
            }
        ),
        "{not json",
        json.dumps({"id": "r2", "title": "No body"}),
        json.dumps(
            {
                "id": "r3",
                "html": "<html><body><article><p>Body of an HTML record that is long enough to"
                " be kept by the extractor, surely, with several words.</p></article></body></html>",
            }
        ),
        json.dumps(["a list"]),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    raws, rejected = read_paths([path])
    assert [r.id for r in raws] == ["r1", "r3"]
    assert raws[0].story == "s-a" and raws[0].outlet == "Tarvé Post" and str(raws[0].published) == "2026-05-02"
    assert "Body of an HTML record" in raws[1].text
    assert [r.location.rsplit(":", 1)[1] for r in rejected] == ["2", "3", "5"]
    assert "invalid JSON" in rejected[0].reason and "neither" in rejected[1].reason


def test_duplicate_ids_are_rejected_not_merged(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "same.txt").write_text("Headline\n\nFirst body.\n", encoding="utf-8")
    (tmp_path / "b" / "same.txt").write_text("Headline\n\nSecond body.\n", encoding="utf-8")
    raws, rejected = read_paths([tmp_path])
    assert len(raws) == 1 and len(rejected) == 1 and "duplicate id" in rejected[0].reason


def test_html_metadata_through_trafilatura(tmp_path: Path) -> None:
    page = """<html><head><title>Dam talks stall | Vellmark Courier</title>
    <meta property="og:site_name" content="Vellmark Courier"><meta name="author" content="Ilse Brandt">
    <meta property="article:published_time" content="2026-04-11T08:00:00Z"></head><body>
    <nav><a href="/">Home</a> | <a href="/w">World</a></nav>
    <article><h1>Dam talks stall</h1><p>Negotiators from Vellmark and Osterra failed to agree on water quotas on Friday, officials said.</p>
    <p>The talks will resume next month in the border town of Krell, according to the mediators.</p></article>
    <footer>© 2026 Vellmark Courier</footer></body></html>"""
    (tmp_path / "courier.html").write_text(page, encoding="utf-8")
    raws, rejected = read_paths([tmp_path])
    assert not rejected
    raw = raws[0]
    assert raw.outlet == "Vellmark Courier" and raw.author == "Ilse Brandt" and str(raw.published) == "2026-04-11"
    assert "failed to agree on water quotas" in raw.text and "Home" not in raw.text
