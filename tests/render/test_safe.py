"""render.safe (issue 16): each helper shows report data as data, never as markup, escapes or reordering."""

from __future__ import annotations

import json
import sys
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from corroborate.render.safe import (
    BIDI_CONTROLS,
    checked_url,
    display,
    display_inline,
    json_text,
    link_url,
    md_text,
    terminal,
)

_MD = MarkdownIt("commonmark")
_BIDI_CLASSES = {"LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"}


def test_bidi_list_is_every_explicit_formatting_character_and_mark() -> None:
    # UAX #9: the explicit embedding/override/isolate characters, plus the marks LRM, RLM, ALM.
    explicit = {chr(c) for c in range(sys.maxunicode + 1) if unicodedata.bidirectional(chr(c)) in _BIDI_CLASSES}
    marks = {"\u200e", "\u200f", "\u061c"}
    assert set(BIDI_CONTROLS) == explicit | marks
    assert all(unicodedata.category(ch) == "Cf" for ch in BIDI_CONTROLS)


def test_display_removes_escape_sequences_controls_and_bidi_but_keeps_words() -> None:
    text = "Evil\u001b[2J\u001b[31mRED\u001b[0m \u202egnp.exe\u202c \u001b]0;owned\u0007title\u009b1m ok\u0000"
    shown = display(text)
    assert "RED" in shown and "gnp.exe" in shown and "title" in shown and "ok" in shown
    assert not any(unicodedata.category(ch) == "Cc" for ch in shown)
    assert not set(shown) & BIDI_CONTROLS
    assert "owned" not in shown  # an OSC string (window title) is a control, not text
    assert "[2J" not in shown and "[31m" not in shown


def test_display_removes_every_control_character_but_tab_and_line_breaks() -> None:
    controls = "".join(chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cc")
    assert set(display(controls)) == {"\t", "\n"}
    assert display_inline(controls) == ""


def test_display_keeps_lines_or_flattens_them() -> None:
    text = "one\r\ntwo\u2028three\u0085four"
    assert display(text).split("\n") == ["one", "two", "three", "four"]
    assert display_inline("  a\n\n b\t c  ") == "a b c"


def test_lone_surrogate_is_shown_as_replacement_character() -> None:
    assert display("a\ud800b") == "a\ufffdb"
    assert terminal("a\udfffb").encode("utf-8") == "a\ufffdb".encode()


def test_terminal_has_no_control_or_format_characters() -> None:
    cell = terminal("x\u001b[2J\u200bz\u00ad\nnext\u202e")
    assert cell == "xz next"


@pytest.mark.parametrize(
    ("field", "forbidden"),
    [
        ("<script>alert(1)</script>", "html_inline"),
        ("<div>x</div>", "html_inline"),
        ("&lt;b&gt;", "entity"),
        ("*bold* _it_ `code`", "em_open"),
        ("[click](javascript:alert(1))", "link_open"),
        ("<http://evil.example>", "link_open"),
    ],
)
def test_md_text_is_plain_text_inline(field: str, forbidden: str) -> None:
    tokens = MarkdownIt("commonmark").parseInline(f"before {md_text(field)} after")[0].children or []
    assert forbidden not in {t.type for t in tokens}
    assert "".join(t.content for t in tokens if t.type == "text") == f"before {field} after"


@pytest.mark.parametrize(
    "field",
    [
        "# Heading",
        "- item",
        "+ item",
        "1. one",
        "2) two",
        "> quote",
        "---",
        "===",
        "```",
        "~~~",
        "    code",
        "<div>",
        "| a | b |",
    ],
)
def test_md_text_at_the_head_of_a_list_item_opens_no_block(field: str) -> None:
    tokens = MarkdownIt("commonmark").enable("table").parse(f"- {md_text(field)}\n")
    types = [t.type for t in tokens]
    assert types == [
        "bullet_list_open",
        "list_item_open",
        "paragraph_open",
        "inline",
        "paragraph_close",
        "list_item_close",
        "bullet_list_close",
    ]
    assert tokens[3].children and "".join(t.content for t in tokens[3].children) == field.strip()


def test_md_text_flattens_newlines() -> None:
    assert "\n" not in md_text("T\n\nSummary\n=======\r\n# x")


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://example.com/a?b=1", True),
        ("HTTP://Example.com", True),
        (" https://example.com/x ", True),
        ("javascript:alert(1)", False),
        ("JavaScript:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("vbscript:msgbox", False),
        ("//example.com/no-scheme", False),
        ("http:///no-host", False),
        ("https://exa mple.com", False),
        ("https://example.com/\u202eexe", False),
        ("http://[::1", False),
        ("", None),
        (None, None),
    ],
)
def test_checked_url_keeps_only_http_urls_and_says_why(url: str | None, kept: bool | None) -> None:
    value, why = checked_url(url)
    if kept is None:
        assert value is None and why is None
    elif kept:
        assert value is not None and value == (url or "").strip() and why is None
    else:
        assert value is None and why


