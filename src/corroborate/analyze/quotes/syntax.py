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
  subject there; two different candidates and no single subject is ambiguous, and gives None.

Nothing is written on the Doc. Without a parse (``doc.has_annotation("DEP")`` False) :attr:`Reading.parsed` is
False and the finder keeps its pattern rules.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from corroborate.analyze.quotes.lexicon import ABBREVIATIONS, SPEECH_VERBS, TITLES

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
_QUOTE_CHARS = frozenset("\"“”‘’«»„'")


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

    def __init__(self, doc: Doc, named: Sequence[Named] = (), outlets: Sequence[str] = ()) -> None:
        self.doc = doc
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
                if verb.dep_ not in _CHAINED or verb.head.i == verb.i:
                    break
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
        longer = [n.name for n in self.named if n.kind == "PERSON" and n.end <= pos and _surname(n.name) == key
                  and " " in n.name.strip()]
        return max(longer, key=lambda n: (len(n), n)) if longer else name

    def others_between(self, start: int, end: int, speaker: str) -> bool:
        """Whether a person other than ``speaker`` is named in ``[start, end)``."""
        own = _surname(speaker)
        return any(n.kind == "PERSON" and _surname(n.name) != own and fold(n.name) not in fold(speaker)
                   for n in self._named_in(start, end))


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
