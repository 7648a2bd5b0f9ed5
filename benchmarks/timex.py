"""TempEval-3 Task A benchmark for corroborate's temporal expression recogniser.

Scores extraction (strict = exact span, relaxed = any overlap; precision / recall / F1) and the value and
type attributes the TempEval-3 way: an attribute counts when the relaxed-matched pair agrees on it, and
attribute precision / recall divide those counts by the system / gold totals (so value F1 = relaxed F1 x
value accuracy). Every document is read with its creation time (DCT) as the reference date.

Side by side in the same process: corroborate's rules and ``dateparser.search.search_dates`` (a kept
library, the obvious off-the-shelf alternative) given the same reference. HeidelTime's published TempEval-3
figure is printed as the anchor (it is Java and not run here).

Usage:
    python benchmarks/timex.py                 # TE3 platinum test set, writes benchmarks/results/timex.json
    python benchmarks/timex.py --split train   # TBAQ training data (TimeBank + AQUAINT), for tuning
    python benchmarks/timex.py --split train --errors 80   # print value / span errors for error analysis
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from corroborate.analyze.timex import find_timexes  # noqa: E402
from evallib.run_info import with_run_info  # noqa: E402

SHARED = Path(os.environ.get("CORROBORATE_SHARED", REPO / ".." / "shared")).resolve()
DATA = SHARED / "data" / "timex"
SPLITS = {"platinum": ["te3-platinum"], "train": ["tbaq-timebank", "tbaq-aquaint"]}
# HeidelTime on TempEval-3 platinum, Task A (UzZaman et al. 2013): value F1 77.61 (the figure the task
# brief names). Strict 81.34 / relaxed 90.30 span F1 are quoted from memory of the same table, not
# re-checked here; type F1 is left out for that reason.
ANCHOR = {
    "system": "HeidelTime (TempEval-3 official)",
    "strict_f1": 81.34,
    "relaxed_f1": 90.30,
    "value_f1": 77.61,
    "type_f1": None,
}

Span = tuple[int, int, str, str]  # start, end, type, value
Extractor = Callable[[str, dt.date | None], list[Span]]


def load_docs(split: str) -> list[dict[str, Any]]:
    docs: list[dict[str, Any]] = []
    for name in SPLITS[split]:
        with gzip.open(DATA / f"{name}.timex.jsonl.gz", "rt", encoding="utf-8") as fh:
            docs.extend(json.loads(line) for line in fh)
    return docs


def dct_of(doc: dict[str, Any]) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(doc["dct"]["value"])[:10])
    except (KeyError, ValueError):
        return None


def corroborate_extract(text: str, reference: dt.date | None) -> list[Span]:
    return [(t.start, t.end, t.kind, t.value) for t in find_timexes(text, reference)]


def dateparser_extract(text: str, reference: dt.date | None) -> list[Span]:
    """dateparser's search_dates with the DCT as relative base; spans found by locating each substring."""
    from dateparser.search import search_dates

    base = dt.datetime.combine(reference or dt.date.today(), dt.time())
    found = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
    spans: list[Span] = []
    cursor = 0
    for substring, when in found:
        start = text.find(substring, cursor)
        if start < 0:
            continue
        cursor = start + len(substring)
        spans.append((start, cursor, "DATE", when.date().isoformat()))
    return spans


def match(gold: list[Span], system: list[Span]) -> tuple[int, list[tuple[Span, Span]]]:
    """Strict match count and the one-to-one relaxed (overlap) pairs, largest overlap first."""
    strict = len({(g[0], g[1]) for g in gold} & {(s[0], s[1]) for s in system})
    pairs = sorted(
        (
            (min(g[1], s[1]) - max(g[0], s[0]), gi, si)
            for gi, g in enumerate(gold)
            for si, s in enumerate(system)
            if min(g[1], s[1]) > max(g[0], s[0])
        ),
        reverse=True,
    )
    used_g: set[int] = set()
    used_s: set[int] = set()
    matched: list[tuple[Span, Span]] = []
    for _, gi, si in pairs:
        if gi not in used_g and si not in used_s:
            used_g.add(gi)
            used_s.add(si)
            matched.append((gold[gi], system[si]))
    return strict, matched


def prf(hits: int, n_sys: int, n_gold: int) -> dict[str, float]:
    p = hits / n_sys if n_sys else 0.0
    r = hits / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(100 * p, 2), "r": round(100 * r, 2), "f1": round(100 * f, 2)}


