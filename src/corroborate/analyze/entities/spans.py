"""Tagger spans made fit for linking: trimmed, joined, extended, junk dropped, labels voted per story.

A statistical tagger's spans have shapes the linker cannot use as they come: ". Selkovic" (a leading period
left over from "Dr."), "Dr" or "Ms" alone tagged as a person, "Highland People's Army of" (a trailing
connector), a name cut in two ("Dar-Hamees" + "General Hospital", "Movement for" + "Democratic Renewal"), a
place without the lower-case feature noun that belongs to it ("Tamsk" + "ridge"), and a place tagged as a
person in one report ("Dar Hamiz" PER) while the other reports tag its spellings as a place, and on real pages
furniture glued to a name ("Kristi NoemKristi Lynn Noem", "Donald Trump Donald Trump", "Egypt\u2014a",
"DonaldTrump" inside "@realDonaldTrump") and the period of "U.S." or "Inc." left out. ``clean_spans`` repairs
the shapes; :mod:`.labels` then votes the labels across the story (``relabel_name_parts``, ``vote_labels``).
Titles and honorifics before a person's name are taken in later (``entities.people.person_span``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

from corroborate.analyze.entities.lexicon import (
    COMPANY_HEADS,
    HONORIFICS,
    NAME_CONNECTORS,
    PLACE_FEATURES,
)
from corroborate.analyze.entities.nodes import Mention
from corroborate.lang.en import LOWER_WORDS, SENTENCE_STARTERS, WEEKDAY_NAMES

# Which label a span joined from two tagger spans keeps: an organisation name often contains a place or a
# person's name ("Dar-Hamees" + "General Hospital"), rarely the other way round.
_JOIN_PRIORITY = ("ORG", "LOC", "MISC", "PER")

_EDGE_JUNK = ".,;:!?\"“”‘’'()[]{}-–—/*•· \t\n\u00a0"
_DETERMINERS = frozenset({"the", "a", "an"})
_NEXT_WORD = re.compile(r"[ \u00a0]([a-z]+)(?![\w-])")
_DOTTED = re.compile(r"^(?:[A-Z]\.){1,3}[A-Z]\.$")
_SYLLABLE = re.compile(r"-([a-z]{2,4})(?![\w-])")
_COMPOUND_TAILS = frozenset("led era run like type made free born based".split())
_NO_DASH = re.compile(r"(?:[^\u2014\u2013-]|(?<!-)-(?!-))+")  # cut at em and en dashes and at "--"
_LEAD = re.compile(
    r"(?:(?:\d{1,2}(?:st|nd|rd|th)[ -][Cc]entury|(?:All|Most|Some|Much|Many|Both|Half|Parts?|Rest)\s+[Oo]f"
    r"(?:\s+[Tt]he)?)\s+|(?:Photos?|Images?|Video)\s?/\s?|(?:Per|According\s+to)\s+[Tt]he\s+)(?=[A-Z])")


def _trim_edges(text: str, start: int, end: int) -> tuple[int, int]:
    """A span without punctuation or spaces at its edges (". Selkovic"); an initial keeps its period."""
    while start < end and text[start] in _EDGE_JUNK:
        start += 1
    while end > start and text[end - 1] in _EDGE_JUNK and not _initial_end(text, start, end):
        end -= 1
    last = text[start:end + 1].split()[-1] if end > start else ""
    if text[end:end + 1] == "." and (_DOTTED.search(last) or last.lower() in COMPANY_HEADS):
        end += 1  # "U.S" of "the U.S. said", "Snap Inc" of "Snap Inc.": the abbreviation's stop
    return start, end


def _trim_connector(text: str, start: int, end: int) -> tuple[int, int]:
    """A span without a trailing connector word ("Highland People's Army of")."""
    while (last := re.search(r"\s(\S+)$", text[start:end])) and last.group(1) in NAME_CONNECTORS:
        start, end = _trim_edges(text, start, start + last.start())
    return start, end


def _trim_lead(text: str, start: int, end: int) -> tuple[int, int]:
    """A span without the time phrase or quantifier that title case glued before a name ("15th Century
    Timbuktu", "All Of West Africa", "Most of the Sahel"), the credit word before a photographer's name
    ("Photo/Ann Lee") or the preposition of a source ("Per the Times", "According to the Globe"): the name is
    what follows."""
    lead = _LEAD.match(text, start, end)
    return (lead.end(), end) if lead and lead.end() < end else (start, end)


def _initial_end(text: str, start: int, end: int) -> bool:
    """The span ends in an initial ("Ilka D."), dotted initials ("U.S.", "U.N.") or an abbreviated legal form
    ("Inc.", "Co."), whose period belongs to it."""
    words = text[start:end].split()
    return text[end - 1] == "." and (len(words[-1]) == 2 and words[-1][0].isupper()
                                     or bool(_DOTTED.search(words[-1])) or words[-1].lower() in COMPANY_HEADS)


def _junk(words: Sequence[str]) -> bool:
    """A span that names nothing: only honorifics ("Dr", "Ms."), determiners ("The") or no letters, or no
    capital letter at all ("boda boda": a common noun)."""
    if not any(ch.isalpha() for w in words for ch in w) or not any(ch.isupper() for w in words for ch in w):
        return True
    return all(w.rstrip(".").lower() in HONORIFICS or w.lower() in _DETERMINERS for w in words)


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A tagger span cut where page furniture glued words onto it; [] when it lies inside a longer word.

    - inside a word, a handle or a hashtag ("DonaldTrump" in "@realDonaldTrump", "#SaveSylvester"): dropped;
    - a dash with no space ("Egypt—a new Egypt", "Gaza—Israel"): cut there, parts without a capital letter dropped;
    - a name repeated without a space or twice over ("Kristi NoemKristi Lynn Noem", "Donald Trump Donald
      Trump"), a link line glued to the text: cut where the repetition begins.
    """
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "@#"):
        return []
    parts = [_trim_edges(text, start + m.start(), start + m.end()) for m in _NO_DASH.finditer(text[start:end])]
    out = []
    for s, e in parts:
        if s >= e or not any(ch.isupper() for ch in text[s:e]):
            continue
        words = [(s + m.start(), s + m.end()) for m in re.finditer(r"\S+", text[s:e])]
        first = text[words[0][0]:words[0][1]]
        again = re.compile(r"(?<=[a-z])" + re.escape(first) + r"\b")
        glued = again.search(text, words[0][1], e) if len(first) >= 2 else None
        if glued:
            out += [_trim_edges(text, s, glued.start()), (glued.start(), e)]
            continue
        half = len(words) // 2
        forms = [text[a:b] for a, b in words]
        if len(words) % 2 == 0 and half and forms[:half] == forms[half:]:
            e = words[half - 1][1]
        out.append((s, e))
    return [(s, e) for s, e in out if s < e]


