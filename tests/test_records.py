"""The typed records and the schema generated from them (issue 11)."""

from __future__ import annotations

import jsonschema
import pytest
from pydantic import ValidationError

from corroborate.records import SCHEMA_VERSION, Briefing, TextSpan, json_schema

# Every field name of schema version "1" (the hand-written schema it replaces): version 2 keeps them all.
V1_FIELDS = {
    "": {"schema_version", "story", "sources", "summary", "entities", "quotes", "claims", "timeline", "coverage",
         "rejected", "errors", "config", "provenance"},
    "story": {"id", "headline", "articles", "sources", "independent_sources"},
    "sources": {"id", "outlet", "title", "url", "url_rejected", "published", "dateline", "location", "words", "text",
                "removed_lines", "removed", "also_ids", "revision", "errors", "analyzed_chars", "language",
                "not_analyzed", "input_notes"},
    "summary": {"text", "sources", "spans", "dates"},
    "entities": {"name", "type", "aliases", "sources", "mentions"},
    "quotes": {"speaker", "text", "sources", "spans"},
    "claims": {"measure", "subject", "disputed", "values"},
    "timeline": {"date", "text", "sources", "spans"},
    "coverage": {"source", "unique", "omits"},
    "rejected": {"location", "reason"},
    "provenance": {"version", "config_digest", "models"},
}


def _properties(schema: dict, path: str) -> dict:
    node = schema
    for part in filter(None, path.split(".")):
        node = node["properties"][part]
        node = node.get("items", node)
    return node["properties"]


def test_schema_2_keeps_every_field_of_schema_1_and_requires_every_field() -> None:
    schema = json_schema("briefing")
    assert schema["properties"]["schema_version"]["const"] == SCHEMA_VERSION == "2"
    for path, names in V1_FIELDS.items():
        props = _properties(schema, path)
        assert names <= set(props), (path, names - set(props))
    # the fields the hand-written schema had drifted from are now part of it
    assert {"origin", "dates"} <= set(_properties(schema, "summary"))
    assert "copies" in _properties(schema, "story")
    assert "partial" in _properties(schema, "quotes")
    assert "attributions" in _properties(schema, "claims.values")
    assert "resolved" in _properties(schema, "timeline")
    span = _properties(schema, "quotes.spans")
    assert set(span) == {"source", "start", "end", "text"}
    assert set(schema["properties"]["quotes"]["items"]["required"]) == set(_properties(schema, "quotes"))


def test_records_refuse_unknown_fields_and_the_schema_refuses_them_too() -> None:
    with pytest.raises(ValidationError):
        TextSpan.model_validate({"source": "a", "start": 0, "end": 1, "text": "x", "extra": 1})
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"source": "a", "start": 0, "end": 1, "text": "x", "extra": 1},
                            json_schema("briefing")["properties"]["quotes"]["items"]["properties"]["spans"]["items"])
    with pytest.raises(ValidationError):
        Briefing.model_validate({"schema_version": "1"})


def test_unknown_schema_name_fails_clearly() -> None:
    with pytest.raises(ValueError, match="choose one of"):
        json_schema("nonsense")
