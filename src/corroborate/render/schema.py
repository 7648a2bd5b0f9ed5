"""The JSON Schemas of every JSON output, generated from the typed records (:mod:`corroborate.records`).

``BRIEFING_SCHEMA``: one briefing (schema_version "2"; each ``--format jsonl`` line); ``DOCUMENT_SCHEMA``: a
whole ``brief``/``show --format json`` output (one briefing, or a list of briefings for several stories);
``STORIES_SCHEMA``: ``stories --format json``; ``OUTCOME_SCHEMA``: one line of ``ingest --outcomes``.
"""

from __future__ import annotations

from typing import Any

from ..records import briefing_document_schema, json_schema

BRIEFING_SCHEMA: dict[str, Any] = json_schema("briefing")
DOCUMENT_SCHEMA: dict[str, Any] = briefing_document_schema()
STORIES_SCHEMA: dict[str, Any] = json_schema("stories")
OUTCOME_SCHEMA: dict[str, Any] = json_schema("outcome")

SCHEMAS: dict[str, dict[str, Any]] = {
    "briefing": DOCUMENT_SCHEMA,
    "stories": STORIES_SCHEMA,
    "outcome": OUTCOME_SCHEMA,
}
