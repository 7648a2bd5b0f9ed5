"""Markdown rendering of a briefing: citations as [n] references to the numbered source list.

Every field is report data and goes through :func:`safe.md_text` (one line, escaped), so the only block
structure and markup in the output is what this module writes.
"""

from __future__ import annotations

from typing import Any

from .safe import link_label, link_url, md_text
from .view import Line, sections, source_legend, story_line


def _line(line: Line) -> str:
    refs = "".join(f"[{n}]" for n in line.refs)
    label = f"**{md_text(line.label)}**: " if line.label else ""
    return f"- {label}{md_text(line.text)} {refs}".rstrip()


def _source(n: int, text: str, source: dict[str, Any]) -> str:
    url = link_url(source.get("url"))
    link = f" [{md_text(link_label(url))}]({url})" if url else ""
    return f"{n}. {md_text(text)}{link}"


def render_markdown(briefing: dict[str, Any]) -> str:
    story = briefing["story"]
    headline = md_text(story["headline"] or "") or "Untitled story"
    out = [f"# {headline}", "", f"_{md_text(story_line(briefing))}_", ""]
    for section in sections(briefing):
        out += [f"## {md_text(section.title)}", ""]
        out += [_line(line) for line in section.lines] or ["_nothing to show_"]
        out.append("")
    out += ["## Sources", ""]
    out += [
        _source(n, text, source) for (n, text), source in zip(source_legend(briefing), briefing["sources"], strict=True)
    ]
    if briefing["rejected"]:
        out += ["", "## Rejected inputs", ""]
        out += [f"- {md_text(r['location'])}: {md_text(r['reason'])}" for r in briefing["rejected"]]
    return "\n".join(out).rstrip() + "\n"
