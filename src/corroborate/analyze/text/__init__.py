"""Text services shared by every component: one notion of a sentence, one tokeniser, one stemmer, one lexical
check of "says the same thing".

Contract. Reads a cleaned text (a string). Returns:

- :func:`split_sentences`: the text's sentences as ``(start, end)`` character spans, in order, never crossing a
  paragraph; the pipeline stores them on ``Article.sentences`` (after :func:`skip_spans` takes the datelines
  off), and the summary, citations, claims, coverage and timeline read those spans;
- :func:`tokens` / :func:`stem`: casefolded word tokens and their Snowball English stems;
- :func:`claim_of` / :func:`support`: a sentence's checkable content (:class:`Claim`: content stems, numbers,
  negation) and the share of one sentence's content another carries (0 when a number or the negation differs).

Writes nothing; every function is pure.
"""

from corroborate.analyze.text.sentences import skip_spans, split_sentences
from corroborate.analyze.text.support import Claim, claim_of, support
from corroborate.analyze.text.words import stem, tokens

__all__ = ["Claim", "claim_of", "skip_spans", "split_sentences", "stem", "support", "tokens"]
