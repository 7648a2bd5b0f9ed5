"""Timex: temporal expressions (TIMEX3) with normalised values, and the reference date of each report.

Contract. :func:`find_timexes` reads a cleaned text and an optional reference date; it returns :class:`Timex`
spans (DATE, TIME, DURATION, SET) with ISO-style values, each saying how its value was obtained (a yearless
"Tuesday, March 1" takes the year whose weekday agrees; "the next morning" / "that evening" count from the last
day mentioned, and a month or year mentioned after it leaves no day to count from).
:func:`infer_reference_date` reads a text and returns the date it gives itself (a dateline date, else the latest
full date unless that is background: a noun's modifier, or older than a year the text names);
:func:`infer_reference_year` the year a text calls current ("so far, in 2016"); :func:`past_years` the years it
names as past ("a verdict in 2005", so it was written in 2005 or later). :func:`reference_dates` reads a
story's Articles (publication date, removed lines, text) and returns each report's :class:`Reference`: date, how
it was found, whether it is ``borrowed`` from the story's other reports, and its ``bound`` (a year only, or only
the earliest day, from a file photo's caption). :func:`story_anchor` returns the story's first dated event
(the timeline reads it from :func:`main_reports`, the reports dated within days of most of the others);
:func:`resolve_relative` re-reads an expression against such an anchor ("two days after the blast");
:func:`~corroborate.analyze.timex.grammar.clause_tense` reads the tense of a date's clause from a parsed Doc. A
:class:`TimexIndex` finds a text's expressions once and resolves them against any reference on demand; the story
passes one per report to every step. Writes nothing on the Articles; the timeline writes the resolved expressions
as the Doc's ``timex`` layer.
"""

from corroborate.analyze.timex.find import (
    Timex,
    TimexIndex,
    find_timexes,
    infer_reference_date,
    past_years,
    resolve_relative,
)
from corroborate.analyze.timex.grammar import clause_tense
from corroborate.analyze.timex.reference import (
    ANCHOR_WINDOW_DAYS,
    Indexes,
    Reference,
    index_of,
    infer_reference_year,
    main_reports,
    reference_dates,
    story_anchor,
)

__all__ = [
    "ANCHOR_WINDOW_DAYS",
    "Reference",
    "Indexes",
    "Timex",
    "TimexIndex",
    "clause_tense",
    "find_timexes",
    "index_of",
    "infer_reference_date",
    "infer_reference_year",
    "main_reports",
    "past_years",
    "reference_dates",
    "resolve_relative",
    "story_anchor",
]
