"""Quote extraction on PolNeAR: speaker and content F1 (exact and overlap) beside the CofeNet anchor.

Usage: ``python benchmarks/quotes.py [--split test|dev|train] [--limit N] [--out PATH] [--text-only]``.
By default each article is read as the briefing reads a report (its parsed Doc with NER and linked entities,
:func:`parsed_quotes`); ``--text-only`` reads the text alone with the pattern rules.
Reads /work/shared/data/quotes/polnear (or $CORROBORATE_SHARED/data/quotes/polnear); one annotation per
article (the first record of each article in file order). Writes benchmarks/results/quotes.json.

Metrics (ours; the data README defines no metric, so these follow CofeNet's evaluation code,
``exe/eval/evaluation.py``: exact-match F1 per element plus an overlap-based partial match):
* spans are compared after trimming whitespace, quotation marks and edge punctuation (PolNeAR content
  spans include the marks; ours exclude them); a content is the tuple of its parts, parts separated by
  nothing but marks, punctuation or spaces joined into one;
* exact: identical normalised spans (content: all parts); overlap: one-to-one matching of predictions to
  gold items that share at least one character, greedy by Jaccard;
* speaker: per article, the set of gold source spans vs the set of predicted ``speaker_span``;
* quote+speaker (overlap): a predicted quote counts when its content overlaps a gold content and its
  speaker span overlaps that attribution's source (or both are absent).
Scopes: ``direct`` = gold attributions flagged ``is_direct_quote`` (content is exactly one quotation, so
this includes partial quotes such as ``called it "a disgrace"``) vs our quotes; ``quoted`` = gold attributions
whose content contains a quotation mark (direct + mixed) vs our quotes. In these two scopes a prediction
that overlaps only out-of-scope gold attributions (e.g. the quoted words inside an indirect, mixed
attribution) is left out rather than counted wrong;
``all`` = every gold attribution (direct, mixed, indirect, beliefs) vs all our quotes — recall there is
bounded because an indirect attribution has no quotation marks to find.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))  # evallib, also when tests load this file by path

from corroborate.analyze.quotes import Quote, find_quotes  # noqa: E402
from evallib.run_info import with_run_info  # noqa: E402

# CofeNet (BERT-based, Wang et al., COLING 2022) on PolNeAR as given in the brief: 83.2 / 72.9, read as
# exact-match F1 of source (speaker) and content, scored per sentence over ALL attributions (direct,
# indirect, mixed) of CofeNet's own BIO conversion with a model trained on PolNeAR train. Not re-run here,
# and the paper's table could not be read offline to confirm which columns these two numbers are.
ANCHOR = {"system": "CofeNet (BERT)", "speaker_exact_f1": 83.2, "content_exact_f1": 72.9,
          "scope": "all attributions, sentence-level BIO, exact match"}
_EDGE = set(" \t\n\u00a0\"“”‘’'«»„.,;:!?—–-")
Span = tuple[int, int]


def data_dir() -> Path:
    """PolNeAR folder: $CORROBORATE_SHARED or the ``shared`` folder beside the repository."""
    shared = Path(os.environ.get("CORROBORATE_SHARED", ROOT / ".." / "shared"))
    return shared / "data" / "quotes" / "polnear"


def load(split: str, limit: int | None = None) -> list[dict[str, object]]:
    """One record per article (the first annotator in file order), at most ``limit`` articles."""
    seen: set[str] = set()
    records: list[dict[str, object]] = []
    with gzip.open(data_dir() / f"polnear.{split}.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["article"] in seen:
                continue
            seen.add(record["article"])
            records.append(record)
            if limit is not None and len(records) >= limit:
                break
    return records


def norm(text: str, span: Span) -> Span | None:
    """``span`` without edge whitespace, quotation marks and punctuation; None if nothing is left."""
    start, end = span
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return (start, end) if end > start else None


def norm_parts(text: str, spans: Iterable[Span]) -> tuple[Span, ...]:
    """Normalised spans, sorted, with parts joined where only marks, punctuation or spaces lie between
    (annotators sometimes cut one quotation into sentence fragments)."""
    merged: list[Span] = []
    for start, end in sorted(s for s in (norm(text, sp) for sp in spans) if s is not None):
        if merged and not any(ch.isalnum() for ch in text[merged[-1][1]:start]):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


@dataclass
class Counts:
    """True positives, predictions and gold items for one metric."""

    tp: float = 0.0
    pred: int = 0
    gold: int = 0

    def add(self, tp: float, pred: int, gold: int) -> None:
        self.tp, self.pred, self.gold = self.tp + tp, self.pred + pred, self.gold + gold

    def scores(self) -> dict[str, float]:
        p = self.tp / self.pred if self.pred else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(100 * p, 1), "recall": round(100 * r, 1), "f1": round(100 * f, 1),
                "tp": round(self.tp, 1), "pred": self.pred, "gold": self.gold}


@dataclass
class Scope:
    content_exact: Counts = field(default_factory=Counts)
    content_overlap: Counts = field(default_factory=Counts)
    speaker_exact: Counts = field(default_factory=Counts)
    speaker_overlap: Counts = field(default_factory=Counts)
    quote_speaker: Counts = field(default_factory=Counts)


def _chars(parts: tuple[Span, ...]) -> set[int]:
    return {i for a, b in parts for i in range(a, b)}


def _jaccard(a: tuple[Span, ...], b: tuple[Span, ...]) -> float:
    ca, cb = _chars(a), _chars(b)
    return len(ca & cb) / len(ca | cb) if ca and cb else 0.0


def match(pred: list[tuple[Span, ...]], gold: list[tuple[Span, ...]]) -> list[tuple[int, int]]:
    """One-to-one (pred index, gold index) pairs that overlap, greedy by Jaccard then position."""
    pairs = sorted(((-_jaccard(p, g), i, j) for i, p in enumerate(pred) for j, g in enumerate(gold)
                    if _jaccard(p, g) > 0))
    used_p: set[int] = set()
    used_g: set[int] = set()
    out: list[tuple[int, int]] = []
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


@dataclass(frozen=True)
class Item:
    """A quotation reduced to comparable normalised spans."""

    content: tuple[Span, ...]
    speaker: tuple[Span, ...]


def gold_items(record: dict[str, object], scope: str) -> list[Item]:
    text = str(record["text"])
    items: list[Item] = []
    for att in record["attributions"]:  # type: ignore[attr-defined]
        raw = [sp for c in att.get("content", []) for sp in c["spans"]]
        quoted = any(ch in text[a:b] for a, b in raw for ch in "\"“”")
        if (scope == "direct" and not att["is_direct_quote"]) or (scope == "quoted" and not quoted):
            continue
        content = norm_parts(text, [tuple(sp) for sp in raw])
        speaker = norm_parts(text, [tuple(sp) for s in att.get("source", []) for sp in s["spans"]])
        if content:
            items.append(Item(content, speaker))
    return items


def pred_items(text: str, quotes: list[Quote], ignore: Sequence[Item] = ()) -> list[Item]:
    """Predicted quotes as items, leaving out those that overlap only ``ignore`` (out-of-scope gold)."""
    items: list[Item] = []
    for q in quotes:
        content = norm_parts(text, q.parts)
        speaker = norm_parts(text, [q.speaker_span]) if q.speaker_span else ()
        if content and not any(_jaccard(content, g.content) > 0 for g in ignore):
            items.append(Item(content, speaker))
    return items


def score_article(scope: Scope, gold: list[Item], pred: list[Item]) -> None:
    """Add one article's counts to ``scope``."""
    g_content, p_content = [g.content for g in gold], [p.content for p in pred]
    exact = len(set(p_content) & set(g_content))
    scope.content_exact.add(exact, len(set(p_content)), len(set(g_content)))
    pairs = match(p_content, g_content)
    scope.content_overlap.add(len(pairs), len(p_content), len(g_content))
    g_speak = sorted({g.speaker for g in gold if g.speaker})
    p_speak = sorted({p.speaker for p in pred if p.speaker})
    scope.speaker_exact.add(len(set(g_speak) & set(p_speak)), len(p_speak), len(g_speak))
    scope.speaker_overlap.add(len(match(p_speak, g_speak)), len(p_speak), len(g_speak))
    both = sum(1 for i, j in pairs if (not pred[i].speaker and not gold[j].speaker) or (
        pred[i].speaker and gold[j].speaker and _jaccard(pred[i].speaker, gold[j].speaker) > 0))
    scope.quote_speaker.add(both, len(p_content), len(g_content))


