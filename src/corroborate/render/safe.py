"""What may reach a reader: one escaping layer per output, so report text is always shown as data.

Every string a renderer writes comes from the reports (titles, outlets, ids, sentences) and may hold markup,
terminal escape sequences, bidi controls that reorder what a reader sees (CVE-2021-42574, "Trojan Source"), or
line breaks that would make block structure. The stored text is never changed; only what an output shows is.

- :func:`display` / :func:`display_inline`: text fit to show anywhere. Terminal escape sequences (ECMA-48) and
  C0/C1 control characters are removed, bidi controls (UAX #9 explicit formatting characters) are removed,
  lone surrogates become U+FFFD; inline fields also have every line break and whitespace run made one space.
- :func:`md_text`: one Markdown inline field, backslash-escaped per CommonMark (spec 0.31, "Backslash
  escapes": any ASCII punctuation may be escaped) where a character could open inline markup, raw HTML, an
  entity, or, at the start of a field, a block.
- :func:`terminal`: a table cell: :func:`display_inline` plus every other format character (Cf) removed.
- :func:`json_text`: JSON with the same values, but every character that is unsafe to *show* raw (C1 controls,
  DEL, bidi controls, line/paragraph separators, lone surrogates) written as a ``\\uXXXX`` escape.
- :func:`checked_url` / :func:`link_url`: only absolute http(s) URLs become links; others are dropped, with
  the reason recorded in the JSON.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any
from urllib.parse import quote, urlsplit

# UAX #9 table 1, explicit formatting characters (bidi classes LRE RLE LRO RLO PDF LRI RLI FSI PDI) and the
# implicit marks LRM, RLM, ALM. tests/render/test_safe.py checks this list against ``unicodedata``.
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# ECMA-48 sequences: CSI (ESC [ or U+009B) parameters/intermediates/final; OSC, DCS, SOS, PM, APC strings up
# to their terminator (BEL or ST; an unterminated one loses only its introducer); two-character escapes.
_ESCAPE_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]{0,1024}(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[ -/]*[0-~]",
)
_LINE_BREAKS = re.compile(r"[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]")
_SPACE_RUN = re.compile(r"\s+")


# Hidden from a reader or acting on the display: C0/C1 controls (category Cc, fixed by Unicode's stability
# policy) but tab and newline, and the bidi controls. Lone surrogates cannot even be written as UTF-8.
_HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + "".join(sorted(BIDI_CONTROLS)) + "]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def display(text: str, *, keep_newlines: bool = True) -> str:
    """``text`` fit to show: no escape sequences, controls or bidi controls; lone surrogates as U+FFFD.

    Line breaks (any Unicode line terminator) become ``\\n`` when kept, else a space; tabs are kept.
    """
    text = _ESCAPE_SEQUENCE.sub("", text)
    text = _LINE_BREAKS.sub("\n" if keep_newlines else " ", text.replace("\r\n", "\n"))
    return _SURROGATE.sub("\ufffd", _HIDDEN.sub("", text))


def display_inline(text: str) -> str:
    """One line of shown text: :func:`display`, with every whitespace run (line breaks too) one space."""
    return _SPACE_RUN.sub(" ", display(text, keep_newlines=False)).strip()


def terminal(text: str) -> str:
    """A table cell for a terminal: :func:`display_inline` and no format characters (Cf) at all."""
    return "".join(ch for ch in display_inline(text) if unicodedata.category(ch) != "Cf")


# Characters that open inline markup anywhere (emphasis, code, links, autolinks and raw HTML, entities,
# strikethrough and table cells in the GFM extensions); escaped wherever they occur.
_MD_INLINE = frozenset("\\`*_[]<>&~|#")
# What opens a block at the start of a line (list items, block quotes, setext underlines, thematic breaks,
# ordered lists '1.' / '1)'): a field can be the first text of a list item, so its head is escaped too.
_MD_BLOCK_START = re.compile(r"[-+=]|\d{1,9}(?=[.)])")


def md_text(text: str) -> str:
    """One Markdown inline field: shown as exactly its text, on one line, whatever it holds."""
    flat = display_inline(text)
    escaped = "".join("\\" + ch if ch in _MD_INLINE else ch for ch in flat)
    head = _MD_BLOCK_START.match(escaped)
    if head is None:
        return escaped
    if head.group()[0].isdigit():  # '1. ' -> '1\. ': escape the delimiter after the digits
        cut = head.end()
        return escaped[:cut] + "\\" + escaped[cut:]
    return "\\" + escaped


_URL_SCHEMES = ("http", "https")
_URL_SAFE = "/:?#[]@!$&'*+,;=%~-._"


def checked_url(url: str | None) -> tuple[str | None, str | None]:
    """``(url, None)`` for an absolute http(s) URL, ``(None, reason)`` for any other value, ``(None, None)``
    for none. Surrounding whitespace is trimmed; whitespace or controls inside reject the URL."""
    if url is None:
        return None, None
    value = url.strip()
    if not value:
        return None, None
    if any(ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf", "Cs") for ch in value):
        return None, "URL contains whitespace or control characters"
    try:
        parts = urlsplit(value)
    except ValueError as exc:
        return None, f"URL cannot be parsed: {exc}"
    if parts.scheme.lower() not in _URL_SCHEMES:
        scheme = parts.scheme or "(none)"
        return None, f"URL scheme {display_inline(scheme)[:20]!r} is not http or https"
    if not parts.netloc:
        return None, "URL has no host"
    return value, None


def link_url(url: str | None) -> str | None:
    """The URL a link may point at: an http(s) URL percent-encoded to plain ASCII without spaces, quotes,
    angle brackets, parentheses or backslashes (safe in a Markdown destination and an HTML attribute)."""
    value, _why = checked_url(url)
    if value is None:
        return None
    return quote(value, safe=_URL_SAFE.replace("'", ""))


def link_label(url: str) -> str:
    """What a link to ``url`` shows: its host."""
    return urlsplit(url).netloc or url


# Raw in JSON text (json.dumps with ensure_ascii=False leaves them): shown by a terminal or an editor they
# control it, reorder it, or break lines. Escaped as \uXXXX they are the same JSON value.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]")


def json_text(data: Any, *, indent: int | None = None) -> str:
    """``json.dumps`` (UTF-8 text, insertion order) with every display-unsafe character written escaped."""
    text = json.dumps(data, ensure_ascii=False, indent=indent, sort_keys=False)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
