"""Screenshots of the desk and of the static HTML for docs/ (``make screenshots``, after ``make demo``).

Serves ``out/demo.db`` (the database ``make demo`` ingests from ``examples/``) on loopback, opens the stories page
and the story with the most outlets in Debian's Chromium (Playwright), clicks its first summary citation so the
cited source shows with the supporting span highlighted, and does the same in ``out/briefing.html``. Writes
``docs/screenshots/{stories,story,citation,static-html}.png``. Nothing leaves the machine: the pages request only the
loopback desk and the local file.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ARGS = ["--headless", "--no-sandbox", "--disable-gpu"]


def _serve(db: Path) -> tuple[str, object, threading.Thread]:
    import uvicorn

    from corroborate.web.app import create_app

    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise SystemExit("the desk did not start on loopback")
        time.sleep(0.05)
    port = srv.servers[0].sockets[0].getsockname()[1]
    return f"http://127.0.0.1:{port}", srv, thread


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=REPO / "out" / "demo.db")
    ap.add_argument("--html", type=Path, default=REPO / "out" / "briefing.html")
    ap.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    ap.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    args = ap.parse_args()
    for need in (args.db, args.html):
        if not need.exists():
            print(f"{need} is missing: run `make demo` first", file=sys.stderr)
            return 2
    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    base, srv, thread = _serve(args.db)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=args.chromium, args=ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 860}, device_scale_factor=1)
            stories = page.request.get(base + "/api/stories").json()
            page.goto(base + "/stories")
            deadline = time.monotonic() + 300  # the badges arrive by htmx as each story is briefed
            while page.locator(".badge.pending").count() and time.monotonic() < deadline:
                time.sleep(0.5)
            page.screenshot(path=str(args.out / "stories.png"))
            story = max(stories, key=lambda s: (len(s["sources"]), s["id"]))
            page.goto(f"{base}/stories/{story['id']}")
            page.wait_for_selector("#summary a.cite")
            page.screenshot(path=str(args.out / "story.png"))
            page.locator("#summary a.cite").first.click()
            page.wait_for_selector("#pane mark#hl")
            page.screenshot(path=str(args.out / "citation.png"))
            page.goto(args.html.resolve().as_uri())
            page.locator("[id$='-summary'] sup a").first.click()
            page.wait_for_selector(".passage:target mark")
            page.screenshot(path=str(args.out / "static-html.png"))
            browser.close()
    finally:
        srv.should_exit = True  # type: ignore[attr-defined]
        thread.join(timeout=10)
    for name in ("stories", "story", "citation", "static-html"):
        print(args.out / f"{name}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
