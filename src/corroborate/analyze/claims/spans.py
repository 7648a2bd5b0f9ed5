"""Find quantity phrases in one sentence and turn each into a numeric range; mask numbers that are not counts.

Works on one sentence string; offsets are local to it. Knows nothing about what is counted (that is
``claims.context``). Hand-written regular expressions, because the quantity libraries on PyPI (quantulum3,
number-parser, word2number) either need downloaded models, drop character offsets, or do not cover the
news-specific quantifiers ("upwards of", "dozens", "an estimated") whose ranges we must control.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corroborate.analyze.claims.lexicon import (
    CURRENCY_PREFIX,
    CURRENCY_SUFFIX,
    FEW_UNITS,
    FEW_WORDS,
    MODIFIERS,
    NUMBER_WORDS,
    SCALES,
    SUBJECTS,
    VAGUE,
    alternation,
    words_value,
)
from corroborate.lang.en import MONTHS
from corroborate.lang.en.measures import HYPHEN_UNITS

# "about N" / "nearly N" are recorded as N, approximate (``Phrase.approx``); where compatibility is decided
# (disputes, grouping) an approximate N stands for N +/- max(APPROX_REL * N, APPROX_MIN_ABS) (``tolerance``).
# 10% is the usual rounding of reported tolls; the absolute floor keeps "about 12" from clashing with 13 or 14.
APPROX_REL = 0.10
APPROX_MIN_ABS = 2.0
YEAR_MIN, YEAR_MAX = 1000, 2100

_IC = re.IGNORECASE
_SP = "[ \u00a0\u202f\u2009]"
_NW = rf"(?:{alternation(NUMBER_WORDS)})\b"
_WORDNUM = (
    rf"(?<![\w-])(?:half\s+an?\s+|an?\s+(?=(?:dozen|hundred|thousand|million|billion)\b))?{_NW}"
    rf"(?:(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))\s+and\s+{_NW}|[ \t\u00a0-]+{_NW})*"
)
_DIGITS = rf"(?<![\w.,])(?:\d{{1,3}}(?:(?:,|{_SP})\d{{3}})+(?!\d)|\d+)(?:\.\d+)?"
_DIGIT_SCALE = rf"(?:{_SP}*(?:million|billion|trillion|thousand|dozen)\b|(?:m|bn|mn|k)\b)?"
_VAGUE = r"\b(?:" + alternation(VAGUE).replace("scores", r"scores(?=\s+of\b)") + r")\b"
_FEW = rf"\b(?:{FEW_WORDS})\s+(?:{alternation(FEW_UNITS)})\b"
# Fractions of a whole before "of"/"the": "a third of", "two-thirds of", "half the", "the northern half of"
# ("the first half of the year" is a period, not a share).
_FRACTION_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
                          "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10}
_FRACTION_NUMERATORS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "nine": 9}
_FRAC = (
    r"(?<![\w-])(?<!first\s)(?<!second\s)(?<!last\s)(?<!latter\s)(?<!former\s)"
    r"(?:(?:a|one|two|three|four|nine)[\s-]+(?:halves|half|thirds?|quarters?|fourths?|fifths?|tenths?)|half)"
    r"(?=\s+(?:of|the)\b)"
)
_CORE = re.compile(
    rf"(?P<frac>{_FRAC})|(?P<few>{_FEW})|(?P<vague>{_VAGUE})|(?P<word>{_WORDNUM})"
    rf"|(?P<digit>{_DIGITS}{_DIGIT_SCALE})(?![A-Za-z\d])",
    re.IGNORECASE,
)

_MODIFIER_RES = [(re.compile(rf"(?<![\w])(?:{alt})\s*$", re.IGNORECASE), kind) for alt, kind in MODIFIERS]
_CURRENCY_LEFT = re.compile(rf"(?:{alternation(CURRENCY_PREFIX)}){_SP}?$")
_CURRENCY_RIGHT = re.compile(
    rf"^{_SP}*(?:(?:US|Australian|Canadian|Hong\s+Kong)\s+)?(?P<cur>{alternation(CURRENCY_SUFFIX)})\b",
    re.IGNORECASE,
)
_PERCENT_RIGHT = re.compile(rf"^{_SP}?(?:%|per\s*cent\b|percent\b|pc\b)", re.IGNORECASE)
_OR_SO_RIGHT = re.compile(r"^\s+or\s+so\b", re.IGNORECASE)
_BETWEEN_LEFT = re.compile(r"(?<![\w])between\s+$", re.IGNORECASE)
_FROM_LEFT = re.compile(r"(?<![\w])from\s+$", re.IGNORECASE)  # "rose from 12 to 62": 12 is superseded
_RANGE_GAP = re.compile(r"^\s*(?:-|–|—|to|or)\s*$", re.IGNORECASE)
_AND_GAP = re.compile(r"^\s+and\s+$", re.IGNORECASE)

# ---- numbers that are not counts -------------------------------------------------------------------------
# Month names (lang/en/months.txt), capitalised: the full names, then the abbreviations.
_MONTHS = (
    "(?:"
    + "|".join([names[0].capitalize() for names in MONTHS] + [a.capitalize() for names in MONTHS for a in names[1:]])
    + r")\b\.?"
)
_LABELS = (
    r"Vote|Votes|Page|Photo|Photos|Picture|Image|Slide|Chapter|Section|Article|Part|Episode|Figure|Fig\.|"
    r"Table|No\.|Number|Item|Step|Round|Level|Phase|Stage|Route|Highway|Flight|Room|Gate|Platform|"
    r"Resolution|Comments?|Shares?|Likes?|Ward|Zone|Sector|Block|Unit|Apartment|Apt\.?|Suite|Floor|Lot|"
    r"Gallery|Video|Season|Game|Match|Week|Day|Grade|Class|Title|Rule|Bill|Clause|Paragraph|Amendment|"
    r"Category|Question|Q|Option|Answer|Poll|Reply|Replies|Retweets?|Views?"
)
_STREET = (
    r"Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Boulevard|Blvd|Way|Drive|Square|Sq|Place|Pl|Terrace|Close|"
    r"Court|Crescent|Highway|Hwy|Row|Alley|Embankment|Quay"
)
_NON_CLAIMS = [
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTHS}(?:,?\s+\d{{4}})?"),
    re.compile(rf"\b{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}}\b)?"),
    re.compile(rf"\b{_MONTHS}\s+\d{{4}}\b"),
    re.compile(r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b"),
    re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:a\.m\.?|p\.m\.?|am\b|pm\b)", re.IGNORECASE),
    re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b"),
    re.compile(r"\b\d{3,4}\s*(?:GMT|UTC|hrs|local\s+time)\b"),
    re.compile(r"\b\d{1,2}\s+o['’]clock\b", re.IGNORECASE),
    re.compile(r"\b(?:aged?|ages)\s+(?:between\s+)?\d{1,3}(?:\s*(?:-|–|to|and)\s*\d{1,3})?\b", _IC),
    re.compile(r"\b\d{1,3}[-\s]years?[-\s]old\b", re.IGNORECASE),
    # 34-year-old, 3-D, 4-wheel; a unit adjective ("2,650-mile", "72-hour") is a figure (see HYPHEN_UNITS)
    re.compile(rf"\b\d+(?:\.\d+)?-(?!(?:{'|'.join(sorted(HYPHEN_UNITS))})\b(?!-old))(?=[A-Za-z])[A-Za-z]+(?:-[A-Za-z]+)*"),
    re.compile(rf"\b{_NW}-(?!{_NW}|(?:halves|half|thirds?|quarters?|fourths?|fifths?|tenths?)\b)[A-Za-z]+(?:-[A-Za-z]+)*",
               re.IGNORECASE),  # four-storey, two-day (not two-thirds)
    re.compile(rf"\b\d+[A-Za-z]?\s+(?:[A-Z][\w'’-]*\s+){{1,3}}(?:{_STREET})\b\.?"),
    re.compile(rf"\b(?:{_LABELS})\s+#?\d+[A-Za-z]?\b(?:\s+of\s+\d+\b)?"),
    re.compile(r"#\d+\b"),
    re.compile(rf"\b(?:\d+|one|two|three|four|five)\s+in\s+(?:\d+|{_NW})", _IC),  # "1 in 3 deaths": a ratio
]
_COMMA_AGE = re.compile(r"\b[A-Z][\w'’-]+,\s*(\d{1,3})\s*,|\b[A-Z][\w'’-]+\s+\((\d{1,3})\)")
_PHONE = re.compile(r"(?<![\w])\+?\(?\d[\d ().\u00a0-]{5,}\d")
_THOUSANDS = re.compile(rf"^\d{{1,3}}(?:(?:,|{_SP})\d{{3}})+(?:\.\d+)?$")


@dataclass
class Phrase:
    """One quantity phrase on a sentence (local offsets) with its range and what kind of figure it is."""

    start: int
    end: int
    low: float | None
    high: float | None
    kind: str  # "exact" | "vague" | "range" | "percent" | "fraction"
    currency: str | None = None
    year_like: bool = False
    superseded: bool = False  # "up from 60": an earlier figure, kept only as a context boundary
    approx: bool = False  # "about / nearly / some / just over N": the value N, approximate


@dataclass
class _Core:
    start: int
    end: int
    low: float
    high: float | None
    vague: bool
    short_scale: bool = False
    year_like: bool = False
    fraction: bool = False


def non_claim_spans(s: str) -> list[tuple[int, int]]:
    """Spans of dates, times, ages, phone numbers, street numbers and labels such as "Vote 1" or "Page 2"."""
    spans = [m.span() for rx in _NON_CLAIMS for m in rx.finditer(s)]
    for m in _COMMA_AGE.finditer(s):
        group = 1 if m.group(1) is not None else 2
        spans.append(m.span(group))
    for m in _PHONE.finditer(s):
        chunk = m.group().strip(" ().-\u00a0")
        digits = sum(c.isdigit() for c in chunk)
        if digits >= 7 and not _THOUSANDS.match(chunk) and re.search(r"[ ().\u00a0-]", chunk):
            spans.append(m.span())
    return spans


def _parse_core(m: re.Match[str]) -> _Core | None:
    text = m.group()
    if m.group("frac"):
        words = re.split(r"[\s-]+", text.lower())
        denominator = _FRACTION_DENOMINATORS[words[-1]]
        numerator = _FRACTION_NUMERATORS[words[0]] if len(words) > 1 else 1
        if numerator >= denominator:
            return None
        share = round(numerator / denominator, 2)
        return _Core(m.start(), m.end(), share, share, vague=False, fraction=True)
    if m.group("few"):
        words = text.lower().split()
        unit = FEW_UNITS[words[-1]]
        return _Core(m.start(), m.end(), 2 * unit, None if words[0] == "many" else 10 * unit, vague=True)
    if m.group("vague"):
        low, high = VAGUE[" ".join(text.lower().split())]
        return _Core(m.start(), m.end(), low, high, vague=True)
    if m.group("word"):
        value = words_value(re.split(r"[\s-]+", text.lower()))
        return None if value is None else _Core(m.start(), m.end(), value, value, vague=False)
    num = re.match(rf"(?:\d|,|{_SP})+(?:\.\d+)?", text)
    assert num is not None  # the digit group always starts with a digit
    value = float(re.sub(rf"[,{_SP[1:-1]}]", "", num.group()))
    scale_word = text[num.end():].strip(" \u00a0\u202f\u2009").lower()
    if scale_word:
        value *= 12 if scale_word == "dozen" else SCALES[scale_word]
    plain = num.group().isdigit() and len(num.group()) == 4 and not scale_word
    return _Core(m.start(), m.end(), value, value, vague=False, short_scale=scale_word in ("m", "k", "mn"),
                 year_like=plain and YEAR_MIN <= value <= YEAR_MAX)


def _cores(s: str) -> list[_Core]:
    masked = non_claim_spans(s)
    cores = []
    for m in _CORE.finditer(s):
        if any(a < m.end() and m.start() < b for a, b in masked):
            continue
        core = _parse_core(m)
        if core is not None:
            cores.append(core)
    return cores


def tolerance(n: float) -> float:
    """How far an approximate figure N may be from the true one: max(APPROX_REL * N, APPROX_MIN_ABS)."""
    return max(APPROX_REL * n, APPROX_MIN_ABS)


APPROX_KINDS = frozenset({"approx", "nearly", "just_over"})


def apply_modifier(
    kind: str | None, low: float, high: float | None, vague: bool
) -> tuple[float | None, float | None]:
    """The range a quantifier gives an exact value or a vague one (see the module docstring of numbers)."""
    if vague:
        if kind == "min":
            return (low, None)
        if kind == "max":
            return (0.0, high)
        return (low, high)
    n = low
    table: dict[str | None, tuple[float | None, float | None]] = {
        None: (n, n),
        "min": (n, None),  # "more than N" and "at least N" alike: N inclusive, no upper bound
        "max": (0.0, n),  # "up to/fewer than N": N inclusive
    }
    # "about / nearly / just over N": the value N; the phrase is marked approximate (APPROX_KINDS)
    return table.get(kind, (n, n))


def _modifier(left: str) -> tuple[str | None, int]:
    """The quantifier kind ending ``left`` and how many characters it takes (0 when none)."""
    for rx, kind in _MODIFIER_RES:
        m = rx.search(left)
        if m:
            return kind, len(left) - m.start()
    return None, 0


def _is_weight(s: str, start: int, end: int, unit: str) -> bool:
    """'320 pounds' is a weight; 'five million pounds' and '200 pounds sterling' are money."""
    if unit.lower() != "pounds":
        return False
    return not re.search(r"(?:million|billion|thousand|bn|m)\s*$", s[start:end], re.IGNORECASE)


def _next_word_is_subject(s: str, pos: int) -> bool:
    m = re.match(r"\s+([A-Za-z-]+)", s[pos:])
    return bool(m and m.group(1).lower() in SUBJECTS)


def find_phrases(s: str) -> list[Phrase]:
    """Quantity phrases of sentence ``s`` with their ranges, in order; non-count numbers are skipped."""
    cores = _cores(s)
    phrases: list[Phrase] = []
    i = 0
    while i < len(cores):
        a = cores[i]
        b = cores[i + 1] if i + 1 < len(cores) else None
        start, end = a.start, a.end
        gap = s[a.end:b.start] if b else ""
        between = _BETWEEN_LEFT.search(s[:a.start])
        is_range = (
            b is not None and not a.vague and not b.vague and a.low <= b.low and a.fraction == b.fraction
            and (_RANGE_GAP.match(gap) or (between and _AND_GAP.match(gap)))
            and not _FROM_LEFT.search(s[:a.start])
        )
        low: float
        high: float | None
        if is_range and b is not None:
            end = b.end
            if between:
                start = between.start()
            low, high, kind = a.low, b.low, "range"
            i += 2
        else:
            low, high, kind = a.low, a.high, "vague" if a.vague else "fraction" if a.fraction else "exact"
            i += 1
        phrases.append(_extend(s, start, end, low, high, kind, a))
    return phrases


def _extend(s: str, start: int, end: int, low: float, high: float | None, kind: str, core: _Core) -> Phrase:
    """Grow a core number into its phrase: currency, quantifier, percent sign, "or so"; compute the range."""
    currency = None
    cur = _CURRENCY_LEFT.search(s[:start])
    if cur:
        currency = CURRENCY_PREFIX[re.sub(rf"{_SP}", "", cur.group())]
        start = cur.start()
    right = s[end:]
    suffix = _CURRENCY_RIGHT.match(right)
    if suffix and currency is None and not _is_weight(s, start, end, suffix.group("cur")):
        currency = CURRENCY_SUFFIX[" ".join(suffix.group("cur").lower().split())]
        end += suffix.end()
    elif (pct := _PERCENT_RIGHT.match(right)) is not None and currency is None:
        kind = "percent"
        end += pct.end()
    superseded = bool(_FROM_LEFT.search(s[:start]))
    modifier, width = (None, 0) if kind == "range" else _modifier(s[:start])
    start -= width
    if (orso := _OR_SO_RIGHT.match(s[end:])) is not None and modifier is None and kind == "exact":
        modifier = "approx"
        end += orso.end()
    superseded = superseded or bool(_FROM_LEFT.search(s[:start]))
    if core.short_scale and currency is None and not _next_word_is_subject(s, end):
        superseded = True  # "12m" without a currency is a length, not a count
    lo: float | None
    hi: float | None
    if kind == "range":
        lo, hi = low, high
    else:
        lo, hi = apply_modifier(modifier, low, high, kind == "vague")
    return Phrase(start, end, lo, hi, kind, currency,
                  year_like=core.year_like and modifier is None and kind == "exact", superseded=superseded,
                  approx=modifier in APPROX_KINDS and kind != "vague")
