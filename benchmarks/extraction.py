"""Article-body extraction on real pages: corroborate's HTML path against the page's true article body.

Data: ``../shared/data/article-extraction`` (181 news and blog pages with the true article body, from the
scrapinghub article-extraction benchmark, plus the outputs of published extractors). Systems:

* ``trafilatura (corroborate settings)``: :func:`corroborate.ingest.html.extract_html` alone;
* ``corroborate (trafilatura + clean)``: the same page through ``html_report`` and the clean stage, i.e. the
  text a briefing reads (furniture lines removed, every sentence meant to stay);
* every ``reference-outputs/*.json.gz`` file (published extractor outputs), scored the same way.

Metric, as the benchmark describes it: word 4-gram shingles (``\\w+`` tokens, counted as multisets) of truth
and prediction give TP / FP / FN per page, normalised by their sum; precision and recall are averaged over
pages (pages with nothing to score skipped), F1 = 2PR / (P + R) of the averages; accuracy = share of pages whose
token sequence equals the truth's. The clean stage's own error is reported directly too: lines it removed
whose words appear in the true article body (a true sentence dropped).

    python benchmarks/extraction.py [--json benchmarks/results/extraction.json]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from corroborate.clean import clean_report
from corroborate.errors import InputError
from corroborate.ingest.html import extract_html
from corroborate.ingest.readers import html_report

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))  # evallib, also when tests import this module

from evallib.run_info import with_run_info  # noqa: E402

_TOKEN = re.compile(r"\w+")
NGRAM = 4


def data_dir() -> Path:
    """The benchmark's folder under the shared data (env CORROBORATE_SHARED overrides ``../shared``)."""
    shared = os.environ.get("CORROBORATE_SHARED")
    return (Path(shared) if shared else REPO / ".." / "shared") / "data" / "article-extraction"


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text or "")


def shingles(text: str, n: int = NGRAM) -> Counter[tuple[str, ...]]:
    words = tokens(text)
    return Counter(tuple(words[i : i + n]) for i in range(max(1, len(words) - n + 1)) if words[i : i + n])


def page_counts(truth: str, pred: str) -> tuple[float, float, float]:
    """Normalised (TP, FP, FN) of one page over shingle multisets."""
    t, p = shingles(truth), shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == 0 and fn == 0:
        return 1.0
    return 0.0 if tp == 0 and fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == 0 and fn == 0:
        return 1.0
    return 0.0 if tp == 0 and fn == 0 else tp / (tp + fn)


def score(truth: dict[str, str], predicted: dict[str, str]) -> dict[str, float]:
    """Macro precision / recall over pages, F1 of those, and exact-token accuracy."""
    counts = [page_counts(truth[k], predicted.get(k, "")) for k in sorted(truth)]
    precision = [_precision(*c) for c in counts if c[0] + c[1] > 0]
    recall = [_recall(*c) for c in counts if c[0] + c[2] > 0]
    p = sum(precision) / len(precision) if precision else 0.0
    r = sum(recall) / len(recall) if recall else 0.0
    exact = sum(tokens(truth[k]) == tokens(predicted.get(k, "")) for k in truth)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "accuracy": exact / len(truth)}


def load() -> tuple[dict[str, str], dict[str, str]]:
    """True article bodies and page HTML, keyed by page id."""
    root = data_dir()
    with gzip.open(root / "ground-truth.json.gz", "rt", encoding="utf-8") as fh:
        truth = {k: v.get("articleBody", "") for k, v in json.load(fh).items()}
    html = {}
    for key in truth:
        with gzip.open(root / "html" / f"{key}.html.gz", "rt", encoding="utf-8", errors="replace") as fh:
            html[key] = fh.read()
    return truth, html


