"""The desk's routes through FastAPI's TestClient: pages, API (validated against the CLI's schemas), escaping of
hostile report text, the security headers and the upload bounds."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from fastapi.testclient import TestClient

from corroborate.render.schema import DOCUMENT_SCHEMA, STORIES_SCHEMA
from corroborate.web.app import create_app
from corroborate.web.security import CSP
from web.desk_data import FERRY, HOSTILE, HOSTILE_OUTLET, HOSTILE_URL


def _story_id(client: TestClient, outlet: str) -> str:
    for story in client.get("/api/stories").json():
        if outlet in story["sources"]:
            return str(story["id"])
    raise AssertionError(f"no story with outlet {outlet!r}")


class _Tags(HTMLParser):
    """Every start tag and its attributes, as a browser's tokenizer sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def _assert_inert(page: str) -> None:
    """No markup from a report survives as markup: no script element but the vendored htmx, no event-handler
    attribute, no javascript: link, no element a report brought (img, iframe, object)."""
    parser = _Tags()
    parser.feed(page)
    scripts = [dict(attrs).get("src") for tag, attrs in parser.tags if tag == "script"]
    assert scripts == ["/static/vendor/htmx/htmx.min.js"], scripts
    for tag, attrs in parser.tags:
        assert tag not in ("img", "iframe", "object", "embed", "base"), tag
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name, value)
            if name in ("href", "src", "action", "hx-get", "hx-post"):
                assert not (value or "").strip().lower().startswith("javascript:"), (tag, name, value)


def test_api_stories_is_the_cli_list(client: TestClient, desk_db: Path) -> None:
    from corroborate.store import Store

    got = client.get("/api/stories")
    assert got.status_code == 200 and got.headers["content-type"].startswith("application/json")
    jsonschema.validate(got.json(), STORIES_SCHEMA)
    store = Store.for_reading(desk_db)
    try:
        assert got.json() == json.loads(json.dumps(store.stories()))
    finally:
        store.close()
    assert {s["id"] for s in got.json()} >= {"evil-story"}


def test_api_stories_filters(client: TestClient) -> None:
    ferry = client.get("/api/stories", params={"q": "ferry"}).json()
    assert ferry and all("Harbour Ledger" in s["sources"] or "Vessa Courier" in s["sources"] for s in ferry)
    assert client.get("/api/stories", params={"outlet": "vessa courier"}).json()[0]["id"] == ferry[0]["id"]
    assert client.get("/api/stories", params={"since": "2032-01-01"}).json() == []
    assert client.get("/api/stories", params={"since": "April 2031"}).status_code == 422


def test_api_story_is_show_json(client: TestClient, desk_db: Path) -> None:
    from corroborate.config import Config
    from corroborate.pipeline import brief_stored
    from corroborate.store import Store

    sid = _story_id(client, "Harbour Ledger")
    got = client.get(f"/api/stories/{sid}")
    assert got.status_code == 200
    body = got.json()
    jsonschema.validate(body, DOCUMENT_SCHEMA)
    store = Store.for_reading(desk_db)
    try:
        expected = brief_stored(store, sid, Config())
    finally:
        store.close()
    assert body["story"] == expected["story"] and body["summary"] == expected["summary"]
    assert client.get("/api/stories/no-such-story").status_code == 404


def test_stories_page(client: TestClient) -> None:
    page = client.get("/stories")
    assert page.status_code == 200
    text = page.text
    assert "Ferry fire" in text or "ferry" in text.lower()
    assert "hx-get=\"/stories/evil-story/badge\"" in text or "sources disagree" in text
    partial = client.get("/stories", params={"q": "ferry"}, headers={"HX-Request": "true", "HX-Target": "story-rows"})
    assert partial.status_code == 200 and partial.text.lstrip().startswith('<div id="story-rows"')
    assert "Dunmere" not in partial.text
    assert "No story matches" in client.get("/stories", params={"q": "zeppelin"}).text
    bad = client.get("/stories", params={"since": "yesterday"})
    assert bad.status_code == 422 and "YYYY-MM-DD" in bad.text and bad.headers["content-type"].startswith("text/html")
    missing = client.get("/stories/no-such-story")
    assert missing.status_code == 404 and "no story" in missing.text


def test_stories_paging(tmp_path: Path) -> None:
    from corroborate.stream import run_ingest

    records = [
        {"id": f"r{i}", "story": f"s{i:02d}", "outlet": "Paging Post", "published": f"2031-01-{i + 1:02d}",
         "title": f"Town {i} opens a library", "text": f"The town of Velmar {i} opened a new library on Monday."}
        for i in range(25)
    ]
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "many.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    run_ingest([tmp_path / "in"], tmp_path / "p.db", progress=False)
    with TestClient(create_app(tmp_path / "p.db")) as c:
        first, second = c.get("/stories").text, c.get("/stories", params={"page": 2}).text
        assert "page 1 of 2" in first and "page 2 of 2" in second
        assert first.count('class="story-row"') == 20 and second.count('class="story-row"') == 5
        assert "Town 24 opens" in first and "Town 0 opens" in second  # newest first
        oldest = c.get("/stories", params={"sort": "oldest"}).text
        assert oldest.index("Town 0 opens") < oldest.index("Town 1 opens")


