"""Issue 12 (timeline on real news): weekday-consistent years, anchored parts of days, the narrative anchor after a
month, the programme "TODAY", report dates that are background, the year a report calls current, and the tense
of a date's clause from the parse. All text is fictional. Reference: Monday 9 March 2026."""

from __future__ import annotations

import datetime as dt

import spacy

from corroborate.analyze.syntax import parse
from corroborate.analyze.timex import find_timexes, infer_reference_date
from corroborate.analyze.timex.grammar import clause_tense
from corroborate.analyze.timex.reference import infer_reference_year

REF = dt.date(2026, 3, 9)  # a Monday


def _values(text: str, reference: dt.date | None = REF) -> dict[str, str]:
    return {t.text: t.value for t in find_timexes(text, reference)}


def test_a_weekday_given_with_a_yearless_date_picks_the_year() -> None:
    # 1 March 2026 is a Sunday, 1 March 2027 a Monday: the weekday overrules the nearest year.
    assert _values("The Dunmore ferry resumes on Monday, March 1.")["Monday, March 1"] == "2027-03-01"
    assert _values("The Dunmore ferry resumes on March 1, a Monday, officials said.")["March 1"] == "2027-03-01"
    # Without a weekday (or with the one the nearest year has) the nearest year stays.
    assert _values("The Dunmore ferry stopped on March 1.")["March 1"] == "2026-03-01"
    assert _values("The Dunmore ferry stopped on Sunday, March 1.")["Sunday, March 1"] == "2026-03-01"


def test_the_next_morning_counts_from_the_day_before_it() -> None:
    found = {
        t.text: t
        for t in find_timexes("The Orlin fair opened on 3 March 2026. The next morning the gates jammed.", REF)
    }
    assert found["The next morning"].value == "2026-03-04TMO"
    assert found["The next morning"].kind == "TIME"
    chained = _values("Pell fell ill on 3 March 2026. He woke the next morning with a fever. That night he was worse.")
    assert chained["the next morning"] == "2026-03-04TMO" and chained["That night"] == "2026-03-04TNI"


def test_a_month_leaves_no_day_to_count_from() -> None:
    found = {
        t.text: t
        for t in find_timexes(
            "On 2 March 2026 the board met. In August 2025, Ria fell ill. The next day she rested.", REF
        )
    }
    assert found["The next day"].how.startswith("relative to reference")  # not counted from 2 March


def test_the_programme_today_is_not_a_date() -> None:
    assert "TODAY" not in _values("Jana Orlov, who lives in Brenford, told TODAY she was relieved.")
    assert "TODAY" in _values("FLOODS HIT BRENFORD TODAY")


def test_a_report_date_is_not_a_background_date() -> None:
    pad = "x" * 300 + " "
    date, why = infer_reference_date(pad + "Lawyers cited the 4 January 2026 flood in Brenford.")
    assert date is None and "modify a noun" in why
    date, why = infer_reference_date(pad + "The massacre of 12 May 1944 at Orlin was judged in 2005 by a court.")
    assert date is None and "background" in why
    date, _ = infer_reference_date(pad + "The Orlin court ruled on 12 May 2026; it will sit again in 2027.")
    assert date == dt.date(2026, 5, 12)  # a later year in a future clause is no contradiction
    date, _ = infer_reference_date(pad + "The Orlin council approved the plan on 12 May 2026. It runs to 2040.")
    assert date == dt.date(2026, 5, 12)  # nor is a year that is not a time of events told ("to 2040")


def test_the_year_a_report_calls_current() -> None:
    assert infer_reference_year("So far, in 2031, more than 900 permits have been issued at Orlin.") == 2031
    assert infer_reference_year("Orlin issued 900 permits in 2031 so far.") == 2031
    assert infer_reference_year("Orlin issued 900 permits in 2031.") is None


def _tense(sentence: str, expression: str) -> str:
    doc = spacy.blank("en")(sentence)
    parse([doc], segment_unset=True)
    start = sentence.index(expression)
    return clause_tense(doc, start, start + len(expression))


def test_clause_tense_from_the_parse() -> None:
    assert _tense("Ravel, hired in April, ran the depot.", "April") == "past"
    assert _tense("The Orlin council will vote on March 3.", "March 3") == "future"
    assert _tense("The delegation will begin arriving on Jan. 25.", "Jan. 25") == "future"
    assert _tense("The toll has been in force since February.", "February") == "past"
    assert _tense("There had already been 20 rescues by April 26.", "April 26") == "past"
    assert _tense("Permits are taken in May.", "May") == "unknown"  # a present passive


def test_clause_tense_without_a_parse_is_unknown() -> None:
    doc = spacy.blank("en")("Ravel was hired in April.")
    assert clause_tense(doc, 17, 22) == "unknown"


def test_that_evening_is_the_same_day() -> None:
    found = _values("Pell fell ill on 3 March 2026. That evening he vomited. The next morning he had a fever.")
    assert found["That evening"] == "2026-03-03TEV" and found["The next morning"] == "2026-03-04TMO"


def test_the_weekday_of_a_named_day_is_not_a_date() -> None:
    text = "Orlin votes on Super Tuesday; shops open early for Black Friday. The mayor spoke Tuesday."
    found = [t for t in find_timexes(text, REF) if t.text.endswith("day")]
    assert [(t.text, t.value, t.start) for t in found] == [("Tuesday", "2026-03-03", text.rindex("Tuesday"))]
