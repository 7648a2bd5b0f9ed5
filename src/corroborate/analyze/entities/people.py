"""Person mentions: titles and honorifics around a name, and linking people across reports.

``person_span`` widens an NER person span over the title or honorific written before it ("Interior
Minister", "Ms", "Regional Police Commander Gen."); ``parse_person`` splits a span into personal name,
lower-case title phrase and the gender an honorific implies (an all-capitals rank before a name, "SSP", is a
title). ``link_people`` clusters full names across reports (fuzzy surname and given name, a given name
transliterated with the same consonants, differing middle initials kept apart: "George H.W. Bush" is not
"George W. Bush") and attaches surname-only mentions ("Ms Vardaman", "Vardaman") to the person of that
surname in the same report, using honorific gender, rank and recency when two people share it; a surname
two people of the story share, with neither in the report, stays unattached, and so does a lone word that is
one person's surname and another's given name ("Carter" beside Robin Carter and Carter Roberts) unless an
honorific or rank marks it a surname. A first name alone joins the one person of its report, else of the
story, with that given name.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence

from corroborate.analyze.entities.keys import is_acronym, keys_match, name_keys, phonetic, plain, skeleton
from corroborate.analyze.entities.lexicon import (
    DEMONYMS,
    HONORIFIC_NAME,
    HONORIFICS,
    NOT_MODIFIERS,
    RANKS,
    TITLE_GENDER,
    TITLE_HEADS,
)
from corroborate.analyze.entities.nodes import Mention, Node, add_node, overlapping
from corroborate.unionfind import DisjointSet

# 3: at most this many modifiers before a title head ("Deputy Regional Police Commander").
MAX_TITLE_MODIFIERS = 3
# 6: given names this long (letters) may match on their consonants alone (see _given_variant).
MIN_VARIANT_GIVEN = 6
# 3: an all-capitals word this long before a name is an abbreviated title ("SSP", "MEP"), not a given name;
# two letters are often a person's initials ("AJ Styles").
MIN_TITLE_ACRONYM = 3
# 200 characters: how far after a full name a he/she pronoun is read as that person's gender, cut at the
# next person mention.
PRONOUN_WINDOW = 200

_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*")
_POSSESSIVE = re.compile(r"['’]s?$")
_APPOSITIVE_AFTER = re.compile(
    r",\s+(?:the|a|an)\s+(?P<title>(?:[\w-]+\s+){0,3}[\w-]+?)(?=[,.;:)]|\s+(?:said|says|told|who|and)\b)",
    re.IGNORECASE)
_APPOSITIVE_BEFORE = re.compile(r"\b(?:the|The)\s+(?P<title>(?:[\w-]+\s+){0,3}[\w-]+),\s+$")
# Capitalised particles that open a surname ("Le Pichon", "De Niro"); not "Van", "Al", "Del", also given names.
_SURNAME_PARTICLES = frozenset("Le La De Du Des Della Dos Das Ter".split())
# A bare surname that says something, then a subject pronoun in the same clause ("Lind said she would").
_SAYS_PRONOUN = re.compile(
    r"\s+(?:said|says|told|added|explained|recalled)\b[^.!?;\"“”\n]{0,30}?\b([Hh]e|[Ss]he)\b")
# Subject pronouns only: "X, her cousin, ..." - a possessive right after a name is often someone else's.
# A kinship noun before a name in its clause: "the daughter of another industry icon Vidal Sassoon", "his
# brother Kimbal Musk" (general English kinship terms).
_KIN_BEFORE = re.compile(
    r"\b(?:father|mother|son|daughter|brother|sister|husband|wife|uncle|aunt|cousin|nephew|niece|grandfather|"
    r"grandmother|grandson|granddaughter|widow|widower|parents?|children|child)(?:['’]s)?\b(?: of)?[^.,;:!?\n]{0,40}$")
_FAMILY_BEFORE = re.compile(r"\b[Tt]he[ \u00a0]$")
_FAMILY_AFTER = re.compile(r"[ \u00a0](?:family|families|clan|household)\b")
_HE = re.compile(r"\bhe\b", re.IGNORECASE)
_SHE = re.compile(r"\bshe\b", re.IGNORECASE)


def _honorific(word: str) -> bool:
    low = word.rstrip(".").lower()
    return low in HONORIFICS and low not in TITLE_HEADS and word[0].isupper()


def _head(word: str) -> bool:
    return not word.endswith(".") and word.lower() in TITLE_HEADS


def person_span(text: str, start: int, blocked: Sequence[tuple[int, int]],
                nominal: Callable[[int, int], bool | None] | None = None) -> int:
    """New start of a person span that takes in the title and honorifics written right before it. A lower-case
    word joins the title only where ``nominal`` (the parse, given a character span) does not say it is other
    than a noun or adjective: "coup leader Capt. X", not "recognize coup leader Capt. X"."""
    window = max(0, start - 120)
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, window, start)]
    new_start, edge, stage, modifiers, head_upper = start, start, "honorific", 0, True
    for s, e, word in reversed(words):
        if text[e:edge].strip() or "\n" in text[e:edge]:
            break
        if any(s < b and a < e for a, b in blocked):
            if stage == "modifier" and is_acronym(word):  # "HPA commander Idris Falk": the group's initials
                new_start = s
            break
        if stage == "honorific" and _honorific(word):
            new_start = s
        elif stage == "honorific" and _head(word):
            stage, head_upper, new_start = "modifier", word[0].isupper(), s
        elif (stage == "modifier" and modifiers < MAX_TITLE_MODIFIERS and word.isalpha()
              and word.lower() not in NOT_MODIFIERS and word not in DEMONYMS
              and (word[0].isupper() or not head_upper)
              and (word[0].isupper() or nominal is None or nominal(s, e) is not False)):
            # "Regional Police Commander", "police chief", "Orsk police chief"; not "police Commander"
            modifiers, new_start = modifiers + 1, s
        else:
            break
        edge = s
    return new_start


def parse_person(span_text: str) -> tuple[str, str | None, str | None, str | None]:
    """(personal name, lower-case title phrase, gender, rank) of a person span; None where absent."""
    words = [_POSSESSIVE.sub("", w) if k == len(span_text.split()) - 1 else w
             for k, w in enumerate(span_text.split())]
    last = max((k for k, w in enumerate(words[:-1]) if _honorific(w) or _head(w)), default=-1)
    if last == -1 and len(words) >= 2 and len(words[0]) >= MIN_TITLE_ACRONYM and is_acronym(words[0]):
        last = 0  # a rank or office written as initials before the name: "SSP Francis Nabugyere"
    name_words = words[last + 1:] or words
    title_words = [w for w in words[:last + 1] if not _honorific(w)]
    heads = [k for k, w in enumerate(title_words) if _head(w)]
    title = " ".join(title_words[:heads[-1] + 1]).lower() if heads else None
    gender = rank = None
    for w in words[:last + 1]:
        gender = HONORIFICS.get(w.rstrip(".").lower()) or TITLE_GENDER.get(w.lower()) or gender
        rank = RANKS.get(w.rstrip(".").lower(), rank)
    return " ".join(name_words), title, gender, rank


def person_forms(span_text: str) -> set[str]:
    """Forms a person span names them by: the whole span, the span from its first honorific on when a title
    comes before it ("Dr. Anton Brasch" in "MDR leader Dr. Anton Brasch") and the bare personal name ("Adiv"
    in "Mr. Adiv"): reports and readers refer to the person by each of them."""
    words = span_text.split()
    forms = {" ".join(words), parse_person(span_text)[0]}
    first = next((k for k, w in enumerate(words[:-1]) if _honorific(w)), 0)
    if first:
        forms.add(" ".join(words[first:]))
    return forms


def _title_words(phrase: str) -> str | None:
    """A lower-case title phrase when ``phrase`` is up to three modifiers and a title head."""
    words = phrase.lower().split()
    if not words or words[-1] not in TITLE_HEADS or len(words) > MAX_TITLE_MODIFIERS + 1:
        return None
    if any(w in NOT_MODIFIERS or not w.replace("-", "").isalpha() for w in words):
        return None
    return " ".join(words)


def appositive_title(text: str, start: int, end: int) -> str | None:
    """The title in "Piet Rostam, the regional police commander," or "the interior minister, Halina V"."""
    after = _APPOSITIVE_AFTER.match(text, end)
    if after and (title := _title_words(after.group("title"))):
        return title
    before = _APPOSITIVE_BEFORE.search(text, max(0, start - 80), start)
    return _title_words(before.group("title")) if before else None


def _given_match(a: str, b: str) -> bool:
    """Given names match, or one is the other's initial ("H." / "Halina")."""
    pa, pb = plain(a).rstrip("."), plain(b).rstrip(".")
    if len(pa) == 1 or len(pb) == 1:
        return pa[:1] == pb[:1]
    return keys_match(name_keys(a), name_keys(b))


