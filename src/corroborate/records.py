"""The briefing as typed records: the one definition of every JSON output, its schema generated from it.

``brief`` assembles a :class:`Briefing` from typed parts (``analyze.story`` returns a :class:`StoryAnalysis`);
``render`` serialises its JSON form. The JSON Schema that ``corroborate schema`` prints and the tests validate
every output against is generated from these classes (:func:`json_schema`), so the contract cannot drift from
the code. Schema version "2" keeps every field name of version "1" and adds: ``text`` on every span (exactly
``sources[source].text[start:end]``), the entity's ``name_span``, each quote's ``speaker_spans``, each claim
value's ``attribution_spans``, the ``span`` of every resolved date expression, and the spans of every coverage
line. Records are pydantic models (a well-kept library that validates and writes the schema); fields keep the
order of the JSON output.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

SCHEMA_VERSION: Literal["2"] = "2"

_DAY = r"^\d{4}-\d{2}-\d{2}$"
_DAY_OR_MONTH = r"^\d{4}-\d{2}(-\d{2})?$"
_HTTP_URL = r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s]+$"


class Record(BaseModel):
    """Base of every record: unknown fields are an error, so the schema is the whole contract."""

    # Every field is always written, so in the schema every field is required (defaults only ease construction).
    model_config = ConfigDict(extra="forbid", json_schema_serialization_defaults_required=True)

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


class TextSpan(Record):
    """A half-open character range of one source's cleaned text, with the text it cuts."""

    source: str = Field(description="the report's id (sources[].id)")
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str = Field(description="exactly sources[source].text[start:end] (new in schema 2)")


class CitedSpan(TextSpan):
    """A span that supports a summary sentence, with the share of the sentence's content it carries."""

    support: float = Field(ge=0, le=1)


class Dateline(Record):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    place: str | None
    month: int | None = Field(ge=1, le=12)
    day: int | None = Field(ge=1, le=31)
    year: int | None
    agency: str | None


class Removal(Record):
    line: str
    reason: str
    score: float | None = Field(ge=0, le=1)


class ComponentError(Record):
    component: str
    source: str | None
    message: str


class SentenceSpan(Record):
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Source(Record):
    """One report as the briefing used it: metadata, its cleaned text (every span's reference) and what cleaning
    removed."""

    id: str
    outlet: str | None
    title: str | None
    published: str | None = Field(pattern=_DAY)
    published_how: str | None
    location: str
    url: str | None = Field(
        pattern=_HTTP_URL, description="the report's URL; only an absolute http(s) URL, else null (see url_rejected)"
    )
    url_rejected: str | None = Field(
        description="why the report's URL was dropped (a scheme other than http or https, no host, whitespace or "
        "control characters); null when it was kept or there was none"
    )
    author: str | None
    words: int = Field(ge=0)
    duplicate_of: str | None
    cites_outlets: list[str]
    dateline: Dateline | None = Field(
        description="the first dateline opening a paragraph ('CAIRO (Reuters) -'): text[start:end] is the dateline "
        "with its separator, and no sentence includes it"
    )
    sentences: list[SentenceSpan]
    text: str
    removed_lines: list[str]
    removed: list[Removal] = Field(
        description="each removed line with its reason (a rule, or 'model: <kind>') and the furniture model's "
        "P(furniture) (null where a rule removed the line or the model is off)"
    )
    also_ids: list[str] = Field(description="other ids the same report was given (exact duplicates)")
    revision: int = Field(
        ge=1,
        description="1 for the first text seen under this id; a changed text under the same id is the next "
        "revision (the briefing uses the latest)",
    )
    errors: list[ComponentError] = Field(description="components that failed on this report")
    language: str | None = Field(description="the detected language (ISO 639-1); null when too short to tell")
    analyzed_chars: int | None = Field(
        ge=0,
        description="an over-long report is analyzed only in text[:analyzed_chars] "
        "(analyze.max_chars_per_report); null when the whole text was read",
    )
    not_analyzed: str | None = Field(
        description="why the analysis (English only) left this report out; null when it read it"
    )
    input_notes: list[str] = Field(description="what reading noticed and normalised (encoding, fields)")


class Copy(Record):
    source: str
    copy_of: str


class Story(Record):
    id: str
    headline: str | None
    headline_from: Literal["title", "summary"] | None = Field(
        default=None,
        description="title: the most corroborated outlet headline; summary: no outlet headline fits, so the "
        "most corroborated summary sentence (new in schema 2)",
    )
    articles: int = Field(ge=0)
    sources: int = Field(ge=0)
    independent_sources: int = Field(ge=0)
    copies: list[Copy]


class ResolvedDate(Record):
    expression: str
    date: str = Field(pattern=_DAY_OR_MONTH)
    span: TextSpan | None = Field(default=None, description="where the expression stands in its source (new in 2)")


