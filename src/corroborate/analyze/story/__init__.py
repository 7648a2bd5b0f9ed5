"""Story: every analysis component run over one story's reports, plus the story-level steps.

Contract. :func:`analyze_story` reads a story's prepared Articles (cleaned text, ``sentences`` spans,
``published``, ``duplicate_of``) and the config; it returns the briefing's analysis fields as plain dicts
(``entities``, ``quotes``, ``claims``, ``timeline``, ``coverage``), every item carrying character spans on its
sources, and appends a ComponentError to ``errors`` for each component or report that failed (the error boundary).
The story-level steps are :func:`build_timeline` (dated events, the same event across reports merged) and
:func:`coverage` (what only one outlet says, what most say and one leaves out); both read the Articles, coverage
also the merged entities, quotes and claims.

Importing this package loads torch (the NER tagger); the pipeline imports it only when analysis is on.
"""

from corroborate.analyze.story.analyze import analyze_story
from corroborate.analyze.story.coverage import coverage
from corroborate.analyze.story.timeline import build_timeline

__all__ = ["analyze_story", "build_timeline", "coverage"]
