"""Quotes: direct quotations with their speakers, and the same quotation as several outlets report it.

Contract. :func:`find_quotes` reads one report's cleaned text and, optionally, the person names the story's
entities give (``people``); it returns :class:`Quote` records in reading order: the quoted content's character
spans (``parts``, without the marks), the speech verb, the speaker phrase's span and the resolved speaker (a
pronoun's antecedent, a surname's full name) or None, and whether the quotation is partial. :func:`same_quote`
reads two quotation texts; :func:`group_quotes` reads ``(source id, Quote)`` pairs and returns groups of the same
quotation. Writes nothing on the Articles.
"""

from corroborate.analyze.quotes.find import Quote, find_quotes
from corroborate.analyze.quotes.match import group_quotes, same_quote

__all__ = ["Quote", "find_quotes", "group_quotes", "same_quote"]
