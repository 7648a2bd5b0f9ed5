"""How the briefing shows figures: disagreements only for disputed claims, updates as updates, background marked."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from corroborate import brief_paths
from corroborate.render import render
from corroborate.render.view import claim_fact_lines, disagreement_lines, sections


def _value(text: str, low: float, sources: list[str], who: str | None = None) -> dict[str, Any]:
    return {"text": text, "low": low, "high": low, "attributed_to": who, "sources": sources, "spans": [],
            "attributions": [], "attribution_spans": [], "unit": None, "approx": False}


def _claim(measure: str, values: list[dict[str, Any]], *, disputed: bool = False, updates: bool = False,
           scope: str = "story", marker: str | None = None, subject: str | None = None) -> dict[str, Any]:
    return {"measure": measure, "subject": subject, "disputed": disputed, "values": values, "scope": scope,
            "scope_marker": marker, "updates": updates}


NUMBERS = {"a": 1, "b": 2, "c": 3}
CLAIMS = [
    _claim("killed", [_value("12", 12, ["a"], "police"), _value("20", 20, ["b"])], disputed=True),
    _claim("wounded", [_value("19", 19, ["a"]), _value("29", 29, ["b", "c"])], updates=True),
    _claim("rockets", [_value("40", 40, ["a", "c"])]),
    _claim("killed", [_value("300", 300, ["a", "b"])], scope="background", marker="2009", subject="civilians"),
    _claim("lanes", [_value("5", 5, ["c"])]),  # one outlet only: not a headline fact
]


def test_only_disputed_claims_are_disagreements() -> None:
    lines = disagreement_lines(CLAIMS, NUMBERS)
    assert [ln.text for ln in lines] == ["12, according to police", "20, according to the outlet itself"]
    assert {ln.label for ln in lines} == {"killed"}
    assert disagreement_lines(CLAIMS[1:], NUMBERS) == []  # an update never reads as a disagreement


def test_facts_list_multi_outlet_claims_disputed_and_updated_first_background_marked() -> None:
    lines = claim_fact_lines(CLAIMS, NUMBERS)
    labels = [ln.label for ln in lines]
    assert labels[:3] == ["killed", "killed", "wounded"]
    assert "lanes" not in labels
    assert labels[-1] == "killed (civilians) [background: 2009]"
    update = lines[2]
    assert "19 → 29" in update.text and "later reports" in update.text and update.refs == [1, 2, 3]
    assert all("(disputed)" in ln.text for ln in lines[:2])
    assert labels.index("rockets") < labels.index("killed (civilians) [background: 2009]")


@pytest.fixture()
def briefing(mini_story: Path) -> dict[str, Any]:
    made = copy.deepcopy(brief_paths([mini_story]).briefings[0])
    made["claims"] = copy.deepcopy(CLAIMS)
    for claim in made["claims"]:
        for value in claim["values"]:
            value["sources"] = [made["sources"][0]["id"]]
    return made


def test_markdown_and_html_show_updates_apart_from_disagreements(briefing: dict[str, Any]) -> None:
    briefing["claims"] = [c for c in briefing["claims"] if not c["disputed"]]
    titles = [s.title for s in sections(briefing)]
    assert "Where sources disagree" not in titles
    for fmt in ("md", "html"):
        page = render([briefing], fmt)
        assert "where sources disagree" not in page.lower()
        assert "19 → 29" in page and "updated in later reports" in page
