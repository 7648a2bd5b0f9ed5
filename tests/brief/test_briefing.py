"""The briefing contract end to end on a small hand-written story; properties over generated stories."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corroborate import Config, brief_paths
from corroborate.brief.briefing import check_citations
from corroborate.model import RawReport
from corroborate.pipeline import brief_reports
from corroborate.render.schema import BRIEFING_SCHEMA
from support import source_articles


def _spans(briefing: dict[str, Any]) -> list[dict[str, Any]]:
    items = briefing["summary"] + briefing["quotes"] + briefing["timeline"]
    spans = [s for item in items for s in item["spans"]]
    spans += [s for claim in briefing["claims"] for v in claim["values"] for s in v["spans"]]
    return spans


def assert_briefing_is_sound(briefing: dict[str, Any], max_words: int) -> None:
    jsonschema.validate(briefing, BRIEFING_SCHEMA)
    texts = {s["id"]: s["text"] for s in briefing["sources"]}
    for span in _spans(briefing):
        assert 0 <= span["start"] < span["end"] <= len(texts[span["source"]])
    for item in briefing["summary"]:
        origin = [s for s in item["spans"] if s["source"] == item["origin"]][0]
        assert texts[item["origin"]][origin["start"] : origin["end"]] == item["text"]
        assert set(item["sources"]) == {s["source"] for s in item["spans"]}
    assert sum(len(item["text"].split()) for item in briefing["summary"]) <= max_words


def test_mini_story_briefing(mini_story: Path) -> None:
    run = brief_paths([mini_story], Config())
    (briefing,) = run.briefings
    assert_briefing_is_sound(briefing, 200)
    assert briefing["story"]["articles"] == 3
    by_id = {s["id"]: s for s in briefing["sources"]}
    assert by_id["wire"]["outlet"] == "Meridian Press" and by_id["wire"]["published"] == "2026-03-07"
    assert by_id["ledger"]["outlet"] == "The Harbour Ledger"
    assert "Vote Now" in by_id["wire"]["removed_lines"] and "He denied it." in by_id["wire"]["text"]
    toll = [i for i in briefing["summary"] if "62 people" in i["text"]]
    assert toll and set(toll[0]["sources"]) == {"wire", "courier"}  # not the ledger: it says "more than 80"


def test_same_input_same_output(mini_story: Path) -> None:
    first = json.dumps(brief_paths([mini_story]).briefings, sort_keys=True)
    second = json.dumps(brief_paths([mini_story]).briefings, sort_keys=True)
    assert first == second


def test_input_order_changes_only_the_story_id(mini_story: Path) -> None:
    from corroborate.cluster.stories import story_id_for
    from corroborate.ingest import read_paths
    from corroborate.pipeline import report_id

    files = sorted(mini_story.iterdir())
    (forward,) = brief_paths(files).briefings
    (backward,) = brief_paths(list(reversed(files))).briefings
    # The story id names the story's founding report (the first read), as `ingest` names it.
    for briefing, first in ((forward, files[0]), (backward, files[-1])):
        (raw,), _ = read_paths([first])
        assert briefing["story"]["id"] == story_id_for(report_id(raw))
    forward["story"]["id"] = backward["story"]["id"] = "-"
    assert json.dumps(forward, sort_keys=True) == json.dumps(backward, sort_keys=True)


def test_records_with_story_are_briefed_separately() -> None:
    raws = [
        RawReport(
            "a1", "a1", "The dam talks stalled on Friday in Krell, officials said. Negotiators left.", story="dam"
        ),
        RawReport("a2", "a2", "Negotiators said the dam talks in Krell stalled on Friday.", story="dam"),
        RawReport("b1", "b1", "Floods closed the Vell bridge on Monday. Traffic was diverted.", story="flood"),
    ]
    run = brief_reports(raws, Config())
    assert [b["story"]["id"] for b in run.briefings] == ["dam", "flood"]
    assert [b["story"]["articles"] for b in run.briefings] == [2, 1]


_WORDS = st.sampled_from(
    "the minister said talks in Krell stalled on Friday after floods closed a bridge near Vell and 12 people "
    "were hurt while officials denied any delay".split()
)
_SENTENCE = st.lists(_WORDS, min_size=3, max_size=14).map(lambda ws: " ".join(ws).capitalize() + ".")
_REPORT = st.lists(_SENTENCE, min_size=1, max_size=6).map(lambda ss: "Headline\n" + "\n".join(ss))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_REPORT, min_size=1, max_size=4), st.integers(min_value=5, max_value=80))
def test_properties_spans_budget_citations(reports: list[str], max_words: int) -> None:
    raws = [RawReport(f"r{i}", f"r{i}", text, title_in_text=True) for i, text in enumerate(reports)]
    config = Config()
    config = type(config)(summary=type(config.summary)(max_words=max_words))
    run = brief_reports(raws, config)
    for briefing in run.briefings:
        assert_briefing_is_sound(briefing, max_words)
        articles = source_articles(briefing)
        check_citations(briefing, articles, config.brief.citation_min_support)


def test_summary_sentences_carry_their_resolved_relative_dates() -> None:
    import datetime as dt

    from corroborate.render import render

    published = dt.date(2031, 6, 11)  # a Wednesday
    saturday = published - dt.timedelta(days=(published.weekday() - 5) % 7)
    raws = [
        RawReport("a", "a", "The Orvane bridge in Velstad collapsed on Saturday, the transport ministry said. "
                  "Repairs to the Orvane bridge will begin on 2 July 2031, the ministry said.", published=published),
        RawReport("b", "b", "Velstad's Orvane bridge collapsed on Saturday, according to the transport ministry. "
                  "Velstad's transport ministry said the Orvane bridge repairs begin on 2 July 2031.",
                  published=published),
    ]
    briefing = brief_reports(raws, Config()).briefings[0]
    jsonschema.validate(briefing, BRIEFING_SCHEMA)
    by_text = {item["text"]: item for item in briefing["summary"]}
    collapsed = next(item for text, item in by_text.items() if "Saturday" in text)
    origin = raws[0] if collapsed["origin"] == "a" else raws[1]
    at = origin.text.index("Saturday")
    where = {"source": origin.id, "start": at, "end": at + len("Saturday"), "text": "Saturday"}
    assert collapsed["dates"] == [{"expression": "Saturday", "date": saturday.isoformat(), "span": where}]
    repairs = next(item for text, item in by_text.items() if "2 July 2031" in text)
    assert repairs["dates"] == []  # an explicit date needs no resolution
    assert f"Saturday = {saturday.isoformat()}" in render([briefing], "md")
