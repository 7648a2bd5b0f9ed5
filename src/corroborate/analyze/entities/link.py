"""Cross-report entity linking: one :class:`Entity` per person, place, organisation or group in a story.

``link_entities(texts, mentions, syntax=None)`` reads every report's cleaned text and the NER mentions on it
(PER, ORG, LOC, MISC spans; the tagger is run by the caller), optionally a reader of the reports' parse
(:data:`.junk.SyntaxReader`, built from the parsed Docs by :func:`.junk.doc_syntax`), and returns entities with a
canonical name, a type, every other surface form and every mention, including ones the linker finds itself. A
cascade, cheap and exact steps first:

0. tagger spans repaired (punctuation trimmed, dotted initials and "Inc." kept whole, split names joined,
   "Dr"/"Ms" alone dropped, "Tamsk" + "ridge", furniture glued to a name cut off: "Kristi NoemKristi Lynn
   Noem", "Egypt\u2014a", "@realName"), spans that name nothing dropped (lower-case words, nationality and
   faith words, sentence-capitalised common words, pronunciation guides: :mod:`.junk`), two names tagged as
   one span split ("Copa and Avianca"), a name of two words or more made whole wherever it is written ("Centre"
   + "Jewish Affairs" where another report tags "Centre for Israel and Jewish Affairs"), a one-word ORG/MISC
   mention that is a person's given name or surname in the same report made a person mention, and place names
   tagged PER in a minority of their mentions relabelled, person names tagged otherwise in a minority the other
   way (:mod:`.spans`);
1. person spans widen over the title or honorific before them ("Interior Minister Halina Vardaman");
2. aliases the reports define ("X (SVLF)", "X (Copa)", "which many here call the Ash Brigade", "formerly
   known as", "so-called") and every later use of them (:mod:`.find`);
3. people: full names clustered across reports (given names transliterated, middle initials that differ
   kept apart), then "Ms Vardaman"/"Vardaman" attached to the right one by surname, honorific gender and
   recency, and a first name alone to the one person of the story with that given name (:mod:`.people`);
4. other names: leader clustering on transliteration-tolerant keys (:mod:`.keys`; a plural last word and a
   demonym read as its country), a company's short form ("United" / "United Airlines", "Snap" / "Snap
   Inc."), an event's ("E3" / "E3 Expo"), a name without its country word ("Supreme Court"), a long name with
   one word misspelt ("Sewage" / "Sewerage"), "X" for the one "X of Y" ("Shroud" / "Shroud of Turin"), a state
   abbreviation after a city ("Va."); two-word names match across place/organisation;
5. acronyms (and dotted initials, "U.N.") joined to the one name with those initials (the one written in
   the acronym's report, or the most written one, when several share them); title phrases ("the interior
   minister") joined to the one person that title was written with; "the ministry" joined to the one entity
   whose name ends in that noun, "the Post" to the one paper whose name ends in that word; spelt-out short
   forms ("enterovirus D68 (EV-D68)") found by the Schwartz-Hearst abbreviation match.

Types: the tagger's labels voted per entity; a name the text calls a place ("the capital, X") or a country
of the demonym list is a PLACE; a hospital, university or school is an ORG; a place-typed "X of Y" whose head
is no place noun is the person CoNLL-2003 names X ("Jesus of Nazareth") or a thing ("Shroud of Turin"); an
organisation-typed name the reports write as a thing ("your SmartTV", "the new Xbox") is OTHER.

Output is deterministic and independent of input order (sorted inputs, union-find rooted at the smallest
index, leader clustering over sorted forms).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import partial

from rapidfuzz.distance import OSA

from corroborate.analyze.entities.find import (
    clean_form,
    find_aliases,
    mark_forms,
    scan_acronyms,
    scan_descriptions,
    scan_mastheads,
    scan_titles,
)
from corroborate.analyze.entities.junk import DocSyntax, SyntaxReader, drop_junk
from corroborate.analyze.entities.keys import MIN_FUZZY_TOKEN, is_acronym, keys_match, name_keys, plain, token_match
from corroborate.analyze.entities.kinds import GENERIC_HEADS, build_entity, vote_type
from corroborate.analyze.entities.labels import relabel_name_parts, vote_labels
from corroborate.analyze.entities.lexicon import (
    COMPANY_HEADS,
    DEMONYMS,
    GROUP_WORDS,
    ORG_HEADS,
    PLACE_NAMES,
    STATE_ABBREVIATIONS,
)
from corroborate.analyze.entities.nodes import Entity, Mention, Node, NodeList, mention_order
from corroborate.analyze.entities.people import (
    link_people,
    person_node,
    person_span,
    scan_honorifics,
)
from corroborate.analyze.entities.spans import INSTITUTION_HEADS, clean_spans, complete_forms, split_pairs
from corroborate.unionfind import DisjointSet

__all__ = ["Entity", "Mention", "link_entities"]

# 3 words, 2 edits: a long name with one word misspelt is the same name (see _misspelt). Two edits reach
# "Sewage" / "Sewerage", "Wildflife" / "Wildlife"; a name of three words keeps two of them exact.
MIN_MISSPELT_WORDS = 3
MAX_MISSPELLING = 2
_LABEL_TYPES = {"PER": "PERSON", "LOC": "PLACE", "ORG": "ORG", "MISC": "OTHER"}
_ORG_HEAD_KEYS = frozenset(name_keys(w)[0] for w in ORG_HEADS)
_COMPANY_HEAD_KEYS = frozenset(x for w in COMPANY_HEADS for k in name_keys(w) for x in (k, k.removesuffix("s")))
_PLACE_KEYS = frozenset(
    k for w in sorted(PLACE_NAMES | set(DEMONYMS)) if " " not in w for k in name_keys(w)[:1])
_STATE_HEAD_KEYS = frozenset(name_keys(w)[0] for w in ("republic", "kingdom", "emirate", "sultanate"))
# Words after an event's own name that the reports may leave out ("E3 Expo" / "E3", "Davos summit"): only between
# names of the same type family, so a place ("Cannes") never becomes its festival.
_EVENT_HEAD_KEYS = frozenset(name_keys(w)[0] for w in (
    "expo", "conference", "summit", "festival", "fair", "convention", "show", "forum", "awards", "tournament"))
# Area words a body's name may leave out after the place ("Broward County Sheriff's Office" / "Broward
# Sheriff's Office", "New York City Police Department" / "New York Police Department").
_AREA_KEYS = frozenset(name_keys(w)[0] for w in ("county", "city", "parish", "borough", "township"))
_FAMILY = {"ORG": "ORG", "GROUP": "ORG", "PLACE": "PLACE", "OTHER": "OTHER", "PERSON": "PERSON"}
# Words after a person's name in the name of a firm of partners or of a place or body named after someone.
_NAMED_FIRM_WORDS = frozenset(
    "& and arena stadium center centre hall airport school college university hospital foundation institute "
    "library museum park prize award trust".split())
# A dateline up to a credit's opening parenthesis: "Seoul (", "WASHINGTON, D.C. (", or "(" opening a line.
_CREDIT = re.compile(r"(?:^|\n)[ \t]*(?:[A-Z][\w.'’-]*(?:[ ,]+[A-Z][\w.'’-]*){0,3}[ \t]*)?\($")
_POLICE_FORCE = re.compile(r"(.+) Police (?:Department|Service|Force|Bureau)")
_POLICE_AFTER = re.compile(r" police(?![\w-])")


def _checked(texts: Mapping[str, str], mentions: Sequence[Mention]) -> list[Mention]:
    """Mentions sorted and de-duplicated, after checking each span against its text."""
    for m in mentions:
        if m.source not in texts:
            raise ValueError(f"mention {m!r} names source {m.source!r}, which is not in texts")
        if not (0 <= m.start < m.end <= len(texts[m.source])) or texts[m.source][m.start:m.end] != m.text:
            raise ValueError(f"mention {m!r} does not match texts[{m.source!r}][{m.start}:{m.end}]")
    unique = {(m.source, m.start, m.end): m for m in sorted(mentions, key=mention_order, reverse=True)}
    return sorted(unique.values(), key=mention_order)


def _base_nodes(texts: Mapping[str, str], mentions: list[Mention], syntax: SyntaxReader | None) -> list[Node]:
    """One node per NER mention; person spans widened over their title or honorific (lower-case title words
    only where the parse, when there is one, reads them as nouns or adjectives)."""
    nodes = NodeList()
    spans: dict[str, list[tuple[int, int]]] = {}
    for m in mentions:
        spans.setdefault(m.source, []).append((m.start, m.end))
    for m in mentions:
        label = m.label.upper()
        if label == "PER":
            blocked = [span for span in spans[m.source] if span != (m.start, m.end)]
            nominal = partial(syntax.nominal, m.source) if isinstance(syntax, DocSyntax) else None
            start = person_span(texts[m.source], m.start, blocked, nominal)
            widened = Mention(m.source, start, m.end, texts[m.source][start:m.end], m.label)
            nodes.append(person_node(widened, True))
            continue
        form = clean_form(m.text)
        cls = _LABEL_TYPES.get(label, "OTHER")
        if cls == "PLACE" and _CREDIT.search(texts[m.source], 0, m.start) and texts[m.source][m.end:m.end + 1] == ")":
            cls = "ORG"  # the agency of a dateline, "Seoul (CNN) -": a news organisation, not a place
        if cls == "ORG" and any(w in GROUP_WORDS for w in plain(form).split()):
            cls = "GROUP"
        state = STATE_ABBREVIATIONS.get(form.rstrip("."))
        if state and cls == "PLACE" and texts[m.source][max(0, m.start - 2):m.start] == ", ":
            nodes.append(Node(m, "name", cls, state))  # "Chesterfield, Va.": Virginia
            continue
        nodes.append(Node(m, "acronym" if is_acronym(form) else "name", cls, form))
    return nodes


def _police_forms(texts: Mapping[str, str], nodes: list[Node]) -> None:
    """"Fayetteville police" names the Fayetteville Police Department when the story names that force in full
    (and no other of that place): the place mention before the lower-case "police" becomes a mention of it."""
    forces: dict[str, set[str]] = {}
    for n in nodes:
        if n.kind == "name" and n.cls != "PERSON" and (force := _POLICE_FORCE.fullmatch(n.name)):
            forces.setdefault(force.group(1), set()).add(n.name)
    for k, n in enumerate(nodes):
        names = forces.get(n.name, set())
        text, m = texts[n.mention.source], n.mention
        if n.kind != "name" or n.cls == "PERSON" or len(names) != 1 or not _POLICE_AFTER.match(text, m.end):
            continue
        end = m.end + len(" police")
        nodes[k] = Node(Mention(m.source, m.start, end, text[m.start:end], "ORG"), "name", "ORG", min(names))


def _compatible(a: str, b: str) -> bool:
    return not a or not b or _FAMILY[a] == _FAMILY[b]


def _cluster_names(nodes: list[Node], uf: DisjointSet) -> None:
    """Leader clustering of non-person names on transliteration-tolerant keys (no chaining)."""
    by_form: dict[str, list[int]] = {}
    for k, n in enumerate(nodes):
        if n.kind in ("name", "alias", "acronym") and n.cls != "PERSON":
            by_form.setdefault(n.name, []).append(k)
    cls = {f: vote_type([nodes[k] for k in ks]) for f, ks in by_form.items()}
    sources = {f: len({nodes[k].mention.source for k in ks}) for f, ks in by_form.items()}
    leaders: list[tuple[list[tuple[str, ...]], str, int]] = []
    for form in sorted(by_form, key=lambda f: (-sources[f], -len(by_form[f]), f)):
        exact = is_acronym(form)  # "ORSK" (a dateline) is "Orsk"; "NRC" is nothing fuzzily close to it
        variants = [name_keys(form)] if exact else org_keys(form)
        match = next((r for lvs, c, r in leaders if any(
            (lk == keys if exact else _same_name(lk, c, keys, cls[form])) for lk in lvs for keys in variants)), None)
        if match is None:
            match = by_form[form][0]
            leaders.append((variants, cls[form], match))
        for k in by_form[form]:
            uf.union(match, k)


def _leading_forms(nodes: list[Node], uf: DisjointSet) -> None:
    """A name of two words or more that is the opening words of exactly one longer organisation or MISC name
    of the story is that name's short form ("First District" / "First District Court of Appeal", a firm's
    partners' names "Kleiner Perkins" / "Kleiner Perkins Caufield & Byers"). Never a place ("New York" /
    "New York Times"), and a person-typed name only when none of its mentions carries a title, honorific or
    rank and the longer name goes on with a partner ("&", "and") or a venue or institution noun ("Arena"):
    then the tagger read a firm's or a building's name as a person's, and its mentions take the longer
    name's type."""
    groups: dict[int, list[int]] = {}
    for k in range(len(nodes)):
        groups.setdefault(uf.find(k), []).append(k)
    longs: dict[tuple[str, ...], set[int]] = {}
    for k, n in enumerate(nodes):
        if n.kind == "name" and n.cls in ("ORG", "OTHER", "GROUP") and len(n.words) >= 3:
            longs.setdefault(tuple(plain(n.name).split()), set()).add(uf.find(k))
    for root in sorted(groups):
        members = [nodes[k] for k in groups[root]]
        person = vote_type(members) == "PERSON"
        if vote_type(members) == "PLACE" or person and any(
                n.title or n.gender or n.rank or len(clean_form(n.mention.text).split()) != len(n.words)
                for n in members):
            continue
        targets = {r for n in members if n.kind == "name" and len(n.words) >= 2
                   for words in [tuple(plain(n.name).split())]
                   for lw, rs in longs.items() if len(lw) > len(words) and lw[:len(words)] == words
                   and (not person or bool(set(lw[len(words):]) & _NAMED_FIRM_WORDS))
                   and not _sub_unit(words, lw[len(words):])
                   for r in rs if r != root}
        if len({uf.find(r) for r in targets}) != 1:
            continue
        target = uf.find(next(iter(targets)))
        cls = vote_type([nodes[k] for k in groups[target]]) or "ORG"
        if person:
            for n in members:
                n.cls = cls
        uf.union(target, root)


