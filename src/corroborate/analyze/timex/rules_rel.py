"""Rules for deictic and relative expressions: today/yesterday, weekdays, 'last week', 'two years ago',
'three days later', clock times and the generic PRESENT_REF / PAST_REF / FUTURE_REF words.

Conventions (news): a bare weekday is the most recent such day on or before the reference unless the
sentence is in the future tense ('will meet on Friday'), then the next one on or after it; 'N units ago'
counts from the reference; 'N units later/earlier' counts from the last full date mentioned before it in
the text (the narrative anchor), falling back to the reference.
"""

from __future__ import annotations

import datetime as dt
import re

from corroborate.analyze.timex import calendar as cal
from corroborate.analyze.timex.context import UNRESOLVED, Ctx, Resolution, Rule, no_such_day, rx
from corroborate.analyze.timex.lexicon import (
    DAY_NUM_RE,
    MONTH_RE,
    PART_RE,
    PARTS_OF_DAY,
    WEEKDAY_RE,
    month_number,
    weekday_number,
)
from corroborate.analyze.timex.rules_amount import _NUM, _UNIT, amount_unit

_DAYWORD_OFFSET = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def day_word_date(word: str, rel: str, start: int, end: int, ctx: Ctx) -> tuple[dt.date | None, str]:
    """Date of 'yesterday' / 'Friday' / 'last Friday' against the reference, with the rule used."""
    w = word.lower().rstrip(".")
    ref = ctx.reference
    if ref is None:
        return None, UNRESOLVED
    if w in _DAYWORD_OFFSET:
        return ref + dt.timedelta(days=_DAYWORD_OFFSET[w]), ctx.ref_how()
    iso = weekday_number(w)
    rel = rel.lower()
    if rel in ("last", "this past", "past"):
        return cal.weekday_on_or_before(ref - dt.timedelta(days=1), iso), f"weekday before reference {ref}"
    if rel in ("next", "this coming", "coming"):
        return cal.weekday_on_or_after(ref + dt.timedelta(days=1), iso), f"weekday after reference {ref}"
    if ctx.tense(start, end) == "future":
        return cal.weekday_on_or_after(ref, iso), f"weekday on or after reference {ref} (future tense)"
    return cal.weekday_on_or_before(ref, iso), f"weekday on or before reference {ref} (past-tense news)"


def _unresolved_day(word: str) -> str:
    w = word.lower().rstrip(".")
    return f"XXXX-WXX-{weekday_number(w)}" if w not in _DAYWORD_OFFSET else "XXXX-XX-XX"


def _day_word(m: re.Match[str], ctx: Ctx) -> Resolution:
    """'yesterday', 'Friday', 'last Friday', 'Tuesday night', 'this morning', 'last night'."""
    word = m.group("word") or ""
    part = (m.group("part") or "").lower()
    rel = re.sub(r"\s+", " ", m.group("rel") or "")
    if not word:  # 'this morning', 'last night', 'tonight'
        word = "yesterday" if rel.lower() == "last" else "today"
    if word.lower() == "tonight":
        part = "night"
    date, how = day_word_date(word, rel, m.start(), m.end(), ctx)
    suffix = f"T{PARTS_OF_DAY[part]}" if part else ""
    kind = (
        "TIME"
        if part and (not m.group("word") or word.lower() in ("tonight", "yesterday", "today"))
        else "DATE"
    )
    value = (date.isoformat() if date else _unresolved_day(word)) + suffix
    return Resolution(kind, value, how)


def _weekday_set(m: re.Match[str], ctx: Ctx) -> Resolution:
    iso = weekday_number((m.group("word") or m.group("w2")).rstrip("s"))
    part = (m.group("part") or "").lower().rstrip("s")
    return Resolution(
        "SET", f"XXXX-WXX-{iso}" + (f"T{PARTS_OF_DAY[part]}" if part else ""), "recurring weekday"
    )


_REL_SHIFT = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}
_UNIT_LETTER = {
    "day": "D",
    "week": "W",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
    "weekend": "WE",
    "decade": "E",
    "century": "C",
}


