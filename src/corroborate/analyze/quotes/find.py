"""Direct quotations with their speakers, as character spans on an article's text.

``find_quotes(text, people, reading)`` reads cleaned article text (optionally person names found by NER, and
the report's parsed Doc as a :class:`.syntax.Reading`) and returns :class:`Quote` records: the quoted content
without its marks, the speech verb, the speaker phrase found near the quotation and the resolved speaker. A
quotation interrupted by its attribution (``"A," she said, "B."``), continued right after it
(``"A," she said. "B."``) or running over paragraphs is one Quote with several ``parts``; a lower-case fragment
after a full stop is never a continuation, and after a quotation ending in a full stop a new sentence
("meanwhile, X said ...") is not its attribution. The attribution patterns (:mod:`.attribution`) find the cue and
the phrase; with a parsed Reading the phrase is checked against the cue's ``nsubj`` (:mod:`.syntax`), named by
the linked entity, a description ("the company", "a police statement") resolved to the one organisation it can
denote or dropped, pronouns resolved to one unambiguous person, and a quote-only paragraph inherits the speaker
before it only when no other person is named in between. ``same_quote`` and ``group_quotes`` (in :mod:`.match`)
merge the same quotation reported by several outlets.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from corroborate.analyze.quotes.attribution import Attribution, attribute_after, attribute_before, tokens
from corroborate.analyze.quotes.lexicon import (
    CONJUNCTIONS,
    INTRO_WORDS,
    PERSON_PRONOUNS,
    PRONOUNS,
    SPEECH_VERBS,
    sentence_bounds,
    sentence_ends,
)
from corroborate.analyze.quotes.marks import Quoted, normalize_marks, scan
from corroborate.analyze.quotes.match import group_quotes, same_quote
from corroborate.analyze.quotes.speaker import Mention, full_name, latest_before, phrase_name, text_mentions
from corroborate.analyze.quotes.syntax import Named, Reading

__all__ = ["Named", "Quote", "Reading", "find_quotes", "group_quotes", "same_quote"]

# 3 words: an unattributed partial quotation shorter than this is a scare quote or a title ("so-called
# "reforms""). PolNeAR train, quoted scope (benchmarks/quotes.py): 1 -> content overlap F1 91.3 /
# quote+speaker F1 71.3; 3 -> 91.1 / 73.6; 5 -> 90.7 / 74.5.
MIN_UNATTRIBUTED_PARTIAL_WORDS = 3
# 8 words: an unattributed quotation in title case up to this long is a title ("Parks and Recreation").
MAX_TITLE_WORDS = 8
# 4 tokens: "Why?" Trump asked. -- after a question or exclamation, a new sentence is its attribution when
# the speech verb comes within this many tokens.
MAX_CAPITALISED_LEAD = 4


@dataclass(frozen=True)
class Quote:
    """One direct quotation.

    ``start``/``end`` cover the content from the first to the last part; ``parts`` are the content spans
    (without quotation marks); ``text`` is the parts joined with one space. ``speaker`` is the resolved
    speaker (``"Jane Doe"``, ``"the interior ministry"``; a pronoun's antecedent) or None;
    ``speaker_span`` is the phrase found near the quotation (possibly the pronoun); ``cue`` the speech
    verb; ``partial`` is True for a quotation embedded in a sentence (He called the deal "a betrayal").
    """

    start: int
    end: int
    parts: tuple[tuple[int, int], ...]
    text: str
    speaker: str | None
    speaker_span: tuple[int, int] | None
    cue: str | None
    partial: bool


@dataclass
class _Draft:
    """A quotation being assembled: marks, attribution, and whether it continues the previous one."""

    marks: Quoted
    parts: list[tuple[int, int]]
    attribution: Attribution | None
    attributed_after: bool
    frame_end: int  # end of the clause after the closing mark that was read for the attribution
    partial: bool


def _frames(text: str, ends: list[int], marks: list[Quoted], k: int) -> tuple[int, int]:
    """Start of the words before quotation ``k`` and end of the clause after it (same sentence)."""
    q = marks[k]
    para_lo = text.rfind("\n", 0, q.open_at) + 1
    para_hi = text.find("\n", q.close_end)
    para_hi = len(text) if para_hi < 0 else para_hi
    left = max(sentence_bounds(ends, q.open_at, len(text))[0], para_lo)
    if k > 0 and marks[k - 1].close_end <= q.open_at:
        left = max(left, marks[k - 1].close_end)
    right = min(sentence_bounds(ends, q.close_end - 1, len(text))[1], para_hi)
    if k + 1 < len(marks):
        right = min(right, max(marks[k + 1].open_at, q.close_end))
    return left, right


def _is_partial(text: str, q: Quoted, left: int) -> bool:
    """True unless the quotation opens its sentence or follows a colon, comma or speech verb."""
    before = text[left:q.open_at].rstrip(" \u00a0\t—–-(")
    if not before:
        return False
    first = text[q.parts[0][0]]
    if before[-1] == ":":
        return False
    if before[-1] == "," and (first.isupper() or first.isdigit()):
        return False
    words = tokens(text, left, q.open_at)
    return not (words and words[-1].low in SPEECH_VERBS and (first.isupper() or first.isdigit()))


def _tail_after_question(text: str, ends: list[int], q: Quoted) -> Attribution | None:
    """``"Why?" Trump asked.`` / ``"... missing." Trump said.``: the attribution as the next sentence."""
    last = text[q.parts[-1][1] - 1]
    start, end = sentence_bounds(ends, q.close_end, len(text))
    if last not in "?!." or start != q.close_end or "\n" in text[start:end]:
        return None
    if last == "." and len(tokens(text, start, end)) > MAX_CAPITALISED_LEAD + 1:
        return None  # after a full stop only a bare "Trump said." belongs to the quotation
    return attribute_after(text, start, end, max_lead=MAX_CAPITALISED_LEAD)


def _new_sentence(text: str, close_end: int, after: Attribution) -> bool:
    """The words between a closing mark and the cue open a new sentence ("meanwhile, X said", "but X said")."""
    lead = tokens(text, close_end, after.cue_span[0])
    return len(lead) > MAX_CAPITALISED_LEAD or any(t.text in ",;:" for t in lead) or bool(
        lead and (lead[0].low in INTRO_WORDS or lead[0].low in CONJUNCTIONS))


def _draft(text: str, ends: list[int], marks: list[Quoted], k: int) -> _Draft:
    q = marks[k]
    left, right = _frames(text, ends, marks, k)
    partial = _is_partial(text, q, left)
    after = attribute_after(text, q.close_end, right) if right > q.close_end else None
    if after is not None and text[q.parts[-1][1] - 1] == "." and _new_sentence(text, q.close_end, after):
        # "It is over." meanwhile, Roe said ...: after a full stop a lower-case sentence is not its attribution
        after, right = None, q.close_end
    if right <= q.close_end and (tail := _tail_after_question(text, ends, q)) is not None:
        after, right = tail, sentence_bounds(ends, q.close_end, len(text))[1]
    before = None if after else attribute_before(text, left, q.open_at, naming=partial)
    sentence_start = max(sentence_bounds(ends, q.open_at, len(text))[0], text.rfind("\n", 0, q.open_at) + 1)
    if partial and not after and not before and sentence_start < left:
        # X called the plan "a farce" and "a betrayal": the verb sits before an earlier quotation
        before = attribute_before(text, sentence_start, q.open_at, naming=True)
    return _Draft(q, list(q.parts), after or before, after is not None, right, partial)


def _continues(text: str, prev: _Draft, cur: _Draft) -> bool:
    """``"A," she said, "B."`` / ``"A," she said. "B."``: B has no attribution and follows the first's."""
    if prev.attribution is None or not prev.attributed_after or prev.marks.single != cur.marks.single:
        return False
    if cur.attribution is not None and cur.attribution.cue_span[0] >= prev.frame_end:
        return False  # the second quotation has its own attribution
    said = prev.attribution
    said_end = max(said.cue_span[1], said.speaker_span[1] if said.speaker_span else 0)
    # a lower-case continuation must follow the attribution itself ("...," she said, "but ..."), not
    # a later phrase of the sentence ("...," she said, calling it "a farce")
    between = text[said_end if cur.partial else prev.frame_end:cur.marks.open_at]
    if text[cur.parts[0][0]].islower() and any(ch in ".!?" for ch in text[said_end:cur.marks.open_at]):
        return False  # '"A," Doe said. "b ..."': a lower-case fragment after a full stop is another quotation
    return "\n" not in between and not any(ch.isalnum() for ch in between)


def _title_like(content: str) -> bool:
    """``The Apprentice``, ``Parks and Recreation``: the name of a work or campaign, not speech."""
    words = content.split()
    if not words or len(words) > MAX_TITLE_WORDS or content.rstrip()[-1] in ".!?,":
        return False
    return words[0][0].isupper() and all(w[0].isupper() or not w[0].isalpha() or len(w) < 4 for w in words)


def _drafts(text: str) -> list[_Draft]:
    """Quotations with attributions, continuations folded into the quotation they continue."""
    marks = scan(text)
    ends = sentence_ends(text)
    drafts: list[_Draft] = []
    for k in range(len(marks)):
        draft = _draft(text, ends, marks, k)
        if drafts and _continues(text, drafts[-1], draft):
            drafts[-1].parts.extend(draft.parts)
            continue
        content = text[draft.parts[0][0]:draft.parts[-1][1]]
        if draft.attribution is None and (_title_like(content) or (
                draft.partial and len(content.split()) < MIN_UNATTRIBUTED_PARTIAL_WORDS)):
            continue
        drafts.append(draft)
    return drafts


def _resolve(text: str, span: tuple[int, int], people: Sequence[str], mentions: list[Mention],
             speakers: list[Mention]) -> tuple[str | None, bool]:
    """Speaker text for a phrase (pronouns via the latest person mention) and whether it is a person."""
    phrase = text[span[0]:span[1]]
    if phrase.lower() in PRONOUNS:
        if phrase.lower() not in PERSON_PRONOUNS:
            return None, False
        candidates = sorted(speakers + mentions, key=lambda m: (m.end, m.start))
        antecedent = latest_before(candidates, span[0])
        return (antecedent.name if antecedent else None), antecedent is not None
    name, is_person = phrase_name(text, span, people)
    if is_person and " " not in name:
        name = full_name(name, sorted(speakers + mentions, key=lambda m: (m.end, m.start)), span[0])
    return name, is_person


def find_quotes(text: str, people: Sequence[str] = (), reading: Reading | None = None) -> list[Quote]:
    """Direct quotations in ``text`` in reading order, with speakers resolved where possible.

    ``reading`` (the report's parsed Doc with its entity mentions and outlets, :class:`.syntax.Reading`) checks
    every speaker phrase with the parse and resolves names to the linked entities and pronouns to their
    antecedent; without it (or without a parse) hand-written capitalisation rules and ``people`` stand in.
    """
    original, text = text, normalize_marks(text)  # same offsets; '' and `` read as one double mark
    drafts = _drafts(text)
    if reading is not None and reading.parsed:
        return _inherit_speakers(text, _parsed_quotes(original, text, drafts, people, reading), reading)
    mentions = text_mentions(text, people)
    speakers: list[Mention] = []
    quotes: list[Quote] = []
    for draft in drafts:
        speaker, span, cue = None, None, None
        if draft.attribution is not None:
            cue, span = draft.attribution.cue, draft.attribution.speaker_span
        if span is not None:
            speaker, is_person = _resolve(text, span, people, mentions, speakers)
            if is_person and speaker and text[span[0]:span[1]].lower() not in PRONOUNS:
                speakers.append(Mention(span[0], span[1], speaker))
        quotes.append(_quote(original, draft, speaker, span, cue))
    return _inherit_speakers(text, quotes)


def _quote(original: str, draft: _Draft, speaker: str | None, span: tuple[int, int] | None,
           cue: str | None) -> Quote:
    parts = tuple(draft.parts)
    return Quote(parts[0][0], parts[-1][1], parts, " ".join(original[a:b] for a, b in parts),
                 speaker, span, cue, draft.partial)


def _checked_span(reading: Reading, attribution: Attribution, quoted: Sequence[tuple[int, int]]
                  ) -> tuple[int, int] | None:
    """The speaker phrase, checked with the parse: the pattern's phrase when it holds the parse's subject
    (PolNeAR's span convention); the parse's subject when the pattern's phrase is a piece of it ("Calif" in
    "Jane Doe, a doctor in Oakland, Calif., said") or no person or organisation; else None."""
    span, cue = attribution.speaker_span, attribution.cue_span
    span = reading.trim(span) if span is not None and reading.parsed else span
    if span is not None and reading.relative_start(span):
        return None  # "his sister, who he once told X was ...": a piece of a relative clause
    span = reading.widen(span, cue) if span is not None else span
    if span is not None and reading.orphan_cue(cue, span):
        return None  # "X was there and, as reported in the Courier, ...": X did not report it
    if not reading.cue_parsed(cue):  # the parse misread the cue: only the word checks
        if attribution.cue[:1].isupper() and attribution.cue != attribution.cue.upper():
            return None  # "the Islamic State group": a capitalised cue the parse calls a name is one
        return span if span is not None and reading.speaker_ok(span, cue, syntax=False) else None
    parsed = reading.subject(cue)
    if parsed is not None and any(a <= parsed[0] < b for a, b in quoted):
        parsed = None  # a subject inside a quotation is the quotation's own
    good = span is not None and reading.speaker_ok(span, cue)
    if parsed is None or span is not None and span[0] <= parsed[0] < span[1]:
        return span if good else None
    inside = span is not None and parsed[1][0] <= span[0] and span[1] <= parsed[1][1]
    if (inside or not good) and reading.speaker_ok(parsed[1], cue):
        return parsed[1]
    return span if good else None


def _subject_head(reading: Reading, cue: tuple[int, int] | None) -> int | None:
    parsed = reading.subject(cue) if cue is not None and reading.cue_parsed(cue) else None
    return parsed[0] if parsed is not None else None


def _parsed_quotes(original: str, text: str, drafts: list[_Draft], people: Sequence[str],
                   reading: Reading) -> list[Quote]:
    quoted = [part for d in drafts for part in d.parts]
    speakers: list[Named] = []
    described: list[Named] = []
    quotes: list[Quote] = []
    for draft in drafts:
        speaker, span, cue = None, None, None
        cue_at: tuple[int, int] | None = None
        if draft.attribution is not None:
            cue, span = draft.attribution.cue, _checked_span(reading, draft.attribution, quoted)
            cue_at = draft.attribution.cue_span
        elif not draft.partial and (found := reading.cue_after(draft.marks.close_end, draft.frame_end)):
            # the patterns missed it ("...," Israel's spokesman, Brig. Gen. Jane Doe, told ...): the parse's
            cue_span, subject = found
            if reading.speaker_ok(subject, cue_span):
                cue, span, cue_at = text[cue_span[0]:cue_span[1]], subject, cue_span
        if span is not None and cue_at is not None and reading.cue_parsed(cue_at):
            relayed, inner = reading.relayed(cue_at, quoted)
            if relayed:  # "she recalls him saying": the words are the inner speaker's, never the cue's subject's
                span = inner if inner is not None and reading.speaker_ok(inner, None) else None
        if span is not None:
            speaker = _speaker(text, span, people, reading, _subject_head(reading, cue_at), quoted, speakers,
                               described)
        quotes.append(_quote(original, draft, speaker, span, cue))
    return quotes


def _speaker(text: str, span: tuple[int, int], people: Sequence[str], reading: Reading, head: int | None,
             quoted: Sequence[tuple[int, int]], speakers: list[Named], described: list[Named]) -> str | None:
    """The speaker a checked phrase names: a pronoun's antecedent, the linked entity heading it, the entity a
    description denotes (:meth:`.syntax.Reading.describe`, else None), or the name the capitalisation rules
    read in it. Appends resolved people to ``speakers`` and resolved descriptions to ``described``."""
    phrase = text[span[0]:span[1]].lower()
    if phrase in PRONOUNS:
        if phrase in PERSON_PRONOUNS:
            return reading.antecedent(span[0], quoted, speakers)
        return reading.organisation(span[0], quoted) if phrase == "it" else None
    if (named := reading.canonical(span, head)) is not None:
        speaker = reading.full_name(named.name, span[0]) if named.kind == "PERSON" else named.name
        if named.kind == "PERSON":
            speakers.append(Named(span[0], span[1], speaker, "PERSON"))
        return speaker
    word = reading.phrase_head(span, head)
    if word is not None and (word.pos_ in ("PRON", "NUM") or reading.is_description(word)):
        if word.pos_ in ("PRON", "NUM"):
            return None  # "him", "six of the": no name
        found = reading.describe(word, quoted, described)
        if found is not None and any(n.name == found and n.kind == "ORG" for n in reading.named):
            described.append(Named(span[0], span[1], found, "ORG"))
        return found
    speaker, is_person = phrase_name(text, span, people)
    if is_person:
        speaker = reading.full_name(speaker, span[0])
        speakers.append(Named(span[0], span[1], speaker, "PERSON"))
    return speaker


def _alone_in_paragraph(text: str, q: Quote) -> tuple[int, int] | None:
    """The paragraph of ``q`` if it holds nothing but the quotation, else None."""
    lo = text.rfind("\n", 0, q.start) + 1
    hi = text.find("\n", q.end)
    hi = len(text) if hi < 0 else hi
    outside = text[lo:q.start] + text[q.end:hi]
    return None if any(ch.isalnum() for ch in outside) else (lo, hi)


def _inherit_speakers(text: str, quotes: list[Quote], reading: Reading | None = None) -> list[Quote]:
    """A paragraph that is only an unattributed quotation keeps the speaker of the quotation just before, and
    points at the phrase that named it there (its ``speaker_span``).

    The earlier quotation must end in the paragraph right before (blank lines aside); with a ``reading``, no
    other person may be named (outside quotations) between the two.
    """
    out: list[Quote] = []
    for q in quotes:
        para = _alone_in_paragraph(text, q) if q.speaker_span is None and not q.partial else None
        if para is not None and out and out[-1].speaker:
            prev_hi = text.find("\n", out[-1].end)
            if 0 <= prev_hi and not text[prev_hi:para[0]].strip() and (
                    reading is None or not reading.others_between(out[-1].end, para[0], out[-1].speaker)):
                q = replace(q, speaker=out[-1].speaker, speaker_span=out[-1].speaker_span)
        out.append(q)
    return out