_INSTITUTION_WORDS = frozenset(w.lower() for w in INSTITUTION_HEADS)


def _sub_unit(short: tuple[str, ...], rest: tuple[str, ...]) -> bool:
    """Is the longer name a unit of the body the short one names ("University of Colorado" / "University of
    Colorado School of Medicine": the school, not the university)? Both name an institution by its head noun."""
    return bool(rest) and rest[0] in _INSTITUTION_WORDS and bool(set(short) & _INSTITUTION_WORDS)


def _head_forms(nodes: list[Node], uf: DisjointSet) -> None:
    """A one-word name that opens exactly one "X of Y" name of the story is that name's short form ("Shroud" /
    "Shroud of Turin", "Jesus" / "Jesus of Nazareth", "Isle" / "Isle of Wight"), unless the word is an
    institution's generic noun, which stands for any body ("University", "Department": ``GENERIC_HEADS``), a
    country or a nationality, or the one-word name carries a title or honorific."""
    groups: dict[int, list[int]] = {}
    for k in range(len(nodes)):
        groups.setdefault(uf.find(k), []).append(k)
    longs: dict[str, set[int]] = {}
    for k, n in enumerate(nodes):
        words = n.name.split()
        if n.kind == "name" and len(words) >= 3 and words[1] == "of" and words[0][:1].isupper():
            longs.setdefault(words[0], set()).add(uf.find(k))
    for root in sorted(groups):
        members = [nodes[k] for k in groups[root]]
        forms = {n.name for n in members if n.kind == "name"}
        if len(forms) != 1 or any(n.kind != "name" or n.title or n.gender or n.rank for n in members):
            continue
        word = forms.pop()
        if (" " in word or is_acronym(word) or word.lower() in GENERIC_HEADS or word in PLACE_NAMES
                or word in DEMONYMS or not word[:1].isupper()):
            continue
        targets = {uf.find(r) for r in longs.get(word, set())} - {uf.find(root)}
        if len(targets) == 1:
            uf.union(targets.pop(), root)


