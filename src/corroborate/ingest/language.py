"""Which language a report is written in (py3langid), recorded on the report; the pipeline decides what to do.

py3langid (a numpy port of langid.py, 97 languages, deterministic, ~0.5 ms a report) was measured beside
langdetect on the 181 pages of ../shared/data/article-extraction plus 22 hand-written non-English news
sentences: on the first 200 characters of each page both agreed with the page's language on every page
(161 English, 20 in 7 other languages), py3langid got 22/22 sentences (langdetect 21/22, "zh-cn"), and
langdetect was 10x slower and random unless seeded. py3langid is kept.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

# 400 characters: the start of a report decides its language; more text costs time, not accuracy
# (py3langid agreed with the page language on all 181 benchmark pages from 200 characters on). With 2,000 the
# detection cost ~1.1 ms a report in the 10k-report ingest benchmark, more than the rest of reading.
SAMPLE_CHARS = 400
# 12 letters: below this (a bare headline word, a number) no language is recorded.
MIN_LETTERS = 12
# 0.5: py3langid's normalised probability below which no language is recorded (None: the pipeline reads it as
# usual). On the first 40/80 characters of the 161 English benchmark pages every wrong guess but one scored
# under 0.32 ("pcm", "mg", "eo" for datelines such as "WASHINGTON (AP) —"); the 22 non-English sentences all
# scored 0.57 or more.
MIN_PROBABILITY = 0.5
_LETTER = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


# English by its function words, before the model is asked: at least ENGLISH_SHARE of the first sample's words
# (and at least ENGLISH_MIN_WORDS of them) are among the most frequent English function words. Measured on the
# true bodies of the 181 article-extraction pages (20 of them in 7 other languages) and the 570 Multi-News
# full-text reports, first SAMPLE_CHARS each: the test said "en" for 623 of the 731 texts py3langid calls
# English and for none of the others, so py3langid (~0.35 ms a report) runs on the rest only. The share is
# language knowledge, not a fitted threshold: in English prose about a third of the running words are these.
_FUNCTION_WORDS = frozenset(
    "the of and to a in is that for on was with as it by at from his be are have has said he an were this not "
    "but its they their been who which will".split()
)
ENGLISH_SHARE = 0.25
ENGLISH_MIN_WORDS = 30
_WORDS = re.compile(r"[A-Za-z]+")


def looks_english(sample: str) -> bool:
    words = _WORDS.findall(sample)
    if len(words) < ENGLISH_MIN_WORDS:
        return False
    hits = sum(1 for w in words if w.lower() in _FUNCTION_WORDS)
    return hits >= ENGLISH_SHARE * len(words)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when the text is too short or the guess too unsure."""
    sample = text[:SAMPLE_CHARS]
    if len(_LETTER.findall(sample)) < MIN_LETTERS:
        return None
    if looks_english(sample):
        return "en"
    language, probability = _identifier().classify(sample)
    return str(language) if probability >= MIN_PROBABILITY else None
