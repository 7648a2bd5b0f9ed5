"""Build ``common_words.txt``: English words written in lower case far more often than capitalised.

Counts come from two training splits in the shared data: UD English-EWT train (web text, CoNLL-U) and the
CoNLL-2003 English train split (Reuters news). For every word the build counts how often it is written in lower
case and how often capitalised away from the start of a sentence (where a capital says "a name" rather than
"the first word"). A word is common when it is written in lower case at least MIN_LOWER times and at least
LOWER_RATIO times as often as capitalised mid-sentence: "heart", "vaccine", "venture" are; "apple" (Apple
the company), "bush" or "shell" mostly are not. The linker uses the list to tell a common word the tagger
caught inside a title-case phrase ("Hairdressers at Heart") from a one-word name.

``lower_words.txt`` is the looser list of words written in lower case at least MIN_LOWER times and at least as
often as capitalised mid-sentence ("super", "black"): English words, whatever else they may name.

It also writes ``person_words.txt``: words of the CoNLL-2003 train split tagged as (part of) a person's name at
least MIN_PERSON times and in at least PERSON_SHARE of their uses ("Jesus", "Clinton"); the linker reads the
head of an "X of Y" name with it ("Jesus of Nazareth" is a person, not the place after "of").

Run from the repository root (``python training/build_common_words.py [SHARED_DATA]``; it imports nothing of the
package); the lists are written to ``src/corroborate/lang/en/`` and committed, so the package never needs the
shared data at run time.
"""

from __future__ import annotations

import gzip
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

MIN_LOWER = 3  # lower-case uses needed: a word seen once or twice is no evidence
LOWER_RATIO = 6.0  # lower-case uses per capitalised mid-sentence use
MIN_PERSON = 3  # uses tagged PER
PERSON_SHARE = 0.9  # of all the word's uses
LANG = Path(__file__).resolve().parents[1] / "src" / "corroborate" / "lang" / "en"
OUT = LANG / "common_words.txt"
LOWER_OUT = LANG / "lower_words.txt"
PERSON_OUT = LANG / "person_words.txt"
# The terms of the data each list derives from (the lists hold words and no text of the corpora).
TERMS_BOTH = ("# terms: UD English-EWT is CC BY-SA 4.0; CoNLL-2003 annotations are public, its Reuters (RCV1) text\n"
              "# is for research use only. Derived: thresholded word counts, no text of either corpus.\n")
TERMS_CONLL = ("# terms: CoNLL-2003 annotations are public, its Reuters (RCV1) text is for research use only.\n"
               "# Derived: words thresholded on their PER share, no text of the corpus.\n")


def _ud_sentences(path: Path) -> Iterator[list[str]]:
    words: list[str] = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if words:
                    yield words
                words = []
            elif not line.startswith("#"):
                cols = line.split("\t")
                if cols[0].isdigit():
                    words.append(cols[1])
    if words:
        yield words


def _conll_sentences(path: Path) -> Iterator[list[str]]:
    words: list[str] = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            cols = line.split()
            if not cols or cols[0] == "-DOCSTART-":
                if words:
                    yield words
                words = []
            else:
                words.append(cols[0])
    if words:
        yield words


def person_words(path: Path) -> list[str]:
    """Capitalised CoNLL-2003 train words nearly always tagged PER."""
    person: Counter[str] = Counter()
    every: Counter[str] = Counter()
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            cols = line.split()
            if len(cols) == 4 and cols[0].isalpha() and cols[0][0].isupper() and not cols[0].isupper():
                every[cols[0]] += 1
                person[cols[0]] += cols[3].endswith("PER")
    return sorted(w for w, n in person.items() if n >= MIN_PERSON and n >= PERSON_SHARE * every[w])


def count(sentences: Iterator[list[str]], lower: Counter[str], capital: Counter[str]) -> None:
    """Add a corpus's lower-case and mid-sentence capitalised uses of alphabetic words."""
    for words in sentences:
        for k, w in enumerate(words):
            if not w.isalpha():
                continue
            if w.islower():
                lower[w] += 1
            elif k > 0 and w[0].isupper() and not w.isupper() and words[k - 1] not in ('"', "``", ":", "-"):
                capital[w.lower()] += 1


def common_words(lower: Counter[str], capital: Counter[str], ratio: float = LOWER_RATIO) -> list[str]:
    return sorted(w for w, n in lower.items() if len(w) >= 3 and n >= MIN_LOWER and n >= ratio * capital[w])


def main() -> int:
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared/data")
    lower: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    count(_ud_sentences(shared / "ud" / "UD_English-EWT" / "en_ewt-ud-train.conllu.gz"), lower, capital)
    count(_conll_sentences(shared / "ner" / "conll2003" / "eng.train.gz"), lower, capital)
    words = common_words(lower, capital)
    OUT.write_text("# source: training/build_common_words.py from UD English-EWT train and CoNLL-2003 train.\n"
                   + TERMS_BOTH
                   + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {OUT}")
    loose = common_words(lower, capital, 1.0)
    LOWER_OUT.write_text("# source: training/build_common_words.py from UD English-EWT train and CoNLL-2003 train.\n"
                         + TERMS_BOTH
                         + "\n".join(loose) + "\n", encoding="utf-8")
    print(f"{len(loose)} words -> {LOWER_OUT}")
    people = person_words(shared / "ner" / "conll2003" / "eng.train.gz")
    PERSON_OUT.write_text("# source: training/build_common_words.py from CoNLL-2003 train.\n" + TERMS_CONLL
                          + "\n".join(people) + "\n",
                          encoding="utf-8")
    print(f"{len(people)} words -> {PERSON_OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
