"""Word lists for quote attribution: speech verbs, titles, pronouns, and sentence boundaries.

Hand-written lists (no offline English lexicon with these classes is available in the environment). The speech
verbs (they cover the cues of PolNeAR train direct quotes, ``said`` ... ``tweeted``, ``according to``), the titles
and the weekday names are language data in :mod:`corroborate.lang.en`; this module inflects the verbs. The lists
tied to how the attribution finder reads a clause (determiners, noun-phrase stops, verb prefixes) stay here.
"""

from __future__ import annotations

import bisect
import re

from corroborate.lang.en import IRREGULAR_SPEECH_VERBS, WEEKDAY_NAMES
from corroborate.lang.en import SPEECH_VERBS as LANG_SPEECH_VERBS
from corroborate.lang.en import TITLES as LANG_TITLES

_DOUBLING = frozenset(("quip", "snap", "admit", "regret"))  # quipped, snapped
# Verbs that introduce a partial quotation as an object complement: He called the deal "a betrayal".
NAMING_VERBS = frozenset("call calls called calling describe describes described describing dub dubs dubbed "
                         "label labels labeled labelled labeling brand brands branded term termed".split())


def _inflect(lemma: str) -> tuple[str, ...]:
    """Base, third person, past and -ing forms of a regular English verb."""
    if lemma.endswith("e"):
        past, ing = lemma + "d", lemma[:-1] + "ing"
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        past, ing = lemma[:-1] + "ied", lemma + "ing"
    elif lemma in _DOUBLING:
        past, ing = lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"
    else:
        past, ing = lemma + "ed", lemma + "ing"
    third = lemma[:-1] + "ies" if lemma.endswith("y") and lemma[-2] not in "aeiou" else (
        lemma + "es" if lemma.endswith(("s", "sh", "ch", "x")) else lemma + "s")
    return lemma, third, past, ing


def _speech_forms() -> frozenset[str]:
    forms: set[str] = set()
    for lemma in LANG_SPEECH_VERBS:
        forms.update(_inflect(lemma))
    for irregular in IRREGULAR_SPEECH_VERBS:  # "put" is a cue only in "as X put it", see quotes.attribution._is_cue
        forms.update(irregular)
    return frozenset(forms)


SPEECH_VERBS = _speech_forms()
# Verbs that put their speaker after them in an inverted attribution: "...," said Jane Doe.
INVERTING_VERBS = frozenset(
    "said says asked asks added adds wrote writes continued continues replied replies explained explains "
    "noted notes recalled recalls tweeted tweets declared declares answered answers responded responds "
    "countered counters insisted insists warned warns concluded concludes quipped joked argued argues "
    "remarked observed cautioned".split())
# Words that may sit between a speaker and the speech verb: "Jane Doe also said", "she later told".
VERB_PREFIX = frozenset(
    "also later then again once previously recently repeatedly has had have would will did does had "
    "never just already first quickly simply flatly bluntly openly publicly privately reportedly "
    "subsequently separately further".split())

PRONOUNS = frozenset("he she they it we i".split())
PERSON_PRONOUNS = frozenset(("he", "she"))
DETERMINERS = frozenset(
    "the a an another this that these those his her its their our my your one two three several some many "
    "other each every any both all most few".split())
# Titles before a name (lang/en/titles.txt), lower-cased, abbreviations with and without their stop.
TITLES = LANG_TITLES
# Sentence-opening words that start an adverbial phrase before the subject: "In a statement, X said".
INTRO_WORDS = frozenset(
    "in on at during after before later earlier speaking asked writing meanwhile however still yet "
    "separately then today yesterday tonight last this when while as since though although if because "
    "but and so also instead indeed now afterward afterwards alongside amid amidst among despite following like "
    "unlike with without for from by under over through throughout within upon once additionally moreover "
    "furthermore even".split()) | WEEKDAY_NAMES
CONJUNCTIONS = frozenset("but and so yet or nor still however".split())
# Words that end a noun phrase following an inverted verb: "said Jane Doe in a statement".
NP_STOPS = frozenset(
    "in on at during after before when while as because since via to from with through about adding "
    "saying noting explaining told tells".split())
# Of those, the words that never continue a speaker phrase ("a spokesman for", "an adviser to" do).
CLAUSE_STOPS = frozenset(
    "during after before when while as because since via through adding saying noting explaining told "
    "tells".split())
