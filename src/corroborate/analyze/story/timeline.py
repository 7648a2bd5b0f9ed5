"""Timeline: dated events of a story, relative dates resolved, the same event across reports merged.

Reads prepared Articles (cleaned text, sentence spans, publication date) and their parsed Docs; returns the
briefing's ``timeline`` records and writes each Doc's ``timex`` layer. Relative dates count from each report's
reference date (:func:`corroborate.analyze.timex.reference_dates`): its publication date; without one, the date
its own text gives (a dateline, else a full date that is not background), else the dates the story's other
reports carry; a resolution from a borrowed reference is marked ``borrowed``. A report that only gives its year
("so far, in 2016") or only the earliest day it can have been written (a file photo's date) dates just the
expressions that name their month ("in April", "on Jan. 25"), never a weekday or "today".

What is kept, and why (precision first; each rule is general news grammar, tested on fictional text):

- explicit dates always, even when no report date is known;
- a yearless month or day takes its year from the clause's tense in the parse (past: on or before the report
  date, "hired in April"; future: after it, "will vote on March 3"), from a weekday the text gives it ("Tuesday,
  March 1"), from a range that ends in a year ("from August to December 2014") or a year earlier in its sentence;
  habitual sentences ("usually peaks in October") date nothing;
- a clock time without its own day takes the day named in its sentence, else the report's own date, never a
  borrowed one; deictic words inside quotation marks ("today", "last night") count from when the speaker
  spoke, unknown here, so they date nothing; offsets of hours ("hours earlier") give no day, nor does "the next day"
  with no day mentioned before it (after "In August 2014" the narrative has no day to count from).

Every entry says how its date was resolved, per source, and points at the dated sentence and the expression that
dated it. An entry well before the story's first event is marked ``background`` (an earlier case, a career
step), kept apart from the story's own events but still listed. The first event is read from the reports dated
within days of most of the others (:func:`~corroborate.analyze.timex.main_reports`: a cluster's older report
tells background and does not pull the story back by years); a story with no report date counts from the earliest day
its reports can have been written (a year named in a past-tense clause, a year called current, a photo's date).
Each report's time expressions are found once (a :class:`~corroborate.analyze.timex.TimexIndex` shared by the
reference dates, the anchor and the events).
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
from ..timex import (
    Indexes,
    Reference,
    Timex,
    index_of,
    main_reports,
    past_years,
    reference_dates,
    resolve_relative,
    story_anchor,
)
from ..timex.grammar import clause_tense
from ..timex.lexicon import MONTH_RE, YEAR_RE

if TYPE_CHECKING:
    from spacy.tokens import Doc

# 0.4: two reports' sentences on the same date are listed as one event when either carries 40% of the other's
# content stems, the dating expression left out. On the 24 realnews-dev clusters (215 dated sentences) 0.6 left
# 204 entries, 0.4 191, every merge judged by hand as one event told by two outlets; 0.3 (186) began to join
# different events of one day. A sentence of fewer than 2 content stems ("10:20 p.m.") joins nothing, and a
# join rests on at least 2 shared stems: one shared word is 50% of a two-word clause ("On Wednesday, they prepared
# to kill him" is not "He was killed on Wednesday by rangers"), and one word names no event.
SAME_EVENT_SUPPORT = 0.4
_MIN_EVENT_STEMS = 2
_MIN_SHARED_STEMS = 2
# 30 days: an entry whose period ends this long before the story's first event is background; a story's own
# events fall within days of each other (ANCHOR_WINDOW_DAYS), a month leaves room for the run-up. Set by hand.
BACKGROUND_DAYS = 30
_DATE_VALUE = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$")
_AFTER_EVENT = re.compile(
    r"\s+(?:after|later than|following)\s+the\s+(?:blast|attack|bombing|explosion|"
    r"vote|election|strike|raid|abduction|kidnapping|clashes|shelling|storm|quake|fire|crash)\b",
    re.IGNORECASE,
)
_DATELINE_PREFIX = re.compile(r"^[^\n]{0,120}?\)\s*[-–—:]\s*")
# Habitual sentences (general English adverbs of frequency): "cases usually peak in October" dates no event.
_HABITUAL = re.compile(
    r"\b(?:typically|usually|normally|generally|traditionally|tends?\s+to|each\s+year|every\s+year|annually"
    r"|in\s+past\s+years|in\s+most\s+years|in\s+a\s+typical\s+year)\b",
    re.IGNORECASE,
)
_DEICTIC = re.compile(
    r"\b(?:today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening)|last\s+night)\b", re.IGNORECASE
)
_CLOCK = re.compile(r"\d|\b(?:noon|midnight)\b", re.IGNORECASE)
# "from August to December 2014", "between August and December 2014": the first month shares the range's year.
_RANGE_YEAR = re.compile(
    rf"\s*(?:-|–|—|(?i:to|and|through|until|till))\s+(?:(?i:early|late|mid)[\s-]+)?(?P<mon>{MONTH_RE})"
    rf"(?:\s+\d{{1,2}})?,?\s+(?P<year>{YEAR_RE})"
)
_YEARLESS = "year from reference"


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
    borrowed: bool


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


def _in_quotes(text: str, pos: int) -> bool:
    """Inside quotation marks in its paragraph (straight quotes by parity, curly ones by the last mark seen)."""
    start = text.rfind("\n", 0, pos) + 1
    before = text[start:pos]
    if before.rfind("\u201c") > before.rfind("\u201d"):
        return True
    return before.count('"') % 2 == 1


def _with_year(value: str, year: int) -> str:
    return f"{year:04d}{value[4:]}"


def _tense_year(value: str, ref: dt.date, tense: str) -> int:
    """The year that puts a yearless month/day on the side of the report date its clause's tense says."""
    year = int(value[:4])
    key = (int(value[5:7]), int(value[8:10]) if len(value) >= 10 else 0)
    ref_key = (ref.month, ref.day if len(value) >= 10 else 0)
    if tense == "past" and (year, *key) > (ref.year, *ref_key):
        return year - 1
    if tense == "future" and (year, *key) < (ref.year, *ref_key):
        return year + 1
    return year


