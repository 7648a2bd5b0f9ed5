"""Check each furniture marker (clean/markers.py) on labelled real pages: lines matched, share not article text.

Reads the training *and* dev splits of the boilerplate datasets (``training/clean_data.py``), never their test
splits; writes ``benchmarks/results/furniture_markers.json``. A marker whose matched lines are article text
more than rarely (precision < 0.9 with >= 10 matches) is a bad marker and is removed from clean/markers.py.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))  # evallib (run records)
import clean_data  # noqa: E402
from corroborate.clean.markers import _COMPILED, MARKERS, MAX_MARKED_WORDS  # noqa: E402
from evallib.run_info import with_run_info  # noqa: E402

OUT = clean_data.ROOT / "benchmarks" / "results" / "furniture_markers.json"


def main() -> None:
    matched: Counter[int] = Counter()
    furniture: Counter[int] = Counter()
    examples: dict[int, list[str]] = {}
    for name in clean_data.TRAIN_DATASETS:
        for page in clean_data.load(name):
            if page.split == "test":
                continue
            for line, label in zip(page.lines, page.labels, strict=True):
                if len(line.split()) > MAX_MARKED_WORDS:
                    continue
                for k, (_reason, pattern) in enumerate(_COMPILED):
                    if pattern.search(line):
                        matched[k] += 1
                        furniture[k] += label != "body"
                        if label == "body" and len(examples.setdefault(k, [])) < 3:
                            examples[k].append(line[:120])
    rows = []
    for k, (reason, pattern) in enumerate(MARKERS):
        n = matched[k]
        rows.append({"reason": reason, "pattern": pattern, "matched": n,
                     "precision": round(furniture[k] / n, 3) if n else None,
                     "body_examples": examples.get(k, [])})  # fmt: skip
        print(f"{n:6d}  {furniture[k] / n if n else float('nan'):.3f}  {reason}: {pattern[:70]}")
    report = {"datasets": list(clean_data.TRAIN_DATASETS), "splits": ["train", "dev"], "markers": rows}
    data = [clean_data.BOILERPLATE / name for name in clean_data.TRAIN_DATASETS]
    OUT.write_text(json.dumps(with_run_info(report, data), indent=1) + "\n")


if __name__ == "__main__":
    main()
