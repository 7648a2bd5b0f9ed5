"""Word tables of temporal expressions in English news: seasons, parts of the day, time units, ordinals, vague
quantities.

source: general knowledge of English (the TIMEX3 codes are TimeML's: "SP" spring, "MO" morning, "D" day ...);
month and weekday names are ``months.txt`` and ``weekdays.txt``, the number words ``number_words.txt``
(:mod:`corroborate.lang.en`). Read by :mod:`corroborate.analyze.timex.lexicon`, which builds the regular
expressions.
"""

from __future__ import annotations

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
