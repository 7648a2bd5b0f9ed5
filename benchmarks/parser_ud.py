"""Benchmark the shipped tagger + parser (``corroborate.analyze.syntax``) on the UD English test sets.

Gold tokenization (the syntactic words of each CoNLL-U file: ``don't`` is ``do`` + ``n't``) and gold sentence
boundaries: each document (``# newdoc``) becomes one spaCy Doc with the gold words, spaces (``SpaceAfter=No``)
and sentence starts, and goes through :func:`corroborate.analyze.syntax.parse`, the function the project calls.
Scores follow the CoNLL 2018 shared task (``conll18_ud_eval.py``) on gold words: UPOS accuracy, UAS and LAS over
all words, **punctuation included**, LAS comparing the universal part of the relation only (``nmod:poss`` counts
as ``nmod``); ``las_full`` compares the whole label. Multiword-token ranges and empty nodes are not scored.

- EWT test: in domain (the model is trained on EWT train, selected on EWT dev);
- GUM test: out of domain, GUM is not in training (CC BY-NC-SA, so it never is).

Speed: the whole EWT test set (2,077 sentences in 316 Docs) parsed warm, best of ``--repeat`` runs, in one
process (one core) and with ``n_process=2`` (two cores), wall-clock and CPU sentences/second; the load average
is recorded because the benchmark machine is shared. Size: the model folder on disk.

    python benchmarks/parser_ud.py [--data ../shared/data/ud] [--repeat 3] [--json benchmarks/results/parser_ud.json]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "benchmarks"))

from corroborate.analyze.syntax import load_parser, model_hash, model_path, parse  # noqa: E402

SHARED = Path(os.environ.get("CORROBORATE_SHARED", REPO / ".." / "shared"))
TREEBANKS = {
    "EWT": "UD_English-EWT/en_ewt-ud-{split}.conllu.gz",
    "GUM": "UD_English-GUM/en_gum-ud-{split}.conllu.gz",
}
TARGETS = {"sentences_per_second_2_cores": 500, "model_mb": 30}
# Published figures on UD English-EWT test (not run here: no network, no other models). Percentages as published.
ANCHORS: dict[str, dict[str, Any]] = {
    "stanza 1.5.1 (en_ewt, charlm, no transformer)": {
        "upos": 96.20, "uas": 88.90, "las": 86.77, "ud": "2.12", "tokenization": "predicted (end to end from raw text)",
        "scorer": "conll18_ud_eval.py",
        "source": "https://stanfordnlp.github.io/stanza/performance.html "
        "(github stanfordnlp/stanza _pages/performance.md @00aad63)",
    },
    "udpipe 2 (english-ewt-ud-2.15-241121, mBERT)": {
        "upos": 97.50, "uas": 93.42, "las": 91.52, "ud": "2.15", "tokenization": "gold",
        "raw_text": {"upos": 96.57, "uas": 90.97, "las": 89.14}, "scorer": "conll18_ud_eval.py",
        "source": "https://ufal.mff.cuni.cz/udpipe/2/models#universal_dependencies_215_models "
        "(github ufal/udpipe docs/models_ud215.md @5ea78c4)",
    },
    "udpipe 1.2 (english-ewt-ud-2.3-181115)": {
        "upos": 94.4, "uas": 84.5, "las": 81.2, "ud": "2.3", "tokenization": "gold",
        "raw_text": {"upos": 93.5, "uas": 80.5, "las": 77.5}, "scorer": "conll18_ud_eval.py (CoNLL 2018 metrics)",
        "source": "https://ufal.mff.cuni.cz/udpipe/1/models (UD 2.3 models README; copy in github "
        "jwijffels/udpipe.models.ud.2.3 inst/udpipe-ud-2.3-181115/README @1f6bca3)",
    },
    "spacy en_core_web_sm 3.8.0": {
        "upos": None, "uas": 91.77, "las": 89.92, "ud": None, "tokenization": "predicted",
        "note": "NOT UD: OntoNotes 5 with ClearNLP labels, PTB tags (tag_acc 97.29), spaCy scorer (punctuation "
        "excluded); spaCy publishes no UD EWT figure for its small English model",
        "source": "github explosion/spacy-models meta/en_core_web_sm-3.8.0.json @f811eb7",
    },
    "spacy en_udv25_englishewt_trf 0.0.1 (transformer)": {
        "upos": 96.94, "uas": 91.90, "las": 89.42, "ud": "2.5", "tokenization": "predicted (its own tokenizer)",
        "scorer": "spaCy scorer (punctuation excluded)",
        "note": "unverified: the card does not say which split or which scorer settings",
        "source": "https://huggingface.co/explosion/en_udv25_englishewt_trf (model card)",
    },
}


@dataclass
class UdSentence:
    """One CoNLL-U sentence: its syntactic words with gold UPOS, heads (1-based, 0 = root) and relations."""

    words: list[str] = field(default_factory=list)
    spaces: list[bool] = field(default_factory=list)
    upos: list[str] = field(default_factory=list)
    heads: list[int] = field(default_factory=list)
    deprels: list[str] = field(default_factory=list)


def read_conllu(path: Path, max_sentences: int | None = None) -> list[list[UdSentence]]:
    """Documents (lists of sentences) of a gzipped CoNLL-U file, in order; ``max_sentences`` stops early."""
    documents: list[list[UdSentence]] = [[]]
    sentence = UdSentence()
    range_end, range_space = 0, True
    count = 0
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for raw in handle:
            line = raw.rstrip("\n")
            if line.startswith("# newdoc") and documents[-1]:
                documents.append([])
            if line.startswith("#"):
                continue
            if not line:
                if sentence.words:
                    documents[-1].append(sentence)
                    count += 1
                    if max_sentences is not None and count >= max_sentences:
                        break
                sentence, range_end = UdSentence(), 0
                continue
            cols = line.split("\t")
            tid, misc = cols[0], cols[9]
            if "." in tid:
                continue
            no_space = "SpaceAfter=No" in misc.split("|")
            if "-" in tid:
                range_end, range_space = int(tid.split("-")[1]), not no_space
                continue
            index = int(tid)
            sentence.words.append(cols[1])
            if index < range_end:
                sentence.spaces.append(False)
            elif index == range_end:
                sentence.spaces.append(range_space)
            else:
                sentence.spaces.append(not no_space)
            sentence.upos.append(cols[3])
            sentence.heads.append(int(cols[6]))
            sentence.deprels.append(cols[7])
    if sentence.words and (max_sentences is None or count < max_sentences):
        documents[-1].append(sentence)
    return [doc for doc in documents if doc]


def to_docs(vocab: Any, documents: list[list[UdSentence]]) -> list[Any]:
    """One spaCy Doc per document with the gold words, spaces and sentence starts (nothing else)."""
    from spacy.tokens import Doc

    docs = []
    for document in documents:
        words = [w for s in document for w in s.words]
        spaces = [sp for s in document for sp in s.spaces]
        starts: list[bool | int | None] = [i == 0 for s in document for i in range(len(s.words))]
        docs.append(Doc(vocab, words=words, spaces=spaces, sent_starts=starts))
    return docs


def universal(label: str) -> str:
    return label.lower().split(":")[0]


def score(docs: list[Any], documents: list[list[UdSentence]]) -> dict[str, Any]:
    """UPOS / UAS / LAS (CoNLL 2018: punctuation included, universal relation) of parsed ``docs``."""
    words = upos = uas = las = las_full = sentences = 0
    kept = one_root = 0
    for doc, document in zip(docs, documents, strict=True):
        offset = 0
        predicted_starts = {s.start for s in doc.sents}
        for sentence in document:
            sentences += 1
            n = len(sentence.words)
            kept += offset in predicted_starts and all(offset + i not in predicted_starts for i in range(1, n))
            roots = 0
            for i in range(n):
                token = doc[offset + i]
                words += 1
                upos += token.pos_ == sentence.upos[i]
                head = 0 if token.head.i == token.i else token.head.i - offset + 1
                roots += head == 0
                dep = "root" if token.dep_ == "ROOT" else token.dep_
                if head == sentence.heads[i]:
                    uas += 1
                    las += universal(dep) == universal(sentence.deprels[i])
                    las_full += dep == sentence.deprels[i]
            one_root += roots == 1
            offset += n
        assert offset == len(doc), "document and Doc lengths differ"
    return {
        "sentences": sentences,
        "words": words,
        "upos": upos / words,
        "uas": uas / words,
        "las": las / words,
        "las_full": las_full / words,
        "sentences_kept": kept / sentences,
        "sentences_with_one_root": one_root / sentences,
    }


def score_treebank(path: Path, model: Path | None = None, max_sentences: int | None = None) -> dict[str, Any]:
    """Read, parse (gold tokens and sentences) and score one CoNLL-U file with the model in ``model``."""
    nlp = load_parser(model) if model is not None else load_parser()
    documents = read_conllu(path, max_sentences)
    docs = parse(to_docs(nlp.vocab, documents), nlp=nlp)
    return score(docs, documents)


def timed(nlp: Any, documents: list[list[UdSentence]], n_process: int, repeat: int) -> dict[str, float]:
    """Best wall-clock and CPU sentences/second of parsing ``documents`` (Docs built outside the timing)."""
    sentences = sum(len(d) for d in documents)
    parse(to_docs(nlp.vocab, documents[:40]), nlp=nlp, n_process=n_process)  # warm-up (and worker start-up)
    best_wall = best_cpu = float("inf")
    for _ in range(repeat):
        docs = to_docs(nlp.vocab, documents)
        wall, cpu = time.perf_counter(), time.process_time()
        parse(docs, nlp=nlp, n_process=n_process, batch_size=16 if n_process > 1 else 64)
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    out = {"sentences_per_second": round(sentences / best_wall, 1), "load_average_1min": round(os.getloadavg()[0], 2)}
    if n_process == 1:  # the CPU time of worker processes is not counted in process_time()
        out["sentences_per_cpu_second"] = round(sentences / best_cpu, 1)
    return out


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", type=Path, default=SHARED / "data" / "ud")
    parser.add_argument("--model", type=Path, default=model_path())
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, default=REPO / "benchmarks" / "results" / "parser_ud.json")
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    if not (args.data / TREEBANKS["EWT"].format(split="test")).is_file():
        print(f"SKIP: UD English data not found at {args.data} (see ../shared/data/ud/README.md); nothing measured")
        return
    from evallib.run_info import with_run_info

    nlp = load_parser(args.model)
    results: dict[str, Any] = {}
    for name, pattern in TREEBANKS.items():
        path = args.data / pattern.format(split="test")
        if not path.is_file():
            print(f"{name} test not found at {path}; skipped")
            continue
        s = score_treebank(path, args.model)
        label = "in domain" if name == "EWT" else "out-of-domain, GUM is not in training"
        rounded = {k: round(v, 4) if isinstance(v, float) else v for k, v in s.items()}
        results[f"{name}_test"] = {"note": label, **rounded}
        print(f"{name} test ({label}): UPOS {s['upos']:.4f}  UAS {s['uas']:.4f}  LAS {s['las']:.4f}  "
              f"(LAS full labels {s['las_full']:.4f}; {s['sentences']} sentences, {s['words']} words)")
    ewt = read_conllu(args.data / TREEBANKS["EWT"].format(split="test"))
    speed = {}
    for n_process in (1, 2):
        speed[f"{n_process}_core{'s' if n_process > 1 else ''}"] = timed(nlp, ewt, n_process, args.repeat)
        print(f"speed, {n_process} process(es): {speed[list(speed)[-1]]}")
    files = [f for f in args.model.rglob("*") if f.is_file()]
    size_mb = sum(f.stat().st_size for f in files) / 1e6
    print(f"model size {size_mb:.1f} MB ({len(files)} files), hash {model_hash(args.model)}")
    import spacy

    result = {
        "benchmark": "UD English test sets, gold tokenization and gold sentence boundaries",
        "spacy": spacy.__version__,
        "scoring": "CoNLL 2018 convention: punctuation included; LAS on the universal relation (las_full: whole label)",
        "model": {"path": os.path.relpath(args.model, REPO), "hash": model_hash(args.model), "mb": round(size_mb, 2)},
        "scores": results,
        "speed_ewt_test": speed,
        "targets": TARGETS,
        "anchors": ANCHORS,
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(with_run_info(result, [args.data]), indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.json}")


if __name__ == "__main__":
    main()
