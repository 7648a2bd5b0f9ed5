"""Story clustering quality: ECB+ (dev/test), the 500 pooled DUC 2004 documents and 531 pooled Multi-News documents.

Each corpus is written as JSON lines to /tmp (never into the repo), shuffled with a fixed seed (an incremental
clusterer is order-sensitive; input order must not leak the gold grouping), ingested with the real
``corroborate ingest`` path into a fresh database, and the stored stories are scored against the gold
clusters (pairwise and B-cubed F1). ``--calibrate`` grid-searches the cheap-score weights on the calibration
splits only (ECB+ train and dev, Multi-News validation); the test sets (ECB+ test, DUC, Multi-News LongBench) are
held out.

    .venv/bin/python benchmarks/clustering.py [--embeddings] [--calibrate] [--variants] [--ceiling] [--json FILE]
    .venv/bin/python benchmarks/clustering.py --seeds 13,1,2,3,4,5 --corpora ecbplus-dev   # order sensitivity

An incremental clusterer's result depends on the arrival order, and on a corpus of 16-20 gold stories one early
wrong join moves pairwise F1 by 0.05-0.1: ``--seeds`` re-runs each corpus under several shuffles and reports the
mean and range beside the figure of the default seed (compare changes by the mean, not by one order).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import itertools
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from corroborate.cluster import features as F  # noqa: E402
from corroborate.cluster import stories as S  # noqa: E402
from corroborate.cluster.features import compute_features  # noqa: E402
from corroborate.config import Config  # noqa: E402
from corroborate.model import Article  # noqa: E402
from corroborate.store import Store  # noqa: E402
from corroborate.stream import run_ingest  # noqa: E402
from evallib.cluster_metrics import bcubed_scores, pairwise_scores  # noqa: E402

SHARED = Path(os.environ.get("CORROBORATE_SHARED", ROOT / ".." / "shared"))
SEED = 13


# Multi-News documents shorter than this many words are left out of the pooled corpus (the acceptance figure
# of issue 10 is stated on the 531 documents of >= 40 words of the 200 LongBench clusters).
MULTINEWS_MIN_WORDS = 40
MULTINEWS_FILES = {"multinews": "test_longbench_fulltext.jsonl.gz", "multinews-validation": "validation.jsonl.gz"}


def load_multinews(name: str) -> list[dict[str, Any]]:
    """Multi-News clusters pooled: one record per document of >= MULTINEWS_MIN_WORDS words, id
    ``<cluster id>-d<k>`` (k: the document's position in its cluster), no title, no date, no story field."""
    out = []
    with gzip.open(SHARED / "data" / "multinews" / MULTINEWS_FILES[name], "rt", encoding="utf-8") as fh:
        for line in fh:
            cluster = json.loads(line)
            for k, doc in enumerate(cluster["docs"]):
                if len(doc["text"].split()) >= MULTINEWS_MIN_WORDS:
                    record = {
                        "id": f"{cluster['id']}-d{k}",
                        "title": None,
                        "text": doc["text"],
                        "cluster": cluster["id"],
                    }
                    out.append(record)
    return out


def load(corpus: str) -> list[dict[str, Any]]:
    """Records {id, title, text, cluster}: ECB+ splits (``ecbplus-<split>``), DUC's 50 clusters x 10 docs
    pooled (``duc2004``), Multi-News pooled (``multinews``: the LongBench full-text test clusters;
    ``multinews-validation``: truncated, case-normalised, calibration only)."""
    if corpus in MULTINEWS_FILES:
        return load_multinews(corpus)
    if corpus == "duc2004":
        out = []
        with (SHARED / "data" / "duc2004" / "clusters.jsonl").open(encoding="utf-8") as fh:
            for line in fh:
                cluster = json.loads(line)
                for doc in cluster["docs"]:
                    out.append(
                        {
                            "id": doc["id"],
                            "title": doc["title"],
                            "text": doc["text"],
                            "cluster": cluster["id"],
                        }
                    )
        return out
    split = corpus.split("-")[1]
    path = SHARED / "data" / "news-clustering" / "ecbplus" / f"ecbplus.{split}.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def shuffled(records: list[dict[str, Any]], seed: int = SEED) -> list[dict[str, Any]]:
    out = list(records)
    random.Random(seed).shuffle(out)
    return out


def _ids(value: object) -> list[str]:
    assert isinstance(value, list)
    return [str(v) for v in value]


def evaluate(corpus: str, embeddings: bool, workdir: Path, seed: int = SEED) -> dict[str, Any]:
    """Ingest the corpus shuffled with ``seed`` through the store and score the stories."""
    records = shuffled(load(corpus), seed)
    src = workdir / f"{corpus}-s{seed}.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps({"id": r["id"], "title": r["title"], "text": r["text"], "url": r.get("url")}) + "\n")
    db = workdir / (f"{corpus}-{int(embeddings)}.db" if seed == SEED else f"{corpus}-{int(embeddings)}-s{seed}.db")
    started = time.perf_counter()
    summary = run_ingest([src], db, embeddings=embeddings, progress=False)
    seconds = time.perf_counter() - started
    store = Store(db)
    # Scored by the user's own ids: each stored report's source_id (the record's "id") and its story.
    predicted = {str(src): str(sid) for src, sid in store.conn.execute("SELECT source_id, story_id FROM reports")}
    store.close()
    gold = {r["id"]: r["cluster"] for r in records if r["id"] in predicted}
    return {
        "corpus": corpus,
        "seed": seed,
        "docs": len(records),
        "stored": len(predicted),
        "gold_clusters": len(set(gold.values())),
        "stories": len(set(predicted.values())),
        "embeddings": embeddings,
        "embedding_calls": summary.embedding_calls,
        "seconds": round(seconds, 1),
        "pairwise": {k: round(v, 4) for k, v in pairwise_scores(predicted, gold).items()},
        "bcubed": {k: round(v, 4) for k, v in bcubed_scores(predicted, gold).items()},
    }


def stored_reports(corpus: str, workdir: Path) -> list[dict[str, Any]]:
    """Ingest ``corpus`` once; return its stored reports in processing order with their cleaned text."""
    workdir.mkdir(parents=True, exist_ok=True)
    evaluate(corpus, False, workdir)
    store = Store(workdir / f"{corpus}-0.db")
    rows = store.conn.execute(
        "SELECT id, source_id, title, text, published, clustered, story_id FROM reports ORDER BY seq"
    ).fetchall()
    store.close()
    keys = ("id", "source_id", "title", "text", "published", "clustered", "story_id")
    return [dict(zip(keys, row, strict=True)) for row in rows]


def report_features(reports: list[dict[str, Any]]) -> list[F.ReportFeatures | None]:
    """Features of each stored report (None for copies, which follow their original)."""
    out: list[F.ReportFeatures | None] = []
    for r in reports:
        if not r["clustered"]:
            out.append(None)
            continue
        published = dt.date.fromisoformat(r["published"]) if r["published"] else None
        article = Article(id=r["id"], location="", text=r["text"], title=r["title"], published=published)
        out.append(compute_features(article))
    return out


def recluster(
    reports: list[dict[str, Any]], gold: dict[str, str], features: list[F.ReportFeatures | None] | None = None
) -> dict[str, float]:
    """Re-run the clusterer (current module constants) over stored reports; copies follow their original.
    ``features`` (from :func:`report_features`) saves recomputing them when only stories.py constants change.
    Consolidation (``StoryClusterer.consolidate``) runs every ``stream.batch_size`` stored reports and at the
    end, as the stream driver runs it at the end of every batch (approximately: the driver's batches also count
    rejected and repeated inputs)."""
    clusterer = S.StoryClusterer()
    mapped: dict[str, str] = {}  # story id in the database -> story id now
    predicted = {}
    moved: dict[str, str] = {}
    batch = Config().stream.batch_size

    def consolidate() -> None:
        for story, into in clusterer.consolidate(lambda sid: sid in moved).items():
            moved[story] = into

    for k, (r, feats) in enumerate(zip(reports, features or report_features(reports), strict=True), 1):
        if feats is not None:
            sid = clusterer.assign(r["id"], feats).story_id
            mapped.setdefault(r["story_id"], sid)
            predicted[r["source_id"]] = sid
        else:
            predicted[r["source_id"]] = mapped[r["story_id"]]
        if k % batch == 0:
            consolidate()
    consolidate()

    def shown(sid: str) -> str:
        while sid in moved:
            sid = moved[sid]
        return sid

    predicted = {k: shown(v) for k, v in predicted.items()}
    gold = {k: gold[k] for k in predicted}
    pairwise = pairwise_scores(predicted, gold)
    return {
        "pairwise_p": pairwise["precision"],
        "pairwise_r": pairwise["recall"],
        "pairwise_f1": pairwise["f1"],
        "bcubed_f1": bcubed_scores(predicted, gold)["f1"],
    }


# The calibration splits (never a test set): ECB+ train and dev (same-kind event pairs, some dated), Multi-News
# validation (truncated, lower-cased: word and year evidence only).
CALIBRATION = ["ecbplus-train", "ecbplus-dev", "multinews-validation"]
GRID = {
    "ENTITY_WEIGHT": [0.0, 0.2, 0.3],
    "JOIN_SCORE": [0.18, 0.2, 0.22],
    "MIN_COSINE": [0.08, 0.12],
    "YEAR_CONFLICT_PENALTY": [0.0, 0.1, 0.2],
    "DATE_CONFLICT_PENALTY": [0.0, 0.2],
}


def calibrate(workdir: Path, corpora: list[str] = CALIBRATION) -> list[dict[str, Any]]:
    """Grid over GRID on the calibration splits through the store's cleaning (cheap cascade), best mean
    pairwise F1 first."""
    stored = {c: stored_reports(c, workdir) for c in corpora}
    feats = {c: report_features(stored[c]) for c in corpora}
    gold = {c: {r["id"]: r["cluster"] for r in load(c)} for c in corpora}
    saved = {name: getattr(S, name) for name in GRID}
    rows = []
    for values in itertools.product(*GRID.values()):
        setting = dict(zip(GRID, values, strict=True))
        for name, value in setting.items():
            setattr(S, name, value)
        row: dict[str, Any] = dict(setting)
        for c in corpora:
            row[c] = {k: round(v, 4) for k, v in recluster(stored[c], gold[c], feats[c]).items()}
        row["mean_pairwise_f1"] = round(sum(row[c]["pairwise_f1"] for c in corpora) / len(corpora), 4)
        rows.append(row)
    for name, value in saved.items():
        setattr(S, name, value)
    return sorted(rows, key=lambda r: -r["mean_pairwise_f1"])


# Alternatives measured against the defaults (module constants of stories.py / features.py); see the doc.
VARIANTS: dict[str, dict[str, Any]] = {
    "default": {},
    "no consolidation": {"CONSOLIDATE_SCORE": 99.0},
    "CONSOLIDATE_SCORE=0.12": {"CONSOLIDATE_SCORE": 0.12},
    "CONSOLIDATE_SCORE=0.18": {"CONSOLIDATE_SCORE": 0.18},
    "ENTITY_WEIGHT=0 (no entity evidence)": {"ENTITY_WEIGHT": 0.0},
    "no year evidence": {"YEAR_CONFLICT_PENALTY": 0.0},
    "no text-date evidence": {"DATE_CONFLICT_PENALTY": 0.0},
    "issue-9 scoring (no entity/time evidence)": {
        "ENTITY_WEIGHT": 0.0,
        "YEAR_CONFLICT_PENALTY": 0.0,
        "DATE_CONFLICT_PENALTY": 0.0,
    },
    "MAX_TERMS=100": {"MAX_TERMS": 100},
    "TITLE_WEIGHT=1": {"TITLE_WEIGHT": 1},
    "TITLE_WEIGHT=3": {"TITLE_WEIGHT": 3},
    "QUERY_TERMS=20": {"QUERY_TERMS": 20},
    "no time window": {"TIME_WINDOW_DAYS": 100_000},
    "evict on date only (old)": {"EVICT_IDLE_REPORTS": 0},
}


def variants(workdir: Path, corpora: list[str]) -> list[dict[str, Any]]:
    """Re-cluster each corpus's stored reports under every VARIANTS setting (cheap cascade)."""
    stored = {c: stored_reports(c, workdir) for c in corpora}
    gold = {c: {r["id"]: r["cluster"] for r in load(c)} for c in corpora}
    rows = []
    for name, setting in VARIANTS.items():
        modules = [S if hasattr(S, key) else F for key in setting]
        saved = [(m, key, getattr(m, key)) for m, key in zip(modules, setting, strict=True)]
        for m, key in zip(modules, setting, strict=True):
            setattr(m, key, setting[key])
        row: dict[str, Any] = {"variant": name}
        for c in corpora:
            row[c] = {k: round(v, 4) for k, v in recluster(stored[c], gold[c]).items()}
        for m, key, value in saved:
            setattr(m, key, value)
        rows.append(row)
    return rows


def ceiling(corpus: str) -> dict[str, Any]:
    """Oracle check of the cheap features: with the *gold* stories of all earlier reports known, how often is
    a report's own story the nearest centroid (TF-IDF of ``compute_features`` terms, IDF over the whole corpus,
    cosine)? An incremental clusterer that joins by nearest centroid cannot beat this rate."""
    import numpy as np

    seen: set[str] = set()
    records = []
    for r in shuffled(load(corpus)):
        if r["text"] not in seen:  # exact copies are the syndication stage's business
            seen.add(r["text"])
            records.append(r)
    terms = [
        compute_features(Article(id=r["id"], location="", text=r["text"], title=r["title"])).terms for r in records
    ]
    vocab = {t: i for i, t in enumerate(sorted({t for d in terms for t in d}))}
    matrix = np.zeros((len(records), len(vocab)))
    for i, d in enumerate(terms):
        for t, w in d.items():
            matrix[i, vocab[t]] = w
    idf = np.log((len(records) + 1) / ((matrix > 0).sum(0) + 1)) + 1
    unit = matrix * idf
    unit /= np.linalg.norm(unit, axis=1, keepdims=True)
    joins = right = 0
    sums: dict[str, np.ndarray] = {}
    for i, r in enumerate(records):
        if r["cluster"] in sums:
            joins += 1
            best = max(sums, key=lambda g: (float(unit[i] @ sums[g]) / float(np.linalg.norm(sums[g])), g))
            right += best == r["cluster"]
        sums[r["cluster"]] = sums.get(r["cluster"], 0) + unit[i]
    return {"corpus": corpus, "join_cases": joins, "own_story_nearest": round(right / joins, 4)}


def over_seeds(corpus: str, seeds: list[int], workdir: Path) -> dict[str, Any]:
    """The cheap cascade on ``corpus`` under each shuffle seed: mean, min and max of pairwise and B-cubed F1."""
    runs = [evaluate(corpus, False, workdir, seed) for seed in seeds]
    out: dict[str, Any] = {"corpus": corpus, "seeds": seeds}
    for metric in ("pairwise", "bcubed"):
        values = [run[metric]["f1"] for run in runs]
        out[metric] = {
            "mean": round(sum(values) / len(values), 4),
            "min": min(values),
            "max": max(values),
            "by_seed": values,
        }
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpora", default="ecbplus-dev,ecbplus-test,duc2004,multinews")
    parser.add_argument("--embeddings", action="store_true", help="also run with the embedding stage on")
    parser.add_argument("--calibrate", action="store_true")
    parser.add_argument("--variants", action="store_true", help="also re-cluster under each VARIANTS setting")
    parser.add_argument("--ceiling", action="store_true", help="also print the gold-history nearest-centroid rate")
    parser.add_argument("--seeds", help="comma-separated shuffle seeds: also report mean/min/max over them")
    parser.add_argument("--json", type=Path, help="write the results here")
    args = parser.parse_args()
    if not (SHARED / "data").is_dir():
        print(f"benchmark data not found under {SHARED} (set CORROBORATE_SHARED)", file=sys.stderr)
        return 2
    results: dict[str, Any] = {"seed": SEED, "runs": []}
    if args.ceiling:
        results["ceiling"] = [ceiling(corpus) for corpus in args.corpora.split(",")]
        for row in results["ceiling"]:
            print("ceiling", row)
    with tempfile.TemporaryDirectory(prefix="corroborate-bench-") as tmp:
        if args.calibrate:
            results["calibration"] = calibrate(Path(tmp) / "calibration")
            for row in results["calibration"][:10]:
                cells = [f"{c} {row[c]['pairwise_f1']:.3f}/{row[c]['bcubed_f1']:.3f}" for c in CALIBRATION]
                setting = {k: row[k] for k in GRID}
                print("calibration", setting, "  ".join(cells), f"mean {row['mean_pairwise_f1']:.3f}")
        if args.variants:
            results["variants"] = variants(Path(tmp) / "variants", args.corpora.split(","))
            for row in results["variants"]:
                cells = [f"{c} {row[c]['pairwise_f1']:.3f}/{row[c]['bcubed_f1']:.3f}" for c in args.corpora.split(",")]
                print(f"variant {row['variant']:<26}", "  ".join(cells))
        if args.seeds:
            seeds = [int(x) for x in args.seeds.split(",")]
            results["over_seeds"] = [over_seeds(c, seeds, Path(tmp)) for c in args.corpora.split(",")]
            for row in results["over_seeds"]:
                pw, b3 = row["pairwise"], row["bcubed"]
                print(
                    f"{row['corpus']:<13} seeds={len(seeds)} pairwise F1 mean {pw['mean']:.3f} "
                    f"[{pw['min']:.3f}-{pw['max']:.3f}]  B3 F1 mean {b3['mean']:.3f} [{b3['min']:.3f}-{b3['max']:.3f}]"
                )
        for corpus in args.corpora.split(","):
            for emb in [False, True] if args.embeddings else [False]:
                run = evaluate(corpus, emb, Path(tmp))
                results["runs"].append(run)
                print(
                    f"{corpus:<13} emb={int(emb)} docs={run['docs']} stories={run['stories']}/"
                    f"{run['gold_clusters']} pairwise P/R/F1={run['pairwise']['precision']:.3f}/"
                    f"{run['pairwise']['recall']:.3f}/{run['pairwise']['f1']:.3f} "
                    f"B3 F1={run['bcubed']['f1']:.3f} emb_calls={run['embedding_calls']} {run['seconds']}s"
                )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
