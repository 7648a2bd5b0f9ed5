"""English language data shared by the components: word lists read by one loader, word tables beside them.

Each ``*.txt`` file here holds one entry per line; lines starting with ``#`` are comments, and the first one says
where the list came from (``# source: ...``). Tables whose words carry a value live in small modules beside them
(:mod:`.measures` for numeric claims, :mod:`.time_words` for temporal expressions, :mod:`.honorifics` for entity
linking). The components read the data through the names below, never by opening the files themselves, and
derive what they need (inflections, regular expressions) in their own lexicon modules.

- ``STOP_WORDS``: the English stop-word list (scikit-learn's, exported to ``stopwords.txt`` by
  training/build_lang_data.py so that no run imports scikit-learn for it); the summarizer and headline use it.
- ``CLAIM_STOP_WORDS``: function words and reporting verbs the lexical support check ignores.
- ``NEGATIONS``: negation words, contractions written with their apostrophe ("don't").
- ``TITLES``: titles before a name, lower-cased, abbreviations with and without their stop ("gov", "gov.",
  "minister"); ``TITLE_ABBREVIATIONS``: the abbreviated ones as written, without the stop ("Gov", "Lt").
- ``SENTENCE_STARTERS`` / ``SHORT_SENTENCE_STARTERS``: capitalised words that start sentences (UD English).
- ``SPEECH_VERBS``: regular speech verbs (base forms); ``IRREGULAR_SPEECH_VERBS``: every form of the others.
- ``FIGURE_VERBS``: the verb forms by which a report says who gives a figure, in file order.
- ``MONTHS`` / ``WEEKDAYS``: each month's (weekday's) names in calendar order, full name first;
  ``MONTH_NAMES`` / ``WEEKDAY_NAMES``: the full names.
- ``NUMBER_WORDS``: cardinal number words below a hundred and their values, in order.
- ``COMMON_WORDS`` / ``LOWER_WORDS``: words the training corpora (UD English-EWT train, CoNLL-2003 train) write
  in lower case far more often than capitalised mid-sentence / at least as often ("heart" / "super");
  ``PERSON_WORDS``: words CoNLL-2003 train nearly always tags as part of a person's name. Built by
  training/build_common_words.py.
"""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def entries(name: str) -> tuple[str, ...]:
    """The entries of the list file ``name`` in file order (comment and blank lines skipped, each stripped)."""
    lines = (_HERE / name).read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _words(name: str) -> frozenset[str]:
    return frozenset(entries(name))


def _rows(name: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(entry.split()) for entry in entries(name))


STOP_WORDS: frozenset[str] = _words("stopwords.txt")
CLAIM_STOP_WORDS: frozenset[str] = _words("claim_stopwords.txt")
NEGATIONS: frozenset[str] = _words("negations.txt")

_TITLES = entries("titles.txt")
TITLE_ABBREVIATIONS: frozenset[str] = frozenset(t[:-1] for t in _TITLES if t.endswith("."))
TITLES: frozenset[str] = frozenset(t.lower() for t in _TITLES) | {t.lower() for t in TITLE_ABBREVIATIONS}

SENTENCE_STARTERS: frozenset[str] = _words("sentence_starters.txt")
SHORT_SENTENCE_STARTERS: frozenset[str] = _words("sentence_starters_short.txt")

SPEECH_VERBS: tuple[str, ...] = entries("speech_verbs.txt")
IRREGULAR_SPEECH_VERBS: tuple[tuple[str, ...], ...] = _rows("speech_verbs_irregular.txt")
FIGURE_VERBS: tuple[str, ...] = entries("figure_verbs.txt")

MONTHS: tuple[tuple[str, ...], ...] = _rows("months.txt")
WEEKDAYS: tuple[tuple[str, ...], ...] = _rows("weekdays.txt")
MONTH_NAMES: frozenset[str] = frozenset(names[0] for names in MONTHS)
WEEKDAY_NAMES: frozenset[str] = frozenset(names[0] for names in WEEKDAYS)

NUMBER_WORDS: dict[str, int] = {word: int(value) for word, value in _rows("number_words.txt")}

COMMON_WORDS: frozenset[str] = _words("common_words.txt")
LOWER_WORDS: frozenset[str] = _words("lower_words.txt")
PERSON_WORDS: frozenset[str] = _words("person_words.txt")

__all__ = [
    "CLAIM_STOP_WORDS",
    "COMMON_WORDS",
    "FIGURE_VERBS",
    "IRREGULAR_SPEECH_VERBS",
    "LOWER_WORDS",
    "MONTHS",
    "MONTH_NAMES",
    "NEGATIONS",
    "NUMBER_WORDS",
    "PERSON_WORDS",
    "SENTENCE_STARTERS",
    "SHORT_SENTENCE_STARTERS",
    "SPEECH_VERBS",
    "STOP_WORDS",
    "TITLES",
    "TITLE_ABBREVIATIONS",
    "WEEKDAYS",
    "WEEKDAY_NAMES",
    "entries",
]
