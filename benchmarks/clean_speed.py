"""Clean-stage cost per report (issue 9 target: <= 0.5 ms per report in the ingest benchmark).

Uses the ingest benchmark's reports (``benchmarks/ingest_throughput.py``: Multi-News test, DUC 2004 and ECB+
documents sampled with its seed) and the 82 real reports of ``../shared/data/realnews-dev`` (full pages with
their furniture), cleaned in batches of 500 as ingest does, three ways: the rules only, rules and the
furniture model (the product's default). Median of ``--repeat`` runs; writes
``benchmarks/results/clean_speed.json``.

    .venv/bin/python benchmarks/clean_speed.py [--reports 5000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import glob
import json
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from corroborate.clean import clean_reports  # noqa: E402
from corroborate.clean.furniture_model import default_model  # noqa: E402
from corroborate.config import CleanOptions  # noqa: E402
from corroborate.model import RawReport  # noqa: E402
from evallib.run_info import with_run_info  # noqa: E402
from ingest_throughput import SEED, SHARED, SOURCE_DATA, source_docs  # noqa: E402

OUT = ROOT / "benchmarks" / "results" / "clean_speed.json"
BATCH = 500


def _time(raws: list[RawReport], options: CleanOptions, repeat: int) -> float:
    """Median milliseconds per report."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        for k in range(0, len(raws), BATCH):
            clean_reports(raws[k : k + BATCH], options)
        runs.append((time.perf_counter() - start) * 1000 / len(raws))
    return round(statistics.median(runs), 4)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reports", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    docs = source_docs()
    rng = random.Random(SEED)
    ingest = [RawReport(id=f"b{k}", location="bench", text=docs[rng.randrange(len(docs))]) for k in range(args.reports)]
    real_files = sorted(glob.glob(str(SHARED / "data" / "realnews-dev" / "*.jsonl")))
    real = [
        RawReport(id=r["id"], location=path, text=r["text"])
        for path in real_files
        for r in map(json.loads, open(path, encoding="utf-8"))
    ]
    default_model()  # loaded once per process, as in a run; not part of the per-report cost
    clean_reports(ingest[:10])
    results: dict[str, object] = {
        "command": f"python benchmarks/clean_speed.py --reports {args.reports} --repeat {args.repeat}",
        "commit": subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip(),
        "model_sha256": default_model().sha256,
    }
    for name, raws in (("ingest benchmark reports", ingest), ("realnews-dev reports", real)):
        lines = sum(1 for r in raws for line in r.text.splitlines() if line.strip()) / len(raws)
        results[name] = {
            "reports": len(raws),
            "lines_per_report": round(lines, 1),
            "ms_per_report_rules_only": _time(raws, CleanOptions(model=False), args.repeat),
            "ms_per_report_rules_and_model": _time(raws, CleanOptions(), args.repeat),
        }
        print(name, results[name])
    OUT.write_text(json.dumps(with_run_info(results, [*SOURCE_DATA, *map(Path, real_files)]), indent=1) + "\n")


if __name__ == "__main__":
    main()
