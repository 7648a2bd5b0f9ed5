"""Multi-document summarization benchmark: corroborate's summarizer vs. baselines, scored with ROUGE.

Every system gets the same sentences (one splitter) and the same word budget (DUC 2004: 100, Multi-News:
260), and the last sentence is cut at the budget (ROUGE ``-l`` style). ``product`` is the exception and the
figure to report for corroborate: each cluster goes through the product's own path (``brief_reports``: read,
clean, copy removal, sentence split, the summary with its citation checks, whole sentences within the budget,
no cut sentence), exactly as ``corroborate brief --max-words N`` (the analysis runs too: the summary reads
its parse to leave out sentences that do not stand alone). ``ours`` is the bare selector on raw documents,
kept and labelled as such. Scores are printed as percentages
and written to benchmarks/results/summarize_<dataset>.json together with the options used.

    python benchmarks/summarize.py --dataset duc2004 --systems lead,lexrank,textrank,lsa,ours,peers \
        --scorer rouge155
    python benchmarks/summarize.py --dataset multinews --split validation --scorer rouge-score
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "src"), str(REPO / "benchmarks")]

from corroborate.brief.summarize import Candidate, SummaryOptions  # noqa: E402
from evallib.run_info import with_run_info  # noqa: E402
from evallib.summaries import split_into_candidates, summarize_candidates  # noqa: E402
from rouge_env import DUC_ARGS, MULTINEWS_ARGS, perl_rouge, python_rouge  # noqa: E402
from summarize_baselines import lead, lexrank, lsa, textrank  # noqa: E402

BUDGET = {"duc2004": 100, "multinews": 260}
SYSTEMS = ("lead", "lexrank", "textrank", "lsa", "ours", "product", "peers")
System = Callable[[Sequence[Candidate], int], str]


@dataclasses.dataclass
class Cluster:
    """One topic: source documents and reference summaries."""

    id: str
    docs: list[str]
    refs: list[str]


def shared_data() -> Path:
    """The shared benchmark data folder (env CORROBORATE_SHARED overrides)."""
    env = os.environ.get("CORROBORATE_SHARED")
    return Path(env) if env else REPO / ".." / "shared"


def load_clusters(dataset: str, split: str, limit: int | None) -> list[Cluster]:
    """Read DUC 2004 (test only) or a Multi-News split; ``limit`` keeps the first N clusters."""
    data = shared_data() / "data" / dataset
    if dataset == "duc2004":
        lines = (data / "clusters.jsonl").read_text(encoding="utf-8").splitlines()
    else:
        with gzip.open(data / f"{split}.jsonl.gz", "rt", encoding="utf-8") as fh:
            lines = fh.read().splitlines()
    out = []
    for line in lines[:limit] if limit else lines:
        rec = json.loads(line)
        out.append(Cluster(rec["id"], [d["text"] for d in rec["docs"]], list(rec["summaries"])))
    return out


def load_peers(clusters: Sequence[Cluster]) -> dict[str, list[str]]:
    """SumRepo system summaries for the DUC 2004 clusters, keyed ``peer:<System>``."""
    index = {c.id: k for k, c in enumerate(clusters)}
    peers: dict[str, list[str]] = {}
    for line in (shared_data() / "data" / "duc2004" / "sumrepo_peers.jsonl").read_text().splitlines():
        rec = json.loads(line)
        if rec["id"] in index:
            peers.setdefault("peer:" + rec["system"], [""] * len(clusters))[index[rec["id"]]] = rec["summary"]
    return peers


def ours(options: SummaryOptions) -> System:
    """corroborate's selector, budget filled with the last pick cut (same convention as the baselines)."""

    def run(candidates: Sequence[Candidate], max_words: int) -> str:
        return "\n".join(summarize_candidates(candidates, max_words, truncate_last=True, options=options))

    return run


def product_summaries(clusters: Sequence[Cluster], budget: int) -> tuple[list[str], float]:
    """Each cluster briefed through the product path (one story, default config but the budget); mean seconds
    per story."""
    from corroborate.config import resolve_config
    from corroborate.model import RawReport
    from corroborate.pipeline import brief_reports

    config = resolve_config(None, {"summary.max_words": budget})
    out: list[str] = []
    t0 = time.perf_counter()
    for cluster in clusters:
        raws = [RawReport(id=f"{cluster.id}-{k}", location=f"{cluster.id}/{k}", text=text)
                for k, text in enumerate(cluster.docs) if text.strip()]
        run = brief_reports(raws, config, one_story=True)
        out.append("\n".join(item["text"] for b in run.briefings for item in b["summary"]))
    return out, (time.perf_counter() - t0) / max(len(clusters), 1)


def parse_options(pairs: Sequence[str]) -> SummaryOptions:
    """``key=value`` overrides of :class:`SummaryOptions`, values cast to the field's default type."""
    defaults = SummaryOptions()
    changes: dict[str, Any] = {}
    for pair in pairs:
        key, _, raw = pair.partition("=")
        current = getattr(defaults, key)
        if isinstance(current, bool):
            changes[key] = raw.lower() in {"1", "true", "yes"}
        else:
            changes[key] = type(current)(raw)
    return dataclasses.replace(defaults, **changes)


