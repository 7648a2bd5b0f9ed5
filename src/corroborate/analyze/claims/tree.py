"""What a quantity counts, read from the dependency parse: the counted noun, its modifiers and the predicate.

Contract. :func:`read_tree` reads a parsed spaCy ``Doc`` (UD relations from :mod:`corroborate.analyze.syntax`) and
the character span of one quantity phrase (found by :mod:`.spans`); it returns a :class:`TreeReading`: the counted
noun ("5,300 *employees*", "hundreds of *bystanders*", "84 percent of *wins*"), its compound/amod modifiers
("*boarding* lanes"), the governing predicate ("employees *fired*", "passengers *carried*", "valued at") and, for a
sum of money, what the money is ("a $300 *bond*", "$185 million in *penalties*", "the *price* is $130"). It writes
nothing. :func:`clause_tokens` gives the tokens of the clause a number sits in (its nearest clausal head's
subtree), read by the scope and similarity checks.

The words are the text's own (lowercased); no lexicon decides what may be counted. Readings that are labels or
names ("Flight 93", "Boeing 737": a number after the proper noun it names) are refused (``None``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from corroborate.analyze.text.words import stem as _shared_stem
from corroborate.lang.en.measures import MONEY_NOUNS, PRICE_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["TreeReading", "clause_tokens", "phrase_tokens", "read_tree", "stem"]

_NUMERIC_POS = frozenset({"NUM", "SYM"})
_SCALE = frozenset({"hundred", "thousand", "million", "billion", "trillion", "dozen", "m", "bn", "mn", "k"})
_CURRENCY_WORDS = frozenset({"dollars", "dollar", "euros", "euro", "pounds", "yen", "yuan", "rupees", "francs",
                             "naira", "usd", "eur", "gbp", "$", "€", "£", "¥", "₹", "₦", "us$"})
_PERCENT = frozenset({"%", "percent", "per", "cent", "pc"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod:poss"})
_CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "conj", "parataxis", "acl:relcl", "acl", "xcomp", "csubj"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "obj", "obl", "iobj", "obl:tmod", "obl:npmod"})


@dataclass(frozen=True)
class TreeReading:
    """What the parse says a number counts. Words are lowercased as written.

    ``noun``: the counted noun (None when the number stands alone: "killed 23"); ``modifiers``: its compound and
    adjective modifiers in text order; ``of_noun``: the noun after "of" for partitive heads ("percent of wins");
    ``verb``: the governing predicate ("fired", "carried", "valued"); ``owner``: for money, the noun the sum
    belongs to ("bond", "price", "penalties"); ``anchor``: the phrase's syntactic head token index.
    """

    noun: str | None
    modifiers: tuple[str, ...]
    of_noun: str | None
    verb: str | None
    owner: str | None
    anchor: int
    plural: bool = False  # the counted noun is plural (Number=Plur), as a count's noun is


def stem(word: str) -> str:
    """The project's one stemmer (Snowball English, :func:`corroborate.analyze.text.words.stem`) of the
    lowercased word, for grouping ("lanes" -> "lane", "degrees" and "degree" -> "degre")."""
    return _shared_stem(word.lower())


def phrase_tokens(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens covering characters ``[start, end)`` (expanded to whole tokens)."""
    return doc.char_span(start, end, alignment_mode="expand")


def _is_numeric(t: Token) -> bool:
    low = t.lower_
    return t.pos_ in _NUMERIC_POS or t.like_num or low in _SCALE or low in _CURRENCY_WORDS or low in _PERCENT


def _anchor(span: Span) -> Token:
    """The phrase's head: its numeric token whose head lies outside the numeric tokens (the last such)."""
    numeric = [t for t in span if _is_numeric(t)] or list(span)
    inside = {t.i for t in numeric}
    heads = [t for t in numeric if t.head.i not in inside or t.head.i == t.i]
    return heads[-1] if heads else numeric[-1]


def _modifiers(noun: Token, skip: set[int]) -> tuple[str, ...]:
    mods = [c for c in noun.lefts if c.dep_ in _MODIFIER_DEPS and c.i not in skip and not _is_numeric(c)
            and c.is_alpha]
    return tuple(c.lower_ for c in mods)


def _of_child(token: Token) -> Token | None:
    """The "of" noun of a partitive head ("percent of wins", "six of the directors"); a singular pronoun is
    never counted ("two of me" is not a count of me), a plural one is ("two of them")."""
    for child in token.rights:
        if child.dep_ == "nmod" and child.pos_ in ("NOUN", "PROPN", "PRON") and any(
            g.dep_ == "case" and g.lower_ == "of" for g in child.lefts
        ):
            if child.pos_ == "PRON" and "Plur" not in child.morph.get("Number", []):
                return None
            return child
    return None


_VAGUE_HEADS = frozenset({"tens", "dozens", "scores", "hundreds", "thousands", "millions", "billions"})


