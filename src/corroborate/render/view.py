"""What every human-readable format shows, in order, computed once from a briefing dict.

Markdown and HTML differ only in markup; the sections, their order and the citation numbering come from here.
Order (issue "Cross-source analysis"): disagreements first when any claim is disputed, then the summary, key
facts with how many outlets carry each, quotes by speaker, timeline, coverage, sources, rejected inputs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Line:
    """One rendered statement with the sources that carry it (as 1-based reference numbers)."""

    text: str
    refs: list[int] = field(default_factory=list)
    label: str | None = None  # a leading bold label (a speaker, a date, a measure)
    item: str | None = None  # the cited item whose spans support the line (see :mod:`.spans`), if any


@dataclass
class Section:
    title: str
    lines: list[Line]
    anchor: str


def source_numbers(briefing: dict[str, Any]) -> dict[str, int]:
    return {s["id"]: i for i, s in enumerate(briefing["sources"], start=1)}


def _refs(numbers: dict[str, int], ids: Sequence[str]) -> list[int]:
    return sorted({numbers[i] for i in ids if i in numbers})


def _range_text(value: dict[str, Any]) -> str:
    return str(value["text"])


def _outlets(n: int) -> str:
    return f"{n} outlet" if n == 1 else f"{n} outlets"


def _with_dates(item: dict[str, Any]) -> str:
    """A summary sentence followed by what its relative dates resolve to: ... (on Saturday = 2031-05-03)."""
    dates = item.get("dates") or []
    if not dates:
        return str(item["text"])
    resolved = "; ".join(f"{d['expression']} = {d['date']}" for d in dates)
    return f"{item['text']} ({resolved})"


def _claim_label(claim: dict[str, Any]) -> str:
    subject = f" ({claim['subject']})" if claim.get("subject") else ""
    return f"{claim['measure']}{subject}"


def _claim_sources(claim: dict[str, Any]) -> list[str]:
    return sorted({s for v in claim["values"] for s in v["sources"]})


def disagreement_lines(claims: Sequence[dict[str, Any]], numbers: dict[str, int]) -> list[Line]:
    """"Where sources disagree": one line per value of each disputed claim, and nothing else (an update or a
    background figure is never a disagreement)."""
    lines = []
    for ci, claim in enumerate(claims):
        if not claim["disputed"]:
            continue
        for vi, value in enumerate(claim["values"]):
            who = value["attributed_to"] or "the outlet itself"
            lines.append(Line(f"{_range_text(value)}, according to {who}", _refs(numbers, value["sources"]),
                              _claim_label(claim), f"claim-{ci}-{vi}"))
    return lines


def claim_fact_lines(claims: Sequence[dict[str, Any]], numbers: dict[str, int]) -> list[Line]:
    """The figures among the key facts: claims carried by two or more outlets (a disputed or updated one
    whatever its outlets), disputed and updated ones first, then the story's own figures, background figures
    (about another time or event) last and marked as such. An update reads as one line, "19 → 29 (updated in
    later reports)", never as two competing figures."""
    shown = [i for i, c in enumerate(claims) if c["disputed"] or c.get("updates") or len(_claim_sources(c)) >= 2]
    order = sorted(
        shown,
        key=lambda i: (not claims[i]["disputed"], not claims[i].get("updates"), claims[i].get("scope") == "background",
                       -len(_claim_sources(claims[i])), i),
    )
    lines = []
    for ci in order:
        claim = claims[ci]
        label = _claim_label(claim)
        if claim.get("scope") == "background":
            label += f" [background: {claim.get('scope_marker') or 'another time or event'}]"
        if claim.get("updates") and not claim["disputed"]:
            values = claim["values"]
            steps = " → ".join(str(v["text"]) for v in values)
            lines.append(Line(f"{steps} (updated in later reports) — {_outlets(len(_claim_sources(claim)))}",
                              _refs(numbers, _claim_sources(claim)), label, f"claim-{ci}"))
            continue
        for vi, value in enumerate(claim["values"]):
            who = f", according to {value['attributed_to']}" if value["attributed_to"] else ""
            disputed = " (disputed)" if claim["disputed"] else ""
            lines.append(Line(f"{value['text']}{who}{disputed} — {_outlets(len(value['sources']))}",
                              _refs(numbers, value["sources"]), label, f"claim-{ci}-{vi}"))
    return lines