def _rel_unit(m: re.Match[str], ctx: Ctx) -> Resolution:
    """'last week', 'this month', 'next year', 'the past year', 'earlier this year', 'the weekend'."""
    unit = _UNIT_LETTER[m.group("unit").lower()]
    rel_words = (m.group("rel") or "this").lower().split()
    step = next((_REL_SHIFT[w] for w in rel_words if w in _REL_SHIFT), 0)
    ref = ctx.reference
    if ref is None:
        blank = {
            "D": "XXXX-XX-XX",
            "W": "XXXX-WXX",
            "M": "XXXX-XX",
            "Q": "XXXX-QX",
            "Y": "XXXX",
            "WE": "XXXX-WXX-WE",
            "E": "XXX",
            "C": "XX",
        }
        return Resolution("DATE", blank[unit], UNRESOLVED)
    how = f"{' '.join(rel_words)} {m.group('unit').lower()} relative to reference {ref}"
    if unit == "WE":
        if step == 0:
            step = 1 if ctx.tense(m.start(), m.end()) == "future" else -1
        sat = cal.weekday_on_or_before(ref, 6) if step < 0 else cal.weekday_on_or_after(ref, 6)
        if "last" in rel_words and ref.isoweekday() >= 6:
            sat -= dt.timedelta(days=7)
        return Resolution("DATE", cal.iso_week(sat) + "-WE", how)
    if unit in ("E", "C"):
        years = 10 if unit == "E" else 100
        return Resolution("DATE", cal.format_at(cal.shift(ref, step * years, "Y"), unit), how)
    return Resolution("DATE", cal.format_at(cal.shift(ref, step, unit), unit), how)


def _year_adj(m: re.Match[str], ctx: Ctx) -> Resolution:
    """'year-end' (this year), 'year-earlier' / 'year-ago' (last year)."""
    if ctx.reference is None:
        return Resolution("DATE", "XXXX", UNRESOLVED)
    back = 0 if m.group().lower().endswith("end") else 1
    quarter = _year_back_in_quarter_talk(m, ctx, back)
    if quarter:
        return Resolution("DATE", quarter, f"quarter a year before the last completed one ({ctx.reference})")
    return Resolution("DATE", f"{ctx.reference.year - back:04d}", ctx.ref_how())


def _calendar_unit(unit: str) -> str:
    return unit if unit in ("D", "W", "M", "Q", "Y") else "D"


def _year_back_in_quarter_talk(m: re.Match[str], ctx: Ctx, years: int) -> str | None:
    """'a year ago' in a sentence about quarterly results means the same quarter a year before the last one.

    TBAQ train (WSJ earnings news): 37 of the 54 gold values of 'a year ago' / 'a year earlier' /
    'year-earlier' are quarters (mostly 1988-Q3 for autumn-1989 reports), not years.
    """
    if (
        ctx.reference is None
        or years != 1
        or not re.search(r"quarter", ctx.sentence(m.start(), m.end()), re.I)
    ):
        return None
    return cal.format_at(cal.shift(cal.shift(ctx.reference, -1, "Q"), -1, "Y"), "Q")


def _ago(m: re.Match[str], ctx: Ctx) -> Resolution:
    """'two years ago', 'three days ago' from the reference; vague amounts give PAST_REF."""
    amount, unit = amount_unit(m)
    if amount is None:
        return Resolution("DATE", "PAST_REF", "vague amount before the reference")
    if ctx.reference is None:
        return Resolution("DATE", "XXXX-XX-XX", UNRESOLVED, offset="-" + cal.duration_value(amount, unit))
    cu = _calendar_unit(unit)
    quarter = _year_back_in_quarter_talk(m, ctx, int(amount)) if cu == "Y" else None
    if quarter:
        return Resolution(
            "DATE", quarter, f"quarter a year before the last completed one ({ctx.reference})", offset="-P1Y"
        )
    date = cal.shift(ctx.reference, -int(amount), cu) if float(amount).is_integer() else ctx.reference
    return Resolution(
        "DATE",
        cal.format_at(date, cu),
        f"{m.group().lower()} from reference {ctx.reference}",
        offset="-" + cal.duration_value(amount, unit),
    )