def test_badge_marks_disagreement(client: TestClient) -> None:
    sid = _story_id(client, "Harbour Ledger")
    briefing = client.get(f"/api/stories/{sid}").json()
    badge = client.get(f"/stories/{sid}/badge").text
    disputed = any(c["disputed"] for c in briefing["claims"])
    assert ("sources disagree" in badge) == disputed


def test_story_page_sections_and_citations(client: TestClient) -> None:
    sid = _story_id(client, "Harbour Ledger")
    briefing = client.get(f"/api/stories/{sid}").json()
    page = client.get(f"/stories/{sid}").text
    if any(c["disputed"] for c in briefing["claims"]):
        assert page.index("Where sources disagree") < page.index("<h2>Summary</h2>")
    assert "<h2>Sources</h2>" in page
    assert 'href="https://ledger.example/ferry-fire"' in page and "Mira Tallow" in page
    cite = re.search(r'class="cite" href="([^"]+)"', page)
    assert cite, "the summary cites its sources"
    url = html.unescape(cite.group(1)).split("#")[0]
    source = client.get(url)
    assert source.status_code == 200 and '<mark id="hl">' in source.text
    partial = client.get(url, headers={"HX-Request": "true"})
    assert partial.text.lstrip().startswith('<div class="source-view">')


def test_citation_highlights_the_supporting_span(client: TestClient) -> None:
    sid = _story_id(client, "Harbour Ledger")
    briefing = client.get(f"/api/stories/{sid}").json()
    item = briefing["summary"][0]
    span = item["spans"][0]
    page = client.get(f"/stories/{sid}/sources/{span['source']}", params={"item": "summary-0"}).text
    marked = html.unescape(re.search(r'<mark id="hl">(.*?)</mark>', page, flags=re.S).group(1))
    assert marked == span["text"]


def test_hostile_story_is_inert(client: TestClient) -> None:
    for path in ("/stories", "/stories/evil-story", "/stories/evil-story/sources/evil-1?item=summary-0",
                 "/stories/evil-story/sources/evil-2", "/stories?q=dunmere"):
        response = client.get(path)
        assert response.status_code == 200, path
        _assert_inert(response.text)
        assert response.headers["content-security-policy"] == CSP
    page = client.get("/stories/evil-story").text
    assert html.escape(HOSTILE, quote=False) in page or "&lt;script&gt;" in page
    assert "Evil Times" in page and "&lt;img" in page
    assert HOSTILE_URL not in page.replace("&#39;", "'")  # the javascript: URL is never shown as a link
    api = client.get("/api/stories/evil-story").json()
    assert api["sources"][0]["url"] is None or api["sources"][0]["url_rejected"]
    assert any(s["outlet"] == HOSTILE_OUTLET for s in api["sources"])  # the data itself is kept exactly


def test_security_headers_everywhere(client: TestClient) -> None:
    for path in ("/stories", "/brief", "/docs", "/api/stories", "/static/desk.css", "/no-such-page",
                 "/static/vendor/htmx/htmx.min.js"):
        response = client.get(path)
        csp = response.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp and "default-src 'none'" in csp
        assert response.headers["x-content-type-options"] == "nosniff"


def test_no_external_requests(client: TestClient) -> None:
    """Pages load nothing from another origin: every src/href to a resource is a path on the desk."""
    sid = _story_id(client, "Harbour Ledger")
    for path in ("/stories", f"/stories/{sid}", "/brief", "/docs"):
        page = client.get(path).text
        for attr in re.findall(r'<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)="([^"]*)"', page):
            assert attr.startswith("/"), (path, attr)
    htmx = client.get("/static/vendor/htmx/htmx.min.js")
    assert htmx.status_code == 200 and "htmx" in htmx.text


