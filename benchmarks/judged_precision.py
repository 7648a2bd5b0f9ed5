"""Precision on real news, by hand judgement: disputes, claim groups, quote speakers, entities, summary
sentences that stand alone and headlines.

The scorer (``../shared/tools/realnews_score.py``) measures recall of hand gold; it cannot say whether what the
system outputs beyond the gold is right (nor whether a summary reads well). This script closes that gap with
judgements a person (or a reviewer reading the sources) makes on every item the briefing outputs for a set of
real clusters:

    # 1. brief the clusters and write a worksheet (outside the repo: it quotes the sources, which may not be
    #    redistributed) with one line per output item and its evidence
    python benchmarks/judged_precision.py worksheet --clusters 1208,2200,... --out /tmp/worksheet.jsonl
    # 2. a judge fills "verdict" ("ok" or "wrong") and "why" on each line, reading the cluster's sources
    # 3. keep the verdicts (keys and short labels only, no source text) in the repo
    python benchmarks/judged_precision.py keep /tmp/worksheet.jsonl
    # 4. score: re-brief the clusters with the current code, match every output item to its verdict
    python benchmarks/judged_precision.py score

What is judged (``kind``):
* ``dispute``: a claim flagged ``disputed`` - ok only when the values really cannot all be true of one thing;
* ``claim``: a claim group - ok when it is one quantity of the story (measure and subject right, its values
  really figures for that quantity, the sources and attributions right);
* ``speaker``: a quote with a speaker - ok when that person or organisation said those words;
* ``entity``: an entity - ok when it is a name, of the right type, and every alias names the same referent;
* ``standalone``: a summary sentence - ok when it reads on its own (no pronoun or "the man" whose referent
  the summary has not given, no caption, dateline, furniture or fragment; attributions are fine) - issue 13;
* ``headline``: the story's headline - ok when it states the story's core event neutrally (not a caption, not
  one outlet's angle, no disputed figure asserted without attribution) - issue 13.
Precision = ok / judged. ``score`` also reports output items with no verdict (new since the judging): a figure
over a changed output is only as good as its coverage, so the judged share is printed beside each precision.

Verdicts live in ``benchmarks/judgements/realnews_precision.jsonl``: per item the cluster, kind, a key (sha1 of
the item's identity, so no source text is stored), a short label (names and measures only), the verdict and why.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CORROBORATE_SHARED", REPO.parent / "shared"))
DATA = SHARED / "data" / "realnews-dev"
# Both paths can be pointed elsewhere (a judge's private copy while the kept file is being edited by others).
VERDICTS = Path(os.environ.get("CORROBORATE_VERDICTS", REPO / "benchmarks" / "judgements" / "realnews_precision.jsonl"))
RESULT = Path(os.environ.get("CORROBORATE_JUDGED_RESULT", REPO / "benchmarks" / "results" / "judged_precision.json"))
KINDS = ("dispute", "claim", "speaker", "entity", "standalone", "headline")


def _norm(text: object) -> str:
    return re.sub(r"\s+", " ", str(text or "")).strip().casefold()


def _key(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(_norm(p) for p in parts).encode()).hexdigest()[:16]


def _values(claim: dict[str, Any]) -> list[str]:
    return sorted(f"{v.get('text')}|{v.get('low')}|{v.get('high')}|{','.join(v.get('sources', []))}"
                  for v in claim.get("values", []))


def items(cid: str, briefing: dict[str, Any]) -> list[dict[str, Any]]:
    """Every judgeable output item of one briefing, with its key, label and the evidence a judge needs."""
    out: list[dict[str, Any]] = []
    for claim in briefing.get("claims", []):
        label = f"{claim.get('measure')} / {claim.get('subject')}"
        evidence = [
            {"text": v.get("text"), "low": v.get("low"), "high": v.get("high"), "sources": v.get("sources"),
             "attributed_to": v.get("attributed_to"), "spans": [(s["source"], s["text"]) for s in v.get("spans", [])]}
            for v in claim.get("values", [])
        ]
        key = _key("claim", claim.get("measure"), claim.get("subject"), *_values(claim))
        out.append({"cluster": cid, "kind": "claim", "key": key, "label": label, "evidence": evidence})
        if claim.get("disputed"):
            out.append({"cluster": cid, "kind": "dispute", "key": key, "label": label, "evidence": evidence})
    for quote in briefing.get("quotes", []):
        if not quote.get("speaker"):
            continue
        key = _key("speaker", quote.get("speaker"), quote.get("text"))
        words = " ".join(str(quote.get("text")).split()[:4])
        out.append({
            "cluster": cid, "kind": "speaker", "key": key, "label": f"{quote.get('speaker')}: {words} ...",
            "evidence": {"text": quote.get("text"), "sources": quote.get("sources"),
                         "speaker_spans": [(s["source"], s["start"], s["text"])
                                           for s in quote.get("speaker_spans", [])],
                         "spans": [(s["source"], s["start"]) for s in quote.get("spans", [])][:6]},
        })
    for item in briefing.get("summary", []):
        key = _key("standalone", item.get("text"))
        out.append({"cluster": cid, "kind": "standalone", "key": key,
                    "label": " ".join(str(item.get("text")).split()[:8]) + " ...",
                    "evidence": {"text": item.get("text"), "origin": item.get("origin"),
                                 "start": next((sp["start"] for sp in item.get("spans", [])
                                                if sp["source"] == item.get("origin")), None)}})
    story = briefing.get("story") or {}
    if story.get("headline") is not None:
        out.append({"cluster": cid, "kind": "headline", "key": _key("headline", story["headline"]),
                    "label": " ".join(str(story["headline"]).split()[:8]) + " ...",
                    "evidence": {"headline": story["headline"], "from": story.get("headline_from"),
                                 "disputed": [c.get("measure") for c in briefing.get("claims", [])
                                              if c.get("disputed")]}})
    for entity in briefing.get("entities", []):
        key = _key("entity", entity.get("name"), entity.get("type"), *sorted(entity.get("aliases", [])))
        label = f"{entity.get('name')} ({entity.get('type')}) = {' | '.join(entity.get('aliases', []))}"
        out.append({"cluster": cid, "kind": "entity", "key": key, "label": label[:200],
                    "evidence": {"sources": entity.get("sources"), "mentions": entity.get("mentions")}})
    return out


def _clusters(arg: str | None) -> list[str]:
    every = sorted(p.name.removesuffix(".gold.json") for p in DATA.glob("*.gold.json"))
    if not arg:
        return every
    wanted = [c.strip() for c in arg.split(",") if c.strip()]
    return [c for c in every if c in wanted or c.rsplit("-", 1)[-1] in wanted]


def brief(cids: list[str]) -> dict[str, dict[str, Any]]:
    """The product's JSON briefing of each cluster (as ``corroborate brief CID.jsonl --format json``)."""
    sys.path.insert(0, str(REPO / "src"))
    from corroborate.config import resolve_config
    from corroborate.pipeline import brief_paths
    from corroborate.render import render

    config = resolve_config(None, {})
    out: dict[str, dict[str, Any]] = {}
    for cid in cids:
        run = brief_paths([DATA / f"{cid}.jsonl"], config, one_story=False)
        b = json.loads(render(run.briefings, "json"))
        out[cid] = (b[0] if b else {}) if isinstance(b, list) else b
    return out


