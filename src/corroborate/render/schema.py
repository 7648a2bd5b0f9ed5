"""The JSON Schema of the briefing (schema_version "1"): the public contract of every JSON output."""

from __future__ import annotations

from typing import Any

_STR_OR_NULL: dict[str, Any] = {"type": ["string", "null"]}
_IDS: dict[str, Any] = {"type": "array", "items": {"type": "string"}}
_SPAN: dict[str, Any] = {
    "type": "object",
    "required": ["source", "start", "end"],
    "properties": {
        "source": {"type": "string"},
        "start": {"type": "integer", "minimum": 0},
        "end": {"type": "integer", "minimum": 0},
    },
}
_SPANS: dict[str, Any] = {"type": "array", "items": _SPAN}
_DATE = {"type": ["string", "null"], "pattern": r"^\d{4}-\d{2}-\d{2}$"}
_ERROR: dict[str, Any] = {
    "type": "object",
    "required": ["component", "source", "message"],
    "properties": {
        "component": {"type": "string"},
        "source": {"type": ["string", "null"]},
        "message": {"type": "string"},
    },
}


def _obj(required: list[str], **properties: Any) -> dict[str, Any]:
    return {"type": "object", "required": required, "properties": properties}


BRIEFING_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://corroborate.invalid/schema/briefing-1.json",
    "title": "corroborate briefing",
    "description": "One story's briefing. Every span is a character range [start, end) of sources[].text.",
    **_obj(
        [
            "schema_version",
            "story",
            "sources",
            "summary",
            "entities",
            "quotes",
            "claims",
            "timeline",
            "coverage",
            "rejected",
        ],
        schema_version={"const": "1"},
        story=_obj(
            ["id", "headline", "articles", "sources"],
            id={"type": "string"},
            headline=_STR_OR_NULL,
            articles={"type": "integer", "minimum": 0},
            sources={"type": "integer", "minimum": 0},
            independent_sources={"type": "integer", "minimum": 0},
        ),
        sources={
            "type": "array",
            "items": _obj(
                ["id", "outlet", "title", "published", "location", "words", "text", "removed_lines"],
                id={"type": "string"},
                outlet=_STR_OR_NULL,
                title=_STR_OR_NULL,
                url={
                    "description": "the report's URL; only an absolute http(s) URL, else null (see url_rejected)",
                    "type": ["string", "null"],
                    "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://[^\\s]+$",
                },
                url_rejected={
                    "description": "why the report's URL was dropped (a scheme other than http or https, no host, "
                    "whitespace or control characters); null when it was kept or there was none",
                    "type": ["string", "null"],
                },
                published=_DATE,
                dateline={
                    "description": "the first dateline opening a paragraph ('CAIRO (Reuters) -'): text[start:end] "
                    "is the dateline with its separator, and no sentence includes it. month/day/year where it gives "
                    "them; agency with wire abbreviations expanded",
                    "type": ["object", "null"],
                    "required": ["start", "end", "text", "place", "month", "day", "year", "agency"],
                    "properties": {
                        "start": {"type": "integer", "minimum": 0},
                        "end": {"type": "integer", "minimum": 0},
                        "text": {"type": "string"},
                        "place": _STR_OR_NULL,
                        "month": {"type": ["integer", "null"], "minimum": 1, "maximum": 12},
                        "day": {"type": ["integer", "null"], "minimum": 1, "maximum": 31},
                        "year": {"type": ["integer", "null"]},
                        "agency": _STR_OR_NULL,
                    },
                },
                location={"type": "string"},
                words={"type": "integer", "minimum": 0},
                text={"type": "string"},
                removed_lines={"type": "array", "items": {"type": "string"}},
                removed={
                    "type": "array",
                    "description": "each removed line with its reason (a rule, or 'model: <kind>') and the "
                    "furniture model's P(furniture) (null where a rule removed the line or the model is off)",
                    "items": _obj(
                        ["line", "reason", "score"],
                        line={"type": "string"},
                        reason={"type": "string"},
                        score={"type": ["number", "null"], "minimum": 0, "maximum": 1},
                    ),
                },
                also_ids={
                    "description": "other ids the same report was given (an exact duplicate adds its id here)",
                    **_IDS,
                },
                revision={
                    "description": "1 for the first text seen under this id; a changed text under the same id is "
                    "the next revision (the briefing uses the latest)",
                    "type": "integer",
                    "minimum": 1,
                },
                errors={"description": "components that failed on this report", "type": "array", "items": _ERROR},
                analyzed_chars={
                    "description": "an over-long report is split into sentences, summarized and analyzed only in "
                    "text[:analyzed_chars] (analyze.max_chars_per_report); null when the whole text was read",
                    "type": ["integer", "null"],
                    "minimum": 0,
                },
                language={"description": "the report's detected language (ISO 639-1); null when too short to tell",
                          **_STR_OR_NULL},
                not_analyzed={
                    "description": "why the analysis (English only) left this report out of the summary, entities, "
                    "quotes, claims, timeline and coverage; null when it read it",
                    **_STR_OR_NULL,
                },
                input_notes={
                    "description": "what reading noticed and normalised (encoding detected, mixed encodings, fields)",
                    **_IDS,
                },
            ),
        },
        summary={
            "type": "array",
            "items": _obj(
                ["text", "sources", "spans"],
                text={"type": "string"},
                sources=_IDS,
                spans=_SPANS,
                dates={
                    "description": "relative date expressions of the sentence, resolved (see the timeline)",
                    "type": "array",
                    "items": _obj(
                        ["expression", "date"],
                        expression={"type": "string"},
                        date={"type": "string", "pattern": r"^\d{4}-\d{2}(-\d{2})?$"},
                    ),
                },
            ),
        },
        entities={
            "type": "array",
            "items": _obj(
                ["name", "type", "aliases", "sources", "mentions"],
                name={"type": "string"},
                type={"enum": ["PERSON", "ORG", "PLACE", "GROUP", "OTHER"]},
                aliases={"type": "array", "items": {"type": "string"}},
                sources=_IDS,
                mentions={"type": "integer", "minimum": 0},
            ),
        },
        quotes={
            "type": "array",
            "items": _obj(
                ["speaker", "text", "sources", "spans"],
                speaker=_STR_OR_NULL,
                text={"type": "string"},
                sources=_IDS,
                spans=_SPANS,
            ),
        },
        claims={
            "type": "array",
            "items": _obj(
                ["measure", "subject", "disputed", "values"],
                measure={"type": "string"},
                subject=_STR_OR_NULL,
                disputed={"type": "boolean"},
                values={
                    "type": "array",
                    "items": _obj(
                        ["text", "low", "high", "attributed_to", "sources", "spans"],
                        text={"type": "string"},
                        low={"type": ["number", "null"]},
                        high={"type": ["number", "null"]},
                        attributed_to=_STR_OR_NULL,
                        sources=_IDS,
                        spans=_SPANS,
                    ),
                },
            ),
        },
        timeline={
            "type": "array",
            "items": _obj(
                ["date", "text", "sources", "spans"],
                date={"type": "string", "pattern": r"^\d{4}-\d{2}(-\d{2})?$"},
                text={"type": "string"},
                sources=_IDS,
                spans=_SPANS,
            ),
        },
        coverage={
            "type": "array",
            "items": _obj(
                ["source", "unique", "omits"],
                source={"type": "string"},
                unique={"type": "array", "items": {"type": "string"}},
                omits={"type": "array", "items": {"type": "string"}},
            ),
        },
        rejected={
            "type": "array",
            "items": _obj(["location", "reason"], location={"type": "string"}, reason={"type": "string"}),
        },
        errors={
            "description": "every component failure behind this briefing: on one report (source = its id; the report "
            "is left out of that component only) or on the whole story (source null; that field is left empty)",
            "type": "array",
            "items": _ERROR,
        },
        config={"description": "the resolved options of the run (see docs/config.md)", "type": "object"},
        provenance=_obj(
            ["version", "config_digest", "models"],
            version={"type": "string"},
            config_digest={"description": "sha256 of the resolved config (first 16 hex digits)", "type": "string"},
            models={
                "description": "sha256 (first 16 hex digits) of each shipped model's files",
                "type": "object",
                "additionalProperties": {"type": "string"},
            },
        ),
    ),
}
