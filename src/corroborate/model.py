"""Plain data objects shared by every stage.

One report is one :class:`Article` holding its cleaned ``text``; sentences and every later annotation are
character spans on that text (the spaCy ``Doc`` idea). Facts in a briefing point at spans in their sources,
never at copied strings, so a citation can be checked by reading the span back.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Span:
    """A half-open character range ``[start, end)`` of one source's cleaned text."""

    source: str
    start: int
    end: int

    def to_dict(self) -> dict[str, object]:
        return {"source": self.source, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Rejection:
    """An input that could not be used, with the reason, so nothing is dropped silently."""

    location: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        return {"location": self.location, "reason": self.reason}


@dataclass(frozen=True)
class ComponentError:
    """An exception one component raised on one report (or a whole story): recorded, and the run goes on.

    ``component`` names the stage ("clean", "sentences", "features", "entities", "quotes", "claims",
    "timeline", "coverage"); ``source`` is the report's id, None for a story-level failure.
    """

    component: str
    message: str
    source: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        return {"component": self.component, "source": self.source, "message": self.message}


@dataclass
class RawReport:
    """What ingest read from one file or record, before cleaning.

    ``text`` is plain text (HTML already extracted); metadata fields hold what the input itself declared.
    """

    id: str
    location: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    author: str | None = None
    story: str | None = None
    fmt: str = "txt"
    title_in_text: bool = False  # .txt inputs: the first non-empty line is the headline
    encoding: str | None = None  # how the bytes were decoded ("utf-8", "cp1251", "utf-8+cp1252" when mixed)
    encoding_confidence: float | None = None  # 0..1: 1.0 for a BOM, a declared charset or valid UTF-8
    encoding_note: str | None = None  # e.g. "mixed encodings: ... decoded line by line"
    language: str | None = None  # ISO 639-1 code detected from the text (py3langid); None when too short
    notes: list[str] = field(default_factory=list)  # what ingest normalised on the way in, and why


@dataclass(frozen=True)
class Removal:
    """A line the clean stage removed: the line, why (a rule's name or ``model: <kind>``), and the model's score.

    ``score`` is the furniture model's P(furniture) for the line; None where a rule removed it (the model only
    scores the lines the rules keep) or the model is switched off.
    """

    line: str
    reason: str
    score: float | None = None

    def to_dict(self) -> dict[str, object]:
        return {"line": self.line, "reason": self.reason, "score": self.score}


@dataclass(frozen=True)
class Dateline:
    """A dateline opening a paragraph ("NEW YORK, March 3 (Reuters) - "), a span the sentences skip.

    ``text`` is the cut text as it stood (without trailing spaces); ``place`` the place it names (None for a bare
    wire tag such as "(CNN)"); ``month``/``day``/``year`` where it gives them; ``agency`` the credited agency, wire
    abbreviations expanded ("AP" -> "Associated Press").
    """

    text: str
    place: str | None = None
    month: int | None = None
    day: int | None = None
    year: int | None = None
    agency: str | None = None
    start: int = 0  # span in Article.text: [start, end) is the dateline with its separator
    end: int = 0

    def to_dict(self) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "place": self.place,
            "month": self.month,
            "day": self.day,
            "year": self.year,
            "agency": self.agency,
        }


@dataclass
class Article:
    """One cleaned report: the text every span refers to, plus what cleaning learned and removed.

    Reads: a :class:`RawReport`. Written by ``clean`` (text, removed_lines, outlet, published, cites) and
    ``analyze`` (sentences and later annotations).
    """

    id: str
    location: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    published_how: str | None = None  # "metadata" | "dateline" | None
    author: str | None = None
    story: str | None = None
    removed_lines: list[str] = field(default_factory=list)
    removals: list[Removal] = field(default_factory=list)  # the same lines, each with its reason and score
    cites_outlets: list[str] = field(default_factory=list)  # "(Via X)": outlets the report credits
    dateline: Dateline | None = None  # the first dateline, if any
    datelines: list[Dateline] = field(default_factory=list)  # every paragraph-opening dateline (spans)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    duplicate_of: str | None = None
    errors: list[ComponentError] = field(default_factory=list)  # components that failed on this report
    also_ids: list[str] = field(default_factory=list)  # other ids the same report was given (exact duplicates)
    revision: int = 1  # 1 for the first text seen under this id; each changed text re-ingested adds one
    language: str | None = None  # the reader's detected language (ISO 639-1), None when too short to tell
    analyzed_chars: int | None = None  # the analysis read text[:analyzed_chars] only (None: the whole text)
    input_notes: list[str] = field(default_factory=list)  # what reading noticed (encoding, normalised fields)

    @property
    def not_analyzed(self) -> str | None:
        """Why the (English-only) analysis components skip this report, or None when they read it."""
        if self.language and self.language != "en":
            return f"written in {self.language!r}: the analysis components read English only"
        return None

    @property
    def words(self) -> int:
        return len(self.text.split())

    def sentence_texts(self) -> list[str]:
        return [self.text[s:e] for s, e in self.sentences]

    @property
    def content_hash(self) -> str:
        return hashlib.sha1(self.text.encode("utf-8")).hexdigest()
