"""Turn bytes into text: detect binary files and the encodings news archives actually use.

Order for text files: BOM (UTF-8/UTF-16/UTF-32), UTF-16 without BOM (alternating NUL bytes), strict UTF-8,
then charset-normalizer among the legacy code pages. HTML pages first try the charset they declare
(``<meta charset>``, ``http-equiv``, or the HTTP header a crawler recorded). A file that is partly UTF-8 and
partly a legacy code page (a common result of concatenating archives) is decoded line by line and flagged.
Every result says which encoding was used, how confident the choice is, and any note worth keeping.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

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
    b"SQLite format 3\x00": "SQLite database",
    b"7z\xbc\xaf\x27\x1c": "7-Zip archive",
    b"BZh": "bzip2 archive",
    b"\xfd7zXZ\x00": "xz archive",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1": "legacy Office document",
    b"OggS": "Ogg media file",
    b"fLaC": "FLAC audio",
    b"ID3": "MP3 audio",
    b"\x00\x00\x00\x18ftyp": "MP4 media file",
    b"\x00\x00\x00\x20ftyp": "MP4 media file",
    b"\x00\x00\x00\x1cftyp": "MP4 media file",
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
# 4096 bytes: where an HTML page must declare its charset (the HTML standard's prescan reads 1024; pages with
# long <head> scripts put the meta later, and 4 KB catches those without reading the body).
CHARSET_PRESCAN_BYTES = 4096
# 0.15: charset-normalizer mess-ratio gap within which candidates count as equally clean; on hand examples of
# French, Spanish, German (cp1252), Polish (cp1250) and Russian (cp1251) news sentences the right code page was
# always within 0.11 of the best (French in cp1252 scored 0.103 behind cp1257).
LEGACY_TIE_MARGIN = 0.15
# 200 KB: how much of a file charset-normalizer and the tie-break read; the winner then decodes the whole file.
LEGACY_SAMPLE_BYTES = 200_000
# Western pages labelled Latin-1 or ASCII are really windows-1252 (the WHATWG encoding standard's mapping).
_LABEL_ALIASES = {"latin-1": "cp1252", "iso8859-1": "cp1252", "ascii": "cp1252", "iso-8859-1": "cp1252"}
_META_CHARSET = re.compile(rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", re.IGNORECASE)
# A symbol byte between two letters ("Rz¹d", "og³osi³") is the mark of the wrong single-byte code page.
_SYMBOLS = "\u0080-\u00a9\u00ab-\u00b4\u00b6-\u00b9\u00bb-\u00bfˆ˜‚„†‡‰‹›•™"  # Latin-1 and cp1252 non-letters
_MID_WORD_SYMBOL = re.compile(rf"(?<=[^\W\d_])[{_SYMBOLS}](?=[^\W\d_])")


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes: the encoding used, the confidence of that choice (0..1) and an optional note."""

    text: str
    encoding: str
    confidence: float
    note: str | None = None


def check_bytes(data: bytes) -> None:
    """Raise :class:`InputError` for empty input and for well-known binary formats."""
    if not data.strip():
        raise InputError("empty file: no text to read")
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"binary file ({kind}), not a text, HTML or JSON report")


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


def _unicode_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return _utf16_without_bom(data)


def _mid_word_symbols(text: str) -> int:
    return len(_MID_WORD_SYMBOL.findall(text))


def _legacy(data: bytes) -> Decoded:
    """Bytes that are not UTF-8: charset-normalizer's candidates, ties broken by plausibility and prevalence.

    Among the candidates charset-normalizer scores within ``LEGACY_TIE_MARGIN`` of its best, the decoding with
    the fewest symbols inside words wins ("Rz¹d" is Polish read as cp1252), then cp1252 (the legacy code page
    of most Western news archives), then charset-normalizer's order. A winner that reads exactly as cp1252 is
    reported as cp1252. Confidence is 1 - the winner's mess ratio, halved when an equally plausible candidate
    gave different text.
    """
    sample = data[:LEGACY_SAMPLE_BYTES]
    matches = list(from_bytes(sample))
    best_chaos = min((m.chaos for m in matches), default=1.0)
    tied = [m.encoding for m in matches if m.chaos <= best_chaos + LEGACY_TIE_MARGIN]
    chaos = {m.encoding: m.chaos for m in matches}
    known_1252 = "cp1252" in tied
    if not known_1252:
        tied.append("cp1252")  # last resort when charset-normalizer found nothing better
    scored: list[tuple[int, int, int, str, str]] = []
    for order, name in enumerate(tied):
        try:
            text = sample.decode(name, errors="ignore" if len(data) > len(sample) else "strict")
        except (UnicodeDecodeError, LookupError):
            continue
        preference = 0 if name == "cp1252" and known_1252 else (1 if name in chaos else 2)
        scored.append((_mid_word_symbols(text), preference, order, name, text))
    scored.sort()
    for rank, (symbols, _, _, name, text) in enumerate(scored):
        try:
            full = data.decode(name)
        except UnicodeDecodeError:
            continue
        if any(n == "cp1252" and t == text for *_, n, t in scored):
            name = "cp1252"
        confidence = 1.0 - chaos.get(name, best_chaos) if matches else 0.3
        if rank or any(t != text for s, *_, t in scored[rank + 1 :] if s == symbols):
            confidence /= 2  # an equally plausible code page gave different text, or a better one did not fit
        return Decoded(full, name, round(max(confidence, 0.05), 3))
    return Decoded(data.decode("latin-1"), "latin-1", 0.1, "no code page fits the bytes; read as Latin-1")


