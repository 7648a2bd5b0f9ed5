"""Clean stage: RawReport -> Article. Removes page furniture, keeps every sentence, reads outlet and date.

Reads ``RawReport.text``/``title``/metadata; writes ``Article.text`` (blank-line separated paragraphs, Unicode
spaces normalised), ``title``, ``removed_lines``, ``outlet``, ``cites_outlets``, ``dateline`` (cut from the text),
``published`` and ``published_how``. Batch evidence (lines repeated across reports, dates other reports give) is used by
:func:`clean_reports`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..config import CleanOptions
from ..model import Article, Dateline, RawReport, Removal
from . import metadata
from .dateline import find_datelines
from .furniture import furniture_reason, is_sentence_like, normalize_line, repeated_lines
from .furniture_model import default_model
from .layout import (
    LINK_MAX_WORDS,
    is_headline_shaped,
    is_links_header,
    mark_about_sections,
    mark_trailing_intros,
    mark_trailing_links,
    next_text_line,
)
from .markers import MAX_MARKED_WORDS

__all__ = ["clean_reports", "clean_report", "normalize_text"]

# Characters real pages carry that should read as a plain space or nothing at all.
_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t]")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A credit line: "(Via The Valley Ledger)" (any case), or a dash and a *name* ("— Reuters", "-- Meridian Press").
# The dash form is case-sensitive and name-shaped (capitalised words, short connectors): a bulleted list item
# ("- Your revenues will grow year-by-year") is report text. Matching it case-insensitively removed 39 true
# list items on the article-extraction benchmark's pages (benchmarks/extraction.py).
_CREDIT_VIA = re.compile(r"^\s*\((?:via|source|courtesy of)\s*:?[^)]{1,60}\)\s*$", re.IGNORECASE)
_CREDIT_DASH = re.compile(
    r"^\s*[—–-]{1,2}\s*(?:The |the )?[A-Z][\w&'’.-]*(?: (?:of |the |and |& |de |al-)?[A-Z][\w&'’.-]*){0,5}\s*$"
)



# Removals decided by evidence rather than by a furniture pattern: undone when they would leave no text.
_SOFT_REASONS = frozenset({"repeated headline", "repeated template line"})


def normalize_text(text: str) -> str:
    """Newlines to ``\\n``, Unicode spaces to plain spaces, invisible and control characters removed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub("", text)
    return _SPACES.sub(" ", text)


@dataclass
class _Draft:
    raw: RawReport
    lines: list[str]
    headline: str | None
    removed: list[tuple[int, str]] = field(default_factory=list)  # (line index, reason)
    scores: dict[int, float] = field(default_factory=dict)  # line index -> the model's P(furniture)


def _draft(raw: RawReport, options: CleanOptions | None = None) -> _Draft:
    options = options or CleanOptions()
    lines = [" ".join(line.split()) for line in normalize_text(raw.text).split("\n")]
    headline = raw.title.strip() if raw.title else None
    draft = _Draft(raw, lines, headline)
    mastheads = _masthead_forms(raw.outlet, lines)
    # Inside a "Most read" / "Read more:" / "Story highlights" block: its short lines are links or highlight
    # bullets, not report text. Holds the block's reason; "" outside a block.
    in_links = ""
    links_take_sentences = False
    title_pending = raw.title_in_text and draft.headline is None  # decided on the first text line
    for i, line in enumerate(lines):
        if not line:
            continue
        credit = _CREDIT_VIA.match(line) or _CREDIT_DASH.match(line)
        reason = furniture_reason(line) or ("credit line" if credit else None)
        if reason is None and normalize_line(line) in mastheads:
            reason = "masthead"
        if reason is None and in_links and len(line.split()) <= LINK_MAX_WORDS:
            # After "Read more:" or "Story highlights" the items may be sentences; after a bare "Related" or
            # "Most read" header only headline-shaped lines are taken (a report sentence may follow it).
            if links_take_sentences or not is_sentence_like(line):
                reason = in_links
        if reason is None and _is_poll_question(lines, i):
            reason = "poll"
        # A links block opens at a header ("Related", "Most read", "Read more:"), not at a link line itself.
        header = reason == "related links" and is_links_header(line)
        if reason == "highlights" or header:
            in_links, links_take_sentences = reason or "", reason == "highlights" or line.endswith(":")
        elif reason is None:
            in_links = ""
        if reason is None and title_pending:
            title_pending = False
            if is_headline_shaped(line, next_text_line(lines, i)):
                draft.headline = line
                draft.removed.append((i, "headline"))
                continue
        if reason is None and headline and normalize_line(line) == normalize_line(headline):
            reason = "repeated headline"
        if reason:
            draft.removed.append((i, reason))
    mark_about_sections(lines, draft.removed)
    mark_trailing_links(lines, draft.removed)
    if options.model:
        _model_pass(draft, options.model_threshold)
    mark_trailing_intros(lines, draft.removed)
    return draft