def cmd_worksheet(args: argparse.Namespace) -> int:
    known: set[tuple[str, str, str]] = set()
    if args.new_only and VERDICTS.exists():
        known = {(v["cluster"], v["kind"], v["key"]) for v in map(json.loads, VERDICTS.read_text().splitlines())}
    lines = [it | {"verdict": "", "why": ""} for cid, b in brief(_clusters(args.clusters)).items()
             for it in items(cid, b) if (it["cluster"], it["kind"], it["key"]) not in known
             and (not args.kinds or it["kind"] in args.kinds.split(","))]
    Path(args.out).write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines))
    counts = Counter(x["kind"] for x in lines)
    print(f"{len(lines)} items -> {args.out}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    return 0


def cmd_keep(args: argparse.Namespace) -> int:
    kept = []
    for line in Path(args.worksheet).read_text().splitlines():
        x = json.loads(line)
        if x.get("verdict") not in ("ok", "wrong"):
            raise SystemExit(f"unjudged item {x['cluster']} {x['kind']} {x['label']!r}: verdict must be ok or wrong")
        kept.append({k: x[k] for k in ("cluster", "kind", "key", "label", "verdict", "why")})
    # Merge with the verdicts already kept: a worksheet of a later round (items new since the last judging)
    # adds to them; an item judged again takes its newest verdict.
    merged: dict[tuple[str, str, str], dict[str, Any]] = {}
    if VERDICTS.exists():
        for line in VERDICTS.read_text().splitlines():
            if line.strip():
                v = json.loads(line)
                merged[(v["cluster"], v["kind"], v["key"])] = v
    for x in kept:
        merged[(x["cluster"], x["kind"], x["key"])] = x
    VERDICTS.parent.mkdir(parents=True, exist_ok=True)
    rows = sorted(merged.values(), key=lambda v: (v["cluster"], v["kind"], v["key"]))
    VERDICTS.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in rows))
    where = VERDICTS.relative_to(REPO) if VERDICTS.is_relative_to(REPO) else VERDICTS
    print(f"kept {len(kept)} verdicts ({len(rows)} in all) in {where}")
    return 0


