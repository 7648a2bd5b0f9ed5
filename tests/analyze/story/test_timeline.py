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


# Issue 12: rules that hold on real news. Every text below is fictional.
def _parsed_timeline(articles: list[Article]) -> list[dict]:
    from corroborate.analyze.syntax import parse
    from corroborate.document import make_doc

    docs = {a.id: make_doc(a) for a in articles}
    parse(list(docs.values()))
    return [e.to_dict() for e in build_timeline(articles, docs)]


def _dates(timeline: list[dict]) -> set[str]:
    return {e["date"] for e in timeline}


def test_a_past_clause_puts_a_yearless_month_before_the_report() -> None:
    report = _article("p", "Ravel, hired in April to run the Orlin depot, resigned on Friday.", dt.date(2031, 2, 21))
    timeline = _parsed_timeline([report])
    assert "2030-04" in _dates(timeline) and "2031-04" not in _dates(timeline)
    assert "2031-02-21" in _dates(timeline)


def test_a_future_clause_and_a_named_weekday_place_a_yearless_day() -> None:
    report = _article("f", "The Orlin council will vote on Feb. 3. Its last vote was on Monday, March 1.", dt.date(2027, 2, 20))
    dates = _dates(_parsed_timeline([report]))
    assert "2028-02-03" in dates  # future: the next 3 February, not the one just gone
    assert "2027-03-01" in dates  # 1 March 2027 is a Monday


def test_habitual_sentences_and_ranges() -> None:
    report = _article("h", "Floods usually peak in October. From August to December 2030, twelve homes flooded.",
                      dt.date(2031, 5, 1))
    dates = _dates(_parsed_timeline([report]))
    assert not any(d.endswith("-10") for d in dates)  # "usually peak in October" dates no event
    assert "2030-08" in dates and "2031-08" not in dates


def test_clock_times_take_their_sentence_day_and_never_a_borrowed_date() -> None:
    dated = _article("a", "The Orlin bridge closed on Saturday.", dt.date(2031, 3, 8))  # a Saturday
    undated = _article("b", "Crews arrived Friday and left at 6 p.m. A siren sounded at 9 a.m.")
    timeline = _parsed_timeline([dated, undated])
    by_expression = {r["expression"]: (e["date"], r) for e in timeline for r in e["resolved"]}
    assert dt.date.fromisoformat(by_expression["6 p.m."][0]).isoweekday() == 5  # the Friday of its own sentence
    assert "9 a.m." not in by_expression  # only the borrowed reference could date it
    assert by_expression["6 p.m."][1]["borrowed"] is True
    assert by_expression["Saturday"][1]["borrowed"] is False


def test_deictic_words_inside_quotes_date_nothing() -> None:
    report = _article("q", '"We shut the road today," the Orlin mayor said on Tuesday.', dt.date(2031, 3, 13))
    timeline = _parsed_timeline([report])
    expressions = {r["expression"] for e in timeline for r in e["resolved"]}
    assert "today" not in expressions and "Tuesday" in expressions


def test_a_report_that_only_gives_its_year_dates_named_months_only() -> None:
    report = _article("y", "So far, in 2031, 900 permits have been issued. I set out in April. On Tuesday it rained.")
    ref = reference_dates([report])["y"]
    assert ref.bound == "year" and not ref.exact
    timeline = _parsed_timeline([report])
    assert _dates(timeline) == {"2031-04"}


def test_a_file_photo_date_is_only_the_earliest_report_date() -> None:
    report = Article(
        id="c", location="c", published=dt.date(2031, 12, 28), published_how="date in a removed line",
        removed_lines=["Skaters train in Orlin, December 28, 2031. Picture taken December 28, 2031."],
        text="The team will arrive on Jan. 25. Officials said on Wednesday that talks went well.",
        sentences=split_sentences("The team will arrive on Jan. 25. Officials said on Wednesday that talks went well."),
    )
    assert reference_dates([report])["c"].bound == "after"
    assert _dates(_parsed_timeline([report])) == {"2032-01-25"}