def evaluate(docs: list[dict[str, Any]], extract: Extractor, errors: int = 0) -> dict[str, Any]:
    n_gold = n_sys = strict = relaxed = value_ok = type_ok = 0
    shown = 0
    started = time.perf_counter()
    for doc in docs:
        gold = [(t["start"], t["end"], t["type"], t["value"]) for t in doc["timexes"]]
        system = extract(doc["text"], dct_of(doc))
        s, pairs = match(gold, system)
        n_gold, n_sys, strict, relaxed = (
            n_gold + len(gold),
            n_sys + len(system),
            strict + s,
            relaxed + len(pairs),
        )
        value_ok += sum(g[3] == x[3] for g, x in pairs)
        type_ok += sum(g[2] == x[2] for g, x in pairs)
        if shown < errors:
            shown += _show_errors(doc, gold, system, pairs)
    seconds = time.perf_counter() - started
    return {
        "docs": len(docs),
        "gold": n_gold,
        "system": n_sys,
        "strict": prf(strict, n_sys, n_gold),
        "relaxed": prf(relaxed, n_sys, n_gold),
        "value": prf(value_ok, n_sys, n_gold),
        "type": prf(type_ok, n_sys, n_gold),
        "type_accuracy": round(100 * type_ok / relaxed, 2) if relaxed else 0,
        "value_accuracy": round(100 * value_ok / relaxed, 2) if relaxed else 0,
        "seconds": round(seconds, 2),
    }


def _show_errors(
    doc: dict[str, Any], gold: list[Span], system: list[Span], pairs: list[tuple[Span, Span]]
) -> int:
    text, dct, n = doc["text"], dct_of(doc), 0
    matched_g = {g for g, _ in pairs}
    matched_s = {s for _, s in pairs}
    for g, s in pairs:
        if g[3] != s[3] or (g[0], g[1]) != (s[0], s[1]):
            print(
                f"  VAL {dct} gold {text[g[0] : g[1]]!r} {g[2]} {g[3]}"
                f" | sys {text[s[0] : s[1]]!r} {s[2]} {s[3]}"
            )
            n += 1
    for g in gold:
        if g not in matched_g:
            print(
                f"  MISS {dct} {text[g[0] : g[1]]!r} {g[2]} {g[3]}"
                f" :: ...{text[max(0, g[0] - 40) : g[1] + 30]!r}"
            )
            n += 1
    for s in system:
        if s not in matched_s:
            print(
                f"  FP  {dct} {text[s[0] : s[1]]!r} {s[2]} {s[3]}"
                f" :: ...{text[max(0, s[0] - 40) : s[1] + 30]!r}"
            )
            n += 1
    return n


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--split", choices=sorted(SPLITS), default="platinum")
    parser.add_argument("--errors", type=int, default=0, help="print up to N error lines (corroborate only)")
    parser.add_argument("--no-dateparser", action="store_true", help="skip the dateparser competitor")
    args = parser.parse_args()
    if not DATA.exists():
        sys.exit(f"TempEval-3 data not found at {DATA}; set CORROBORATE_SHARED to the shared folder")
    docs = load_docs(args.split)
    results = {"corroborate": evaluate(docs, corroborate_extract, args.errors)}
    if not args.no_dateparser:
        results["dateparser.search"] = evaluate(docs, dateparser_extract)
    header = (
        f"{'system':34} {'strict P/R/F1':>20} {'relaxed P/R/F1':>20} {'value F1':>9} {'type F1':>8}"
        f" {'type acc':>8}"
    )
    print(
        f"TempEval-3 Task A, split={args.split}: {len(docs)} docs,"
        f" {results['corroborate']['gold']} gold TIMEX3"
    )
    print(header)
    for name, r in results.items():
        st, rl = r["strict"], r["relaxed"]
        print(
            f"{name:34} {st['p']:6.1f}/{st['r']:5.1f}/{st['f1']:5.1f}"
            f" {rl['p']:6.1f}/{rl['r']:5.1f}/{rl['f1']:5.1f}"
            f" {r['value']['f1']:9.1f} {r['type']['f1']:8.1f} {r['type_accuracy']:8.1f}   ({r['seconds']} s)"
        )
    print(
        f"{ANCHOR['system']:34} {'-':>6}/{'-':>5}/{ANCHOR['strict_f1']:5.1f} {'-':>6}/{'-':>5}/"
        f"{ANCHOR['relaxed_f1']:5.1f} {ANCHOR['value_f1']:9.1f} {'-':>8}   (published)"
    )
    if args.split == "platinum":
        out = REPO / "benchmarks" / "results" / "timex.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(
            json.dumps(
                with_run_info(
                    {
                        "split": args.split,
                        "data": "TempEval-3 platinum (te3-platinum.timex.jsonl.gz)",
                        "results": results,
                        "anchor": ANCHOR,
                    },
                    [DATA / f"{name}.timex.jsonl.gz" for name in SPLITS[args.split]],
                ),
                indent=2,
            )
            + "\n",
            encoding="utf-8",
        )
        print(f"wrote {out.relative_to(REPO)}")


if __name__ == "__main__":
    main()
