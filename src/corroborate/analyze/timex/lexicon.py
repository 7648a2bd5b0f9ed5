"""Word lists and regex fragments for temporal expressions (English news).

Shared by the rule tables (``timex.rules_*``) and the calendar arithmetic (``timex.calendar``). The words are
language data in :mod:`corroborate.lang.en` (``months.txt``, ``weekdays.txt``, ``number_words.txt``,
:mod:`corroborate.lang.en.time_words`); this module gives them to the recogniser with their numbers and builds
the regular expressions, so a reviewer can see every word the recogniser reacts to.
"""

from __future__ import annotations

import re

from corroborate.lang.en import MONTHS as LANG_MONTHS
from corroborate.lang.en import NUMBER_WORDS
from corroborate.lang.en import WEEKDAYS as LANG_WEEKDAYS
from corroborate.lang.en.time_words import ORDINALS, PARTS_OF_DAY, SEASONS, UNITS, VAGUE_NUMBERS

__all__ = [
    "APOS_YEAR_RE",
    "APPROX_RE",
    "DAY_NUM_RE",
    "DAY_ORD_RE",
    "FUTURE_WORDS",
    "MONTHS",
    "MONTH_FULL_RE",
    "MONTH_RE",
    "NUMBER_RE",
    "ORDINALS",
    "PARTS_OF_DAY",
    "PART_RE",
    "PAST_WORDS",
    "SEASONS",
    "SEASON_RE",
    "SMALL_NUMBERS",
    "TENS",
    "UNITS",
    "UNIT_PLURAL_RE",
    "UNIT_RE",
    "VAGUE_NUMBERS",
    "VAGUE_RE",
    "WEEKDAYS",
    "WEEKDAY_RE",
    "YEAR_RE",
    "month_number",
    "parse_number",
    "unit_of",
    "weekday_number",
]

# Month and weekday names (lang/en/months.txt, weekdays.txt) with their numbers: months 1-12, ISO weekday numbers
# (Monday = 1), as TIMEX3 "XXXX-WXX-1" uses them.
MONTHS: dict[str, int] = {name: number for number, names in enumerate(LANG_MONTHS, start=1) for name in names}
WEEKDAYS: dict[str, int] = {name: number for number, names in enumerate(LANG_WEEKDAYS, start=1) for name in names}
# Small numbers as durations count them ("a week", "a couple of days"): the number words below twenty
# (lang/en/number_words.txt) with "a"/"an" and the counting phrases of durations.
SMALL_NUMBERS: dict[str, float] = {
    "zero": 0,
    "a": 1,
    "an": 1,
    **{w: v for w, v in NUMBER_WORDS.items() if 0 < v < 20},
    "dozen": 12,
    "a dozen": 12,
    "a couple of": 2,
    "couple of": 2,
    "a couple": 2,
    "half a": 0.5,
    "half an": 0.5,
}
TENS: dict[str, int] = {**{w: v for w, v in NUMBER_WORDS.items() if v >= 20}, "hundred": 100, "a hundred": 100}