def same_person(a: Sequence[str], b: Sequence[str]) -> bool:
    """Two full names (word lists) are one person: surnames match, first given names match (or are one name
    transliterated: "Vladimir" / "Volodymyr") and middle names or initials, where both have one, agree
    ("George H.W. Bush" is not "George W. Bush")."""
    if not keys_match(name_keys(a[-1]), name_keys(b[-1])):
        return False
    if not (_given_match(a[0], b[0]) or _given_variant(a[0], b[0])):
        return False
    if len(a) > 2 and len(b) > 2:
        return plain(a[1])[:1] == plain(b[1])[:1]
    return True


def _given_variant(a: str, b: str) -> bool:
    """Two long given names with the same consonants and the same last letter: one name in two
    transliterations ("Vladimir" / "Volodymyr", "Mohamed" / "Muhammad"), not a pair such as "Daniel" /
    "Daniela"."""
    ka, kb = name_keys(a), name_keys(b)
    if len(ka) != 1 or len(kb) != 1 or min(len(plain(a)), len(plain(b))) < MIN_VARIANT_GIVEN:
        return False
    sa, sb = skeleton(ka[0]), skeleton(kb[0])
    return sa == sb and len(sa) >= 3 and plain(a)[-1] == plain(b)[-1]


def _surname_key(word: str) -> tuple[str, ...]:
    return name_keys(word) or (phonetic(plain(word)),)


