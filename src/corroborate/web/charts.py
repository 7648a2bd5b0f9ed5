"""Chart geometry for the story page, drawn as server-side SVG by the templates (Jinja2 autoescapes every label).

Server-side SVG rather than a vendored chart library: the page then needs no script to show a chart, works
under the strict Content-Security-Policy, prints, and costs nothing to load. The charts are small (a dated
strip and a matrix), which plain SVG shapes draw exactly.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from ..render.safe import display_inline

_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
MAX_FACTS = 12
MAX_LABEL = 60


def _day(value: str) -> dt.date | None:
    """The first day of an ISO date or partial date (``2031``, ``2031-05``, ``2031-05-03``)."""
    m = _DATE.match(value or "")
    if m is None:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def short(text: str, limit: int = MAX_LABEL) -> str:
    flat = display_inline(text)
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


@dataclass
class Dot:
    x: float
    y: float
    date: str
    title: str
    anchor: str


@dataclass
class Tick:
    x: float
    label: str


@dataclass
class TimelineChart:
    width: int
    height: int
    axis_y: float
    dots: list[Dot]
    ticks: list[Tick]


def timeline_chart(timeline: list[dict[str, Any]], width: int = 760) -> TimelineChart | None:
    """Each dated event a dot on a time axis (same-day events stacked); None when nothing has a date."""
    dated = [(d, i, t) for i, t in enumerate(timeline) if (d := _day(str(t.get("date") or ""))) is not None]
    if not dated:
        return None
    dated.sort(key=lambda x: (x[0], x[1]))
    left, right, lane = 40.0, width - 40.0, 14.0
    first, last = dated[0][0], dated[-1][0]
    span = (last - first).days
    stacks: dict[float, int] = {}
    placed: list[tuple[float, int, str, str, str]] = []
    for day, i, t in dated:
        x = round((left + right) / 2 if span == 0 else left + (right - left) * (day - first).days / span, 1)
        level = stacks.get(x, 0)
        stacks[x] = level + 1
        placed.append((x, level, str(t["date"]), f"{t['date']}: {short(str(t['text']), 200)}", f"tl-{i}"))
    top = 16.0 + lane * (max(stacks.values()) - 1)  # same-day events stack upwards from the lowest lane
    dots = [Dot(x, top - lane * level, date, title, anchor) for x, level, date, title, anchor in placed]
    axis_y = top + 14.0
    ticks = [Tick(left, first.isoformat())]
    if span:
        ticks.append(Tick(right, last.isoformat()))
        if span > 2:
            mid = first + dt.timedelta(days=span // 2)
            ticks.append(Tick(round(left + (right - left) * (mid - first).days / span, 1), mid.isoformat()))
    return TimelineChart(width, int(axis_y + 30), axis_y, dots, ticks)


@dataclass
class Cell:
    x: float
    y: float
    carries: bool
    title: str


@dataclass
class CoverageChart:
    width: int
    height: int
    rows: list[tuple[float, str]]
    columns: list[tuple[float, str]]
    cells: list[Cell]
    facts: list[str]


def coverage_chart(briefing: dict[str, Any]) -> CoverageChart | None:
    """Outlets x key facts: the facts some report omits (those the other reports carry), each cell carries or
    omits. The facts are listed beside the chart as F1, F2, ... (their full text)."""
    facts: list[str] = []
    for entry in briefing["coverage"]:
        for fact in entry["omits"]:
            if fact not in facts:
                facts.append(fact)
    facts = facts[:MAX_FACTS]
    if not facts:
        return None
    by_id = {s["id"]: s for s in briefing["sources"]}
    omitted = {e["source"]: set(e["omits"]) for e in briefing["coverage"]}
    label_w, cell, top = 220.0, 28.0, 24.0
    rows: list[tuple[float, str]] = []
    cells: list[Cell] = []
    for r, source in enumerate(briefing["sources"]):
        if source.get("duplicate_of"):
            continue
        y = top + cell * len(rows)
        name = source.get("outlet") or source["id"]
        rows.append((y + cell / 2, short(f"[{r + 1}] {name}", 30)))
        for c, fact in enumerate(facts):
            carries = fact not in omitted.get(source["id"], set())
            verb = "carries" if carries else "omits"
            who = by_id[source["id"]].get("outlet") or source["id"]
            cells.append(Cell(label_w + cell * c, y, carries, f"{short(str(who), 40)} {verb} F{c + 1}: {short(fact)}"))
    columns = [(label_w + cell * c + cell / 2, f"F{c + 1}") for c in range(len(facts))]
    width = int(label_w + cell * len(facts) + 10)
    return CoverageChart(width, int(top + cell * len(rows) + 10), rows, columns, cells, facts)
