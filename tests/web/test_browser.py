"""The desk in a real browser: Playwright driving Debian's Chromium (``/usr/bin/chromium``) against a desk served
by uvicorn on loopback (127.0.0.1, a free port) for the duration of the module.

Skipped, with the reason shown, where Playwright or Chromium is absent (Playwright's own browser download needs
the network; Debian's package is used instead: ``apt-get install -y chromium``).
"""

from __future__ import annotations

import json
import os
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

# CORROBORATE_CHROMIUM names another Chromium binary (or, set to a missing path, shows the skip).
CHROMIUM = os.environ.get("CORROBORATE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
if not Path(CHROMIUM).exists():
    pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install -y chromium); browser tests skipped",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed (pip install playwright)")

from corroborate.render.schema import DOCUMENT_SCHEMA, STORIES_SCHEMA  # noqa: E402
from web.desk_data import FERRY  # noqa: E402

ARGS = ["--headless", "--no-sandbox", "--disable-gpu"]


@pytest.fixture(scope="module")
def server(desk_db: Path) -> Iterator[str]:
    import uvicorn

    from corroborate.web.app import create_app

    config = uvicorn.Config(create_app(desk_db), host="127.0.0.1", port=0, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the desk did not start on loopback")
        time.sleep(0.05)
    port = srv.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        try:
            b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        except Exception as exc:  # noqa: BLE001 - a Chromium that cannot start here is a skip, said why
            pytest.skip(f"Chromium at {CHROMIUM} does not start: {exc}")
        yield b
        b.close()


class Watched:
    """A page that records dialogs (an alert() from a report would open one), CSP reports in the console and
    every request's URL."""

    def __init__(self, browser: Any, base: str) -> None:
        self.page = browser.new_page()
        self.base = base
        self.dialogs: list[str] = []
        self.console: list[str] = []
        self.requests: list[str] = []
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("console", lambda m: self.console.append(m.text))
        self.page.on("request", lambda r: self.requests.append(r.url))

    def goto(self, path: str) -> Any:
        self.page.goto(self.base + path)
        return self.page

    def assert_clean(self) -> None:
        assert self.dialogs == [], f"a report's script ran: {self.dialogs}"
        violations = [m for m in self.console if "Content Security Policy" in m]
        assert violations == [], violations  # the desk's own pages need nothing the policy forbids
        assert all(u.startswith(self.base) for u in self.requests), [u for u in self.requests
                                                                     if not u.startswith(self.base)]
        self.page.close()


@pytest.fixture
def watched(browser: Any, server: str) -> Iterator[Watched]:
    w = Watched(browser, server)
    yield w
    w.assert_clean()


def _ferry_id(watched: Watched) -> str:
    stories = watched.page.request.get(watched.base + "/api/stories").json()
    return next(s["id"] for s in stories if "Harbour Ledger" in s["sources"])


def test_stories_list_and_search(watched: Watched) -> None:
    page = watched.goto("/stories")
    rows = page.locator("tr.story-row")
    assert rows.count() == 2
    page.locator("input[name=q]").fill("ferry")
    page.locator("form.filters button[type=submit]").click()
    sync_api.expect(rows).to_have_count(1)  # the rows are swapped in by htmx
    assert "ferry" in page.locator("tr.story-row a.headline").inner_text().lower()
    assert "q=ferry" in page.url  # the search is in the address, so it can be shared and reloaded
    badge = page.locator("tr.story-row .badge:not(.pending)")
    badge.wait_for(timeout=90_000)  # the disagreement badge arrives by htmx once the story is briefed
    assert badge.inner_text() in ("sources disagree", "no disagreement found")


def test_story_page_citation_highlights_span(watched: Watched) -> None:
    sid = _ferry_id(watched)
    briefing = watched.page.request.get(f"{watched.base}/api/stories/{sid}").json()
    page = watched.goto(f"/stories/{sid}")
    assert page.locator("h2", has_text="Summary").count() == 1
    order = [s["id"] for s in briefing["sources"]]
    disputed = [c for c in briefing["claims"] if c["disputed"]]
    if disputed:  # a disputed value opens where its first source says it
        value = disputed[0]["values"][0]
        source = min(value["sources"], key=order.index)
        page.locator("#disagree a.value").first.click()
        sync_api.expect(page.locator("#pane h2")).to_contain_text(f"[{order.index(source) + 1}]")
        assert value["text"] in page.locator("#pane mark").all_inner_texts()
    first = briefing["summary"][0]
    source = min(first["sources"], key=order.index)
    span = next(s for s in first["spans"] if s["source"] == source)
    page.locator("#summary a.cite").first.click()
    sync_api.expect(page.locator("#pane mark#hl")).to_have_text(span["text"])
    assert page.url.endswith(f"/stories/{sid}")  # opened in the pane, the story stays on screen
    original = page.locator("#sources a.original").first.get_attribute("href")
    assert original is not None and original.startswith("https://")


def test_hostile_pages_run_no_script(watched: Watched) -> None:
    for path in ("/stories", "/stories/evil-story", "/stories/evil-story/sources/evil-1?item=summary-0"):
        page = watched.goto(path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("typeof htmx") == "object"  # the desk's own script runs ...
        assert page.locator("img").count() == 0  # ... no element from a report exists
        assert "Evil Times" in page.content()
    page = watched.goto("/stories/evil-story")
    for link in page.locator("a").all():
        assert not (link.get_attribute("href") or "").lower().startswith("javascript:")


def test_brief_page_with_upload(watched: Watched, tmp_path: Path) -> None:
    files = []
    for record in FERRY:
        path = tmp_path / f"{record['id']}.txt"
        path.write_text(f"{record['title']}\n\n{record['text']}", encoding="utf-8")
        files.append(str(path))
    page = watched.goto("/brief")
    page.locator("#more-box").click()
    sync_api.expect(page.locator("textarea[name=texts]")).to_have_count(3)
    page.locator("#more-box").click()
    sync_api.expect(page.locator("textarea[name=texts]")).to_have_count(4)
    assert "Report 4" in page.locator("label.paste").nth(3).inner_text()
    page.locator("input[name=files]").set_input_files(files)
    page.locator("input[name=one_story]").check()
    page.locator("form button[type=submit]").click()
    page.wait_for_selector("article.story h1")
    assert "3 reports" in page.locator("article.story .meta").inner_text()
    page.locator("#summary a.cite").first.click()
    page.wait_for_selector("#pane mark")


def test_api_responses_match_the_schemas(watched: Watched) -> None:
    request = watched.page.request
    stories = request.get(watched.base + "/api/stories")
    assert stories.ok
    jsonschema.validate(stories.json(), STORIES_SCHEMA)
    for story in stories.json():
        jsonschema.validate(request.get(f"{watched.base}/api/stories/{story['id']}").json(), DOCUMENT_SCHEMA)
    upload = request.post(
        watched.base + "/api/brief",
        multipart={"files": {"name": "a.txt", "mimeType": "text/plain",
                             "buffer": f"{FERRY[0]['title']}\n\n{FERRY[0]['text']}".encode()}},
    )
    assert upload.ok, upload.text()
    jsonschema.validate(json.loads(upload.text()), DOCUMENT_SCHEMA)
    docs = watched.goto("/docs")
    assert docs.locator("h2", has_text="/api/brief").count() == 1


def test_static_html_citation_opens_the_highlighted_passage(browser: Any, tmp_path: Path) -> None:
    """The self-contained ``--format html`` file: a citation opens the cited source's passage with the
    supporting words marked (CSS only, no script), beside the link to the original article; the hostile
    story's file runs nothing and requests nothing."""
    from corroborate import brief_paths
    from corroborate.render import render
    from web.desk_data import write_reports

    folder = write_reports(tmp_path / "reports")
    briefings = {b["story"]["headline"]: b for b in brief_paths([folder], one_story=False).briefings}
    ferry = next(b for h, b in briefings.items() if "erry" in (h or ""))
    page_file = tmp_path / "ferry.html"
    page_file.write_text(render([ferry], "html"), encoding="utf-8")
    page = browser.new_page()
    requests: list[str] = []
    dialogs: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(page_file.as_uri())
    order = [s["id"] for s in ferry["sources"]]
    first = ferry["summary"][0]
    source = min(first["sources"], key=order.index)
    span = next(s for s in first["spans"] if s["source"] == source)
    passages = page.locator(".passage")
    assert passages.count() > 0
    assert all(not p.is_visible() for p in passages.all())  # hidden until a citation opens one
    page.locator("#s0-summary sup a").first.click()
    shown = page.locator(".passage:visible")
    sync_api.expect(shown).to_have_count(1)
    assert span["text"] in shown.locator("mark").all_inner_texts()
    assert f"[{order.index(source) + 1}]" in shown.locator(".nav").first.inner_text()
    original = shown.locator("a[rel~=noopener]").first.get_attribute("href")
    assert original is not None and original == ferry["sources"][order.index(source)]["url"]
    shown.locator("a", has_text="back to the line").click()
    sync_api.expect(page.locator(".passage:visible")).to_have_count(0)
    evil = next(b for b in briefings.values() if b is not ferry)
    evil_file = tmp_path / "evil.html"
    evil_file.write_text(render([evil], "html"), encoding="utf-8")
    page.goto(evil_file.as_uri())
    for link in page.locator("sup a").all():
        link.click()
    assert page.locator("img, script").count() == 0
    assert dialogs == []
    assert all(u.startswith("file://") for u in requests), requests
    page.close()