def _pronoun_gender(text: str, end: int, stop: int) -> str | None:
    window = text[end:min(stop, end + PRONOUN_WINDOW)]
    he, she = _HE.search(window), _SHE.search(window)
    if he and (not she or he.start() < she.start()):
        return "m"
    return "f" if she else None


def _cluster_full_names(nodes: Sequence[Node], full: list[int], uf: DisjointSet) -> None:
    """Leader clustering of full names: fullest, most frequent forms lead (deterministic, no chaining)."""
    counts = Counter(nodes[k].name for k in full)
    leaders: list[tuple[list[str], int]] = []
    first: dict[str, int] = {}
    for k in full:
        first.setdefault(nodes[k].name, k)
    for name in sorted(counts, key=lambda n: (-len(n.split()), -counts[n], n)):
        words = name.split()
        match = next((root for lw, root in leaders if same_person(lw, words)), None)
        if match is None:
            leaders.append((words, first[name]))
            match = first[name]
        for k in full:
            if nodes[k].name == name:
                uf.union(match, k)


def _genders(texts: Mapping[str, str], nodes: Sequence[Node], people: list[int], uf: DisjointSet
             ) -> dict[int, str]:
    """Gender of each person cluster from honorifics, gendered titles and the next he/she pronoun."""
    votes: dict[int, Counter[str]] = {}
    starts: dict[str, list[int]] = {}
    for k in people:
        starts.setdefault(nodes[k].mention.source, []).append(nodes[k].mention.start)
    for k in people:
        node = nodes[k]
        vote = node.gender
        if vote is None and len(node.words) >= 2:
            later = [s for s in starts[node.mention.source] if s > node.mention.start]
            vote = _pronoun_gender(texts[node.mention.source], node.mention.end, min(later, default=10**9))
        if vote:
            votes.setdefault(uf.find(k), Counter())[vote] += 1
    out = {}
    for root, counter in votes.items():
        ranked = counter.most_common()
        if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
            out[root] = ranked[0][0]
    return out


