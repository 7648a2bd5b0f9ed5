"""Does a summary sentence read on its own? Text checks for what the parse cannot see in the brief stage:
a sentence that depends on the one before it (a leading connective, a demonstrative subject, a quotation given
to a bare pronoun), one addressed to the reader, written in the first person outside quotes, a question, a cut
quotation, page furniture, or one without final punctuation. The parse-based checks are
``analyze.story.analyze.fragment_sentences``; what a sentence refers back to is :mod:`.summarize_refs`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..clean.markers import GLUED_CAPTION_LABEL
from ..model import Article
from ..records import TextSpan
from .summarize import Candidate

# A summary sentence is read out of its context, so one that leans on the sentence before it reads wrong:
# a leading pronoun or connective ("She told parliament", "Then we will rebuild") or a quote left open.
_DEPENDENT_START = re.compile(
    r"^[\"“‘']?(?:he|she|they|it|its|this|these|those|his|her|their|then|but|and|so|also|however|still|yet|"
    r"there|here|instead|otherwise|meanwhile|another|other|both|such|even|now|thus|therefore|hence|moreover|"
    r"furthermore|nonetheless|nevertheless|likewise|similarly|again|finally|"
    r"by extension|some(?=,)|of course|in fact|after all|as a result|in addition(?=,))\b",
    re.IGNORECASE,
)
# "That" / "Which" opening a clause as its subject ("That will come Monday", "Which is why ...", also after a
# fronted phrase: "Of course, that's not ..."), not as a determiner ("That decision ..."): followed by an
# auxiliary, modal or a common verb of state.
_DEMONSTRATIVE_SUBJECT = re.compile(
    r"^(?:[^,]{1,30},\s+)?[\"“‘']?(?:that|which|this)(?:'s|’s|\s+(?:is|was|were|are|will|would|could|can|may|"
    r"might|must|should|has|had|have|means|meant|comes|came|makes|made|leaves|left))\b",
    re.IGNORECASE,
)
# Sentence-final punctuation, optionally closed by quotes or brackets. A "sentence" without it is a
# headline, label, caption or a cut-off fragment ("The Latest on the election (all times local):").
_FINAL = re.compile(r"[.!?…][\"”’')\]]*$")
OPEN_QUOTES = "\"“‘"
_CLOSE_QUOTES = "\"”’"
# After a quotation, an attribution to a bare pronoun ("...," he said.): the reader cannot tell who spoke.
_PRONOUN_ATTRIBUTION = re.compile(r"^[,.]?\s*(?:he|she|they|it|we|i)\b", re.IGNORECASE)


def _quote_dependent(text: str) -> bool:
    """A sentence that is nothing but a quotation, or a quotation given to a bare pronoun."""
    if text[:1] not in OPEN_QUOTES:
        return False
    close = max(text.rfind(q) for q in _CLOSE_QUOTES)
    if close <= 0:
        return False
    after = text[close + 1 :].strip()
    return not after.strip(".!?…") or bool(_PRONOUN_ATTRIBUTION.match(after))


# A statement of the report is neither addressed to the reader ("You can control your TV") nor in the first
# person outside quotation marks (a column, a letter, an unmarked quotation: "... and our dear friend."), nor
# a question, nor an aside in brackets; a pronoun attribution at its end (", it said.") leaves the source unsaid.
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself)\b", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:we|We|our|Our|ours|us|me|my|My|mine|(?<!War )I(?= [a-z]|’|'))\b")
_TRAILING_PRONOUN_ATTRIBUTION = re.compile(
    r",\s+(?:he|she|it|they)\s+(?:said|says|added|adds|wrote|writes|stated|noted|explained|argued|continued)"
    r"(?:\s+\w+){0,3}[.!…]$"
)
# The writer's own voice about the page ("the publisher of this report") and a ticker quote left in the text
# ("Tesla Inc.'s TSLA, +5.77% board"): source: general knowledge of news web pages. Caption labels glued to a
# sentence are the cleaner's ``GLUED_CAPTION_LABEL``.
_PAGE_FURNITURE = re.compile(
    r"\b(?:this|the present) (?:report|article|story|post|column)\b|\b[A-Z]{1,5}, [+-−]\d+(?:\.\d+)?%",
    re.IGNORECASE,
)
# A full stop followed by a lower-case word inside one "sentence" ("By midday. it was ..."): the splitter
# missed a boundary or the text is broken; abbreviations ("approx. two") end in a short word or a capital.
_BROKEN_STOP = re.compile(r"\b[a-z]{4,}\.\s+[a-z]")
# A verb phrase left out ("In her case, it seems to have.", "Officials said they would."): the sentence ends
# on an auxiliary, its verb is in the sentence before.
_ELLIPSIS_END = re.compile(r"\b(?:to have|have|has|had|did|does|do|will|would|can|could|should|might|must)[.!]$",
                           re.IGNORECASE)


def _outside_quotes(text: str) -> str:
    """The sentence without its quotations (straight and curly)."""
    return re.sub(r"“[^”]*”?|\"[^\"]*\"?", " ", text)


def stands_alone(text: str) -> bool:
    """Can this sentence be read without the one before it (and is it a statement at all)?"""
    text = text.strip()
    if not text or _DEPENDENT_START.match(text) or _DEMONSTRATIVE_SUBJECT.match(text) or text[:1].islower():
        return False
    if not _FINAL.search(text) or _quote_dependent(text):
        return False
    told = _outside_quotes(text)
    cut = text.rstrip("\"”’')] ").endswith(("...", "…"))  # a quotation or sentence cut short
    if (cut or text[:1] in "([" or text.endswith("?") or _SECOND_PERSON.search(told) or _FIRST_PERSON.search(told)
            or _TRAILING_PRONOUN_ATTRIBUTION.search(told.rstrip()) or _PAGE_FURNITURE.search(text)
            or GLUED_CAPTION_LABEL.search(text)
            or _BROKEN_STOP.search(text) or _ELLIPSIS_END.search(told.rstrip())):
        return False
    straight = text.count('"')
    return straight % 2 == 0 and text.count("“") == text.count("”")


def candidates_for(
    articles: Sequence[Article], fragments: Sequence[TextSpan] = ()
) -> tuple[list[Candidate], list[tuple[Article, int]]]:
    """Summary candidates: sentences that stand alone and are statements (``fragments``: the sentences the
    parse found no subject clause in), from every report that is not a copy of another (copies would fake
    consensus; they are still cited)."""
    candidates: list[Candidate] = []
    where: list[tuple[Article, int]] = []
    fragment_starts = {(s.source, s.start) for s in fragments}
    originals = [a for a in articles if a.duplicate_of is None and a.not_analyzed is None]
    for doc, article in enumerate(originals):
        for k, (start, end) in enumerate(article.sentences):
            text = article.text[start:end]
            if (article.id, start) in fragment_starts or not stands_alone(text):
                continue
            candidates.append(Candidate(doc, k, text, len(article.sentences), article.published))
            where.append((article, k))
    return candidates, where


# A report's first sentences are its news lead (the core event, inverted pyramid).
LEAD_SENTENCES = 3
