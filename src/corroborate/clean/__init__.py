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


# A line in a links or highlights block is a headline or a bullet: longer lines are report text again.
LINK_MAX_WORDS = 20

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
        header = reason == "related links" and _is_links_header(line)
        if reason == "highlights" or header:
            in_links, links_take_sentences = reason or "", reason == "highlights" or line.endswith(":")
        elif reason is None:
            in_links = ""
        if reason is None and title_pending:
            title_pending = False
            if is_headline_shaped(line, _next_text_line(lines, i)):
                draft.headline = line
                draft.removed.append((i, "headline"))
                continue
        if reason is None and headline and normalize_line(line) == normalize_line(headline):
            reason = "repeated headline"
        if reason:
            draft.removed.append((i, reason))
    _mark_about_sections(lines, draft.removed)
    _mark_trailing_links(lines, draft.removed)
    if options.model:
        _model_pass(draft, options.model_threshold)
    _mark_trailing_intros(lines, draft.removed)
    return draft


# "About Acme" / "About the author": the heading of a press release's or a blog's boilerplate paragraph.
_ABOUT = re.compile(r"^About (?:the |The )?([A-Z][\w&.'’-]*)(?: [A-Z][\w&.'’-]*){0,4}$")
_PAST = re.compile(r"\b(?:was|were|had|did)\b")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\x22“])")
_ABOUT_AUTHOR = re.compile(r"^About the (?:author|writer|contributor)s?$", re.IGNORECASE)


def _mark_about_sections(lines: Sequence[str], removed: list[tuple[int, str]]) -> None:
    """An "About <Name>" heading and the paragraph after it that opens with that name (or "About the author" and
    its paragraph) are the company's or the writer's boilerplate, not the report.

    Measured on the boilerplate train/dev pages (article region): 90 lines (headings and paragraphs), 78 author
    or site blurbs the ground truth calls furniture and 12 of press releases' "About <Company>" sections it keeps
    as body, which this product's definition (realnews-dev ANNOTATION.md) removes with the release's other
    furniture (its "Safe Harbor Statement", its media contacts).
    """
    decided = {i for i, _ in removed}
    text = [i for i, line in enumerate(lines) if line]
    for a, b in zip(text, text[1:], strict=False):
        m = _ABOUT.match(lines[a])
        if not m or b in decided:
            continue
        name = m.group(1)
        body = lines[b]
        # A blurb describes in the present ("Acme is a leading …", "Jane Roe is our senior editor"); a report's
        # own "About <Name>" box narrates ("Mohawk was one of 35 lions …") and stays.
        if _PAST.search(_SENTENCE_SPLIT.split(body, 1)[0]):
            continue
        if _ABOUT_AUTHOR.match(lines[a]) or body.startswith(name) or body.startswith("The " + name):
            if a not in decided:
                removed.append((a, "about section"))
            removed.append((b, "about section"))


# A links block that ends the report: at most this many lines, each of at most TRAILING_LINK_MAX_WORDS words.
TRAILING_LINKS_MAX_LINES = 12
TRAILING_LINK_MAX_WORDS = 40


def _mark_trailing_links(lines: Sequence[str], removed: list[tuple[int, str]]) -> None:
    """Every line after the last links header ("Latest headlines", "Related", "Most read:", or a "Read more:
    <headline>" link) is a link or a teaser when the block runs to the end of the report in short lines, each a
    headline or a labelled teaser ("Recipe: Orange cake Here's a light way to …"): a teaser is a headline glued to
    its blurb, a sentence or two long, which the block rule's headline shape (``in_links`` in :func:`_draft`)
    misses. A report paragraph after the header stops the block: the report went on after the link.

    Measured on the boilerplate train/dev pages (article region): 60 lines beyond the other rules, none of
    them article text in the datasets' ground truth.
    """
    reasons = dict(removed)
    text = [i for i, line in enumerate(lines) if line]
    for k in range(len(text) - 1, max(-1, len(text) - TRAILING_LINKS_MAX_LINES - 2), -1):
        i = text[k]
        line = lines[i]
        if reasons.get(i) == "related links" and (_is_links_header(line) or _READ_LINK.match(line)):
            removed.extend((j, "related links") for j in text[k + 1 :] if j not in reasons)
            return
        if i in reasons:
            continue
        # A link is a headline (no sentence end) or a teaser that opens with a label ("Recipe: …"); a report
        # paragraph after a "Related" link is neither, and stops the block (the report goes on after the link).
        if len(line.split()) > TRAILING_LINK_MAX_WORDS or (is_sentence_like(line) and not _TEASER.match(line)):
            return