class SummaryItem(Record):
    text: str = Field(description="a whole sentence of the origin source: the origin's span cuts exactly this")
    sources: list[str]
    spans: list[CitedSpan]
    origin: str = Field(description="the source whose sentence this is")
    score: float
    dates: list[ResolvedDate] = Field(
        default_factory=list, description="relative date expressions of the sentence, resolved (see the timeline)"
    )


EntityType = Literal["PERSON", "ORG", "PLACE", "GROUP", "OTHER"]


class EntityRecord(Record):
    name: str
    type: EntityType
    aliases: list[str] = Field(description="other forms the story uses; each is the text of one of the spans")
    sources: list[str]
    mentions: int = Field(ge=0)
    spans: list[TextSpan] = Field(description="every mention")
    name_span: TextSpan | None = Field(
        default=None, description="a mention cutting exactly the name (new in schema 2)"
    )


class QuoteRecord(Record):
    speaker: str | None = Field(description="the speaker's canonical name (the story's entity), null when unknown")
    text: str = Field(description="the longest wording; each span cuts its own source's wording")
    sources: list[str]
    spans: list[TextSpan]
    partial: bool = Field(description="true when every outlet quotes only a fragment inside its own sentence")
    speaker_spans: list[TextSpan] = Field(
        default_factory=list,
        description="where each source attributes the quotation: the name, title or pronoun phrase (new in 2)",
    )


class ClaimValue(Record):
    text: str
    low: float | None
    high: float | None
    attributed_to: str | None
    sources: list[str]
    spans: list[TextSpan]
    attributions: list[str] = Field(description="'<source>: <who>' per source ('own voice' when unattributed)")
    attribution_spans: list[TextSpan] = Field(
        default_factory=list, description="where each source names who gives the value (new in schema 2)"
    )
    unit: str | None = Field(default=None, description="currency code of a sum of money (e.g. 'USD'), else null")
    approx: bool = Field(
        default=False, description="the figure is given as approximate ('about 60', 'nearly 200'): low = high = "
        "the figure; compatibility with other values allows 10% (at least 2) either side"
    )


class ClaimRecord(Record):
    measure: str = Field(description="what is counted: an event measure ('killed', 'arrested'), 'money', or the "
                         "counted noun or verb as written ('lanes', 'percent')")
    subject: str | None = Field(description="who or what is counted ('boarding lanes', 'employees fired', 'bond')")
    disputed: bool = Field(description="values from different outlets that cannot all be true")
    values: list[ClaimValue]
    scope: Literal["story", "background"] = Field(
        default="story", description="'background': the figure is about another time or event (never disputes "
        "the story's own figures)"
    )
    scope_marker: str | None = Field(default=None, description="the time expression that makes it background")
    updates: bool = Field(
        default=False, description="values differ as a running count grows (a later report's larger count, or "
        "a count 'so far'), shown as an update rather than a dispute"
    )


class Resolution(Record):
    source: str
    expression: str
    how: str
    span: TextSpan | None = Field(default=None, description="the expression in its source (new in schema 2)")
    borrowed: bool = Field(
        default=False,
        description="the date counts from a reference date taken from another report of the story, not its own",
    )


class TimelineEntry(Record):
    date: str = Field(pattern=_DAY_OR_MONTH)
    text: str
    sources: list[str]
    spans: list[TextSpan]
    resolved: list[Resolution] = Field(description="per span: which expression dated it, and how")
    background: bool = Field(
        default=False,
        description="a date well before the story's first event (context such as an earlier case), not an event "
        "of the story itself",
    )


class CoverageRecord(Record):
    source: str
    unique: list[str] = Field(
        description="statements only this source carries, best first: each a sentence of this source"
    )
    omits: list[str] = Field(
        description="what most other sources carry and this one lacks, most widely carried first: each a "
        "sentence of a source that carries it"
    )
    unique_spans: list[TextSpan] = Field(
        default_factory=list, description="unique[i] is cut by unique_spans[i], in this source (new in 2)"
    )
    omits_spans: list[TextSpan] = Field(
        default_factory=list, description="omits[i] is cut by omits_spans[i], in a source that carries it (new in 2)"
    )
    more_unique: list[str] = Field(
        default_factory=list,
        description="the source's other unique statements, ranked after the first max_unique (shown on demand)",
    )
    more_unique_spans: list[TextSpan] = Field(
        default_factory=list, description="more_unique[i] is cut by more_unique_spans[i], in this source"
    )
    omits_sources: list[list[str]] = Field(
        default_factory=list, description="omits[i] is carried by the sources omits_sources[i], in id order"
    )


class Rejection(Record):
    location: str
    reason: str


