"""One self-contained HTML page (inline CSS, no scripts or external assets); all report text escaped.

Every citation [n] of a line opens source n's passage with the words that support the line highlighted (a CSS
``:target`` panel, so no script is needed), with the original article's link; a source without a recorded span
for that line links to the source's entry.

Report data is shown through :mod:`.safe`: inline fields on one line without controls or bidi controls, then
HTML-escaped; links only to http(s) URLs.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

from .safe import display, display_inline, link_label, link_url
from .spans import Piece, item_spans, passages
from .view import Line, sections, source_label, source_legend, story_line

_CSS = """
body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.6rem;margin-bottom:.2rem} .meta{color:#555;margin-top:0}
section{margin:1.5rem 0} h2{font-size:1.2rem;border-bottom:1px solid #ddd}
.disagree{background:#fff4e5;border-left:4px solid #e08a00;padding:.2rem 1rem}
sup a{text-decoration:none;margin-left:.1rem} li{margin:.25rem 0} li:target{background:#eef4ff}
details{margin:.4rem 0} pre{white-space:pre-wrap;background:#f6f6f6;padding:.6rem}
mark{background:#ffe066;padding:0 .1rem}
.passages .passage{display:none}
.passage:target{display:block;position:fixed;right:1rem;bottom:1rem;width:min(34rem,calc(100vw - 2rem));
max-height:60vh;overflow:auto;background:#fff;border:1px solid #999;border-radius:6px;padding:.6rem 1rem;
box-shadow:0 4px 18px rgba(0,0,0,.25)}
.passage blockquote{margin:.5rem 0;padding-left:.8rem;border-left:3px solid #ccc}
.passage .nav{font-size:.9rem;color:#555}
@media print{.passages .passage{display:block;position:static;box-shadow:none}}
"""

# No script, no external request: the page is one file. The policy is also in the page so that a browser that
# opens it from disk or from a web server without headers enforces it.
_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"


def _inline(text: str) -> str:
    return escape(display_inline(text))


def _link(source: dict[str, Any]) -> str:
    url = link_url(source.get("url"))
    if url is None:
        return ""
    return f' <a href="{escape(url, quote=True)}" rel="noopener noreferrer nofollow">{_inline(link_label(url))}</a>'


class _Story:
    """One briefing's HTML; remembers which (item, source) passages its citations point at."""

    def __init__(self, briefing: dict[str, Any], index: int) -> None:
        self.briefing = briefing
        self.prefix = f"s{index}-"
        self.sources = {n: s for n, s in enumerate(briefing["sources"], start=1)}
        self.cited: dict[str, tuple[str, int, list[list[Piece]]]] = {}  # anchor -> (item, source number, text)

    def _anchor(self, item: str, n: int) -> str | None:
        """The passage anchor of source ``n``'s spans for ``item``; None when that source has no span of it."""
        anchor = f"{self.prefix}cite-{item}-{n}"
        if anchor not in self.cited:
            source = self.sources.get(n)
            if source is None:
                return None
            found = passages(str(source.get("text") or ""), item_spans(self.briefing, item), source["id"])
            if not found:
                return None
            self.cited[anchor] = (item, n, found)
        return anchor

    def line(self, line: Line) -> str:
        refs = []
        for n in line.refs:
            anchor = self._anchor(line.item, n) if line.item else None
            if anchor:
                refs.append(f'<sup><a href="#{anchor}" title="what source {n} says">[{n}]</a></sup>')
            else:
                refs.append(f'<sup><a href="#{self.prefix}src-{n}">[{n}]</a></sup>')
        label = f"<strong>{_inline(line.label)}</strong>: " if line.label else ""
        ident = f' id="{self.prefix}line-{line.item}"' if line.item else ""
        return f"<li{ident}>{label}{_inline(line.text)} {''.join(refs)}</li>"

    def passages(self) -> str:
        """The cited passages, each shown (as a panel) only when a citation targets it."""
        out = []
        for anchor, (item, n, found) in self.cited.items():
            source = self.sources[n]
            quoted = "".join(
                "<blockquote>"
                + "".join(f"<mark>{escape(p.text)}</mark>" if p.marked else escape(p.text) for p in pieces)
                + "</blockquote>"
                for pieces in found
            )
            out.append(
                f'<div class="passage" id="{anchor}"><div class="nav">[{n}] {_inline(source_label(source))}'
                f"{_link(source)}</div>{quoted}"
                f'<div class="nav"><a href="#{self.prefix}src-{n}">whole source</a> · '
                f'<a href="#{self.prefix}line-{item}">back to the line</a></div></div>'
            )
        if not out:
            return ""
        return (f'<section id="{self.prefix}passages" class="passages"><h2>Cited passages</h2>'
                f"{''.join(out)}</section>")

    def html(self) -> str:
        briefing, prefix = self.briefing, self.prefix
        story = briefing["story"]
        parts = [
            f'<article id="{escape(display_inline(story["id"]), quote=True)}">',
            f"<h1>{_inline(story['headline'] or '') or 'Untitled story'}</h1>",
            f'<p class="meta">{_inline(story_line(briefing))}</p>',
        ]
        for section in sections(briefing):
            cls = ' class="disagree"' if section.anchor == "disagree" else ""
            items = "".join(self.line(line) for line in section.lines) or "<li><em>nothing to show</em></li>"
            parts.append(
                f'<section id="{prefix}{section.anchor}"{cls}><h2>{_inline(section.title)}</h2>'
                f"<ul>{items}</ul></section>"
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
        parts.append(self.passages())
        parts.append("</article>")
        return "\n".join(p for p in parts if p)


def render_html(briefings: Sequence[dict[str, Any]]) -> str:
    title = briefings[0]["story"]["headline"] if len(briefings) == 1 else "corroborate briefings"
    body = "\n<hr>\n".join(_Story(b, i).html() for i, b in enumerate(briefings))
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_inline(title or '') or 'corroborate briefing'}</title><style>{_CSS}</style></head>\n"
        f"<body>\n{body}\n</body></html>\n"
    )
