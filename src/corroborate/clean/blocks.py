"""An HTML page's visible text as blocks (one per paragraph, heading, list item, cell or ``<br>`` run).

The unit the furniture model is trained and evaluated on: a page's whole visible text, split where a browser
breaks lines. Used by ``training/clean_data.py`` to derive line labels from ground-truth bodies and by the
benchmarks to score every system on the same lines. Written here (about 40 lines on lxml) because the kept
libraries either extract the main text only (trafilatura, jusText) or flatten the page without block breaks.
"""

from __future__ import annotations

import re

from lxml import etree, html

# Elements whose text a reader never sees.
_INVISIBLE = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object", "select", "button"}
# Elements a browser lays out as their own block: text before and after them is on another line.
_BLOCK = {
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
    "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead",
    "tr", "ul", "br", "html", "center", "option", "label",
}  # fmt: skip
_WS = re.compile(r"\s+")
_PARSER = html.HTMLParser(huge_tree=True)


def html_blocks(page: str | bytes) -> list[str]:
    """Visible text blocks of ``page`` in document order, whitespace collapsed, empty blocks dropped."""
    try:
        # huge_tree: libxml2 otherwise drops everything nested deeper than 256 elements (it still stops
        # near 2,000 levels; deeper text is lost, never an exception).
        root = html.fromstring(page, parser=_PARSER)
    except (etree.ParserError, ValueError):
        return []
    blocks: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = _WS.sub(" ", "".join(current)).strip()
        if text:
            blocks.append(text)
        current.clear()

    # iterwalk, not recursion: pages nested thousands of levels deep must not overflow the stack.
    walker = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    for event, node in walker:
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        if event in ("comment", "pi"):  # invisible, but the text after it is not
            if node.tail:
                current.append(node.tail)
            continue
        if event == "start":
            if tag in _INVISIBLE or node.get("hidden") is not None:
                walker.skip_subtree()
                continue
            if tag in _BLOCK:
                flush()
            if node.text:
                current.append(node.text)
            continue
        if tag in _BLOCK:
            flush()
        if node.tail:
            current.append(node.tail)
    flush()
    return blocks
