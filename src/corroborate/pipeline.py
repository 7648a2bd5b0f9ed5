"""The visible pipeline: ingest -> clean -> analyze -> brief (render is separate: see ``render``).

Each function takes and returns plain data objects; this module only wires the stages together.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .analyze.sentences import skip_spans, split_sentences
from .brief.briefing import build_briefing
from .clean import clean_reports
from .cluster.syndication import mark_syndication
from .config import Config
from .errors import NoUsableInputError
from .ingest import read_paths
from .model import Article, RawReport, Rejection


@dataclass
class BriefRun:
    """The result of briefing a set of inputs: one briefing per story and every rejection."""

    briefings: list[dict[str, Any]] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)


def prepare(raws: Sequence[RawReport], config: Config) -> list[Article]:
    """Clean a story's reports, split sentences and mark syndicated copies."""
    articles = clean_reports(raws, config.clean)
    for article in articles:
        article.sentences = skip_spans(split_sentences(article.text), [(d.start, d.end) for d in article.datelines])
    copies = choose_originals(articles, mark_syndication(articles))
    for article in articles:
        article.duplicate_of = copies.get(article.id)
    return articles


def choose_originals(articles: Sequence[Article], copies: dict[str, str]) -> dict[str, str]:
    """Re-point each group of near-duplicates at its true origin.

    Shingle containment finds the group; which member is the original is read from the reports: the one whose
    outlet the others credit ("(Via Meridian Press)"), then one that credits nobody, then the earliest dated
    (undated last), then the smallest id.
    """
    by_id = {a.id: a for a in articles}
    groups: dict[str, set[str]] = {}
    for copy, original in copies.items():
        groups.setdefault(original, {original}).add(copy)

    def key(member: Article, group: set[str]) -> tuple[int, int, dt.date, str]:
        credited = any(
            member.outlet and member.outlet.casefold() in {c.casefold() for c in by_id[o].cites_outlets}
            for o in group
            if o != member.id
        )
        return (0 if credited else 1, 1 if member.cites_outlets else 0, member.published or dt.date.max, member.id)

    result: dict[str, str] = {}
    for members in groups.values():
        origin = min(members, key=lambda m: key(by_id[m], members))
        result.update({m: origin for m in members if m != origin})
    return dict(sorted(result.items()))


def brief_story(
    articles: Sequence[Article], story_id: str | None, config: Config, rejected: Sequence[Rejection] = ()
) -> dict[str, Any]:
    """Analyze and brief one story of prepared articles."""
    analysis = None
    if config.analyze.enabled:
        # Imported here: the analyze stage loads torch and the NER model; `schema` and `--help` need neither.
        from .analyze.story import analyze_story

        analysis = analyze_story(articles, config.analyze.torch_threads)
    return build_briefing(articles, config, story_id, rejected, analysis)


def group_by_story(raws: Sequence[RawReport]) -> list[tuple[str | None, list[RawReport]]]:
    """Records that carry ``story`` are grouped by it; everything else forms one story."""
    groups: dict[str | None, list[RawReport]] = {}
    for raw in raws:
        groups.setdefault(raw.story, []).append(raw)
    return sorted(groups.items(), key=lambda item: (item[0] is None, item[0] or ""))


def brief_reports(raws: Sequence[RawReport], config: Config, rejected: Sequence[Rejection] = ()) -> BriefRun:
    """Brief every story among ``raws``; reports left empty by cleaning are rejected with the reason."""
    run = BriefRun(rejected=list(rejected))
    prepared: list[tuple[str | None, list[Article]]] = []
    for story, members in group_by_story(raws):
        articles = prepare(members, config)
        for article in articles:
            if not article.text.strip():
                run.rejected.append(Rejection(article.location, "no report text left after removing page furniture"))
        usable = [a for a in articles if a.text.strip()]
        if usable:
            prepared.append((story, usable))
    for story, articles in prepared:
        run.briefings.append(brief_story(articles, story, config, run.rejected))
    if not run.briefings:
        raise NoUsableInputError(_no_input_message(run.rejected))
    return run


def brief_paths(paths: Sequence[Path], config: Config | None = None) -> BriefRun:
    """Read, clean and brief the reports under ``paths``."""
    config = config or Config()
    raws, rejected = read_paths(paths, config.max_input_bytes)
    if not raws:
        raise NoUsableInputError(_no_input_message(rejected))
    return brief_reports(raws, config, rejected)


def _no_input_message(rejected: Sequence[Rejection]) -> str:
    if not rejected:
        return "no input files found: give .txt, .html, .json or .jsonl files or folders holding them"
    lines = "\n".join(f"  {r.location}: {r.reason}" for r in rejected)
    return f"no usable input: all {len(rejected)} input(s) were rejected:\n{lines}"
