"""Per-report stages of ``corroborate ingest`` (read, clean, features): pure functions of their input, so
they can run in this process or on Dask workers (:mod:`.engine`) and give the same result either way."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..cluster.features import ReportFeatures, compute_features
from ..model import Article, RawReport, Rejection


@dataclass(frozen=True)
class Prepared:
    """One cleaned report with everything the sequential (dedupe + cluster + store) step needs."""

    article: Article
    source_id: str
    features: ReportFeatures
    features_json: str


@dataclass(frozen=True)
class PreparedBatch:
    items: list[Prepared]
    rejections: list[Rejection]
    # The same report twice in one batch: (location of the repeat, id, location of the first), so the driver
    # can account for the repeat as already stored.
    repeats: list[tuple[str, str, str]] = field(default_factory=list)


def iter_input_files(paths: Sequence[Path]) -> Iterator[Path]:
    """Files named, and files under folders named (recursively, sorted): the deterministic input order
    (the same walk as ``brief``)."""
    from ..ingest.readers import iter_files

    return iter_files(paths)


def read_one(path: Path) -> list[RawReport | Rejection]:
    """Read one file: feeds and WARC here, everything else through the generic readers."""
    from ..ingest import read_paths
    from ..ingest.feeds import is_feed_or_warc, read_feed_or_warc

    if is_feed_or_warc(path):
        return read_feed_or_warc(path)
    reports, rejections = read_paths([path])
    out: list[RawReport | Rejection] = [*reports, *rejections]
    return out


def report_id(raw: RawReport) -> str:
    """Content-hash id of a raw report (text and declared metadata): the same report gets the same id."""
    key = json.dumps(
        [
            raw.text,
            raw.title,
            raw.url,
            raw.outlet,
            raw.published.isoformat() if raw.published else None,
            raw.author,
            raw.fmt,
            raw.title_in_text,
        ],
        ensure_ascii=False,
    )
    return "r" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:15]


def prepare_batch(raws: Sequence[RawReport]) -> PreparedBatch:
    """Clean one batch (cleaning uses evidence across the batch) and compute each report's features.

    Raw ids are replaced by content-hash ids before cleaning; the reader's id is kept as ``source_id``.
    A report that cleaning drops comes back as a rejection.
    """
    from ..clean import clean_reports

    source_ids: dict[str, str] = {}
    first_at: dict[str, str] = {}
    repeats: list[tuple[str, str, str]] = []
    hashed: list[RawReport] = []
    for raw in raws:
        rid = report_id(raw)
        if rid in source_ids:
            repeats.append((raw.location, rid, first_at[rid]))
            continue
        source_ids[rid] = raw.id
        first_at[rid] = raw.location
        hashed.append(replace(raw, id=rid))
    articles = [a for a in clean_reports(hashed) if a.text.strip()]
    kept = {a.id for a in articles}
    items = []
    for article in articles:
        features = compute_features(article)
        items.append(Prepared(article, source_ids[article.id], features, json.dumps(features.to_json())))
    rejections = [
        Rejection(raw.location, "no report text left after removing page furniture")
        for raw in hashed
        if raw.id not in kept
    ]
    return PreparedBatch(items, rejections, repeats)
