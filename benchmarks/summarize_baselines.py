"""Baseline extractive summarizers for benchmarks/summarize.py, all filling the same word budget.

Lead is hand-written (round-robin first sentences, the multi-document "First-k"); LexRank, TextRank and LSA
are sumy's implementations. sumy's default tokenizer needs nltk's punkt data, which cannot be downloaded
here, so sentences are built directly from our own splitting (the same sentences every system sees) and
words come from a regex tokenizer. Every system ranks sentences and the summary takes them in rank order
until the budget is reached, the last one cut at the budget (what ROUGE ``-l N`` does), then prints them in
document order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
from sumy.nlp.stemmers import Stemmer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

from corroborate.brief.summarize import Candidate

_WORD = re.compile(r"\w+(?:'\w+)?")


class RegexTokenizer:
    """sumy-compatible tokenizer that needs no nltk data (sentences are pre-split, so only words here)."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return (paragraph,)

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(_WORD.findall(sentence))


def fill_budget(ranked: Sequence[int], candidates: Sequence[Candidate], max_words: int) -> str:
    """Take candidates in rank order until ``max_words``, cut the last, print in (doc, index) order."""
    taken: list[tuple[int, str]] = []
    used = 0
    for i in ranked:
        if used >= max_words:
            break
        words = candidates[i].text.split()
        if not words:
            continue
        words = words[: max_words - used]
        taken.append((i, " ".join(words)))
        used += len(words)
    taken.sort(key=lambda t: (candidates[t[0]].doc, candidates[t[0]].index))
    return "\n".join(text for _, text in taken)


def lead(candidates: Sequence[Candidate], max_words: int) -> str:
    """Round-robin lead: sentence 0 of every document, then sentence 1 of every document, ..."""
    ranked = sorted(range(len(candidates)), key=lambda i: (candidates[i].index, candidates[i].doc))
    return fill_budget(ranked, candidates, max_words)


def _sumy_ranking(summarizer: Callable[..., object], candidates: Sequence[Candidate]) -> list[int]:
    """Rank candidates with a sumy summarizer by capturing the ratings it sorts by."""
    tokenizer = RegexTokenizer()
    paragraphs: dict[int, list[Sentence]] = {}
    for c in candidates:
        paragraphs.setdefault(c.doc, []).append(Sentence(c.text, tokenizer))
    document = ObjectDocumentModel([Paragraph(paragraphs[d]) for d in sorted(paragraphs)])
    captured: list[object] = []

    def capture(infos: list[object]) -> list[object]:
        captured.extend(infos)  # already sorted by rating, best first
        return infos

    summarizer(document, capture)
    order = {c.text.strip(): -1 for c in candidates}
    for rank, info in enumerate(captured):
        key = str(info.sentence)  # type: ignore[attr-defined]
        if order.get(key, 0) == -1:
            order[key] = rank
    big = len(captured) + 1
    return sorted(range(len(candidates)),
                  key=lambda i: (order[candidates[i].text.strip()] if order[candidates[i].text.strip()] >= 0
                                 else big, i))


def _make(cls: type) -> Callable[[Sequence[Candidate], int], str]:
    def run(candidates: Sequence[Candidate], max_words: int) -> str:
        summarizer = cls(Stemmer("english"))
        summarizer.stop_words = get_stop_words("english")
        return fill_budget(_sumy_ranking(summarizer, candidates), candidates, max_words)

    run.__name__ = cls.__name__
    return run


lexrank = _make(LexRankSummarizer)
textrank = _make(TextRankSummarizer)
lsa = _make(LsaSummarizer)
