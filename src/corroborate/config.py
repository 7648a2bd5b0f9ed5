"""One options object: every threshold and switch, with defaults, overridable from TOML and the CLI.

Resolved once (:func:`resolve_config`) and stored with every briefing so a result can be reproduced.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError

# 5 MB: the limit for one input; larger files are rejected with a reason, not read.
MAX_INPUT_BYTES = 5_000_000
# 200 words: the default summary budget (a hard limit).
DEFAULT_MAX_WORDS = 200


@dataclass(frozen=True)
class CleanOptions:
    """Options of the clean stage."""

    # A line shorter than this many words, without sentence punctuation, that repeats verbatim in at least
    # ``repeated_line_min_reports`` reports is treated as site furniture (see clean/furniture.py).
    repeated_line_max_words: int = 8
    repeated_line_min_reports: int = 2
    # The learned furniture classifier (clean/furniture_model.py, trained by `make train-clean` on real pages).
    model: bool = True
    # Remove a line when the model's P(furniture) reaches this; None uses the model's own threshold, chosen on
    # the dev splits of its training data (see clean/models/MODEL_CARD.md and docs/benchmarks.md).
    model_threshold: float | None = None


@dataclass(frozen=True)
class SummaryOptions:
    """Options of the summary (the ``[summary]`` table; ``[brief]`` is read as its old name)."""

    max_words: int = DEFAULT_MAX_WORDS
    # Support threshold for citing a source for a summary sentence; see brief/citations.py for calibration.
    citation_min_support: float = 0.6


@dataclass(frozen=True)
class AnalyzeOptions:
    """Options of the analyze stage."""

    # Cross-source analysis (entities, quotes, numbers, timeline, coverage); off gives summary-only briefings.
    enabled: bool = True
    # torch threads for NER inference. 1: on the 2-core dev machine, 10 DUC reports (160 sentences) took
    # 0.59 s with 1 thread and 2.53 s with 2 (small batches; threads contend). 0 leaves torch's default.
    torch_threads: int = 1
    # Sentences, summary candidates and the analysis read at most this many characters of each report (cut at
    # the last paragraph or word break before it; the briefing says so in sources[].analyzed_chars). 50,000
    # characters is ~8,000 words, over 10x a long news report (Multi-News full-text reports average ~700
    # words), and keeps a 4.7 MB report's brief near 30 s on 2 cores: the NER reads ~1,400 words/s there.
    max_chars_per_report: int = 50_000


@dataclass(frozen=True)
class ClusterOptions:
    """Options of story grouping (the thresholds themselves are calibrated constants in cluster/stories.py)."""

    # Ask sentence embeddings (all-MiniLM-L6-v2) about report/story pairs whose cheap score falls in the
    # undecided band. Off by default: on ECB+ it adds 0.01-0.03 pairwise F1 at ~1 s per call on 2 cores
    # (docs/bench_clustering.md).
    embeddings: bool = False


@dataclass(frozen=True)
class CoverageOptions:
    """Options of the coverage section (who carries / omits each key fact)."""

    # Coverage is computed with the rest of the analysis; off drops only the coverage lists from a briefing.
    enabled: bool = True
    # At most 5 statements only one source carries, and 3 facts most others carry that it omits (issue 12: a
    # list a reader takes in at a glance, <= 8 lines per source). Both lists are ranked, so a smaller cap keeps
    # the best lines. realnews-dev unique facts found (gold: 1-3 per source): 0.52 at 3, 0.72 at 5, 0.84 at 8,
    # 0.88 at 10 (analyze/story/coverage.py on the captured inputs; 6.9 coverage lines per source at 5 + 3).
    max_unique: int = 5
    max_omits: int = 3


@dataclass(frozen=True)
class StreamOptions:
    """Options of the stream driver (``ingest``; ``brief`` runs the same driver in memory)."""

    # 500 reports per batch (one transaction each): commits stay under ~1 s at 500 reports/s, so a kill loses
    # at most about a second of work, and cleaning still sees enough reports to spot repeated page furniture.
    batch_size: int = 500


@dataclass(frozen=True)
class Config:
    """All options of a run. ``Config()`` gives the defaults."""

    max_input_bytes: int = MAX_INPUT_BYTES
    clean: CleanOptions = field(default_factory=CleanOptions)
    analyze: AnalyzeOptions = field(default_factory=AnalyzeOptions)
    summary: SummaryOptions = field(default_factory=SummaryOptions)
    cluster: ClusterOptions = field(default_factory=ClusterOptions)
    coverage: CoverageOptions = field(default_factory=CoverageOptions)
    stream: StreamOptions = field(default_factory=StreamOptions)

    @property
    def brief(self) -> SummaryOptions:
        """The summary options under their old name (Python API of schema "1" days)."""
        return self.summary

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def digest(self) -> str:
        """A short hash of the resolved options: equal digests, equal configuration."""
        blob = json.dumps(self.to_dict(), sort_keys=True, default=str)
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


# Old section names read as the new ones.
_SECTION_ALIASES = {"brief": "summary"}


def _apply(obj: Any, values: dict[str, Any], where: str) -> Any:
    known = {f.name: f for f in dataclasses.fields(obj)}
    changes: dict[str, Any] = {}
    for key, value in values.items():
        name = key.replace("-", "_")
        if not where:
            name = _SECTION_ALIASES.get(name, name)
        if name not in known:
            raise ConfigError(f"unknown option {where}{key!r}; known: {', '.join(sorted(known))}")
        current = getattr(obj, name)
        if dataclasses.is_dataclass(current):
            if not isinstance(value, dict):
                raise ConfigError(f"option {where}{key} must be a table")
            changes[name] = _apply(current, value, f"{where}{key}.")
        else:
            expected = float if current is None else type(current)  # None defaults: optional numbers
            if expected is float and isinstance(value, int) and not isinstance(value, bool):
                value = float(value)
            if not isinstance(value, expected) or isinstance(value, bool) != isinstance(current, bool):
                raise ConfigError(f"option {where}{key} must be {expected.__name__}, got {type(value).__name__}")
            changes[name] = value
    return dataclasses.replace(obj, **changes)


def resolve_config(toml_path: Path | None = None, overrides: dict[str, Any] | None = None) -> Config:
    """Defaults, then the TOML file, then CLI overrides (dotted keys such as ``brief.max_words``)."""
    config = Config()
    if toml_path is not None:
        try:
            data = tomllib.loads(toml_path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read config {toml_path}: {exc}") from exc
        config = _apply(config, data, "")
    for dotted, value in (overrides or {}).items():
        nested: dict[str, Any] = {}
        cursor = nested
        parts = dotted.split(".")
        for part in parts[:-1]:
            cursor[part] = {}
            cursor = cursor[part]
        cursor[parts[-1]] = value
        config = _apply(config, nested, "")
    if config.summary.max_words < 1:
        raise ConfigError("summary.max_words must be at least 1")
    if config.stream.batch_size < 1:
        raise ConfigError("stream.batch_size must be at least 1")
    return config
