"""Who a sentence says gives a figure: "according to officials", "a monitoring group said", "X told ...".

Works on one sentence; offsets are local. Returns candidate speakers as spans; a figure takes the candidate
in its own clause, else the nearest one in the sentence, else none (the outlet's own voice). A closed
attribution (", police said," / ", police said.") reports what precedes it only, so a figure after it does not
take it. Appositives give way to the name they describe ("Gen. X, commander of the guard, said" -> Gen. X;
"the Monitor, a group that tracks abuses, said" -> the Monitor).

This is not the quote finder's attribution (:mod:`corroborate.analyze.quotes.attribution`): that one reads the
clause framing one quotation for one speech verb and a PolNeAR-style speaker phrase (appositives included); this
one reads a whole sentence for every candidate speaker with its cue position, since one sentence may give several
figures from several sources, and knows closed trailing attributions and possessive figures ("the ministry's
toll"). :mod:`.syntax_attribution` reads the same from the dependency parse; :func:`.numbers.find_numbers` takes
this finder's speaker, or the parse's when this one finds none, finds an implausible phrase, or finds only part of
the parse's phrase ("Jail" of "Jail records"). Both take their verbs from :mod:`corroborate.lang.en`
(``speech_verbs.txt``, ``figure_verbs.txt``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corroborate.lang.en import FIGURE_VERBS

_I = re.IGNORECASE
# The verb forms by which a report says who gives a figure (lang/en/figure_verbs.txt), then the phrase cues.
_VERBS = (
    "|".join(FIGURE_VERBS) + "|"
    r"accused(?=\s+(?:[\w'’.-]+\s+){1,6}?of\s)|accuses(?=\s+(?:[\w'’.-]+\s+){1,6}?of\s)|"  # "X accused Y of"
    r"put\s+the\s+(?:\w+\s+){0,2}?(?:toll|number|figure|total|count)|puts\s+the\s+(?:\w+\s+){0,2}?"
    r"(?:toll|number|figure|total|count)|gave\s+(?:a|the)\s+(?:\w+\s+)?(?:toll|figure)"
)
_VERB = re.compile(rf"(?<![\w'’])(?:{_VERBS})\b", _I)
_ACCORDING = re.compile(r"\baccording\s+to\s+", _I)
# Where a speaker phrase before a verb begins: sentence start, punctuation, quotes, or a clause connective.
_BOUNDARY = re.compile(
    r"[,;:\"“”(){}\[\]]|—|–|"
    r"\b(?:and|but|while|whereas|though|although|that|as|which|who|after|because)\b",
    _I,
)
_TRAILING_NOISE = re.compile(
    r"(?:\s+(?:later|also|earlier|previously|initially|now|had|have|has|was|were|is|are|would|will|"
    r"separately|first|then|again|subsequently|reportedly|on\s+\w+day|in\s+a\s+statement|on\s+\w+))+$",
    _I,
)
_SPEAKER_AFTER = re.compile(r"\s*(?P<np>[^,.;:!?\"“”()\d]{2,80}?)\s*(?=[,.;:!?\"“”()]|$)")
# After "said" a speaker is a name or a definite description ("said Colonel Tass", "said the army"), not a
# clause ("said he saw", "announced on Monday").
_NAME_LIKE = re.compile(r"(?:[A-Z]|(?:the|a|an|its|their|his|her)\s)")
# "the government's figure of 96": the possessor gives the figure.
_POSSESSIVE = re.compile(
    r"(?P<np>[A-Za-z][\w .-]{0,60}?)['’]s\s+(?:own\s+|latest\s+|official\s+|new\s+)?"
    r"(?:figures?|estimates?|count|tally|toll|data|numbers?)\b"
)
# An appositive description, not a name: "an independent group", "the director", "commander of the guard".
_APPOSITIVE = re.compile(
    r"^(?:(?:an?|the|its|their)\s|[a-z][\w-]*(?:\s+[a-z][\w-]*)?\s+(?:of|for|at|to|with)\s)"
)
_RELATIVE = frozenset({"that", "which", "who"})  # a piece opened by one of these before ", said" is a clause
# A trailing attribution closed by the end of its clause: ", X said[ on Monday], and/although <new clause>"
# or ", X said;". ", X said, with the party winning 1.4 million votes" continues the same report.
_CLOSED_AFTER = re.compile(
    r"\s*(?:(?:late\s+|early\s+)?on\s+\w+|in\s+a\s+statement|yesterday|today|tonight|later|earlier)?"
    r"\s*(?:[;.!?]|$|,\s*(?:and|but|although|though|while|whereas|yet)\b)",
    _I,
)
_NAME_CONNECTORS = frozenset({"of", "for", "the", "and", "de", "al", "van", "von"})
_CLAUSE_BREAK = re.compile(r";|,\s*(?:while|but|whereas|although)\b|\s(?:while|whereas)\s", _I)
SPEAKER_WINDOW = 300  # chars looked back from a cue; keeps long run-on "sentences" linear, not quadratic
MAX_SPEAKER_WORDS = 8  # longer "speakers" are almost always a clause that happens to precede "said"
# "an estimated 500" (quantifier) and "were reported dead" (passive) are not reports by the phrase before.
_NOT_A_REPORT_BEFORE = re.compile(r"\b(?:an?|the|were|was|is|are|be|been|being)\s+$", _I)


@dataclass(frozen=True)
class Speaker:
    """A speaker phrase (local span) and the position of its cue, used to measure distance to a figure."""

    start: int
    end: int
    cue: int
    closed: bool = False  # a trailing ", X said," attribution: covers only what precedes its cue


_ADVERBS = frozenset({"earlier", "later", "also", "unconfirmed", "previously", "initially", "now", "then",
                      "separately", "reportedly", "officially", "first", "again", "-", "—"})


def _plausible(np: str) -> bool:
    words = np.split()
    return (
        0 < len(words) <= MAX_SPEAKER_WORDS
        and not all(w.lower() in _ADVERBS for w in words)
        and not any(c.isdigit() for c in np)
        and any(c.isalpha() for c in np)
        and not _VERB.search(np)  # "said the number of" before "confirmed cases" is not a speaker
    )


def _is_name(s: str, start: int, end: int) -> bool:
    """Capitalised words, with inner connectors allowed ("Gen. Mikael Drozd", "Bank of Orvel")."""
    words = s[start:end].split()
    return (
        0 < len(words) <= 6
        and words[0][0].isupper() and words[-1][0].isupper()
        and all(w[0].isupper() or w.lower() in _NAME_CONNECTORS for w in words)
        and _plausible(s[start:end])
    )


def _strip(s: str, start: int, end: int) -> tuple[int, int]:
    while start < end and s[start].isspace():
        start += 1
    while end > start and s[end - 1].isspace():
        end -= 1
    return start, end


def _trim(s: str, start: int, end: int) -> tuple[int, int]:
    """Whitespace and trailing adverbs/auxiliaries off a speaker phrase ("officials later had")."""
    start, end = _strip(s, start, end)
    m = _TRAILING_NOISE.search(s[start:end])
    if m and m.start() > 0:
        end = start + m.start()
    return _strip(s, start, end)


def _segments(s: str, end: int) -> list[tuple[int, int, str]]:
    """Stretches of ``s[:end]`` between boundaries, last first, each with the boundary that opens it."""
    lo = max(0, end - SPEAKER_WINDOW)
    marks = [(m.start(), m.end(), m.group()) for m in _BOUNDARY.finditer(s, lo, end)]
    out = []
    stop = end
    for b_start, b_end, b in reversed(marks):
        out.append((b_end, stop, b))
        stop = b_start
    out.append((lo, stop, ""))
    return out


def _step_back(segments: list[tuple[int, int, str]], k: int) -> int:
    """How many pieces to step back from piece ``k`` towards its speaker (0: cannot).

    Over a comma ('..., Anton Relk, said'), over a relative pronoun to its antecedent ('X, who runs the
    clinic, said'), and over a parenthesis to what it glosses ('the Commission (JMC) recorded').
    """
    opener = segments[k][2].lower()
    if opener == "," or opener in _RELATIVE:
        return 1
    if opener == ")" and k + 1 < len(segments) and segments[k + 1][2] == "(":
        return 2
    return 0


def _before_verb(s: str, verb_start: int) -> tuple[int, int] | None:
    """Speaker phrase ending at the cue: 'Officials said', 'X, a spokesman, said', 'the director, X, said'."""
    segments = _segments(s, verb_start)
    start, end = _trim(s, segments[0][0], segments[0][1])
    k = 0
    # Step back over empty pieces, implausible comma pieces ('Ms Fenn, 29, told') and relative clauses
    # before ', said' ('X, a group that tracks abuses, said': 'tracks abuses' is not the speaker).
    while (start == end or (k > 0 and not _plausible(s[start:end]))
           or (k > 0 and segments[k][2].lower() in _RELATIVE)):
        step = _step_back(segments, k)
        if not step or k + step >= len(segments) or k >= 4:
            return None
        k += step
        start, end = _trim(s, segments[k][0], segments[k][1])
    if not _plausible(s[start:end]):
        return None
    if k > 0 and _APPOSITIVE.match(s[start:end]):
        name = _appositive_host(s, segments, k)
        if name:
            return name
    return start, end


def _appositive_host(s: str, segments: list[tuple[int, int, str]], k: int) -> tuple[int, int] | None:
    """The name an appositive piece describes: 'Jorun Vesk, 46, a shopkeeper, said' -> 'Jorun Vesk'."""
    for j in range(k + 1, min(k + 3, len(segments))):
        if segments[j - 1][2] != ",":
            return None
        piece = _trim(s, segments[j][0], segments[j][1])
        if _is_name(s, *piece):
            return piece
    return None


def _after(s: str, pos: int, name_only: bool = True) -> tuple[int, int] | None:
    m = _SPEAKER_AFTER.match(s, pos)
    if not m or not _plausible(m.group("np")) or (name_only and not _NAME_LIKE.match(m.group("np"))):
        return None
    start, end = _trim(s, m.start("np"), m.end("np"))
    return (start, end) if start < end else None


def find_speakers(s: str) -> list[Speaker]:
    """Candidate speakers of sentence ``s`` in order of their cue."""
    found: list[Speaker] = []
    for m in _ACCORDING.finditer(s):
        span = _after(s, m.end(), name_only=False)
        if span:
            owner = _POSSESSIVE.match(s, span[0])  # "according to the ministry's latest figures"
            if owner and owner.end() <= span[1] and _plausible(owner.group("np")):
                span = (span[0], owner.end("np"))
            found.append(Speaker(span[0], span[1], m.start()))
    for m in _POSSESSIVE.finditer(s):
        bounds = [b.end() for b in _BOUNDARY.finditer(s[:m.end("np")])]
        start = max([m.start("np"), *bounds])
        head = re.search(r".*\b(?:the|a|an|its|their)\s|[A-Z]", s[start:m.end("np")], re.S)
        if head:  # "far more than the government's": the possessor starts at its determiner or capital
            start += head.end() - (0 if head.group().endswith(" ") else 1)
            det = re.search(r"\b(?:the|a|an|its|their)\s+$", s[:start])
            start = det.start() if det else start
        start, end = _trim(s, start, m.end("np"))
        if start < end and _plausible(s[start:end]):
            found.append(Speaker(start, end, m.end("np")))
    for m in _VERB.finditer(s):
        if _NOT_A_REPORT_BEFORE.search(s[:m.start()]):
            continue
        addressee = m.group().lower().startswith("tel") or m.group().lower() == "told"
        inverted = not addressee and re.match(r"\s*$|.*[,\"“”]\s*$", s[:m.start()], re.S)
        # '..., said Colonel Tass' / '"...," said the colonel' / ', reported the mayor of the town'
        span = (_after(s, m.end()) if inverted else None) or _before_verb(s, m.start())
        if span is None:
            continue
        # "Jail records showed ...": a cue word inside a later cue's subject ("records") was a noun, not the verb
        found = [sp for sp in found if not (sp.start == span[0] and span[0] <= sp.cue < span[1])]
        if not any(sp.start == span[0] for sp in found):
            closed = bool(_CLOSED_AFTER.match(s, max(m.end(), span[1])))
            found.append(Speaker(span[0], span[1], m.start(), closed))
    return _resolve_pronouns(s, sorted(found, key=lambda sp: sp.cue))


_PRONOUN = re.compile(r"(?:i|we|he|she|they|it|you)$", re.IGNORECASE)


def _resolve_pronouns(s: str, speakers: list[Speaker]) -> list[Speaker]:
    """'X said she counted nine' / '"We confirmed 33," said X': a pronoun speaker is the named one nearby."""
    named = [sp for sp in speakers if not _PRONOUN.match(s[sp.start:sp.end])]
    if not named:
        return speakers
    out = []
    for sp in speakers:
        if _PRONOUN.match(s[sp.start:sp.end]):
            ref = min(named, key=lambda n: (abs(n.cue - sp.cue), n.cue))
            sp = Speaker(ref.start, ref.end, sp.cue, sp.closed)
        out.append(sp)
    return out


def _clause_of(s: str, pos: int) -> int:
    return sum(1 for m in _CLAUSE_BREAK.finditer(s) if m.start() < pos)


def speaker_for(s: str, speakers: list[Speaker], start: int, end: int) -> Speaker | None:
    """The speaker of the figure at ``[start, end)``: same clause first, then the nearest cue."""
    speakers = [sp for sp in speakers if not (sp.closed and sp.cue < start)]
    if not speakers:
        return None
    clause = _clause_of(s, start)
    same = [sp for sp in speakers if _clause_of(s, sp.cue) == clause]
    pool = same or speakers

    def distance(sp: Speaker) -> int:
        return min(abs(sp.cue - start), abs(sp.cue - end))

    return min(pool, key=lambda sp: (distance(sp), sp.cue))
