"""Export the English stop-word list into the package (src/corroborate/lang/en/stopwords.txt).

The list is scikit-learn's ``ENGLISH_STOP_WORDS`` (BSD-3-Clause; the Glasgow Information Retrieval Group's list),
exported so that a run does not import scikit-learn (~1.1 s at start) for one frozenset. A test checks that the
file still equals the library's list.

    .venv/bin/python training/build_lang_data.py
"""

from __future__ import annotations

from pathlib import Path

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

OUT = Path(__file__).resolve().parents[1] / "src" / "corroborate" / "lang" / "en" / "stopwords.txt"
HEADER = "# source: scikit-learn ENGLISH_STOP_WORDS (BSD-3-Clause), exported by training/build_lang_data.py\n"


def main() -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(HEADER + "".join(f"{w}\n" for w in sorted(ENGLISH_STOP_WORDS)), encoding="utf-8")
    print(f"{len(ENGLISH_STOP_WORDS)} words -> {OUT}")


if __name__ == "__main__":
    main()
