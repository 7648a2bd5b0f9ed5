"""Render stage: briefing dicts -> Markdown, JSON, JSON Lines or one self-contained HTML page."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .html import render_html
from .markdown import render_markdown
from .safe import json_text

FORMATS = ("md", "json", "jsonl", "html")


def render(briefings: Sequence[dict[str, Any]], fmt: str) -> str:
    """Render one or more briefings. ``json`` gives one object for one story, a list for several.

    Every format shows report data through :mod:`.safe`: JSON keeps every value exactly, with characters that
    are unsafe to show raw written as escapes; Markdown and HTML escape and neutralise every field."""
    if fmt == "md":
        return "\n\n---\n\n".join(render_markdown(b) for b in briefings)
    if fmt == "json":
        data: Any = briefings[0] if len(briefings) == 1 else list(briefings)
        return json_text(data, indent=2) + "\n"
    if fmt == "jsonl":
        return "".join(json_text(b) + "\n" for b in briefings)
    if fmt == "html":
        return render_html(briefings)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


__all__ = ["FORMATS", "render", "render_html", "render_markdown"]