def run_systems(
    clusters: Sequence[Cluster], names: Sequence[str], budget: int, options: SummaryOptions
) -> tuple[dict[str, list[str]], dict[str, float]]:
    """Summaries of every cluster by every system, and mean seconds per story per system."""
    table: dict[str, System] = {"lead": lead, "lexrank": lexrank, "textrank": textrank, "lsa": lsa,
                                "ours": ours(options)}
    outputs: dict[str, list[str]] = {n: [] for n in names if n in table}
    seconds: dict[str, float] = {n: 0.0 for n in outputs}
    split_seconds = 0.0
    for cluster in clusters:
        t0 = time.perf_counter()
        candidates = split_into_candidates(cluster.docs)
        split_seconds += time.perf_counter() - t0
        for name in outputs:
            t0 = time.perf_counter()
            outputs[name].append(table[name](candidates, budget))
            seconds[name] += time.perf_counter() - t0
    per_story = {n: s / max(len(clusters), 1) for n, s in seconds.items()}
    per_story["sentence_split"] = split_seconds / max(len(clusters), 1)
    return outputs, per_story


def score(
    dataset: str, scorers: Sequence[str], outputs: dict[str, list[str]], refs: list[list[str]], budget: int
) -> dict[str, dict[str, float]]:
    """All requested scores per system, as percentages, keys prefixed by scorer."""
    out: dict[str, dict[str, float]] = {n: {} for n in outputs}
    for scorer in scorers:
        if scorer == "rouge155":
            raw = perl_rouge(outputs, refs, DUC_ARGS if dataset == "duc2004" else MULTINEWS_ARGS)
        else:
            raw = python_rouge(outputs, refs, budget)
        for name, vals in raw.items():
            out[name].update({f"{scorer}:{k}": round(100 * v, 2) for k, v in vals.items()})
    return out


def headline(dataset: str, scores: dict[str, float]) -> str:
    """The figures the papers report: DUC recall R-1/R-2; Multi-News F1 R-1/R-2/R-SU4 (+ R-Lsum)."""
    kind = "r" if dataset == "duc2004" else "f"
    keys = ["rouge-1", "rouge-2"] + (["rouge-su4"] if dataset == "multinews" else [])
    parts = []
    for scorer in ("rouge155", "rouge-score"):
        vals = [scores.get(f"{scorer}:{k}_{kind}") for k in keys]
        if vals[0] is not None:
            parts.append(f"{scorer} " + "/".join(f"{v:.2f}" for v in vals if v is not None))
    if f"rouge-score:rouge-lsum_{kind}" in scores:
        parts.append(f"R-Lsum {scores[f'rouge-score:rouge-lsum_{kind}']:.2f}")
    return "  ".join(parts)


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dataset", choices=sorted(BUDGET), default="duc2004")
    parser.add_argument("--split", choices=["test", "validation"], default="test")
    parser.add_argument("--limit", type=int, default=None, help="first N clusters only")
    parser.add_argument("--systems", default="lead,lexrank,textrank,lsa,ours,peers")
    parser.add_argument("--scorer", default="rouge-score",
                        help="rouge155, rouge-score, or both comma-separated")
    parser.add_argument("--option", action="append", default=[], help="SummaryOptions override key=value")
    parser.add_argument("--out", type=Path, default=None,
                        help="results JSON (default benchmarks/results/...)")
    args = parser.parse_args(argv)
    if args.dataset == "duc2004" and args.split != "test":
        parser.error("DUC 2004 has only a test split")
    names = [n.strip() for n in args.systems.split(",") if n.strip()]
    unknown = set(names) - set(SYSTEMS)
    if unknown:
        parser.error(f"unknown systems {sorted(unknown)}; choose from {SYSTEMS}")
    scorers = [s.strip() for s in args.scorer.split(",")]
    options = parse_options(args.option)
    budget = BUDGET[args.dataset]

    clusters = load_clusters(args.dataset, args.split, args.limit)
    outputs, per_story = run_systems(clusters, names, budget, options)
    if "product" in names:
        outputs["product"], per_story["product"] = product_summaries(clusters, budget)
    if "peers" in names and args.dataset == "duc2004":
        outputs.update(load_peers(clusters))
    scores = score(args.dataset, scorers, outputs, [c.refs for c in clusters], budget)

    print(f"{args.dataset}/{args.split} n={len(clusters)} budget={budget} words")
    for name in sorted(scores, key=lambda n: next(iter(scores[n].values()), 0.0)):
        secs = f"{per_story[name] * 1000:8.1f} ms/story" if name in per_story else " " * 16
        print(f"  {name:18s} {secs}  {headline(args.dataset, scores[name])}")
    result = {
        "dataset": args.dataset, "split": args.split, "n_clusters": len(clusters), "limit": args.limit,
        "budget_words": budget, "scorers": scorers, "command": "python benchmarks/summarize.py "
        + " ".join(argv if argv is not None else sys.argv[1:]),
        "options": dataclasses.asdict(options), "seconds_per_story": per_story, "scores": scores,
    }
    data = shared_data() / "data" / args.dataset  # the files load_clusters and load_peers read
    read = [data / "clusters.jsonl"] if args.dataset == "duc2004" else [data / f"{args.split}.jsonl.gz"]
    if "peers" in names and args.dataset == "duc2004":
        read.append(data / "sumrepo_peers.jsonl")
    result = with_run_info(result, read)
    suffix = "" if args.split == "test" else f"_{args.split}"
    out = args.out or REPO / "benchmarks" / "results" / f"summarize_{args.dataset}{suffix}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return result


if __name__ == "__main__":
    main()
