"""Markdown rendering of a briefing: citations as [n] references to the numbered source list."""

from __future__ import annotations

from typing import Any

from .view import Line, sections, source_legend, story_line


def _escape(text: str) -> str:
    # Report text is data: neutralise characters Markdown would treat as markup.
    for ch in "\\`*_[]<>#|":
        text = text.replace(ch, "\\" + ch)
    return text


def _line(line: Line) -> str:
    refs = "".join(f"[{n}]" for n in line.refs)
    label = f"**{_escape(line.label)}**: " if line.label else ""
    return f"- {label}{_escape(line.text)} {refs}".rstrip()


def render_markdown(briefing: dict[str, Any]) -> str:
    story = briefing["story"]
    out = [f"# {_escape(story['headline'] or 'Untitled story')}", "", f"_{story_line(briefing)}_", ""]
    for section in sections(briefing):
        out += [f"## {section.title}", ""]
        out += [_line(line) for line in section.lines] or ["_nothing to show_"]
        out.append("")
    out += ["## Sources", ""]
    out += [f"{n}. {_escape(text)}" for n, text in source_legend(briefing)]
    if briefing["rejected"]:
        out += ["", "## Rejected inputs", ""]
        out += [f"- {_escape(r['location'])}: {_escape(r['reason'])}" for r in briefing["rejected"]]
    return "\n".join(out).rstrip() + "\n"