def _offset(m: re.Match[str], ctx: Ctx) -> Resolution:
    """'two days later', 'a year earlier', 'three weeks from now' against the narrative anchor."""
    amount, unit = amount_unit(m)
    direction = m.group("dir").lower()
    sign = -1 if direction in ("earlier", "before", "previously", "prior") else 1
    offset = ("-" if sign < 0 else "+") + cal.duration_value(amount, unit)
    from_now = direction in ("from now", "hence")
    anchor = ctx.reference if from_now else (ctx.anchor or ctx.reference)
    how = f"relative to reference {anchor}" if from_now or not ctx.anchor else f"relative to {ctx.anchor_how}"
    if amount is None:
        return Resolution("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", "vague offset", offset=offset)
    if anchor is None:
        return Resolution("DATE", "XXXX-XX-XX", UNRESOLVED, offset=offset)
    cu = _calendar_unit(unit)
    quarter = _year_back_in_quarter_talk(m, ctx, int(amount)) if cu == "Y" and sign < 0 else None
    if quarter:
        return Resolution(
            "DATE", quarter, f"quarter a year before the last completed one ({ctx.reference})", offset=offset
        )
    date = cal.shift(anchor, sign * int(amount), cu) if float(amount).is_integer() else anchor
    return Resolution("DATE", cal.format_at(date, cu), how, offset=offset)


def _anchored_day(m: re.Match[str], ctx: Ctx) -> Resolution:
    """'the next day', 'the previous day', 'the day before', 'that day', 'the same day', 'the next morning',
    'that night' (a part of the anchor's day, or of the day after / before it: TIME with the part's code)."""
    phrase = m.group().lower()
    part = (m.group("apart") or "").lower()
    if part:
        res = _anchored_day_only(phrase, ctx)
        suffix = f"T{PARTS_OF_DAY[part]}"
        return Resolution("TIME", res.value + suffix, res.how, offset=res.offset)
    return _anchored_day_only(phrase, ctx)


def _anchored_day_only(phrase: str, ctx: Ctx) -> Resolution:
    sign = (
        -1
        if re.search(r"previous|before|prior|preceding|\beve\b", phrase)
        else (0 if re.search(r"same|that", phrase) else 1)
    )
    anchor = ctx.anchor or ctx.reference
    offset = "" if sign == 0 else ("-" if sign < 0 else "+") + "P1D"
    if anchor is None:
        return Resolution("DATE", "XXXX-XX-XX", UNRESOLVED, offset=offset or "+P0D")
    how = f"relative to {ctx.anchor_how}" if ctx.anchor else f"relative to reference {anchor}"
    return Resolution("DATE", (anchor + dt.timedelta(days=sign)).isoformat(), how, offset=offset or "+P0D")


def _clock(m: re.Match[str], ctx: Ctx) -> Resolution:
    """'3 p.m.', '10:35 a.m. Tuesday', 'noon', '15:00 GMT' on the reference day (or the named day)."""
    if m.group("noon"):
        hour, minute = (12, 0) if m.group("noon").lower() == "noon" else (24, 0)
    else:
        hour, minute = int(m.group("h")), int(m.group("mi") or 0)
        ampm = (m.group("ap") or "").lower()
        if ampm.startswith("p") and hour < 12:
            hour += 12
        if ampm.startswith("a") and hour == 12:
            hour = 0
    if hour > 24 or minute > 59:
        return Resolution("TIME", "XXXX-XX-XXTXX:XX", "invalid clock time")
    word = m.group("dayword") or "today"
    if m.group("mon") and ctx.reference is not None:
        month, day_num = month_number(m.group("mon")), int(re.sub(r"\D", "", m.group("day")))
        year = cal.year_for(ctx.reference, month, day_num, "unknown")
        date, how = cal.safe_date(year, month, day_num), f"year from reference {ctx.reference}"
        if date is None:  # 'Sept. 31 at 3 p.m.'
            value = f"XXXX-{month:02d}-{day_num:02d}T{hour:02d}:{minute:02d}"
            return Resolution("TIME", value, no_such_day(f"{year:04d}", month, day_num))
    else:
        date, how = day_word_date(word, "", m.start(), m.end(), ctx)
    day = date.isoformat() if date else _unresolved_day(word)
    return Resolution("TIME", f"{day}T{hour:02d}:{minute:02d}", how if date else UNRESOLVED)


# Named days that are not "the last such weekday" (general knowledge of English names: "Super Tuesday", "Black
# Friday", "Fox News Sunday"): the weekday is part of a name; the timeline cannot date them from the weekday.
_NAMED_DAY_BEFORE = re.compile(r"(?:Super|Black|Cyber|Ash|Palm|Bloody|Holy|Maundy|Giving|Shrove|Fat|News)\s+$")