def _first_after(value: str, bound: dt.date) -> int:
    """The first year in which the month/day is on or after ``bound`` (a report later than a photo's date)."""
    key = (int(value[5:7]), int(value[8:10]) if len(value) >= 10 else 0)
    bound_key = (bound.month, bound.day if len(value) >= 10 else 0)
    return bound.year if key >= bound_key else bound.year + 1


def _yearless(
    t: Timex, value: str, ref: Reference, sentence: str, others: list[Timex], doc: Doc, text: str
) -> tuple[str, str] | None:
    """Year of a yearless "April" / "March 3" (value as resolved against the reference), with how; None to drop."""
    assert ref.date is not None
    if _HABITUAL.search(sentence):
        return None
    tense = clause_tense(doc, t.start, t.end)
    if ref.bound == "year":
        if tense != "past":
            return None
        return _with_year(value, ref.date.year), f"year {ref.date.year}, the year its report calls current"
    if ref.bound == "after":
        if tense != "future":
            return None
        year = _first_after(value, ref.date)
        return _with_year(value, year), f"first such date after {ref.date.isoformat()} (future tense)"
    span = _RANGE_YEAR.match(text, t.end)
    if span is not None:
        year = int(span.group("year"))
        return _with_year(value, year), f"year {year} of the range it opens"
    years = sorted({u.value[:4] for u in others if u.end <= t.start and u.how == "explicit" and len(u.value) == 4})
    if len(value) == 7 and len(years) == 1:
        return _with_year(value, int(years[0])), f"year {years[0]} named earlier in its sentence"
    if t.how.endswith("and weekday"):
        return value, t.how
    year = _tense_year(value, ref.date, tense)
    if year != int(value[:4]):
        return _with_year(value, year), f"{t.how}, moved to {year} by the clause's {tense} tense"
    return value, t.how + (f" ({tense} tense)" if tense != "unknown" else "")


def _clock_day(t: Timex, others: list[Timex]) -> Timex | None:
    """The day-level date named in the clock time's sentence, nearest before it first."""
    days = [u for u in others if u.kind == "DATE" and re.fullmatch(r"\d{4}-\d\d-\d\d", u.value[:10] or "")]
    before = [u for u in days if u.end <= t.start]
    return before[-1] if before else (days[0] if days else None)


def _date_of(
    t: Timex, ref: Reference, article: Article, sentence: tuple[int, int], others: list[Timex], doc: Doc
) -> tuple[str, str, bool] | None:
    """(date, how, borrowed) for one expression, or None when it dates no event (see the module docstring)."""
    text = article.text
    value = t.value[:10]
    if t.kind not in ("DATE", "TIME") or not _DATE_VALUE.match(value):
        return None
    if t.how.startswith("explicit"):
        return value, t.how, False
    if "PT" in t.offset or (t.offset and t.how.startswith("relative to reference")):
        return None  # an offset of hours; "the next day" with no day mentioned before it to count from
    if _DEICTIC.search(t.text) and _in_quotes(text, t.start):
        return None
    if not ref.exact:
        if ref.date is None or not t.how.startswith(_YEARLESS):
            return None
        found = _yearless(t, value, ref, text[sentence[0] : sentence[1]], others, doc, text)
        return None if found is None else (found[0], f"{found[1]}; reference: {ref.how}", ref.borrowed)
    if t.how.startswith(_YEARLESS):
        found = _yearless(t, value, ref, text[sentence[0] : sentence[1]], others, doc, text)
        if found is None:
            return None
        value, how = found
    elif "weekday on or before reference" in t.how and clause_tense(doc, t.start, t.end) == "future":
        # "will deliver a speech in Ohio Monday": the parse finds the future the cue words missed.
        weekday = dt.date.fromisoformat(value)
        if ref.date is not None and weekday < ref.date:
            value = (weekday + dt.timedelta(days=7)).isoformat()
        how = t.how.replace("on or before", "on or after").replace("past-tense news", "future tense in the parse")
    elif t.kind == "TIME" and _CLOCK.search(t.text) and t.how.startswith("relative to reference"):
        day = _clock_day(t, others)
        if day is not None:
            return (
                day.value[:10],
                f"day of {day.text!r} in its sentence",
                ref.borrowed and not day.how.startswith("explicit"),
            )
        if ref.borrowed:
            return None  # no clock time is dated from another report
        how = t.how
    else:
        how = t.how
    return value, f"{how}; reference: {ref.how}", ref.borrowed


