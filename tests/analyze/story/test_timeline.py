"""Timeline: reference dates for undated reports, relative dates, merging the same event across reports."""

from __future__ import annotations

import datetime as dt

from corroborate.analyze.story.timeline import build_timeline
from corroborate.analyze.text.sentences import split_sentences
from corroborate.analyze.timex import reference_dates
from corroborate.model import Article


def _article(aid: str, text: str, published: dt.date | None = None) -> Article:
    return Article(id=aid, location=aid, text=text, published=published, published_how="metadata" if published else None,
                   sentences=split_sentences(text))


# Fictional story: a dam breach in Velka reported by one dated and two undated reports.
DATED = _article("dated", "The Velka dam gave way on Saturday, flooding the lower town. Rescue crews arrived on Sunday.",
                 dt.date(2026, 4, 12))  # a Sunday
UNDATED_AFTER = _article("later", "The Velka dam burst on Saturday. The council declared Monday a day of mourning.")
UNDATED_OWN = _article("own", "Engineers had warned on 2 April 2026 that the Velka dam was weak. They were ignored.")


def test_reference_dates_say_how_they_were_found() -> None:
    refs = reference_dates([DATED, UNDATED_AFTER, UNDATED_OWN])
    assert refs["dated"].date == dt.date(2026, 4, 12) and "report date" in refs["dated"].how
    assert refs["own"].date == dt.date(2026, 4, 2) and "own text" in refs["own"].how
    # "Monday" must not fall before the story's first event (Saturday 11 April): the reference moves to 13 April.
    assert refs["later"].date == dt.date(2026, 4, 13) and "story" in refs["later"].how


def test_relative_dates_resolved_and_same_event_merged() -> None:
    timeline = [e.to_dict() for e in build_timeline([DATED, UNDATED_AFTER, UNDATED_OWN])]
    by_date: dict[str, list[dict]] = {}
    for entry in timeline:
        by_date.setdefault(entry["date"], []).append(entry)
    assert [e["date"] for e in timeline] == sorted(e["date"] for e in timeline)
    assert "2026-04-02" in by_date
    assert any("mourning" in e["text"] for e in by_date["2026-04-13"])
    assert any("Rescue crews" in e["text"] for e in by_date["2026-04-12"])
    saturday = by_date["2026-04-11"]
    assert all(e["resolved"][0]["expression"] for e in saturday)
    texts = {DATED.id: DATED.text, UNDATED_AFTER.id: UNDATED_AFTER.text, UNDATED_OWN.id: UNDATED_OWN.text}
    for entry in timeline:
        for span in entry["spans"]:
            assert texts[span["source"]][span["start"]:span["end"]] in (entry["text"], texts[span["source"]][span["start"]:span["end"]])
            assert 0 <= span["start"] < span["end"] <= len(texts[span["source"]])
            assert texts[span["source"]][span["start"] : span["end"]] == span["text"]
        for resolved in entry["resolved"]:  # the expression that dated the entry, as a span of its source
            cut = resolved["span"]
            assert texts[cut["source"]][cut["start"] : cut["end"]] == resolved["expression"] == cut["text"]


def test_no_dates_anywhere_gives_no_resolved_weekdays() -> None:
    undated = _article("u", "The Velka dam burst on Saturday.")
    assert reference_dates([undated])["u"].date is None
    assert all(not e.date.startswith("XXXX") for e in build_timeline([undated]))
