"""Tagger spans made fit for linking: trimmed, joined, extended, junk dropped, labels voted per story.

A statistical tagger's spans have shapes the linker cannot use as they come: ". Selkovic" (a leading period
left over from "Dr."), "Dr" or "Ms" alone tagged as a person, "Highland People's Army of" (a trailing
connector), a name cut in two ("Dar-Hamees" + "General Hospital", "Movement for" + "Democratic Renewal"), a
place without the lower-case feature noun that belongs to it ("Tamsk" + "ridge"), and a place tagged as a
person in one report ("Dar Hamiz" PER) while the other reports tag its spellings as a place. ``clean_spans``
repairs the shapes; ``vote_labels`` relabels the person mentions of a name the story mostly tags otherwise.
Titles and honorifics before a person's name are taken in later (``entities.people.person_span``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

from corroborate.analyze.entities.keys import is_acronym, keys_match, name_keys
from corroborate.analyze.entities.lexicon import HONORIFICS, NAME_CONNECTORS, PLACE_FEATURES
from corroborate.analyze.entities.nodes import Mention

# 1/3: a name's person mentions are relabelled when they are at most this share of all its mentions across
# the story's spellings (and there are at least MIN_LABEL_VOTES). Tuned on the example stories: "Dar Hamiz"
# / "Dar-Hamees" is tagged PER 2 times in 10 (relabelled), "Varenia" PER 1 in 10; no person name in the
# examples or the held-out sets is tagged otherwise more than a third of the time.
MAX_MINORITY_PERSON_SHARE = 1 / 3
MIN_LABEL_VOTES = 3
# Which label a span joined from two tagger spans keeps: an organisation name often contains a place or a
# person's name ("Dar-Hamees" + "General Hospital"), rarely the other way round.
_JOIN_PRIORITY = ("ORG", "LOC", "MISC", "PER")

_EDGE_JUNK = ".,;:!?\"“”‘’'()[]{}-–—/*•· \t\n\u00a0"
_DETERMINERS = frozenset({"the", "a", "an"})
_NEXT_WORD = re.compile(r"[ \u00a0]([a-z]+)(?![\w-])")


def _trim_edges(text: str, start: int, end: int) -> tuple[int, int]:
    """A span without punctuation or spaces at its edges (". Selkovic"); an initial keeps its period."""
    while start < end and text[start] in _EDGE_JUNK:
        start += 1
    while end > start and text[end - 1] in _EDGE_JUNK and not _initial_end(text, start, end):
        end -= 1
    return start, end


def _trim_connector(text: str, start: int, end: int) -> tuple[int, int]:
    """A span without a trailing connector word ("Highland People's Army of")."""
    while (last := re.search(r"\s(\S+)$", text[start:end])) and last.group(1) in NAME_CONNECTORS:
        start, end = _trim_edges(text, start, start + last.start())
    return start, end


def _initial_end(text: str, start: int, end: int) -> bool:
    """The span ends in an initial ("Ilka D."), whose period belongs to the name."""
    words = text[start:end].split()
    return text[end - 1] == "." and len(words[-1]) == 2 and words[-1][0].isupper()


def _junk(words: Sequence[str]) -> bool:
    """A span that names nothing: only honorifics ("Dr", "Ms."), determiners ("The") or no letters."""
    if not any(ch.isalpha() for w in words for ch in w):
        return True
    return all(w.rstrip(".").lower() in HONORIFICS or w.lower() in _DETERMINERS for w in words)


def _join_label(labels: Sequence[str]) -> str:
    ups = {label.upper() for label in labels}
    return next((label for label in _JOIN_PRIORITY if label in ups), labels[-1])


def _extend_feature(text: str, span: tuple[int, int, str], next_start: int) -> tuple[int, int, str]:
    """A place span followed by a lower-case feature noun takes it in: "Tamsk ridge", "Saffron Gate road"."""
    start, end, label = span
    match = _NEXT_WORD.match(text, end)
    words = text[start:end].lower().split()
    if (label.upper() == "LOC" and match and match.group(1) in PLACE_FEATURES and match.end() <= next_start
            and words[-1] not in PLACE_FEATURES):  # "the Kessar River dam" is a dam, not a longer river name
        return start, match.end(), label
    return span


def _clean_source(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Trim, join tagger spans separated by one space, extend places over feature nouns, drop junk."""
    trimmed = sorted((*_trim_edges(text, s, e), label) for s, e, label in spans)
    joined: list[tuple[int, int, list[str]]] = []
    for s, e, label in trimmed:
        if s >= e:
            continue
        if joined and s < joined[-1][1]:  # overlapping tagger spans: keep the union
            joined[-1] = (joined[-1][0], max(e, joined[-1][1]), [*joined[-1][2], label])
        elif joined and text[joined[-1][1]:s] in (" ", "\u00a0") and text[s:s + 1].isupper():
            joined[-1] = (joined[-1][0], e, [*joined[-1][2], label])
        else:
            joined.append((s, e, [label]))
    out: list[tuple[int, int, str]] = []
    for k, (s0, e0, labels) in enumerate(joined):
        s, e = _trim_connector(text, s0, e0)
        if s >= e or _junk(text[s:e].split()):
            continue
        next_start = joined[k + 1][0] if k + 1 < len(joined) else len(text)
        out.append(_extend_feature(text, (s, e, _join_label(labels)), next_start))
    return out


