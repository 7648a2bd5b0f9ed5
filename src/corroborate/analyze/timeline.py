"""Timeline: dated events of a story, relative dates resolved, the same event across reports merged.

Reads prepared Articles. Each report's reference date is its publication date; without one, the date its own
text gives (``timex.infer_reference_date``), else the dates the other reports of the story carry. Every entry
says how its date was resolved, per source.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..brief.citations import claim_of, support
from ..clean.metadata import dateline
from ..model import Article
from .timex import Timex, find_timexes, infer_reference_date, resolve_relative

# 0.6: two reports' sentences on the same date are listed as one event when either carries 60% of the other's
# content stems (the citation bar), so distinct wordings stay separate entries; set by hand on the examples.
SAME_EVENT_SUPPORT = 0.6
_DATE_VALUE = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$")
_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# 10 days: how far before its reference a dated report's day-exact date still counts as this story's event, and
# how far after the story's first event an undated report is searched for; set by hand (news stories of a week).
ANCHOR_WINDOW_DAYS = 10
_AFTER_EVENT = re.compile(
    r"\s+(?:after|later than|following)\s+the\s+(?:blast|attack|bombing|explosion|"
    r"vote|election|strike|raid|abduction|kidnapping|clashes|shelling|storm|quake|fire|crash)\b",
    re.IGNORECASE,
)
_DATELINE_PREFIX = re.compile(r"^[^\n]{0,120}?\)\s*[-–—:]\s*")


@dataclass(frozen=True)
class Reference:
    date: dt.date | None
    how: str


def reference_dates(articles: Sequence[Article]) -> dict[str, Reference]:
    """Each report's reference date and how it was found.

    Published date first; else the date its own text gives; else the story: the latest date another report
    carries, moved forward (at most ``ANCHOR_WINDOW_DAYS``) until none of the report's weekday expressions
    ("on Saturday", "Monday") points before the story's first dated event: a report of the story does not
    date its weekdays before the event it reports.
    """
    refs: dict[str, Reference] = {}
    for a in articles:
        if a.published:
            refs[a.id] = Reference(a.published, f"report date ({a.published_how or 'given'})")
        else:
            date, why = infer_reference_date(a.text)
            refs[a.id] = Reference(date, f"from its own text: {why}") if date else Reference(None, why)
    anchor = story_anchor(articles, refs)
    dated = [r.date for r in refs.values() if r.date]
    for a in articles:
        if refs[a.id].date is not None or not dated:
            continue
        latest = max(d for d in dated if d)
        found = _consistent_reference(a.text, latest, anchor) if anchor else None
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


def story_anchor(articles: Sequence[Article], refs: dict[str, Reference]) -> dt.date | None:
    """The story's first dated event: the earliest day a dated report names relative to its own date
    ("on Saturday", "yesterday"), within ``ANCHOR_WINDOW_DAYS`` before it. Reports date the event they cover
    relatively and background with explicit dates ("engineers had warned on 2 April"), so explicit dates and
    dates inferred from a report's own text are not used when a published date exists."""
    published = [a for a in articles if a.published]
    days: list[dt.date] = []
    for a in published or articles:
        ref = refs[a.id].date
        if ref is None:
            continue
        for t in find_timexes(a.text, ref):
            relative = "weekday" in t.how or "relative" in t.how
            if t.kind in ("DATE", "TIME") and relative and _DAY_VALUE.match(t.value[:10]):
                day = dt.date.fromisoformat(t.value[:10])
                if ref - dt.timedelta(days=ANCHOR_WINDOW_DAYS) <= day <= ref:
                    days.append(day)
        days.append(ref)
    return min(days) if days else None


def _consistent_reference(text: str, start: dt.date, anchor: dt.date) -> dt.date | None:
    for shift in range(ANCHOR_WINDOW_DAYS + 1):
        candidate = start + dt.timedelta(days=shift)
        weekdays = [t for t in find_timexes(text, candidate) if "weekday" in t.how and _DAY_VALUE.match(t.value[:10])]
        if all(dt.date.fromisoformat(t.value[:10]) >= anchor for t in weekdays):
            return candidate
    return None


@dataclass(frozen=True)
class _Event:
    date: str
    source: str
    start: int
    end: int
    text: str
    expression: str
    how: str


def _dateline_end(text: str) -> int:
    first = text.split("\n\n", 1)[0]
    if dateline(first)[1] is None:
        return 0
    m = _DATELINE_PREFIX.match(first)
    return m.end() if m else 0


def _sentence_of(article: Article, pos: int) -> tuple[int, int] | None:
    for start, end in article.sentences:
        if start <= pos < end:
            return start, end
    return None


def _events(article: Article, ref: Reference, anchor: dt.date | None) -> list[_Event]:
    skip_until = _dateline_end(article.text)
    out: list[_Event] = []
    timexes: list[Timex] = find_timexes(article.text, ref.date)
    for t in timexes:
        if t.offset and t.kind == "DURATION" and anchor is not None and _AFTER_EVENT.match(article.text, t.end):
            # "two days after the blast": an offset from the story's first event.
            t = resolve_relative(t, anchor)
            t = Timex(t.start, t.end, t.text, t.kind, t.value, f"{t.how} (the story's first event)", t.offset)
        if t.kind not in ("DATE", "TIME") or t.start < skip_until:
            continue
        value = t.value[:10]
        if not _DATE_VALUE.match(value):
            continue
        sentence = _sentence_of(article, t.start)
        if sentence is None:
            continue
        how = t.how if t.how.startswith("explicit") else f"{t.how}; reference: {ref.how}"
        out.append(
            _Event(value, article.id, sentence[0], sentence[1], article.text[sentence[0] : sentence[1]], t.text, how)
        )
    # One entry per (sentence, date): a sentence naming the same day twice is one event.
    unique = {(e.date, e.start): e for e in out}
    return [unique[k] for k in sorted(unique, key=lambda k: (k[1], k[0]))]


def build_timeline(articles: Sequence[Article]) -> list[dict[str, Any]]:
    """Timeline entries sorted by date; one entry per event, with every source that dates it the same."""
    refs = reference_dates(articles)
    anchor = story_anchor(articles, refs)
    events = [e for a in sorted(articles, key=lambda a: a.id) for e in _events(a, refs[a.id], anchor)]
    groups: list[list[_Event]] = []
    claims = {id(e): claim_of(e.text) for e in events}
    for event in events:
        for group in groups:
            head = group[0]
            if (
                head.date == event.date
                and head.source != event.source
                and (
                    support(claims[id(head)], claims[id(event)]) >= SAME_EVENT_SUPPORT
                    or support(claims[id(event)], claims[id(head)]) >= SAME_EVENT_SUPPORT
                )
            ):
                group.append(event)
                break
        else:
            groups.append([event])
    entries = []
    for group in groups:
        head = group[0]
        entries.append(
            {
                "date": head.date,
                "text": head.text,
                "sources": sorted({e.source for e in group}),
                "spans": [{"source": e.source, "start": e.start, "end": e.end} for e in group],
                "resolved": [{"source": e.source, "expression": e.expression, "how": e.how} for e in group],
            }
        )
    entries.sort(key=lambda e: (e["date"], -len(e["sources"]), e["text"]))
    return entries
