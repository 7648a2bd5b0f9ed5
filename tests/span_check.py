"""Checks that every item of a briefing points at spans cutting exactly its text (issue 11).

``span_problems(briefing)`` returns a list of readable problems (empty when all hold): every span object
(``source``/``start``/``end``/``text``) must cut ``text`` out of its source, and each item's own text must be
the text of its span: a summary sentence its origin's span, an entity's name its ``name_span``, a claim value
one of its spans, an alias part of a mention, a timeline entry one of its sentences, a resolved expression its span, a coverage line its
span in the right source, a quote the joined parts of one occurrence in one source.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def _spans(node: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        if {"source", "start", "end", "text"} <= set(node) and isinstance(node.get("start"), int):
            yield path, node
        for key, value in node.items():
            if key != "sources":
                yield from _spans(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _spans(value, f"{path}[{i}]")


def span_problems(briefing: dict[str, Any]) -> list[str]:
    texts = {s["id"]: s["text"] for s in briefing["sources"]}
    problems: list[str] = []
    n = 0
    for path, span in _spans({k: v for k, v in briefing.items() if k != "sources"}):
        n += 1
        source = texts.get(span["source"])
        if source is None:
            problems.append(f"{path}: unknown source {span['source']!r}")
        elif source[span["start"] : span["end"]] != span["text"]:
            problems.append(f"{path}: {span['text']!r} != {source[span['start']:span['end']]!r}")

    def need(ok: bool, what: str) -> None:
        if not ok:
            problems.append(what)

    for i, item in enumerate(briefing["summary"]):
        origin = [s for s in item["spans"] if s["source"] == item["origin"]]
        need(any(s["text"] == item["text"] for s in origin), f"summary[{i}] is not its origin's span")
        for d in item.get("dates", []):
            need(d["span"] is None or d["span"]["text"] == d["expression"], f"summary[{i}] date {d['expression']!r}")
    for i, e in enumerate(briefing["entities"]):
        need(e["name_span"] is not None and e["name_span"]["text"] == e["name"], f"entities[{i}] name {e['name']!r}")
        surfaces = {s["text"].casefold() for s in e["spans"]}
        for alias in e["aliases"]:  # a form the story uses: a mention, or part of one (a surname); "The" lowered
            need(any(alias.casefold() in t for t in surfaces), f"entities[{i}] alias {alias!r} is in no mention")
    for i, q in enumerate(briefing["quotes"]):
        wordings = {}
        for s in q["spans"]:
            wordings.setdefault(s["source"], []).append(s["text"])
        # one occurrence's parts are consecutive spans of its source (a source may carry the quote twice)
        runs = {" ".join(w[a:b]) for w in wordings.values() for a in range(len(w)) for b in range(a + 1, len(w) + 1)}
        need(q["text"] in runs, f"quotes[{i}] text")
        need(q["speaker"] is None or bool(q["speaker_spans"]), f"quotes[{i}] speaker {q['speaker']!r} has no span")
    for i, c in enumerate(briefing["claims"]):
        for j, v in enumerate(c["values"]):
            need(any(s["text"] == v["text"] for s in v["spans"]), f"claims[{i}].values[{j}] text {v['text']!r}")
            need(v["attributed_to"] is None or bool(v["attribution_spans"]),
                 f"claims[{i}].values[{j}] attributed to {v['attributed_to']!r} without a span")
    for i, t in enumerate(briefing["timeline"]):
        need(any(s["text"] == t["text"] for s in t["spans"]), f"timeline[{i}] text")
        for r in t["resolved"]:
            need(r["span"] is not None and r["span"]["text"] == r["expression"], f"timeline[{i}] {r['expression']!r}")
    for c in briefing["coverage"]:
        for kind in ("unique", "more_unique", "omits"):
            lines, spans = c[kind], c[f"{kind}_spans"]
            need(len(lines) == len(spans), f"coverage {c['source']} {kind}: {len(lines)} lines, {len(spans)} spans")
            for line, span in zip(lines, spans, strict=False):
                need(span["text"] == line, f"coverage {c['source']} {kind} {line!r}")
                mine = span["source"] == c["source"]
                need(mine if kind != "omits" else not mine, f"coverage {c['source']} {kind} {line!r} wrong source")
    if n == 0 and briefing["summary"]:
        problems.append("no spans found at all")
    return problems
