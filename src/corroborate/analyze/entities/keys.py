"""Matching keys for names written differently across reports.

A name becomes a list of token keys: ASCII (unidecode), lower case, apostrophes dropped, split at spaces
and hyphens, Arabic-style article particles (al-, el-, ez-...) removed, then a phonetic-ish spelling
(a soft ``c`` -> ``s``, a final consonant + ``re`` -> ``er`` as in "Centre", ``ou``/``oo`` -> ``u``,
``ee`` -> ``i``, ``q``/``c``/``kh``/``ch`` -> ``k``, ``z`` -> ``s``, doubled letters collapsed). Two tokens match
when their keys are equal once the vowels transliteration alternates freely
are merged (e ~ i, o ~ u, ai ~ ei), or when their consonant skeletons are equal and the rapidfuzz
Levenshtein similarity of the keys is high: vowels are what transliteration changes most, consonants what
tells two different names apart ("Marrak" / "Marrat"). Long tokens also match with two neighbouring letters
swapped ("Linnaeus" / "Linneaus").
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import OSA, Levenshtein
from unidecode import unidecode

from corroborate.analyze.entities.lexicon import PARTICLES

# 80: two spellings with the same consonants and syllable count whose vowel-coarsened keys differ
# ("Yusuf" / "Youssef") match when their rapidfuzz Levenshtein similarity (0-100) reaches this. Tuned on
# the fictional name pairs of tests/analyze/entities/test_entities.py (22 variant pairs, 22 different-name pairs):
# 60 -> 22/22 variants merged, 5 false merges; 70 or 80 -> 22/22, 1 ("Halina" / "Helena");
# 85 -> 21/22 ("Yusuf" / "Youssef" missed), 0 false merges.
VOWEL_VARIANT_RATIO = 80.0
# Tokens shorter than this match only when their coarse keys are equal: one vowel is too much of a short
# name ("Orla" / "Orly", "Dask" / "Dusk").
MIN_FUZZY_TOKEN = 5

# Tokens at least this long match when two neighbouring letters are swapped (a misspelling, "Linneaus"); in a
# shorter one a swap makes another name ("Rian" / "Rain").
MIN_TRANSPOSED_TOKEN = 7
_ABBREVIATIONS = {"st": "saint", "st.": "saint", "mt": "mount", "mt.": "mount", "ft": "fort", "ft.": "fort"}
_APOSTROPHES = re.compile(r"['’‘`ʿʾ]")
_SPLIT = re.compile(r"[\s\-‐–]+")
# Ordered rewrites: digraphs first, then single letters, then vowel clusters.
_REWRITES: tuple[tuple[str, str], ...] = (
    ("ph", "f"), ("kh", "k"), ("ch", "k"), ("gh", "g"), ("dh", "d"), ("th", "t"), ("dj", "j"), ("ck", "k"),
    ("q", "k"), ("c", "k"), ("z", "s"), ("w", "v"), ("y", "i"), ("x", "ks"),
    ("ou", "u"), ("oo", "u"), ("ee", "i"), ("ii", "i"),
)
_VOWELS = frozenset("aeiou")
_VOWEL_GROUPS = re.compile(r"[aeiou]+")
# Vowel alternations transliteration makes freely: e ~ i, o ~ u, ai ~ ei ~ ay ~ ey.
_COARSE: tuple[tuple[str, str], ...] = (("ei", "ai"), ("e", "i"), ("o", "u"))


def plain(form: str) -> str:
    """ASCII lower case without apostrophes or extra spaces."""
    return " ".join(_APOSTROPHES.sub("", unidecode(form)).lower().split())


@lru_cache(maxsize=65536)
def phonetic(token: str) -> str:
    """Phonetic-ish spelling of one lower-case ASCII token (see module docstring)."""
    key = re.sub(r"[^a-z0-9]", "", token)
    key = re.sub(r"c(?=[eiy])", "s", key)  # a soft c: "Defence" ~ "Defense", "Cecil"
    key = re.sub(r"(?<=[^aeiou])re$", "er", key)  # "Centre" ~ "Center", "Theatre"
    for old, new in _REWRITES:
        key = key.replace(old, new)
    key = re.sub(r"(?<=[aeiou])h$", "", key)  # final h after a vowel: "Tamrah" ~ "Tamra"
    return re.sub(r"(.)\1+", r"\1", key)


def name_keys(form: str) -> tuple[str, ...]:
    """Token keys of a name, particles and a leading "the" (any "the" in a name of three words or more)
    removed, "St" read as "saint"."""
    tokens = [_ABBREVIATIONS.get(t, t) for t in _SPLIT.split(plain(form)) if t]
    while tokens and tokens[0] == "the":
        tokens = tokens[1:]
    if len(tokens) >= 3:  # "Liberation of the Azawad" / "Liberation of Azawad": an article inside a long name
        tokens = [t for t in tokens if t != "the"] or tokens
    kept = [t for t in tokens if t not in PARTICLES] or tokens
    return tuple(k for k in (phonetic(t) for t in kept) if k)


def skeleton(key: str) -> str:
    """Consonants of a key, in order."""
    return "".join(ch for ch in key if ch not in _VOWELS)


@lru_cache(maxsize=65536)
def coarse(key: str) -> str:
    """A key with the freely alternating vowels merged ("salem" -> "salim", "seitun" -> "saitun")."""
    for old, new in _COARSE:
        key = key.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", key)


def token_match(a: str, b: str) -> bool:
    """Two token keys name the same thing: equal up to free vowel alternations, or (long enough) the same
    consonants and syllable count with close vowels."""
    if a == b or coarse(a) == coarse(b):
        return True
    if min(len(a), len(b)) < MIN_FUZZY_TOKEN:
        return False
    if min(len(a), len(b)) >= MIN_TRANSPOSED_TOKEN and OSA.distance(a, b) == 1 < Levenshtein.distance(a, b):
        return True  # two neighbouring letters swapped: "Linnaeus" / "Linneaus"
    ca, cb = coarse(a), coarse(b)
    if skeleton(a) != skeleton(b) or len(_VOWEL_GROUPS.findall(ca)) != len(_VOWEL_GROUPS.findall(cb)):
        return False  # another consonant, or another syllable ("Velsk" / "Velsko"): another name
    return 100 * Levenshtein.normalized_similarity(ca, cb) >= VOWEL_VARIANT_RATIO


def keys_match(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two names match token by token, or joined ("Dar Hamiz" / "Darhamiz")."""
    if not a or not b:
        return False
    if "".join(a) == "".join(b):
        return True
    if len(a) == len(b):
        return all(token_match(x, y) for x, y in zip(a, b, strict=True))
    return token_match("".join(a), "".join(b))


def initials(form: str) -> set[str]:
    """Acronyms a multi-word name could have: first letters of all words, or of capitalised words only."""
    words = [w for w in _SPLIT.split(unidecode(form)) if w and w[0].isalpha()]
    if len(words) < 2:
        return set()
    every = "".join(w[0] for w in words).upper()
    capital = "".join(w[0] for w in words if w[0].isupper()).upper()
    return {x for x in (every, capital) if len(x) >= 2}


def is_acronym(form: str) -> bool:
    """An all-capitals token of two to seven letters ("SVLF", "NRC")."""
    return bool(re.fullmatch(r"[A-Z][A-Z0-9]{1,6}", form.strip()))
