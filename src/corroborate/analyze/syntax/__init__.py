"""Part-of-speech tags and dependency trees (Universal Dependencies) with the model trained by the project.

Contract. :func:`parse` reads spaCy ``Doc`` objects whose tokens and sentence starts were set elsewhere (e.g.
``Doc(vocab, words=..., spaces=..., sent_starts=...)``, or ``spacy.blank("en")(text)`` followed by setting
``token.is_sent_start``) and writes, on every token:

- ``token.pos_``: the UPOS tag (and ``token.morph``: the UD features the morphologizer predicts with it);
- ``token.head`` and ``token.dep_``: the head and the UD relation (subtypes kept, e.g. ``nmod:poss``); a
  sentence's root is its own head and is labelled ``ROOT`` (spaCy's spelling of UD ``root``).

Tokens are never changed, and the sentences are the caller's: a token whose ``is_sent_start`` is ``None`` is taken
as "not a sentence start" (``segment_unset=True`` lets the parser decide there instead), so every sentence the
caller set gets exactly one root and no head outside it. Nothing else on the Doc (entities, user data) is touched.

The model (``model/``, see ``model/MODEL_CARD.md``) is a spaCy 3.8 pipeline tok2vec (hash embeddings + CNN, no
pretrained vectors) + morphologizer + parser, trained on UD English-EWT train only by ``training/train_parser.py``
(``make train-parser``); its annotations are CC BY-SA 4.0. Figures: ``benchmarks/parser_ud.py``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

MODEL_DIR = Path(__file__).resolve().parent / "model"
# The pipes this package runs; the tokenizer stays spaCy's rule-based English one and is never run here.
PIPES = ("tok2vec", "morphologizer", "parser")
# Files that are documentation, not model: left out of the provenance hash.
_NOT_MODEL = frozenset({"MODEL_CARD.md"})

__all__ = ["MODEL_DIR", "PIPES", "load_parser", "model_hash", "model_path", "parse"]


def model_path() -> Path:
    """The folder of the shipped model."""
    return MODEL_DIR


def _model_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.rglob("*") if p.is_file() and p.name not in _NOT_MODEL)


@lru_cache(maxsize=4)
def model_hash(directory: Path = MODEL_DIR) -> str:
    """sha1 over the model's files (relative path and bytes, in sorted order), first 16 hex digits."""
    files = _model_files(directory)
    if not files:
        raise FileNotFoundError(f"no parser model in {directory}; run `make train-parser`")
    digest = hashlib.sha1()
    for file in files:
        digest.update(file.relative_to(directory).as_posix().encode() + b"\0")
        digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=4)
def load_parser(directory: Path = MODEL_DIR) -> Language:
    """The tagger/parser pipeline in ``directory`` (default: the shipped model), loaded once per process."""
    if not (directory / "config.cfg").is_file():
        raise FileNotFoundError(
            f"no parser model in {directory}; run `make train-parser` (python training/train_parser.py) to build it"
        )
    import spacy
    from spacy.util import load_config

    listed = load_config(directory / "config.cfg", interpolate=False)["nlp"]["pipeline"]
    nlp = spacy.load(directory, exclude=[name for name in listed if name not in PIPES])
    missing = [name for name in PIPES if name not in nlp.pipe_names]
    if missing:
        raise ValueError(f"parser model in {directory} lacks the pipes {missing}")
    return nlp


def _adopt_labels(nlp: Language, vocab: Vocab) -> None:
    """Make a Doc vocabulary other than the model's know every string the pipes write (labels, features)."""
    if vocab is nlp.vocab:
        return
    parser = nlp.get_pipe("parser")
    for move in parser.move_names:  # type: ignore[attr-defined]
        label = move.split("-", 1)[1] if "-" in move else move
        vocab.strings.add(label)
        for part in label.split("||"):
            vocab.strings.add(part)
    vocab.strings.add("ROOT")
    morphologizer = nlp.get_pipe("morphologizer")
    for feats in morphologizer.cfg["labels_morph"].values():  # type: ignore[attr-defined]
        vocab.morphology.add(feats)


def _fix_sentence_starts(doc: Doc, segment_unset: bool) -> None:
    """Turn unset sentence starts into "no" (unless ``segment_unset``); set starts are never changed.

    A Doc parsed before has every start set from its trees (spaCy refuses writes then), so it is left alone.
    """
    if segment_unset or doc.has_annotation("DEP"):
        return
    for token in doc[1:]:
        if token.is_sent_start is None:
            token.is_sent_start = False


def parse(
    docs: Iterable[Doc],
    *,
    segment_unset: bool = False,
    batch_size: int = 64,
    n_process: int = 1,
    nlp: Language | None = None,
) -> list[Doc]:
    """Tag and parse ``docs`` with the shipped model (or ``nlp``); see the module docstring for the contract.

    With ``n_process == 1`` the given Doc objects are annotated in place and returned. With more processes
    spaCy sends the Docs to worker processes and returns annotated copies (in the model's vocabulary).
    """
    pipeline = nlp if nlp is not None else load_parser()
    batch = list(docs)
    seen: list[Vocab] = []
    for doc in batch:
        _fix_sentence_starts(doc, segment_unset)
        if all(doc.vocab is not v for v in seen):
            seen.append(doc.vocab)
            _adopt_labels(pipeline, doc.vocab)
    disabled = [name for name in pipeline.pipe_names if name not in PIPES]
    with pipeline.select_pipes(disable=disabled):
        out = list(pipeline.pipe(batch, batch_size=batch_size, n_process=n_process))
    return out