def _join_label(labels: Sequence[str]) -> str:
    ups = {label.upper() for label in labels}
    return next((label for label in _JOIN_PRIORITY if label in ups), labels[-1])


def _extend_syllable(text: str, span: tuple[int, int, str]) -> tuple[int, int, str]:
    """A person span cut inside a hyphenated given name takes its last syllable in: "Paik Hak" + "-soon"
    (Korean given names), not "Tom Ford-led" (a compound word)."""
    start, end, label = span
    match = _SYLLABLE.match(text, end)
    words = text[start:end].split()
    if (label.upper() == "PER" and match and len(words) >= 2 and 2 <= len(words[-1]) <= 4
            and words[-1].isalpha() and match.group(1) not in _COMPOUND_TAILS):
        return start, match.end(), label
    return span


def _extend_feature(text: str, span: tuple[int, int, str], next_start: int) -> tuple[int, int, str]:
    """A place span followed by a lower-case feature noun takes it in: "Tamsk ridge", "Saffron Gate road"."""
    start, end, label = span
    match = _NEXT_WORD.match(text, end)
    words = text[start:end].lower().split()
    if (label.upper() == "LOC" and match and match.group(1) in PLACE_FEATURES and match.end() <= next_start
            and words[-1] not in PLACE_FEATURES):  # "the Kessar River dam" is a dam, not a longer river name
        return start, match.end(), label
    return span


# Capitalised nouns of institutions that open an "X of Y" name ("Division of Viral Diseases", "University of
# Pavia", "Department of Public Health"): general knowledge of how English names bodies. A tagger span right after
# "<head> of " is the rest of that body's name.
INSTITUTION_HEADS = frozenset(
    "Division Department Office Bureau Ministry Institute University College School Museum Council Committee "
    "Commission Board Agency Society Academy Federation Association Court Bank Centre Center Faculty Directorate "
    "Secretariat".split())
_INSTITUTION_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][a-z]+) of (?:the )?$")
# What may lie between an organisation's span and the rest of its name: "of", "for", "of the", "for the" (or just
# "the" when the span kept the connector: "Committee for the Investigation of Claims of" + "the Pseudosciences").
_OF_GAP = re.compile(r"\s(?:of|for)\s(?:the\s)?")
_OF_END = re.compile(r"\s(?:of|for)$")


def _of_join(text: str, prev: tuple[int, int, list[str]], start: int) -> bool:
    """Does the span at ``start`` go on the organisation name ``prev`` across "of (the)" / "for (the)"? Only after
    an ORG span of two words or more ("Italian Committee for the Investigation of Claims" + "of the
    Pseudosciences"), never after a person's ("Jonathyn Priest of Bevel")."""
    s0, e0, labels = prev
    if labels[-1].upper() != "ORG" or not text[start:start + 1].isupper() or len(text[s0:e0].split()) < 2:
        return False
    gap = text[e0:start]
    if _OF_END.search(text, s0, e0):
        return gap in (" ", " the ")
    return bool(_OF_GAP.fullmatch(gap))


