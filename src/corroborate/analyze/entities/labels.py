"""Entity labels voted across a story: the tagger's label of one mention corrected by the others.

``relabel_name_parts`` makes a part of a person's name tagged otherwise ("Latimer" tagged ORG after "Darryl
Latimer") a person mention; ``vote_labels`` relabels the person mentions of a name the story mostly tags
otherwise ("Dar Hamiz" PER in one report, a place in the others), and a name the tagger is unsure of by its
most frequent label. Reads and returns :class:`Mention` lists; the span repairs before it are :mod:`.spans`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

from corroborate.analyze.entities.keys import is_acronym, keys_match, name_keys
from corroborate.analyze.entities.lexicon import (
    COMPANY_HEADS,
    DEMONYMS,
    GROUP_ADJECTIVES,
    HONORIFICS,
    PLACE_NAMES,
)
from corroborate.analyze.entities.nodes import Mention

# 1/3: a name's person mentions are relabelled when they are at most this share of all its mentions across
# the story's spellings (and there are at least MIN_LABEL_VOTES). Tuned on the example stories: "Dar Hamiz"
# / "Dar-Hamees" is tagged PER 2 times in 10 (relabelled), "Varenia" PER 1 in 10; no person name in the
# examples or the held-out sets is tagged otherwise more than a third of the time.
MAX_MINORITY_PERSON_SHARE = 1 / 3
MIN_LABEL_VOTES = 3
# 0.4: a name never tagged LOC is one person when PER is its most frequent label and at least this share of its
# tags (the tagger is unsure of a pet's or a character's name: PER 10, MISC 8, ORG 3); below it, as with a firm
# named after its founder tagged ORG more often, the labels stay.
PLURAL_PERSON_SHARE = 0.4
EXECUTIVE_TITLES = frozenset("CEO CFO COO CTO CMO CIO CSO CPO VP SVP EVP CVP".split())
_AFTER_PLACE_WORD = re.compile(r"\b(?:in|near|outside|from|to|across|throughout)\s+(?:the\s+)?$")


def _form(mention: Mention) -> str:
    form = " ".join(mention.text.split())
    return re.sub(r"^(?:the|The)\s+", "", re.sub(r"['’]s?$", "", form))


def vote_labels(mentions: Sequence[Mention], texts: Mapping[str, str] | None = None) -> list[Mention]:
    """Person mentions relabelled with the story's majority label for that name across its spellings.

    "Dar Hamiz" tagged PER in one report while "Dar Hamiz", "Dar-Hamees" and "Darhamiz" are LOC in the
    others becomes LOC, so it neither forms a junk person nor is offered to quote attribution as a speaker.
    Spans that begin with an honorific ("Mr Arkan") are people whatever the vote says. The other way round,
    a name the story tags a person at least 1 - MAX_MINORITY_PERSON_SHARE of the time is a person where the
    tagger read it otherwise ("At Johnson's condo" LOC), unless it is a country's name or (given the texts)
    follows "in", "near", "from"... as places do; and so is a name never tagged a place that is tagged PER at
    least as often as any other label and PLURAL_PERSON_SHARE of the time (a lion called Mohawk tagged PER 10
    times, MISC 8, ORG 3): one name, not a person and a thing of the same name. A name of two words or more
    tagged only PER and LOC, LOC at least as often and once right after "in", "near"..., is a place ("in Khan
    Yunis").
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
    placed = {id(group_of[_form(m)]) for m in mentions if texts and m.label.upper() == "LOC" and _form(m) in group_of
              and _AFTER_PLACE_WORD.search(texts[m.source], max(0, m.start - 12), m.start)}
    out = []
    for m in mentions:
        votes = group_of.get(_form(m))
        if m.label.upper() == "PER" and votes and not _honorific_start(m.text):
            total, person = sum(votes.values()), votes["PER"]
            others = [(n, label) for label, n in votes.items() if label != "PER"]
            if total >= MIN_LABEL_VOTES and person <= MAX_MINORITY_PERSON_SHARE * total and others:
                m = Mention(m.source, m.start, m.end, m.text, min(others, key=lambda x: (-x[0], x[1]))[1])
            elif (id(votes) in placed and votes["LOC"] >= person and len(_form(m).split()) >= 2
                  and set(votes) <= {"PER", "LOC"}):
                m = Mention(m.source, m.start, m.end, m.text, "LOC")  # "Khan Yunis" PER once, "in Khan Yunis" LOC
        elif (m.label.upper() in ("LOC", "ORG", "MISC") and votes and _form(m) not in PLACE_NAMES
              and not (texts and _AFTER_PLACE_WORD.search(texts[m.source], max(0, m.start - 12), m.start))):
            total, person = sum(votes.values()), votes["PER"]
            unsure = (m.label.upper() in ("MISC", "ORG") and not votes["LOC"] and person >= PLURAL_PERSON_SHARE * total
                      and all(person >= n for n in votes.values()))
            if total >= MIN_LABEL_VOTES and (person >= (1 - MAX_MINORITY_PERSON_SHARE) * total or unsure):
                m = Mention(m.source, m.start, m.end, m.text, "PER")  # "At Johnson's condo": Johnson the person
        out.append(m)
    return out


def _honorific_start(text: str) -> bool:
    first = text.split()[0].rstrip(".").lower() if text.split() else ""
    return first in HONORIFICS


def _person_tail(m: Mention, surnames: set[str]) -> Mention:
    """An ORG/MISC span of three words or more that ends in a given name and a surname the story writes as a
    person's ("Environment CS Judi Wakhungu", "Broward Sheriff's Office Stephen Johnson") or that an executive's
    title in initials comes before ("Microsoft CVP Phil Harrison"): the person's name."""
    found = list(re.finditer(r"\S+", m.text))
    if m.label.upper() not in ("ORG", "MISC") or len(found) < 3:
        return m
    given, surname = found[-2].group(), _form(Mention("", 0, 0, found[-1].group(), ""))
    titled = found[-3].group() in EXECUTIVE_TITLES  # "Microsoft CVP Phil Harrison"
    if (surname not in surnames and not titled) or not given.isalpha() or not given[0].isupper() or given.isupper():
        return m
    if given.lower() in COMPANY_HEADS or given in PLACE_NAMES:
        return m
    start = m.start + found[-2].start()
    return Mention(m.source, start, m.end, m.text[found[-2].start():], "PER")


def _body_before(m: Mention, cut: int) -> list[Mention]:
    """The organisation's name a person's name was cut from ("Broward Sheriff's Office" of "Broward Sheriff's
    Office Stephen Johnson"), without the person's title in initials ("Microsoft" of "Microsoft CVP Phil
    Harrison"); [] when nothing capitalised is left."""
    words = list(re.finditer(r"\S+", m.text[:cut - m.start]))
    if len(words) > 1 and words[-1].group().isupper():
        words.pop()
    if not words or not any(ch.isupper() for w in words for ch in w.group()):
        return []
    end = m.start + words[-1].end()
    return [Mention(m.source, m.start, end, m.text[:end - m.start], m.label)]


def _common_word(form: str, texts: Mapping[str, str] | None) -> bool:
    """A demonym or group word ("Republican"), or one word the story also writes in lower case ("Environment"
    of "Environment CS Judi Wakhungu"): no name of its own."""
    if form in DEMONYMS or form in GROUP_ADJECTIVES:
        return True
    if " " in form or not texts:
        return False
    low = re.compile(r"(?<![\w-])" + re.escape(form.lower()) + r"(?![\w-])")
    return any(low.search(text) for text in texts.values())


def relabel_name_parts(mentions: Sequence[Mention], texts: Mapping[str, str] | None = None) -> list[Mention]:
    """One-word ORG/MISC mentions that are the given name or surname of a person named in full in the same
    report become person mentions ("Latimer said" tagged ORG after "Darryl Latimer"; "Elon" after "Elon
    Musk"), unless the word also starts a longer non-person name of the story ("Tesla" of "Tesla Inc") or
    is a country's name; so does that surname after a rank in initials or an honorific ("SSP Nabugyere"), and a
    longer organisation span ending in such a person's given name and surname is cut into the person's name and
    the organisation's before it ("Broward Sheriff's Office" + "Stephen Johnson"), unless that is a common word
    of the story (``texts``: "Environment" of "Environment CS Judi Wakhungu")."""
    parts: dict[str, set[str]] = {}
    non_person: set[str] = set()
    for m in mentions:
        words = _form(m).split()
        if len(words) >= 2 and m.label.upper() == "PER":
            parts.setdefault(m.source, set()).update((words[0], words[-1]))
        elif len(words) >= 2 and words[1][:1].isupper():  # "Tesla Inc", not "Eom and co."
            non_person.add(words[0])
    singles = {_form(m) for m in mentions if m.label.upper() == "PER" and " " not in _form(m)}
    singles -= {_form(m) for m in mentions if m.label.upper() != "PER"}  # "Varenia" tagged PER once, LOC often
    surnames = singles | {w for p in parts.values() for w in p}
    out = []
    for m in mentions:
        tail = _person_tail(m, surnames)
        if tail is not m:
            out += [b for b in _body_before(m, tail.start) if not _common_word(b.text, texts)]
        m = tail
        words = _form(m).split()
        form = words[-1] if words else ""
        titled = all(is_acronym(w) and len(w) >= 3 or w.rstrip(".").lower() in HONORIFICS for w in words[:-1])
        if (m.label.upper() in ("ORG", "MISC") and titled and form in parts.get(m.source, set())
                and (len(words) > 1 or form not in non_person) and form not in PLACE_NAMES
                and not is_acronym(form)):
            m = Mention(m.source, m.start, m.end, m.text, "PER")
        out.append(m)
    return out
