"""Benchmark sentence boundaries on the UD English test splits: ours vs syntok, blingfire and pysbd, side by side.

Each document is rebuilt from the CoNLL-U comments: sentences of one paragraph (``# newpar``) are joined with a
space (none where the sentence's last token has ``SpaceAfter=No``), paragraphs with a blank line. Every system
gets exactly that text. A boundary is the end offset of a sentence, trimmed of whitespace; precision, recall and
F1 compare the predicted ends with the gold sentence ends. Two scorings:

- ``doc``: each system is given the whole document; every gold end except the document's last is scored
  (paragraph ends count: a system must see the blank line).
- ``para``: each system is given one paragraph at a time; only ends inside a paragraph are scored (the
  paragraph is given away, so this isolates the splitting of running text).

Speed is gold sentences per second (wall clock and CPU) in ``doc`` mode, best of ``--repeat`` interleaved runs
over all documents of a split.
"ours" is ``corroborate.analyze.text.sentences.split_sentences``, the function the pipeline calls on every report's
cleaned text (the clean stage is not applied: UD text is already clean prose).

    python benchmarks/sentences_ud.py [--split test] [--baseline OLD/sentences.py] [--errors 20]
                                      [--json benchmarks/results/sentences_ud.json]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.util
import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from corroborate.analyze.text.sentences import split_sentences  # noqa: E402
from evallib.run_info import with_run_info  # noqa: E402

SHARED = Path(os.environ.get("CORROBORATE_SHARED", REPO / ".." / "shared"))
TREEBANKS = {"EWT": "UD_English-EWT/en_ewt-ud-{split}.conllu.gz", "GUM": "UD_English-GUM/en_gum-ud-{split}.conllu.gz"}
PACKAGES = ["corroborate", "syntok", "blingfire", "pysbd"]

Splitter = Callable[[str], list[int]]


@dataclass
class UdDoc:
    """One rebuilt document: its text, the gold sentence end offsets and the paragraph spans."""

    doc_id: str
    text: str = ""
    ends: list[int] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)


def _last_space_after_no(token_lines: list[list[str]]) -> bool:
    """Whether the sentence's last surface token (a multiword range if it covers the last word) has no space."""
    last_misc, covered_to = "", 0
    for cols in token_lines:
        tid = cols[0]
        if "." in tid:
            continue
        if "-" in tid:
            last_misc, covered_to = cols[9], int(tid.split("-")[1])
        elif int(tid) > covered_to:
            last_misc = cols[9]
    return "SpaceAfter=No" in last_misc.split("|")


def read_ud(path: Path) -> list[UdDoc]:
    """Rebuild the documents of one CoNLL-U file (see the module docstring for the joining rules)."""
    docs: list[UdDoc] = []
    pieces: list[str] = []
    sentence, new_par, glue = "", True, " "
    tokens: list[list[str]] = []

    def flush_sentence() -> None:
        nonlocal sentence, tokens, new_par, glue
        if not sentence:
            return
        doc = docs[-1]
        if new_par or not doc.paragraphs:
            if doc.paragraphs:
                pieces.append("\n\n")
            start = sum(map(len, pieces))
            doc.paragraphs.append((start, start))
        elif pieces:
            pieces.append(glue)
        pieces.append(sentence)
        end = sum(map(len, pieces))
        doc.ends.append(end)
        doc.paragraphs[-1] = (doc.paragraphs[-1][0], end)
        glue = "" if _last_space_after_no(tokens) else " "
        sentence, tokens, new_par = "", [], False

    def flush_doc() -> None:
        if docs:
            docs[-1].text = "".join(pieces)
        pieces.clear()

    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for raw in handle:
            line = raw.rstrip("\n")
            if line.startswith("# newdoc"):
                flush_sentence()
                flush_doc()
                docs.append(UdDoc(line.partition("=")[2].strip() or f"doc{len(docs)}"))
                new_par = True
            elif line == "# newpar" or line.startswith("# newpar id") or line.startswith("# newpar ="):
                new_par = True
            elif line.startswith("# text = "):
                sentence = line[len("# text = ") :].strip()
            elif line and not line.startswith("#"):
                tokens.append(line.split("\t"))
            elif not line:
                if not docs:
                    docs.append(UdDoc("doc0"))
                flush_sentence()
    flush_sentence()
    flush_doc()
    for doc in docs:
        assert all(doc.text[s:e].strip() == doc.text[s:e] for s, e in doc.paragraphs), doc.doc_id
    return docs


def _trimmed_end(text: str, start: int, end: int) -> int | None:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end if end > start else None