def clean_spans(texts: Mapping[str, str], mentions: Sequence[Mention]) -> list[Mention]:
    """Tagger mentions repaired for linking (see module docstring); sorted by source and start.

    Every span of the output lies inside its text; a mention disappears only when it names nothing (an
    honorific, a determiner or punctuation alone) or is joined into its neighbour.
    """
    by_source: dict[str, list[tuple[int, int, str]]] = {}
    for m in mentions:
        by_source.setdefault(m.source, []).append((m.start, m.end, m.label))
    out = []
    for source in sorted(by_source):
        text = texts[source]
        for s, e, label in _clean_source(text, by_source[source]):
            out.append(Mention(source, s, e, text[s:e], label))
    return out


def _form(mention: Mention) -> str:
    form = " ".join(mention.text.split())
    return re.sub(r"^(?:the|The)\s+", "", re.sub(r"['’]s?$", "", form))


def vote_labels(mentions: Sequence[Mention]) -> list[Mention]:
    """Person mentions relabelled with the story's majority label for that name across its spellings.

    "Dar Hamiz" tagged PER in one report while "Dar Hamiz", "Dar-Hamees" and "Darhamiz" are LOC in the
    others becomes LOC, so it neither forms a junk person nor is offered to quote attribution as a speaker.
    Spans that begin with an honorific ("Mr Arkan") are people whatever the vote says.
    """
    labels: dict[str, Counter[str]] = {}
    for m in mentions:
        if not is_acronym(m.text):
            labels.setdefault(_form(m), Counter())[m.label.upper()] += 1
    leaders: list[tuple[tuple[str, ...], Counter[str]]] = []
    group_of: dict[str, Counter[str]] = {}
    for form in sorted(labels, key=lambda f: (-sum(labels[f].values()), f)):
        keys = name_keys(form)
        counter = next((c for lk, c in leaders if keys_match(lk, keys)), None)
        if counter is None:
            counter = Counter()
            leaders.append((keys, counter))
        counter.update(labels[form])
        group_of[form] = counter
    out = []
    for m in mentions:
        votes = group_of.get(_form(m))
        if m.label.upper() == "PER" and votes and not _honorific_start(m.text):
            total, person = sum(votes.values()), votes["PER"]
            others = [(n, label) for label, n in votes.items() if label != "PER"]
            if total >= MIN_LABEL_VOTES and person <= MAX_MINORITY_PERSON_SHARE * total and others:
                m = Mention(m.source, m.start, m.end, m.text, min(others, key=lambda x: (-x[0], x[1]))[1])
        out.append(m)
    return out


def _honorific_start(text: str) -> bool:
    first = text.split()[0].rstrip(".").lower() if text.split() else ""
    return first in HONORIFICS
