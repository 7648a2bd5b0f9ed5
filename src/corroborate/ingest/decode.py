"""Turn bytes into text: detect binary files and the encodings news archives actually use.

Order: BOM (UTF-8/UTF-16/UTF-32), UTF-16 without BOM (alternating NUL bytes), strict UTF-8, then cp1252,
then Latin-1. cp1252 before Latin-1 because real Western pages in "Latin-1" use cp1252's curly quotes
(0x91-0x94); Latin-1 maps every byte, so it is the last resort for bytes cp1252 leaves undefined.
"""

from __future__ import annotations

import codecs

from ..errors import InputError

_MAGIC = {
    b"\x89PNG\r\n\x1a\n": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF87a": "GIF image",
    b"GIF89a": "GIF image",
    b"%PDF-": "PDF document",
    b"PK\x03\x04": "ZIP archive (or Office document)",
    b"\x1f\x8b": "gzip archive",
    b"\x7fELF": "executable",
    b"RIFF": "RIFF media file",
}
_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
# 0.3: share of control characters above which decoded "text" is treated as binary; real text has ~0.
MAX_CONTROL_SHARE = 0.3


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even_nul = sample[0::2].count(0) / len(sample[0::2])
    odd_nul = sample[1::2].count(0) / len(sample[1::2])
    if odd_nul > 0.4 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.4 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise :class:`InputError` for empty or binary input."""
    if not data.strip():
        raise InputError("empty file: no text to read")
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"binary file ({kind}), not a text, HTML or JSON report")
    encoding: str | None = None
    for bom, name in _BOMS:
        if data.startswith(bom):
            encoding = name
            break
    if encoding is None:
        encoding = _utf16_without_bom(data)
    if encoding is None and b"\x00" in data[:8000]:
        raise InputError("binary file (contains NUL bytes), not a text, HTML or JSON report")
    candidates = [encoding] if encoding else ["utf-8", "cp1252", "latin-1"]
    for name in candidates:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        _check_textual(text)
        return text.lstrip("\ufeff"), name
    raise InputError(f"cannot decode the file as {encoding or 'UTF-8, cp1252 or Latin-1'}")


def _check_textual(text: str) -> None:
    sample = text[:8000]
    if not sample.strip():
        raise InputError("empty file: only whitespace")
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if control / len(sample) > MAX_CONTROL_SHARE:
        raise InputError("binary file (mostly control characters), not a text, HTML or JSON report")
