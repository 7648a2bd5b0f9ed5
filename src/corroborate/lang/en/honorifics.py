"""Honorifics, ranks and job titles of English news, with the gender a word implies: the entity linker's title data.

source: hand-written from general knowledge of English news (no offline English lexicon in the environment marks
honorific gender or job titles); small lists covering the forms the linker's tests exercise. The titles written
before a quoted speaker's name are ``titles.txt`` (:data:`corroborate.lang.en.TITLES`). Read by
:mod:`corroborate.analyze.entities.lexicon`.
"""

from __future__ import annotations

# Honorifics and ranks written right before a name, with the gender they imply (None: no gender).
HONORIFICS: dict[str, str | None] = {
    "mr": "m", "mister": "m", "sir": "m", "mrs": "f", "ms": "f", "miss": "f", "madam": "f", "lady": "f",
    "dame": "f", "dr": None, "prof": None, "professor": None, "gen": None, "general": None, "col": None,
    "colonel": None, "lt": None, "maj": None, "major": None, "capt": None, "captain": None, "sgt": None,
    "cpl": None, "adm": None, "brig": None, "cmdr": None, "gov": None, "sen": None, "rep": None, "rev": None,
    "sheikh": None, "imam": None, "judge": None, "justice": None, "president": None, "mayor": None,
    "governor": None, "senator": None, "minister": None,
}
# Ranks and professional titles that tell two people of one surname apart ("Gen. Lind" / "Col. Lind").
RANKS: dict[str, str] = {
    "gen": "gen", "general": "gen", "col": "col", "colonel": "col", "maj": "maj", "major": "maj",
    "capt": "capt", "captain": "capt", "lt": "lt", "sgt": "sgt", "cpl": "cpl", "adm": "adm", "brig": "brig",
    "dr": "dr", "doctor": "dr", "prof": "prof", "professor": "prof",
}
# Last word of a job title ("interior MINISTER", "regional police COMMANDER").
TITLE_HEADS = frozenset(
    "minister president governor commander spokesman spokeswoman spokesperson chief chair chairman "
    "chairwoman chairperson director mayor general colonel ambassador envoy commissioner secretary leader "
    "head premier chancellor prosecutor judge inspector negotiator coordinator representative senator "
    "speaker sheriff superintendent captain administrator ceo founder mediator prefect emir sheikh "
    "deputy mufti imam bishop archbishop executive officer manager editor adviser advisor".split())
# Gender a title head implies.
TITLE_GENDER: dict[str, str] = {"spokeswoman": "f", "chairwoman": "f", "spokesman": "m", "chairman": "m"}