# A repeated line is a scraper's double only when it is a prose paragraph this long. On the article-extraction
# benchmark's 181 pages (benchmarks/extraction.py) every verbatim repeat of a sentence-like line of >= 20 words
# (22, one page whose extraction holds its body three times) is a double the ground truth has once; shorter or
# list-like repeats are the page's own (a Q&A series asking each guest the same 19-word question, recipe cards,
# an embedded tweet's credit): 46 of the 68 repeats of >= 8 words are in the truth as often as on the page.
REPEATED_PARAGRAPH_MIN_WORDS = 20


def _mark_repeated_paragraphs(lines: Sequence[str], removed: dict[int, str]) -> None:
    """A kept prose paragraph repeated verbatim within one report (a scraper's double) stays once: the later
    copies are removed as "repeated paragraph". Short or list-like lines may repeat on purpose and are kept."""
    seen: set[str] = set()
    for i, line in enumerate(lines):
        if i in removed or len(line.split()) < REPEATED_PARAGRAPH_MIN_WORDS or not is_sentence_like(line):
            continue
        if line in seen:
            removed[i] = "repeated paragraph"
        seen.add(line)


def _model_pass(draft: _Draft, threshold: float | None) -> None:
    """Lines the learned classifier calls furniture (clean/furniture_model.py), with its kind and score.

    The model sees every non-empty line in order (its features include the neighbouring lines) and removes
    only lines the rules kept; a line it removes is recorded as ``model: <kind>`` with its P(furniture).
    """
    model = default_model()
    cut = model.threshold if threshold is None else threshold
    index = [i for i, line in enumerate(draft.lines) if line]
    decided = {i for i, _ in draft.removed}
    # Only the lines the rules kept are scored (their neighbours, removed or not, still shape the features).
    todo = [k for k, i in enumerate(index) if i not in decided]
    verdicts = model.verdicts([draft.lines[i] for i in index], kind_min=cut, only=todo)
    for k, verdict in zip(todo, verdicts, strict=True):
        i = index[k]
        draft.scores[i] = round(verdict.score, 4)
        if verdict.score >= cut:
            draft.removed.append((i, f"model: {verdict.kind}"))


def _neighbour(lines: Sequence[str], i: int, step: int) -> str:
    j = i + step
    while 0 <= j < len(lines) and not lines[j]:
        j += step
    return lines[j] if 0 <= j < len(lines) else ""


def _is_poll_question(lines: Sequence[str], i: int) -> bool:
    """A question standing next to a vote prompt is the poll's question, not the report's."""
    if not lines[i].endswith("?") or len(lines[i].split()) > 25:
        return False
    return any(furniture_reason(_neighbour(lines, i, step)) == "vote prompt" for step in (-1, 1))


def _masthead_forms(declared: str | None, lines: Sequence[str]) -> set[str]:
    """The outlet's name as a line of its own (with and without "The") marks the site's masthead."""
    names = {declared, metadata.outlet_from_lines(lines)}
    forms = set()
    for name in names:
        if name:
            base = normalize_line(name)
            forms |= {base, base.removeprefix("the "), "the " + base.removeprefix("the ")}
    return forms


def _paragraphs(lines: Sequence[str], dropped: set[int]) -> str:
    """Kept lines -> paragraphs. A hard-wrapped line (no end punctuation, next starts lower-case) is joined."""
    paragraphs: list[str] = []
    current: list[str] = []
    for i, line in enumerate(lines):
        if i in dropped or not line:
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        if current and not is_sentence_like(current[-1]) and line[:1].islower():
            current.append(line)
            continue
        if current:
            paragraphs.append(" ".join(current))
        current = [line]
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs)


def clean_report(
    raw: RawReport,
    repeated: set[str] | None = None,
    story_dates: Sequence[dt.date] = (),
    options: CleanOptions | None = None,
) -> Article:
    """Clean one report; ``repeated`` holds batch template lines, ``story_dates`` dates other reports give."""
    draft = _draft(raw, options)
    return _finish(draft, repeated or set(), story_dates)


