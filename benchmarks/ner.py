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

from corroborate.analyze.ner import MODEL_DIR, NerTagger  # noqa: E402
from corroborate.analyze.ner.data import ENTITY_TYPES, read_conll2003, read_uner  # noqa: E402
from corroborate.analyze.ner.evaluate import entity_scores  # noqa: E402
from corroborate.analyze.ner.tagger import bf16_is_fast  # noqa: E402

SHARED = Path(os.environ.get("CORROBORATE_SHARED", REPO / ".." / "shared"))
# Published CoNLL-2003 English test F1 (not run here): Akbik et al. 2018 (Flair), spaCy en_core_web_trf 3.x.
ANCHORS = {"flair (published)": 93.1, "spacy en_core_web_trf (published)": 91.6}
TARGETS = {"f1": 0.88, "sentences_per_second": 1000, "model_mb": 30}


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SHARED / "data" / "ner")
    parser.add_argument("--model", type=Path, default=MODEL_DIR)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, default=REPO / "benchmarks" / "results" / "ner.json")
    return parser.parse_args()


def timed_tagging(
    tagger: NerTagger, sentences: list[list[str]], repeat: int
) -> tuple[list[list[str]], float]:
    """Tags of ``sentences`` and the best sentences/second over ``repeat`` runs (after one warm-up batch)."""
    tagger.tag_tokens(sentences[:256])
    best = float("inf")
    tags: list[list[str]] = []
    for _ in range(repeat):
        start = time.perf_counter()
        tags = tagger.tag_tokens(sentences)
        best = min(best, time.perf_counter() - start)
    return tags, len(sentences) / best


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
    torch.set_num_threads(args.threads)
    sentences = read_conll2003(conll_test)
    tokens = [s.tokens for s in sentences]
    gold = [s.tags for s in sentences]
    size_mb = sum(f.stat().st_size for f in args.model.iterdir() if f.is_file()) / 1e6

    runs: dict[str, dict[str, object]] = {}
    precisions = ["bf16", "fp32"] if bf16_is_fast() else ["fp32"]
    for precision in precisions:
        tagger = NerTagger.from_directory(args.model, use_bf16=precision == "bf16")
        predicted, speed = timed_tagging(tagger, tokens, args.repeat)
        scores = entity_scores(gold, predicted)
        runs[precision] = {"conll2003_test": scores, "sentences_per_second": round(speed, 1)}
        print(f"[{precision}] CoNLL-2003 test ({len(tokens)} sentences), {args.threads} threads")
        for name in (*ENTITY_TYPES, "overall"):
            row = scores[name]
            print(
                f"  {name:8s} P {row['precision']:.4f}  R {row['recall']:.4f}  F1 {row['f1']:.4f}"
                f"  n={row['support']}"
            )
        print(f"  speed {speed:.0f} sentences/s")

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
        "threads": args.threads,
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
    args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.json}")


if __name__ == "__main__":
    main()
