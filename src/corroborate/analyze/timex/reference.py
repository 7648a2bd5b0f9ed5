"""Reference dates: the day each report's relative dates ("on Saturday", "yesterday") count from.

Reads a story's prepared Articles (``published``, ``published_how``, ``removed_lines``, cleaned text); returns one
:class:`Reference` per report id, saying how its date was found: the publication date; without one, the date
its own text gives (:func:`~corroborate.analyze.timex.find.infer_reference_date`), else the year it calls current
(only named months and days are then dated); else the dates the story's other reports carry (``borrowed``).
A date read from a removed caption is the photo's: "Picture taken ..." / "file photo" make it only the earliest
day the report can have been written (``bound="after"``), and a later date another report of the story gives
itself replaces it (borrowed). :func:`story_anchor` is the story's first dated event, from which offsets such as
"two days after the blast" count; only day-exact references take part.
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

__all__ = [
    "ANCHOR_WINDOW_DAYS",
    "Indexes",
    "Reference",
    "index_of",
    "infer_reference_year",
    "main_reports",
    "reference_dates",
    "story_anchor",
]

# 10 days: how far before its reference a dated report's day-exact date still counts as this story's event, and
# how far after the story's first event an undated report is searched for; set by hand (news stories of a week).
ANCHOR_WINDOW_DAYS = 10
_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Reference:
    """The day a report's relative dates count from, how it was found, and how far it can be trusted.

    ``borrowed``: the date comes from another report of the story (entries dated from it say so).
    ``bound``: ``""`` for a day; ``"year"`` when only the report's year is known (``date`` is that year's last
    day); ``"after"`` when ``date`` is only the earliest day the report can have been written (a photo's date).
    With a bound only dates that name their month (and day) are resolved against it, never weekdays or "today".
    """

    date: dt.date | None
    how: str
    borrowed: bool = False
    bound: str = ""

    @property
    def exact(self) -> bool:
        return self.date is not None and not self.bound


# "So far, in 2016, ...", "in 2016 so far", "2016 to date": the text calls that year the current one.
_CURRENT_YEAR = re.compile(
    r"(?i:\bso\s+far|\bthus\s+far)\s*,?\s+(?i:in|this\s+year\s*,?)\s+(?P<y1>(?:19|20)\d\d)\b"
    r"|\b(?i:in|for)\s+(?P<y2>(?:19|20)\d\d)\s+(?i:so\s+far|to\s+date|thus\s+far)\b"
)
# A caption that says its picture was taken earlier, or is a file photo, dates the photo, not the report.
_PHOTO_DATE = re.compile(r"(?i:picture\s+taken|photo\s+taken|file\s+(?:photo|picture|image))")


def infer_reference_year(text: str) -> int | None:
    """The year a text calls its current one ("so far, in 2016"), or None."""
    m = _CURRENT_YEAR.search(text)
    return int(m.group("y1") or m.group("y2")) if m else None


def _photo_date_only(article: Article) -> bool:
    """The report date came from a removed caption that says the picture is older than the report."""
    if article.published is None or article.published_how != "date in a removed line":
        return False
    for line in article.removed_lines:
        if _PHOTO_DATE.search(line) and any(d == article.published for _, d in TimexIndex(line).explicit_full_dates()):
            return True
    return False


def _own_reference(article: Article, timexes: Indexes) -> Reference:
    if article.published and _photo_date_only(article):
        return Reference(
            article.published,
            f"after {article.published.isoformat()}: a caption dates its photo then, the report is later",
            bound="after",
        )
    if article.published:
        return Reference(article.published, f"report date ({article.published_how or 'given'})")
    date, why = infer_reference_date(index_of(article, timexes))
    if date:
        return Reference(date, f"from its own text: {why}")
    year = infer_reference_year(article.text)
    if year is not None:
        return Reference(
            dt.date(year, 12, 31), f"from its own text: it calls {year} the current year ({why})", bound="year"
        )
    return Reference(None, why)


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
    refs = {a.id: _own_reference(a, timexes) for a in articles}
    _caption_dates_to_story(articles, refs)
    anchor = story_anchor(articles, refs, timexes)
    dated = [r.date for r in refs.values() if r.exact and r.date]
    bounds = [r.date for r in refs.values() if r.bound == "after" and r.date]
    for a in articles:
        if refs[a.id].date is not None:
            continue
        if not dated:
            if bounds:
                refs[a.id] = Reference(
                    max(bounds), f"borrowed: another report of the story is later than {max(bounds)}",
                    borrowed=True, bound="after",
                )
            continue
        latest = max(dated)
        found = _consistent_reference(index_of(a, timexes), latest, anchor) if anchor else None
        if found is not None and found != latest:
            refs[a.id] = Reference(
                found,
                f"borrowed from the story: latest report date {latest.isoformat()} moved to "
                f"{found.isoformat()} so its weekdays fall after the story's first event "
                f"({anchor.isoformat() if anchor else '?'})",
                borrowed=True,
            )
        else:
            refs[a.id] = Reference(
                latest, f"borrowed from the story's other reports (latest date {latest.isoformat()})", borrowed=True
            )
    return refs


def _caption_dates_to_story(articles: Sequence[Article], refs: dict[str, Reference]) -> None:
    """A report dated only by a removed caption line was written on or after that day: when another report of the
    story gives itself a later date (its metadata, dateline or text, within ``ANCHOR_WINDOW_DAYS``), it takes that
    one, marked borrowed (a Saturday photo in a report that says "on Sunday, Manafort blamed ...")."""
    own = [
        refs[a.id].date
        for a in articles
        if refs[a.id].exact and a.published_how != "date in a removed line" and refs[a.id].date is not None
    ]
    for a in articles:
        ref = refs[a.id]
        if a.published_how != "date in a removed line" or not ref.exact or ref.date is None:
            continue
        window = ref.date + dt.timedelta(days=ANCHOR_WINDOW_DAYS)
        later = [d for d in own if d is not None and ref.date < d <= window]
        if later:
            refs[a.id] = Reference(
                max(later),
                f"borrowed from the story: its caption dates a photo {ref.date.isoformat()}, another report of the "
                f"story is dated {max(later).isoformat()}",
                borrowed=True,
            )


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
        if ref is None or not refs[a.id].exact:
            continue
        for t in index_of(a, timexes).resolve(ref):
            relative = "weekday" in t.how or "relative" in t.how
            if t.kind in ("DATE", "TIME") and relative and _DAY_VALUE.match(t.value[:10]):
                day = dt.date.fromisoformat(t.value[:10])
                if ref - dt.timedelta(days=ANCHOR_WINDOW_DAYS) <= day <= ref:
                    days.append(day)
        days.append(ref)
    return min(days) if days else None


def main_reports(articles: Sequence[Article], refs: dict[str, Reference]) -> list[Article]:
    """The reports the story's own events come from: those with a day-exact reference (own or borrowed) within
    ``ANCHOR_WINDOW_DAYS`` of the span of days where most reports date themselves (a tie goes to the latest).
    A cluster's older report (an agency note on the same disease two years before) tells background; it must
    not pull the story's first event back by years. Borrowed dates only follow the others', so they are not
    counted, unless no report has a date of its own."""
    exact = [r for r in refs.values() if r.exact and r.date is not None]
    days = sorted(r.date for r in exact if r.date is not None and not r.borrowed) or sorted(
        r.date for r in exact if r.date is not None
    )
    if not days:
        return []
    window = dt.timedelta(days=ANCHOR_WINDOW_DAYS)
    best = max(days, key=lambda d: (sum(1 for e in days if d - window <= e <= d), d))
    return [
        a
        for a in articles
        if refs[a.id].exact and best - window <= (refs[a.id].date or dt.date.min) <= best + window
    ]


def _consistent_reference(index: TimexIndex, start: dt.date, anchor: dt.date) -> dt.date | None:
    for shift in range(ANCHOR_WINDOW_DAYS + 1):
        candidate = start + dt.timedelta(days=shift)
        weekdays = [t for t in index.resolve(candidate) if "weekday" in t.how and _DAY_VALUE.match(t.value[:10])]
        if all(dt.date.fromisoformat(t.value[:10]) >= anchor for t in weekdays):
            return candidate
    return None
