"""What a report's own text says about itself: its outlet, the outlets it credits, and its date.

Read from furniture lines before they are removed (copyright lines, "notifications from <Outlet>", "Updated:"
stubs) and from datelines ("KARESH, March 7 (Meridian Press) -", "CAIRO (Reuters) -": :func:`parse_dateline`).
"(Via <Outlet>)" or a closing "— <Outlet>" credit means the report cites another outlet, not that it is one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from ..lang.en import MONTHS
from ..model import Dateline

_NAME = r"((?:The |the )?[A-Z][\w&'’.-]*(?: (?:of |the |and |& |de |al-)?[A-Z][\w&'’.-]*){0,5})"
# A copyright line: a run of marks and years ("©", "(c)", "Copyright", "2024", "2010-2024"), then the name.
_COPYRIGHT_MARK = r"(?:©|\(c\)|copyright\b)"
_COPYRIGHT = re.compile(
    rf"{_COPYRIGHT_MARK}(?:\s*(?:{_COPYRIGHT_MARK}|\d{{4}}(?:\s*[-–]\s*\d{{4}})?)\s*,?)*\s*{_NAME}", re.IGNORECASE
)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
# Marks and years are not part of a name ("© Copyright IBTimes 2024" -> "IBTimes").
_NAME_NOISE = re.compile(rf"^(?:{_COPYRIGHT_MARK}\s*)+|(?:[\s,]+(?:19|20)\d{{2}})+$", re.IGNORECASE)
# Wire agencies whose dateline tag is an abbreviation rather than their name ("(AP)"); others credit themselves
# by name ("(Reuters)"). The agencies' own style: AP Stylebook, AFP's and UPI's bylines.
WIRE_AGENCIES = {
    "AP": "Associated Press",
    "AFP": "Agence France-Presse",
    "UPI": "United Press International",
    "dpa": "Deutsche Presse-Agentur",
}
_NOTIFY = re.compile(rf"(?:notifications|alerts|newsletters?|updates) from {_NAME}", re.IGNORECASE)
_VIA = re.compile(rf"\((?:via|source|courtesy of)\s*:?\s*{_NAME}\)", re.IGNORECASE)
_CREDIT_LINE = re.compile(rf"^\s*[—–-]{{1,2}}\s*{_NAME}\s*$")
# Month names and abbreviations (lang/en/months.txt) -> month number.
_MONTHS = {m: i for i, names in enumerate(MONTHS, start=1) for m in names}
_MONTH_WORDS = r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"  # noqa: E501
_MONTH_RE = rf"({_MONTH_WORDS})\.?"
_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)? {_MONTH_RE},? (\d{{4}})\b", re.IGNORECASE)
_MDY = re.compile(rf"\b{_MONTH_RE} (\d{{1,2}})(?:st|nd|rd|th)?,? (\d{{4}})\b", re.IGNORECASE)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
# A dateline: PLACE[, State][, date] [(Agency) | /Agency/], then a dash (or a colon after a date). A place is up to
# four capitalised words with short lower-case connectors between them ("Dar es Salaam", "FRANKLIN, Tenn.").
_PLACE_WORD = r"[A-Z][\w.'’-]*"
_PLACE = rf"{_PLACE_WORD}(?:(?: [a-z]{{1,3}})? {_PLACE_WORD}){{0,3}}"
_MONTH_WORD = rf"(?i:(?:{_MONTH_WORDS})\.?)"
_TAG = r"(?:\s*\((?P<agency>[A-Z][^()\n]{1,39})\)|\s+/(?P<wire>[A-Z][^/\n]{1,39})/)"
_DATELINE = re.compile(
    rf"(?P<place>{_PLACE})"
    rf"(?:, (?!{_MONTH_WORD} )(?P<state>{_PLACE_WORD}(?: {_PLACE_WORD})?))?"
    rf"(?:,? (?:(?P<day>\d{{1,2}}) (?P<month>{_MONTH_WORD})|(?P<month2>{_MONTH_WORD}) (?P<day2>\d{{1,2}}))"
    rf"(?:,? (?P<year>\d{{4}}))?)?"
    rf"{_TAG}?"
)
_BARE_TAG = re.compile(r"\((?P<agency>[A-Z][\w.&-]{1,29})\)")  # "(CNN) ...": a wire tag without a place
_AFTER_DASH = re.compile(r"\s*(?:—|–|--?|_)(?:\s+|$)")
_AFTER_COLON = re.compile(r"\s*:\s+")
_AFTER_TAG = re.compile(r"\s*(?=[A-Z0-9\"“‘'])")  # "Seoul (CNN) North and South...": the tag ends the dateline
_TEXT_START = re.compile(r"[A-Z0-9\"“‘'(]")
_STUB = re.compile(r"^\s*(?:updated|published|posted|first published|last updated|date)\b", re.IGNORECASE)
_OUTLET_STOP = re.compile(r"\s+(?:All|Ltd|Limited|Inc)\b.*$")


def _clean_name(name: str) -> str:
    """A name as written -> the outlet's name: no copyright marks, years or "All rights reserved"; wire
    abbreviations expanded."""
    name = _NAME_NOISE.sub("", _OUTLET_STOP.sub("", name.strip())).strip(" .,;:")
    return WIRE_AGENCIES.get(name, name)


def outlet_from_lines(lines: Sequence[str]) -> str | None:
    """The outlet a report names as itself: a copyright line first, then a notifications prompt."""
    for pattern in (_COPYRIGHT, _NOTIFY):
        for line in lines:
            m = pattern.search(line)
            if m:
                name = _clean_name(m.group(m.lastindex or 1))
                if name and name.lower() not in {"all rights reserved", "the", "all"}:
                    return name
    return None


def cited_outlets(lines: Sequence[str]) -> list[str]:
    """Outlets a report credits ("(Via X)", a closing "— X" line), in order of appearance, unique."""
    found: list[str] = []
    for line in lines:
        for m in _VIA.finditer(line):
            found.append(_clean_name(m.group(1)))
        m2 = _CREDIT_LINE.match(line)
        if m2:
            found.append(_clean_name(m2.group(1)))
    return list(dict.fromkeys(name for name in found if name))


def _make_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def full_dates(text: str) -> list[dt.date]:
    """Every explicit day-month-year date written in ``text`` (``7 March 2026``, ``March 7, 2026``, ISO)."""
    found: list[tuple[int, dt.date]] = []
    for m in _DMY.finditer(text):
        d = _make_date(int(m.group(3)), _MONTHS[_month_key(m.group(2))], int(m.group(1)))
        if d:
            found.append((m.start(), d))
    for m in _MDY.finditer(text):
        d = _make_date(int(m.group(3)), _MONTHS[_month_key(m.group(1))], int(m.group(2)))
        if d:
            found.append((m.start(), d))
    for m in _ISO.finditer(text):
        d = _make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d:
            found.append((m.start(), d))
    return [d for _, d in sorted(found, key=lambda item: item[0])]


def _month_key(token: str) -> str:
    key = token.lower().rstrip(".")
    return key if key in _MONTHS else key[:3]


def stub_date(lines: Sequence[str]) -> dt.date | None:
    """The date of an "Updated:/Published:" stub or a line that is only a date."""
    for line in lines:
        dates = full_dates(line)
        if dates and (_STUB.match(line) or len(line.split()) <= 8):
            return dates[0]
    return None


def parse_dateline(paragraph: str) -> tuple[Dateline, int] | None:
    """The dateline opening ``paragraph`` and where the report's own text starts after it; None if there is none.

    Cut only what is shaped like a dateline, because what follows the cut must still read as the sentence:
    - an upper-case place ("LONDON —", "FRANKLIN, Tenn. (AP) —") may stand alone before its dash; a title-case
      one needs an agency tag ("Jerusalem, Nov 16 (AFP) –"), since "Timbuktu - on the edge of the desert - is
      ...", "In Nairobi, Mohawk — ..." and "Correction, 9 March 2026: An earlier version ..." are report text;
    - a colon ends it only after an upper-case place and a date ("NEW DELHI, March 3: "), since "ON LEADERSHIP:
      ..." is a heading;
    - no separator at all only after an agency tag ("Seoul (CNN) North and South ...", "(CNN) Kenyan ...");
    - the text after it starts like a sentence (capital, digit or quote), or there is none (a dateline alone).
    """
    m = _DATELINE.match(paragraph) or _BARE_TAG.match(paragraph)
    if m is None:
        return None
    found = m.groupdict()
    place, raw_agency = found.get("place"), found.get("agency") or found.get("wire")
    day, month = found.get("day") or found.get("day2"), found.get("month") or found.get("month2")
    upper = place is not None and place == place.upper()
    if place and not upper and not raw_agency:
        return None
    after = _AFTER_DASH.match(paragraph, m.end())
    if after is None and day and upper:
        after = _AFTER_COLON.match(paragraph, m.end())
    if after is None and raw_agency:
        after = _AFTER_TAG.match(paragraph, m.end())
    if after is None or (after.end() < len(paragraph) and not _TEXT_START.match(paragraph, after.end())):
        return None
    if day and not 1 <= int(day) <= 31:
        return None
    if place and found.get("state"):
        place = f"{place}, {found['state']}"
    record = Dateline(
        text=paragraph[: after.end()].rstrip(),
        place=place,
        month=_MONTHS[_month_key(month)] if month else None,
        day=int(day) if day else None,
        year=int(found["year"]) if found.get("year") else None,
        agency=_clean_name(raw_agency) or None if raw_agency else None,
    )
    return record, after.end()


def dateline(first_paragraph: str) -> tuple[int | None, int | None, int | None, str | None]:
    """``(year, month, day, agency)`` of a dateline opening the first paragraph; Nones where absent."""
    found = parse_dateline(first_paragraph)
    if found is None:
        return None, None, None, None
    record = found[0]
    return record.year, record.month, record.day, record.agency


def copyright_year(lines: Sequence[str]) -> int | None:
    """The first year a copyright line gives ("© 2026 X", "© Copyright X 2024")."""
    for line in lines:
        m = _COPYRIGHT.search(line)
        year = _YEAR.search(line, m.start()) if m else None
        if year:
            return int(year.group())
    return None


def dateline_date(
    year: int | None, month: int, day: int, hints: Sequence[dt.date], fallback_year: int | None
) -> dt.date | None:
    """Complete a year-less dateline: the year of the nearest explicit date given, else ``fallback_year``."""
    if year is None:
        if hints:
            # Choose the year that puts the dateline closest to the dates the text itself gives.
            years = {h.year for h in hints} | {h.year + 1 for h in hints} | {h.year - 1 for h in hints}
            best = min(
                (abs((_make_date(y, month, day) or dt.date(y, month, 1)) - h).days, y) for y in years for h in hints
            )
            year = best[1]
        else:
            year = fallback_year
    if year is None:
        return None
    return _make_date(year, month, day)
