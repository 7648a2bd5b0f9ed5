"""Render stage: briefing dicts -> Markdown, JSON, JSON Lines or one self-contained HTML page."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from .html import render_html
from .markdown import render_markdown

FORMATS = ("md", "json", "jsonl", "html")


def render(briefings: Sequence[dict[str, Any]], fmt: str) -> str:
    """Render one or more briefings. ``json`` gives one object for one story, a list for several."""
    if fmt == "md":
        return "\n\n---\n\n".join(render_markdown(b) for b in briefings)
    if fmt == "json":
        data: Any = briefings[0] if len(briefings) == 1 else list(briefings)
        return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    if fmt == "jsonl":
        return "".join(json.dumps(b, ensure_ascii=False, sort_keys=False) + "\n" for b in briefings)
    if fmt == "html":
        return render_html(briefings)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


__all__ = ["FORMATS", "render", "render_html", "render_markdown"]
