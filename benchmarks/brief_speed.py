"""Speed of `brief` on a 10-report story, warm (models and caches loaded once per process).

Story: each DUC 2004 cluster (10 reports) from ../shared/data/duc2004; without the shared data, the bundled
examples concatenated to 10 reports. Prints cold and warm per-story seconds and writes
benchmarks/results/brief_speed.json.

    .venv/bin/python benchmarks/brief_speed.py [--stories 10]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

from corroborate import Config, brief_reports
from corroborate.ingest import read_paths
from corroborate.model import RawReport
from evallib.run_info import with_run_info

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CORROBORATE_SHARED", REPO.parent / "shared")) / "data"


def duc_stories(limit: int) -> list[list[RawReport]]:
    stories = []
    with open(SHARED / "duc2004" / "clusters.jsonl", encoding="utf-8") as fh:
        for line in fh:
            cluster = json.loads(line)
            stories.append([RawReport(d["id"], d["id"], d["text"], fmt="json") for d in cluster["docs"]])
            if len(stories) >= limit:
                break
    return stories


def example_story() -> list[RawReport]:
    raws, _ = read_paths([REPO / "examples"])
    return (raws * 10)[:10]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=10)
    args = parser.parse_args()
    if (SHARED / "duc2004").is_dir():
        stories, source = duc_stories(args.stories), "DUC 2004 clusters (10 reports each)"
        read = [SHARED / "duc2004" / "clusters.jsonl"]
    else:
        print(f"note: {SHARED} absent; timing the bundled examples instead", file=sys.stderr)
        stories, source = [example_story()], "bundled examples x10"
        read = [REPO / "examples"]
    config = Config()
    start = time.perf_counter()
    brief_reports(stories[0], config)
    cold = time.perf_counter() - start
    times = []
    for story in stories:
        start = time.perf_counter()
        brief_reports(story, config)
        times.append(time.perf_counter() - start)
    result = {
        "benchmark": "brief_speed",
        "stories": source,
        "n": len(times),
        "cold_first_story_s": round(cold, 3),
        "warm_median_s": round(statistics.median(times), 3),
        "warm_max_s": round(max(times), 3),
        "target_warm_s": 3.0,
        "machine": f"{platform.machine()} {os.cpu_count()} cpus, Python {platform.python_version()}",
    }
    print(json.dumps(result, indent=2))
    result = with_run_info(result, read)
    out = REPO / "benchmarks" / "results" / "brief_speed.json"
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