def test_docs_and_openapi(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/api/stories", "/api/stories/{story_id}", "/api/brief"} <= set(spec["paths"])
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/brief" in docs.text and "cdn" not in docs.text.lower()


def _brief(client: TestClient, path: str, **kw: Any) -> Any:
    return client.post(path, **kw)


def test_api_brief_files_and_texts(client: TestClient) -> None:
    files = [("files", (f"{r['id']}.txt", f"{r['title']}\n\n{r['text']}".encode(), "text/plain")) for r in FERRY]
    got = client.post("/api/brief", files=files, data={"one_story": "true"})
    assert got.status_code == 200, got.text
    body = got.json()
    jsonschema.validate(body, DOCUMENT_SCHEMA)
    assert isinstance(body, list) and len(body) == 1 and body[0]["story"]["articles"] == 3
    assert all(not s["location"].startswith("/") for s in body[0]["sources"])  # no server paths shown


def test_api_brief_rejections_as_cli(client: TestClient) -> None:
    files = [
        ("files", ("report.txt", b"Dunmere council meets\n\nThe council of Dunmere met on Monday to pick a mayor.",
                   "text/plain")),
        ("files", ("image.png", b"\x89PNG\r\n", "image/png")),
    ]
    body = client.post("/api/brief", files=files).json()
    rejected = body[0]["rejected"]
    assert [r["location"] for r in rejected] == ["image.png"]
    assert "unsupported file type" in rejected[0]["reason"]
    nothing = client.post("/api/brief", files=[files[1]])
    assert nothing.status_code == 422 and "image.png" in nothing.text
    assert client.post("/api/brief", data={"texts": "  "}).status_code == 422


def test_upload_bounds(desk_db: Path) -> None:
    with TestClient(create_app(desk_db, max_body=5_000)) as small:
        big = small.post("/api/brief", files=[("files", ("big.txt", b"word " * 5_000, "text/plain"))])
        assert big.status_code == 413
        assert "content-security-policy" in big.headers
        page = small.post("/brief", data={"texts": "x" * 6_000})
        assert page.status_code == 413
    from corroborate.config import Config

    with TestClient(create_app(desk_db, Config(max_input_bytes=100))) as capped:
        text = "The council of Dunmere met on Monday to pick a mayor. " * 5
        files = [("files", ("long.txt", text.encode(), "text/plain")),
                 ("files", ("short.txt", b"Dunmere vote\n\nThe vote is on Friday.", "text/plain"))]
        body = capped.post("/api/brief", files=files).json()
        assert [r["location"] for r in body[0]["rejected"]] == ["long.txt"]
    with TestClient(create_app(desk_db)) as c:
        many = [("files", (f"f{i}.txt", b"A short text.", "text/plain")) for i in range(51)]
        assert c.post("/api/brief", files=many).status_code == 413


def test_brief_page_paste_and_result(client: TestClient) -> None:
    form = client.get("/brief").text
    assert 'enctype="multipart/form-data"' in form and 'name="texts"' in form and 'name="files"' in form
    more = client.get("/brief/paste-box", params={"n": 2}).text
    assert "Report 3" in more and "paste-box?n=3" in more
    assert client.get("/brief/paste-box", params={"n": 50}).status_code == 422
    texts = [f"{r['title']}\n\n{r['text']}" for r in EVIL_TEXTS]
    result = client.post("/brief", data={"texts": texts, "one_story": "true"})
    assert result.status_code == 200, result.text
    _assert_inert(result.text)
    cite = re.search(r'class="cite" href="([^"]+)"', result.text)
    assert cite and cite.group(1).startswith("/briefs/")
    source = client.get(html.unescape(cite.group(1)).split("#")[0])
    assert source.status_code == 200 and "<mark" in source.text
    empty = client.post("/brief", data={"texts": ""})
    assert empty.status_code == 422 and "nothing to brief" in empty.text


def test_brief_page_stores_when_asked(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    from corroborate.store import Store

    Store(db).close()  # an empty database: the desk stores into it
    with TestClient(create_app(db)) as c:
        text = "Dunmere council meets\n\nThe council of Dunmere met on Monday to pick a new mayor, officials said."
        page = c.post("/brief", data={"texts": text, "store": "true"})
        assert page.status_code == 200 and "Stored in the database" in page.text
        assert len(c.get("/api/stories").json()) == 1  # and the stories page sees it at once


EVIL_TEXTS = [
    {"title": f"Dunmere mayor resigns {HOSTILE}",
     "text": "The mayor of Dunmere resigned on Monday, the council said. <img src=x onerror=alert(1)>"},
    {"title": "Dunmere mayor steps down", "text": "The mayor of Dunmere resigned on Monday, the town council said."},
]


@pytest.mark.parametrize("host,loopback", [("127.0.0.1", True), ("localhost", True), ("::1", True),
                                            ("127.0.0.2", True), ("0.0.0.0", False), ("192.0.2.7", False)])
def test_bind_warning(host: str, loopback: bool) -> None:
    from corroborate.web.serve import bind_warning

    assert (bind_warning(host) is None) == loopback


def test_desk_sees_what_ingest_adds(tmp_path: Path) -> None:
    """The desk reads the database per request: a story ingested while it runs is listed at once, and a story
    that grows is briefed again (the cached briefing is keyed by the story's reports)."""
    from corroborate.stream import run_ingest

    def record(i: int, story: str) -> str:
        return json.dumps({"id": f"g{i}", "story": story, "outlet": f"Outlet {i}", "published": "2031-02-0{i}",
                           "title": "Gallery reopens in Velmar",
                           "text": f"The Velmar gallery reopened on Monday after a fire, its director said ({i})."})

    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.jsonl").write_text(record(1, "gallery") + "\n")
    db = tmp_path / "live.db"
    run_ingest([tmp_path / "a"], db, progress=False)
    with TestClient(create_app(db)) as c:
        assert c.get("/api/stories/gallery").json()["story"]["articles"] == 1
        (tmp_path / "b").mkdir()
        (tmp_path / "b" / "two.jsonl").write_text(record(2, "gallery") + "\n" + record(3, "other") + "\n")
        run_ingest([tmp_path / "b"], db, progress=False)
        assert {s["id"] for s in c.get("/api/stories").json()} == {"gallery", "other"}
        assert c.get("/api/stories/gallery").json()["story"]["articles"] == 2
        assert "Outlet 2" in c.get("/stories/gallery").text