def parsed_quotes(text: str) -> list[Quote]:
    """Quotes read as the story analysis reads a report: on its parsed Doc with NER and linked entities."""
    from corroborate.analyze.story.analyze import documents, find_entities
    from corroborate.analyze.story.assemble import _reading
    from corroborate.analyze.text import split_sentences
    from corroborate.model import Article

    article = Article(id="a", location="a", text=text, sentences=split_sentences(text))
    docs = documents([article], [])
    if "a" not in docs:
        return find_quotes(text)
    return find_quotes(text, (), _reading(article, docs["a"], find_entities([article], docs, [])))


def evaluate(records: list[dict[str, object]], scopes: Iterable[str] = ("direct", "quoted", "all"),
             parsed: bool = False) -> dict[str, dict[str, dict[str, float]]]:
    """Scores per scope and metric over ``records`` (``parsed``: with the Doc, :func:`parsed_quotes`)."""
    results = {name: Scope() for name in scopes}
    for record in records:
        text = str(record["text"])
        quotes = parsed_quotes(text) if parsed else find_quotes(text)
        everything = gold_items(record, "all")
        for name, scope in results.items():
            gold = gold_items(record, name)
            ignore = [g for g in everything if g not in gold and not any(_jaccard(g.content, d.content) > 0
                                                                         for d in gold)]
            score_article(scope, gold, pred_items(text, quotes, ignore))
    return {name: {metric: getattr(scope, metric).scores() for metric in
                   ("speaker_exact", "speaker_overlap", "content_exact", "content_overlap", "quote_speaker")}
            for name, scope in results.items()}


