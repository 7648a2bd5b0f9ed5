"""Story clustering quality: ECB+ (dev/test) and the 500 pooled DUC 2004 documents.

Each corpus is written as JSON lines to /tmp (never into the repo), shuffled with a fixed seed (an incremental
clusterer is order-sensitive; input order must not leak the gold grouping), ingested with the real
``corroborate ingest`` path into a fresh database, and the stored stories are scored against the gold
clusters (pairwise and B-cubed F1). ``--calibrate`` grid-searches the cheap-score weights on ECB+ dev.

    .venv/bin/python benchmarks/clustering.py [--embeddings] [--calibrate] [--json benchmarks/results/clustering.json]
"""

from __future__ import annotations

import argparse
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

from corroborate.cluster import stories as S  # noqa: E402
from corroborate.cluster.features import compute_features  # noqa: E402
from corroborate.cluster.metrics import bcubed_scores, pairwise_scores  # noqa: E402
from corroborate.model import Article  # noqa: E402
from corroborate.store import Store, run_ingest  # noqa: E402

SHARED = Path(os.environ.get("CORROBORATE_SHARED", ROOT / ".." / "shared"))
SEED = 13


def load(corpus: str) -> list[dict[str, Any]]:
    """Records {id, title, text, cluster}; DUC's 50 clusters x 10 docs pooled."""
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


def shuffled(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = list(records)
    random.Random(SEED).shuffle(out)
    return out


def _ids(value: object) -> list[str]:
    assert isinstance(value, list)
    return [str(v) for v in value]


def evaluate(corpus: str, embeddings: bool, workdir: Path) -> dict[str, Any]:
    """Ingest the shuffled corpus through the store and score the stories."""
    records = shuffled(load(corpus))
    src = workdir / f"{corpus}.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps({"id": r["id"], "title": r["title"], "text": r["text"], "url": r.get("url")}) + "\n")
    db = workdir / f"{corpus}-{int(embeddings)}.db"
    started = time.perf_counter()
    summary = run_ingest([src], db, embeddings=embeddings, progress=False)
    seconds = time.perf_counter() - started
    store = Store(db)
    source = dict(store.conn.execute("SELECT id, source_id FROM reports"))
    predicted = {source[rid]: str(s["id"]) for s in store.stories() for rid in _ids(s["articles"])}
    store.close()
    gold = {r["id"]: r["cluster"] for r in records if r["id"] in predicted}
    return {
        "corpus": corpus,
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


def calibrate(corpus: str = "ecbplus-dev") -> list[dict[str, Any]]:
    """Grid over ENTITY_WEIGHT x JOIN_SCORE on the cheap cascade (no embeddings), best pairwise F1 first."""
    records = shuffled(load(corpus))
    feats = [
        (r["id"], compute_features(Article(id=r["id"], location="", text=r["text"], title=r["title"]))) for r in records
    ]
    gold = {r["id"]: r["cluster"] for r in records}
    saved = (S.ENTITY_WEIGHT, S.JOIN_SCORE)
    rows = []
    for weight, join in itertools.product([0.0, 0.1, 0.2, 0.3, 0.5], [0.2, 0.25, 0.3, 0.35, 0.4]):
        S.ENTITY_WEIGHT, S.JOIN_SCORE = weight, join
        clusterer = S.StoryClusterer()
        predicted = {rid: clusterer.assign(rid, f).story_id for rid, f in feats}
        rows.append(
            {
                "entity_weight": weight,
                "join_score": join,
                "pairwise_f1": round(pairwise_scores(predicted, gold)["f1"], 4),
                "bcubed_f1": round(bcubed_scores(predicted, gold)["f1"], 4),
            }
        )
    S.ENTITY_WEIGHT, S.JOIN_SCORE = saved
    return sorted(rows, key=lambda r: (-r["pairwise_f1"], -r["bcubed_f1"]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpora", default="ecbplus-dev,ecbplus-test,duc2004")
    parser.add_argument("--embeddings", action="store_true", help="also run with the embedding stage on")
    parser.add_argument("--calibrate", action="store_true")
    parser.add_argument("--json", type=Path, help="write the results here")
    args = parser.parse_args()
    if not (SHARED / "data").is_dir():
        print(f"benchmark data not found under {SHARED} (set CORROBORATE_SHARED)", file=sys.stderr)
        return 2
    results: dict[str, Any] = {"seed": SEED, "runs": []}
    if args.calibrate:
        results["calibration"] = calibrate()
        for row in results["calibration"][:5]:
            print("calibration (ECB+ dev)", row)
    with tempfile.TemporaryDirectory(prefix="corroborate-bench-") as tmp:
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