def _aligned_ends(text: str, sentences: list[str]) -> list[int]:
    """End offsets of ``sentences`` (strings copied from ``text``) found in order in ``text``."""
    ends, cursor = [], 0
    for sentence in sentences:
        piece = sentence.strip()
        if not piece:
            continue
        at = text.find(piece, cursor)
        if at < 0:  # the system changed the text; keep going from the cursor
            continue
        cursor = at + len(piece)
        ends.append(cursor)
    return ends


def ours(text: str) -> list[int]:
    return [end for _, end in split_sentences(text)]


def syntok_raw(text: str) -> list[int]:
    from syntok import segmenter

    ends = []
    for paragraph in segmenter.analyze(text):
        for sentence in paragraph:
            if sentence:
                last = sentence[-1]
                end = _trimmed_end(text, sentence[0].offset, last.offset + len(last.value))
                if end is not None:
                    ends.append(end)
    return ends


def blingfire_splitter() -> Splitter | None:
    try:
        import blingfire
    except ImportError:
        return None

    def split(text: str) -> list[int]:
        _, offsets = blingfire.text_to_sentences_and_offsets(text)
        return [e for e in (_trimmed_end(text, s, t) for s, t in offsets) if e is not None]

    return split


def pysbd_splitter() -> Splitter | None:
    try:
        import pysbd
    except ImportError:
        return None
    segmenter = pysbd.Segmenter(language="en", clean=False)

    def split(text: str) -> list[int]:
        return _aligned_ends(text, segmenter.segment(text))

    return split


def systems() -> tuple[dict[str, Splitter], list[str]]:
    """The systems that can run here, and a note for each one that cannot."""
    found: dict[str, Splitter] = {"ours": ours, "syntok": syntok_raw}
    missing = []
    for name, make in (("blingfire", blingfire_splitter), ("pysbd", pysbd_splitter)):
        splitter = make()
        if splitter is None:
            missing.append(f"{name}: not installed (pip install {name})")
        else:
            found[name] = splitter
    return found, missing


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float | int]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "pred": n_pred,
            "gold": n_gold}


def score(docs: list[UdDoc], split: Splitter, mode: str, errors: list[str] | None = None) -> dict[str, float | int]:
    """Boundary P/R/F1 of ``split`` in ``doc`` or ``para`` mode; false positives/negatives go to ``errors``."""
    tp = n_pred = n_gold = 0
    for doc in docs:
        if mode == "doc":
            pred = set(split(doc.text))
            excluded = {len(doc.text)}
        else:
            pred = {p_start + e for p_start, p_end in doc.paragraphs for e in split(doc.text[p_start:p_end])}
            excluded = {p_end for _, p_end in doc.paragraphs}
        pred -= excluded
        gold = set(doc.ends) - excluded
        tp += len(pred & gold)
        n_pred += len(pred)
        n_gold += len(gold)
        if errors is not None:
            for kind, offsets in (("FP", pred - gold), ("FN", gold - pred)):
                for at in sorted(offsets):
                    context = doc.text[max(0, at - 60) : at] + " || " + doc.text[at : at + 40]
                    errors.append(f"{kind} {doc.doc_id}: {context!r}")
    return _prf(tp, n_pred, n_gold)


def speeds(docs: list[UdDoc], splitters: dict[str, Splitter], repeat: int) -> dict[str, tuple[int, int]]:
    """Gold sentences per wall-clock second and per CPU second of each splitter, best of ``repeat`` runs.

    Runs are interleaved (every system once per round) so that a burst of load from a neighbour on the shared
    machine hits all systems alike; CPU time is reported beside the wall clock for the same reason (all systems
    here are single-threaded).
    """
    best = {name: (float("inf"), float("inf")) for name in splitters}
    for split in splitters.values():
        split(docs[0].text)  # warm-up
    for _ in range(repeat):
        for name, split in splitters.items():
            t0, c0 = time.perf_counter(), time.process_time()
            for doc in docs:
                split(doc.text)
            wall, cpu = time.perf_counter() - t0, time.process_time() - c0
            best[name] = (min(best[name][0], wall), min(best[name][1], cpu))
    n = sum(len(d.ends) for d in docs)
    return {name: (round(n / wall), round(n / max(cpu, 1e-9))) for name, (wall, cpu) in best.items()}