def org_keys(form: str) -> list[tuple[str, ...]]:
    """Keys of a non-person name, read so that spellings of one name meet: a longer name's last word without
    a plural "s" ("Services" / "Service"), and also with a demonym word as its country ("Israeli Defense
    Force" / "Israel Defense Forces")."""
    words = form.split()
    if len(words) < 2:
        return [name_keys(form)]
    last = words[-1]
    if len(last) > 4 and last.lower().endswith("s") and not last.lower().endswith("ss"):
        words = [*words[:-1], last[:-1]]
    out = [name_keys(" ".join(words))]
    mapped = name_keys(" ".join(DEMONYMS.get(w, w) for w in words))
    return out if mapped == out[0] else [*out, mapped]


def _same_name(a: tuple[str, ...], cls_a: str, b: tuple[str, ...], cls_b: str) -> bool:
    """Two non-person names are one: matching keys (a name of two or more words whatever its type, since
    buildings and institutions are tagged place or organisation at random), or a short form of the other."""
    if keys_match(a, b) or _misspelt(a, b):
        return _compatible(cls_a, cls_b) or min(len(a), len(b)) >= 2
    loose = min(len(a), len(b)) >= 2 and "OTHER" in (cls_a, cls_b)  # MISC: the tagger's label for anything
    return (_compatible(cls_a, cls_b) or loose) and _short_form(a, b)