def sections(briefing: dict[str, Any]) -> list[Section]:
    numbers = source_numbers(briefing)
    out: list[Section] = []
    disagreements = disagreement_lines(briefing["claims"], numbers)
    if disagreements:
        out.append(Section("Where sources disagree", disagreements, "disagree"))
    out.append(
        Section(
            "Summary",
            [Line(_with_dates(item), _refs(numbers, item["sources"]), item=f"summary-{i}")
             for i, item in enumerate(briefing["summary"])],
            "summary",
        )
    )
    facts = claim_fact_lines(briefing["claims"], numbers)
    for ei, entity in enumerate(briefing["entities"]):
        if len(entity["sources"]) < 2 and not entity["aliases"]:
            continue
        aliases = ", ".join(a for a in entity["aliases"] if a != entity["name"])
        also = f" (also: {aliases})" if aliases else ""
        facts.append(
            Line(
                f"{entity['type'].lower()}{also} — {_outlets(len(entity['sources']))}",
                _refs(numbers, entity["sources"]),
                entity["name"],
                f"entity-{ei}",
            )
        )
    if facts:
        out.append(Section("Key facts", facts, "facts"))
    if briefing["quotes"]:
        quotes = sorted(enumerate(briefing["quotes"]),
                        key=lambda iq: (iq[1]["speaker"] is None, iq[1]["speaker"] or ""))
        out.append(
            Section(
                "Who said what",
                [
                    Line(
                        # A partial quotation is a fragment inside the outlet's own sentence: say so, so a reader
                        # does not take the words around it for the speaker's.
                        f"“{q['text']}”{' (partial quote)' if q.get('partial') else ''} — "
                        f"{_outlets(len(q['sources']))}",
                        _refs(numbers, q["sources"]),
                        q["speaker"] or "unattributed",
                        f"quote-{qi}",
                    )
                    for qi, q in quotes
                ],
                "quotes",
            )
        )
    if briefing["timeline"]:
        out.append(
            Section(
                "Timeline",
                [Line(t["text"], _refs(numbers, t["sources"]), t["date"], f"timeline-{i}")
                 for i, t in enumerate(briefing["timeline"])],
                "timeline",
            )
        )
    coverage = []
    for entry in briefing["coverage"]:
        n = [numbers.get(entry["source"], 0)]
        for fact in entry["unique"]:
            coverage.append(Line(f"only here: {fact}", n, entry["source"]))
        for fact in entry["omits"]:
            coverage.append(Line(f"omits: {fact}", n, entry["source"]))
    if coverage:
        out.append(Section("Coverage", coverage, "coverage"))
    return out


def source_label(s: dict[str, Any]) -> str:
    """A source as the source list names it: its id, outlet, date, author, title and what it is a copy of."""
    parts = [s["outlet"] or "outlet unknown", s["published"] or "date unknown"]
    if s.get("author"):
        parts.append(f"by {s['author']}")
    title = f" — {s['title']}" if s["title"] else ""
    copy = f" (copy of {s['duplicate_of']})" if s.get("duplicate_of") else ""
    return f"{s['id']}: {', '.join(parts)}{title}{copy}"


def source_legend(briefing: dict[str, Any]) -> list[tuple[int, str]]:
    return [(i, source_label(s)) for i, s in enumerate(briefing["sources"], start=1)]


def story_line(briefing: dict[str, Any]) -> str:
    story = briefing["story"]
    independent = story.get("independent_sources")
    origins = f", {independent} independent" if independent is not None else ""
    return f"{story['articles']} reports from {story['sources']} outlets{origins} · story {story['id']}"
