"""Background document frequencies for story clustering: how common each term is across real news reports.

A clusterer that has seen only a handful of reports cannot tell an event's own words from common ones (in a
folder about one event every shared word looks common); until it has seen enough reports it weighs terms by
these frequencies instead (cluster/stories.py, ``StoryClusterer.idf``).

Data: the article bodies (the lines labelled ``body``) of the *train* splits of the boilerplate datasets in
../shared/data/boilerplate (research-use terms: see that README and clean/models/MODEL_CARD.md), tokenised as
the clusterer tokenises (``cluster.features.tokens``). Only document frequencies of terms found in at least
MIN_DF reports are kept, not text.

    .venv/bin/python training/build_background_idf.py
"""

from __future__ import annotations

import gzip
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "training")]

import clean_data  # noqa: E402
from corroborate.cluster.background import BACKGROUND_PATH  # noqa: E402
from corroborate.cluster.features import tokens  # noqa: E402

# A term in fewer reports than this is left out (its frequency is then taken as 0: a rare word).
MIN_DF = 3
# Reports with fewer body words than this are left out (empty or failed pages).
MIN_WORDS = 50


def main() -> None:
    df: Counter[str] = Counter()
    docs = 0
    per_dataset: dict[str, int] = {}
    for dataset in clean_data.TRAIN_DATASETS:
        n = 0
        for page in clean_data.load(dataset):
            if page.split != "train":
                continue
            body = " ".join(line for line, label in zip(page.lines, page.labels, strict=True) if label == "body")
            if len(body.split()) < MIN_WORDS:
                continue
            df.update(set(tokens(body)))
            n += 1
        per_dataset[dataset] = n
        docs += n
    kept = {t: c for t, c in sorted(df.items()) if c >= MIN_DF}
    data = {
        "docs": docs,
        "min_df": MIN_DF,
        "df": kept,
        "source": "article bodies of the train splits of ../shared/data/boilerplate (research-use terms)",
        "reports_per_dataset": per_dataset,
        "data_sha256": clean_data.data_hashes(),
    }
    BACKGROUND_PATH.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(BACKGROUND_PATH, "wt", encoding="utf-8", compresslevel=9) as fh:
        json.dump(data, fh, sort_keys=True, separators=(",", ":"))
    print(f"{docs} reports, {len(kept)} terms -> {BACKGROUND_PATH} ({BACKGROUND_PATH.stat().st_size / 1e3:.0f} kB)")


if __name__ == "__main__":
    main()
