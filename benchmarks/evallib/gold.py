"""Score a briefing against a story's hand-written gold (tests/gold/*.json, tests/heldout/*.json).

Each gold item is a check that passes or fails; the result lists the failures so a miss can be read.
Matching is strict where the product promises it (all aliases merged into one entity; a quote's speaker and
every source carrying it; a claim's range and attribution; an event's resolved date).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any


def _norm(text: str | None) -> str:
    text = (text or "").replace("“", '"').replace("”", '"').replace("‘", "'").replace("’", "'")
    return " ".join(text.casefold().split())


_HONORIFIC_DOT = re.compile(r"\b(mr|mrs|ms|dr|gen|col|maj|capt|lt|sgt|prof|rev|gov|sen|rep|st)\.(?=\s)")
_LEADING = re.compile(r"^(?:the\s+)?(?:so-called\s+)?")


def _form(text: str) -> str:
    """An entity surface form for comparison: "Ms. Doe" = "Ms Doe", "the so-called Ash Brigade" = "Ash Brigade"."""
    return _LEADING.sub("", _HONORIFIC_DOT.sub(r"\1", _norm(text)))


@dataclass
class GoldScore:
    passed: dict[str, int] = field(default_factory=dict)
    total: dict[str, int] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)

    def check(self, category: str, ok: bool, what: str) -> None:
        self.total[category] = self.total.get(category, 0) + 1
        self.passed[category] = self.passed.get(category, 0) + int(ok)
        if not ok:
            self.failures.append(f"{category}: {what}")

    def summary(self) -> dict[str, str]:
        return {k: f"{self.passed[k]}/{self.total[k]}" for k in sorted(self.total)}


def _match_entity(gold: dict[str, Any], entities: Iterable[dict[str, Any]]) -> dict[str, Any] | None:
    """The entity sharing most forms (name or aliases) with the gold entity; None when none shares any."""
    wanted = {_form(gold["canonical"]), *(_form(a) for a in gold["aliases"])}
    best: tuple[int, dict[str, Any] | None] = (0, None)
    for e in entities:
        overlap = len(wanted & {_form(e["name"]), *(_form(a) for a in e["aliases"])})
        if overlap > best[0]:
            best = (overlap, e)
    return best[1]


def _entity_ok(gold: dict[str, Any], entities: Iterable[dict[str, Any]]) -> tuple[bool, str]:
    entity = _match_entity(gold, entities)
    if entity is None:
        return False, f"{gold['canonical']}: not found"
    wanted = {_form(gold["canonical"]), *(_form(a) for a in gold["aliases"])}
    forms = {_form(entity["name"]), *(_form(a) for a in entity["aliases"])}
    missing = sorted(wanted - forms)
    ok = not missing and _form(entity["name"]) == _form(gold["canonical"])
    return ok, f"{gold['canonical']}: got name {entity['name']!r}, missing aliases {missing}"


def _entity_type_ok(gold: dict[str, Any], entities: Iterable[dict[str, Any]]) -> tuple[bool, str] | None:
    """Is the matched entity (as in :func:`_entity_ok`) of the gold type? None when nothing matched."""
    entity = _match_entity(gold, entities)
    if entity is None or "type" not in gold:
        return None
    return entity["type"] == gold["type"], f"{gold['canonical']}: type {entity['type']}, want {gold['type']}"


def _quote_ok(gold: dict[str, Any], quotes: Iterable[dict[str, Any]], texts: dict[str, str]) -> tuple[bool, str]:
    """A source carries the quote when one of its cited spans holds the fragment (a merged record may join
    parts that different outlets quote separately; its spans say which outlet carries which part)."""
    frag = _norm(gold["contains"])
    found = [q for q in quotes if frag in _norm(q["text"])]
    if not found:
        return False, f"{gold['contains']!r}: not found"
    sources: set[str] = set()
    for q in found:
        held = {
            s["source"]
            for s in q["spans"]
            if s["source"] in texts and frag in _norm(texts[s["source"]][s["start"] : s["end"]])
        }
        sources |= held if texts else set(q["sources"])
    speakers = {_norm(q["speaker"]) for q in found}
    ok = sources == set(gold["sources"]) and speakers == {_norm(gold["speaker"])}
    return ok, f"{gold['contains']!r}: speakers {sorted(speakers)}, sources {sorted(sources)} vs {gold['sources']}"


def _value_ok(gold: dict[str, Any], values: Iterable[dict[str, Any]]) -> bool:
    for v in values:
        if v["low"] == gold["low"] and v["high"] == gold["high"] and set(gold["sources"]) <= set(v["sources"]):
            want = _norm(gold["attributed_to"])
            got = _norm(v["attributed_to"])
            if (not want and not got) or (want and got and (want in got or got in want)):
                return True
    return False


def _claim_ok(gold: dict[str, Any], claims: Iterable[dict[str, Any]]) -> tuple[bool, str]:
    same = [c for c in claims if c["measure"] == gold["measure"]]
    values = [v for c in same for v in c["values"]]
    missing = [g["text"] for g in gold["values"] if not _value_ok(g, values)]
    disputed_ok = any(c["disputed"] == gold["disputed"] for c in same) if same else False
    if gold["disputed"]:
        disputed_ok = any(c["disputed"] for c in same)
    return (not missing and disputed_ok), f"{gold['measure']}: missing values {missing}, disputed ok {disputed_ok}"


def _event_ok(gold: dict[str, Any], timeline: Iterable[dict[str, Any]], texts: dict[str, str]) -> tuple[bool, str]:
    frag = _norm(gold["contains"])
    hits: list[tuple[str, set[str]]] = []  # (date, sources whose cited sentence holds the fragment)
    for t in timeline:
        holders = {
            s["source"]
            for s in t["spans"]
            if s["source"] in texts and frag in _norm(texts[s["source"]][s["start"] : s["end"]])
        }
        if frag in _norm(t["text"]):
            holders |= set(t["sources"])
        if holders:
            hits.append((t["date"], holders))
    on_date = [h for d, h in hits if d == gold["date"]]
    sources = set().union(*on_date) if on_date else set()
    ok = bool(on_date) and set(gold["sources"]) <= sources
    got = sorted({d for d, _ in hits})
    return (
        ok,
        f"{gold['contains']!r} ({gold['resolved_from']}): want {gold['date']} from {gold['sources']}, got dates {got}",
    )


def score_briefing(briefing: dict[str, Any], gold: dict[str, Any]) -> GoldScore:
    score = GoldScore()
    texts = {s["id"]: s["text"] for s in briefing.get("sources", [])}
    for g in gold.get("entities", []):
        score.check("entities", *_entity_ok(g, briefing["entities"]))
        typed = _entity_type_ok(g, briefing["entities"])
        if typed is not None:
            score.check("entity_types", *typed)
    for g in gold.get("quotes", []):
        score.check("quotes", *_quote_ok(g, briefing["quotes"], texts))
    for g in gold.get("claims", []):
        score.check("claims", *_claim_ok(g, briefing["claims"]))
    for g in gold.get("timeline", []):
        score.check("timeline", *_event_ok(g, briefing["timeline"], texts))
    coverage = {c["source"]: c for c in briefing["coverage"]}
    for kind in ("unique", "omits"):
        for source, frags in gold.get(kind, {}).items():
            record = coverage.get(source, {})
            # unique: the source's whole ranked list (the first max_unique shown, the rest in more_unique)
            listed = record.get(kind, []) + (record.get("more_unique", []) if kind == "unique" else [])
            entries = [_norm(x) for x in listed]
            for frag in frags:
                score.check(kind, any(_norm(frag) in e for e in entries), f"{source}: {frag!r}")
    return score
