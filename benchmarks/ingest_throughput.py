"""Ingest throughput and memory: 10k / 100k reports sampled and re-dated from /work/shared/data.

Reports are built at run time (never committed): documents from Multi-News test, DUC 2004 and ECB+ are
sampled with a fixed seed, given a random date within one year and a fictional outlet name; a re-used
document loses one random sentence (a syndicated, trimmed copy). Files go to /tmp. The whole ingest path
(read, clean, dedupe, cluster, store) is timed; peak RSS is the process's ru_maxrss.

    .venv/bin/python benchmarks/ingest_throughput.py --sizes 10000,100000 [--profile] [--json FILE]
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import gzip
import io
import json
import os
import pstats
import random
import resource
import shutil
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from corroborate.store import Store  # noqa: E402
from corroborate.stream import run_ingest  # noqa: E402
from evallib.run_info import with_run_info  # noqa: E402

SHARED = Path(os.environ.get("CORROBORATE_SHARED", ROOT / ".." / "shared"))
SEED = 11
PER_FILE = 1000
OUTLETS = [f"Outlet {c}{n}" for c in "ABCDEFGHJK" for n in range(1, 6)]
MULTINEWS_TEST = SHARED / "data" / "multinews" / "test.jsonl.gz"
DUC2004 = SHARED / "data" / "duc2004" / "clusters.jsonl"
ECBPLUS = [SHARED / "data" / "news-clustering" / "ecbplus" / f"ecbplus.{s}.jsonl.gz" for s in ("train", "dev", "test")]
SOURCE_DATA = [MULTINEWS_TEST, DUC2004, *ECBPLUS]  # what source_docs() reads, in order


def source_docs() -> list[str]:
    docs: list[str] = []
    with gzip.open(MULTINEWS_TEST, "rt", encoding="utf-8") as fh:
        for line in fh:
            docs += [d["text"] for d in json.loads(line)["docs"] if len(d["text"].split()) >= 50]
    with DUC2004.open(encoding="utf-8") as fh:
        for line in fh:
            docs += [d["text"] for d in json.loads(line)["docs"]]
    for path in ECBPLUS:
        with gzip.open(path, "rt") as fh:
            docs += [json.loads(line)["text"] for line in fh]
    return docs


REWRITE_DROP = 0.4


def rewrite(text: str, rng: random.Random) -> str:
    """A re-used document rewritten so it is *not* a copy: a random half of its sentences, shuffled, with
    REWRITE_DROP of their words deleted (a rewording for the shingle measures: word 3-shingle containment
    with the original ~0.35, under the 0.6 syndication threshold, while the content words a clusterer
    compares mostly remain), so it goes through clustering like a fresh report and the report mix does not
    change with the corpus size."""
    sentences = [s for s in text.split(". ") if s]
    if len(sentences) < 4:
        return text
    keep = rng.sample(sentences, max(2, len(sentences) // 2))
    return ". ".join(" ".join(w for w in s.split() if rng.random() >= REWRITE_DROP) for s in keep)


def build(n: int, folder: Path, docs: list[str], fair_mix: bool = False, days: int = 365) -> None:
    """Write ``n`` sampled, re-dated reports as JSONL files of PER_FILE records, in date order.

    ``fair_mix``: re-used documents are rewritten (see :func:`rewrite`) instead of trimmed into copies.
    ``days``: the span the dates are drawn from (reports per day = n / days)."""
    rng = random.Random(SEED)
    start = dt.date(2030, 1, 1)
    used: set[int] = set()
    records = []
    for k in range(n):
        i = rng.randrange(len(docs))
        text = docs[i]
        if i in used and fair_mix:
            text = rewrite(text, rng)
        elif i in used:
            sentences = text.split(". ")
            if len(sentences) > 2:
                del sentences[rng.randrange(len(sentences))]
            text = ". ".join(sentences)
        used.add(i)
        records.append(
            {
                "id": f"b{k}",
                "text": text,
                "outlet": rng.choice(OUTLETS),
                "published": (start + dt.timedelta(days=rng.randrange(days))).isoformat(),
            }
        )
    records.sort(key=lambda r: (r["published"], r["id"]))
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for f in range(0, n, PER_FILE):
        with (folder / f"part-{f // PER_FILE:04d}.jsonl").open("w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(r) + "\n" for r in records[f : f + PER_FILE])


def profile_summary(profiler: cProfile.Profile, top: int = 18) -> str:
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def run(
    n: int, docs: list[str], work: Path, profile: bool, fair_mix: bool = False, constant_rate: bool = False
) -> dict[str, Any]:
    folder = work / f"in-{n}"
    days = max(1, round(365 * n / 10_000)) if constant_rate else 365
    build(n, folder, docs, fair_mix, days)
    db = work / f"bench-{n}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    profiler = cProfile.Profile() if profile else None
    started = time.perf_counter()
    if profiler:
        profiler.enable()
    summary = run_ingest([folder], db, progress=False)
    if profiler:
        profiler.disable()
    seconds = time.perf_counter() - started
    store = Store(db)
    counts = store.counts()
    store.close()
    result = {
        "reports": n,
        "seconds": round(seconds, 1),
        "reports_per_s": round(n / seconds, 1),
        "ms_per_report": round(1000 * seconds / n, 3),
        "outcomes": dict(summary.counts),
        "db": counts,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "profiled": profile,
        "fair_mix": fair_mix,
        "days": days,
    }
    if profiler:
        result["profile"] = profile_summary(profiler)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--profile", action="store_true", help="cProfile the ingest (slows it ~1.5x)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/corroborate-throughput"))
    parser.add_argument("--json", type=Path)
    parser.add_argument(
        "--fair-mix",
        action="store_true",
        help="rewrite re-used documents instead of copying them, so every size has the same mix",
    )
    parser.add_argument(
        "--constant-rate",
        action="store_true",
        help="spread the dates over 365 days per 10k reports (same reports per day at every size)",
    )
    args = parser.parse_args()
    docs = source_docs()
    print(f"{len(docs)} source documents", flush=True)
    results = []
    for n in (int(s) for s in args.sizes.split(",")):
        result = run(n, docs, args.work, args.profile, args.fair_mix, args.constant_rate)
        results.append(result)
        print(json.dumps({k: v for k, v in result.items() if k != "profile"}), flush=True)
        if "profile" in result:
            print(result["profile"], flush=True)
    if len(results) >= 2:
        ratio = results[-1]["ms_per_report"] / results[0]["ms_per_report"]
        print(f"per-report cost ratio {results[-1]['reports']} vs {results[0]['reports']}: {ratio:.2f}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        report = with_run_info({"results": results}, SOURCE_DATA)
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
