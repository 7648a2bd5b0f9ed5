"""What a linked entity is and what it is called: the type vote over its mentions and the canonical name.

:mod:`.link` decides which mentions name one entity; this module gives the group its type (the tagger's labels
voted, then the evidence of the texts: a name the text calls a place, "in X" contexts, institutions, "X of Y"
by its head, a name written as a thing owned) and its canonical name and aliases (:func:`build_entity`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

from corroborate.analyze.entities.find import (
    clean_form,
)
from corroborate.analyze.entities.keys import is_acronym, plain
from corroborate.analyze.entities.lexicon import (
    COMPANY_HEADS,
    DEMONYMS,
    GROUP_WORDS,
    ORG_HEADS,
    PLACE_FEATURES,
    PLACE_NAMES,
)
from corroborate.analyze.entities.nodes import Entity, Node, mention_order
from corroborate.analyze.entities.people import (
    person_forms,
)
from corroborate.lang.en import PERSON_WORDS

# Generic nouns of institutions and offices: "the University" alone may be any university of the story.
GENERIC_HEADS = frozenset(
    "university department ministry office bureau agency court council committee commission college school "
    "institute city state county province region district house board bank church".split()) | ORG_HEADS
# Order that breaks ties in the type vote.
_TYPE_ORDER = ("PERSON", "GROUP", "ORG", "PLACE", "OTHER")
# A name the text itself calls a place: "in the capital, Mereth", "the regional capital, Orvel", "the town of
# Kessel". The tagger, trained on CoNLL-2003, has no way to know an invented name; the apposition does.
_LISTED = r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?"
_PLACE_APPOSITION = re.compile(
    r"\b[Tt]he (?:[a-z]+ ){0,2}(?:[Cc]apitals?|[Cc]ity|[Cc]ities|[Tt]owns?|[Vv]illages?|[Pp]orts?|[Pp]rovinces?|"
    r"[Dd]istricts?|[Cc]ounty|[Cc]ounties)(?:,| of)(?:(?: " + _LISTED + ",)* " + _LISTED + ",? and)? $"
)  # "the capital, X", "the town of X", "the key northern towns of Gao, Kidal and X"
_APPOSITION_WINDOW = 90  # characters before a mention searched for the apposition
# 2: mentions written after "in"/"near"/"outside" that make an organisation- or MISC-typed name a place (with
# at least half of its mentions so written): one "in X" is as often a body ("in Congress") as a place.
MIN_PLACE_CONTEXTS = 2
_IN_PLACE = re.compile(r"\b(?:in|near|outside|across|throughout)\s+$")
_SPEAKS = re.compile(r"['’]?s?\s+(?:said|says|told|announced|reported|stated|added)\b")


def vote_type(nodes: Sequence[Node]) -> str:
    """Most common type among nodes whose label votes, else among all; "" when none is known."""
    for pool in ([n.cls for n in nodes if n.voted and n.cls], [n.cls for n in nodes if n.cls]):
        if pool:
            counts = Counter(pool)
            return min(counts, key=lambda c: (-counts[c], _TYPE_ORDER.index(c)))
    return ""


def _surfaces(node: Node) -> set[str]:
    """How a mention's form is listed among aliases (a person's with its shorter forms too)."""
    if node.kind == "title":
        text = " ".join(node.mention.text.split())
        return {"the" + text[3:] if text[:3] == "The" else text}
    form = clean_form(node.mention.text)
    return person_forms(form) if node.kind == "name" and node.cls == "PERSON" else {form}


def _canonical(nodes: Sequence[Node], etype: str, alias_forms: set[str]) -> str:
    """The fullest personal name, or the most used primary form of any other entity."""
    def rank(pool: list[Node], by_words: bool) -> str:
        forms = Counter(n.name for n in pool)
        srcs = {f: len({n.mention.source for n in pool if n.name == f}) for f in forms}
        return min(forms, key=lambda f: (-len(f.split()) if by_words else 0, f.isupper() and len(f) > 1,
                                         -srcs[f], -forms[f], -len(f), f))
    if etype == "PERSON":
        named = [n for n in nodes if n.kind == "name" and n.cls == "PERSON"]
        if named:
            return rank(named, True)
    primary = [n for n in nodes if n.kind == "name" and not is_acronym(n.name) and n.name not in alias_forms]
    for pool in (primary, [n for n in nodes if n.kind in ("name", "alias")], list(nodes)):
        if pool:
            return rank(pool, etype != "PLACE")
    return ""


def _called_a_place(texts: Mapping[str, str], nodes: Sequence[Node]) -> bool:
    """Does any report introduce one of these name mentions as a place ("the capital, X")?"""
    for n in nodes:
        if n.kind != "name":
            continue
        m = n.mention
        if _PLACE_APPOSITION.search(texts[m.source][max(0, m.start - _APPOSITION_WINDOW) : m.start]):
            return True
    return False


def _placed(texts: Mapping[str, str], nodes: Sequence[Node]) -> bool:
    """Do the reports write these mentions the way places are written: mostly right after "in", "near",
    "outside" ("in Deir al-Zour"), at least MIN_PLACE_CONTEXTS times, and never as the subject of a speech
    verb ("X said": an organisation speaks, a town does not)?"""
    names = [n for n in nodes if n.kind == "name"]
    if any(w in GROUP_WORDS or w in ORG_HEADS or w in COMPANY_HEADS for n in names for w in plain(n.name).split()):
        return False
    placed = 0
    for n in names:
        text, m = texts[n.mention.source], n.mention
        if _SPEAKS.match(text, m.end):
            return False
        placed += bool(_IN_PLACE.search(text, max(0, m.start - 12), m.start))
    return placed >= MIN_PLACE_CONTEXTS and 2 * placed >= len(names)


# Nouns of institutions that employ and speak: a name holding one is the organisation people work at or are
# treated at ("a neurologist at Children's Hospital Colorado"), not the place the tagger took it for (CoNLL-2003
# tags hospitals LOC, as buildings; the briefing has no facility type and reads the body); not a street named
# after one.
_INSTITUTION_NOUNS = frozenset("hospital hospitals university college school institute academy clinic".split())


def _institution(nodes: Sequence[Node]) -> bool:
    words = [set(plain(n.name).split()) for n in nodes if n.kind == "name"]
    return bool(words) and any(w & _INSTITUTION_NOUNS and not w & PLACE_FEATURES for w in words)


# Head nouns of "X of Y" names of places (general knowledge of English geographic and building names: "Gulf of
# Mexico", "Isle of Wight", "Cathedral of St. John"); any other head names something else than the place after
# "of" ("Shroud of Turin", "Jesus of Nazareth").
_PLACE_HEADS = frozenset(
    "gulf isle isles bay bays strait straits sea seas cape city town village republic kingdom commonwealth county "
    "province state states island islands lake lakes mount mountains gate cathedral church basilica abbey chapel "
    "palace square tower bridge port valley plain plains district region territory principality duchy emirate "
    "sultanate borough park forest desert coast peninsula river mouth horn gorge temple mosque shrine "
    "castle fort arch straits".split())
_OF_HEAD = re.compile(r"([A-Z][\w'’-]+) of [A-Z]")
_PERSON_WORDS = PERSON_WORDS


def _of_head_type(nodes: Sequence[Node]) -> str | None:
    """The type of a place-typed "X of Y" name whose head X is no place noun: PERSON when X is a word CoNLL-2003
    train nearly always tags as a person's name ("Jesus of Nazareth", ``person_words.txt``), else OTHER
    ("Shroud of Turin": a thing named after its place). None when the rule does not apply."""
    names = {n.name for n in nodes if n.kind == "name"}
    heads = {m.group(1) for f in names if (m := _OF_HEAD.match(f))}
    if len(heads) != 1:
        return None
    head = heads.pop()
    if any(not f.startswith(head + " of ") and f != head for f in names):
        return None
    low = head.lower()
    if (low in _PLACE_HEADS or low in _INSTITUTION_NOUNS or low in GENERIC_HEADS or head in PLACE_NAMES
            or head in DEMONYMS):
        return None
    return "PERSON" if head in _PERSON_WORDS else "OTHER"


# Words before a product's or a thing's name that no organisation's takes (general knowledge of English: "your
# iPhone", "a Tesla", "the new Xbox"; "the" alone is written before bodies too, "the BBC").
_THING_BEFORE = re.compile(
    r"\b(?:[Aa]n?|[Yy]our|[Mm]y|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[Tt]his|[Tt]hese|[Tt]hose|[Ee]very|[Ee]ach|"
    r"[Tt]he new|[Aa] new)\s+$")
# 2 and a third: mentions so written that make an organisation-typed name a thing.
MIN_THING_CONTEXTS = 2
_NOUN_AFTER = re.compile(r"[ \u00a0][a-z]")
THING_SHARE = 1 / 3


def _owned(texts: Mapping[str, str], nodes: Sequence[Node]) -> bool:
    """Do the reports write these mentions as things are written ("your SmartTV", "the new Xbox"), at least
    MIN_THING_CONTEXTS times and THING_SHARE of the name's mentions? Never a name with a company or
    organisation noun ("Acme Inc.", "Green Party")."""
    names = [n for n in nodes if n.kind in ("name", "acronym")]
    if not names or any(w in ORG_HEADS or w in COMPANY_HEADS or w in GROUP_WORDS
                        for n in names for w in plain(n.name).split()):
        return False
    owned = 0
    for n in names:
        text, m = texts[n.mention.source], n.mention
        before = _THING_BEFORE.search(text, max(0, m.start - 12), m.start)
        if before and not (before.group().strip().lower() in ("a", "an") and _NOUN_AFTER.match(text, m.end)):
            owned += 1  # not "a New York Times story": the paper's name before a noun, not a paper
    return owned >= MIN_THING_CONTEXTS and owned >= THING_SHARE * len(names)


def build_entity(nodes: Sequence[Node], alias_forms: set[str], texts: Mapping[str, str]) -> Entity:
    etype = "PLACE" if _called_a_place(texts, nodes) else vote_type(nodes) or "OTHER"
    if etype != "PERSON" and any(n.kind == "name" and n.name in PLACE_NAMES for n in nodes):
        etype = "PLACE"  # a country the tagger read as an organisation ("Syria said", "Egypt's offer")
    elif etype in ("ORG", "OTHER") and _placed(texts, nodes):
        etype = "PLACE"
    elif etype == "PLACE" and _institution(nodes):
        etype = "ORG"  # "a physician at Children's Hospital Colorado": the hospital as the body people work at
    if etype == "PLACE":
        etype = _of_head_type(nodes) or etype
    if etype == "ORG" and _owned(texts, nodes):
        etype = "OTHER"  # "your SmartTV", "the new Xbox", "an MRI": a product or a thing, not a body
    if etype in ("ORG", "GROUP"):
        words = {w for n in nodes for w in plain(n.name).split()}
        grouped = any(n.cls == "GROUP" for n in nodes) or bool(words & GROUP_WORDS)
        etype = "GROUP" if grouped else "ORG"
    named = [n.name for n in nodes if n.kind == "name" and not is_acronym(n.name)]
    if named and all(f == f.lower() for f in named):
        etype = "OTHER"  # spelt out in lower case ("acute flaccid myelitis (AFM)"): a thing, not a body
    name = _canonical(nodes, etype, alias_forms)
    mentions = sorted((n.mention for n in nodes), key=mention_order)
    aliases = sorted(set().union(*(_surfaces(n) for n in nodes)) - {name})
    return Entity(name, etype, aliases, mentions, sorted({m.source for m in mentions}))