def _counted_of(token: Token) -> Token | None:
    """The "of" noun a vague head counts, through nested vague words ("tens of thousands of hairdressers")."""
    noun = _of_child(token)
    steps = 0
    while noun is not None and noun.lower_ in _VAGUE_HEADS and steps < 3:
        noun = _of_child(noun)
        steps += 1
    return noun


def _predicate(token: Token) -> str | None:
    """The verb or adjective predicate governing ``token`` ("were fired", "carried", "eligible")."""
    head = token.head
    if head.i == token.i:
        return None
    if token.dep_ in _SUBJECT_DEPS and head.pos_ in ("VERB", "ADJ"):
        return head.lower_
    if token.dep_ in ("nsubj", "nsubj:pass") and head.pos_ in ("NOUN", "PROPN"):
        return None
    for child in token.rights:  # "400 people surrounding the lion": a participle on the noun
        if child.dep_ == "acl" and child.pos_ == "VERB":
            return child.lower_
    if token.dep_ == "nmod" and head.lower_ in _VAGUE_HEADS:  # "mentored tens of thousands of hairdressers"
        return _predicate(head) if head.dep_ in ("nsubj", "nsubj:pass", "obj") else None
    if token.dep_ in ("nmod", "compound", "amod") and head.pos_ in ("NOUN", "PROPN"):  # "a limit of six
        # pairs", "a 2,650-mile (Orrin) trail": the noun it measures, past inner compounds
        steps = 0
        while head.dep_ == "compound" and head.head.pos_ in ("NOUN", "PROPN") and head.head.i > head.i \
                and steps < 4:
            head = head.head
            steps += 1
        return head.lower_ if head.pos_ == "NOUN" else None
    return None


def _listed(noun: Token) -> str:
    """A noun with its coordinated nouns ("fees, deposition and court costs" -> "fees+costs"): a sum of a
    list is the total of all of them, not of the first."""
    nouns = [noun.lower_] + [c.lower_ for c in noun.children if c.dep_ == "conj" and c.pos_ == "NOUN"]
    if len(nouns) == 1:  # the parse missed the list: ", deposition and court reporter costs" written after it
        written = _written_list(noun)
        if written and written[-1] in MONEY_NOUNS:
            nouns += written
    return "+".join(nouns)


def _written_list(noun: Token) -> list[str]:
    """The nouns of a list written right after ``noun`` (", X and Y costs"), up to the clause's end: each
    item's last noun before a comma or "and"/"or"; empty when no comma or conjunction follows."""
    doc = noun.doc
    out: list[str] = []
    i = noun.i + 1
    if i >= len(doc) or doc[i].text not in (",", "and", "or"):
        return out
    last: str | None = None
    while i < len(doc) and i < noun.i + 12 and doc[i].sent.start == noun.sent.start:
        t = doc[i]
        if t.text in (",", "and", "or"):
            if last is not None:
                out.append(last)
            last = None
        elif t.pos_ == "NOUN":
            last = t.lower_
        elif t.pos_ not in ("ADJ", "PROPN", "DET"):
            break
        i += 1
    if last is not None and any(t.text in ("and", "or") for t in doc[noun.i + 1 : i]):
        out.append(last)
        return out
    return []


def _money_owner(anchor: Token) -> tuple[str | None, tuple[str, ...], str | None]:
    """What a sum of money is: its head noun, a noun after "in/for" ("$185m in penalties"), the subject of a
    copula ("the price is $130"), else the verb it is the object of ("paying", "valued at")."""
    head = anchor.head
    if anchor.dep_ in ("compound", "amod", "nmod:npmod", "nummod") and head.pos_ == "NOUN":
        return head.lower_, _modifiers(head, {anchor.i}), None
    if anchor.dep_ in ("nmod", "appos") and head.pos_ == "NOUN" and head.i != anchor.i:
        return head.lower_, _modifiers(head, {anchor.i}), None
    for child in anchor.rights:
        if child.dep_ == "nmod" and child.pos_ == "NOUN" and any(
            g.dep_ == "case" and g.lower_ in ("in", "for") for g in child.lefts
        ):
            return _listed(child), _modifiers(child, set()), None
    if any(c.dep_ == "cop" for c in anchor.children):  # "the price is $130"
        for child in anchor.lefts:
            if child.dep_ in ("nsubj", "nsubj:pass") and child.pos_ == "NOUN":
                return child.lower_, _modifiers(child, set()), None
    if anchor.dep_ in ("obj", "obl", "xcomp", "iobj") and head.pos_ == "VERB":
        for child in head.children:  # "fined him $300 for contempt" / "paid $100 for the session"
            if child.dep_ == "obl" and child.i > anchor.i and child.pos_ == "NOUN" and any(
                g.dep_ == "case" and g.lower_ in ("in", "for") for g in child.lefts
            ):
                return _listed(child), _modifiers(child, set()), head.lower_
    for t in reversed(list(anchor.doc[max(anchor.sent.start, anchor.i - 7):anchor.i])):
        if t.lower_ in PRICE_VERBS:  # "retail for $130" misparsed: the price verb just before the sum
            return None, (), t.lower_
        if t.pos_ == "VERB" or t.text in (",", ";", ":"):  # "before it went to trial, offering her $1m": the
            break  # nearer verb or a clause break ends the search
    if head.pos_ == "VERB":
        return None, (), head.lower_
    # a misparse that hangs the sum on a noun ("offered Ms. Pao $964,502" as a flat of "Pao"): the nearest
    # verb above it, within its clause
    for up in anchor.ancestors:
        if up.pos_ == "VERB" and up.sent.start == anchor.sent.start:
            return None, (), up.lower_
        if up.dep_ in ("ROOT", "ccomp", "advcl", "acl:relcl", "parataxis"):
            break
    return None, (), None


