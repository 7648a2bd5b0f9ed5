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
from .timex import Timex, find_timexes, infer_reference_date

# 0.5: two reports' sentences on the same date describe one event when either carries half the other's content
# stems (the coverage bar); set by hand on the example stories.
SAME_EVENT_SUPPORT = 0.5
_DATE_VALUE = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$")
_DATELINE_PREFIX = re.compile(r"^[^\n]{0,120}?\)\s*[-–—:]\s*")


@dataclass(frozen=True)
class Reference:
    date: dt.date | None
    how: str


def reference_dates(articles: Sequence[Article]) -> dict[str, Reference]:
    """Each report's reference date and how it was found."""
    refs: dict[str, Reference] = {}
    for a in articles:
        if a.published:
            refs[a.id] = Reference(a.published, f"report date ({a.published_how or 'given'})")
        else:
            date, why = infer_reference_date(a.text)
            refs[a.id] = Reference(date, f"from its own text: {why}") if date else Reference(None, why)
    dated = sorted({r.date for r in refs.values() if r.date})
    for a in articles:
        if refs[a.id].date is None and dated:
            others = [refs[o.id].date for o in articles if o.id != a.id and refs[o.id].date]
            if others:
                # The latest date another report gives: coverage of one story follows the event, so an undated
                # report is most plausibly as recent as the most recent dated one.
                latest = max(d for d in others if d)
                refs[a.id] = Reference(latest, f"from the story's other reports (latest date {latest.isoformat()})")
    return refs


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


def _events(article: Article, ref: Reference) -> list[_Event]:
    skip_until = _dateline_end(article.text)
    out: list[_Event] = []
    timexes: list[Timex] = find_timexes(article.text, ref.date)
    for t in timexes:
        if t.kind not in ("DATE", "TIME") or t.start < skip_until:
            continue
        value = t.value[:10]
        if not _DATE_VALUE.match(value):
            continue
        sentence = _sentence_of(article, t.start)
        if sentence is None:
            continue
        how = t.how if t.how.startswith("explicit") else f"{t.how}; reference: {ref.how}"
        out.append(_Event(value, article.id, sentence[0], sentence[1], article.text[sentence[0]:sentence[1]], t.text, how))
    # One entry per (sentence, date): a sentence naming the same day twice is one event.
    unique = {(e.date, e.start): e for e in out}
    return [unique[k] for k in sorted(unique, key=lambda k: (k[1], k[0]))]


def build_timeline(articles: Sequence[Article]) -> list[dict[str, Any]]:
    """Timeline entries sorted by date; one entry per event, with every source that dates it the same."""
    refs = reference_dates(articles)
    events = [e for a in sorted(articles, key=lambda a: a.id) for e in _events(a, refs[a.id])]
    groups: list[list[_Event]] = []
    claims = {id(e): claim_of(e.text) for e in events}
    for event in events:
        for group in groups:
            head = group[0]
            if head.date == event.date and head.source != event.source and (
                support(claims[id(head)], claims[id(event)]) >= SAME_EVENT_SUPPORT
                or support(claims[id(event)], claims[id(head)]) >= SAME_EVENT_SUPPORT
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