def _alt(words: list[str]) -> str:
    """Regex alternation, longest first so the engine prefers 'a couple of' over 'a'."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


# Month names are matched case-sensitively (capitalised) so 'may', 'march' and 'sun' stay verbs and nouns.
MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|JANUARY|FEBRUARY|MARCH|APRIL|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
MONTH_FULL_RE = (
    r"(?:January|February|March|April|June|July|August|September|October|November|December"
    r"|Sept\.|Jan\.|Feb\.|Aug\.|Oct\.|Nov\.|Dec\.)"
)
WEEKDAY_RE = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:Mon|Tue|Tues|Wed|Thu|Thurs|Fri|Sat|Sun)\.)"
SEASON_RE = r"(?i:spring|summer|fall|autumn|winter)"
PART_RE = r"(?i:morning|afternoon|evening|night|overnight)"
DAY_NUM_RE = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
DAY_ORD_RE = (
    r"(?i:"
    + _alt(
        [w for w in ORDINALS if ORDINALS[w] > 0]
        + [
            "twenty-first",
            "twenty-second",
            "twenty-third",
            "twenty-fourth",
            "twenty-fifth",
            "twenty-sixth",
            "twenty-seventh",
            "twenty-eighth",
            "twenty-ninth",
            "thirty-first",
        ]
    )
    + ")"
)
YEAR_RE = r"(?:1[5-9]\d\d|20\d\d)(?![\d,.]\d)"
APOS_YEAR_RE = r"(?:['\u2019]\d\d)"
_NUM_WORDS = (
    list(SMALL_NUMBERS)
    + list(TENS)
    + [
        f"{t}{sep}{u}"
        for t in TENS
        if t not in ("hundred", "a hundred")
        for sep in ("-", " ")
        for u in ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
    ]
)
NUMBER_RE = r"(?:\d+(?:[.,]\d+)?(?:\s+\d/\d)?|\d/\d|(?i:" + _alt(_NUM_WORDS) + r")(?:\s+and\s+a\s+half)?)"
VAGUE_RE = r"(?i:" + _alt(list(VAGUE_NUMBERS)) + ")"
UNIT_RE = r"(?i:" + _alt(sorted(set(UNITS) - {"centurie", "millennia"})) + r")"
UNIT_PLURAL_RE = (
    r"(?i:seconds|secs|minutes|mins|hours|hrs|days|nights|weeks|fortnights|months|quarters|years|yrs"
    r"|decades|centuries|millennia)"
)
APPROX_RE = (
    r"(?i:about|around|approximately|roughly|nearly|almost|some|more\s+than|less\s+than|fewer\s+than"
    r"|at\s+least|at\s+most|up\s+to|over|under|just\s+over|just\s+under|barely|only|just)"
)
FUTURE_WORDS = re.compile(
    r"\b(?:will|won't|'ll|shall|going\s+to|(?:is|are)\s+(?:due|set|scheduled|expected|slated|planned|to\s+be)"
    r"|plans?\s+to|next|upcoming|coming|would\s+(?:begin|start|take\s+place))\b",
    re.IGNORECASE,
)
PAST_WORDS = re.compile(
    r"\b(?:was|were|had|did|said|told|announced|reported|\w{3,}ed|ago|last|earlier|previously)\b",
    re.IGNORECASE,
)


def parse_number(text: str) -> float | None:
    """Value of a number phrase ('two', 'twenty-four', '2 1/2', '1,000', 'a couple of'); None when vague."""
    s = re.sub(r"\s+", " ", text.strip().lower())
    half = 0.5 if s.endswith(" and a half") else 0.0
    if half:
        s = s[: -len(" and a half")]
    if re.fullmatch(r"\d+(?:,\d{3})+", s):
        return float(s.replace(",", "")) + half
    m = re.fullmatch(r"(\d+(?:\.\d+)?)?(?: ?(\d)/(\d))?", s)
    if m and (m.group(1) or m.group(2)):
        whole = float(m.group(1) or 0)
        frac = int(m.group(2)) / int(m.group(3)) if m.group(2) and int(m.group(3)) else 0.0
        return whole + frac + half
    if s in SMALL_NUMBERS:
        return SMALL_NUMBERS[s] + half
    if s in TENS:
        return TENS[s] + half
    parts = re.split(r"[- ]", s)
    if len(parts) == 2 and parts[0] in TENS and parts[1] in SMALL_NUMBERS:
        return TENS[parts[0]] + SMALL_NUMBERS[parts[1]] + half
    return None


def month_number(word: str) -> int:
    """1-12 for a month name or abbreviation ('Sept.', 'March')."""
    return MONTHS[word.lower().rstrip(".")]


def weekday_number(word: str) -> int:
    """ISO weekday 1-7 for a weekday name or abbreviation."""
    return WEEKDAYS[word.lower().rstrip(".")]


def unit_of(word: str) -> tuple[float, str]:
    """(multiplier, unit letter) for a unit word, singular or plural ('decades' -> (10, 'Y'))."""
    w = word.lower()
    if w in UNITS:
        return UNITS[w]
    if w.endswith("s") and w[:-1] in UNITS:
        return UNITS[w[:-1]]
    if w == "centuries":
        return UNITS["century"]
    return UNITS.get(w.rstrip("s"), (1, "D"))
