"""Fictional reports for the desk tests: a ferry fire told by three outlets who disagree on the toll, and a
hostile story whose headline, outlet, author, URL and text are markup and script."""

from __future__ import annotations

import json
from pathlib import Path

HOSTILE = "<script>alert('xss')</script>"
HOSTILE_OUTLET = '<img src=x onerror="alert(1)">Evil Times'
HOSTILE_URL = "javascript:alert(document.cookie)"

FERRY = [
    {
        "id": "harbour-1",
        "outlet": "Harbour Ledger",
        "author": "Mira Tallow",
        "url": "https://ledger.example/ferry-fire",
        "published": "2031-04-12",
        "title": "Ferry fire off Cape Orrin kills 12",
        "text": "A fire broke out on the passenger ferry Santa Vell off Cape Orrin on Saturday, killing 12 people, "
        "coastguard officials said.\n\nThe ferry was carrying 310 passengers from Port Ilmar to Vessa when the "
        "blaze started in the engine room.\n\n\"The crew fought the fire for an hour,\" said Captain Ondrej "
        "Lisk, the coastguard commander.\n\nRescue boats from Port Ilmar took survivors ashore on Sunday.",
    },
    {
        "id": "courier-1",
        "outlet": "Vessa Courier",
        "author": "Tomas Brill",
        "url": "https://courier.example/santa-vell",
        "published": "2031-04-12",
        "title": "Santa Vell ferry blaze: at least 19 dead",
        "text": "A fire on the passenger ferry Santa Vell off Cape Orrin on Saturday killed at least 19 people, a "
        "local hospital said.\n\nThe ferry was carrying 310 passengers from Port Ilmar to Vessa.\n\n\"The crew "
        "fought the fire for an hour,\" Captain Ondrej Lisk told reporters.\n\nThe ferry operator, Orrin Lines, "
        "said it would open an inquiry.",
    },
    {
        "id": "wire-1",
        "outlet": "Northline Wire",
        "published": "2031-04-13",
        "title": "Cape Orrin ferry fire toll rises",
        "text": "A fire on the passenger ferry Santa Vell off Cape Orrin on Saturday killed 12 people, coastguard "
        "officials said.\n\nThe ferry was carrying 310 passengers from Port Ilmar to Vessa when the fire "
        "started.\n\nOrrin Lines said it would open an inquiry into the fire.",
    },
]

EVIL = [
    {
        "id": "evil-1",
        "story": "evil-story",
        "outlet": HOSTILE_OUTLET,
        "author": "<b onmouseover=alert(2)>Mallory</b>",
        "url": HOSTILE_URL,
        "published": "2031-05-01",
        "title": f"Mayor of Dunmere resigns {HOSTILE}",
        "text": f"The mayor of Dunmere resigned on Monday, the town council said. {HOSTILE}\n\n"
        "Council members said <img src=x onerror=alert(3)> a vote on a successor would be held on Friday.\n\n"
        "<a href=\"javascript:alert(4)\">Read more</a> about the council's plans for Dunmere.",
    },
    {
        "id": "evil-2",
        "story": "evil-story",
        "outlet": "Dunmere Post<svg onload=alert(5)>",
        "url": "https://post.example/mayor",
        "published": "2031-05-01",
        "title": "Dunmere mayor steps down",
        "text": "The mayor of Dunmere resigned on Monday, the town council said.\n\nA vote on a successor "
        "will be held on Friday, council members said.",
    },
]


def write_reports(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "ferry.jsonl").write_text("".join(json.dumps(r) + "\n" for r in FERRY), encoding="utf-8")
    (folder / "evil.jsonl").write_text("".join(json.dumps(r) + "\n" for r in EVIL), encoding="utf-8")
    return folder
