"""Rules for named days and seasons: fixed and movable holidays ("Thanksgiving", "Easter 2031") and seasons
("last summer", "the fall of 2030"). Yearless forms take the year nearest the reference (holidays) or the one the
tense and the modifier give (seasons). Split from :mod:`corroborate.analyze.timex.rules_abs`, which lists the rules.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

from corroborate.analyze.timex import calendar as cal
from corroborate.analyze.timex.context import UNRESOLVED, Ctx, Resolution
from corroborate.analyze.timex.lexicon import SEASONS

__all__ = ["check_season", "holiday", "season"]


def _year(text: str) -> int:
    if text[0] in "'\u2019":
        two = int(text[1:])
        return 1900 + two if two > 30 else 2000 + two
    return int(text)


def season(m: re.Match[str], ctx: Ctx) -> Resolution:
    season = SEASONS[m.group("season").lower()]
    if m.group("year"):
        return Resolution("DATE", f"{_year(m.group('year')):04d}-{season}", "explicit")
    if ctx.reference is None:
        return Resolution("DATE", f"XXXX-{season}", UNRESOLVED)
    rel = (m.group("rel") or "").lower()
    tense = (
        "past"
        if "last" in rel or "past" in rel
        else "future"
        if "next" in rel or "coming" in rel
        else ("unknown" if "this" in rel else ctx.tense(m.start(), m.end()))
    )
    year = cal.season_year(ctx.reference, season, tense)
    if rel.endswith("last") and year == ctx.reference.year:
        year -= 1
    if rel.endswith("next") and year == ctx.reference.year:
        year += 1
    return Resolution("DATE", f"{year:04d}-{season}", f"season relative to reference {ctx.reference}")


_SEASON_FOLLOWERS = frozenset(
    "of and or when as before after to in at on for with that is was were had has season months break".split()
)


def check_season(m: re.Match[str], text: str) -> bool:
    """Bare 'fall' / 'spring' are usually a verb and a noun; require a determiner, modifier or year."""
    season = m.group("season").lower()
    rel = (m.group("rel") or "").lower()
    if m.group("year") or (rel and rel != "the"):
        return True
    # 'the spring water', 'summer camp': a following lowercase noun makes the season an adjective.
    nxt = re.match(r"\s+([a-z]+)", text[m.end() : m.end() + 16])
    if nxt and nxt.group(1) not in _SEASON_FOLLOWERS:
        return False
    if season in ("fall", "spring") and re.match(r"\s+(?:in|of|from|to|at|was|is)\b", text[m.end() : m.end() + 8]):
        return False
    preceding = re.search(
        r"(?:in|during|since|until|by|this|last|next)\s+(?:the\s+)?$",
        text[max(0, m.start() - 12) : m.start()],
        re.IGNORECASE,
    )
    return bool(preceding) or rel == "the" or season in ("summer", "winter")


def _nth_weekday(year: int, month: int, iso_weekday: int, n: int) -> dt.date:
    """n-th (n > 0) or last (n = -1) given weekday of a month: Thanksgiving, Labor Day, Memorial Day."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(iso_weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = dt.date(year, month, 1) + relativedelta(months=1, days=-1)
    return last - dt.timedelta(days=(last.isoweekday() - iso_weekday) % 7)


_HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "new year's day": lambda y: dt.date(y, 1, 1),
    "new year's eve": lambda y: dt.date(y, 12, 31),
    "christmas eve": lambda y: dt.date(y, 12, 24),
    "christmas day": lambda y: dt.date(y, 12, 25),
    "christmas": lambda y: dt.date(y, 12, 25),
    "independence day": lambda y: dt.date(y, 7, 4),
    "halloween": lambda y: dt.date(y, 10, 31),
    "valentine's day": lambda y: dt.date(y, 2, 14),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 4, 4),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 4, 4),
    "labor day": lambda y: _nth_weekday(y, 9, 1, 1),
    "memorial day": lambda y: _nth_weekday(y, 5, 1, -1),
    "easter sunday": easter,
    "easter": easter,
    "good friday": lambda y: easter(y) - dt.timedelta(days=2),
}


def holiday(m: re.Match[str], ctx: Ctx) -> Resolution:
    """Fixed and movable holidays; the year is the one nearest the reference unless given."""
    name = re.sub(r"\s+", " ", m.group("name").lower().replace("\u2019", "'"))
    rule = _HOLIDAYS[name]
    if m.group("year"):
        return Resolution("DATE", rule(int(m.group("year"))).isoformat(), "explicit")
    if ctx.reference is None:
        return Resolution("DATE", "XXXX-XX-XX", UNRESOLVED)
    ref = ctx.reference
    date = min((rule(y) for y in (ref.year - 1, ref.year, ref.year + 1)), key=lambda d: abs((d - ref).days))
    return Resolution("DATE", date.isoformat(), f"holiday nearest reference {ref}")
