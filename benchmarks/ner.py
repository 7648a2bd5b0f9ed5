"""Benchmark the shipped NER model: CoNLL-2003 test F1 per type and overall, speed, size; UNER-EWT as a check.

F1 is seqeval's exact entity match on IOB2 tags (CoNLL's convention). Speed is CoNLL-2003 test sentences per
second through ``tag_tokens`` (tokenization, network and decoding included), best of ``--repeat`` runs, with
``--threads`` torch threads. UNER English-EWT test (web text, no MISC type) is scored on PER/ORG/LOC with
predicted MISC mapped to O, as an out-of-domain check. No NER competitor can be run offline here (no spaCy or
Flair models download), so published CoNLL-2003 test figures are listed as anchors, not measured side by side.

    python benchmarks/ner.py [--data ../shared/data/ner] [--threads 2] [--json benchmarks/results/ner.json]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

import torch

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from corroborate.analyze.entities.ner import MODEL_DIR, NerTagger  # noqa: E402
from corroborate.analyze.entities.ner.tagger import bf16_is_fast  # noqa: E402
from evallib.ner_data import ENTITY_TYPES, read_conll2003, read_uner  # noqa: E402
from evallib.ner_metrics import entity_scores  # noqa: E402
from evallib.run_info import with_run_info  # noqa: E402

SHARED = Path(os.environ.get("CORROBORATE_SHARED", REPO / ".." / "shared"))
# Published CoNLL-2003 English test F1 (not run here): Akbik et al. 2018 (Flair), spaCy en_core_web_trf 3.x.
ANCHORS = {"flair (published)": 93.1, "spacy en_core_web_trf (published)": 91.6}
TARGETS = {"f1": 0.88, "sentences_per_second": 1000, "model_mb": 30}


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SHARED / "data" / "ner")
    parser.add_argument("--model", type=Path, default=MODEL_DIR)
    parser.add_argument("--threads", type=int, nargs="+", default=[2, 1], help="torch thread counts to time")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--json", type=Path, default=REPO / "benchmarks" / "results" / "ner.json")
    return parser.parse_args()


def timed_tagging(
    tagger: NerTagger, sentences: list[list[str]], repeat: int
) -> tuple[list[list[str]], float, float]:
    """Tags of ``sentences``, best wall-clock and best CPU-time sentences/second over ``repeat`` runs.

    CPU time (all threads of this process) is reported too because the benchmark machine is shared: under
    contention wall-clock speed says more about the neighbours than about the tagger. With one thread,
    sentences per CPU-second is the speed of one uncontended core.
    """
    tagger.tag_tokens(sentences[:256])
    best_wall = best_cpu = float("inf")
    tags: list[list[str]] = []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        tags = tagger.tag_tokens(sentences)
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    return tags, len(sentences) / best_wall, len(sentences) / best_cpu


def report(scores: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
    """Print one scores table (per type and overall) and return it unchanged."""
    for name in (*ENTITY_TYPES, "overall"):
        row = scores[name]
        p, r, f = row["precision"], row["recall"], row["f1"]
        print(f"  {name:8s} P {p:.4f}  R {r:.4f}  F1 {f:.4f}  n={row['support']}")
    return scores


def uner_scores(tagger: NerTagger, path: Path) -> dict[str, dict[str, float]]:
    """PER/ORG/LOC scores on a UNER file; MISC predictions count as O (UNER has no such type)."""
    sentences = read_uner(path)
    predicted = tagger.tag_tokens([s.tokens for s in sentences])
    predicted = [["O" if t.endswith("MISC") else t for t in tags] for tags in predicted]
    return entity_scores([s.tags for s in sentences], predicted)


def main() -> None:
    args = parse_args()
    conll_test = args.data / "conll2003" / "eng.testb.gz"
    if not conll_test.is_file():
        raise SystemExit(f"CoNLL-2003 test not found at {conll_test}; pass --data")
    sentences = read_conll2003(conll_test)
    tokens = [s.tokens for s in sentences]
    gold = [s.tags for s in sentences]
    size_mb = sum(f.stat().st_size for f in args.model.iterdir() if f.is_file()) / 1e6

    runs: dict[str, dict[str, object]] = {}
    precisions = ["bf16", "fp32"] if bf16_is_fast() else ["fp32"]
    for threads in args.threads:
        torch.set_num_threads(threads)
        for precision in precisions:
            tagger = NerTagger.from_directory(args.model, use_bf16=precision == "bf16")
            predicted, speed, cpu_speed = timed_tagging(tagger, tokens, args.repeat)
            print(f"[{precision}, {threads} threads] CoNLL-2003 test ({len(tokens)} sentences)")
            runs[f"{precision}/{threads} threads"] = {
                "conll2003_test": report(entity_scores(gold, predicted)),
                "sentences_per_second": round(speed, 1),
                "sentences_per_cpu_second": round(cpu_speed, 1),
                "load_average_1min": round(os.getloadavg()[0], 2),
            }
            load = os.getloadavg()[0]
            print(f"  speed {speed:.0f} sentences/s wall, {cpu_speed:.0f} per CPU-second (load {load:.1f})")

    default = NerTagger.from_directory(args.model)
    uner_path = args.data / "uner-en-ewt" / "en_ewt-ud-test.iob2.gz"
    uner = uner_scores(default, uner_path) if uner_path.is_file() else {}
    if uner:
        print(f"UNER EWT test (PER/ORG/LOC, out of domain): F1 {uner['overall']['f1']:.4f}")
    print(f"model size {size_mb:.1f} MB ({args.model.name}/)")

    result = {
        "benchmark": "ner",
        "model_dir": str(args.model.relative_to(REPO) if args.model.is_relative_to(REPO) else args.model),
        "model_mb": round(size_mb, 2),
        "default_precision": "bf16" if default.use_bf16 else "fp32",
        "runs": runs,
        "uner_en_ewt_test_per_org_loc": uner,
        "anchors_conll2003_test_f1": ANCHORS,
        "targets": TARGETS,
        "machine": {
            "cpu_count": os.cpu_count(),
            "python": platform.python_version(),
            "torch": torch.__version__,
        },
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    read = [conll_test, uner_path] if uner_path.is_file() else [conll_test]
    args.json.write_text(json.dumps(with_run_info(result, read), indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.json}")


if __name__ == "__main__":
    main()