def _finish(draft: _Draft, repeated: set[str], story_dates: Sequence[dt.date]) -> Article:
    raw, lines = draft.raw, draft.lines
    removed = dict(draft.removed)
    for i, line in enumerate(lines):
        if line and i not in removed and normalize_line(line) in repeated:
            removed[i] = "repeated template line"
    _mark_repeated_paragraphs(lines, removed)
    text = _paragraphs(lines, set(removed))
    if not text.strip():
        # Batch evidence must not empty a report: a one-sentence report whose only line is also its title
        # (or repeats elsewhere in the batch) keeps that line as its text.
        for i in [i for i, why in removed.items() if why in _SOFT_REASONS or why.startswith("model: ")]:
            del removed[i]
        text = _paragraphs(lines, set(removed))
    if not text.strip():
        # Nor may a player message on a long line: a report stored as one line that opens with one ("Media
        # playback is unsupported on your device ...", Multi-News) is a report, not a video embed. (An archive or
        # legal notice that long is the whole page's furniture: a report of nothing else stays rejected.)
        for i in [i for i, why in removed.items() if why == "video" and len(lines[i].split()) > MAX_MARKED_WORDS]:
            del removed[i]
        text = _paragraphs(lines, set(removed))
    datelines = find_datelines(text)
    dateline = datelines[0] if datelines else None
    furniture = [lines[i] for i in sorted(removed) if removed[i] != "headline"]
    removals = [Removal(lines[i], removed[i], draft.scores.get(i)) for i in sorted(removed) if removed[i] != "headline"]
    outlet = raw.outlet or metadata.outlet_from_lines(furniture)
    cites = metadata.cited_outlets(lines)
    published, how = _published(raw, furniture, text, story_dates, dateline)
    agency = dateline.agency if dateline else None
    if outlet is None and agency and agency not in cites:
        outlet = agency
    if outlet and outlet in cites:
        outlet = None
    return Article(
        id=raw.id,
        location=raw.location,
        text=text,
        title=draft.headline,
        url=raw.url,
        outlet=outlet,
        published=published,
        published_how=how,
        author=raw.author,
        story=raw.story,
        removed_lines=furniture,
        removals=removals,
        cites_outlets=cites,
        dateline=dateline,
        datelines=datelines,
    )


def _published(
    raw: RawReport,
    furniture: Sequence[str],
    text: str,
    story_dates: Sequence[dt.date],
    dateline: Dateline | None = None,
) -> tuple[dt.date | None, str | None]:
    if raw.published:
        return raw.published, "metadata"
    stub = metadata.stub_date(furniture)
    if stub:
        return stub, "date line"
    year, month, day = (dateline.year, dateline.month, dateline.day) if dateline else (None, None, None)
    removed_dates = metadata.full_dates("\n".join(furniture))
    text_dates = metadata.full_dates(text)
    if month is None or day is None:
        # A caption's photo date or a "this article appeared on <date>" line is the report's own evidence of
        # when it was written; used only when the kept text gives no full date for the timeline to infer from.
        if removed_dates and not text_dates:
            return max(removed_dates), "date in a removed line"
        return None, None
    hints = text_dates or removed_dates or list(story_dates)
    fallback = metadata.copyright_year(furniture)
    date = metadata.dateline_date(year, month, day, hints, fallback)
    return (date, "dateline") if date else (None, None)


def clean_reports(raws: Sequence[RawReport], options: CleanOptions | None = None) -> list[Article]:
    """Clean a batch, using evidence across it (repeated template lines, dates the other reports give)."""
    options = options or CleanOptions()
    drafts = [_draft(raw, options) for raw in raws]
    kept_lines = [[line for i, line in enumerate(d.lines) if i not in dict(d.removed)] for d in drafts]
    repeated = repeated_lines(kept_lines, options.repeated_line_max_words, options.repeated_line_min_reports)
    return [_finish(d, repeated, _BatchDates(raws)) for d in drafts]


class _BatchDates(Sequence[dt.date]):
    """The full dates the batch's reports give, read only if a report needs them (a dateline without its year
    and no date of its own): most batches never do, and reading every report's dates cost ~0.16 ms a report."""

    def __init__(self, raws: Sequence[RawReport]) -> None:
        self._raws = raws
        self._dates: list[dt.date] | None = None

    def _all(self) -> list[dt.date]:
        if self._dates is None:
            self._dates = sorted({d for raw in self._raws for d in metadata.full_dates(normalize_text(raw.text))})
        return self._dates

    def __len__(self) -> int:
        return len(self._all())

    def __getitem__(self, index: Any) -> Any:
        return self._all()[index]
