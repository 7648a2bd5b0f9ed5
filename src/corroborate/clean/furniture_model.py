"""The learned furniture classifier: P(furniture) for each line of a report, and the kind of furniture.

Trained by ``training/train_clean.py`` on real pages (see ``models/MODEL_CARD.md`` beside the weights). The
model is a logistic regression exported as plain weights: scoring a line is one dictionary lookup per feature
(about 40 per line), which keeps the clean stage well under a millisecond per report without importing
scikit-learn at run time.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import CorroborateError
from .line_features import line_features

MODEL_PATH = Path(__file__).resolve().parent / "models" / "furniture.json.gz"


class ModelError(CorroborateError):
    """The shipped furniture model is missing or unreadable."""


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


@dataclass(frozen=True)
class LineVerdict:
    """The model's view of one line: P(furniture), and its most likely kind of furniture with that kind's share."""

    score: float
    kind: str
    kind_score: float


class FurnitureModel:
    """Weights of the binary head (furniture vs article text) and of the furniture-kind head."""

    def __init__(self, data: dict, sha256: str) -> None:
        self.bias: float = data["bias"]
        self.threshold: float = data["threshold"]
        self.classes: list[str] = data["classes"]
        self.class_bias: list[float] = data["class_bias"]
        self.weights: dict[str, list[float]] = data["weights"]
        self.sha256 = sha256

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> FurnitureModel:
        try:
            raw = path.read_bytes()
            data = json.loads(gzip.decompress(raw))
        except (OSError, ValueError) as exc:
            raise ModelError(f"cannot read the furniture model {path}: {exc}; run `make train-clean`") from exc
        return cls(data, hashlib.sha256(raw).hexdigest())

    def _score(self, feats: Sequence[str]) -> float:
        z = self.bias
        get = self.weights.get
        for f in feats:
            w = get(f)
            if w is not None:
                z += w[0]
        return _sigmoid(z)

    def scores(self, lines: Sequence[str]) -> list[float]:
        """P(furniture) of each line of one document (non-empty lines, in order)."""
        return [self._score(feats) for feats in line_features(lines)]

    def decide(self, lines: Sequence[str]) -> list[bool]:
        """True where a line is furniture by the model's calibrated threshold."""
        return [s >= self.threshold for s in self.scores(lines)]

    def verdicts(
        self, lines: Sequence[str], kind_min: float = 0.0, only: Sequence[int] | None = None
    ) -> list[LineVerdict]:
        """Score and kind of each line (or of the lines at ``only``); the kind only where score >= ``kind_min``."""
        out = []
        for feats in line_features(lines, only):
            score = self._score(feats)
            if score < kind_min:
                out.append(LineVerdict(score, "", 0.0))
                continue
            logits = list(self.class_bias)
            for f in feats:
                w = self.weights.get(f)
                if w is not None:
                    for k in range(len(logits)):
                        logits[k] += w[k + 1]
            top = max(logits)
            exp = [math.exp(v - top) for v in logits]
            best = max(range(len(exp)), key=exp.__getitem__)
            out.append(LineVerdict(score, self.classes[best], exp[best] / sum(exp)))
        return out


@lru_cache(maxsize=1)
def default_model() -> FurnitureModel:
    """The shipped model, loaded once per process."""
    return FurnitureModel.load(MODEL_PATH)
