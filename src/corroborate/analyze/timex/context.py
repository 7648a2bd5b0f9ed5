"""What a temporal rule sees (:class:`Ctx`) and returns (:class:`Resolution`), plus the rule record itself."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from corroborate.analyze.timex.lexicon import FUTURE_WORDS, PAST_WORDS

# A sentence for tense purposes ends at . ! ? or a line break followed by space; abbreviations such as
# "Sept." only make the window a little shorter, which is harmless for a tense cue. Cutting the window at the
# sentence spans of analyze.text instead changes one value on TBAQ train ("A year earlier") and costs a sentence
# split per find_timexes call (~25% slower), so the recogniser keeps this cheap cut.
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"'`(])|\n")
# How many characters either side of an expression are searched for tense cues. 120: value F1 on TBAQ
# train 75.7 / 76.2 / 76.3 / 76.3 for 30 / 60 / 90 / 120 (always-past 76.4: TempEval gold barely rewards
# tense; the cue is kept because news does say 'will meet on Friday').
TENSE_WINDOW = 120


@dataclass(frozen=True)
class Resolution:
    """A rule's reading of one match: TIMEX3 type and value, how it was obtained, and any anchor offset.

    ``offset`` is set for expressions that denote a shift from some event ('+P2D' for 'two days later' or
    'two days after'); :func:`corroborate.analyze.timex.resolve_relative` applies it to an event's date.
    """

    kind: str
    value: str
    how: str
    offset: str = ""


@dataclass
class Ctx:
    """Document-level state a rule may read: the text, the reference date and the running anchor date.

    ``anchor`` is the most recent day-level date resolved earlier in the text (or the reference); narrative
    offsets such as 'three days later' count from it, as HeidelTime does for narrative documents.
    """

    text: str
    reference: dt.date | None
    anchor: dt.date | None = None
    anchor_how: str = ""

    def ref_how(self) -> str:
        return f"relative to reference {self.reference.isoformat()}" if self.reference else ""

    def tense(self, start: int, end: int) -> str:
        """'future', 'past' or 'unknown' from cue words near the expression in its sentence."""
        lo = max(0, start - TENSE_WINDOW)
        hi = min(len(self.text), end + TENSE_WINDOW)
        before = self.text[lo:start]
        after = self.text[end:hi]
        cuts = list(_SENTENCE_END.finditer(before))
        if cuts:
            before = before[cuts[-1].end() :]
        cut = _SENTENCE_END.search(after)
        if cut:
            after = after[: cut.start()]
        # The nearest cue wins: in "said on Saturday it would reopen" the verb next to the date is 'said'.
        cues = [(len(before) - m.end(), "future") for m in FUTURE_WORDS.finditer(before)]
        cues += [(len(before) - m.end(), "past") for m in PAST_WORDS.finditer(before)]
        cues += [(m.start(), "future") for m in FUTURE_WORDS.finditer(after)]
        cues += [(m.start(), "past") for m in PAST_WORDS.finditer(after)]
        return min(cues)[1] if cues else "unknown"

    def sentence(self, start: int, end: int) -> str:
        """The sentence around ``[start, end)`` (bounded by the tense window)."""
        lo = max(0, start - 2 * TENSE_WINDOW)
        before = self.text[lo:start]
        cuts = list(_SENTENCE_END.finditer(before))
        if cuts:
            before = before[cuts[-1].end() :]
        after = self.text[end : end + 2 * TENSE_WINDOW]
        cut = _SENTENCE_END.search(after)
        return before + self.text[start:end] + (after[: cut.start()] if cut else after)

    def following_text(self, end: int, width: int = 30) -> str:
        return self.text[end : end + width]


Handler = Callable[[re.Match[str], Ctx], Resolution | None]
Check = Callable[[re.Match[str], str], bool]


@dataclass(frozen=True)
class Rule:
    """One recognition rule: a compiled pattern, a reader that normalises its match, an optional filter.

    ``check(match, text)`` runs before overlap resolution, so a rejected match leaves room for shorter ones.
    """

    name: str
    pattern: re.Pattern[str]
    handler: Handler
    check: Check | None = None


UNRESOLVED = "unresolved: no reference date"


def no_such_day(year: str, month: int, day: int) -> str:
    """How an impossible calendar date ('Sept. 31') is recorded: unresolved, saying why."""
    return f"unresolved: no such calendar day {year}-{month:02d}-{day:02d}"


def rx(pattern: str) -> re.Pattern[str]:
    """Compile a rule pattern with word boundaries that also respect digits and hyphen-joined words."""
    return re.compile(r"(?<![\w$\u00a3\u20ac])" + pattern + r"(?![\w%\u00a3])")
