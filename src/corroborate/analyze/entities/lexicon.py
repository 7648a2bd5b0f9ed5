"""Word lists for entity linking: honorifics, titles, group keywords and alias cues.

Hand-written: no offline English lexicon in the environment marks honorific gender, job titles or the
phrases news reports use to introduce a nickname ("which locals call", "dubbed"); the lists are small and
cover the forms the linker's tests exercise. Honorifics, ranks and title heads are language data in
:mod:`corroborate.lang.en.honorifics`, the month and weekday names in :mod:`corroborate.lang.en`; the word lists
tied to how the linker reads a name (group words, alias cues, connectors, company heads) stay here. Country
names and demonyms come from ``lang/en/demonyms.txt``, faith and affiliation words from
``lang/en/group_adjectives.txt``.
"""

from __future__ import annotations

import re

from corroborate.lang.en import MONTH_NAMES, WEEKDAY_NAMES, entries
from corroborate.lang.en.honorifics import HONORIFICS, RANKS, TITLE_GENDER, TITLE_HEADS

__all__ = [
    "ALIAS_AFTER",
    "COMPANY_HEADS",
    "DEMONYMS",
    "GROUP_ADJECTIVES",
    "PLACE_NAMES",
    "GENERIC_ORG_NOUNS",
    "GROUP_WORDS",
    "HONORIFICS",
    "HONORIFIC_NAME",
    "MASTHEAD_WORDS",
    "NAME_CONNECTORS",
    "NOT_MODIFIERS",
    "ORG_HEADS",
    "PARTICLES",
    "PLACE_FEATURES",
    "RANKS",
    "SO_CALLED",
    "STATE_ABBREVIATIONS",
    "TITLE_GENDER",
    "TITLE_HEADS",
]

# Last words a short form may leave out ("the Green Dawn" for "Green Dawn Movement", "Ostmark" for
# "Ostmark Republic").
ORG_HEADS = frozenset(
    "movement party front union council coalition bloc alliance league association federation company "
    "group organisation organization brigade brigades army militia authority board republic kingdom emirate "
    "sultanate".split())
# Words that never start or extend a title phrase (sentence openers, days, determiners).
NOT_MODIFIERS = frozenset(
    "the a an this that his her its their our on in at by for from with as after before during when while "
    "said says told and or but of to yesterday today former acting new then".split()) | WEEKDAY_NAMES | MONTH_NAMES
# Words in an organisation name that make it an armed or political group.
GROUP_WORDS = frozenset(
    "front brigade brigades army militia militias movement party rebels rebel battalion battalions legion "
    "faction insurgents insurgency guerrillas guerrilla resistance fighters mujahideen commandos "
    "liberation jihad separatists paramilitary paramilitaries forces force guard guards corps "
    "regiment squadron".split())
# Transliterated Arabic-style article particles (al-, el-, ez-...): dropped from matching keys.
PARTICLES = frozenset("al el il ul ad ed az ez as es ash esh at et ar er an en ath adh ut".split())
# Generic nouns that stand for the most recent organisation ("The group, which villagers call ...").
GENERIC_ORG_NOUNS = frozenset(
    "group militia movement organisation organization rebels front party faction alliance coalition "
    "brigade army force insurgents fighters".split())
# Lower-case feature nouns that complete the place name before them ("the Tamsk ridge", "Saffron Gate road").
PLACE_FEATURES = frozenset(
    "road street avenue highway ridge river valley pass bridge hill hills mountain mountains lake canal "
    "crossing district quarter plateau gorge dam".split())
# Last words of newspaper names that a report uses alone after naming the paper ("the Post", "the Times").
MASTHEAD_WORDS = frozenset(
    "post times journal herald tribune globe gazette chronicle telegraph guardian observer examiner inquirer "
    "courier bulletin dispatch".split())