def _clean_source(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Trim, join tagger spans separated by one space, extend places over feature nouns, drop junk."""
    trimmed = sorted((*_trim_edges(text, a, b), label) for s, e, label in spans for a, b in _pieces(text, s, e))
    joined: list[tuple[int, int, list[str]]] = []
    for s, e, label in trimmed:
        if s >= e:
            continue
        if joined and s < joined[-1][1]:  # overlapping tagger spans: keep the union
            joined[-1] = (joined[-1][0], max(e, joined[-1][1]), [*joined[-1][2], label])
        elif (joined and text[joined[-1][1]:s] in (" ", "\u00a0") and text[s:s + 1].isupper()
              and not (label.upper() == "PER" and joined[-1][2][-1].upper() == "ORG")):
            # not an organisation and the person named after it: "Water Department Sue Amsel" is two names
            joined[-1] = (joined[-1][0], e, [*joined[-1][2], label])
        elif (joined and label.upper() == "PER" and joined[-1][2][-1].upper() == "PER"
              and _NAME_PARTICLE.fullmatch(text, joined[-1][1], s)):
            joined[-1] = (joined[-1][0], e, [*joined[-1][2], label])  # "Mohammed" + " bin " + "Salman"
        elif (joined and text[joined[-1][1]:s] == "-" and any(ch.isdigit() for ch in text[s:e])
              and "PER" not in {x.upper() for x in (*joined[-1][2], label)}):
            joined[-1] = (joined[-1][0], e, [*joined[-1][2], label])  # "EV" + "-" + "D68": one coded name
        elif joined and _of_join(text, joined[-1], s):
            joined[-1] = (joined[-1][0], e, [*joined[-1][2], "ORG"])  # "Committee for ... of" + "the Pseudosciences"
        else:
            head = _INSTITUTION_BEFORE.search(text, max(0, s - 40), s)
            if (head and (not joined or joined[-1][1] <= head.start()) and head.group(1) in INSTITUTION_HEADS
                    and label.upper() != "ORG"):  # an organisation's own span stays: "Office of the" + "X Department"
                s, label = head.start(), "ORG"  # "Division of" + "Viral Diseases": the division's name
            joined.append((s, e, [label]))
    out: list[tuple[int, int, str]] = []
    for k, (s0, e0, labels) in enumerate(joined):
        s, e = _trim_lead(text, *_trim_connector(text, s0, e0))
        if s >= e or _junk(text[s:e].split()):
            continue
        next_start = joined[k + 1][0] if k + 1 < len(joined) else len(text)
        span = _extend_feature(text, _extend_syllable(text, (s, e, _join_label(labels))), next_start)
        out.append(_extend_day(text, _extend_code(text, span, next_start), next_start))
    return out


_CODE_TAIL = re.compile(r"-[A-Za-z]*\d[\w]*(?![\w-])")
_DAY_AFTER = re.compile(r"[ \u00a0](" + "|".join(sorted(d.capitalize() for d in WEEKDAY_NAMES)) + r")(?![\w-])")


def _extend_code(text: str, span: tuple[int, int, str], next_start: int) -> tuple[int, int, str]:
    """A span cut before the coded part of its hyphenated word takes it in: "EV" + "-D68", "COVID" + "-19" (a
    tail with a digit; not "Israel-Gaza", not "Ford-led")."""
    start, end, label = span
    match = _CODE_TAIL.match(text, end)
    if label.upper() != "PER" and match and match.end() <= next_start:
        return start, match.end(), label
    return span


def _extend_day(text: str, span: tuple[int, int, str], next_start: int) -> tuple[int, int, str]:
    """A one-word span right before a weekday's name, an English word (``lower_words.txt``, built by
    training/build_common_words.py) the report writes nowhere else, is the first word
    of a day's name: "Super" + "Tuesday", "Black" + "Friday" (MISC: an occasion, not the place or body the
    tagger took the word for); not "won Ohio Monday" where the report writes Ohio alone too."""
    start, end, label = span
    match = _DAY_AFTER.match(text, end)
    word = text[start:end]
    if (not match or match.end() > next_start or " " in word or label.upper() == "PER"
            or word.lower() not in LOWER_WORDS
            or any(text[m.end():m.end() + len(match.group())] != match.group()
                   for m in re.finditer(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", text))):
        return span
    return start, match.end(), "MISC"


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


# Lower-case particles inside personal names ("Mohammed bin Salman", "Ursula von der Leyen", "Vincent van Gogh").
_NAME_PARTICLE = re.compile(r" (?:bin|ibn|bint|binti|van|von|van der|van den|von der|de|da|di|dos|das|du|del|della|"
                            r"le|la|al|el|abu|ben|ter|y) ")
# Executive titles written as initials between a company's name and a person's ("Acme CEO Jane Doe").
_GLUED_ADVERB = re.compile(r"[a-z]{4,}ly")
_CAPITAL_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][\w'’.-]*)[ \u00a0]$")
_CAPITAL_AFTER = re.compile(r"[ \u00a0][A-Z]")
_PAIR = re.compile(r"\s+(?:and|&)\s+|\s*/\s*")


def split_pairs(mentions: Sequence[Mention]) -> list[Mention]:
    """A span that joins two names the story also writes alone ("Copa and Avianca", "Gaza/Israel") becomes two
    mentions; a name with "and" inside that is not two such names ("Securities and Exchange Commission") stays.
    A span that is a name of the story with an adverb glued on where a link lost its space ("Kampala
    Postoriginally reported") loses the adverb."""
    forms = {" ".join(m.text.split()) for m in mentions}
    out = []
    for m in mentions:
        at = next((k for k in range(len(m.text) - 6, 0, -1)
                   if m.text[:k] in forms and _GLUED_ADVERB.fullmatch(m.text, k)), None)
        if at is not None and m.text[at - 1].isalpha():
            m = Mention(m.source, m.start, m.start + at, m.text[:at], m.label)
        cut = next((c for c in _PAIR.finditer(m.text)
                    if _pair(m.text[:c.start()], m.text[c.end():], forms)), None)
        if cut is None:
            out.append(m)
            continue
        out += [Mention(m.source, m.start, m.start + cut.start(), m.text[:cut.start()], m.label),
                Mention(m.source, m.start + cut.end(), m.end, m.text[cut.end():], m.label)]
    return out


def _pair(left: str, right: str, forms: set[str]) -> bool:
    """Are the two sides of "and" two names: both written alone in the story, or one of them written alone and
    both full names of three words or more, capitalised at both ends ("University of Colorado and Children's
    Hospital Colorado"; not "Centers for Disease Control and Prevention", "Centre for Israel and Jewish
    Affairs")?"""
    if left in forms and right in forms:
        return True

    def full(side: str) -> bool:
        words = side.split()
        return len(words) >= 3 and words[0][:1].isupper() and words[-1][:1].isupper()
    return (left in forms or right in forms) and full(left) and full(right)


def complete_forms(texts: Mapping[str, str], mentions: Sequence[Mention]) -> list[Mention]:
    """Every occurrence of a name of two words or more that the story's tagger spans write somewhere becomes a
    mention of it: where the tagger cut it into pieces ("Centre" + "Israel" + "Jewish Affairs" in one report,
    "Centre for Israel and Jewish Affairs" whole in another) the pieces are replaced, and where it tagged
    nothing there it is added, unless a capitalised word runs on before or after it (the name is then part of
    a longer one: "Supreme Court" inside "Indiana Supreme Court"). Longest names first; the label is the one
    the name is most often tagged with."""
    labels: dict[str, Counter[str]] = {}
    for m in mentions:
        form = " ".join(m.text.split())
        if len(form.split()) >= 2 and form == m.text and any(ch.isalpha() for ch in form):
            labels.setdefault(form, Counter())[m.label] += 1
    by_source: dict[str, list[Mention]] = {}
    for m in mentions:
        by_source.setdefault(m.source, []).append(m)
    for form in sorted(labels, key=lambda f: (-len(f), f)):
        label = min(labels[form], key=lambda x: (-labels[form][x], x))
        pattern = re.compile(r"(?<![\w-])" + re.escape(form) + r"(?![\w-])")
        for source in sorted(texts):
            text, current = texts[source], by_source.get(source, [])
            for occ in pattern.finditer(text):
                inside = [m for m in current if m.start < occ.end() and occ.start() < m.end]
                if any(m.start < occ.start() or m.end > occ.end() for m in inside):
                    continue  # crossing or inside a longer mention
                if any((m.start, m.end) == occ.span() for m in inside):
                    continue
                if not inside and _runs_on(text, occ.start(), occ.end()):
                    continue
                current = [m for m in current if m not in inside]
                current.append(Mention(source, occ.start(), occ.end(), form, label))
            by_source[source] = current
    return sorted((m for ms in by_source.values() for m in ms), key=lambda m: (m.source, m.start, m.end))


def _runs_on(text: str, start: int, end: int) -> bool:
    """Is a capitalised word (other than a sentence starter, "The") written right before or after the span?"""
    before = _CAPITAL_BEFORE.search(text, max(0, start - 40), start)
    return bool(before and before.group(1) not in SENTENCE_STARTERS or _CAPITAL_AFTER.match(text, end))
