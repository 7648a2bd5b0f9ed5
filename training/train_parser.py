"""Train the shipped POS tagger + dependency parser on UD English-EWT train (spaCy 3.8, CPU, one thread).

Run by ``make train-parser``. Reads ``../shared/data/ud/UD_English-EWT/en_ewt-ud-{train,dev}.conllu.gz`` (never
copied into the repo), converts them with spaCy's own CoNLL-U converter (``conllu_to_docs``, 10 sentences per
Doc, syntactic words: ``don't`` is ``do`` + ``n't``) into DocBin files in a temporary folder, and trains the
pipeline of ``training/parser.cfg`` (tok2vec CNN with hash embeddings, morphologizer for UPOS + features,
transition parser for UD relations) with ``spacy.cli.train.train``. Training reads EWT train only: GUM is
CC BY-NC-SA (non-commercial), so it must not go into a shipped model. The checkpoint with the best dev score
(0.4 UPOS + 0.6 LAS, spaCy's scorer on dev with gold tokens and gold sentence starts) is kept.

The shipped folder (``src/corroborate/analyze/syntax/model/``) is that checkpoint written with ``nlp.to_disk``
(no vectors, no training state), plus ``MODEL_CARD.md`` with the UD-style dev and test scores of the shipped
files (``benchmarks/parser_ud.py``'s scorer; test is scored once, after selection, never used to choose).

Everything is seeded (``system.seed``) and runs on one thread, so a rerun on the same machine reproduces the
model. ``--max-steps`` shortens a trial run (write it elsewhere with ``--out``).
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import datetime  # noqa: E402
import gzip  # noqa: E402
import json  # noqa: E402
import shutil  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable, Iterator  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import spacy  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc, DocBin  # noqa: E402
from spacy.training import Example  # noqa: E402
from spacy.training.converters import conllu_to_docs  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
CONFIG = REPO / "training" / "parser.cfg"
DEFAULT_DATA = REPO / ".." / "shared" / "data" / "ud"
EWT = "UD_English-EWT/en_ewt-ud-{split}.conllu.gz"


@spacy.registry.readers("corroborate.GoldTokens.v1")
def gold_tokens_corpus(path: Path, preset_sents: bool = False) -> Callable[[Language], Iterator[Example]]:
    """Examples whose predicted Doc has the gold words and spaces (not spaCy's tokenization of the text).

    Documents stay whole (10 sentences each), so the tok2vec sees sentence neighbours as it will at inference
    on a multi-sentence Doc. With ``preset_sents`` the gold sentence starts are set on the predicted Doc too
    (the dev setting: the caller gives the sentences); without, the parser also learns where sentences end.
    """

    def read(nlp: Language) -> Iterator[Example]:
        for reference in DocBin().from_disk(path).get_docs(nlp.vocab):
            starts: list[bool | int | None] | None = None
            if preset_sents:
                starts = [bool(t.is_sent_start) for t in reference]
            words = [t.text for t in reference]
            spaces = [bool(t.whitespace_) for t in reference]
            yield Example(Doc(nlp.vocab, words=words, spaces=spaces, sent_starts=starts), reference)

    return read


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder holding UD_English-EWT/")
    parser.add_argument("--out", type=Path, default=None, help="model folder to write (default: the package's)")
    parser.add_argument("--config", type=Path, default=CONFIG)
    parser.add_argument("--max-steps", type=int, default=None, help="override training.max_steps (trial runs)")
    parser.add_argument("--seed", type=int, default=None, help="override system.seed")
    parser.add_argument("--keep-work", type=Path, default=None, help="keep DocBins and checkpoints here")
    return parser.parse_args()


def convert(source: Path, target: Path) -> dict[str, int]:
    """CoNLL-U (gzip) -> DocBin with spaCy's converter; returns sentence and word counts."""
    text = gzip.decompress(source.read_bytes()).decode("utf-8")
    docs = list(conllu_to_docs(text, n_sents=10, no_print=True))
    DocBin(docs=docs, store_user_data=False).to_disk(target)
    return {"docs": len(docs), "sentences": sum(len(list(d.sents)) for d in docs), "words": sum(map(len, docs))}


def strip_and_save(best: Path, out: Path) -> None:
    """Write the best checkpoint as the shipped folder: pipeline only, no vectors, no training leftovers."""
    nlp = spacy.load(best)
    # The DocBins lived in a temporary folder: keep its random name out of the shipped config.
    nlp.config["paths"]["train"] = None
    nlp.config["paths"]["dev"] = None
    if nlp.vocab.vectors.shape[0]:
        nlp.vocab.reset_vectors(width=0)
    if out.exists():
        shutil.rmtree(out)
    nlp.meta.update(
        {
            "name": "corroborate_ud_ewt",
            "version": "1.0.0",
            "description": "UPOS + UD dependency parser (tok2vec CNN, morphologizer, parser) trained on UD "
            "English-EWT v2.16 train by training/train_parser.py",
            "license": "CC BY-SA 4.0 (trained on UD English-EWT annotations)",
            "sources": [
                {
                    "name": "UD English-EWT v2.16 (train split only)",
                    "url": "https://github.com/UniversalDependencies/UD_English-EWT",
                    "license": "CC BY-SA 4.0",
                }
            ],
        }
    )
    nlp.to_disk(out)


def ud_scores(model: Path, data: Path) -> dict[str, dict[str, Any]]:
    """UD-style scores (CoNLL 2018 convention) of the saved model on EWT dev and test."""
    sys.path.insert(0, str(REPO / "src"))
    sys.path.insert(0, str(REPO / "benchmarks"))
    from parser_ud import score_treebank  # the benchmark's reader and scorer (not part of the package)

    return {split: score_treebank(data / EWT.format(split=split), model) for split in ("dev", "test")}


def model_card(
    out: Path, counts: dict[str, dict[str, int]], scores: dict[str, dict[str, Any]], info: dict[str, Any]
) -> str:
    """The MODEL_CARD.md text: data and licence, architecture, UD-style dev/test scores, how to rebuild."""
    config = spacy.util.load_config(out / "config.cfg")
    t2v = config["components"]["tok2vec"]["model"]
    parser = config["components"]["parser"]["model"]
    size = sum(f.stat().st_size for f in out.rglob("*") if f.is_file()) / 1e6

    def row(split: str) -> str:
        s = scores[split]
        return (
            f"| EWT {split} | {s['sentences']:,} | {s['words']:,} | {s['upos']:.4f} | {s['uas']:.4f} | "
            f"{s['las']:.4f} | {s['las_full']:.4f} |"
        )

    return f"""# corroborate UD English tagger + parser (`corroborate.analyze.syntax`)

Built {info['date']} by `make train-parser` (`training/train_parser.py`, config `training/parser.cfg`), spaCy
{spacy.__version__}, seed {info['seed']}, one CPU thread, {info['minutes']:.1f} min wall for the whole run.

## Data

* **Trained on UD English-EWT v2.16 `train` only** ({counts['train']['sentences']:,} sentences,
  {counts['train']['words']:,} syntactic words; Universal Dependencies release 2.16, 2025-05-15, repository
  `UniversalDependencies/UD_English-EWT` at `15d613d8`, see `../shared/data/ud/UD_English-EWT/README.md`).
  Model selection on EWT `dev` ({counts['dev']['sentences']:,} sentences). EWT `test` was scored once, after
  selection, for this card. **No GUM data** was used (UD English-GUM is CC BY-NC-SA 4.0, non-commercial).
* **Licence: the EWT annotations are CC BY-SA 4.0** (© Stanford University; texts from the LDC English Web
  Treebank). The weights are learned from those annotations, so this model is distributed as an adaptation under
  **CC BY-SA 4.0** as well: attribute UD English-EWT (Silveira et al. 2014, the UD project) and share the model
  and derivatives of it under the same licence. Commercial use is allowed. The licence covers this model folder,
  not the rest of the package (Apache-2.0) nor the text it is applied to.
* EWT is web text (answers, email, newsgroups, reviews, blogs); it has no news genre.

## Architecture

spaCy pipeline `tok2vec` -> `morphologizer` -> `parser`, no pretrained vectors:

* tok2vec: `{t2v['@architectures']}` with `MultiHashEmbed` over {', '.join(t2v['embed']['attrs'])} (rows
  {t2v['embed']['rows']}), `MaxoutWindowEncoder` width {t2v['encode']['width']}, depth {t2v['encode']['depth']},
  window {t2v['encode']['window_size']};
* morphologizer: softmax over UPOS+FEATS combinations (`token.pos_`, `token.morph`);
* parser: `{parser['@architectures']}` (arc-eager, pseudo-projective for non-projective trees), hidden width
  {parser['hidden_width']}, maxout pieces {parser['maxout_pieces']}; labels are the UD relations with subtypes
  (root is `ROOT`).

Tokenizer: spaCy's rule-based English tokenizer (not trained). Size on disk {size:.1f} MB.

## Scores (shipped files, gold tokenization and gold sentence boundaries)

UD style as in the CoNLL 2018 shared task: punctuation included; LAS compares the universal part of the relation
(`nmod:poss` counts as `nmod`); "LAS full" compares the whole label.

| set | sentences | words | UPOS | UAS | LAS | LAS full |
|---|---|---|---|---|---|---|
{row('dev')}
{row('test')}

spaCy's own dev scores of the chosen checkpoint (punctuation excluded, spaCy's convention):
`{json.dumps(info['spacy_dev'])}`.
Speed and the GUM (out-of-domain) scores: `benchmarks/parser_ud.py`, `docs/benchmarks.md`.

## Rebuild

    make train-parser        # = .venv/bin/python training/train_parser.py

Model hash (sha1 of the files other than this card, first 16 hex): `{info['hash']}`.
"""


def main() -> None:
    args = parse_args()
    sys.path.insert(0, str(REPO / "src"))
    from corroborate.analyze.syntax import MODEL_DIR, model_hash

    out: Path = args.out or MODEL_DIR
    started = time.time()
    sources = {split: args.data / EWT.format(split=split) for split in ("train", "dev")}
    for path in sources.values():
        if not path.is_file():
            raise SystemExit(f"UD English-EWT not found at {path}; pass --data (see ../shared/data/ud/README.md)")
    with tempfile.TemporaryDirectory(prefix="train_parser_") as tmp:
        work = args.keep_work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        counts = {split: convert(path, work / f"{split}.spacy") for split, path in sources.items()}
        print(f"converted: {json.dumps(counts)}", flush=True)
        overrides: dict[str, Any] = {"paths.train": str(work / "train.spacy"), "paths.dev": str(work / "dev.spacy")}
        if args.max_steps is not None:
            overrides["training.max_steps"] = args.max_steps
        if args.seed is not None:
            overrides["system.seed"] = args.seed
        from spacy.cli.train import train

        train(args.config, work / "output", overrides=overrides, use_gpu=-1)
        best = work / "output" / "model-best"
        spacy_dev = json.loads((best / "meta.json").read_text())["performance"]
        strip_and_save(best, out)
    model_hash.cache_clear()
    scores = ud_scores(out, args.data)
    for split, s in scores.items():
        print(f"{split}: UPOS {s['upos']:.4f} UAS {s['uas']:.4f} LAS {s['las']:.4f}", flush=True)
    config = spacy.util.load_config(args.config, overrides=overrides)
    info = {
        "date": datetime.date.today().isoformat(),
        "seed": config["system"]["seed"],
        "minutes": (time.time() - started) / 60,
        "hash": model_hash(out),
        "spacy_dev": {k: round(v, 4) for k, v in spacy_dev.items() if k in ("pos_acc", "dep_uas", "dep_las")},
    }
    (out / "MODEL_CARD.md").write_text(model_card(out, counts, scores, info), encoding="utf-8")
    print(f"wrote {out} ({info['minutes']:.1f} min)", flush=True)


if __name__ == "__main__":
    main()
