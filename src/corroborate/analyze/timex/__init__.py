"""Timex: temporal expressions (TIMEX3) with normalised values, and the reference date of each report.

Contract. :func:`find_timexes` reads a cleaned text and an optional reference date; it returns :class:`Timex`
spans (DATE, TIME, DURATION, SET) with ISO-style values, each saying how its value was obtained.
:func:`infer_reference_date` reads a text and returns the date it gives itself (a dateline date, else the latest
full date). :func:`reference_dates` reads a story's Articles (publication date, text) and returns each report's
:class:`Reference` (date and how it was found, from the story's other reports when the report has none);
:func:`story_anchor` returns the story's first dated event; :func:`resolve_relative` re-reads an expression
against such an anchor ("two days after the blast"). A :class:`TimexIndex` finds a text's expressions once and
resolves them against any reference on demand; the story passes one per report to every step. Writes nothing on
the Articles; the timeline writes the resolved expressions as the Doc's ``timex`` layer.
"""

from corroborate.analyze.timex.find import Timex, TimexIndex, find_timexes, infer_reference_date, resolve_relative
from corroborate.analyze.timex.reference import (
    ANCHOR_WINDOW_DAYS,
    Indexes,
    Reference,
    index_of,
    reference_dates,
    story_anchor,
)

__all__ = [
    "ANCHOR_WINDOW_DAYS",
    "Reference",
    "Indexes",
    "Timex",
    "TimexIndex",
    "find_timexes",
    "index_of",
    "infer_reference_date",
    "reference_dates",
    "resolve_relative",
    "story_anchor",
]
