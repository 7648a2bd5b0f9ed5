"""Score the cross-source analysis of fictional stories against their hand-written gold.

    .venv/bin/python benchmarks/story_gold.py                 # the bundled examples (tuned on)
    .venv/bin/python benchmarks/story_gold.py --heldout       # the held-out story (never tuned on)

Prints per-category pass counts and every failure; writes benchmarks/results/story_gold[_heldout].json.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from corroborate import Config, brief_paths
from evallib.gold import score_briefing
from evallib.run_info import with_run_info

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--heldout", action="store_true", help="score tests/heldout instead of examples")
    args = parser.parse_args()
    if args.heldout:
        pairs = [
            (d, REPO / "tests" / "heldout" / f"{d.name}.json")
            for d in sorted((REPO / "tests" / "heldout").iterdir())
            if d.is_dir()
        ]
    else:
        pairs = [
            (d, REPO / "tests" / "gold" / f"{d.name}.json") for d in sorted((REPO / "examples").iterdir()) if d.is_dir()
        ]
    results = {}
    totals: dict[str, list[int]] = {}
    for folder, gold_path in pairs:
        start = time.perf_counter()
        (briefing,) = brief_paths([folder], Config(), one_story=True).briefings  # one event per folder
        seconds = time.perf_counter() - start
        score = score_briefing(briefing, json.loads(gold_path.read_text(encoding="utf-8")))
        results[folder.name] = {
            "passed": score.passed,
            "total": score.total,
            "failures": score.failures,
            "seconds": round(seconds, 2),
        }
        print(f"{folder.name}: {score.summary()}  ({seconds:.2f} s)")
        for failure in score.failures:
            print(f"    {failure}")
        for k in score.total:
            t = totals.setdefault(k, [0, 0])
            t[0] += score.passed[k]
            t[1] += score.total[k]
    print("all:", {k: f"{p}/{t}" for k, (p, t) in sorted(totals.items())})
    name = "story_gold_heldout.json" if args.heldout else "story_gold.json"
    report = with_run_info(results, [path for pair in pairs for path in pair])  # the stories and their gold
    (REPO / "benchmarks" / "results" / name).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
