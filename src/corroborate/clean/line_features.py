"""Features of one text line in its document, for the learned furniture classifier.

One function serves training (``training/train_clean.py``) and inference (``clean/furniture_model.py``) so the
two cannot drift. Each feature is a string (a sparse binary indicator): words of the line (with the first and
last words marked, since "Related:", "Photo", "Write to" and "contributed to this report" sit at the edges), its
shape (length, case, punctuation, digits, URLs, e-mail, @handles, a "Label:" prefix, a clock-like "04:04"), and
the shape of the lines before and after it (a headline teaser after "Read more:", a caption before the first
paragraph).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+|[^\w\s]", re.UNICODE)
_URL = re.compile(r"https?://|www\.|\.(?:com|org|net|co\.uk|ly|gov)\b", re.IGNORECASE)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b")
_HANDLE = re.compile(r"(?:^|\s)@\w{2,}")
_LABEL = re.compile(r"^[^\W\d_][\w'’ .&-]{0,30}:(?:\s|$)")
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")
_PHONE = re.compile(r"\b\d{3}[-. )]+\d{3}[-. ]\d{4}\b")
# Words-per-line buckets: boundaries where furniture and prose separate on the training pages.
_LENGTH_BUCKETS = (1, 2, 3, 4, 6, 9, 13, 20, 35)
_MAX_WORDS = 60  # words of a line used as bag-of-words features (long lines are prose either way)
_HEAD_CHARS, _TAIL_CHARS = 400, 60  # the part of a long line that is read (its start and its end)


def _bucket(n: int) -> int:
    for i, edge in enumerate(_LENGTH_BUCKETS):
        if n <= edge:
            return i
    return len(_LENGTH_BUCKETS)


def _end_class(line: str) -> str:
    last = line[-1:]
    if last in ".!?…":
        return "stop"
    if last in "\"'”’»":
        return "quote" if len(line) > 1 and line[-2] in ".!?,…" else "quote-open"
    if last == ":":
        return "colon"
    if last in ")]":
        return "bracket"
    if last.isdigit():
        return "digit"
    if last.isalpha():
        return "alpha"
    return "other"


def _start_class(line: str) -> str:
    first = line[:1]
    if first.isupper():
        return "upper"
    if first.islower():
        return "lower"
    if first.isdigit():
        return "digit"
    if first in "\"'“‘«":
        return "quote"
    if first in "([":
        return "bracket"
    if first in "-–—•■*·>|":
        return "bullet"
    return "other"


def _shape(line: str, words: Sequence[str]) -> list[str]:
    """Shape features of a line (no vocabulary): used for the line itself and for its neighbours."""
    alpha = [w for w in words if w[:1].isalpha()]
    caps = sum(1 for w in alpha if w[:1].isupper())
    upper = sum(1 for w in alpha if len(w) > 1 and w.isupper())
    feats = [f"len={_bucket(len(alpha))}", f"end={_end_class(line)}", f"start={_start_class(line)}"]
    if alpha:
        feats.append(f"caps={min(4, 5 * caps // len(alpha))}")
        if upper * 2 > len(alpha):
            feats.append("allcaps")
    if _LABEL.match(line):
        feats.append("label-prefix")
    return feats


def _tokens(line: str) -> list[str]:
    return _TOKEN.findall(line)


def line_features(lines: Sequence[str], only: Sequence[int] | None = None) -> list[list[str]]:
    """Features of each line of one document (``lines`` without blank lines, in order).

    ``only``: the indices to featurise (all by default); neighbours' shapes still come from every line. A line
    is read through its first ``_HEAD_CHARS`` and last ``_TAIL_CHARS`` characters, so the cost per line is
    bounded whatever its length (the same cut applies in training).
    """
    views = [line if len(line) <= _HEAD_CHARS + _TAIL_CHARS else line[:_HEAD_CHARS] + " " + line[-_TAIL_CHARS:]
             for line in lines]  # fmt: skip
    heads = [_tokens(view[:_HEAD_CHARS]) for view in views]
    shapes = [_shape(line, toks) for line, toks in zip(lines, heads, strict=True)]
    seen: set[str] = set()
    out: list[list[str]] = []
    n = len(lines)
    wanted = None if only is None else set(only)
    for i in range(n):
        line = lines[i]
        repeat = line in seen
        seen.add(line)
        if wanted is not None and i not in wanted:
            continue
        view, toks = views[i], heads[i]
        lower = [t.lower() for t in toks[:_MAX_WORDS]]
        tail = [t.lower() for t in _tokens(view[-_TAIL_CHARS:])[-2:]]
        feats = list(shapes[i])
        feats.extend("w=" + t for t in set(lower))
        if lower:
            feats.append("first=" + lower[0])
            feats.append("last=" + (tail or lower)[-1])
            if len(lower) > 1:
                feats.append(f"first2={lower[0]}_{lower[1]}")
                if len(tail) > 1:
                    feats.append(f"last2={tail[-2]}_{tail[-1]}")
        digits = sum(1 for t in toks if t.isdigit())
        if digits:
            feats.append(f"digits={min(3, digits)}")
        if _URL.search(view):
            feats.append("url")
        if _EMAIL.search(view):
            feats.append("email")
        if _HANDLE.search(view):
            feats.append("handle")
        if _CLOCK.search(view):
            feats.append("clock")
        if _PHONE.search(view):
            feats.append("phone")
        if "|" in view:
            feats.append("pipe")
        if " / " in view or "/" in view and " " not in view:
            feats.append("slash")
        if repeat:
            feats.append("repeat")
        for tag, j in (("p", i - 1), ("n", i + 1)):
            if 0 <= j < n:
                feats.extend(f"{tag}:{f}" for f in shapes[j])
            else:
                feats.append(f"{tag}:none")
        for tag, j in (("pp", i - 2), ("nn", i + 2)):
            if 0 <= j < n:
                feats.append(f"{tag}:{shapes[j][0]}")
                feats.append(f"{tag}:{shapes[j][1]}")
        out.append(feats)
    return out