def _show_name(m: re.Match[str], text: str) -> bool:
    """All-capital "TODAY" in mixed-case text is the name of a programme ("told TODAY"), not a day; so is the
    weekday of a named day ("Super Tuesday")."""
    word = m.group("word") or ""
    if m.group("rel") is None and _NAMED_DAY_BEFORE.search(text[max(0, m.start() - 8) : m.start()]):
        return True
    if word != "TODAY":
        return False
    around = text[max(0, m.start() - 40) : m.end() + 40]
    return any(c.islower() for c in around)


_DAYWORD = rf"(?P<word>{WEEKDAY_RE}|(?i:today|tonight|yesterday|tomorrow))"
RELATIVE_RULES: list[Rule] = [
    Rule(
        "day_word",
        rx(
            rf"(?:(?P<rel>(?i:last|next|this(?:\s+past|\s+coming)?))\s+)?{_DAYWORD}"
            rf"(?:\s+(?P<part>{PART_RE}))?"
        ),
        _day_word,
        lambda m, t: (m.group("rel") is None or m.group("word").lower() not in _DAYWORD_OFFSET)
        and not _show_name(m, t),
    ),
    Rule(
        "part_of_day",
        rx(rf"(?P<rel>(?i:this|last))\s+(?P<part>{PART_RE})(?P<word>)"),
        _day_word,
        lambda m, t: m.group("rel").lower() == "this" or m.group("part").lower() == "night",
    ),
    Rule(
        "month_set",
        rx(rf"(?i:every|each)\s+(?P<mon>{MONTH_RE})"),
        lambda m, c: Resolution("SET", f"XXXX-{month_number(m.group('mon')):02d}", "recurring month"),
    ),
    Rule(
        "weekday_set",
        rx(
            rf"(?:(?i:every|each|on)\s+)?(?P<word>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)s"
            rf"(?:\s+(?P<part>{PART_RE}s?))?|(?i:every|each)\s+(?P<w2>{WEEKDAY_RE})"
        ),
        _weekday_set,
    ),
    Rule(
        "rel_unit",
        rx(
            r"(?P<rel>(?i:(?:earlier|later)\s+(?:this|in\s+the)|this\s+(?:past|coming)|the\s+(?:past|last"
            r"|previous|coming|next|current|same|following)|last|next|this|past|the))\s+"
            r"(?P<unit>(?i:week|month|year|quarter|weekend|decade|century))"
        ),
        _rel_unit,
        lambda m, t: not re.match(r"[\s-]+(?:old|ago|earlier|later)\b", t[m.end() : m.end() + 8]),
    ),
    Rule("year_adj", rx(r"(?i:year-end|year-earlier|year-ago|year\s+earlier|year\s+ago)"), _year_adj),
    Rule("ago", rx(rf"(?:{_NUM}[\s-]+)?{_UNIT}(?:\s+or\s+so)?\s+(?i:ago)"), _ago),
    Rule(
        "offset",
        rx(
            rf"(?:{_NUM}[\s-]+)?{_UNIT}(?:\s+or\s+so)?\s+(?P<dir>(?i:later|earlier|afterwards?|previously"
            r"|from\s+now|hence))"
        ),
        _offset,
    ),
    Rule(
        "anchored_day",
        rx(
            r"(?i:the\s+(?:next|following|previous|preceding|same)\s+day|the\s+day\s+(?:before|after)"
            r"(?:\s+(?:yesterday|tomorrow))?|that\s+(?:same\s+)?day"
            r"|(?:the\s+(?:next|following|previous|preceding|same)|that(?:\s+same)?)\s+"
            r"(?P<apart>morning|afternoon|evening|night))"
        ),
        _anchored_day,
    ),
    Rule(
        "clock",
        rx(
            rf"(?:(?P<h>[01]?\d|2[0-4])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>(?i:[ap]\.m\.?|[ap]m))"
            rf"|(?P<h24>)(?P<noon>(?i:noon|midnight)))(?:\s+(?:[ECMP][SD]T|GMT|UTC))?"
            rf"(?:,?\s+(?:on\s+)?(?:(?P<dayword>{WEEKDAY_RE}|(?i:today|yesterday|tomorrow))"
            rf"|(?P<mon>{MONTH_RE})\s+(?P<day>{DAY_NUM_RE})))?"
        ),
        _clock,
    ),
]