def test_a_caption_dated_report_takes_a_later_date_of_the_story() -> None:
    caption = Article(id="c", location="c", published=dt.date(2031, 8, 9), published_how="date in a removed line",
                      text="Orlin's mayor on Sunday blamed the press.", sentences=split_sentences("Orlin's mayor on Sunday blamed the press."))
    later = _article("l", "The Orlin mayor spoke on Sunday.", dt.date(2031, 8, 11))
    ref = reference_dates([caption, later])["c"]
    assert ref.date == dt.date(2031, 8, 11) and ref.borrowed
    assert "2031-08-10" in _dates(_parsed_timeline([caption, later]))  # Sunday after the Saturday photo


def test_background_dates_are_marked_apart_from_the_story() -> None:
    report = _article("g", "The Orlin dam failed on Saturday. A first crack was found in March 2020.", dt.date(2031, 4, 12))
    timeline = _parsed_timeline([report])
    flags = {e["date"]: e["background"] for e in timeline}
    assert flags["2020-03"] is True and flags["2031-04-12"] is False


def test_the_same_event_from_two_outlets_is_one_entry() -> None:
    one = _article("o1", "Three Orlin miners trapped in the flooded pit were rescued on Saturday.", dt.date(2031, 4, 12))
    two = _article("o2", "Rescuers freed the three miners trapped in the Orlin pit on Saturday.", dt.date(2031, 4, 12))
    other = _article("o3", "The Orlin mine owner was fined on Saturday.", dt.date(2031, 4, 12))
    timeline = _parsed_timeline([one, two, other])
    saturday = [e for e in timeline if e["date"] == "2031-04-12"]
    assert any(e["sources"] == ["o1", "o2"] for e in saturday)
    assert any(e["sources"] == ["o3"] for e in saturday)


def test_an_older_report_of_the_cluster_does_not_pull_the_story_back() -> None:
    # Two reports of a dam failure in April 2031 and an agency note from 2029 on the same dam, in one cluster.
    one = _article("n1", "The Orlin dam failed on Saturday, flooding the valley.", dt.date(2031, 4, 12))
    two = _article("n2", "Water from the Orlin dam reached the town on Sunday.", dt.date(2031, 4, 13))
    note = _article("old", "Inspectors found a crack in the Orlin dam on Tuesday.", dt.date(2029, 5, 2))
    flags = {e["date"]: e["background"] for e in _parsed_timeline([one, two, note])}
    assert flags["2031-04-12"] is False and flags["2031-04-13"] is False
    assert flags["2029-05-01"] is True  # the note's own event is background to the 2031 story


def test_without_report_dates_a_year_named_as_past_makes_older_dates_background() -> None:
    report = _article("u", "In 2030, the council approved a new Orlin dam. The old one had burst in March 1990.")
    flags = {e["date"]: e["background"] for e in _parsed_timeline([report])}
    assert flags == {"1990-03": True}
    # a year in a clause that is not past ("the plan ends in 2040") says nothing of when the report was written
    plan = _article("v", "The Orlin plan ends in 2040. The old dam had burst in March 2031.")
    assert {e["date"]: e["background"] for e in _parsed_timeline([plan])} == {"2031-03": False}



def test_a_late_follow_up_does_not_make_the_story_background() -> None:
    # Three reports of a dam failure on 12 April 2031 and one follow-up two months later: the story is April's.
    first = [_article(f"r{k}", "The Orlin dam failed on Saturday, flooding the valley.", dt.date(2031, 4, 12))
             for k in range(3)]
    follow = _article("f", "The Orlin valley reopened its school on Friday.", dt.date(2031, 6, 20))
    flags = {e["date"]: e["background"] for e in _parsed_timeline([*first, follow])}
    assert flags["2031-04-12"] is False and flags["2031-06-20"] is False


def test_one_shared_word_does_not_make_two_sentences_one_event() -> None:
    one = _article("k1", "Rangers killed the Orlin lion on Saturday after it strayed from the park.", dt.date(2031, 4, 12))
    two = _article("k2", "On Saturday, they prepared to kill it.", dt.date(2031, 4, 12))
    saturday = [e for e in _parsed_timeline([one, two]) if e["date"] == "2031-04-12"]
    assert sorted(e["sources"] for e in saturday) == [["k1"], ["k2"]]