# Words that end the subject of a clause: "Her campaign quickly blasted", "Warren appeared".
COMMON_VERBS = frozenset("is was are were has had have took made went came got gave did does do be been "
                         "said says told".split())

ABBREVIATIONS = frozenset(
    "mr mrs ms dr gov sen rep gen lt col sgt capt maj brig adm cmdr cpl pvt supt insp st jr sr prof rev hon pres "
    "u.s u.k u.n inc corp co "
    "ltd no vs jan feb mar apr aug sept sep oct nov dec ft mt ave blvd dept est fig".split())
_SENTENCE_END = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])")


def sentence_ends(text: str) -> list[int]:
    """Sorted offsets just after each sentence-ending punctuation (plus closing marks) in ``text``.

    A period after an abbreviation (``Gov.``) or an initial (``Marc E. Elias``) does not end a sentence. This is
    the quotation's frame, not the sentence of record (:func:`corroborate.analyze.text.split_sentences`): every
    line break ends a frame, and a quotation's closing mark followed by a capital ends one. Framing quotations with
    the sentence spans instead changes one quote of the realnews-dev clusters (it gains a wrong speaker), so the
    quote finder keeps this.
    """
    ends: list[int] = []
    for m in _SENTENCE_END.finditer(text):
        if m.group().startswith("."):
            word = re.search(r"([\w.'’]+)$", text[max(0, m.start() - 12):m.start()])
            token = word.group(1).lower() if word else ""
            initial = len(token) == 1 and token.isalpha()
            if token in ABBREVIATIONS or initial or re.fullmatch(r"(\w\.)+\w", token):
                continue
        ends.append(m.end())
    for m in re.finditer(r"\n", text):
        ends.append(m.start())
    return sorted(set(ends))


def sentence_bounds(ends: list[int], pos: int, text_len: int) -> tuple[int, int]:
    """Start and end of the sentence that contains offset ``pos``, given :func:`sentence_ends`."""
    k = bisect.bisect_right(ends, pos)
    start = ends[k - 1] if k > 0 else 0
    end = ends[k] if k < len(ends) else text_len
    return start, end

# ---- speaker descriptions ("the company said", "a police statement said") -------------------------------
# Hand-written lists of general news-language nouns (no offline lexicon with these classes is available).
# Nouns of texts and records: their words are their author's ("the policy states", "a statement from Acme"),
# never a speaker themselves.
DOCUMENT_NOUNS = frozenset(
    "statement statements release report reports email e-mail emails letter letters memo memorandum post posting "
    "tweet tweets message note notice announcement filing filings complaint lawsuit suit petition motion brief "
    "appeal ruling opinion decision order judgment indictment affidavit document documents papers paper study "
    "survey poll analysis review article editorial column blog website page video recording transcript record "
    "records policy guidelines rules proposal plan agreement contract quote remarks comments speech interview "
    "book caption warning alert bulletin advisory update summary presentation testimony text transcript "
    "manifesto resolution communique communiqué".split())
# Nouns that name one organisation ("the company", "the department", "the newspaper"): a definite one denotes
# an organisation the report names.
ORG_NOUNS = frozenset(
    "company firm corporation business retailer maker manufacturer automaker carmaker airline carrier bank lender "
    "insurer chain startup giant conglomerate group network broadcaster newspaper magazine outlet publication "
    "station channel agency department ministry office bureau service police government administration authority "
    "board council committee commission court university college school hospital institute foundation "
    "organization organisation association union party team club league federation embassy military army navy "
    "campaign studio label publisher developer operator provider utility brand district city county state "
    "parliament senate congress legislature prosecutor prosecutors".split())
# Of those, the nouns that denote a business: they may stand for the organisation just named whatever its name.
COMPANY_NOUNS = frozenset(
    "company firm corporation business retailer maker manufacturer automaker carmaker airline carrier bank lender "
    "insurer chain startup giant conglomerate studio publisher developer operator provider brand".split())
# Words in an organisation's name that mark it as no business (a company noun never denotes it).
PUBLIC_BODY_WORDS = frozenset(
    "police department ministry government court agency council university college school hospital army navy "
    "party parliament senate congress commission committee office city county state sheriff bureau union "
    "association foundation institute embassy district republic kingdom nations".split())
# Organisation nouns that say where a text was filed or read, not who wrote it ("court papers", "court filings").
VENUE_NOUNS = frozenset("court courts tribunal".split())
