"""Claims: numeric claims ("at least 12 people were killed, police said") and their reconciliation across reports.

Contract. :func:`find_numbers` reads one report's cleaned text, its sentence spans (``Article.sentences``; an
empty list reads the whole text as one sentence) and its parsed Doc (parsed on the fly when not given); it returns
:class:`NumberMention` records: the quantity phrase's span, its range (low, high), unit, what it counts (measure:
an event measure of the lexicon, "money", or the counted noun/verb from the parse), a readable subject, its scope
(story or background), who the report says gave the figure (``attributed_to``, None for the outlet's own voice)
and the sentence span. :func:`group_claims` reads ``(source id, NumberMention)`` pairs (and publication dates) and
returns :class:`ClaimGroup` records, ``disputed`` only when different outlets give values of one claim that cannot
all be true, ``updates`` when they differ as a running count grows. Modules: :mod:`.spans` (quantity phrases and
ranges), :mod:`.context` (event measures from the lexicon), :mod:`.tree` (open measures and money subjects from
the parse), :mod:`.scope` (background figures), :mod:`.attribution` (regex speakers) and
:mod:`.syntax_attribution` (speakers from the parse), :mod:`.numbers` (mentions, grouping, disputes). Writes
nothing on the Articles.
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