def baseline_splitter(path: Path) -> Splitter:
    """``split_sentences`` of another copy of ``sentences.py`` (e.g. the one before a change), for before/after."""
    spec = importlib.util.spec_from_file_location("baseline_sentences", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {path} as a Python module")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)

    def split(text: str) -> list[int]:
        return [end for _, end in module.split_sentences(text)]

    return split


# The splitter and the word lists it reads (lang/en): a change to any of them is a modified splitter.
_SPLITTER_FILES = (
    "src/corroborate/analyze/text/sentences.py",
    "src/corroborate/lang/en/titles.txt",
    "src/corroborate/lang/en/sentence_starters.txt",
    "src/corroborate/lang/en/sentence_starters_short.txt",
)


def _git_commit() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True, check=True)
        dirty = subprocess.run(["git", "status", "--porcelain", "--", *_SPLITTER_FILES],
                               cwd=REPO, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return out.stdout.strip() + (" (sentences.py modified)" if dirty.stdout.strip() else "")


def _versions() -> dict[str, str]:
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SHARED / "data" / "ud")
    parser.add_argument("--split", default="test", choices=["train", "dev", "test"])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--baseline", type=Path, default=None,
                        help="another sentences.py to run as system 'baseline' (before/after a change)")
    parser.add_argument("--errors", type=int, default=0, help="print this many of ours' errors per treebank")
    parser.add_argument("--json", type=Path, default=None,
                        help="results file (default benchmarks/results/sentences_ud.json for the test split)")
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    found, missing = systems()
    if args.baseline is not None:
        found = {"baseline": baseline_splitter(args.baseline), **found}
    data: dict[str, dict[str, object]] = {}
    scores: dict[str, dict[str, dict[str, object]]] = {}
    rows: list[tuple[str, str, dict[str, dict[str, float | int]], tuple[int, int]]] = []
    paths: list[Path] = []
    for bank, pattern in TREEBANKS.items():
        path = args.data / pattern.format(split=args.split)
        paths.append(path)
        docs = read_ud(path)
        n_sent = sum(len(d.ends) for d in docs)
        data[bank] = {
            "file": str(path.relative_to(args.data)),
            "sha256_gz": hashlib.sha256(path.read_bytes()).hexdigest(),
            "sha256": hashlib.sha256(gzip.decompress(path.read_bytes())).hexdigest(),
            "documents": len(docs), "paragraphs": sum(len(d.paragraphs) for d in docs), "sentences": n_sent,
        }
        timings = speeds(docs, found, args.repeat)
        for name, split in found.items():
            errors: list[str] | None = [] if name == "ours" and args.errors else None
            boundaries = {"doc": score(docs, split, "doc", errors), "para": score(docs, split, "para")}
            per_second = timings[name]
            scores.setdefault(bank, {})[name] = {
                **boundaries, "sentences_per_second": per_second[0], "sentences_per_cpu_second": per_second[1]
            }
            rows.append((bank, name, boundaries, per_second))
            if errors:
                print(f"--- ours, {bank} {args.split}: {len(errors)} errors, first {args.errors}")
                print("\n".join(errors[: args.errors]))
    print(f"UD English {args.split}: boundary P/R/F1 (doc = whole document given; para = paragraphs given, "
          "inner boundaries only)")
    print(f"{'bank':5} {'system':10} {'doc P':>6} {'doc R':>6} {'doc F1':>6}   {'para P':>6} {'para R':>6} "
          f"{'para F1':>7}   {'sent/s':>8} {'sent/cpu-s':>10}")
    for bank, name, boundaries, per_second in rows:
        d, p = boundaries["doc"], boundaries["para"]
        print(f"{bank:5} {name:10} {d['precision']:6.3f} {d['recall']:6.3f} {d['f1']:6.3f}   {p['precision']:6.3f} "
              f"{p['recall']:6.3f} {p['f1']:7.3f}   {per_second[0]:8,} {per_second[1]:10,}")
    for note in missing:
        print("not run:", note)
    results = {
        "benchmark": "sentence boundaries, UD English " + args.split,
        "git_commit": _git_commit(),
        "baseline": str(args.baseline) if args.baseline else None,
        "versions": _versions(),
        "machine": {"platform": platform.platform(), "python": platform.python_version(), "cpus": os.cpu_count()},
        "not_run": missing,
        "data": data,
        "scores": scores,
        "scoring": __doc__.split("\n\n")[1] if __doc__ else "",
    }
    out = args.json or (REPO / "benchmarks" / "results" / "sentences_ud.json" if args.split == "test" else None)
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(with_run_info(results, paths), indent=2, sort_keys=True) + "\n", encoding="utf-8")
        print("wrote", out)


if __name__ == "__main__":
    main()
