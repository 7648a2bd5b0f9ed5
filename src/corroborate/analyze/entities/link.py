"""Cross-report entity linking: one :class:`Entity` per person, place, organisation or group in a story.

``link_entities(texts, mentions)`` reads every report's cleaned text and the NER mentions on it (PER, ORG,
LOC, MISC spans; the tagger is run by the caller) and returns entities with a canonical name, a type, every
other surface form and every mention, including ones the linker finds itself. A cascade, cheap and exact
steps first:

0. tagger spans repaired (punctuation trimmed, split names joined, "Dr"/"Ms" alone dropped, "Tamsk" +
   "ridge") and place names tagged PER in a minority of their mentions relabelled (:mod:`.spans`);
1. person spans widen over the title or honorific before them ("Interior Minister Halina Vardaman");
2. aliases the reports define ("X (SVLF)", "which many here call the Ash Brigade", "so-called") and every
   later use of them (:mod:`.find`);
3. people: full names clustered across reports, then "Ms Vardaman"/"Vardaman" attached to the right one by
   surname, honorific gender and recency (:mod:`.people`);
4. other names: leader clustering on transliteration-tolerant keys (:mod:`.keys`);
5. acronyms joined to the one name with those initials; title phrases ("the interior minister") joined to
   the one person that title was written with; "the ministry" joined to the one entity whose name ends in
   that noun.

Output is deterministic and independent of input order (sorted inputs, union-find rooted at the smallest
index, leader clustering over sorted forms).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

from corroborate.analyze.entities.find import (
    clean_form,
    find_aliases,
    mark_forms,
    scan_acronyms,
    scan_descriptions,
    scan_titles,
)
from corroborate.analyze.entities.keys import is_acronym, keys_match, name_keys, plain
from corroborate.analyze.entities.lexicon import GROUP_WORDS, ORG_HEADS
from corroborate.analyze.entities.nodes import Entity, Mention, Node, NodeList
from corroborate.analyze.entities.people import (
    link_people,
    person_forms,
    person_node,
    person_span,
    scan_honorifics,
)
from corroborate.analyze.entities.spans import clean_spans, vote_labels
from corroborate.unionfind import DisjointSet

__all__ = ["Entity", "Mention", "link_entities"]

_LABEL_TYPES = {"PER": "PERSON", "LOC": "PLACE", "ORG": "ORG", "MISC": "OTHER"}
# Order that breaks ties in the type vote.
_TYPE_ORDER = ("PERSON", "GROUP", "ORG", "PLACE", "OTHER")
_ORG_HEAD_KEYS = frozenset(name_keys(w)[0] for w in ORG_HEADS)
_STATE_HEAD_KEYS = frozenset(name_keys(w)[0] for w in ("republic", "kingdom", "emirate", "sultanate"))
_FAMILY = {"ORG": "ORG", "GROUP": "ORG", "PLACE": "PLACE", "OTHER": "OTHER", "PERSON": "PERSON"}
# A name the text itself calls a place: "in the capital, Mereth", "the regional capital, Orvel", "the town of
# Kessel". The tagger, trained on CoNLL-2003, has no way to know an invented name; the apposition does.
_PLACE_APPOSITION = re.compile(
    r"\bthe (?:[a-z]+ )?(?:capital|city|town|village|port|province|district|county)(?:,| of) $", re.IGNORECASE
)
_APPOSITION_WINDOW = 48  # characters before a mention searched for the apposition


def _checked(texts: Mapping[str, str], mentions: Sequence[Mention]) -> list[Mention]:
    """Mentions sorted and de-duplicated, after checking each span against its text."""
    for m in mentions:
        if m.source not in texts:
            raise ValueError(f"mention {m!r} names source {m.source!r}, which is not in texts")
        if not (0 <= m.start < m.end <= len(texts[m.source])) or texts[m.source][m.start:m.end] != m.text:
            raise ValueError(f"mention {m!r} does not match texts[{m.source!r}][{m.start}:{m.end}]")
    unique = {(m.source, m.start, m.end): m for m in sorted(mentions, key=_order, reverse=True)}
    return sorted(unique.values(), key=_order)


def _order(m: Mention) -> tuple[str, int, int, str, str]:
    return (m.source, m.start, m.end, m.label, m.text)


def _base_nodes(texts: Mapping[str, str], mentions: list[Mention]) -> list[Node]:
    """One node per NER mention; person spans widened over their title or honorific."""
    nodes = NodeList()
    spans: dict[str, list[tuple[int, int]]] = {}
    for m in mentions:
        spans.setdefault(m.source, []).append((m.start, m.end))
    for m in mentions:
        label = m.label.upper()
        if label == "PER":
            blocked = [span for span in spans[m.source] if span != (m.start, m.end)]
            start = person_span(texts[m.source], m.start, blocked)
            widened = Mention(m.source, start, m.end, texts[m.source][start:m.end], m.label)
            nodes.append(person_node(widened, True))
            continue
        form = clean_form(m.text)
        cls = _LABEL_TYPES.get(label, "OTHER")
        if cls == "ORG" and any(w in GROUP_WORDS for w in plain(form).split()):
            cls = "GROUP"
        nodes.append(Node(m, "acronym" if is_acronym(form) else "name", cls, form))
    return nodes


def _compatible(a: str, b: str) -> bool:
    return not a or not b or _FAMILY[a] == _FAMILY[b]


def _cluster_names(nodes: list[Node], uf: DisjointSet) -> None:
    """Leader clustering of non-person names on transliteration-tolerant keys (no chaining)."""
    by_form: dict[str, list[int]] = {}
    for k, n in enumerate(nodes):
        if n.kind in ("name", "alias", "acronym") and n.cls != "PERSON":
            by_form.setdefault(n.name, []).append(k)
    cls = {f: _vote([nodes[k] for k in ks]) for f, ks in by_form.items()}
    sources = {f: len({nodes[k].mention.source for k in ks}) for f, ks in by_form.items()}
    leaders: list[tuple[tuple[str, ...], str, int]] = []
    for form in sorted(by_form, key=lambda f: (-sources[f], -len(by_form[f]), f)):
        keys = name_keys(form)
        exact = is_acronym(form)  # "ORSK" (a dateline) is "Orsk"; "NRC" is nothing fuzzily close to it
        match = next((r for lk, c, r in leaders if _compatible(c, cls[form])
                      and (lk == keys if exact else keys_match(lk, keys) or _short_form(lk, keys))), None)
        if match is None:
            match = by_form[form][0]
            leaders.append((keys, cls[form], match))
        for k in by_form[form]:
            uf.union(match, k)


def _short_form(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One name is the other without its generic last word: "Green Dawn" / "Green Dawn Movement"."""
    short, long = sorted((a, b), key=len)
    if len(long) != len(short) + 1 or long[:-1] != short or long[-1] not in _ORG_HEAD_KEYS:
        return False
    return len(short) >= 2 or long[-1] in _STATE_HEAD_KEYS  # "Ostmark Republic", not "Orsk Council"


