"""Mentions the tagger does not give, found from what the reports themselves say.

- aliases: "X (SVLF)", an organisation's "X (Copa)", "X, known by its initials, SVLF", "X, which many here
  call the Ash Brigade", "also known as", "formerly known as", "nee", "dubbed", "nicknamed", and "the so-called
  Ash Brigade"; every later use of the alias in any report becomes a mention of the same entity;
- acronyms: an all-capitals word that is a known acronym or the initials of a multi-word name;
- spelt-out short forms: "acute flaccid myelitis (AFM)", "enterovirus D68 (EV-D68)";
- title phrases: "the interior minister" where that title was written with exactly one person's name;
- a paper's short name: "the Post" where the story names one paper ending in "Post".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

from corroborate.analyze.entities.keys import initials, is_acronym, plain
from corroborate.analyze.entities.lexicon import (
    ALIAS_AFTER,
    DEMONYMS,
    GENERIC_ORG_NOUNS,
    GROUP_ADJECTIVES,
    GROUP_WORDS,
    MASTHEAD_WORDS,
    PLACE_NAMES,
    SO_CALLED,
)
from corroborate.analyze.entities.nodes import Mention, Node, add_node, overlapping
from corroborate.lang.en import MONTH_NAMES, WEEKDAY_NAMES
from corroborate.unionfind import DisjointSet

# 2: "the <noun>" in a report that never names the entity links only when this many reports name it (the
# ministry every report is about, not a street one report names). Set on the example stories: it keeps
# "the ministry" -> Interior Ministry (3 reports) and drops "the street" -> Sorel Street (1 report).
MIN_DESCRIBED_SOURCES = 2
# 3: an acronym whose initials two names of the story share joins the one written at least this many times as
# often as the others together ("Kenya Wildlife Service" 8 times, a misspelling of it once).
DOMINANT_SHARE = 3
_POSSESSIVE = re.compile(r"['’]s?$")
_GENERIC = re.compile(
    r"\b[Tt]he\s+(?P<modifier>[A-Z][\w-]*\s+)?(?P<noun>" + "|".join(sorted(GENERIC_ORG_NOUNS)) + r")\b")
_DOTTED = re.compile(r"(?:[A-Z]\.){2,4}")
# A short form in parentheses: "(AFM)", "(EV-D68)".
_PAREN_SHORT = re.compile(r" \((?P<short>[A-Z][A-Za-z0-9]{0,7}(?:-[A-Z0-9][A-Za-z0-9]{0,5})?)\)")
# Lower-case words, optionally ending in a code with a digit or capital ("enterovirus D68").
_CODE = r" [A-Z0-9]*[0-9][A-Za-z0-9]*"
_LOWER_PHRASE = re.compile(r"[a-z][a-z-]+(?:(?: [a-z][a-z-]+){1,5}(?:" + _CODE + ")?|" + _CODE + ")")
# "(Copa)", "(MoD)": a capitalised word (or two) alone in parentheses.
_PAREN_NAME = re.compile(r"\s*\(\s*(?P<paren>[A-Z][a-z][\w'’-]{1,20}(?:\s+[A-Z][\w'’-]+)?)\s*\)")
_ACRONYM_WORD = re.compile(r"(?<![\w-])[A-Z][A-Z0-9]{1,6}(?![\w-])")


def clean_form(surface: str) -> str:
    """A surface form without a leading "the", a trailing possessive or extra spaces."""
    form = " ".join(surface.split())
    form = re.sub(r"^(?:the|The)\s+", "", form)
    return _POSSESSIVE.sub("", form) if len(form) > 2 else form


def _word_pattern(form: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])" + r"\s+".join(re.escape(w) for w in form.split()) + r"(?![\w-])")


def _alias_node(mention: Mention, referent: Node | None) -> Node:
    form = clean_form(mention.text)
    if is_acronym(form):
        return Node(mention, "acronym", referent.cls if referent else "", form, voted=False)
    grouped = any(w in GROUP_WORDS for w in plain(form).split())
    cls = "GROUP" if grouped and (referent is None or referent.cls != "PERSON") else (
        referent.cls if referent else "")
    return Node(mention, "alias", cls, form, voted=False)


def _define(text: str, source: str, match: re.Match[str], referent: int | None, nodes: list[Node],
            uf: DisjointSet) -> str:
    """Make (or reuse) the node of the alias in ``match`` and link it to its referent; returns the form."""
    group = "paren" if match.group("paren") else "alias"
    start, end = match.span(group)
    end = start + len(_POSSESSIVE.sub("", text[start:end]) if end - start > 2 else text[start:end])
    taken = overlapping(nodes, source, start, end)
    if taken:
        target = taken[0]
    else:
        ref_node = nodes[referent] if referent is not None else None
        target = add_node(nodes, uf, _alias_node(Mention(source, start, end, text[start:end], ""), ref_node))
    if referent is not None:
        uf.union(referent, target)
    return clean_form(text[start:end])


def find_aliases(texts: Mapping[str, str], nodes: list[Node], uf: DisjointSet) -> set[str]:
    """Aliases the reports define, linked to what they name; returns the alias forms."""
    forms: set[str] = set()
    for k in sorted(range(len(nodes)), key=lambda k: (nodes[k].mention.source, nodes[k].mention.start)):
        node = nodes[k]
        if node.kind != "title":
            text = texts[node.mention.source]
            match = ALIAS_AFTER.match(text, node.mention.end) or _short_name(text, node)
            if match and not _dateline(text, match) and not _credit(node, match):
                forms.add(_define(text, node.mention.source, match, k, nodes, uf))
    for source in sorted(texts):
        text = texts[source]
        for generic in _GENERIC.finditer(text):
            match = ALIAS_AFTER.match(text, generic.end())
            if not match or match.group("paren"):
                continue
            if generic.group("modifier"):  # "the Kessan militia, dubbed X": X names that militia
                start, end = match.span("alias")
                if not overlapping(nodes, source, start, end):
                    node = _alias_node(Mention(source, start, end, text[start:end], ""), None)
                    node.cls = node.cls or ("GROUP" if generic.group("noun") in GROUP_WORDS else "ORG")
                    add_node(nodes, uf, node)
                forms.add(clean_form(text[start:end]))
                continue
            referent = _latest_org(nodes, source, generic.start(), generic.group("noun"))
            if referent is not None:
                forms.add(_define(text, source, match, referent, nodes, uf))
        for match in SO_CALLED.finditer(text):
            start, end = match.span("alias")
            if not overlapping(nodes, source, start, end):
                add_node(nodes, uf, _alias_node(Mention(source, start, end, text[start:end], ""), None))
            forms.add(clean_form(text[start:end]))
    return forms


def _short_name(text: str, node: Node) -> re.Match[str] | None:
    """ "Compania Panamena de Aviacion S.A. (Copa)", "the Islamic State group (Isis)": a capitalised short name in
    parentheses right after an organisation's name of two words or more, that the report uses again, is that
    organisation's short name (not a country, a nationality or a month: "Banco Sur (Mexico)" says where, not
    what; not a photo credit: "(Getty Images)")."""
    if node.kind != "name" or node.cls not in ("ORG", "GROUP") or len(node.name.split()) < 2:
        return None
    match = _PAREN_NAME.match(text, node.mention.end)
    if not match:
        return None
    form = match.group("paren")
    if any(w in PLACE_NAMES or w in DEMONYMS or w in GROUP_ADJECTIVES or w in MONTH_NAMES or w in WEEKDAY_NAMES
           or w in _CREDIT_WORDS for w in (form, *form.split())):
        return None
    return match if len(_word_pattern(form).findall(text)) >= 2 else None  # used again: a short name


# Words of photo credits and page furniture in parentheses after a name ("(Getty Images)", "(File)").
_CREDIT_WORDS = frozenset(
    "Photo Photos File Files Video Videos Image Images Getty Picture Pictures Graphic Map Audio Watch Listen "
    "Update Updated Reuters Pictured Above Below Left Right Center Centre Courtesy Handout Screenshot".split())


def _dateline(text: str, match: re.Match[str]) -> bool:
    """ "ORSK (AP) -": a news agency credit after a dateline, not an acronym of the place."""
    return bool(match.group("paren")) and text[match.end():match.end() + 3].lstrip()[:1] in ("-", "–", "—")


def _credit(node: Node, match: re.Match[str]) -> bool:
    """ "Seoul (CNN) North and South Korean...": a place followed by letters that are not its initials is a
    dateline with the outlet's credit, not the place's acronym."""
    paren = match.group("paren")
    return bool(paren) and node.cls == "PLACE" and paren not in initials(clean_form(node.mention.text))


def _latest_org(nodes: list[Node], source: str, before: int, noun: str) -> int | None:
    """The organisation or group mentioned last before ``before`` in ``source``; one whose name has the
    generic noun ("the movement" -> "Movement for Democratic Renewal") comes before any other."""
    cands = [k for k, n in enumerate(nodes) if n.mention.source == source and n.mention.end <= before
             and n.cls in ("ORG", "GROUP")]
    named = [k for k in cands if noun in plain(nodes[k].name).split()]
    pool = named or cands
    return max(pool, key=lambda k: nodes[k].mention.end) if pool else None


def mark_forms(texts: Mapping[str, str], forms: set[str], kind: str, nodes: list[Node],
               uf: DisjointSet) -> None:
    """Every whole-word use of each form becomes a mention (unless already one) linked to the others."""
    for form in sorted(forms):
        pattern = _word_pattern(form)
        same = [k for k, n in enumerate(nodes) if n.kind != "title" and clean_form(n.mention.text) == form]
        for source in sorted(texts):
            text = texts[source]
            for m in pattern.finditer(text):
                if not overlapping(nodes, source, m.start(), m.end()):
                    node = _alias_node(Mention(source, m.start(), m.end(), m.group(), ""), None)
                    node.kind = kind if kind == "acronym" or node.kind == "acronym" else node.kind
                    same.append(add_node(nodes, uf, node))
        for k in same[1:]:
            uf.union(same[0], k)


def undotted(form: str) -> str:
    """Dotted initials as an acronym ("U.S." -> "US", "U.N." -> "UN"); any other form unchanged."""
    return form.replace(".", "") if _DOTTED.fullmatch(form) else form


def acronym_forms(nodes: list[Node]) -> set[str]:
    """Acronyms seen as mentions plus the initials of every multi-word non-person name."""
    out = {clean_form(n.mention.text) for n in nodes if is_acronym(clean_form(n.mention.text))}
    for n in nodes:
        if n.kind == "name" and n.cls != "PERSON":
            out |= initials(clean_form(n.mention.text))
    return out


def link_acronyms(nodes: list[Node], uf: DisjointSet) -> None:
    """Join an acronym to the one entity whose multi-word name has those initials (when several have them, the
    one of them written in the acronym's own report, or the most written one); a capitalised word of four
    letters or more that is no one's initials to the one name the story writes in capitals starting with it
    ("MODERN" / "MODERN SALON", a magazine writing its own name in capitals)."""
    by_initials: dict[str, set[int]] = {}
    by_name: dict[str, list[int]] = {}
    for k, n in enumerate(nodes):
        if n.kind == "name" and n.cls != "PERSON":
            for acronym in initials(clean_form(n.mention.text)):
                by_initials.setdefault(acronym, set()).add(uf.find(k))
                by_name.setdefault(acronym, []).append(k)
    for k, n in enumerate(nodes):
        form = undotted(clean_form(n.mention.text))
        if not is_acronym(form):
            continue
        roots = {uf.find(r) for r in by_initials.get(form, set())}
        if len(roots) > 1:  # several names with those initials: the one written in the acronym's report,
            here = {uf.find(j) for j in by_name.get(form, []) if nodes[j].mention.source == n.mention.source}
            roots = (roots & here) or _dominant(roots, by_name.get(form, []), uf)  # else the most written one
        if not roots and len(form) >= 4:  # "MODERN" beside "MODERN SALON": a name in capitals, shortened
            roots = {uf.find(j) for j, other in enumerate(nodes) if other.kind == "name" and other.cls != "PERSON"
                     and (upper := clean_form(other.mention.text)).isupper() and upper.startswith(form + " ")}
        if len(roots) == 1:
            uf.union(roots.pop(), k)


def _dominant(roots: set[int], named: list[int], uf: DisjointSet) -> set[int]:
    """The root written at least DOMINANT_SHARE times as often as all the other roots together, or none."""
    counts = Counter(uf.find(j) for j in named)
    best = max(sorted(roots), key=lambda r: counts[r])
    rest = sum(counts[r] for r in roots if r != best)
    return {best} if counts[best] >= DOMINANT_SHARE * rest else set()


def scan_acronyms(texts: Mapping[str, str], nodes: list[Node], uf: DisjointSet) -> None:
    """Add all-capitals words that are known acronyms, then link acronyms to their expansions."""
    known = acronym_forms(nodes)
    found = {m.group() for text in texts.values() for m in _ACRONYM_WORD.finditer(text)} & known
    mark_forms(texts, found, "acronym", nodes, uf)
    link_acronyms(nodes, uf)
    _lower_expansions(texts, nodes, uf)


def _lower_expansions(texts: Mapping[str, str], nodes: list[Node], uf: DisjointSet) -> None:
    """A lower-case phrase the report spells a short form out with, "acute flaccid myelitis (AFM)", "an
    individual retirement account (IRA)", "enterovirus D68 (EV-D68)": a name of the short form's entity (a
    disease, a programme, a measure: named things written in lower case). The phrase is found by the
    Schwartz-Hearst abbreviation match (:func:`_long_form`); it is lower-case words, optionally ending in the
    code the short form ends in ("D68"). A tagger span inside the phrase ("D68") becomes the phrase; the phrase
    written again elsewhere in the story is a mention of the same entity."""
    found: set[str] = set()
    for source in sorted(texts):
        text = texts[source]
        for m in _PAREN_SHORT.finditer(text):
            short = m.group("short")
            owners = [k for k in overlapping(nodes, source, m.start("short"), m.end("short"))
                      if nodes[k].cls != "PERSON"]
            if not owners or len(short) < 2:
                continue
            window = text[max(0, m.start() - 120):m.start()].split("\n")[-1]
            words = window.split()[-min(len(short) + 5, 2 * len(short)):]
            phrase = _long_form(short, " ".join(words))
            if not phrase or not _LOWER_PHRASE.fullmatch(phrase) or not text[:m.start()].endswith(phrase):
                continue
            end = m.start()
            start = end - len(phrase)
            k = _take_span(nodes, uf, Mention(source, start, end, phrase, "MISC"))
            if k is not None:
                uf.union(owners[0], k)
                found.add(phrase)
    for phrase in sorted(found):
        pattern = _word_pattern(phrase)
        root = next(k for k, n in enumerate(nodes) if n.kind == "name" and n.mention.text == phrase)
        for source in sorted(texts):
            for m in pattern.finditer(texts[source]):
                k = _take_span(nodes, uf, Mention(source, m.start(), m.end(), m.group(), "MISC"))
                if k is not None:
                    uf.union(root, k)


def _take_span(nodes: list[Node], uf: DisjointSet, mention: Mention) -> int | None:
    """The node of a lower-case name phrase: a new one, or the one tagger span inside it widened to it; None
    where the phrase crosses another mention or a person's."""
    inside = overlapping(nodes, mention.source, mention.start, mention.end)
    node = Node(mention, "name", "OTHER", mention.text)
    if not inside:
        return add_node(nodes, uf, node)
    if len(inside) == 1:
        old = nodes[inside[0]]
        if (old.mention.start, old.mention.end) == (mention.start, mention.end):
            return inside[0]
        if mention.start <= old.mention.start and old.mention.end <= mention.end and old.cls != "PERSON":
            nodes[inside[0]] = node
            return inside[0]
    return None