def read_tree(doc: Doc, start: int, end: int, money: bool = False) -> TreeReading | None:
    """The parse reading of the quantity phrase at ``[start, end)``; None for a label or name ("Flight 93")."""
    if not doc.has_annotation("DEP"):
        return None
    span = phrase_tokens(doc, start, end)
    if span is None or len(span) == 0:
        return None
    anchor = _anchor(span)
    head = anchor.head
    if head.pos_ == "PROPN" and head.i < anchor.i and not money:
        return None  # "Flight 93", "Windows 10": the number names the thing
    if money:
        owner, mods, verb = _money_owner(anchor)
        return TreeReading(None, mods, None, verb, owner, anchor.i)
    noun: Token | None = None
    if anchor.pos_ == "NOUN" and anchor.lower_ not in _SCALE and anchor.lower_ not in _PERCENT:
        # "dozens of protesters", "hundreds of bystanders": the vague word heads the counted noun
        noun = _counted_of(anchor)
    if anchor.lower_ in _PERCENT:
        of = _of_child(anchor)
        return TreeReading("percent", (), of.lower_ if of else None, _predicate(anchor), None, anchor.i)
    if noun is None and anchor.dep_ in ("nummod", "compound", "amod") and head.pos_ in ("NOUN", "PROPN") \
            and head.i > anchor.i:
        noun = head
    if noun is None and span.end < len(doc):  # a misparse: the plural noun right after the number is counted
        nxt = doc[span.end]
        if nxt.pos_ in ("NOUN", "PROPN") and ("Plur" in nxt.morph.get("Number", []) or nxt.text.endswith("s")) \
                and nxt.text[:1].isalpha():
            noun = nxt
    if noun is None and anchor.dep_ == "nmod" and head.pos_ == "NOUN":  # "limit of six" (no noun after)
        return TreeReading(head.lower_, _modifiers(head, set()), None, _predicate(head), None, anchor.i)
    if noun is None:
        if any(c.dep_ == "nmod" and c.pos_ == "PRON" and c.i > anchor.i for c in anchor.children) \
                and _of_child(anchor) is None:
            return None  # "two of me": a singular pronoun is not counted
        of = _of_child(anchor)  # "six of the nine directors"
        if of is not None:
            return TreeReading(of.lower_, _modifiers(of, set()), None, _predicate(anchor), None, anchor.i)
        if anchor.dep_ in ("obj", "nsubj", "nsubj:pass") and head.pos_ == "VERB":  # "scored 23"
            return TreeReading(None, (), None, head.lower_, None, anchor.i)
        for child in anchor.rights:  # "Nearly 30 picketed ..." parsed as a number with a participle
            if child.dep_ == "acl" and child.pos_ == "VERB" and child.i == anchor.i + 1:
                return TreeReading(None, (), None, child.lower_, None, anchor.i)
        return None
    of = _of_child(noun)
    skip = {t.i for t in span}
    plural = "Plur" in noun.morph.get("Number", [])
    return TreeReading(noun.lower_, _modifiers(noun, skip), of.lower_ if of else None, _predicate(noun), None,
                       anchor.i, plural)


def clause_tokens(doc: Doc, token_i: int) -> list[Token]:
    """The tokens of the clause holding token ``token_i``: the subtree of its nearest clausal head, minus the
    subtrees of clauses embedded below that head."""
    token = doc[token_i]
    head = token
    steps = 0
    while head.dep_ not in _CLAUSE_DEPS and head.head.i != head.i and steps < 40:
        head = head.head
        steps += 1
    out = []
    for t in head.subtree:
        up = t
        inside = True
        while up.i != head.i:
            if up.dep_ in _CLAUSE_DEPS and up.i != token_i and not _dominates(up, token):
                inside = False
                break
            up = up.head
        if inside:
            out.append(t)
    return out


def _dominates(a: Token, b: Token) -> bool:
    return a.left_edge.i <= b.i <= a.right_edge.i and any(t.i == b.i for t in a.subtree)
