"""What a report's own text says about itself: its outlet, the outlets it credits, and its date.

Read from furniture lines before they are removed (copyright lines, "notifications from <Outlet>", "Updated:"
stubs) and from the dateline that opens the first paragraph ("KARESH, March 7 (Meridian Press) -").
"(Via <Outlet>)" or a closing "— <Outlet>" credit means the report cites another outlet, not that it is one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

_NAME = r"((?:The |the )?[A-Z][\w&'’.-]*(?: (?:of |the |and |& |de |al-)?[A-Z][\w&'’.-]*){0,5})"
_COPYRIGHT = re.compile(
    rf"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:(\d{{4}})(?:\s*[-–]\s*\d{{4}})?\s*,?\s*)?{_NAME}", re.IGNORECASE
)
_NOTIFY = re.compile(rf"(?:notifications|alerts|newsletters?|updates) from {_NAME}", re.IGNORECASE)
_VIA = re.compile(rf"\((?:via|source|courtesy of)\s*:?\s*{_NAME}\)", re.IGNORECASE)
_CREDIT_LINE = re.compile(rf"^\s*[—–-]{{1,2}}\s*{_NAME}\s*$")
_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}
_MONTH_RE = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"  # noqa: E501
_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)? {_MONTH_RE},? (\d{{4}})\b", re.IGNORECASE)
_MDY = re.compile(rf"\b{_MONTH_RE} (\d{{1,2}})(?:st|nd|rd|th)?,? (\d{{4}})\b", re.IGNORECASE)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DATELINE = re.compile(
    rf"^\s*([A-Z][A-Za-z'’ -]{{1,40}}),\s+(?:(\d{{1,2}}) {_MONTH_RE}|{_MONTH_RE} (\d{{1,2}}))(?:,? (\d{{4}}))?"
    rf"\s*(?:\(([^)]{{2,60}})\))?\s*[-–—:]",
    re.IGNORECASE,
)
_STUB = re.compile(r"^\s*(?:updated|published|posted|first published|last updated|date)\b", re.IGNORECASE)
_OUTLET_STOP = re.compile(r"\s+(?:All|Ltd|Limited|Inc)\b.*$")


def _clean_name(name: str) -> str:
    name = _OUTLET_STOP.sub("", name.strip()).strip(" .,;:")
    return name


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


def dateline(first_paragraph: str) -> tuple[int | None, int | None, int | None, str | None]:
    """``(year, month, day, agency)`` of a dateline opening the first paragraph; Nones where absent."""
    m = _DATELINE.match(first_paragraph)
    if not m:
        return None, None, None, None
    month_token = m.group(3) or m.group(4)
    day = m.group(2) or m.group(5)
    year = int(m.group(6)) if m.group(6) else None
    agency = _clean_name(m.group(7)) if m.group(7) else None
    return year, _MONTHS[_month_key(month_token)], int(day), agency


def copyright_year(lines: Sequence[str]) -> int | None:
    for line in lines:
        m = _COPYRIGHT.search(line)
        if m and m.group(1):
            return int(m.group(1))
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
