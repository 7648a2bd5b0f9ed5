"""Held-out gold set for :mod:`corroborate.analyze.claims` (fictional sentences, written before the extractor).

Written FIRST, before any extractor code existed, and never used for tuning: it measures how well the
conventions documented in ``numbers.py`` generalise to sentences the rules were not shaped on. Some cases
are deliberately hard (survivors pulled from rubble, homes destroyed, a figure attributed by possessive).

Gold conventions: ``low``/``high`` follow the module docstring of ``numbers.py``. Approximate figures ("about
N", "nearly N", "some N") were first written as the range N +/- 10% (nearly: N - 10% to N); since issue 12 they
are written as the value N (low = high = N), as a reader records them, with the approximation a flag of the
value (``approx``, checked when given: ``approx`` is True exactly for those golds). The match figures below were
taken under the old convention; the conversion changed no match. ``subject`` is the counted
noun as written (generic nouns such as "people" compare equal to no subject); ``attributed_to`` is the
speaker phrase (compared loosely: one normalised string contains the other).

Run ``python tests/analyze/numbers_heldout.py`` to print precision/recall (``-v`` lists the misses).

Scores of each set the first time the extractor met it (matching = overlapping span, same measure, same
range):
- HELDOUT   (58-59 gold, first version):           P 0.979 (47/48), R 0.797 (47/59)
- HELDOUT_2 (28 gold, after fixes from HELDOUT):    P 0.917 (22/24), R 0.786 (22/28)  [one gold arithmetic
  error corrected before scoring the figure: "some two dozen" is 24 +/- 2.4]
- HELDOUT_3 (13 gold, after all fixes):             P 1.000 (11/11), R 0.846 (11/13), attribution 10/11
Later figures on HELDOUT and HELDOUT_2 are tuned and only guard against regressions.

Since numbers take open measures from the parse (issue 12), only event-measure and money mentions are scored
here (``open_measure`` False); the open measures are tested in ``tests/analyze/claims``. Money keeps its
currency as ``unit`` and takes what the money is as subject, so money subjects are compared through ``unit``.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NamedTuple


class Gold(NamedTuple):
    text: str
    low: float | None
    high: float | None
    measure: str
    subject: str | None
    attributed_to: str | None
    approx: bool = False


INF = None  # open upper bound

HELDOUT: tuple[tuple[str, tuple[Gold, ...]], ...] = (
    ("At least 14 people were killed when a bus plunged into a ravine near Kelnor on Sunday, police said.",
     (Gold("At least 14", 14, INF, "killed", "people", "police"),)),
    ("The explosion in the Dastrava market killed 23 and wounded more than 70, according to the regional "
     "health office.",
     (Gold("23", 23, 23, "killed", None, "the regional health office"),
      Gold("more than 70", 70, INF, "wounded", None, "the regional health office"))),
    ("Officials in Port Halvey put the death toll at thirty-one.",
     (Gold("thirty-one", 31, 31, "killed", None, "Officials in Port Halvey"),)),
    ("Rescuers pulled 9 survivors from the rubble of the four-storey building on 12 March.",
     (Gold("9", 9, 9, "rescued", "survivors", None),)),
    ("Dozens of protesters were detained in central Orvieth, a rights group said.",
     (Gold("Dozens", 24, INF, "arrested", "protesters", "a rights group"),)),
    ("The ministry said 1,200 families had been displaced by the flooding along the Oduna river.",
     (Gold("1,200", 1200, 1200, "displaced", "families", "The ministry"),)),
    ("Some 3\u00a0400 residents fled their homes, the mayor of Brask told reporters.",
     (Gold("Some 3\u00a0400", 3400, 3400, "displaced", "residents", "the mayor of Brask", approx=True),)),
    ("The clashes left nearly 200 people injured and two police officers dead.",
     (Gold("nearly 200", 200, 200, "wounded", "people", None, approx=True),
      Gold("two", 2, 2, "killed", "police officers", None))),
    ("Jorun Vesk, 46, a shopkeeper, said he saw five bodies in the street.",
     (Gold("five", 5, 5, "killed", None, "Jorun Vesk"),)),
    ("The 2019 agreement allowed up to 400 observers, but monitors recorded 62 ceasefire violations over "
     "the weekend.",
     (Gold("62", 62, 62, "violations", None, "monitors"),)),
    ("Turnout was 58%, the election commission said, with the ruling party winning 1.4 million votes.",
     (Gold("58%", 58, 58, "turnout", None, "the election commission"),
      Gold("1.4 million", 1.4e6, 1.4e6, "votes", None, "the election commission"))),
    ("A 34-year-old man was among those killed, his family said.", ()),
    ("The company pledged $4.5 million in aid to the villages of Tamsin Province.",
     (Gold("$4.5 million", 4.5e6, 4.5e6, "money", "USD", None),)),
    ("Vote 1 Share on Facebook Comments 14", ()),
    ("Between 40 and 50 miners remain trapped after the collapse at the Varn pit, the operator said.",
     (Gold("Between 40 and 50", 40, 50, "trapped", "miners", "the operator"),)),
    ("By Tuesday evening the toll had climbed to 87, up from 60 a day earlier.",
     (Gold("87", 87, 87, "killed", None, None),)),
    ("Hospital staff treated about 150 people for smoke inhalation.",
     (Gold("about 150", 150, 150, "wounded", "people", None, approx=True),)),
    ("The interior ministry said 312 suspects had been arrested since the unrest began on 3 June.",
     (Gold("312", 312, 312, "arrested", "suspects", "The interior ministry"),)),
    ("More than 2,000 demonstrators gathered outside the parliament in Valmora.",
     (Gold("More than 2,000", 2000, INF, "protesters", "demonstrators", None),)),
    ("Two soldiers and a civilian died in the ambush, the army said in a statement.",
     (Gold("Two", 2, 2, "killed", "soldiers", "the army"),)),
    ("Police fired tear gas at a crowd of roughly 5,000.",
     (Gold("roughly 5,000", 5000, 5000, "crowd", None, None, approx=True),)),
    ("Call the hotline on 0800 555 0199 if you have information about the 17 people still missing.",
     (Gold("17", 17, 17, "missing", "people", None),)),
    ("The fire destroyed 40 homes at 14 Kestrel Road and nearby streets.",
     (Gold("40", 40, 40, "destroyed", "homes", None),)),
    ("Sixty-two people have died and 140 have been hospitalised since the outbreak began in 2021, health "
     "authorities in Orvieth reported.",
     (Gold("Sixty-two", 62, 62, "killed", "people", "health authorities in Orvieth"),
      Gold("140", 140, 140, "hospitalised", None, "health authorities in Orvieth"))),
    ("Election officials counted 4,812 ballots in the Brask district.",
     (Gold("4,812", 4812, 4812, "votes", None, "Election officials"),)),
    ("At 6.30 a.m. on Friday, gunmen abducted 11 students from a school in Tamsin Province.",
     (Gold("11", 11, 11, "abducted", "students", None),)),
    ("The rebels claimed to have killed 45 government troops, a figure the army denied.",
     (Gold("45", 45, 45, "killed", "troops", "The rebels"),)),
    ("Aid agencies estimate that hundreds of thousands of people have been displaced.",
     (Gold("hundreds of thousands", 200000, INF, "displaced", "people", "Aid agencies"),)),
    ("The storm left 3 dead, 12 injured and about 600 without power.",
     (Gold("3", 3, 3, "killed", None, None), Gold("12", 12, 12, "wounded", None, None))),
    ("Page 2 of 3", ()),
    ("Some 80 per cent of the town was flooded, the governor said.", ()),
    ("Witnesses said up to a dozen tanks entered the town on Saturday.", ()),
    ("Local media reported that 19 fishermen were missing after the storm, while the coastguard said it had "
     "rescued 7.",
     (Gold("19", 19, 19, "missing", "fishermen", "Local media"),
      Gold("7", 7, 7, "rescued", None, "the coastguard"))),
    ("Valmora's health minister, Dr Ilse Maran, said the number of confirmed cases rose to 1,048.",
     (Gold("1,048", 1048, 1048, "cases", None, "Dr Ilse Maran"),)),
    ("A total of 27 people were rescued from the flooded mine.",
     (Gold("27", 27, 27, "rescued", "people", None),)),
    ("Kidnappers are still holding at least 30 hostages, according to negotiators.",
     (Gold("at least 30", 30, INF, "abducted", None, "negotiators"),)),
    ("The toll from the Orvieth earthquake now stands at 1,870 dead and more than 6,000 injured.",
     (Gold("1,870", 1870, 1870, "killed", None, None),
      Gold("more than 6,000", 6000, INF, "wounded", None, None))),
    ("He was sentenced to 12 years in prison and fined 20,000 euros.",
     (Gold("20,000 euros", 20000, 20000, "money", "EUR", None),)),
    ("The 12th-century church in Kelnor, which seats 300 worshippers, was damaged.", ()),
    ("Three people, including a child, were killed when the roof collapsed.",
     (Gold("Three", 3, 3, "killed", "people", None),)),
    ("Around 7,500 people have been evacuated from villages near Mount Drava, civil protection officials said.",
     (Gold("Around 7,500", 7500, 7500, "displaced", "people", "civil protection officials", approx=True),)),
    ("The 45-minute shootout ended at 11:40 when police shot dead two gunmen.",
     (Gold("two", 2, 2, "killed", "gunmen", None),)),
    ("Opposition groups say as many as 400 people were killed in the crackdown, far more than the "
     "government's figure of 96.",
     (Gold("as many as 400", 0, 400, "killed", "people", "Opposition groups"),
      Gold("96", 96, 96, "killed", None, "the government"))),
    ("Over 300 arrests were made across the country on Saturday.",
     (Gold("Over 300", 300, INF, "arrested", None, None),)),
    ("The charity said it needed \u00a32.3m to rebuild 14 schools.",
     (Gold("\u00a32.3m", 2.3e6, 2.3e6, "money", "GBP", "The charity"),)),
    ("Ten to fifteen people were hurt, residents said.",
     (Gold("Ten to fifteen", 10, 15, "wounded", "people", "residents"),)),
    ("Kelnor FC beat Brask 3-1 in front of 18,000 fans.",
     (Gold("18,000", 18000, 18000, "crowd", "fans", None),)),
    ("The UN refugee agency said more than 1.2 million people had fled Dastrava since January.",
     (Gold("more than 1.2 million", 1.2e6, INF, "displaced", "people", "The UN refugee agency"),)),
    ("Security forces killed 8 militants and arrested 15 others in overnight raids, the army said.",
     (Gold("8", 8, 8, "killed", "militants", "the army"),
      Gold("15", 15, 15, "arrested", None, "the army"))),
    # Gold changed after the first run: subset counts ("six of the injured", "eleven of them") became a
    # documented non-claim, since grouping them with totals would report false disputes. Was: wounded, 6.
    ("Six of the injured were in critical condition, the hospital director, Anton Relk, said.", ()),
    ("The road is about 12 km long and was built in 1998.", ()),
    ("Nearly three dozen people were wounded when a grenade exploded at a rally in Brask.",
     (Gold("Nearly three dozen", 36, 36, "wounded", "people", None, approx=True),)),
    ("Flooding has affected tens of thousands of people in the delta, and at least 9 are known to have "
     "drowned.",
     (Gold("tens of thousands", 20000, INF, "affected", "people", None),
      Gold("at least 9", 9, INF, "killed", None, None))),
    ("The opposition candidate won 48.6% of the vote, against 47.9% for the incumbent.",
     (Gold("48.6%", 48.6, 48.6, "vote share", None, None),
      Gold("47.9%", 47.9, 47.9, "vote share", None, None))),
    ("Firefighters battled the blaze for 14 hours before bringing it under control.", ()),
    ("Officials said the death toll of 62, announced on Monday, was expected to rise.",
     (Gold("62", 62, 62, "killed", None, "Officials"),)),
)

# Second set, written after the fixes prompted by HELDOUT and before looking at any output on it: it gives an
# untuned figure for the revised extractor. Do not tune on it either.
HELDOUT_2: tuple[tuple[str, tuple[Gold, ...]], ...] = (
    ("Gunmen opened fire on a wedding party in Sarn, killing at least 17 guests, the provincial governor said.",
     (Gold("at least 17", 17, INF, "killed", "guests", "the provincial governor"),)),
    ("Medics said 23 of the wounded were children.",
     ()),
    ("The blast in Tervik injured 56 people, eleven of them seriously.",
     (Gold("56", 56, 56, "wounded", "people", None),)),
    ("A monitoring group put the number of dead at 212, while state television said 150 had died.",
     (Gold("212", 212, 212, "killed", None, "A monitoring group"),
      Gold("150", 150, 150, "killed", None, "state television"))),
    ("Some two dozen fishermen are still unaccounted for, the coastguard in Merrow said on Friday.",
     (Gold("Some two dozen", 24, 24, "missing", "fishermen", "the coastguard in Merrow", approx=True),)),
    ("More than 4,000 people were evacuated as the wildfire spread towards the town of Calder on 9 August.",
     (Gold("More than 4,000", 4000, INF, "displaced", "people", None),)),
    ("Ms Orla Fenn, 29, told the Kelnor Gazette that she had counted nine bodies.",
     (Gold("nine", 9, 9, "killed", None, "Ms Orla Fenn"),)),
    ("Thousands of demonstrators marched through Dastrava on Sunday.",
     (Gold("Thousands", 2000, INF, "protesters", "demonstrators", None),)),
    ("Police detained 48 people and seized 300 kg of explosives, a spokesman said.",
     (Gold("48", 48, 48, "arrested", "people", "a spokesman"),)),
    ("The earthquake, which struck at 4:17 a.m., has killed more than 1 300 people.",
     (Gold("more than 1 300", 1300, INF, "killed", "people", None),)),
    ("Eighteen soldiers and four civilians were wounded in the attack on the Brask checkpoint.",
     (Gold("Eighteen", 18, 18, "wounded", "soldiers", None), Gold("four", 4, 4, "wounded", "civilians", None))),
    ("The government has pledged 12 million euros for reconstruction.",
     (Gold("12 million euros", 12e6, 12e6, "money", "EUR", None),)),
    ("Only 3 of the 40 passengers survived, according to the airline.",
     ()),
    ("Since 2015, the group has carried out 31 attacks in the region.", ()),
    ("The ruling party took 212 of the 350 seats.", ()),
    ("An estimated 600 families lost their homes in the landslide, aid workers said.",
     (Gold("An estimated 600", 600, 600, "displaced", "families", "aid workers", approx=True),)),
    ("Rescuers recovered the bodies of 14 climbers on Mount Orr.",
     (Gold("14", 14, 14, "killed", "climbers", None),)),
    ("The fighting has driven around 90,000 people from their homes, the UN said.",
     (Gold("around 90,000", 90000, 90000, "displaced", "people", "the UN", approx=True),)),
    ("Call 555-0142 for updates; the council said 2 schools would close.", ()),
    ("\"We have confirmed 33 deaths,\" said Health Minister Pavel Dorn.",
     (Gold("33", 33, 33, "killed", None, "Health Minister Pavel Dorn"),)),
    ("The storm killed two people in Halvey and another five in neighbouring Orvieth.",
     (Gold("two", 2, 2, "killed", "people", None), Gold("five", 5, 5, "killed", None, None))),
    ("Up to 70 people may have drowned when the ferry capsized, officials fear.",
     (Gold("Up to 70", 0, 70, "killed", "people", "officials"),)),
    ("Hundreds of people were arrested during the protests, rights groups said, though police put the figure at 85.",
     (Gold("Hundreds", 200, INF, "arrested", "people", "rights groups"),
      Gold("85", 85, 85, "arrested", None, "police"))),
    ("The 7.1-magnitude quake destroyed more than 2,500 buildings.",
     (Gold("more than 2,500", 2500, INF, "destroyed", "buildings", None),)),
    ("About 1,000 residents of Tamsin were left homeless.",
     (Gold("About 1,000", 1000, 1000, "displaced", "residents", None, approx=True),)),
    ("The attack at 22 Market Street left one man dead.",
     (Gold("one", 1, 1, "killed", "man", None),)),
    ("A total of 1,409 votes were cast, with 12 ballots declared invalid.",
     (Gold("1,409", 1409, 1409, "votes", None, None), Gold("12", 12, 12, "votes", None, None))),
    ("Officials said the flooding had affected nearly 300,000 people across 14 districts.",
     (Gold("nearly 300,000", 300000, 300000, "affected", "people", "Officials", approx=True),)),
)

# Third set, written after all fixes (including those from reading real-text output) and scored once, untuned.
HELDOUT_3: tuple[tuple[str, tuple[Gold, ...]], ...] = (
    ("Militants stormed a police post near Ferrin overnight, killing nine officers, the interior ministry said.",
     (Gold("nine", 9, 9, "killed", "officers", "the interior ministry"),)),
    ("Some 15,000 people remain in shelters after the Lund river burst its banks on 4 April.",
     ()),
    ("The quake's death toll has passed 300, with more than 1,100 people hurt, according to civil defence.",
     (Gold("300", 300, 300, "killed", None, "civil defence"),
      Gold("more than 1,100", 1100, INF, "wounded", "people", "civil defence"))),
    ("A 19-year-old student was among four people arrested at the Halvey rally.",
     (Gold("four", 4, 4, "arrested", "people", None),)),
    ("Hospital officials in Merrow said 27 people were being treated for burns.",
     ()),
    ("Seven miners died and 12 were rescued from the Brask colliery on Tuesday.",
     (Gold("Seven", 7, 7, "killed", "miners", None), Gold("12", 12, 12, "rescued", None, None))),
    ("Organisers said about 40,000 protesters joined the march; police estimated 12,000.",
     (Gold("about 40,000", 40000, 40000, "protesters", "protesters", "Organisers", approx=True),
      Gold("12,000", 12000, 12000, "protesters", None, "police"))),
    ("The ministry has paid out 2.5 billion dollars in compensation since 2017.",
     (Gold("2.5 billion dollars", 2.5e9, 2.5e9, "money", "USD", "The ministry"),)),
    ("Nearly 70 people are still missing in Tamsin Province, rescuers told the Orvieth Herald.",
     (Gold("Nearly 70", 70, 70, "missing", "people", "rescuers", approx=True),)),
    ("The convoy of 30 trucks reached the town at 2 p.m.", ()),
    ("Dozens of homes were destroyed and at least 5 people were killed when the storm hit Calder.",
     (Gold("Dozens", 24, INF, "destroyed", "homes", None), Gold("at least 5", 5, INF, "killed", "people", None))),
    ("Three people, two of them children, drowned in the flash flood, the mayor said.",
     (Gold("Three", 3, 3, "killed", "people", "the mayor"),)),
)


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-6)


def _norm(s: str | None) -> str:
    s = (s or "").lower().strip()
    return s[4:] if s.startswith("the ") else s


def score(
    find: Callable[[str, Sequence[tuple[int, int]]], Sequence[Any]],
    canonical_subject: Callable[[str | None], str | None],
    cases: Sequence[tuple[str, Sequence[Gold]]] = HELDOUT,
) -> dict[str, float]:
    """Precision/recall of ``find`` on :data:`HELDOUT`, plus subject/attribution accuracy on matched pairs.

    A prediction matches a gold mention when its span overlaps the gold text, the measure is equal, the
    range bounds are equal (1e-6 tolerance) and it is approximate exactly when the gold is.
    """
    n_pred = n_gold = n_match = subj_ok = attr_ok = 0
    for sentence, golds in cases:
        # Only event-measure and money figures are judged: these sets were written for them, before the
        # open measures read from the parse ("12 km", "30 trucks") existed, and hold no gold for those.
        preds = [p for p in find(sentence, [(0, len(sentence))]) if not getattr(p, "open_measure", False)]
        n_pred += len(preds)
        n_gold += len(golds)
        used: set[int] = set()
        for g in golds:
            g_start = sentence.index(g.text)
            g_end = g_start + len(g.text)
            for i, p in enumerate(preds):
                if i in used or p.end <= g_start or p.start >= g_end:
                    continue
                if p.measure == g.measure and _close(p.low, g.low) and _close(p.high, g.high) \
                        and bool(getattr(p, "approx", g.approx)) == g.approx:
                    used.add(i)
                    n_match += 1
                    subject = getattr(p, "unit", None) if p.measure == "money" else p.subject
                    subj_ok += canonical_subject(subject) == canonical_subject(g.subject)
                    a, b = _norm(p.attributed_to), _norm(g.attributed_to)
                    attr_ok += (a == b) or bool(a and b and (a in b or b in a))
                    break
    return {
        "gold": n_gold,
        "predicted": n_pred,
        "matched": n_match,
        "precision": n_match / n_pred if n_pred else 1.0,
        "recall": n_match / n_gold if n_gold else 1.0,
        "subject_acc": subj_ok / n_match if n_match else 0.0,
        "attribution_acc": attr_ok / n_match if n_match else 0.0,
    }


def _report_misses(cases: Sequence[tuple[str, Sequence[Gold]]]) -> None:
    from corroborate.analyze.claims import find_numbers

    for sentence, golds in cases:
        preds = [p for p in find_numbers(sentence, [(0, len(sentence))]) if not p.open_measure]
        got = sorted((p.text, p.low, p.high, p.measure, p.subject, p.attributed_to) for p in preds)
        want = sorted((g.text, g.low, g.high, g.measure, g.subject, g.attributed_to) for g in golds)
        if got != want:
            print(f"- {sentence}\n    gold: {want}\n    pred: {got}")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
    from corroborate.analyze.claims import canonical_subject, find_numbers

    for name, cases in (("HELDOUT", HELDOUT), ("HELDOUT_2", HELDOUT_2), ("HELDOUT_3", HELDOUT_3)):
        print(name, score(find_numbers, canonical_subject, cases))
        if "-v" in sys.argv:
            _report_misses(cases)
