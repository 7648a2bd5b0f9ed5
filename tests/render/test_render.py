"""Outputs: every format renders; JSON validates against the schema; HTML is self-contained and escaped."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from corroborate import brief_paths
from corroborate.render import render
from corroborate.render.schema import BRIEFING_SCHEMA


@pytest.fixture()
def briefing_with_markup(mini_story: Path) -> dict:
    (mini_story / "evil.txt").write_text(
        "Tarvé <script>alert(1)</script> update\nThe blast in the central market of Qasreen on Saturday killed 62 "
        "people, officials said <b>bold</b> & more.\n",
        encoding="utf-8",
    )
    return brief_paths([mini_story]).briefings[0]


def test_json_and_jsonl_validate(briefing_with_markup: dict) -> None:
    jsonschema.validate(json.loads(render([briefing_with_markup], "json")), BRIEFING_SCHEMA)
    lines = render([briefing_with_markup, briefing_with_markup], "jsonl").splitlines()
    assert len(lines) == 2
    for line in lines:
        jsonschema.validate(json.loads(line), BRIEFING_SCHEMA)


def test_html_escapes_report_text_and_has_no_external_assets(briefing_with_markup: dict) -> None:
    page = render([briefing_with_markup], "html")
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<b>bold</b>" not in page
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert "<link" not in page
    assert page.count('href="#s0-src-') >= len(briefing_with_markup["summary"])


def test_markdown_cites_numbered_sources(briefing_with_markup: dict) -> None:
    text = render([briefing_with_markup], "md")
    assert text.startswith("# ")
    assert "## Summary" in text and "## Sources" in text
    assert re.search(r"\[\d\]", text)
    assert "<script>" not in text


def test_unknown_format_is_a_clear_error(briefing_with_markup: dict) -> None:
    with pytest.raises(ValueError, match="unknown format"):
        render([briefing_with_markup], "pdf")


def test_partial_quotes_are_marked_in_every_output(briefing_with_markup: dict) -> None:
    """Issue 12: a partial quotation (a fragment inside the outlet's own sentence) is marked as one."""
    briefing = json.loads(json.dumps(briefing_with_markup))
    assert briefing["quotes"], "the mini story has quotes"
    fragment, whole = dict(briefing["quotes"][0], partial=True), dict(briefing["quotes"][0], partial=False)
    for quotes, marked in (([fragment], True), ([whole], False)):
        briefing["quotes"] = quotes
        jsonschema.validate(json.loads(render([briefing], "json")), BRIEFING_SCHEMA)
        assert json.loads(render([briefing], "json"))["quotes"][0]["partial"] is marked
        for fmt in ("md", "html"):
            assert ("(partial quote)" in render([briefing], fmt)) is marked, fmt
