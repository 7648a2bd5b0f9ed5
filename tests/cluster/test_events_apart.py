"""Issue 10: same-kind events told apart by their time evidence and names; small folders (``brief``) behave.

Fixtures are hand-written fictional reports: two dock strikes in one port four years apart (same words, other
union leader, other dates), and short unrelated reports that share only generic capitalised words.
"""

from __future__ import annotations

import datetime as dt

import pytest

from corroborate.cluster import StoryClusterer, stories
from corroborate.cluster.features import ReportFeatures, compute_features, first_full_date, year_counts
from corroborate.model import Article

STRIKE_2019 = [
    "Dock workers in Marrow Bay walked out on June 3, 2019, demanding a 6 percent raise. Union leader Teodor "
    "Quaid said the strike would last until the port authority improved its offer.",
    "The Marrow Bay port stood idle on June 4, 2019 as the dockers' strike entered its second day. Teodor Quaid "
    "told reporters the union had rejected a 3 percent offer.",
    "Ships queued outside Marrow Bay on June 5, 2019, the third day of the dock strike led by Teodor Quaid, whose "
    "union wants a 6 percent raise.",
]
STRIKE_2023 = [
    "Dock workers in Marrow Bay went on strike on September 12, 2023 over night-shift pay. Union chief Mira "
    "Solberg said the port authority had broken the 2021 agreement.",
    "Container ships waited outside Marrow Bay on September 13, 2023 as the dock strike called by Mira Solberg's "
    "union over night-shift pay entered its second day.",
    "Mira Solberg said on September 14, 2023 that Marrow Bay dockers would stay on strike until night-shift pay "
    "was restored.",
]
FLOOD = [
    "The Orvane river flooded Velstad on Monday; mayor Ilsa Kovell ordered the evacuation of the lower town.",
    "Mayor Ilsa Kovell said floodwater from the Orvane covered half of Velstad and rescue boats were deployed.",
]
BUDGET = [
    "Finance minister Arun Teller presented the Kessland budget on Monday, raising the fuel tax by 4 percent.",
    "Arun Teller's budget raises Kessland's fuel tax and cuts the defence allocation, opposition leaders said.",
]


def _place(items: list[tuple[str, str, dt.date | None]]) -> dict[str, str]:
    clusterer = StoryClusterer()
    out = {}
    for rid, text, published in items:
        article = Article(id=rid, location=rid, text=text, published=published)
        out[rid] = clusterer.assign(rid, compute_features(article)).story_id
    return out


def _interleaved_strikes(published: bool = False) -> list[tuple[str, str, dt.date | None]]:
    items: list[tuple[str, str, dt.date | None]] = []
    for i in range(3):
        items.append((f"a{i}", STRIKE_2019[i], dt.date(2019, 6, 3 + i) if published else None))
        items.append((f"b{i}", STRIKE_2023[i], dt.date(2023, 9, 12 + i) if published else None))
    return items


def _groups(placed: dict[str, str]) -> set[frozenset[str]]:
    by_story: dict[str, set[str]] = {}
    for rid, sid in placed.items():
        by_story.setdefault(sid, set()).add(rid)
    return {frozenset(members) for members in by_story.values()}


def test_same_kind_events_years_apart_without_published_dates_stay_apart() -> None:
    """The dates and years written in the text keep the 2019 and 2023 strikes apart."""
    assert _groups(_place(_interleaved_strikes())) == {frozenset({"a0", "a1", "a2"}), frozenset({"b0", "b1", "b2"})}


def test_without_time_evidence_the_two_strikes_merge(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fixture is hard enough: words and names alone put the 2023 strike into the 2019 story."""
    monkeypatch.setattr(stories, "YEAR_CONFLICT_PENALTY", 0.0)
    monkeypatch.setattr(stories, "DATE_CONFLICT_PENALTY", 0.0)
    assert len(_groups(_place(_interleaved_strikes()))) == 1


def test_published_dates_keep_the_strikes_apart_by_the_time_window(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stories, "YEAR_CONFLICT_PENALTY", 0.0)
    monkeypatch.setattr(stories, "DATE_CONFLICT_PENALTY", 0.0)
    assert len(_groups(_place(_interleaved_strikes(published=True)))) == 2


def test_small_folder_two_unrelated_reports_are_two_stories() -> None:
    """``brief`` on a folder of two: generic capitalised words (Monday) must not join them."""
    placed = _place([("f0", FLOOD[0], None), ("b0", BUDGET[0], None)])
    assert placed["f0"] != placed["b0"]


QUAID_REWORDED = (
    "Cranes stood still and lorries were turned away from the gates as the Marrow Bay dock strike began. Teodor "
    "Quaid, speaking outside the harbour office, accused managers of ignoring years of rising rents and food prices, "
    "and promised pickets around the clock until his union's raise was granted."
)
QUAID_FIRST = (
    "Dock workers in Marrow Bay walked out on Monday, demanding a 6 percent raise. Union leader Teodor Quaid said "
    "the strike would last until the port authority improved its offer."
)


def test_small_folder_reworded_report_of_the_same_event_joins() -> None:
    """Regression (issue 10): a second report worded differently was never scored against the first, because
    its heaviest terms were all new (the highest IDF) and new terms retrieve no story."""
    placed = _place([("a", QUAID_FIRST, None), ("b", QUAID_REWORDED, None)])
    assert placed["a"] == placed["b"]


def test_small_folder_two_stories_of_two_reports() -> None:
    placed = _place(
        [("f0", FLOOD[0], None), ("s0", QUAID_FIRST, None), ("f1", FLOOD[1], None), ("s1", QUAID_REWORDED, None)]
    )
    assert _groups(placed) == {frozenset({"f0", "f1"}), frozenset({"s0", "s1"})}


def test_year_counts_skip_amounts_and_percentages() -> None:
    counts = year_counts("In 2008, $2010 and 2010% and 2,010 and 2011.5 were not years; (2012) was.", None)
    assert counts == {2008: 1, 2012: 1}
    assert year_counts("No year here.", dt.date(2020, 5, 1)) == {2020: 2}


def test_first_full_date_prefers_the_headline() -> None:
    assert first_full_date("Tuesday, May 24, 2005", "On June 1, 2004 the coach left.") == dt.date(2005, 5, 24)
    assert first_full_date(None, "The coach left on 1 June 2004.") == dt.date(2004, 6, 1)
    assert first_full_date(None, "No date at all.") is None


def test_features_written_before_issue_10_still_load() -> None:
    """Stored features without ``years`` / ``text_date`` (older rows) load as empty time evidence."""
    new = compute_features(Article(id="a0", location="a0", text=STRIKE_2019[0]))
    assert new.top_year == 2019 and new.text_date == dt.date(2019, 6, 3)
    signature = new.signature.tobytes()
    again = ReportFeatures.from_json(new.to_json(), signature)
    assert again.years == new.years and again.text_date == new.text_date and again.terms == new.terms
    old = {k: v for k, v in new.to_json().items() if k not in ("years", "text_date")}
    loaded = ReportFeatures.from_json(old, signature)
    assert loaded.years == {} and loaded.text_date is None and loaded.top_year is None and loaded.when is None
