"""Rules for calendar-named expressions: ISO and numeric dates, month names, years, decades, quarters,
seasons and holidays (their handlers in :mod:`~corroborate.analyze.timex.rules_named`). Yearless forms ('March 3',
'December', 'the third quarter') take their year from the reference; a yearless day with its weekday ('Tuesday,
March 1', 'March 1, a Tuesday') takes the year near the reference in which that day is that weekday.
"""

from __future__ import annotations

import re

from corroborate.analyze.timex import calendar as cal
from corroborate.analyze.timex.context import UNRESOLVED, Ctx, Resolution, Rule, no_such_day, rx
from corroborate.analyze.timex.lexicon import (
    APOS_YEAR_RE,
    DAY_NUM_RE,
    DAY_ORD_RE,
    MONTH_FULL_RE,
    MONTH_RE,
    ORDINALS,
    SEASON_RE,
    WEEKDAY_RE,
    YEAR_RE,
    month_number,
    parse_number,
    weekday_number,
)
from corroborate.analyze.timex.rules_named import check_season, holiday, season

EXPLICIT = "explicit"
# A bare 4-digit number is read as a year unless a counting word follows or a quantity word precedes it.
_NOT_YEAR_AFTER = re.compile(
    r"\s*(?:%|percent|per\b|people|persons|troops|soldiers|workers|employees|jobs|members|cases|votes|miles"
    r"|kilometers|km|feet|meters|tons|tonnes|barrels|shares|dollars|euros|pounds|yen|units|cars|homes|acres"
    r"|students|children|deaths|times|points|residents|refugees|words|pages|[a-z]+ion\b)",
    re.IGNORECASE,
)
_NOT_YEAR_BEFORE = re.compile(
    r"(?:\$|No\.|#|about|nearly|some|than|only|over|around|almost|least|just|to)\s*$", re.IGNORECASE
)
_YEAR_PREP = re.compile(
    r"(?:in|since|until|by|of|from|during|through|before|after|year|fiscal|to|and"
    r"|early|late|mid|FY)[\s-]*$",
    re.IGNORECASE,
)


def _day(text: str) -> int:
    digits = re.match(r"\d+", text)
    if digits:
        return int(digits.group())
    low = text.lower()
    if "-" in low:
        tens, unit = low.split("-", 1)
        return {"twenty": 20, "thirty": 30}[tens] + ORDINALS[unit]
    return ORDINALS[low]


def _year(text: str) -> int:
    if text[0] in "'\u2019":
        two = int(text[1:])
        return 1900 + two if two > 30 else 2000 + two
    return int(text)