def _misspelt(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """A long name written with one word misspelt ("Detroit Water and Sewage Department" / "... Sewerage ..."):
    MIN_MISSPELT_WORDS words or more, all matching but one (two from twice that length), each pair that differs
    long, with the same first letter, at most MAX_MISSPELLING edits apart and not a country or nationality word
    ("Austrian Airlines" / "Australian Airlines" are two)."""
    if len(a) != len(b) or len(a) < MIN_MISSPELT_WORDS:
        return False
    differ = [(x, y) for x, y in zip(a, b, strict=True) if not token_match(x, y)]
    allowed = 2 if len(a) >= 2 * MIN_MISSPELT_WORDS else 1
    return 0 < len(differ) <= allowed and all(
        min(len(x), len(y)) >= MIN_FUZZY_TOKEN and x[0] == y[0] and OSA.distance(x, y) <= MAX_MISSPELLING
        and x not in _PLACE_KEYS and y not in _PLACE_KEYS for x, y in differ)


def _short_form(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One name is the other without its generic last word ("Green Dawn" / "Green Dawn Movement"), without
    the legal form or trade noun of a company ("United" / "United Airlines", "Snap" / "Snap Inc."), or, when
    two words or more are left, without the country or nationality word before it ("Supreme Court") or
    without an area word after its place ("Broward Sheriff's Office")."""
    short, long = sorted((a, b), key=len)
    if len(long) > len(short) and long[:len(short)] == short and all(
            k in _COMPANY_HEAD_KEYS for k in long[len(short):]):
        return True
    if len(short) >= 2 and len(long) == len(short) + 1 and long[1:] == short and long[0] in _PLACE_KEYS:
        return True  # "U.S. Supreme Court" / "Supreme Court", "Korean Unification Flag" / "Unification Flag"
    if len(short) >= 2 and len(long) == len(short) + 1 and any(
            long[k] in _AREA_KEYS and long[:k] + long[k + 1:] == short for k in range(1, len(short))):
        return True  # "Broward County Sheriff's Office" / "Broward Sheriff's Office": the area word left out
    if len(long) != len(short) + 1 or long[:-1] != short:
        return False
    if long[-1] in _EVENT_HEAD_KEYS:
        return True  # "E3 Expo" / "E3"
    if long[-1] not in _ORG_HEAD_KEYS:
        return False
    return len(short) >= 2 or long[-1] in _STATE_HEAD_KEYS  # "Ostmark Republic", not "Orsk Council"


def link_entities(texts: Mapping[str, str], mentions: Sequence[Mention],
                  syntax: SyntaxReader | None = None) -> list[Entity]:
    """Entities of a story from its reports' texts and NER mentions (see module docstring).

    Sorted by (-number of sources, -number of mentions, name). Raises ValueError when a mention's span does
    not match its text.
    """
    spans = complete_forms(texts, split_pairs(clean_spans(texts, _checked(texts, mentions))))
    cleaned = drop_junk(texts, spans, syntax)
    nodes = _base_nodes(texts, vote_labels(relabel_name_parts(cleaned, texts), texts), syntax)
    _police_forms(texts, nodes)
    uf = DisjointSet(len(nodes))
    alias_forms = find_aliases(texts, nodes, uf)
    mark_forms(texts, alias_forms, "alias", nodes, uf)
    scan_honorifics(texts, nodes, uf)
    link_people(texts, nodes, uf)
    _cluster_names(nodes, uf)
    _leading_forms(nodes, uf)
    _head_forms(nodes, uf)
    scan_acronyms(texts, nodes, uf)
    scan_titles(texts, nodes, uf)
    scan_descriptions(texts, nodes, uf)
    scan_mastheads(texts, nodes, uf)
    entities = [build_entity([nodes[k] for k in ks], alias_forms, texts) for ks in uf.groups().values()]
    return sorted(entities, key=lambda e: (-len(e.sources), -len(e.mentions), e.name, e.type))
