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
    ),
}
