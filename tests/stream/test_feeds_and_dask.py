"""RSS/Atom and WARC readers, and the Dask engine giving the same stories as the single process."""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from corroborate.ingest.feeds import read_feed_or_warc
from corroborate.model import RawReport, Rejection
from corroborate.store import Store
from corroborate.stream import run_ingest
from corroborate.stream.engine import open_client

RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Ledger</title>
<item><title>Orvane floods Velstad</title><link>https://ledger.example/flood</link>
<pubDate>Tue, 03 Jun 2031 08:00:00 GMT</pubDate>
<description>&lt;p&gt;The Orvane river flooded Velstad overnight, mayor Ilsa Kovell said.&lt;/p&gt;</description></item>
<item><title>Empty</title><link>https://ledger.example/empty</link></item>
</channel></rss>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Harbor Signal</title>
<entry><title>Dock strike</title><id>urn:hs:1</id><updated>2031-06-04T10:00:00Z</updated>
<content type="text">Dock workers in Marrow Bay walked out over wages.</content></entry></feed>"""
PAGE = (
    "<html><head><title>Quillon museum vault emptied</title></head><body><article><h1>Quillon museum vault "
    "emptied</h1>"
    + "".join(
        f"<p>Thieves emptied the vault of the Quillon museum, detective Petra Sorrel "
        f"said in statement number {i}, adding that the alarm never sounded.</p>"
        for i in range(6)
    )
    + "</article></body></html>"
)


def _warc(path: Path) -> None:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            "https://signal.example/heist",
            "response",
            payload=io.BytesIO(PAGE.encode("utf-8")),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": "2031-06-05T09:00:00Z"},
        )
        writer.write_record(record)
        writer.write_record(
            writer.create_warc_record(
                "https://signal.example/", "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
            )
        )


def test_rss_entries_become_reports_and_empty_entries_are_rejected(tmp_path: Path) -> None:
    (tmp_path / "ledger.rss").write_text(RSS, encoding="utf-8")
    found = read_feed_or_warc(tmp_path / "ledger.rss")
    report, rejection = found
    assert isinstance(report, RawReport) and isinstance(rejection, Rejection)
    assert report.outlet == "Valley Ledger" and report.published is not None and report.published.day == 3
    assert "Orvane river flooded Velstad" in report.text and "<p>" not in report.text
    assert "no text" in rejection.reason


def test_atom_and_warc_and_unreadable_feed(tmp_path: Path) -> None:
    (tmp_path / "signal.atom").write_text(ATOM, encoding="utf-8")
    (atom,) = read_feed_or_warc(tmp_path / "signal.atom")
    assert isinstance(atom, RawReport) and atom.title == "Dock strike" and atom.outlet == "Harbor Signal"
    _warc(tmp_path / "crawl.warc.gz")
    (page,) = read_feed_or_warc(tmp_path / "crawl.warc.gz")
    assert isinstance(page, RawReport) and "Petra Sorrel" in page.text
    assert page.url == "https://signal.example/heist" and page.outlet == "signal.example"
    (tmp_path / "junk.xml").write_text("<notafeed/>", encoding="utf-8")
    (bad,) = read_feed_or_warc(tmp_path / "junk.xml")
    assert isinstance(bad, Rejection) and "feed" in bad.reason


def test_dask_engine_yields_the_same_stories(small_stream: Path, tmp_path: Path) -> None:
    run_ingest([small_stream], tmp_path / "local.db", batch_size=30, progress=False)
    client = open_client(None, workers=2, processes=False)
    try:
        run_ingest([small_stream], tmp_path / "dask.db", engine="dask", client=client, batch_size=30, progress=False)
    finally:
        client.close()
    local, dask = Store(tmp_path / "local.db"), Store(tmp_path / "dask.db")
    assert local.stories() == dask.stories()
    local.close()
    dask.close()
