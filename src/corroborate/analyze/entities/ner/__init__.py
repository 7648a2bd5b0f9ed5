"""Named-entity recognition (PER/ORG/LOC/MISC) with the model trained by ``training/train_ner.py``.

The network is all-MiniLM-L6-v2 fine-tuned on CoNLL-2003 train for token classification, with a casing
embedding added (the pretrained vocabulary is uncased). It ships inside this package (``model/``: int8
weights, config, wordpiece tokenizer), runs on CPU and needs no network. Figures: ``benchmarks/ner.py``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from .tagger import NerTagger

MODEL_DIR = Path(__file__).resolve().parent / "model"

__all__ = ["MODEL_DIR", "NerTagger", "load_tagger"]


@cache
def load_tagger(directory: Path = MODEL_DIR) -> NerTagger:
    """The tagger for ``directory`` (default: the shipped model), loaded once per process."""
    if not (directory / "weights.pt").is_file():
        raise FileNotFoundError(
            f"no NER model in {directory}; run `make train-ner` (python training/train_ner.py) to build it"
        )
    return NerTagger.from_directory(directory)