def test_link_url_is_plain_ascii_without_delimiters() -> None:
    url = link_url("https://example.com/a(c)<d>\"e'f\\g/é?q=1&r=2#frag")
    assert url is not None and url.isascii()
    assert not set(url) & set(" ()<>\"'\\")
    assert url.startswith("https://example.com/") and "q=1&r=2#frag" in url
    assert link_url("javascript:alert(1)") is None


def test_json_text_keeps_values_and_escapes_what_is_unsafe_to_show() -> None:
    data = {"title": "a\u202eb\u0085c\u2028d\u007f\u001be\ud800", "plain": "Qasrén “quoted”"}
    text = json_text(data, indent=2)
    assert json.loads(text) == data
    assert not set(text) & (BIDI_CONTROLS | {"\u0085", "\u2028", "\u007f", "\u001b", "\ud800"})
    assert "Qasrén “quoted”" in text  # ordinary non-ASCII stays readable
    text.encode("utf-8")  # no lone surrogate left: the output can always be written


_FIELD = st.text(st.characters(exclude_categories=()), max_size=30) | st.sampled_from(
    [
        "# h",
        "1. x",
        "2) y",
        "- z",
        "+ w",
        "> q",
        "***",
        "---",
        "```",
        "~~~",
        "<div>",
        "<!-- c -->",
        "&copy;",
        "&#65;",
        "[a]: /u",
        "[a](b)",
        "![i](j)",
        "*e*",
        "__s__",
        "`c`",
        "~~d~~",
        "| a |",
        "\\*",
        "a\\",
        "x  ",
        "==",
    ]
)
_CONTEXTS = ["- {}", "# {}", "_{}_", "1. {}", "- **{}**: {}", "1. {} [{}](https://a.example/)"]


def _rendered_text(tokens: list) -> str:
    out = []
    for t in tokens:
        if t.type == "inline":
            out.append("".join(c.content for c in t.children or [] if c.type in ("text", "code_inline")))
    return "".join(out)


@settings(max_examples=400, deadline=None)
@given(fields=st.lists(_FIELD, min_size=2, max_size=2), context=st.sampled_from(_CONTEXTS))
def test_md_text_shows_exactly_its_text_in_every_context_the_renderer_uses(fields: list[str], context: str) -> None:
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    line = context.format(*(md_text(f) for f in fields))
    tokens = md.parse(line + "\n")
    blocks = {t.type for t in tokens}
    assert blocks <= {
        "bullet_list_open",
        "bullet_list_close",
        "ordered_list_open",
        "ordered_list_close",
        "list_item_open",
        "list_item_close",
        "paragraph_open",
        "paragraph_close",
        "heading_open",
        "heading_close",
        "inline",
    }
    inner = [c for t in tokens if t.type == "inline" for c in t.children or []]
    assert not [c for c in inner if c.type.startswith("html") or c.type in ("image", "s_open")]
    assert [c.attrs.get("href") for c in inner if c.type == "link_open"] == (
        ["https://a.example/"] if "https://" in context else []
    )
    shown = [display_inline(f) for f in fields]
    text = _rendered_text(tokens)
    for part in shown[: context.count("{}")]:
        assert part in text
    if context in ("- {}", "# {}", "1. {}"):
        assert text == shown[0]  # exactly the field: every escape undone, nothing eaten as markup
