"""Time expressions are found once per report, however many reference dates the timeline tries (issue 11)."""

from __future__ import annotations

import pytest

from corroborate.analyze.story.timeline import build_timeline
from corroborate.analyze.text.sentences import split_sentences
from corroborate.analyze.timex import TimexIndex, find_timexes
from corroborate.analyze.timex import find as timex_find
from corroborate.model import Article


def _article(aid: str, text: str) -> Article:
    return Article(id=aid, location=aid, text=text, sentences=split_sentences(text))


def test_the_rules_run_once_per_report(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = timex_find._candidates

    def counting(text: str) -> list:
        calls.append(text)
        return real(text)

    monkeypatch.setattr(timex_find, "_candidates", counting)
    # Fictional. Undated reports: the timeline infers each one's date, looks for the story's first event and
    # tries shifted reference dates so that "Monday" does not fall before it; all from one pass per report.
    reports = [
        _article("a", "Engineers warned on 2 April 2026 that the Velka dam was weak. It burst on Saturday."),
        _article("b", "The Velka dam burst on Saturday. The council declared Monday a day of mourning."),
        _article("c", "Rescuers searched the valley on Sunday, two days after the dam burst."),
    ]
    timeline = build_timeline(reports)
    assert timeline  # the story is dated
    whole = [t for t in calls if t in {r.text for r in reports}]
    assert sorted(whole) == sorted(r.text for r in reports)


def test_an_index_resolves_like_the_one_shot_finder() -> None:
    import datetime as dt

    text = "The strike began on Monday and ended two days later, on 9 March 2026. Talks resume next week."
    index = TimexIndex(text)
    for reference in (None, dt.date(2026, 3, 11), dt.date(2026, 3, 4)):
        assert index.resolve(reference) == find_timexes(text, reference)