def _rows(results: dict[str, dict[str, dict[str, float]]]) -> Iterator[str]:
    yield f"{'scope':8} {'metric':16} {'P':>6} {'R':>6} {'F1':>6}   anchor F1 ({ANCHOR['system']})"
    for scope, metrics in results.items():
        for metric, s in metrics.items():
            anchor = {"speaker_exact": ANCHOR["speaker_exact_f1"],
                      "content_exact": ANCHOR["content_exact_f1"]}
            mark = f"{anchor[metric]:>6}" if metric in anchor and scope == "all" else ""
            yield f"{scope:8} {metric:16} {s['precision']:6.1f} {s['recall']:6.1f} {s['f1']:6.1f}   {mark}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="test", choices=("train", "dev", "test"))
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "quotes.json")
    parser.add_argument("--text-only", action="store_true",
                        help="read the text alone (pattern rules), not the parsed Doc the briefing reads")
    args = parser.parse_args()
    records = load(args.split, args.limit)
    began = time.perf_counter()
    results = evaluate(records, parsed=not args.text_only)
    seconds = time.perf_counter() - began
    for row in _rows(results):
        print(row)
    chars = sum(len(str(r["text"])) for r in records)
    print(f"{len(records)} articles, {chars} chars, {seconds:.1f} s for extraction and scoring (3 scopes)")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    report = {"dataset": "PolNeAR v1.0.0", "split": args.split, "articles": len(records),
              "input": "text only" if args.text_only else "parsed Doc (tokens, sentences, UD parse, NER, entities)",
              "annotation": "first record per article", "anchor": ANCHOR, "results": results,
              "seconds": round(seconds, 2)}
    report = with_run_info(report, [data_dir() / f"polnear.{args.split}.jsonl.gz"])
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