def _long_form(short: str, candidate: str) -> str | None:
    """The shortest end of ``candidate`` that a short form abbreviates: each letter or digit of the short form,
    right to left, found in order, the first one opening a word (A. S. Schwartz and M. A. Hearst, "A simple
    algorithm for identifying abbreviation definitions in biomedical text", PSB 2003; written here, no library
    in the environment has it)."""
    s, c = len(short) - 1, len(candidate) - 1
    while s >= 0:
        ch = short[s].lower()
        if not ch.isalnum():
            s -= 1
            continue
        while c >= 0 and (candidate[c].lower() != ch or (s == 0 and c > 0 and candidate[c - 1].isalnum())):
            c -= 1
        if c < 0:
            return None
        c -= 1
        s -= 1
    return candidate[candidate.rfind(" ", 0, c + 1) + 1:]


def scan_titles(texts: Mapping[str, str], nodes: list[Node], uf: DisjointSet) -> None:
    """Link "the interior minister" to the one person that title was written with."""
    owners: dict[str, set[int]] = {}
    for k, n in enumerate(nodes):
        if n.cls == "PERSON" and n.title:
            owners.setdefault(n.title, set()).add(uf.find(k))
    for title in sorted(owners):
        if len(owners[title]) != 1:
            continue
        root = next(iter(owners[title]))
        pattern = re.compile(r"\b[Tt]he\s+" + r"\s+".join(re.escape(w) for w in title.split()) + r"(?![\w-])",
                             re.IGNORECASE)
        for source in sorted(texts):
            for m in pattern.finditer(texts[source]):
                if not overlapping(nodes, source, m.start(), m.end()):
                    node = Node(Mention(source, m.start(), m.end(), m.group(), ""), "title", "PERSON",
                                title, title=title, voted=False)
                    uf.union(root, add_node(nodes, uf, node))


