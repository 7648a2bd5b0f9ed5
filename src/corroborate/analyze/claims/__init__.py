"""Claims: numeric claims ("at least 12 people were killed, police said") and their reconciliation across reports.

Contract. :func:`find_numbers` reads one report's cleaned text and its sentence spans (``Article.sentences``;
an empty list reads the whole text as one sentence); it returns :class:`NumberMention` records: the quantity
phrase's span, its range (low, high), what it counts (measure), who is counted (subject), who the report says
gave the figure (``attributed_to``, None for the outlet's own voice) and the sentence span. :func:`group_claims`
reads ``(source id, NumberMention)`` pairs and returns :class:`ClaimGroup` records (same measure and canonical
subject), ``disputed`` when their figures cannot all be true at once. Writes nothing on the Articles.
"""

from corroborate.analyze.claims.numbers import (
    ClaimGroup,
    ClaimValue,
    NumberMention,
    canonical_subject,
    find_numbers,
    group_claims,
    ranges_conflict,
)

__all__ = [
    "ClaimGroup",
    "ClaimValue",
    "NumberMention",
    "canonical_subject",
    "find_numbers",
    "group_claims",
    "ranges_conflict",
]