def reference_outputs() -> dict[str, dict[str, str]]:
    out = {}
    for path in sorted((data_dir() / "reference-outputs").glob("*.json.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            data = json.load(fh)
        data = data.get("output", data)
        out[path.name.removesuffix(".json.gz")] = {k: (v or {}).get("articleBody", "") or "" for k, v in data.items()}
    return out


def ours(html: dict[str, str]) -> tuple[dict[str, dict[str, str]], dict[str, Any]]:
    """Both corroborate systems' text per page, plus the clean stage's removals and timing."""
    extracted: dict[str, str] = {}
    cleaned: dict[str, str] = {}
    removed: dict[str, list[str]] = {}
    rejected: dict[str, str] = {}
    seconds = {"extract only": 0.0, "extract + clean": 0.0}
    for key, page in html.items():
        t0 = time.perf_counter()
        extracted[key] = extract_html(page).text
        t1 = time.perf_counter()
        try:
            article = clean_report(html_report(key, key, page))
        except InputError as exc:  # no extractable text: an empty prediction, recorded
            rejected[key] = str(exc)
            cleaned[key] = ""
        else:
            cleaned[key] = article.text
            removed[key] = list(article.removed_lines)
        seconds["extract only"] += t1 - t0
        seconds["extract + clean"] += time.perf_counter() - t1  # html_report extracts again
    systems = {"trafilatura (corroborate settings)": extracted, "corroborate (trafilatura + clean)": cleaned}
    return systems, {"removed": removed, "rejected": rejected, "seconds": seconds}


def wrongly_removed(
    truth: dict[str, str], removed: dict[str, list[str]], cleaned: dict[str, str] | None = None
) -> list[dict[str, str]]:
    """Removed lines of >= 4 words whose every word 4-gram is in the true article body.

    With ``cleaned`` (the clean stage's text per page), a removed copy of a line the cleaned text still holds as
    often as the truth does (a scraper's double removed, the first copy kept) is not counted as lost.
    """
    out = []
    for key, lines in sorted(removed.items()):
        body = shingles(truth[key])
        for line in lines:
            grams = shingles(line)
            if len(tokens(line)) >= NGRAM and all(g in body for g in grams):
                if cleaned is not None and _count(cleaned.get(key, ""), line) >= max(1, _count(truth[key], line)):
                    continue
                out.append({"page": key, "line": line})
    return out


def _count(text: str, line: str) -> int:
    return " ".join(text.split()).count(" ".join(line.split()))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", type=Path, default=None, help="write the results here")
    args = parser.parse_args(argv)
    if not data_dir().exists():
        print(f"skipped: {data_dir()} not found (the shared benchmark data)", file=sys.stderr)
        return 0
    truth, html = load()
    systems, info = ours(html)
    table: dict[str, dict[str, float]] = {name: score(truth, pred) for name, pred in systems.items()}
    refs = reference_outputs()
    table.update({f"published output: {name}": score(truth, pred) for name, pred in refs.items()})
    lost = wrongly_removed(truth, info["removed"], systems["corroborate (trafilatura + clean)"])
    n_removed = sum(len(v) for v in info["removed"].values())
    show: Callable[[dict[str, float]], str] = lambda s: (  # noqa: E731
        f"P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}  acc {s['accuracy']:.3f}"
    )
    print(f"{len(truth)} pages")
    for name, s in sorted(table.items(), key=lambda kv: -kv[1]["f1"]):
        print(f"  {name:48s} {show(s)}")
    print(f"clean stage: {n_removed} lines removed on {len(info['removed'])} pages; {len(lost)} of them are "
          f"article-body text; {len(info['rejected'])} pages rejected")
    for item in lost[:20]:
        print(f"    {item['page'][:12]}  {item['line'][:100]}")
    per_page = {k: round(1000 * v / len(truth), 1) for k, v in info["seconds"].items()}
    print(f"ms per page: {per_page}")
    if args.json:
        args.json.write_text(json.dumps(with_run_info({
            "pages": len(truth), "scores": table, "removed_lines": n_removed, "wrongly_removed": lost,
            "rejected": info["rejected"], "ms_per_page": per_page,
            "command": "python benchmarks/extraction.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        }, [data_dir()]), indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