def _month_day(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    month = month_number(m.group("mon"))
    day = _day(m.group("day"))
    placeholder = f"XXXX-{month:02d}-{day:02d}"
    if cal.safe_date(2000, month, day) is None:  # no year has it ('Sept. 31'); 2000 is a leap year
        return Resolution("DATE", placeholder, no_such_day("XXXX", month, day))
    if m.group("year"):
        year = _year(m.group("year"))
        value = cal.day_value(year, month, day)
        if value is None:  # '29 February 2001'
            return Resolution("DATE", placeholder, no_such_day(f"{year:04d}", month, day))
        return Resolution("DATE", value, EXPLICIT)
    if ctx.reference is None:
        return Resolution("DATE", placeholder, UNRESOLVED)
    year = cal.year_for(ctx.reference, month, day, ctx.tense(m.start(), m.end()))
    weekday = _named_weekday(m, ctx.text)
    if weekday is not None:
        agreeing = cal.years_with_weekday(ctx.reference, month, day, weekday)
        if agreeing:
            year = year if year in agreeing else agreeing[0]
            value = cal.day_value(year, month, day)
            return Resolution("DATE", value or placeholder, f"year from reference {ctx.reference} and weekday")
    value = cal.day_value(year, month, day)
    if value is None:  # 'Feb. 29' read in a year without one
        return Resolution("DATE", placeholder, no_such_day(f"{year:04d}", month, day))
    return Resolution("DATE", value, f"year from reference {ctx.reference}")


# A weekday set off right after a date names that date's weekday: "March 1, a Tuesday", "March 1 (Tuesday)",
# "March 1, also called Super Tuesday" (a named day such as "Super Tuesday" or "Black Friday" is that weekday).
_WEEKDAY_AFTER = re.compile(
    rf"\s*(?:,\s*|\(\s*)(?:(?:also\s+)?(?:called|known\s+as)\s+|an?\s+|the\s+)?(?:[A-Z][a-z]+\s+)?"
    rf"(?P<wd>{WEEKDAY_RE})(?!\w)"
)


def _named_weekday(m: re.Match[str], text: str) -> int | None:
    """ISO weekday the text gives a yearless date itself ("Tuesday, March 1"), or None."""
    if "wd" in m.re.groupindex and m.group("wd"):
        return weekday_number(m.group("wd"))
    after = _WEEKDAY_AFTER.match(text, m.end())
    return weekday_number(after.group("wd")) if after else None


def _iso(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    text = m.group()
    month, day = int(text[5:7]), int(text[8:10])
    if cal.day_value(int(text[:4]), month, day) is None:
        if not 1 <= month <= 12:  # '2026-13-45' is a code, not a date
            return None
        return Resolution("DATE", f"XXXX-{month:02d}-{day:02d}", no_such_day(text[:4], month, day))
    return Resolution("TIME" if "T" in text else "DATE", text, EXPLICIT)


def _numeric(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    a, b, y = int(m.group(1)), int(m.group(2)), m.group(3)
    year = int(y) if len(y) == 4 else (1900 + int(y) if int(y) > 30 else 2000 + int(y))
    month, day = (a, b) if a <= 12 else (b, a)  # US month/day order unless impossible
    if cal.safe_date(year, month, day) is None:
        return None
    return Resolution("DATE", f"{year:04d}-{month:02d}-{day:02d}", EXPLICIT + " (numeric, month first)")


def _month_year(m: re.Match[str], ctx: Ctx) -> Resolution:
    return Resolution("DATE", f"{_year(m.group('year')):04d}-{month_number(m.group('mon')):02d}", EXPLICIT)


def _month_rel(m: re.Match[str], ctx: Ctx) -> Resolution:
    """'last March', 'next June', 'March last year', 'January this year'."""
    mon_text = m.group("mon") or m.group("mon2")
    month = month_number(mon_text)
    rel = (m.group("rel") or m.group("rel2") or "").lower().split()[-1]
    if ctx.reference is None:
        return Resolution("DATE", f"XXXX-{month:02d}", UNRESOLVED)
    ref = ctx.reference
    if m.group("rel2"):
        year = ref.year + {"last": -1, "next": 1}.get(rel, 0)
    elif rel in ("last", "past"):
        year = ref.year if month < ref.month else ref.year - 1
    elif rel == "next":
        year = ref.year if month > ref.month else ref.year + 1
    else:
        year = ref.year
    return Resolution("DATE", f"{year:04d}-{month:02d}", f"{rel} {mon_text} relative to reference {ref}")


def _month_alone(m: re.Match[str], ctx: Ctx) -> Resolution:
    month = month_number(m.group("mon"))
    if ctx.reference is None:
        return Resolution("DATE", f"XXXX-{month:02d}", UNRESOLVED)
    year = cal.year_for(ctx.reference, month, None, ctx.tense(m.start(), m.end()))
    return Resolution("DATE", f"{year:04d}-{month:02d}", f"year from reference {ctx.reference} and tense")


def _check_month_alone(m: re.Match[str], text: str) -> bool:
    """'May' is a modal verb far more often than a month: accept it only after a date-ish word."""
    if m.group("mon") != "May":
        return True
    return bool(
        re.search(
            r"(?:in|since|until|by|of|during|through|early|late|mid|from|to|and|last|next|this"
            r"|before|after)[\s-]+$",
            text[max(0, m.start() - 12) : m.start()],
            re.IGNORECASE,
        )
    )


def _year_alone(m: re.Match[str], ctx: Ctx) -> Resolution:
    return Resolution("DATE", f"{int(m.group('year')):04d}", EXPLICIT)


def _check_year(m: re.Match[str], text: str) -> bool:
    before = text[max(0, m.start() - 12) : m.start()]
    after = text[m.end() : m.end() + 20]
    if _NOT_YEAR_AFTER.match(after):
        return False
    if _YEAR_PREP.search(before):
        return True
    year = int(m.group("year"))
    if not 1900 <= year <= 2099 or _NOT_YEAR_BEFORE.search(before):
        return False
    return not re.match(r"[.,]\d", after)


def _decade(m: re.Match[str], ctx: Ctx) -> Resolution:
    return Resolution("DATE", f"{_year(m.group('dec')) // 10:03d}", EXPLICIT)


def _century(m: re.Match[str], ctx: Ctx) -> Resolution:
    raw = m.group("ord")
    number = int(re.match(r"\d+", raw).group()) if raw[0].isdigit() else ORDINALS[raw.lower()]  # type: ignore[union-attr]
    return Resolution("DATE", f"{number - 1:02d}", EXPLICIT)


_QUARTER_NUM = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def _quarter(m: re.Match[str], ctx: Ctx) -> Resolution:
    """'the third quarter' (of the reference year), 'the latest quarter' (the last completed one)."""
    which = (m.group("which") or m.group("which2") or "").lower()
    year_text = (m.group("qyear") or "") if "qyear" in m.re.groupindex else ""
    yrel = (m.group("yrel") or "").strip().lower()
    if yrel[:4].isdigit():
        year_text = yrel[:4]
    elif yrel.startswith("year-"):
        year_text = "last year"
    elif yrel:
        year_text = yrel.split()[0] + " year"
    ref = ctx.reference
    if which in _QUARTER_NUM:
        q = _QUARTER_NUM[which]
        if re.fullmatch(r"\d{4}", year_text):
            return Resolution("DATE", f"{year_text}-Q{q}", EXPLICIT)
        if ref is None:
            return Resolution("DATE", f"XXXX-Q{q}", UNRESOLVED)
        year = ref.year + {"last": -1, "next": 1}.get(year_text.lower().split(" ")[0] if year_text else "", 0)
        return Resolution("DATE", f"{year:04d}-Q{q}", f"year from reference {ref}")
    if ref is None:
        return Resolution("DATE", "XXXX-QX", UNRESOLVED)
    if which in ("current", "this"):
        return Resolution("DATE", cal.format_at(ref, "Q"), ctx.ref_how())
    if which in ("next", "coming"):
        return Resolution("DATE", cal.format_at(cal.shift(ref, 1, "Q"), "Q"), ctx.ref_how())
    last_done = cal.shift(ref, -1, "Q")
    if "year" in which:
        return Resolution(
            "DATE",
            cal.format_at(cal.shift(last_done, -1, "Y"), "Q"),
            f"same quarter a year before the last completed one ({ref})",
        )
    return Resolution("DATE", cal.format_at(last_done, "Q"), f"last completed quarter before reference {ref}")


def _half(m: re.Match[str], ctx: Ctx) -> Resolution:
    half = 1 if m.group("which").lower() in ("first", "1st") else 2
    if m.group("qyear") and m.group("qyear").isdigit():
        return Resolution("DATE", f"{m.group('qyear')}-H{half}", EXPLICIT)
    if ctx.reference is None:
        return Resolution("DATE", f"XXXX-H{half}", UNRESOLVED)
    return Resolution("DATE", f"{ctx.reference.year:04d}-H{half}", f"year from reference {ctx.reference}")


_DAY = rf"(?P<day>{DAY_NUM_RE}|{DAY_ORD_RE})"
_YEAR_OPT = rf"(?:(?:,\s*|\s+)(?P<year>{YEAR_RE}))?"
_Q_WHICH = r"(?i:first|second|third|fourth|1st|2nd|3rd|4th)"
_Q_YEAR = rf"(?:\s+(?i:of\s+|in\s+)?(?P<qyear>{YEAR_RE}|(?i:this|last|next)\s+year))?"

ABSOLUTE_RULES: list[Rule] = [
    Rule(
        "holiday",
        rx(
            r"(?P<name>(?i:new\s+year['\u2019]s\s+(?:day|eve)|christmas(?:\s+(?:eve|day))?|independence\s+day"
            r"|halloween|valentine['\u2019]s\s+day|thanksgiving(?:\s+day)?|labor\s+day|memorial\s+day"
            rf"|easter(?:\s+sunday)?|good\s+friday))(?:,?\s+(?P<year>{YEAR_RE}))?"
        ),
        holiday,
        lambda m, t: m.group("name")[0].isupper(),
    ),
    Rule("iso_date", rx(r"\d{4}-[01]\d-[0-3]\d(?:T[0-2]\d:[0-5]\d(?::[0-5]\d)?)?"), _iso),
    Rule("numeric_date", rx(r"([01]?\d|[23]\d)/([0-3]?\d)/(\d{4}|\d{2})"), _numeric),
    Rule("month_day", rx(rf"(?:(?P<wd>{WEEKDAY_RE}),?\s+)?(?P<mon>{MONTH_RE})\s+{_DAY}{_YEAR_OPT}"), _month_day),
    Rule(
        "day_month",
        rx(
            rf"(?:(?P<wd>{WEEKDAY_RE}),?\s+)?(?:the\s+)?(?P<day>{DAY_NUM_RE}|{DAY_ORD_RE})(?:\s+of)?\s+"
            rf"(?P<mon>{MONTH_RE}){_YEAR_OPT}"
        ),
        _month_day,
    ),
    Rule(
        "month_year",
        rx(rf"(?P<mon>{MONTH_RE})(?:\s+of|,)?\s+(?P<year>{YEAR_RE}|{APOS_YEAR_RE})"),
        _month_year,
    ),
    Rule(
        "month_rel",
        rx(
            rf"(?:(?P<rel>(?i:last|next|this(?:\s+past|\s+coming)?))\s+(?P<mon>{MONTH_FULL_RE}|May)"
            rf"|(?P<mon2>{MONTH_FULL_RE}|May)\s+(?P<rel2>(?i:last|next|this))\s+year)"
        ),
        _month_rel,
    ),
    Rule("month", rx(rf"(?P<mon>{MONTH_FULL_RE}|May)"), _month_alone, _check_month_alone),
    Rule("year", rx(rf"(?:(?i:fiscal|FY)[\s-]*)?(?P<year>{YEAR_RE})"), _year_alone, _check_year),
    Rule("decade", rx(r"(?:(?i:the)\s+)?(?P<dec>(?:1[5-9]|20)\d0|['\u2019]\d0)['\u2019]?s"), _decade),
    Rule(
        "century",
        rx(r"(?:(?i:the)\s+)?(?P<ord>\d{1,2}(?:st|nd|rd|th)|(?i:[a-z]+(?:-[a-z]+)?))\s+(?i:century)"),
        _century,
        lambda m, t: m.group("ord")[0].isdigit() or m.group("ord").lower() in ORDINALS,
    ),
    Rule(
        "quarter",
        rx(
            rf"(?:(?:(?i:the)\s+)?(?P<yrel>(?i:this|last|next)\s+year's\s+|(?i:year-ago|year-earlier)\s+"
            rf"|{YEAR_RE}\s+)?(?:(?i:fiscal)[\s-]+)?"
            rf"(?P<which>{_Q_WHICH})\s+(?:(?i:fiscal)[\s-]+)?(?i:quarter){_Q_YEAR}"
            rf"|(?P<which2>{_Q_WHICH})-(?i:quarter)(?P<none>))"
        ),
        _quarter,
    ),
    Rule("year_period", rx(rf"(?i:the\s+)(?P<year>{YEAR_RE})\s+(?i:period|quarter)"), _year_alone),
    Rule(
        "quarter_rel",
        rx(
            r"(?i:the\s+)?(?P<which>(?i:latest|most\s+recent|current|this|past|previous|last"
            r"|year-ago|year-earlier|next|coming|same|recent))?\s*(?P<unit>(?i:quarter|period))"
            r"(?P<qyear>)(?P<yrel>)(?P<which2>)"
        ),
        _quarter,
        lambda m, t: (
            bool(m.group("which"))
            or (m.group().lower().startswith("the") and m.group("unit").lower() == "quarter")
        ),
    ),
    Rule("half", rx(rf"(?:(?i:the)\s+)?(?P<which>(?i:first|second|1st|2nd))[\s-]+(?i:half){_Q_YEAR}"), _half),
    Rule(
        "season",
        rx(
            rf"(?:(?P<rel>(?i:last|next|this(?:\s+past|\s+coming)?|the|early|late|mid"
            rf"|the\s+(?:early|late)))[\s-]+)?(?P<season>{SEASON_RE})(?:\s+(?:of\s+)?(?P<year>{YEAR_RE}))?"
        ),
        season,
        check_season,
    ),
]


__all__ = ["ABSOLUTE_RULES", "EXPLICIT", "parse_number"]