def _pick(cands: list[int], nodes: Sequence[Node], full_by_root: dict[int, list[int]], node: Node,
          text: str = "") -> int:
    """Among candidate clusters named in the same report, the story's main one: named in full in the most
    reports, then most often ("Musk's brother, Kimbal Musk" does not make the next "Mr Musk" the brother);
    between equals, one the report names other than only as someone's relative ("Eden Sassoon, the daughter
    of Vidal Sassoon": a later "Sassoon" is Eden), then the one the report named most recently before
    ``node``. A title, honorific gender or rank, checked before this, tells people of one surname apart
    otherwise."""
    source = node.mention.source

    def standing(root: int) -> tuple[int, int, bool, tuple[int, int]]:
        named = full_by_root[root]
        here = [nodes[k].mention.start for k in named if nodes[k].mention.source == source]
        before = [s for s in here if s < node.mention.start]
        recency = (max(before), 0) if before else (-1, -min(here))
        own = not text or not all(_KIN_BEFORE.search(text, max(0, s - 60), s) for s in here)
        return (len({nodes[k].mention.source for k in named}), len(named), own, recency)
    return max(cands, key=lambda r: (standing(r), -r))


def _particle_surname(words: Sequence[str]) -> bool:
    """ "Le Pichon", "De Niro": a surname with its particle, not a given name and a surname."""
    return len(words) == 2 and words[0] in _SURNAME_PARTICLES


def _speaker_gender(text: str, end: int) -> str | None:
    """ "Lind said she would stay", "Lind said as he left": the pronoun in the clause a bare surname says."""
    match = _SAYS_PRONOUN.match(text, end)
    return None if match is None else ("m" if match.group(1).lower() == "he" else "f")


def person_node(mention: Mention, voted: bool) -> Node:
    """A person name node for a (possibly widened) span."""
    name, title, gender, rank = parse_person(mention.text)
    return Node(mention, "name", "PERSON", name, title=title, gender=gender, rank=rank, voted=voted)


def scan_honorifics(texts: Mapping[str, str], nodes: list[Node], uf: DisjointSet) -> None:
    """Add "Ms Vardaman" / "Mr. Adiv" mentions the tagger missed."""
    for source in sorted(texts):
        text = texts[source]
        for m in HONORIFIC_NAME.finditer(text):
            words = list(re.finditer(r"\S+", m.group("name")))
            while words and words[-1].group().lower() in NOT_MODIFIERS:
                words.pop()
            if not words:
                continue
            last = words[-1].group()
            end = m.start("name") + words[-1].end() - len(last) + len(_POSSESSIVE.sub("", last))
            if not overlapping(nodes, source, m.start(), end):
                mention = Mention(source, m.start(), end, text[m.start():end], "")
                add_node(nodes, uf, person_node(mention, False))


def _scan_surnames(texts: Mapping[str, str], nodes: list[Node], uf: DisjointSet, full: list[int]) -> None:
    """Add bare-surname mentions ("Vardaman said") of people named in full somewhere in the story."""
    surnames = sorted({nodes[k].words[-1] for k in full if len(nodes[k].words[-1]) >= 3
                       and nodes[k].words[-1][0].isupper()})
    for source in sorted(texts):
        text = texts[source]
        blocked = [(n.mention.start, n.mention.end) for n in nodes if n.mention.source == source]
        for surname in surnames:
            for m in re.finditer(r"(?<![\w-])" + re.escape(surname) + r"(?![\w-])", text):
                if _FAMILY_BEFORE.search(text, max(0, m.start() - 5), m.start()) and _FAMILY_AFTER.match(text, m.end()):
                    continue  # "the Roberts family": the family, not one of its members
                if not overlapping(nodes, source, m.start(), m.end()):
                    start = person_span(text, m.start(), blocked)
                    mention = Mention(source, start, m.end(), text[start:m.end()], "")
                    if not overlapping(nodes, source, start, m.end()):
                        add_node(nodes, uf, person_node(mention, False))


