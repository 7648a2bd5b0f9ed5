"""Speakers checked and found with the report's dependency parse, and pronouns resolved to a person.

Contract. :class:`Reading` wraps one report's parsed spaCy ``Doc`` (UD POS + dependencies, the NER layer
``doc.spans["entities"]``, the ``sentences`` layer), the story's linked entity mentions in that report
(:class:`Named`: span, canonical name, type) and the outlets that carried or are credited with the report.
It answers three questions for the quote finder, all as character spans on the report's text:

- :meth:`Reading.subject`: the speaker the parse gives a speech cue: the nearest ``nsubj`` of the cue verb
  (of its head for ``adding``/``went on to say``/``and added``), the noun ``according to`` governs;
- :meth:`Reading.speaker_ok`: whether a speaker phrase is a person or organisation span: not a clause (its head
  is a verb, an auxiliary, a preposition ...), not a title fragment ("Maj", "Gen."), not the outlet or station
  that carried it, not the addressee of *told* ("he told CNN"), not a headline in capitals;
- :meth:`Reading.antecedent`: the person a third-person pronoun ("he", "she") or a bare role noun refers to: the
  nearest earlier sentence (outside quotations) that mentions a person; one person there, or one person who is a
  subject there; two different candidates and no single subject is ambiguous, and gives None; a person the
  report shows to be of the other gender (:meth:`Reading.genders`) is no candidate;
- :meth:`Reading.describe`: the one organisation a description heading a speaker phrase denotes ("the company",
  "police", "a statement from Acme", "the policy"), else None (person nouns such as "the researchers" are never
  named speakers); :meth:`Reading.relayed`: whether the cue relays another's words ("she recalls him saying").

A surname two people of the report share is never expanded to either one unless only one is named as an actor.

Nothing is written on the Doc. Without a parse (``doc.has_annotation("DEP")`` False) :attr:`Reading.parsed` is
False and the finder keeps its pattern rules.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from corroborate.analyze.quotes.lexicon import (
    ABBREVIATIONS,
    COMPANY_NOUNS,
    DOCUMENT_NOUNS,
    ORG_NOUNS,
    PUBLIC_BODY_WORDS,
    SPEECH_VERBS,
    TITLES,
    VENUE_NOUNS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# UD relations of a clause's subject.
SUBJECTS = frozenset(("nsubj", "nsubj:pass"))
# A cue verb whose subject is found on its head: "X said ..., adding", "X went on to say", "X said and added".
_CHAINED = frozenset(("advcl", "xcomp", "conj"))
# Verbs whose object is the addressee, never the speaker: "he told CNN", "she wrote the Times".
ADDRESSING_VERBS = frozenset("told tell tells telling wrote write writes emailed texted informed".split())
_OBJECTS = frozenset(("obj", "iobj", "obl"))
# Relations of a second person that make a pronoun ambiguous even when one person is the subject.
_RIVALS = frozenset(("obj", "iobj", "conj"))
# Heads a speaker phrase may have (a noun phrase); any other head is a clause or a fragment.
NOMINAL = frozenset(("PROPN", "NOUN", "PRON", "NUM", "X"))
# 6 sentences: how far back a pronoun's antecedent is looked for; the first earlier sentence naming a person
# decides, so a longer window only helps where the sentences between name no one ("He says ...", "The goal is").
MAX_ANTECEDENT_SENTENCES = 6
# 4 letters: a capitalised word at least this long that is not a name is a headline word ("VISION").
MIN_HEADLINE_WORD = 4
# 2 sentences: how far back the organisation an "it" speaker refers to is looked for.
MAX_ORG_SENTENCES = 2
# Third-person singular pronouns a subject continues with, by gender.
_GENDERED = {"he": "m", "him": "m", "she": "f", "her": "f"}
# Nouns and titles that tell a person's gender (general English kin and role words, hand-written).
_GENDER_WORDS = {
    **{w: "f" for w in ("mother wife daughter sister grandmother granddaughter aunt niece widow girlfriend woman "
                        "girl mom mum stepmother fiancee chairwoman spokeswoman businesswoman congresswoman "
                        "queen princess mrs ms miss madam").split()},
    **{w: "m" for w in ("father husband son brother grandfather grandson uncle nephew widower boyfriend man boy "
                        "dad stepfather fiance chairman spokesman businessman congressman king prince mr sir").split()},
}
_QUOTE_CHARS = frozenset("\"“”‘’«»„'")
# 3 sentences: how far back the organisation "the company" stands for is looked for (the nearest sentence naming
# a business decides); set by hand, a statement usually follows the sentence that names the company.
MAX_DESCRIPTION_SENTENCES = 3
# Relations of a word that says whose a text is: "Acme's statement", "the Acme policy", "a statement from Acme".
_OWNERS = frozenset(("nmod:poss", "compound", "amod", "nmod"))
# Relations inside a phrase that make it a clause ("He was the heart behind ..."), not a noun phrase.
_CLAUSAL = frozenset(("cop", "aux", "aux:pass", "nsubj", "nsubj:pass"))
# Relations by which a name only modifies another noun ("the daughter of Vidal Roe", "Roe's lawyer").
_MODIFIER_ROLES = frozenset(("nmod", "nmod:poss", "compound"))


@dataclass(frozen=True)
class Named:
    """An entity mention in the report: character span, the entity's canonical name and its type."""

    start: int
    end: int
    name: str
    kind: str  # PERSON | ORG | PLACE | GROUP | OTHER ("" for an NER mention the linker did not keep)


