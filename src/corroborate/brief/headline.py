"""The story's headline: the most corroborated outlet headline (one policy for ``stories`` and a briefing).

A title is scored by how much of its wording the story's other original reports' titles share; ties go to the
first seen. Copies do not vote (they would fake agreement), and a "title" longer than MAX_HEADLINE_WORDS is a
caption or a first paragraph taken for a title, never a headline.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..lang.en import STOP_WORDS as ENGLISH_STOP_WORDS
from ..model import Article
from ..records import EntityRecord, SummaryItem, TextSpan
from .standalone import LEAD_SENTENCES, OPEN_QUOTES, candidates_for
from .summarize_features import sentence_concepts
from .summarize_refs import StoryRefs

# 25 words: news headlines run 6-15 words; the realnews-dev pages' caption-titles run 30-60.
MAX_HEADLINE_WORDS = 25
_WORD = re.compile(r"[^\W_]+")


def _words(title: str) -> set[str]:
    folded = (m.group().casefold() for m in _WORD.finditer(title))
    return {w for w in folded if w not in ENGLISH_STOP_WORDS and len(w) > 1}


def story_headline(titles: Sequence[str | None]) -> str | None:
    """The headline among ``titles`` (the story's original reports, first seen first); None when none fits."""
    pool = [" ".join(t.split()) for t in titles if t and t.strip()]
    fit = [t for t in pool if len(t.split()) <= MAX_HEADLINE_WORDS]
    if not fit:
        return None
    words = [_words(t) for t in fit]

    def agreement(i: int) -> float:
        if not words[i]:
            return 0.0
        return sum(len(words[i] & words[j]) / len(words[i]) for j in range(len(fit)) if j != i)

    best = max(range(len(fit)), key=lambda i: (agreement(i), -i))
    return fit[best]


def title_headline(articles: Sequence[Article]) -> str | None:
    """The story's headline by the one policy ``stories`` uses too (brief/headline.py), over the same reports:
    the first HEADLINE_POOL originals in first-seen order (``articles`` arrive in that order)."""
    from ..store.db import HEADLINE_POOL

    originals = [a.title for a in articles if a.duplicate_of is None][:HEADLINE_POOL]
    return story_headline(originals)


HEADLINE_CUT_WORDS = 16  # news headlines run 6-15 words (brief/headline.py)


def summary_headline(summary: Sequence[SummaryItem], disputed: Sequence[TextSpan]) -> str | None:
    """A headline when no outlet's fits: the summary's lead (the most corroborated opening sentence, see
    :func:`build_summary`), cut short and marked when it runs past a headline's length; the next summary
    sentence when the lead states a disputed figure (``disputed``: the spans of every value of a disputed
    claim) - a headline cannot carry the attribution that makes a contested figure fair. Verbatim but for
    its final full stop."""

    def states_disputed(item: SummaryItem) -> bool:
        return any(d.source == s.source and d.start < s.end and s.start < d.end
                   for s in item.spans for d in disputed)

    lead = next((item for item in summary if not states_disputed(item)), None)
    if lead is None:
        return None
    words = lead.text.split()
    if len(words) > MAX_HEADLINE_WORDS:
        return _headline_cut(words)
    text = " ".join(words)
    return text[:-1] if text.endswith(".") and not text.endswith("..") else text


# A long lead is cut where a clause or a trailing modifier begins (", which", " after ...", " in what would
# be ..."), so the headline keeps the core statement whole; SUMMARY_HEADLINE_WORDS at most (a lead's main
# clause rarely runs longer). source: general English syntax; the words that open such a trailing phrase.
SUMMARY_HEADLINE_WORDS = 32
_TRAILING_OPENERS = frozenset(
    "which who whose where when while after before as amid following despite because but since although though "
    "including".split()
)
_RELATIVES = frozenset({"which", "who", "whose", "where", "when"})
_ATTRIBUTION_END = re.compile(r"(?:,\s+(?:[\w.’'-]+\s+){1,6}(?:said|says|reported|added|told \w+)|according to [^,]+)"
                              r"\W*$")


def _headline_cut(words: list[str]) -> str:
    """The lead (``words``, over MAX_HEADLINE_WORDS long) as a headline: whole when it fits
    SUMMARY_HEADLINE_WORDS; else its longest opening that ends before a trailing phrase (at least 10 words),
    marked "…"; else its first HEADLINE_CUT_WORDS words, marked. A lead that ends with its attribution ("...,
    police said.") is never cut there: without it the headline would assert what one source says."""
    text = " ".join(words)
    if len(words) <= SUMMARY_HEADLINE_WORDS:
        return text[:-1] if text.endswith(".") and not text.endswith("..") else text
    if not _ATTRIBUTION_END.search(text):
        for n in range(min(SUMMARY_HEADLINE_WORDS, len(words) - 1), 9, -1):
            nxt = words[n].lower()
            relative = nxt in _RELATIVES and not words[n - 1].endswith(",")  # restrictive: part of the NP
            if ((nxt in _TRAILING_OPENERS and not relative) or words[n - 1].endswith((",", ";"))
                    or (nxt == "in" and words[n + 1].lower() in ("what", "which"))):
                opening = " ".join(words[:n]).rstrip(",;:-—")
                if opening.count("(") == opening.count(")") and opening.count("“") == opening.count("”"):
                    return opening + " …"
    return " ".join(words[:HEADLINE_CUT_WORDS]).rstrip(",;:-—") + " …"


def _overlaps(span: tuple[str, int, int], disputed: Sequence[TextSpan]) -> bool:
    source, start, end = span
    return any(d.source == source and d.start < end and start < d.end for d in disputed)


def central_headline(
    articles: Sequence[Article],
    fragments: Sequence[TextSpan],
    entities: Sequence[EntityRecord],
    disputed: Sequence[TextSpan],
) -> str | None:
    """A headline from the most corroborated facts: of the reports' lead sentences (their first
    LEAD_SENTENCES, inverted pyramid) that stand alone, refer back to nothing (:mod:`.summarize_refs`) and
    state no value of a disputed claim, the one whose content words the other original reports share most
    (mean share over those reports), cut as :func:`_headline_cut` cuts a long one. None with fewer than
    three original reports (too few to tell what is corroborated) or when none fits; the summary's lead is
    then the headline."""
    candidates, where = candidates_for(articles, fragments)
    originals = sorted({a.id for a, _ in where})
    if len(originals) < 3:
        return None
    words_of = {a.id: frozenset().union(*(sentence_concepts(a.text[s:e], False) for s, e in a.sentences))
                for a in articles if a.id in originals}
    story_refs = StoryRefs(entities)
    best: tuple[float, int] | None = None
    for i, (article, k) in enumerate(where):
        text = candidates[i].text
        start, end = article.sentences[k]
        if k >= LEAD_SENTENCES or text[:1] in OPEN_QUOTES or len(text.split()) < 8:
            continue
        if story_refs.refs(article.id, start, text).needs or _overlaps((article.id, start, end), disputed):
            continue
        concepts = sentence_concepts(text, False)
        if not concepts:
            continue
        share = sum(len(concepts & words_of[o]) / len(concepts) for o in originals if o != article.id)
        key = (share / (len(originals) - 1), -i)
        if best is None or key > best:
            best = key
    if best is None:
        return None
    words = candidates[-best[1]].text.split()
    if len(words) > MAX_HEADLINE_WORDS:
        return _headline_cut(words)
    text = " ".join(words)
    return text[:-1] if text.endswith(".") and not text.endswith("..") else text
