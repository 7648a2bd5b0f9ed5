"""One self-contained HTML page (inline CSS, no scripts or external assets); all report text escaped.

Report data is shown through :mod:`.safe`: inline fields on one line without controls or bidi controls, then
HTML-escaped; links only to http(s) URLs.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

from .safe import display, display_inline, link_label, link_url
from .view import Line, sections, source_legend, story_line

_CSS = """
body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.6rem;margin-bottom:.2rem} .meta{color:#555;margin-top:0}
section{margin:1.5rem 0} h2{font-size:1.2rem;border-bottom:1px solid #ddd}
.disagree{background:#fff4e5;border-left:4px solid #e08a00;padding:.2rem 1rem}
sup a{text-decoration:none;margin-left:.1rem} li{margin:.25rem 0}
details{margin:.4rem 0} pre{white-space:pre-wrap;background:#f6f6f6;padding:.6rem}
"""


def _inline(text: str) -> str:
    return escape(display_inline(text))


def _link(source: dict[str, Any]) -> str:
    url = link_url(source.get("url"))
    if url is None:
        return ""
    return f' <a href="{escape(url, quote=True)}" rel="noopener noreferrer nofollow">{_inline(link_label(url))}</a>'


def _line(line: Line, prefix: str) -> str:
    refs = "".join(f'<sup><a href="#{prefix}src-{n}">[{n}]</a></sup>' for n in line.refs)
    label = f"<strong>{_inline(line.label)}</strong>: " if line.label else ""
    return f"<li>{label}{_inline(line.text)} {refs}</li>"


def _story(briefing: dict[str, Any], index: int) -> str:
    prefix = f"s{index}-"
    story = briefing["story"]
    parts = [
        f'<article id="{escape(display_inline(story["id"]), quote=True)}">',
        f"<h1>{_inline(story['headline'] or '') or 'Untitled story'}</h1>",
        f'<p class="meta">{_inline(story_line(briefing))}</p>',
    ]
    for section in sections(briefing):
        cls = ' class="disagree"' if section.anchor == "disagree" else ""
        items = "".join(_line(line, prefix) for line in section.lines) or "<li><em>nothing to show</em></li>"
        parts.append(
            f'<section id="{prefix}{section.anchor}"{cls}><h2>{_inline(section.title)}</h2><ul>{items}</ul></section>'
        )
    legend = []
    for (n, text), source in zip(source_legend(briefing), briefing["sources"], strict=True):
        legend.append(
            f'<li id="{prefix}src-{n}">{_inline(text)}{_link(source)}<details><summary>cleaned text</summary>'
            f"<pre>{escape(display(source['text']))}</pre></details></li>"
        )
    parts.append(f'<section id="{prefix}sources"><h2>Sources</h2><ol>{"".join(legend)}</ol></section>')
    if briefing["rejected"]:
        rows = "".join(f"<li>{_inline(r['location'])}: {_inline(r['reason'])}</li>" for r in briefing["rejected"])
        parts.append(f'<section id="{prefix}rejected"><h2>Rejected inputs</h2><ul>{rows}</ul></section>')
    parts.append("</article>")
    return "\n".join(parts)


def render_html(briefings: Sequence[dict[str, Any]]) -> str:
    title = briefings[0]["story"]["headline"] if len(briefings) == 1 else "corroborate briefings"
    body = "\n<hr>\n".join(_story(b, i) for i, b in enumerate(briefings))
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_inline(title or '') or 'corroborate briefing'}</title><style>{_CSS}</style></head>\n"
        f"<body>\n{body}\n</body></html>\n"
    )