# The abbreviations news style (AP) writes after a city for U.S. states and Canadian provinces ("Chesterfield,
# Va.", "Oakville, Ont."), without their stops: general knowledge of English news style.
STATE_ABBREVIATIONS = {
    "Ala": "Alabama", "Ariz": "Arizona", "Ark": "Arkansas", "Calif": "California", "Colo": "Colorado",
    "Conn": "Connecticut", "Del": "Delaware", "Fla": "Florida", "Ga": "Georgia", "Ill": "Illinois",
    "Ind": "Indiana", "Kan": "Kansas", "Kans": "Kansas", "Ky": "Kentucky", "La": "Louisiana", "Md": "Maryland",
    "Mass": "Massachusetts", "Mich": "Michigan", "Minn": "Minnesota", "Miss": "Mississippi", "Mo": "Missouri",
    "Mont": "Montana", "Neb": "Nebraska", "Nev": "Nevada", "N.H": "New Hampshire", "N.J": "New Jersey",
    "N.M": "New Mexico", "N.Y": "New York", "N.C": "North Carolina", "N.D": "North Dakota", "Okla": "Oklahoma",
    "Ore": "Oregon", "Pa": "Pennsylvania", "R.I": "Rhode Island", "S.C": "South Carolina", "S.D": "South Dakota",
    "Tenn": "Tennessee", "Tex": "Texas", "Vt": "Vermont", "Va": "Virginia", "Wash": "Washington",
    "W.Va": "West Virginia", "Wis": "Wisconsin", "Wyo": "Wyoming", "Ont": "Ontario", "Que": "Quebec",
    "Alta": "Alberta", "Sask": "Saskatchewan", "Man": "Manitoba", "B.C": "British Columbia",
    "N.S": "Nova Scotia", "N.B": "New Brunswick", "Nfld": "Newfoundland",
}
# Small words allowed inside a multi-word name ("Sons of the Valley").
NAME_CONNECTORS = frozenset("of the and for de la du del al el".split())

_NAME_WORD = r"[A-Z][\w'’-]*"
_NAME_RUN = rf"{_NAME_WORD}(?:\s+(?:(?:of|the|and|for)\s+)?{_NAME_WORD})*"
# An alias introduced right after a mention: "X (SVLF)", "X, which many here call the Ash Brigade",
# "X, also known as ...", "X, known by its initials, SVLF", "X, dubbed the ...", "X, the so-called Black
# Pines", "X, whose supporters are known as the Blue Scarves", "X, whose fighters call themselves ...", and
# after a generic noun "the movement its nickname, the Blue Scarves".
ALIAS_AFTER = re.compile(
    r"\s*(?:\(\s*(?P<paren>[A-Z][A-Z0-9]{1,6})\s*\)|,?\s*(?:also\s+known\s+as|(?:formerly|formally|previously|"
    r"once|originally)\s+(?:known\s+as|called)|n[ée]e|known\s+(?:locally\s+|widely\s+|"
    r"simply\s+)?as|known\s+by\s+its\s+(?:initials|acronym),?|(?:which|who|whom)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:calls?|dubs?|nicknames?|refers?\s+to\s+as)|dubbed|nicknamed|or\s+simply|often\s+called|"
    r"commonly\s+called|better\s+known\s+as|(?:the\s+)?so-called|its\s+nickname,?|"
    r"whose\s+[a-z]+\s+(?:are|is|were|was)\s+(?:known\s+as|called)|whose\s+[a-z]+\s+call\s+(?:themselves|itself))"
    r"\s+(?:the\s+)?[\"“‘']?(?P<alias>" + _NAME_RUN + r"))")
# A nickname with no referent in reach: "the so-called Ash Brigade".
SO_CALLED = re.compile(r"\bso-called\s+[\"“‘']?(?P<alias>" + _NAME_RUN + r")")
# An honorific or rank with the name after it ("Ms Vardaman", "Mr. Adiv", "Gen. Piet Rostam").
HONORIFIC_NAME = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Dr|Gen|Col|Lt|Maj|Capt|Sgt|Prof|Sheikh|Sen|Gov|Rep)\.?\s+"
    r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})")


def _table(name: str) -> list[list[list[str]]]:
    """Rows of a "a, b | c | d, e" list file: fields split at "|", alternatives at ","."""
    return [[[x.strip() for x in field.split(",") if x.strip()] for field in entry.split("|")]
            for entry in entries(name)]


_DEMONYM_ROWS = _table("demonyms.txt")
# Country and region names ("Syria", "United States", "U.S."): places whatever the tagger says.
PLACE_NAMES = frozenset(name for row in _DEMONYM_ROWS for name in row[0])
# Nationality adjectives and nouns ("Syrian", "Syrians") -> the place they come from ("Syria").
DEMONYMS: dict[str, str] = {
    form: row[0][0] for row in _DEMONYM_ROWS for field in row[1:] for form in field if form not in PLACE_NAMES}
# Adjectives and plural nouns of faiths, affiliations and ethnic groups ("Islamist", "Republicans", "Jews").
GROUP_ADJECTIVES = frozenset(form for row in _table("group_adjectives.txt") for field in row for form in field)
# Words after a company's short name that the reports may leave out ("United Airlines" / "United", "Snap Inc."
# / "Snap", "BuzzFeed News" / "BuzzFeed"): legal forms and the trade nouns of a brand name.
COMPANY_HEADS = frozenset(
    "inc inc. incorporated co co. corp corp. corporation company cos ltd ltd. limited llc plc ag sa s.a. nv gmbh "
    "holdings group airlines airline airways air lines news motors entertainment technologies media "
    "international".split())
