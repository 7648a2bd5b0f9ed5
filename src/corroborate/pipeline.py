"""The one pipeline: read -> prepare (clean, features) -> place (copies, stories; :mod:`.stream`) -> annotate
(datelines, sentences) -> analyze -> brief. Render is separate (:mod:`.render`).

Two drivers share every step. ``ingest`` (:mod:`.stream`) prepares batches and places them into a database
file; ``show`` briefs one stored story. ``brief`` runs the same stream driver over an in-memory database and
briefs every story it made, so ``brief DIR`` and ``ingest DIR && show ID`` give the same briefing.

Each component runs inside the error boundary (:mod:`.boundary`): an exception on one report is recorded on
that report (the briefing's ``errors``) and the run goes on.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .analyze.text import skip_spans, split_sentences
from .boundary import describe, guarded
from .clean import clean_reports
from .clean.dateline import find_datelines
from .cluster.features import ReportFeatures, compute_features
from .config import Config
from .errors import NoUsableInputError
from .ingest.readers import read_paths
from .model import Article, ComponentError, RawReport, Rejection

if TYPE_CHECKING:
    from .store import Store


@dataclass
class BriefRun:
    """The result of briefing a set of inputs: one briefing per story and every rejection."""

    briefings: list[dict[str, Any]] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # inputs kept but not as given (revisions, repeated ids)


# A progress bar on stderr appears only after this many seconds of work, and only on a terminal.
PROGRESS_AFTER_S = 2.0


def progress(items: Sequence[Any], desc: str, unit: str) -> Any:
    """``items`` with a tqdm bar on stderr when stderr is a terminal and the work outlasts PROGRESS_AFTER_S."""
    import sys

    from tqdm import tqdm

    return tqdm(items, desc=desc, unit=unit, file=sys.stderr, delay=PROGRESS_AFTER_S, disable=not sys.stderr.isatty())


# -- prepare: what is stored for each report -----------------------------------------------------------------


@dataclass(frozen=True)
class Prepared:
    """One cleaned report with everything the placing step (copies, stories, store) needs."""

    article: Article
    source_id: str  # the user's id for the report (the reader's id: a record's "id", a file's name)
    features: ReportFeatures
    features_json: str


@dataclass(frozen=True)
class PreparedBatch:
    items: list[Prepared]
    rejections: list[Rejection]
    # The same report twice in one batch: (location of the repeat, its id, the first's location, the first's id).
    repeats: list[tuple[str, str, str, str]] = field(default_factory=list)


def report_id(raw: RawReport) -> str:
    """Content-hash key of a raw report (text and declared metadata, not its id): the same report, the same key.

    Internal: the store keys rows by it, while everything a user sees names the report by its own id.
    """
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
            raw.story,
        ],
        ensure_ascii=False,
    )
    return "r" + hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:15]


def _fallback_article(raw: RawReport, error: ComponentError) -> Article:
    """A report whose cleaning failed: its text as read (blank-line paragraphs, spaces normalised), the error kept."""
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", raw.text)]
    text = "\n\n".join(p for p in paragraphs if p)
    return Article(
        id=raw.id,
        location=raw.location,
        text=text,
        title=raw.title,
        url=raw.url,
        outlet=raw.outlet,
        published=raw.published,
        published_how="metadata" if raw.published else None,
        author=raw.author,
        story=raw.story,
        errors=[error],
    )


def clean_batch(raws: Sequence[RawReport], config: Config) -> list[Article]:
    """Clean a batch with evidence across it; a report whose cleaning raises is kept as read, with the error."""
    try:
        return clean_reports(raws, config.clean)
    except Exception:  # noqa: BLE001 - one report must not sink the batch: find it by cleaning each alone
        out: list[Article] = []
        for raw in raws:
            try:
                out.extend(clean_reports([raw], config.clean))
            except Exception as exc:  # noqa: BLE001
                out.append(_fallback_article(raw, ComponentError("clean", describe(exc), raw.id)))
        return out


def prepare(raws: Sequence[RawReport], config: Config) -> PreparedBatch:
    """Clean one batch and compute each report's features (everything the store keeps per report).

    Each report is keyed by its content hash (:func:`report_id`); the reader's id is kept as ``source_id``.
    A report that cleaning empties, or whose features cannot be computed, comes back as a rejection.
    """
    first_at: dict[str, tuple[str, str]] = {}
    repeats: list[tuple[str, str, str, str]] = []
    source_ids: dict[str, str] = {}
    keyed: list[RawReport] = []
    for raw in raws:
        rid = report_id(raw)
        if rid in first_at:
            repeats.append((raw.location, raw.id, *first_at[rid]))
            continue
        first_at[rid] = (raw.location, raw.id)
        source_ids[rid] = raw.id
        keyed.append(replace(raw, id=rid))
    items: list[Prepared] = []
    rejections: list[Rejection] = []
    by_key = {raw.id: raw for raw in keyed}
    for article in clean_batch(keyed, config):
        raw = by_key[article.id]
        article.language = raw.language
        article.input_notes = _input_notes(raw)
        if not article.text.strip():
            rejections.append(Rejection(article.location, "no report text left after removing page furniture"))
            continue
        try:
            features = compute_features(article)
        except Exception as exc:  # noqa: BLE001 - recorded as this report's rejection
            rejections.append(Rejection(article.location, f"story features could not be computed: {describe(exc)}"))
            continue
        items.append(Prepared(article, source_ids[article.id], features, json.dumps(features.to_json())))
    return PreparedBatch(items, rejections, repeats)


def _input_notes(raw: RawReport) -> list[str]:
    notes = list(getattr(raw, "notes", []) or [])
    encoding_note = getattr(raw, "encoding_note", None)
    if encoding_note:
        notes.insert(0, encoding_note)
    return notes


# -- annotate and brief: a story's reports, as stored ---------------------------------------------------------


def analysis_cut(text: str, max_chars: int) -> int | None:
    """Where the analysis of an over-long report stops: the last paragraph break (else word break) before
    ``max_chars``; None when the whole text is read."""
    if len(text) <= max_chars:
        return None
    for mark in ("\n\n", "\n", " "):
        cut = text.rfind(mark, 0, max_chars)
        if cut > max_chars // 2:
            return cut
    return max_chars


def annotate(article: Article, max_chars: int | None = None) -> Article:
    """Datelines and sentences of a cleaned report: functions of its text alone (the same stored or fresh).

    With ``max_chars``, sentences are split only in the part the analysis reads (:func:`analysis_cut`).
    """
    article.analyzed_chars = analysis_cut(article.text, max_chars) if max_chars else None
    text = article.text if article.analyzed_chars is None else article.text[: article.analyzed_chars]
    article.datelines = guarded("datelines", article.id, article.errors, partial(find_datelines, text), [])
    article.dateline = article.datelines[0] if article.datelines else None
    cuts = [(d.start, d.end) for d in article.datelines]

    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]  # if the splitter fails
    article.sentences = guarded(
        "sentences", article.id, article.errors, lambda: skip_spans(split_sentences(text), cuts), paragraphs
    )
    return article


def brief_story(
    articles: Sequence[Article], story_id: str, config: Config, rejected: Sequence[Rejection] = ()
) -> dict[str, Any]:
    """Analyze and brief one story of annotated articles."""
    from .brief.briefing import build_briefing

    analysis = None
    errors: list[ComponentError] = []
    # Reports in a language the analysis reads, each cut where annotate() stopped splitting sentences.
    readable = [_analyzed_part(a) for a in articles if a.not_analyzed is None]
    if config.analyze.enabled and readable:
        # Imported here: the analyze stage loads torch and the NER model; `schema` and `--help` need neither.
        from .analyze.story import analyze_story

        analysis = analyze_story(readable, config, errors)
    return build_briefing(articles, config, story_id, rejected, analysis, errors)


def _analyzed_part(article: Article) -> Article:
    """The article as the analysis reads it: its text up to ``analyzed_chars`` (spans keep their offsets)."""
    if article.analyzed_chars is None:
        return article
    return replace(article, text=article.text[: article.analyzed_chars])


def brief_stored(store: Store, story_id: str, config: Config, rejected: Sequence[Rejection] = ()) -> dict[str, Any]:
    """The briefing of one stored story (``show``, and ``brief`` after its in-memory run)."""
    cap = config.analyze.max_chars_per_report
    articles = [annotate(a, cap) for a in store.story_articles(story_id)]
    return brief_story(articles, story_id, config, rejected)


def brief_reports(
    raws: Sequence[RawReport],
    config: Config | None = None,
    rejected: Sequence[Rejection] = (),
    *,
    one_story: bool = False,
) -> BriefRun:
    """Brief every story among ``raws``: records carrying ``story`` keep it; the rest are grouped into stories
    by the stream driver's clusterer (``one_story``: all of them form one story)."""
    from .store import Store
    from .stream.driver import IngestState, Outcome, commit_batch

    config = config or Config()
    if one_story and raws:
        from .cluster.stories import story_id_for

        forced = next((r.story for r in raws if r.story), None) or story_id_for(report_id(raws[0]))
        raws = [replace(r, story=forced) for r in raws]
    run = BriefRun(rejected=list(rejected))
    outcomes: list[Outcome] = []
    store = Store(Path(":memory:"))
    try:
        state = IngestState(store, config)
        size = config.stream.batch_size
        for start in progress(range(0, len(raws), size), "prepare", "batch"):
            commit_batch(store, state, prepare(raws[start : start + size], config), outcomes.append)
        for outcome in outcomes:
            if outcome.status == "rejected":
                run.rejected.append(Rejection(outcome.location, outcome.detail))
            elif outcome.status in ("already-stored", "revised"):
                run.notes.append(f"{outcome.location}: {outcome.detail}")
        for story_id in progress(store.story_ids(), "brief", "story"):
            run.briefings.append(brief_stored(store, story_id, config, run.rejected))
    finally:
        store.close()
    if not run.briefings:
        raise NoUsableInputError(_no_input_message(run.rejected))
    return run


def brief_paths(paths: Sequence[Path], config: Config | None = None, *, one_story: bool = False) -> BriefRun:
    """Read, clean and brief the reports under ``paths``."""
    config = config or Config()
    raws, rejected = read_paths(paths, config.max_input_bytes)
    if not raws:
        raise NoUsableInputError(_no_input_message(rejected))
    return brief_reports(raws, config, rejected, one_story=one_story)


def _no_input_message(rejected: Sequence[Rejection]) -> str:
    if not rejected:
        return "no input files found: give .txt, .html, .json or .jsonl files or folders holding them"
    lines = "\n".join(f"  {r.location}: {r.reason}" for r in rejected)
    return f"no usable input: all {len(rejected)} input(s) were rejected:\n{lines}"