def _vote(nodes: Sequence[Node]) -> str:
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
        return min(forms, key=lambda f: (-len(f.split()) if by_words else 0, -srcs[f], -forms[f], -len(f), f))
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


def _entity(nodes: Sequence[Node], alias_forms: set[str], texts: Mapping[str, str]) -> Entity:
    etype = "PLACE" if _called_a_place(texts, nodes) else _vote(nodes) or "OTHER"
    if etype in ("ORG", "GROUP"):
        words = {w for n in nodes for w in plain(n.name).split()}
        grouped = any(n.cls == "GROUP" for n in nodes) or bool(words & GROUP_WORDS)
        etype = "GROUP" if grouped else "ORG"
    name = _canonical(nodes, etype, alias_forms)
    mentions = sorted((n.mention for n in nodes), key=_order)
    aliases = sorted(set().union(*(_surfaces(n) for n in nodes)) - {name})
    return Entity(name, etype, aliases, mentions, sorted({m.source for m in mentions}))


def link_entities(texts: Mapping[str, str], mentions: Sequence[Mention]) -> list[Entity]:
    """Entities of a story from its reports' texts and NER mentions (see module docstring).

    Sorted by (-number of sources, -number of mentions, name). Raises ValueError when a mention's span does
    not match its text.
    """
    nodes = _base_nodes(texts, vote_labels(clean_spans(texts, _checked(texts, mentions))))
    uf = DisjointSet(len(nodes))
    alias_forms = find_aliases(texts, nodes, uf)
    mark_forms(texts, alias_forms, "alias", nodes, uf)
    scan_honorifics(texts, nodes, uf)
    link_people(texts, nodes, uf)
    _cluster_names(nodes, uf)
    scan_acronyms(texts, nodes, uf)
    scan_titles(texts, nodes, uf)
    scan_descriptions(texts, nodes, uf)
    entities = [_entity([nodes[k] for k in ks], alias_forms, texts) for ks in uf.groups().values()]
    return sorted(entities, key=lambda e: (-len(e.sources), -len(e.mentions), e.name, e.type))
