"""Analyze stage: sentences and the cross-source annotations of a story, one subpackage per component.

Each subpackage states its contract (what it reads, what it returns) in its docstring and re-exports its public
functions. They share only :mod:`~corroborate.analyze.text` (sentences, word tokens, the stemmer, the lexical
support check) and the English word lists of :mod:`corroborate.lang.en`:

- :mod:`~corroborate.analyze.text`: sentence spans of a cleaned text; tokens, stems, the lexical claim check;
- :mod:`~corroborate.analyze.entities`: the NER tagger (``entities.ner``) and cross-report entity linking;
- :mod:`~corroborate.analyze.quotes`: direct quotations with their speakers, and the same quotation across reports;
- :mod:`~corroborate.analyze.claims`: numeric claims with who gave them, and their reconciliation across reports;
- :mod:`~corroborate.analyze.timex`: temporal expressions and each report's reference date;
- :mod:`~corroborate.analyze.story`: runs the components over a story's Articles and adds the story-level steps
  (timeline, coverage); returns the briefing's analysis fields.

Nothing here imports :mod:`corroborate.brief`; the briefing imports the lexical check from ``analyze.text``.
"""