def _mixed(data: bytes) -> Decoded | None:
    """A file whose lines are partly valid UTF-8 (with non-ASCII) and partly not: decode line by line."""
    lines = data.splitlines(keepends=True)
    utf8_lines = 0
    bad: list[int] = []
    for n, line in enumerate(lines):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            utf8_lines += 1
        except UnicodeDecodeError:
            bad.append(n)
    if not utf8_lines or not bad:
        return None
    legacy = _legacy(b"".join(lines[n] for n in bad))
    legacy_lines = set(bad)
    out: list[str] = []
    for n, line in enumerate(lines):
        out.append(line.decode(legacy.encoding, errors="replace") if n in legacy_lines else line.decode("utf-8"))
    note = (
        f"mixed encodings: {utf8_lines} line(s) UTF-8, {len(bad)} line(s) {legacy.encoding}; decoded line by line"
    )
    return Decoded("".join(out), f"utf-8+{legacy.encoding}", round(legacy.confidence * 0.8, 3), note)


def _check_textual(text: str) -> None:
    sample = text[:8000]
    if not sample.strip():
        raise InputError("empty file: only whitespace")
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if control / len(sample) > MAX_CONTROL_SHARE:
        raise InputError("binary file (mostly control characters), not a text, HTML or JSON report")


def decode_text(data: bytes) -> Decoded:
    """Decode one text file; raise :class:`InputError` for empty or binary input."""
    check_bytes(data)
    encoding = _unicode_encoding(data)
    if encoding is None and b"\x00" in data[:8000]:
        raise InputError("binary file (contains NUL bytes), not a text, HTML or JSON report")
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise InputError(f"cannot decode the file as {encoding}: {exc.reason} at byte {exc.start}") from exc
        result = Decoded(text, encoding, 1.0)
    else:
        try:
            result = Decoded(data.decode("utf-8"), "utf-8", 1.0)
        except UnicodeDecodeError:
            result = _mixed(data) or _legacy(data)
    _check_textual(result.text)
    return Decoded(result.text.lstrip("\ufeff"), result.encoding, result.confidence, result.note)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` near its start, as a Python codec name."""
    found = _META_CHARSET.search(data[:CHARSET_PRESCAN_BYTES])
    return codec_name(found.group(1).decode("ascii")) if found else None


def codec_name(label: str | None) -> str | None:
    """A charset label ("windows-1251", "ISO-8859-1") as a Python codec name, or None when unknown."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    return _LABEL_ALIASES.get(name, name)


def decode_html(data: bytes, http_charset: str | None = None) -> Decoded:
    """Decode an HTML page: BOM, then the HTTP header's charset, then the page's own declaration, then detection."""
    check_bytes(data)
    unicode_encoding = _unicode_encoding(data)
    if unicode_encoding is not None:
        try:
            return Decoded(data.decode(unicode_encoding).lstrip("\ufeff"), unicode_encoding, 1.0)
        except UnicodeDecodeError:
            pass
    notes: list[str] = []
    header = codec_name(http_charset)
    if http_charset and header is None:
        notes.append(f"unknown charset {http_charset!r} in the HTTP header")
    for source, name in (("HTTP header", header), ("page's <meta>", declared_charset(data))):
        if name is None or name.startswith(("utf-16", "utf-32")):  # an ASCII-readable page cannot be UTF-16
            continue
        try:
            return Decoded(data.decode(name), name, 1.0, "; ".join(notes) or None)
        except UnicodeDecodeError:
            notes.append(f"the {source} declares {name} but the bytes do not fit it")
    result = decode_text(data)
    note = "; ".join([*notes, result.note] if result.note else notes) or None
    return Decoded(result.text, result.encoding, result.confidence, note)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise :class:`InputError` for empty or binary input."""
    decoded = decode_text(data)
    return decoded.text, decoded.encoding