def link_people(texts: Mapping[str, str], nodes: list[Node], uf: DisjointSet) -> None:
    """Cluster full names, then attach each surname-only person mention to the right full name."""
    for node in nodes:
        if node.kind == "name" and node.cls == "PERSON" and node.title is None:
            node.title = appositive_title(texts[node.mention.source], node.mention.start, node.mention.end)
    full = [k for k, n in enumerate(nodes) if n.kind == "name" and n.cls == "PERSON" and len(n.words) >= 2
            and not _particle_surname(n.words)]
    _cluster_full_names(nodes, full, uf)
    _scan_surnames(texts, nodes, uf, full)
    people = [k for k, n in enumerate(nodes) if n.kind == "name" and n.cls == "PERSON"]
    genders = _genders(texts, nodes, people, uf)
    full_by_root: dict[int, list[int]] = {}
    for k in full:
        full_by_root.setdefault(uf.find(k), []).append(k)
    surname = {root: _surname_key(nodes[ks[0]].words[-1]) for root, ks in full_by_root.items()}
    ranks = {root: {nodes[k].rank for k in ks if nodes[k].rank} for root, ks in full_by_root.items()}
    orphans: list[int] = []
    for k in sorted((k for k in people if len(nodes[k].words) == 1 or _particle_surname(nodes[k].words)),
                    key=lambda k: (nodes[k].mention.source, nodes[k].mention.start)):
        node = nodes[k]
        gender = node.gender or _speaker_gender(texts[node.mention.source], node.mention.end)
        key = _surname_key(node.words[-1])
        fits = [r for r in sorted(full_by_root) if keys_match(surname[r], key)
                and not (gender and genders.get(r) and genders[r] != gender)
                and not (node.rank and ranks[r] and node.rank not in ranks[r])]
        source = node.mention.source
        here = [r for r in fits if any(nodes[j].mention.source == source for j in full_by_root[r])]
        given = _given_name_owners(nodes, full_by_root, key, source)
        if fits and not node.gender and not node.rank and any(r not in fits for r in given):
            # "Carter" with a Carter Roberts and a Robin Carter in the story: the one of them the report has
            # named before it, when only one has been; else whose is unknown
            earlier = [r for r in sorted(set(fits) | set(given)) if any(
                nodes[j].mention.source == source and nodes[j].mention.start < node.mention.start
                for j in full_by_root[r])]
            if len(earlier) == 1:
                uf.union(earlier[0], k)
            else:
                orphans.append(k)
            continue
        if here:
            root = _pick(here, nodes, full_by_root, node, texts[source])
        elif len(fits) == 1:
            root = fits[0]
        else:
            given = _given_name_owners(nodes, full_by_root, key, source) if not node.gender else []
            if len(given) != 1 or fits:  # a first name alone ("Halina said"), only when unambiguous
                orphans.append(k)
                continue
            root = given[0]
        uf.union(root, k)
        if node.gender and root not in genders:
            genders[root] = node.gender
        if node.rank:
            ranks[root].add(node.rank)
    _group_orphans(nodes, orphans, uf)


def _given_name_owners(nodes: Sequence[Node], full_by_root: dict[int, list[int]], key: tuple[str, ...],
                       source: str) -> list[int]:
    """The people whose first given name is ``key``: those named in ``source``, else those of the whole story."""
    owners = [r for r in sorted(full_by_root) if any(_surname_key(nodes[j].words[0]) == key for j in full_by_root[r])]
    here = [r for r in owners if any(nodes[j].mention.source == source for j in full_by_root[r])]
    return here or owners


def _group_orphans(nodes: Sequence[Node], orphans: list[int], uf: DisjointSet) -> None:
    """Surname-only mentions with no full name: one person per surname and compatible gender."""
    groups: list[tuple[tuple[str, ...], str | None, int]] = []
    for k in orphans:
        key, gender = _surname_key(nodes[k].name), nodes[k].gender
        match = next((g for g in groups if keys_match(g[0], key) and (g[1] is None or gender is None
                                                                      or g[1] == gender)), None)
        if match is None:
            groups.append((key, gender, k))
        else:
            uf.union(match[2], k)