def _events(article: Article, ref: Reference, anchor: dt.date | None, timexes: Indexes, doc: Doc) -> list[_Event]:
    skip_until = _dateline_end(article.text)
    found: list[Timex] = []
    for t in index_of(article, timexes).resolve(ref.date):
        if t.offset and t.kind == "DURATION" and anchor is not None and _AFTER_EVENT.match(article.text, t.end):
            # "two days after the blast": an offset from the story's first event.
            t = resolve_relative(t, anchor)
            t = Timex(t.start, t.end, t.text, t.kind, t.value, f"{t.how} (the story's first event)", t.offset)
        found.append(t)
    write_layer(doc, "timex", [Item(t.start, t.end, t.kind, {"value": t.value, "how": t.how}) for t in found])
    out: list[_Event] = []
    for t in found:
        sentence = _sentence_of(article, t.start)
        if t.start < skip_until or sentence is None:
            continue
        others = [u for u in found if sentence[0] <= u.start < sentence[1] and u is not t]
        dated = _date_of(t, ref, article, sentence, others, doc)
        if dated is None:
            continue
        date, how, borrowed = dated
        text = article.text[sentence[0] : sentence[1]]
        out.append(_Event(date, article.id, sentence[0], sentence[1], text, t.text, how, t.start, t.end, borrowed))
    # One entry per (sentence, date): a sentence naming the same day twice is one event.
    unique = {(e.date, e.start): e for e in out}
    return [unique[k] for k in sorted(unique, key=lambda k: (k[1], k[0]))]


def _period_end(date: str) -> dt.date:
    if len(date) == 10:
        return dt.date.fromisoformat(date)
    year, month = int(date[:4]), int(date[5:7])
    return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def _group(events: list[_Event]) -> list[list[_Event]]:
    groups: list[list[_Event]] = []
    # The dating expression is left out: two sentences on one day always share "Saturday".
    claims = {
        id(e): claim_of(e.text[: e.expression_start - e.start] + e.text[e.expression_end - e.start :]) for e in events
    }
    for event in events:
        for group in groups:
            head = group[0]
            if (
                head.date == event.date
                and all(e.source != event.source for e in group)
                and min(len(claims[id(head)].stems), len(claims[id(event)].stems)) >= _MIN_EVENT_STEMS
                and len(claims[id(head)].stems & claims[id(event)].stems) >= _MIN_SHARED_STEMS
                and (
                    support(claims[id(head)], claims[id(event)]) >= SAME_EVENT_SUPPORT
                    or support(claims[id(event)], claims[id(head)]) >= SAME_EVENT_SUPPORT
                )
            ):
                group.append(event)
                break
        else:
            groups.append([event])
    return groups


def _earliest_present(
    articles: Sequence[Article], refs: dict[str, Reference], timexes: Indexes, docs: dict[str, Doc]
) -> dt.date | None:
    """For a story without a day-exact report date: the earliest day its reports can have been written, from what
    they say: a year named in a past-tense clause ("In 2012, the government pledged", "has grown since 2008"),
    a year a report calls current, a photo's date (``bound="after"``). None when they give nothing."""
    days: list[dt.date] = []
    for a in articles:
        ref = refs[a.id]
        if ref.date is not None and ref.bound == "after":
            days.append(ref.date)
        elif ref.date is not None and ref.bound == "year":
            days.append(dt.date(ref.date.year, 1, 1))
        for t in past_years(index_of(a, timexes)):
            if int(t.value[:4]) >= 1 and clause_tense(docs[a.id], t.start, t.end) == "past":
                days.append(dt.date(int(t.value[:4]), 1, 1))
    return max(days, default=None)


def build_timeline(articles: Sequence[Article], docs: dict[str, Doc] | None = None) -> list[TimelineEntry]:
    """Timeline entries sorted by date; one entry per event, with every source that dates it the same.

    ``docs`` are the reports' parsed Docs (built here, unparsed, when not given: then tense reads "unknown");
    each gets its ``timex`` layer."""
    docs = docs if docs is not None else {a.id: make_doc(a) for a in articles}
    timexes: Indexes = {}
    refs = reference_dates(articles, timexes)
    anchor = story_anchor(main_reports(articles, refs), refs, timexes)
    present = anchor if anchor is not None else _earliest_present(articles, refs, timexes, docs)
    events = [
        e for a in sorted(articles, key=lambda a: a.id) for e in _events(a, refs[a.id], anchor, timexes, docs[a.id])
    ]
    entries = []
    for group in _group(events):
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
                        borrowed=e.borrowed,
                    )
                    for e in group
                ],
                background=present is not None
                and _period_end(head.date) < present - dt.timedelta(days=BACKGROUND_DAYS),
            )
        )
    entries.sort(key=lambda e: (e.date, -len(e.sources), e.text))
    return entries
