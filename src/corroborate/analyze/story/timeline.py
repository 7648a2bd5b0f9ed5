"""Timeline: dated events of a story, relative dates resolved, the same event across reports merged.

Reads prepared Articles (cleaned text, sentence spans, publication date); returns the briefing's ``timeline``
records. Relative dates count from each report's reference date (:func:`corroborate.analyze.timex.reference_dates`:
its publication date; without one, the date its own text gives, else the dates the story's other reports carry).
Every entry says how its date was resolved, per source, and points at the dated sentence and the expression that
dated it. Each report's time expressions are found once (a :class:`~corroborate.analyze.timex.TimexIndex` shared
by the reference dates, the story's anchor and the events) and written as its Doc's ``timex`` layer.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...clean.metadata import dateline
from ...document import Item, make_doc, text_span, write_layer
from ...model import Article
from ...records import Resolution, TimelineEntry
from ..text import claim_of, support
from ..timex import Indexes, Reference, Timex, index_of, reference_dates, resolve_relative, story_anchor

if TYPE_CHECKING:
    from spacy.tokens import Doc

# 0.6: two reports' sentences on the same date are listed as one event when either carries 60% of the other's
# content stems (the citation bar), so distinct wordings stay separate entries; set by hand on the examples.
SAME_EVENT_SUPPORT = 0.6
_DATE_VALUE = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$")
_AFTER_EVENT = re.compile(
    r"\s+(?:after|later than|following)\s+the\s+(?:blast|attack|bombing|explosion|"
    r"vote|election|strike|raid|abduction|kidnapping|clashes|shelling|storm|quake|fire|crash)\b",
    re.IGNORECASE,
)
_DATELINE_PREFIX = re.compile(r"^[^\n]{0,120}?\)\s*[-–—:]\s*")


@dataclass(frozen=True)
class _Event:
    date: str
    source: str
    start: int
    end: int
    text: str
    expression: str
    how: str
    expression_start: int
    expression_end: int


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


def _events(article: Article, ref: Reference, anchor: dt.date | None, timexes: Indexes, doc: Doc) -> list[_Event]:
    skip_until = _dateline_end(article.text)
    out: list[_Event] = []
    found: list[Timex] = []
    for t in index_of(article, timexes).resolve(ref.date):
        if t.offset and t.kind == "DURATION" and anchor is not None and _AFTER_EVENT.match(article.text, t.end):
            # "two days after the blast": an offset from the story's first event.
            t = resolve_relative(t, anchor)
            t = Timex(t.start, t.end, t.text, t.kind, t.value, f"{t.how} (the story's first event)", t.offset)
        found.append(t)
    write_layer(doc, "timex", [Item(t.start, t.end, t.kind, {"value": t.value, "how": t.how}) for t in found])
    for t in found:
        if t.kind not in ("DATE", "TIME") or t.start < skip_until:
            continue
        value = t.value[:10]
        if not _DATE_VALUE.match(value):
            continue
        sentence = _sentence_of(article, t.start)
        if sentence is None:
            continue
        how = t.how if t.how.startswith("explicit") else f"{t.how}; reference: {ref.how}"
        text = article.text[sentence[0] : sentence[1]]
        out.append(_Event(value, article.id, sentence[0], sentence[1], text, t.text, how, t.start, t.end))
    # One entry per (sentence, date): a sentence naming the same day twice is one event.
    unique = {(e.date, e.start): e for e in out}
    return [unique[k] for k in sorted(unique, key=lambda k: (k[1], k[0]))]


def build_timeline(articles: Sequence[Article], docs: dict[str, Doc] | None = None) -> list[TimelineEntry]:
    """Timeline entries sorted by date; one entry per event, with every source that dates it the same.

    ``docs`` are the reports' Docs (built here when not given); each gets its ``timex`` layer."""
    docs = docs if docs is not None else {a.id: make_doc(a) for a in articles}
    timexes: Indexes = {}
    refs = reference_dates(articles, timexes)
    anchor = story_anchor(articles, refs, timexes)
    events = [
        e for a in sorted(articles, key=lambda a: a.id) for e in _events(a, refs[a.id], anchor, timexes, docs[a.id])
    ]
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
            TimelineEntry(
                date=head.date,
                text=text_span(docs[head.source], head.start, head.end).text,
                sources=sorted({e.source for e in group}),
                spans=[text_span(docs[e.source], e.start, e.end) for e in group],
                resolved=[
                    Resolution(
                        source=e.source,
                        expression=e.expression,
                        how=e.how,
                        span=text_span(docs[e.source], e.expression_start, e.expression_end),
                    )
                    for e in group
                ],
            )
        )
    entries.sort(key=lambda e: (e.date, -len(e.sources), e.text))
    return entries