def scan_mastheads(texts: Mapping[str, str], nodes: list[Node], uf: DisjointSet) -> None:
    """Link "the Post", "the Times" to the one newspaper of the story whose name ends in that word ("Kampala
    Post", "New York Times"): papers are called so after the first mention. Not where another capitalised word
    follows ("the Post Office") or two papers of the story end in the word."""
    owners: dict[str, set[int]] = {}
    for k, n in enumerate(nodes):
        words = n.name.split()
        if (n.kind == "name" and n.cls in ("ORG", "OTHER") and len(words) >= 2
                and words[-1].lower() in MASTHEAD_WORDS and words[-1][0].isupper()):
            owners.setdefault(words[-1], set()).add(uf.find(k))
    for word in sorted(owners):
        roots = {uf.find(r) for r in owners[word]}
        if len(roots) != 1:
            continue
        root = roots.pop()
        pattern = re.compile(r"\b[Tt]he\s+" + re.escape(word) + r"(?![\w-])(?!['’]?s?\s+[A-Z])")
        for source in sorted(texts):
            for m in pattern.finditer(texts[source]):
                inside = overlapping(nodes, source, m.start(), m.end())
                node = Node(Mention(source, m.start(), m.end(), m.group(), ""), "title", nodes[root].cls or "ORG",
                            word, voted=False)
                if not inside:
                    uf.union(root, add_node(nodes, uf, node))
                elif len(inside) == 1 and nodes[inside[0]].name == word and nodes[inside[0]].cls != "PERSON":
                    nodes[inside[0]] = node  # the tagger's "Post" of "told the Post"
                    uf.union(root, inside[0])