class Provenance(Record):
    version: str
    config_digest: str = Field(description="sha256 of the resolved config (first 16 hex digits)")
    models: dict[str, str] = Field(description="sha1/sha256 (first 16 hex digits) of each shipped model's files")


class StoryAnalysis(Record):
    """What ``analyze.story`` finds across a story's reports (the analysis fields of the briefing)."""

    entities: list[EntityRecord] = Field(default_factory=list)
    quotes: list[QuoteRecord] = Field(default_factory=list)
    claims: list[ClaimRecord] = Field(default_factory=list)
    timeline: list[TimelineEntry] = Field(default_factory=list)
    coverage: list[CoverageRecord] = Field(default_factory=list)
    # Sentences whose parse has no clause with a subject: captions, labels, headlines, list items and
    # imperatives left in a report's text. The summary does not take them (they are not statements that read
    # on their own); not a briefing field.
    fragments: list[TextSpan] = Field(default_factory=list)


class Briefing(Record):
    """One story's briefing. Every span is a character range [start, end) of sources[].text."""

    schema_version: Literal["2"] = SCHEMA_VERSION
    story: Story
    sources: list[Source]
    summary: list[SummaryItem]
    entities: list[EntityRecord]
    quotes: list[QuoteRecord]
    claims: list[ClaimRecord]
    timeline: list[TimelineEntry]
    coverage: list[CoverageRecord]
    rejected: list[Rejection]
    errors: list[ComponentError] = Field(
        description="every component failure behind this briefing: on one report (source = its id) or on the "
        "whole story (source null; that field is left empty)"
    )
    config: dict[str, Any] = Field(description="the resolved options of the run (see docs/config.md)")
    provenance: Provenance


class ListedReport(Record):
    id: str
    outlet: str | None
    title: str | None
    url: str | None
    published: str | None = Field(pattern=_DAY)
    copy_of: str | None
    also_ids: list[str]
    revision: int = Field(ge=1)
    location: str


class StoryCounts(Record):
    articles: int = Field(ge=0)
    sources: int = Field(ge=0)
    independent_sources: int = Field(ge=0)


class ListedStory(Record):
    """One entry of ``corroborate stories --format json``."""

    id: str
    headline: str | None
    articles: list[str] = Field(description="the user's ids of the story's current reports, first seen first")
    reports: list[ListedReport]
    sources: list[str] = Field(description="the outlets")
    counts: StoryCounts
    first_published: str | None = Field(pattern=_DAY)
    last_published: str | None = Field(pattern=_DAY)


class IngestOutcome(Record):
    """One line of ``corroborate ingest --outcomes FILE`` (JSON Lines)."""

    location: str
    status: Literal["stored", "duplicate", "revised", "already-stored", "rejected"]
    report_id: str | None
    story_id: str | None
    detail: str | None


def _inline(node: Any, defs: dict[str, Any]) -> Any:
    """Replace each ``$ref`` by its definition (the records have no cycles), so the schema reads top-down."""
    if isinstance(node, dict):
        if "$ref" in node:
            target = defs[node["$ref"].rsplit("/", 1)[-1]]
            rest = {k: v for k, v in node.items() if k != "$ref"}
            return {**_inline(target, defs), **_inline(rest, defs)}
        return {k: _inline(v, defs) for k, v in node.items() if k != "$defs"}
    if isinstance(node, list):
        return [_inline(v, defs) for v in node]
    return node


SCHEMAS: dict[str, Any] = {
    "briefing": Briefing,
    "stories": list[ListedStory],
    "outcome": IngestOutcome,
}


def json_schema(what: str = "briefing") -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one output, generated from the records.

    ``briefing``: what ``brief``/``show`` write as JSON: one briefing, or a list of them for several stories
    (each JSON Lines line is one briefing); ``stories``: ``stories --format json``; ``outcome``: one line of
    ``ingest --outcomes``.
    """
    if what not in SCHEMAS:
        raise ValueError(f"no schema {what!r}; choose one of {', '.join(SCHEMAS)}")
    generated = TypeAdapter(SCHEMAS[what]).json_schema(mode="serialization")
    schema = _inline(generated, generated.get("$defs", {}))
    if what == "briefing":
        schema = {**schema, "$id": f"https://corroborate.invalid/schema/briefing-{SCHEMA_VERSION}.json"}
    head = {"$schema": "https://json-schema.org/draft/2020-12/schema"}
    return {**head, **schema}


def briefing_document_schema() -> dict[str, Any]:
    """Schema of a whole ``--format json`` document: one briefing object, or a list of briefings."""
    one = json_schema("briefing")
    body = {k: v for k, v in one.items() if k != "$schema"}
    return {
        "$schema": one["$schema"],
        "$id": "https://corroborate.invalid/schema/briefing-document.json",
        "anyOf": [body, {"type": "array", "items": body}],
    }
