"""Reference dates: the day each report's relative dates ("on Saturday", "yesterday") count from.

Reads a story's prepared Articles (``published``, ``published_how``, cleaned text); returns one
:class:`Reference` per report id, saying how its date was found: the publication date; without one, the date
its own text gives (:func:`~corroborate.analyze.timex.find.infer_reference_date`); else the dates the story's
other reports carry. :func:`story_anchor` is the story's first dated event, from which offsets such as "two days
after the blast" count.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import MutableMapping, Sequence
from dataclasses import dataclass

from corroborate.analyze.timex.find import TimexIndex, infer_reference_date
from corroborate.model import Article

# report id -> its time expressions, found once (the caller may pass one in to share it with the timeline)
Indexes = MutableMapping[str, TimexIndex]

__all__ = ["ANCHOR_WINDOW_DAYS", "Indexes", "Reference", "index_of", "reference_dates", "story_anchor"]

# 10 days: how far before its reference a dated report's day-exact date still counts as this story's event, and
# how far after the story's first event an undated report is searched for; set by hand (news stories of a week).
ANCHOR_WINDOW_DAYS = 10
_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Reference:
    date: dt.date | None
    how: str


def index_of(article: Article, timexes: Indexes) -> TimexIndex:
    """The report's :class:`TimexIndex`, built on first use and kept in ``timexes``."""
    if article.id not in timexes:
        timexes[article.id] = TimexIndex(article.text)
    return timexes[article.id]


def reference_dates(articles: Sequence[Article], timexes: Indexes | None = None) -> dict[str, Reference]:
    """Each report's reference date and how it was found.

    Published date first; else the date its own text gives; else the story: the latest date another report
    carries, moved forward (at most ``ANCHOR_WINDOW_DAYS``) until none of the report's weekday expressions
    ("on Saturday", "Monday") points before the story's first dated event: a report of the story does not
    date its weekdays before the event it reports. ``timexes`` holds each report's expressions, found once.
    """
    timexes = {} if timexes is None else timexes
    refs: dict[str, Reference] = {}
    for a in articles:
        if a.published:
            refs[a.id] = Reference(a.published, f"report date ({a.published_how or 'given'})")
        else:
            date, why = infer_reference_date(index_of(a, timexes))
            refs[a.id] = Reference(date, f"from its own text: {why}") if date else Reference(None, why)
    anchor = story_anchor(articles, refs, timexes)
    dated = [r.date for r in refs.values() if r.date]
    for a in articles:
        if refs[a.id].date is not None or not dated:
            continue
        latest = max(d for d in dated if d)
        found = _consistent_reference(index_of(a, timexes), latest, anchor) if anchor else None
        if found is not None and found != latest:
            refs[a.id] = Reference(
                found,
                f"from the story: latest report date {latest.isoformat()} moved to "
                f"{found.isoformat()} so its weekdays fall after the story's first event "
                f"({anchor.isoformat() if anchor else '?'})",
            )
        else:
            refs[a.id] = Reference(latest, f"from the story's other reports (latest date {latest.isoformat()})")
    return refs


def story_anchor(
    articles: Sequence[Article], refs: dict[str, Reference], timexes: Indexes | None = None
) -> dt.date | None:
    """The story's first dated event: the earliest day a dated report names relative to its own date
    ("on Saturday", "yesterday"), within ``ANCHOR_WINDOW_DAYS`` before it. Reports date the event they cover
    relatively and background with explicit dates ("engineers had warned on 2 April"), so explicit dates and
    dates inferred from a report's own text are not used when a published date exists."""
    timexes = {} if timexes is None else timexes
    published = [a for a in articles if a.published]
    days: list[dt.date] = []
    for a in published or articles:
        ref = refs[a.id].date
        if ref is None:
            continue
        for t in index_of(a, timexes).resolve(ref):
            relative = "weekday" in t.how or "relative" in t.how
            if t.kind in ("DATE", "TIME") and relative and _DAY_VALUE.match(t.value[:10]):
                day = dt.date.fromisoformat(t.value[:10])
                if ref - dt.timedelta(days=ANCHOR_WINDOW_DAYS) <= day <= ref:
                    days.append(day)
        days.append(ref)
    return min(days) if days else None


def _consistent_reference(index: TimexIndex, start: dt.date, anchor: dt.date) -> dt.date | None:
    for shift in range(ANCHOR_WINDOW_DAYS + 1):
        candidate = start + dt.timedelta(days=shift)
        weekdays = [t for t in index.resolve(candidate) if "weekday" in t.how and _DAY_VALUE.match(t.value[:10])]
        if all(dt.date.fromisoformat(t.value[:10]) >= anchor for t in weekdays):
            return candidate
    return None