# "Read more: <headline>", "Read more on this story: <headline>": a link line that may open a trailing links
# block (only there: mid-report, a "See also: <title>" line can precede a table whose short rows are article text).
_READ_LINK = re.compile(r"^(?:read more|read also|also read|see also)\b[^:]{0,30}:\s*\S", re.IGNORECASE)


# A teaser's label: a few words and a colon at the line's start ("Going gluten-free: …", "Opinion: …").
_TEASER = re.compile(r"^[^\s.!?:]+(?: [^\s.!?:]+){0,5}: \S")


def _is_links_header(line: str) -> bool:
    return line.endswith(":") or (len(line.split()) <= 4 and ":" not in line)


# Colon lines in a row at the end of a report: each introduces an embed the page lost (see below).
TRAILING_INTROS_MIN = 2


def _mark_trailing_intros(lines: Sequence[str], removed: list[tuple[int, str]]) -> None:
    """Two or more kept lines ending in a colon at the very end of a report ("In this video interview, she
    shares …:", "… at the show:") introduce embeds (videos, photos, tweets) that the page lost: nothing follows
    any of them. A single trailing colon line may be a report sentence whose quote was cut ("X told Y that …:"),
    and a colon line with report text after it introduces that text: both are kept.

    Structure, not vocabulary: on the boilerplate train/dev pages it fires on no line (a whole page ends in its
    footer, not in intros); on scraped report text it finds intros whose videos and photos were dropped."""
    decided = {i for i, _ in removed}
    run: list[int] = []
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if not line or i in decided:
            continue
        if not line.endswith(":") or len(line.split()) > LINK_MAX_WORDS:
            break
        run.append(i)
    if len(run) >= TRAILING_INTROS_MIN:
        removed.extend((i, "embed intro") for i in sorted(run))


# A headline is short: the longest in the example stories has 9 words; news style guides cap them near 10-12
# and scraped "title: subtitle" headlines on realnews-dev stay under 20.
HEADLINE_MAX_WORDS = 20
_SENTENCE_STOP = re.compile(r"[.…;:,][\"'”’)\]]*$")


def is_headline_shaped(line: str, following: str) -> bool:
    """Can ``line``, the first text line of a plain-text report, be its headline? ``following`` is the next text line.

    A .txt gives no markup to say which line is the title, and taking the first line blindly loses the whole
    text of a report that is one paragraph, or whose first line is a sentence. A headline is short (at most
    ``HEADLINE_MAX_WORDS`` words), does not end like a sentence (a full stop, ellipsis, comma, colon or semicolon;
    a question or an exclamation may be a headline), and has report text after it: a one-paragraph .txt is all
    body. A next line starting in lower case continues the same sentence (a hard-wrapped line), so it is body too.
    """
    if not following or len(line.split()) > HEADLINE_MAX_WORDS or _SENTENCE_STOP.search(line):
        return False
    return not following[:1].islower()


def _next_text_line(lines: Sequence[str], i: int) -> str:
    """The first non-empty line after ``i`` that no furniture pattern claims; "" when there is none."""
    return next((line for line in lines[i + 1 :] if line and furniture_reason(line) is None), "")


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