def scan_descriptions(texts: Mapping[str, str], nodes: list[Node], uf: DisjointSet) -> None:
    """Link "the ministry", "the valley", "the square" to the one non-person entity of the story whose name
    ends in that noun ("Interior Ministry", "Sulin Valley", "Liberty Square").

    Nouns that stand for whichever organisation was named last ("the group", "the army") and nouns two
    entities of one type family have in their names (at the end or not: "Mercy Hospital", "Children's Hospital
    Colorado") link nowhere. In a report that writes such a name, only uses after it link ("waving blue
    scarves. The scarves gave the movement its nickname, the Blue Scarves" does not); in a report that does
    not, only when MIN_DESCRIBED_SOURCES reports write it (so "ruled by the street" in a quote is not "Sorel
    Street", named in one other report).
    """
    owners: dict[str, set[int]] = {}
    for k, n in enumerate(nodes):
        form = clean_form(n.mention.text)
        if (n.kind in ("name", "alias") and n.cls and n.cls != "PERSON" and len(form.split()) >= 2
                and form.split()[-1][:1].isupper()):  # "Orsk police" does not make "the police" Orsk's
            owners.setdefault(form.split()[-1].lower(), set()).add(k)
    def family(cls: str) -> str:
        return "ORG" if cls == "GROUP" else cls

    # roots of the non-person names with the noun anywhere in them, by type family: "the valley" may be another
    # place with "Valley" in its name, not the "Sulin Valley Liberation Front"
    inside: dict[tuple[str, str], set[int]] = {}
    for k, n in enumerate(nodes):
        if n.kind in ("name", "alias") and n.cls != "PERSON":
            for word in clean_form(n.mention.text).lower().split():
                inside.setdefault((word, family(n.cls)), set()).add(uf.find(k))
    for noun in sorted(owners):
        roots = {uf.find(k) for k in owners[noun]}
        if len(roots) != 1 or noun in GENERIC_ORG_NOUNS or not noun.isalpha():
            continue
        kinds = {family(nodes[k].cls) for k in owners[noun]}
        if {uf.find(r) for kind in kinds for r in inside.get((noun, kind), set())} != roots:
            continue  # "Children's Hospital Colorado" beside "Mercy Hospital": "the hospital" may be either
        root = roots.pop()
        first: dict[str, int] = {}  # per report, where a name ending in the noun is first written
        for k in owners[noun]:
            source, start = nodes[k].mention.source, nodes[k].mention.start
            first[source] = min(first.get(source, start), start)
        pattern = re.compile(r"\b[Tt]he\s+" + re.escape(noun) + r"(?![\w-])")
        for source in sorted(texts):
            if source not in first and len(first) < MIN_DESCRIBED_SOURCES:
                continue
            for m in pattern.finditer(texts[source], first.get(source, 0)):
                if not overlapping(nodes, source, m.start(), m.end()):
                    node = Node(Mention(source, m.start(), m.end(), m.group(), ""), "title", nodes[root].cls,
                                noun, voted=False)
                    uf.union(root, add_node(nodes, uf, node))