def score(verdicts: list[dict[str, Any]], briefings: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Precision per kind over the current output items that have a verdict, and how many have none."""
    known = {(v["cluster"], v["kind"], v["key"]): v["verdict"] for v in verdicts}
    result: dict[str, Any] = {}
    for kind in KINDS:
        # a kind is scored on the clusters judged for it (summaries may be judged on more clusters than claims)
        judged_here = {v["cluster"] for v in verdicts if v["kind"] == kind}
        current = [it for cid, b in briefings.items() if cid in judged_here
                   for it in items(cid, b) if it["kind"] == kind]
        keys = [(it["cluster"], kind, it["key"]) for it in current]
        judged = [known[k] for k in keys if k in known]
        ok = judged.count("ok")
        result[kind] = {
            "clusters": len(judged_here), "output": len(current), "judged": len(judged), "ok": ok,
            "precision": round(ok / len(judged), 3) if judged else None,
        }
    return result


def cmd_score(args: argparse.Namespace) -> int:
    if not DATA.is_dir():
        print(f"skipped: no realnews-dev data at {DATA}")
        return 0
    verdicts = [json.loads(line) for line in VERDICTS.read_text().splitlines() if line.strip()]
    cids = sorted({v["cluster"] for v in verdicts})
    result = score(verdicts, brief(cids))
    for kind, r in result.items():
        p = "n/a" if r["precision"] is None else f"{r['precision']:.3f}"
        print(f"{kind:8s} precision {p} ({r['ok']}/{r['judged']} judged ok; {r['output']} output, "
              f"{r['output'] - r['judged']} unjudged) on {r['clusters']} clusters")
    sys.path.insert(0, str(REPO / "benchmarks"))
    from evallib.run_info import with_run_info

    RESULT.parent.mkdir(parents=True, exist_ok=True)
    RESULT.write_text(json.dumps(with_run_info({"clusters": cids, "kinds": result}, [DATA]), indent=2) + "\n")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    w = sub.add_parser("worksheet", help="brief clusters and write the items to judge (outside the repo)")
    w.add_argument("--clusters", help="comma-separated cluster ids or their numbers (default: all)")
    w.add_argument("--out", required=True)
    w.add_argument("--new-only", action="store_true", help="only the items that have no kept verdict yet")
    w.add_argument("--kinds", help=f"comma-separated kinds to list (default: all of {', '.join(KINDS)})")
    w.set_defaults(func=cmd_worksheet)
    k = sub.add_parser("keep", help="store a judged worksheet's verdicts (keys and labels only)")
    k.add_argument("worksheet")
    k.set_defaults(func=cmd_keep)
    s = sub.add_parser("score", help="precision of the current output over the kept verdicts")
    s.set_defaults(func=cmd_score)
    args = parser.parse_args()
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
