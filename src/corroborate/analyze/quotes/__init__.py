"""Quotes: direct quotations with their speakers, and the same quotation as several outlets report it.

Contract. :func:`find_quotes` reads one report's cleaned text and, optionally, the person names the story's
entities give (``people``) and a :class:`Reading` (the report's parsed Doc, its linked entity mentions as
:class:`Named`, its outlets); it returns :class:`Quote` records in reading order: the quoted content's character
spans (``parts``, without the marks), the speech verb, the speaker phrase's span and the resolved speaker or
None, and whether the quotation is partial. With a parsed Reading the speaker is a person or organisation
phrase checked with the dependency parse (never a clause, a title fragment, the outlet or the addressee of
*told*), named by its linked entity, and a pronoun's speaker is its antecedent only when one person can be meant
(else None: a missing speaker is better than a wrong one); a description ("the company", "police", "the policy")
is the one organisation it can denote, else None; words the cue's subject only relays ("she recalls him saying")
are not hers. :func:`same_quote`
reads two quotation texts; :func:`group_quotes` reads ``(source id, Quote)`` pairs and returns groups of the same
quotation. Writes nothing on the Articles.
"""

from corroborate.analyze.quotes.find import Quote, find_quotes
from corroborate.analyze.quotes.match import group_quotes, same_quote
from corroborate.analyze.quotes.syntax import Named, Reading

__all__ = ["Named", "Quote", "Reading", "find_quotes", "group_quotes", "same_quote"]
