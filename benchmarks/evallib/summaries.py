"""The bare summary selector on plain-text documents, as the ROUGE harness and its tests call it.

Not the product path (no clean, no copy removal): benchmark figures of the product come from ``build_briefing``
(see benchmarks/summarize.py); these entry points are kept for the labelled "bare selector" figures.
"""

from __future__ import annotations

from collections.abc import Sequence

from corroborate.analyze.text.sentences import split_sentences
from corroborate.brief.summarize import Candidate, Selected, SummaryOptions, _greedy, _word_count, reading_order


def split_into_candidates(docs: Sequence[str]) -> list[Candidate]:
    """Split each document into sentences and wrap them as candidates (doc order = list order)."""
    out: list[Candidate] = []
    for d, text in enumerate(docs):
        spans = split_sentences(text)
        for k, (start, end) in enumerate(spans):
            out.append(Candidate(doc=d, index=k, text=text[start:end].strip(), doc_sentences=len(spans)))
    return out


def summarize_candidates(
    candidates: Sequence[Candidate], max_words: int, *, truncate_last: bool = False,
    options: SummaryOptions | None = None,
) -> list[str]:
    """Summary sentences (texts) in reading order; ``truncate_last`` fills the budget by cutting one sentence.

    With ``truncate_last`` the final (lowest-ranked) pick may overflow and is cut to the word budget, the way
    ROUGE ``-l N`` scores a summary; it is printed last.
    """
    if max_words <= 0 or not candidates:
        return []
    opts = options or SummaryOptions()
    chosen = _greedy(candidates, max_words, opts, overflow_last=truncate_last)
    overflow: Selected | None = None
    if truncate_last and sum(_word_count(candidates[s.candidate].text) for s in chosen) > max_words:
        overflow = chosen.pop()
    texts = [candidates[s.candidate].text for s in reading_order(candidates, chosen)]
    if overflow is not None:
        room = max_words - sum(_word_count(t) for t in texts)
        if room > 0:
            texts.append(" ".join(candidates[overflow.candidate].text.split()[:room]))
    return texts


def summarize_texts(
    docs: Sequence[str], max_words: int, *, truncate_last: bool = False,
    options: SummaryOptions | None = None,
) -> list[str]:
    """Split plain-text documents into sentences and summarize them (see :func:`summarize_candidates`)."""
    return summarize_candidates(split_into_candidates(docs), max_words, truncate_last=truncate_last,
                                options=options)
