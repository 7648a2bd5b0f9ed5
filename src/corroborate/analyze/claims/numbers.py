"""Numeric claims in news text ("at least 12 people were killed, police said") and their reconciliation.

``find_numbers`` reads an article's text and sentence spans and returns :class:`NumberMention` spans: the
quantity phrase, its range, what it counts (measure), who is counted (subject) and who the report says gave
the figure. ``group_claims`` pools mentions from many reports into :class:`ClaimGroup` records and marks a
group ``disputed`` when its figures cannot all be true at once.

Conventions (documented here because every range below depends on them):

* Exact figures: "62", "sixty-two", "1,200", "1 200", "1.2 million", "a dozen", "three dozen" -> (N, N).
* "more than / over / upwards of / at least / in excess of N" -> (N, None). "More than N" keeps N (not
  N+1): news figures are rounded, and an inclusive bound means "more than 60" never conflicts with 60.
* "up to / at most / as many as / fewer than / less than / under N" -> (0, N), N inclusive for the same
  reason.
* "about / around / some / roughly / approximately / an estimated / N or so" -> N +/- t, and
  "nearly / almost / close to / just under N" -> (N - t, N), "just over N" -> (N, N + t), where
  t = max(10% of N, 2) (``APPROX_REL``, ``APPROX_MIN_ABS`` in ``claims.spans``).
* "between N and M", "N to M", "N-M", "N or M" -> (N, M). "rose from 12 to 62" is not a range: 12 is an
  earlier figure and is not reported.
* Vague plurals take their literal lower bound with an open top: dozens (24, None), scores (40, None),
  hundreds (200, None), thousands (2,000, None), tens of thousands (20,000, None), hundreds of thousands
  (200,000, None), millions (2,000,000, None); "several/a few <unit>" -> (2 unit, 10 unit). ACLED codes
  "dozens" as 12 when it needs one point figure; we need a range, and 12 would let "dozens" agree with 12.
* Not claims: years, dates, times, ages ("aged 34", "34-year-old", "Name, 34,"), ordinals, phone and street
  numbers, labels ("Vote 1", "Page 2 of 3"), compound adjectives ("45-minute"), "a"/"an" as "one",
  percentages other than turnout and vote share, and any number with no recognised measure.
* Attribution: "according to X", "X said/told/reported/claimed/estimated/put the toll at", ", X said" and
  ", said X". ``attributed_to`` is None when the outlet states the figure in its own voice. A closed
  trailing attribution (", X said, and ...") covers only the figures before it; an appositive gives way to
  the name it describes ("Gen. X, commander of the guard, said" -> "Gen. X").
* Grouping: same measure and the same canonical subject. Generic subjects ("people", "others", "victims",
  and for arrests "suspects" and "men") count as no subject; a singular joins its plural ("protester"). A
  specific subject ("civilians") is never merged with a generic one, because a part need not equal the
  whole, so "30 civilians" and "62 people" are not in conflict. Money groups by currency.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from corroborate.analyze.claims.attribution import find_speakers, speaker_for
from corroborate.analyze.claims.context import read_sentence
from corroborate.analyze.claims.lexicon import MEASURE_GENERIC_SUBJECTS, subject_group
from corroborate.analyze.claims.spans import find_phrases

__all__ = ["ClaimGroup", "ClaimValue", "NumberMention", "canonical_subject", "find_numbers", "group_claims"]


@dataclass(frozen=True)
class NumberMention:
    """One numeric claim: a quantity phrase span on the article text with its range and reading."""

    start: int
    end: int
    text: str
    low: float | None
    high: float | None
    measure: str
    subject: str | None
    attributed_to: str | None
    attribution_span: tuple[int, int] | None
    sentence: tuple[int, int]


def _check_spans(text: str, sentences: Sequence[tuple[int, int]]) -> None:
    for start, end in sentences:
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"sentence span ({start}, {end}) is outside a text of length {len(text)}")


def find_numbers(text: str, sentences: Sequence[tuple[int, int]]) -> list[NumberMention]:
    """Numeric claims of ``text``, sorted by position. Reads ``sentences`` (spans); an empty list means the
    whole text is one sentence. Numbers with no recognised measure are not returned."""
    _check_spans(text, sentences)
    spans = list(sentences) or ([(0, len(text))] if text else [])
    mentions: list[NumberMention] = []
    for s_start, s_end in spans:
        s = text[s_start:s_end]
        phrases = find_phrases(s)
        readings = read_sentence(s, phrases)
        speakers = find_speakers(s)
        for p, r in zip(phrases, readings, strict=True):
            if r.measure is None or p.superseded:
                continue
            sp = speaker_for(s, speakers, p.start, p.end)
            mentions.append(NumberMention(
                start=s_start + p.start,
                end=s_start + p.end,
                text=s[p.start:p.end],
                low=p.low,
                high=p.high,
                measure=r.measure,
                subject=r.subject,
                attributed_to=s[sp.start:sp.end] if sp else None,
                attribution_span=(s_start + sp.start, s_start + sp.end) if sp else None,
                sentence=(s_start, s_end),
            ))
    return sorted(mentions, key=lambda m: (m.start, m.end))


def canonical_subject(subject: str | None, measure: str | None = None) -> str | None:
    """Group key of a subject: known synonyms merged ("troops" -> "soldiers", "protester" -> "protesters"),
    generic nouns -> None, and nouns generic for ``measure`` -> None ("suspects" arrested)."""
    if subject is None:
        return None
    key = " ".join(subject.split())
    if key.isupper():  # currency codes
        return key
    group = subject_group(key.lower())
    if group is not None and group in MEASURE_GENERIC_SUBJECTS.get(measure or "", frozenset()):
        return None
    return group


@dataclass
class ClaimValue:
    """One figure for a claim and every report carrying it.

    ``attributed_to`` is the most common non-None attribution among its mentions (ties: alphabetical), None
    when every report states it in its own voice; ``mentions`` keep each report's own attribution.
    """

    text: str
    low: float | None
    high: float | None
    attributed_to: str | None
    sources: list[str]
    mentions: list[tuple[str, NumberMention]] = field(default_factory=list)


@dataclass
class ClaimGroup:
    """All figures reports give for one measure and subject; ``disputed`` if they cannot all be true."""

    measure: str
    subject: str | None
    disputed: bool
    values: list[ClaimValue]


_Range = tuple[float | None, float | None]


def _range_key(m: NumberMention) -> _Range:
    return (None if m.low is None else round(m.low, 6), None if m.high is None else round(m.high, 6))


def _value(mentions: list[tuple[str, NumberMention]]) -> ClaimValue:
    texts = Counter(" ".join(m.text.split()) for _, m in mentions)
    text = min(texts, key=lambda t: (-texts[t], len(t), t))
    attributions = Counter(m.attributed_to for _, m in mentions if m.attributed_to)
    attributed = min(attributions, key=lambda a: (-attributions[a], a)) if attributions else None
    first = mentions[0][1]
    return ClaimValue(text, first.low, first.high, attributed, sorted({src for src, _ in mentions}), mentions)


def ranges_conflict(values: Sequence[tuple[float | None, float | None]]) -> bool:
    """True when closed ranges share no common point (in 1-D, pairwise overlap implies a common point)."""
    lows = [lo if lo is not None else 0.0 for lo, _ in values]
    highs = [hi if hi is not None else math.inf for _, hi in values]
    return bool(values) and max(lows) > min(highs) + 1e-9


def group_claims(items: Sequence[tuple[str, NumberMention]]) -> list[ClaimGroup]:
    """Pool ``(source_id, mention)`` pairs into claim groups: same measure and canonical subject.

    Values with the same range merge ("62" and "sixty-two"). Groups are ordered by how many reports carry
    them, then measure and subject; values by range.
    """
    by_group: dict[tuple[str, str | None], dict[_Range, list[tuple[str, NumberMention]]]] = {}
    for source, mention in sorted(items, key=lambda it: (it[0], it[1].start, it[1].end)):
        key = (mention.measure, canonical_subject(mention.subject, mention.measure))
        by_group.setdefault(key, {}).setdefault(_range_key(mention), []).append((source, mention))
    groups = []
    for (measure, subject), values in by_group.items():
        claim_values = sorted(
            (_value(ms) for ms in values.values()),
            key=lambda v: (v.low if v.low is not None else 0.0, v.high if v.high is not None else math.inf),
        )
        disputed = ranges_conflict([(v.low, v.high) for v in claim_values])
        groups.append(ClaimGroup(measure, subject, disputed, claim_values))
    n_sources = {id(g): len({s for v in g.values for s in v.sources}) for g in groups}
    return sorted(groups, key=lambda g: (-n_sources[id(g)], g.measure, g.subject or ""))