def fold(text: str) -> str:
    """Case- and punctuation-free form of a name, without a leading article: "The Star." -> "star"."""
    words = re.findall(r"\w+", text.casefold())
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def _surname(name: str) -> str:
    words = fold(name).split()
    return words[-1] if words else ""


class Reading:
    """One report's parse, entity mentions and outlets, queried by character offsets."""

    def __init__(self, doc: Doc, named: Sequence[Named] = (), outlets: Sequence[str] = (),
                 organisations: Sequence[tuple[str, Sequence[str]]] = ()) -> None:
        self.doc = doc
        # the story's organisations (name, other forms): what "the department" may stand for when the report
        # itself names none that fits
        self.organisations = [(name, tuple(forms)) for name, forms in organisations]
        self.parsed = bool(doc.has_annotation("DEP"))
        self._starts = [t.idx for t in doc]
        ner = [Named(s.start_char, s.end_char, s.text, "PERSON" if s.label_ == "PER" else s.label_)
               for s in (doc.spans["entities"] if "entities" in doc.spans else [])]
        linked = sorted(named, key=lambda n: (n.start, n.end, n.name))
        covered = {(n.start, n.end) for n in linked}
        # an NER mention the linker did not keep still tells a person apart (its own text as the name)
        self.named = linked + [n for n in ner if (n.start, n.end) not in covered and not any(
            m.start <= n.start and n.end <= m.end for m in linked)]
        self.named.sort(key=lambda n: (n.start, n.end, n.name))
        self.outlets = frozenset(f for f in (fold(o) for o in outlets if o) if f)
        self._sentences = sorted((s.start_char, s.end_char) for s in (
            doc.spans["sentences"] if "sentences" in doc.spans else []))
        self._gender_cache: dict[str, str] | None = None

    # ---- tokens ---------------------------------------------------------------------------------------

    def token_at(self, offset: int) -> Token | None:
        k = bisect.bisect_right(self._starts, offset) - 1
        if k < 0:
            return None
        tok = self.doc[k]
        return tok if tok.idx <= offset < tok.idx + max(1, len(tok.text)) else None

    def tokens(self, start: int, end: int) -> list[Token]:
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return [self.doc[k] for k in range(lo, hi) if self.doc[k].text.strip()]

    def _named_in(self, start: int, end: int) -> list[Named]:
        return [n for n in self.named if start <= n.start and n.end <= end]

    # ---- the speaker of a cue -------------------------------------------------------------------------

    def subject(self, cue_span: tuple[int, int]) -> tuple[int, tuple[int, int]] | None:
        """The speaker the parse gives the cue at ``cue_span``: its head word's offset and its phrase's span."""
        if not self.parsed:
            return None
        tok = self.token_at(cue_span[0])
        if tok is None:
            return None
        head: Token | None = None
        if tok.lower_ == "according":
            head = tok.head if tok.head.i != tok.i and tok.head.pos_ in NOMINAL else None
        else:
            verb = tok
            for _ in range(3):
                subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
                if subjects:
                    head = min(subjects, key=lambda c: (abs(c.i - verb.i), c.i))
                    break
                if verb.dep_ not in _CHAINED or verb.head.i == verb.i or any(
                        c.dep_ == "mark" for c in verb.children):
                    break  # "as reported in X": a subordinate clause's subject is not its head's
                verb = verb.head
        if head is None:
            return None
        phrase = self._phrase(head, tok)
        return (head.idx, phrase) if phrase is not None else None

    def _phrase(self, head: Token, cue: Token) -> tuple[int, int] | None:
        """The subtree of ``head`` on its side of the cue, cut at quotation marks, without edge punctuation."""
        lo, hi = head.left_edge.i, head.right_edge.i
        if head.i < cue.i:
            hi = min(hi, cue.i - 1)
        else:
            lo = max(lo, cue.i + 1)
        left = head.i
        while left - 1 >= lo and self.doc[left - 1].text not in _QUOTE_CHARS:
            left -= 1
        right = head.i
        while right + 1 <= hi and self.doc[right + 1].text not in _QUOTE_CHARS:
            right += 1
        while left < right and self.doc[left].is_punct:
            left += 1
        while right > left and self.doc[right].is_punct and self.doc[right].text != ")":
            right -= 1
        if self.doc[left].is_punct:
            return None
        return self.doc[left].idx, self.doc[right].idx + len(self.doc[right].text)

    def _heads(self, start: int, end: int) -> list[Token]:
        """Tokens of the span whose head lies outside it (one for a noun phrase)."""
        toks = self.tokens(start, end)
        inside = {t.i for t in toks}
        return [t for t in toks if t.head.i not in inside or t.head.i == t.i]

    def trim(self, span: tuple[int, int]) -> tuple[int, int] | None:
        """The phrase without leading conjunctions ("that he", "but Jane Doe" -> "he", "Jane Doe")."""
        toks = self.tokens(*span)
        k = 0
        while k < len(toks) - 1 and toks[k].pos_ in ("SCONJ", "CCONJ"):
            k += 1
        return (toks[k].idx, span[1]) if k and toks else span

    def cue_parsed(self, cue_span: tuple[int, int]) -> bool:
        """Whether the parse reads the cue as a verb (or *according to*): else ("the policy states" as a
        compound noun) its tree around the cue is wrong and only the word checks apply."""
        tok = self.token_at(cue_span[0]) if self.parsed else None
        return tok is not None and (tok.pos_ in ("VERB", "AUX") or tok.lower_ in ("according", ":"))

    def speaker_ok(self, span: tuple[int, int], cue_span: tuple[int, int] | None, syntax: bool = True) -> bool:
        """A person or organisation phrase: not a clause, a title fragment, an outlet or an addressee.

        ``syntax`` False: the word checks only (title fragment, outlet, headline), not the parse's."""
        toks = self.tokens(*span)
        words = [t for t in toks if any(ch.isalnum() for ch in t.text)]
        if not words:
            return False
        if all(w.lower_.rstrip(".") in TITLES or w.lower_.rstrip(".") in ABBREVIATIONS for w in words):
            return False  # "Maj", "Gen.", "Dr"
        text = self.doc.user_data.get("text", self.doc.text)[span[0]:span[1]]
        if fold(text) in self.outlets or fold(text.split(",")[0]) in self.outlets:
            return False
        named = self._named_in(*span)
        capitals = [w for w in words if w.text.isalpha()]
        if capitals and all(w.text.isupper() for w in capitals) and not named and (
                len(capitals) > 1 or len(capitals[0].text) > MIN_HEADLINE_WORD):
            return False  # a headline in capitals: "PAYING IT FORWARD"
        if not self.parsed or not syntax:
            return True
        cue = self.token_at(cue_span[0]) if cue_span else None
        heads = self._heads(*span)
        if cue is not None and any(h.head.i == cue.i and h.dep_ in _OBJECTS for h in heads) \
                and cue.lower_ in ADDRESSING_VERBS:
            return False  # "he told CNN": CNN is who heard it
        chunk_end = span[0] + len(text.split(",")[0].rstrip())
        lead = [t for t in toks if t.idx < span[0] + len(text.split(",")[0])]
        if any(n.end == chunk_end and n.kind in ("PERSON", "ORG") for n in named) and all(
                t.pos_ in ("DET", "PROPN", "ADJ", "NOUN", "NUM", "PUNCT", "PART") or any(
                    n.start <= t.idx < n.end for n in named) for t in lead):
            return True  # "Maria Walter, the airline's managing director": a name heads it, whatever the tags
        inside = {t.i for t in lead}
        predicates = [t.head.i for t in lead if t.dep_ in _CLAUSAL and t.head.i in inside and t.head.i != t.i
                      and t.head.dep_ not in ("acl:relcl", "acl")]
        if any(predicates.count(i) > 1 for i in predicates):  # a subject and a copula or auxiliary of one head
            return False  # a clause before the appositive comma: "He was the heart behind the program"
        main = [h for h in heads if not h.is_punct]
        if not main:
            return False
        def in_name(tok: Token) -> bool:  # a name the tagger read as a verb ("Will Ross") is still a name
            return any(n.start <= tok.idx < n.end for n in named)
        if any(h.pos_ in ("VERB", "AUX") and not in_name(h) for h in main):
            return False  # a clause: "Johnson supported his officers", "users can"
        return main[0].pos_ in NOMINAL or in_name(main[0])

    def canonical(self, span: tuple[int, int], head: int | None = None) -> Named | None:
        """The person or organisation the phrase names: the linked mention holding the phrase's head word
        (before an appositive comma), else a person in apposition to that head ("Israel's military spokesman,
        Gen. Jane Doe,"); a name that only modifies the head ("the U.N. experts") is not it. ``head``: the
        offset of the word the parse makes the cue's subject; a person or organisation there names the phrase."""
        if head is not None:
            at = [n for n in self._named_in(*span) if n.start <= head < n.end and n.kind in ("PERSON", "ORG")
                  and not self._possessor(n)]
            if at:
                return at[0]
        text = self.doc.user_data.get("text", self.doc.text)
        cut = text.find(",", span[0], span[1])
        head_end = cut if cut > 0 else span[1]
        found = [n for n in self._named_in(span[0], head_end) if n.kind in ("PERSON", "ORG") and not self._possessor(n)]
        heads = [h for h in self._heads(span[0], head_end) if not h.is_punct] if self.parsed else []
        if heads:
            found = [n for n in found if n.start <= heads[0].idx < n.end]
            if not found:
                found = [n for n in self._named_in(*span) if n.kind == "PERSON" and any(
                    h.dep_ == "appos" and h.head.i == heads[0].i for h in self._heads(n.start, n.end))]
        if not found:
            return None
        return max(found, key=lambda n: (n.kind == "PERSON", n.end - n.start, -n.start))

    def _possessor(self, n: Named) -> bool:
        """"Mr. Netanyahu's office": the name owns the head, it does not head the phrase."""
        text = self.doc.user_data.get("text", self.doc.text)
        return text[n.end:n.end + 2] in ("'s", "’s") or text[n.end - 2:n.end] in ("'s", "’s")

    def cue_after(self, start: int, end: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
        """``"...," Israel's spokesman, Gen. Jane Doe, told radio``: a speech verb in ``[start, end)`` right
        after a quotation whose subject fills the words between; returns (cue span, subject span)."""
        if not self.parsed:
            return None
        toks = self.tokens(start, end)
        for k, tok in enumerate(toks):
            if tok.text in _QUOTE_CHARS:
                return None
            if tok.lower_ not in SPEECH_VERBS or tok.pos_ != "VERB":
                continue
            subjects = [c for c in tok.children if c.dep_ in SUBJECTS and c.i < tok.i]
            if not subjects:
                return None
            sub = subjects[-1]
            inside = {t.i for t in sub.subtree}
            if any(t.i not in inside and not t.is_punct and t.pos_ != "ADV" for t in toks[:k]):
                return None  # other words between the quotation and the subject: not its attribution
            phrase = self._phrase(sub, tok)
            if phrase is None:
                return None
            return (tok.idx, tok.idx + len(tok.text)), phrase
        return None

    # ---- descriptions: "the company", "a police statement", "the policy" ----------------------------------

    def _text(self) -> str:
        return str(self.doc.user_data.get("text", self.doc.text))

    def _name_at(self, tok: Token) -> Named | None:
        """The person or organisation mention holding ``tok``."""
        at = [n for n in self.named if n.start <= tok.idx < n.end and n.kind in ("PERSON", "ORG")]
        return max(at, key=lambda n: (n.end - n.start, n.name)) if at else None

    def phrase_head(self, span: tuple[int, int], head: int | None = None) -> Token | None:
        """The word heading a speaker phrase: the parse's subject word when it lies in the phrase, else the one
        head of the phrase's part before an appositive comma (None when that part has several: "who he")."""
        if not self.parsed:
            return None
        if head is not None and span[0] <= head < span[1] and (tok := self.token_at(head)) is not None:
            return tok
        cut = self._text().find(",", span[0], span[1])
        heads = [h for h in self._heads(span[0], cut if cut > 0 else span[1])
                 if not h.is_punct and h.dep_ not in ("det", "case", "cc")]  # "The" the parse hung on the verb
        return heads[0] if len(heads) == 1 else None

    def relative_start(self, span: tuple[int, int]) -> bool:
        """Whether the phrase opens with a relative pronoun ("who he once told"): a piece of a relative clause."""
        toks = self.tokens(*span)
        return bool(toks) and "PronType=Rel" in str(toks[0].morph) or bool(toks) and toks[0].lower_ in (
            "who", "whom", "whose", "which")

    def is_description(self, tok: Token) -> bool:
        """Whether the head word of a speaker phrase is a common noun ("the company", "researchers", "a police
        statement"), not part of a name."""
        if self._name_at(tok) is not None:
            return False
        low = tok.lower_
        if tok.text[:1].isupper() and tok.i > 0 and self.doc[tok.i - 1].text[:1].isupper() \
                and self.doc[tok.i - 1].pos_ != "DET":
            return False  # "South African National Parks": a name the tagger read as a common noun
        return tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and (low in ORG_NOUNS or low in DOCUMENT_NOUNS))

    def describe(self, tok: Token, quoted: Sequence[tuple[int, int]], earlier: Sequence[Named] = ()) -> str | None:
        """The one organisation or person a description headed by ``tok`` denotes, else None.

        A text ("the policy states", "a statement from Acme", "Acme's report") is its author's: the named owner in
        the phrase, or the owner of the nearest earlier mention of the same noun. A definite organisation noun
        ("the department", "police", "the parks service") is the one organisation the report named before whose
        name holds its words (its modifiers first); a business noun ("the company") with no such match is the one
        business of the nearest earlier sentence naming one. Person nouns ("the researchers", "a spokeswoman")
        and anything ambiguous give None: an unresolved description is no speaker. ``earlier``: organisations
        earlier descriptions of the report resolved to (their phrase spans)."""
        low = tok.lower_
        if low in DOCUMENT_NOUNS:
            owner = self._owner(tok, quoted, earlier)
            if owner is not None or not self._definite(tok):
                return owner
            for prev in reversed(self.doc[:tok.left_edge.i]):
                if prev.lower_ == low and not any(a <= prev.idx < b for a, b in quoted):
                    found = self._owner(prev, quoted, earlier)
                    if found is not None:
                        return found
            return None
        if low in ORG_NOUNS and ("Number=Plur" not in str(tok.morph) or low == "police"):
            return self._organisation_for(tok, quoted, earlier)
        return None

    def _definite(self, tok: Token) -> bool:
        dets = [c for c in tok.children if c.dep_ == "det"]
        return not dets or dets[0].lower_ in ("the", "this", "that")

    def _owner(self, tok: Token, quoted: Sequence[tuple[int, int]], earlier: Sequence[Named]) -> str | None:
        """The named author of the text noun ``tok``: "Acme's", "the Acme policy", "from Acme", "a police ..."."""
        for c in tok.children:
            if c.dep_ not in _OWNERS or any(a <= c.idx < b for a, b in quoted):
                continue
            if c.dep_ == "nmod" and not any(g.dep_ == "case" and g.lower_ in ("from", "by", "of") for g in c.children):
                continue
            named = self._name_at(c)
            if named is not None:
                return self.full_name(named.name, c.idx) if named.kind == "PERSON" else named.name
            if c.pos_ == "NOUN" and c.lower_ in ORG_NOUNS and c.lower_ not in VENUE_NOUNS:
                return self._organisation_for(c, quoted, earlier)
            if c.dep_ not in ("compound", "amod"):
                return None  # an owner that names no one: "his", "several board members"
        return None

    def _organisation_for(self, tok: Token, quoted: Sequence[tuple[int, int]], earlier: Sequence[Named]) -> str | None:
        """The organisation the noun ``tok`` stands for (see :meth:`describe`)."""
        def base(word: str) -> str:
            return word[:-1] if word.endswith("s") and len(word) > 3 else word

        if not self._definite(tok) and tok.lower_ != "police":
            return None
        text = self._text()
        # the words that tell this organisation apart: nouns and capitalised adjectives before it ("the parks
        # service", "the South African police"), not "the local police"
        mods = [base(c.lower_) for c in tok.children if c.is_alpha and (
            c.dep_ == "compound" or c.dep_ == "amod" and c.text[0].isupper())]
        orgs = [n for n in [*self.named, *earlier] if n.kind == "ORG" and n.end <= tok.idx
                and not any(a <= n.start < b for a, b in quoted) and fold(n.name) not in self.outlets]
        scores: dict[str, tuple[int, int]] = {}
        for n in orgs:
            words = {base(w) for w in fold(n.name).split()} | {base(w) for w in fold(text[n.start:n.end]).split()}
            if any(m not in words for m in mods):
                continue  # "the South African parks service" is not the Kenya Wildlife Service
            score = (len(mods), int(base(tok.lower_) in words))
            scores[n.name] = max(scores.get(n.name, (0, 0)), score)
        best = max(scores.values(), default=(0, 0))
        if best == (0, 0):  # none of the report's: the story's organisations, by their names alone
            scores = {}
            for name, forms in self.organisations:
                for form in (name, *forms):
                    words = {base(w) for w in fold(form).split()}
                    if fold(name) in self.outlets or any(m not in words for m in mods):
                        continue
                    score = (len(mods), int(base(tok.lower_) in words))
                    scores[name] = max(scores.get(name, (0, 0)), score)
            best = max(scores.values(), default=(0, 0))
        if best > (0, 0):
            top = sorted(name for name, sc in scores.items() if sc == best)
            return top[0] if len(top) == 1 else None
        if tok.lower_ not in COMPANY_NOUNS:
            return None
        k = self._sentence_index(tok.idx)
        for j in range(k, max(-1, k - MAX_DESCRIPTION_SENTENCES), -1):
            lo, hi = self._sentences[j]
            names = sorted({n.name for n in orgs if lo <= n.start and n.end <= min(hi, tok.idx)
                            and not set(fold(n.name).split()) & PUBLIC_BODY_WORDS})
            if names:
                return names[0] if len(names) == 1 else None
        return None

    def widen(self, span: tuple[int, int], cue_span: tuple[int, int]) -> tuple[int, int]:
        """The phrase a pattern's piece belongs to when the piece is in apposition to words before it
        ("expert Jane Doe of Orvan, Smith and Partners Ltd. told ..." -> from "expert"), cut at quotation marks."""
        if not self.parsed:
            return span
        heads = [h for h in self._heads(*span) if not h.is_punct]
        cue = self.token_at(cue_span[0])
        if len(heads) != 1 or heads[0].dep_ != "appos" or heads[0].head.idx >= span[0] or cue is None:
            return span
        anc = heads[0].head
        for _ in range(4):
            if anc.dep_ not in ("appos", "flat", "compound") or anc.head.i >= anc.i:
                break
            anc = anc.head
        left = anc.i
        while left - 1 >= anc.left_edge.i and self.doc[left - 1].text not in _QUOTE_CHARS:
            left -= 1
        while left < anc.i and self.doc[left].is_punct:
            left += 1
        if left <= cue.i <= heads[0].i:
            return span
        return self.doc[left].idx, span[1]

    def orphan_cue(self, cue_span: tuple[int, int], span: tuple[int, int]) -> bool:
        """Whether the cue heads a passive subordinate clause with no subject ("X was there and, as reported in
        the Courier, ...") while the phrase lies outside that clause: the phrase is not who spoke."""
        tok = self.token_at(cue_span[0]) if self.parsed else None
        if tok is None or tok.pos_ != "VERB" or "Voice=Pass" not in str(tok.morph) \
                or not any(c.dep_ == "mark" for c in tok.children):
            return False  # only an agentless passive ("as reported", "as noted"); "while speaking" has its subject
        if any(c.dep_ in SUBJECTS for c in tok.children):
            return False
        lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
        return not (lo <= span[0] and span[1] <= hi)

    def relayed(self, cue_span: tuple[int, int], quoted: Sequence[tuple[int, int]] = ()
                ) -> tuple[bool, tuple[int, int] | None]:
        """Whether the cue relays someone else's words ("she recalls him saying": a speech gerund with the cue's
        object as its speaker) and the phrase of who said them (outside the quotation, a person word)."""
        tok = self.token_at(cue_span[0]) if self.parsed else None
        if tok is None:
            return False, None
        for c in tok.children:
            if c.dep_ not in ("ccomp", "xcomp") or c.lower_ not in SPEECH_VERBS or c.pos_ != "VERB" or any(
                    a <= c.idx < b for a, b in quoted):
                continue  # a speech verb inside the quotation is the quotation's own
            if any(g.dep_ == "nsubj:pass" for g in c.children):
                continue  # "X said hits were confirmed": X's own statement
            if any(g.dep_ == "mark" and g.lower_ != "that" or g.lower_ in ("not", "n't", "never") for g in c.children):
                continue  # "X said, though officials haven't said ...": a clause of its own, no relay
            if c.dep_ != "xcomp" or any(g.dep_ in SUBJECTS for g in c.children):
                # "Doe said the aide told him ...": on PolNeAR the outer speaker is the source as often (reading
                # these as relays lowers its speaker F1 81.5 -> 81.2), so only the gerund relay below counts
                continue
            subjects = [g for g in tok.children if g.dep_ in ("obj", "iobj") and g.i < c.i]
            subjects = [g for g in subjects if not any(a <= g.idx < b for a, b in quoted) and (
                g.pos_ in ("PRON", "PROPN", "NOUN") and g.lower_ not in ("it", "this", "that", "which"))]
            if subjects:
                return True, self._phrase(subjects[0], c)
        return False, None

    # ---- pronouns --------------------------------------------------------------------------------------

    def _role(self, mention: Named) -> str:
        """The mention's relation in its clause, through titles and appositions ("Mayor Ola Brand" -> nsubj);
        ``main-subject`` for the subject of the sentence's root verb or of a speech verb."""
        tok = self._anchor(mention)
        if tok is None:
            return ""
        if tok.dep_ == "nmod:poss" and tok.head.dep_ in SUBJECTS:
            return "poss-subject"  # "Warren's comments came ...": the subject's possessor
        if tok.dep_ in SUBJECTS and (tok.head.dep_ == "ROOT" or tok.head.lower_ in SPEECH_VERBS):
            return "main-subject"  # the sentence's subject, or who speaks in it ("..., Walter said, ...")
        return str(tok.dep_)

    def _anchor(self, mention: Named) -> Token | None:
        """The token standing for the mention in its clause, through titles and appositions."""
        for head in self._heads(mention.start, mention.end):
            tok = head
            for _ in range(3):
                if tok.dep_ not in ("flat", "compound", "appos") or tok.head.i == tok.i:
                    break
                tok = tok.head
            return tok
        return None

    def _root_subject(self, start: int, end: int) -> Token | None:
        """The main-clause subject of the sentence in ``[start, end)`` when it is a noun or a pronoun."""
        toks = self.tokens(start, end)
        inside = {t.i for t in toks}
        for tok in toks:  # the sentence's own root: a head outside it when the parse runs past its end
            if (tok.dep_ == "ROOT" or tok.head.i not in inside) and not tok.is_punct:
                subjects = [c for c in tok.children if c.dep_ in SUBJECTS and c.pos_ in ("NOUN", "PRON")
                            and start <= c.idx < end]
                return subjects[0] if subjects else None
        return None

    def _other_subject(self, start: int, end: int) -> bool:
        """Whether the sentence in ``[start, end)`` has a main-clause subject that is a noun or a pronoun."""
        return self._root_subject(start, end) is not None

    def _sentence_index(self, pos: int) -> int:
        return bisect.bisect_right([s for s, _ in self._sentences], pos) - 1

    def antecedent(self, pos: int, quoted: Sequence[tuple[int, int]],
                   speakers: Sequence[Named] = ()) -> str | None:
        """The person a pronoun at ``pos`` refers to, or None when none or two could be meant.

        ``quoted`` are quotation contents (names inside them are not antecedents); ``speakers`` are earlier
        quotations' resolved person speakers (their phrase spans).
        """
        people = [n for n in self.named if n.kind == "PERSON"] + list(speakers)
        people = [n for n in people if not any(a <= n.start < b for a, b in quoted)]
        k = self._sentence_index(pos)
        if k < 0:
            return None
        own = self.token_at(pos)
        gender = _GENDERED.get(own.lower_, "") if own is not None else ""
        if gender:  # "Carter, 3, ... he vomited. ... '...,' she said": a person the report shows is a he is no "she"
            known = self.genders()
            people = [n for n in people if known.get(_surname(n.name) + "|" + fold(n.name), gender) == gender]
        for j in range(k, max(-1, k - MAX_ANTECEDENT_SENTENCES), -1):
            lo, hi = self._sentences[j]
            hi = min(hi, pos)
            cands = [n for n in people if lo <= n.start and n.end <= hi]
            if not cands:
                continue
            roles = [self._role(n) for n in cands]
            other = self._root_subject(lo, hi)
            if other is not None and not any(r in ("main-subject", "poss-subject") for r in roles):
                said = own.lower_ if own is not None else ""
                if other.lower_ in _GENDERED and said in _GENDERED:
                    if _GENDERED[other.lower_] == _GENDERED[said]:
                        continue  # "She then accused Roe. '...,' she said": the same subject goes on
                    names = _distinct(cands)
                    # "He met Warren. '...,' she said": the one person the other pronoun cannot be
                    return names[0] if len(names) == 1 else None
                return None  # "The nominee tweeted that Clinton is ...": the unnamed subject may be meant
            names = _distinct(cands)
            if all(r == "nmod:poss" for r in roles):
                return None  # "At Roe's condo, a valet wondered ...": a possessor outside the subject is no antecedent
            if len(names) == 1:
                return names[0]
            subjects = _distinct([n for n, r in zip(cands, roles, strict=True) if r == "main-subject"])
            if not subjects:
                subjects = _distinct([n for n, r in zip(cands, roles, strict=True) if r in SUBJECTS])
            if not subjects:
                subjects = _distinct([n for n, r in zip(cands, roles, strict=True) if r == "poss-subject"])
            verbs = {t.head.i for n, r in zip(cands, roles, strict=True)
                     if r in ("main-subject", *SUBJECTS) and (t := self._anchor(n)) is not None}
            rivals = [r for n, r in zip(cands, roles, strict=True) if r in _RIVALS and (
                r == "conj" or (t := self._anchor(n)) is None or t.head.i in verbs)]
            # one subject beside possessors and modifiers ("Rudzik, Katriuk's lawyer, said"); an object of
            # the subject's verb or a conjoined person could as well be meant ("Brand met Roe"): ambiguous;
            # an object inside another clause is not ("As aides questioned Roe, Brand rose")
            return subjects[0] if len(subjects) == 1 and not rivals else None
        return None

    def genders(self) -> dict[str, str]:
        """The gender the report shows for a person ("m"/"f", keyed ``surname|folded name``): a gendered noun or
        title in apposition or before the name ("his mother, Jane Roe", "Mrs. Roe"), or a sentence naming only
        that person as its subject followed by one whose subject is "he" or "she"; conflicting evidence gives
        none. Hand-written word lists (general English kin and role nouns)."""
        if self._gender_cache is not None:
            return self._gender_cache
        votes: dict[str, set[str]] = {}
        text = self._text()
        people = [n for n in self.named if n.kind == "PERSON"]
        for n in people:
            key = _surname(n.name) + "|" + fold(n.name)
            before = re.findall(r"(\w+)\W*$", text[max(0, n.start - 12):n.start])
            words = fold(text[n.start:n.end]).split()[:1] + [w.lower() for w in before]
            anchor = self._anchor(n)
            near = [t for h in self._heads(n.start, n.end) for t in h.children if t.dep_ in ("appos", "compound")]
            if anchor is not None:
                near.append(anchor)
            words += [t.lower_ for t in near]
            for w in words:
                if w.rstrip(".") in _GENDER_WORDS:
                    votes.setdefault(key, set()).add(_GENDER_WORDS[w.rstrip(".")])
        for j in range(len(self._sentences) - 1):
            lo, hi = self._sentences[j]
            here = [n for n in people if lo <= n.start and n.end <= hi]
            if len({fold(n.name) for n in here}) != 1 or not any(
                    self._role(n) in ("main-subject", *SUBJECTS) for n in here):
                continue
            nlo, nhi = self._sentences[j + 1]
            sub = self._root_subject(nlo, nhi)
            if sub is None or sub.lower_ not in ("he", "she") or any(nlo <= n.start < sub.idx for n in people) \
                    or any(ch in _QUOTE_CHARS - {"'", "’"} for ch in text[nlo:nhi]):
                continue  # the next sentence attributes a quotation: its pronoun is what is being resolved
            for n in here:
                votes.setdefault(_surname(n.name) + "|" + fold(n.name), set()).add(_GENDERED[sub.lower_])
        self._gender_cache = {k: next(iter(v)) for k, v in votes.items() if len(v) == 1}
        return self._gender_cache

    def organisation(self, pos: int, quoted: Sequence[tuple[int, int]]) -> str | None:
        """The organisation "it" at ``pos`` refers to ("Unesco has warned ... it said"): the one organisation
        that is the main subject of the nearest earlier sentence (outside quotations) naming an organisation
        or a person; None when that sentence has no such subject or names another candidate as subject."""
        named = [n for n in self.named if n.kind in ("ORG", "PERSON")
                 and not any(a <= n.start < b for a, b in quoted)]
        k = self._sentence_index(pos)
        for j in range(k, max(-1, k - MAX_ORG_SENTENCES), -1):
            lo, hi = self._sentences[j]
            cands = [n for n in named if lo <= n.start and n.end <= min(hi, pos)]
            if not cands:
                continue
            subjects = [n for n in cands if self._role(n) == "main-subject"]
            names = sorted({n.name for n in subjects})
            return names[0] if len(names) == 1 and all(n.kind == "ORG" for n in subjects) else None
        return None

    def full_name(self, name: str, pos: int) -> str:
        """A one-word person name ("Latimer") as the longest earlier person mention ending in it."""
        if " " in name.strip():
            return name
        key = fold(name)
        longer = [n for n in self.named if n.kind == "PERSON" and n.end <= pos and _surname(n.name) == key
                  and " " in n.name.strip()]
        names = _distinct_full(longer)
        if len(names) > 1:
            # two people share the surname ("Eden Roe, the daughter of Vidal Roe"): the one named as an actor,
            # not only as a modifier of another noun; else the mention as written, never a guess between them
            actors = _distinct_full([n for n in longer if self._role(n) not in _MODIFIER_ROLES])
            names = actors if len(actors) == 1 else []
        return names[0] if len(names) == 1 else name

    def others_between(self, start: int, end: int, speaker: str) -> bool:
        """Whether a person other than ``speaker`` is named in ``[start, end)``."""
        own = _surname(speaker)
        return any(n.kind == "PERSON" and _surname(n.name) != own and fold(n.name) not in fold(speaker)
                   for n in self._named_in(start, end))


def _distinct_full(mentions: Sequence[Named]) -> list[str]:
    """Distinct full names among mentions, a name inside a longer one ("Jane Doe", "Jane M. Doe") counted once."""
    names = sorted({m.name for m in mentions}, key=lambda n: (-len(n), n))
    kept: list[str] = []
    for n in names:
        if not any(fold(n) in fold(k) or set(fold(n).split()) <= set(fold(k).split()) for k in kept):
            kept.append(n)
    return kept


def _distinct(mentions: Sequence[Named]) -> list[str]:
    """Distinct people among mentions (a surname and the full name ending in it are one), longest name each."""
    groups: dict[str, str] = {}
    for m in mentions:
        key = _surname(m.name)
        if not key:
            continue
        if key not in groups or len(m.name) > len(groups[key]):
            groups[key] = m.name
    return [groups[k] for k in sorted(groups)]
