"""Field checks every report passes on its way out of ingest: dates in range, strings that are strings,
no lone surrogates or stray control characters, bounded lengths.

What can be repaired is repaired with a note on the report (``RawReport.notes``); a record whose id is
unusable is rejected with the reason (:class:`~corroborate.errors.InputError`).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

from ..errors import InputError
from ..model import RawReport

# 1800-01-01 .. 2199-12-31: the dates news archives carry (digitised 19th-century papers onward), far enough
# from date.min/date.max (years 1 and 9999) that date arithmetic downstream cannot overflow.
MIN_PUBLISHED = dt.date(1800, 1, 1)
MAX_PUBLISHED = dt.date(2199, 12, 31)
# 64 digits: a JSON integer longer than this is not an id or a count (Python refuses > 4300 digits anyway).
MAX_INT_DIGITS = 64
# 512 characters: ids are file names, URLs or hashes; a longer "id" is a field mix-up.
MAX_ID_CHARS = 512
# 2,000 characters: a title, outlet, author or story label longer than this is body text in the wrong field.
MAX_META_CHARS = 2_000
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# C0/C1 controls other than tab, newline, carriage return and form feed; DEL.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# Bidirectional embedding/override/isolate controls: can make a headline display differently from its text.
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff]")
META_FIELDS = ("title", "url", "outlet", "author", "story")


class HugeInt(str):
    """A JSON integer literal over ``MAX_INT_DIGITS`` digits, kept as its digits (never converted to int)."""


def bounded_int(digits: str) -> int | HugeInt:
    """``json.loads(parse_int=...)``: ordinary integers as int, absurdly long ones as :class:`HugeInt`."""
    return HugeInt(digits) if len(digits.lstrip("-")) > MAX_INT_DIGITS else int(digits)


def describe(value: object) -> str:
    """A JSON value's kind in words, for reasons ("a JSON object", "a 5000-digit number")."""
    if isinstance(value, HugeInt):
        return f"a {len(value.lstrip('-'))}-digit number"
    names = {dict: "a JSON object", list: "a JSON array", bool: "a boolean", float: "a number", int: "a number"}
    return names.get(type(value), f"a {type(value).__name__}")


def record_id(value: object, fallback: str) -> str:
    """The id of a JSON record: a string or an ordinary integer; anything else rejects the record."""
    if value is None or value == "":
        return fallback
    if isinstance(value, HugeInt) or isinstance(value, bool) or not isinstance(value, str | int):
        expected = f"expected a string or an integer of at most {MAX_INT_DIGITS} digits"
        raise InputError(f"'id' is {describe(value)}, {expected}")
    rid = str(value)
    if len(rid) > MAX_ID_CHARS:
        raise InputError(f"'id' is {len(rid)} characters long, over the {MAX_ID_CHARS}-character limit")
    return rid


def meta_value(name: str, value: object, notes: list[str]) -> str | None:
    """A metadata field of a record as a string: numbers become their text, other kinds are dropped with a note."""
    if value is None:
        return None
    if isinstance(value, str) and not isinstance(value, HugeInt):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    notes.append(f"'{name}' is {describe(value)}, expected a string; ignored")
    return None


def clean_string(value: str, name: str, notes: list[str]) -> str:
    """Repair what would crash a UTF-8 writer or hide in a display: lone surrogates, control characters."""
    if _SURROGATE.search(value):
        count = len(_SURROGATE.findall(value))
        value = _SURROGATE.sub("\ufffd", value)
        notes.append(f"{name}: replaced {count} lone surrogate(s) (invalid UTF-16) with U+FFFD")
    if _CONTROL.search(value):
        count = len(_CONTROL.findall(value))
        value = _CONTROL.sub("" if name == "text" else " ", value)
        notes.append(f"{name}: removed {count} control character(s)")
    if name != "text":
        if _BIDI.search(value) or _ZERO_WIDTH.search(value):
            notes.append(f"{name}: removed bidirectional or zero-width formatting characters")
            value = _ZERO_WIDTH.sub("", _BIDI.sub("", value))
        value = unicodedata.normalize("NFC", value)
    elif _BIDI.search(value):
        notes.append("text contains bidirectional override characters (display order may differ from text order)")
    return value


def check_published(value: dt.date | None, notes: list[str]) -> dt.date | None:
    if value is None or MIN_PUBLISHED <= value <= MAX_PUBLISHED:
        return value
    notes.append(f"published {value.isoformat()} is outside {MIN_PUBLISHED}..{MAX_PUBLISHED}; ignored")
    return None


def finalize(report: RawReport) -> RawReport:
    """Check and repair one report's fields in place (notes say what changed); raise when it is unusable."""
    notes = report.notes
    report.id = clean_string(str(report.id), "id", notes)
    if not report.id.strip():
        raise InputError("report has an empty id")
    report.location = clean_string(report.location, "location", notes)
    report.text = clean_string(report.text, "text", notes)
    if not report.text.strip():
        raise InputError("report has no text")
    for name in META_FIELDS:
        value: Any = getattr(report, name)
        if value is None:
            continue
        if not isinstance(value, str):
            value = meta_value(name, value, notes)
        if value is not None:
            value = clean_string(value, name, notes)
            if len(value) > MAX_META_CHARS:
                notes.append(f"'{name}' is {len(value)} characters, over {MAX_META_CHARS}; ignored")
                value = None
            elif not value.strip():
                value = None
        setattr(report, name, value)
    published: Any = report.published
    if published is not None and not isinstance(published, dt.date):
        notes.append(f"published is {describe(published)}, expected a date; ignored")
        published = None
    if isinstance(published, dt.datetime):
        published = published.date()
    report.published = check_published(published, notes)
    return report
