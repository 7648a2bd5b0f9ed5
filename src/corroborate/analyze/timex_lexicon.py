"""Word lists and regex fragments for temporal expressions (English news).

Shared by the rule table (:mod:`timex_rules`) and the calendar arithmetic (:mod:`timex_calendar`). Kept as
plain data so a reviewer can see every word the recogniser reacts to.
"""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
WEEKDAYS: dict[str, int] = {  # ISO weekday numbers (Monday = 1), as TIMEX3 "XXXX-WXX-1" uses them
    "monday": 1,
    "mon": 1,
    "tuesday": 2,
    "tue": 2,
    "tues": 2,
    "wednesday": 3,
    "wed": 3,
    "thursday": 4,
    "thu": 4,
    "thurs": 4,
    "friday": 5,
    "fri": 5,
    "saturday": 6,
    "sat": 6,
    "sunday": 7,
    "sun": 7,
}
SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
    "tonight": "NI",
}
UNITS: dict[
    str, tuple[float, str]
] = {  # unit word -> (multiplier, TIMEX3 unit letter; lowercase = time part)
    "second": (1, "s"),
    "sec": (1, "s"),
    "minute": (1, "m"),
    "min": (1, "m"),
    "hour": (1, "h"),
    "hr": (1, "h"),
    "day": (1, "D"),
    "night": (1, "D"),
    "week": (1, "W"),
    "fortnight": (2, "W"),
    "month": (1, "M"),
    "quarter": (1, "Q"),
    "year": (1, "Y"),
    "yr": (1, "Y"),
    "decade": (10, "Y"),
    "century": (100, "Y"),
    "centurie": (100, "Y"),
    "millennium": (1000, "Y"),
    "millennia": (1000, "Y"),
}
ORDINALS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "last": -1,
    "final": -1,
}
SMALL_NUMBERS: dict[str, float] = {
    "zero": 0,
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "dozen": 12,
    "a dozen": 12,
    "a couple of": 2,
    "couple of": 2,
    "a couple": 2,
    "half a": 0.5,
    "half an": 0.5,
}
TENS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a hundred": 100,
}
VAGUE_NUMBERS = (
    "several",
    "a few",
    "few",
    "some",
    "many",
    "a number of",
    "dozens of",
    "hundreds of",
    "the few",
    "a couple of",
    "couple of",
)


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
