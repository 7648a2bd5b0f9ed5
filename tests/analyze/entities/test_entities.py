"""Cross-report entity linking (corroborate.analyze.entities): merging, non-merging, determinism, spans."""

from __future__ import annotations

import random
import re
from collections.abc import Mapping, Sequence
from itertools import combinations
from typing import TypedDict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.analyze.entities import Entity, Mention, link_entities
from corroborate.analyze.entities.keys import keys_match, name_keys
from corroborate.analyze.entities.lexicon import HONORIFICS


# ---------------------------------------------------------------------------------------------------------
# Held-out set: three fictional stories written before the linker was tuned; used only for the scores below.
# ``ner``: (source, surface, label) -- every whole-word occurrence of the surface in that source is an NER
# mention (a stand-in for the tagger, which is allowed to miss titles, honorific forms and nicknames).
# ``gold``: one dict per entity, source -> surface forms; every occurrence of a form is that entity's mention.
# ---------------------------------------------------------------------------------------------------------
class Story(TypedDict):
    texts: dict[str, str]
    ner: list[tuple[str, str, str]]
    gold: list[dict[str, list[str]]]


HELDOUT: list[Story] = [
    {
        "texts": {
            "h1a": (
                "Floodwater swept through Tell el-Marouf on Tuesday, forcing hundreds from their homes. "
                "Governor Idris Kanaan said the Kessar River had burst its banks overnight. "
                "The Northern Relief Coalition (NRC) sent trucks from Kessarine. "
                "Mr Kanaan promised compensation. Dr Lina Kanaan, who runs the town clinic, said "
                "Ms Kanaan's staff had treated forty people."
            ),
            "h1b": (
                "In Tel al Maruf, residents blamed the provincial governor for ignoring warnings. "
                "Idris Kanaan, the provincial governor, denied that. The NRC said its convoy was delayed "
                "outside Kesarine. A clinic run by Lina Kanaan was flooded."
            ),
            "h1c": (
                "Aid reached Tell Marouf late on Wednesday. The provincial governor visited the Kessar "
                "River dam. Northern Relief Coalition workers said the road from Kessarine was cut."
            ),
        },
        "ner": [
            ("h1a", "Tell el-Marouf", "LOC"), ("h1a", "Idris Kanaan", "PER"), ("h1a", "Kessar River", "LOC"),
            ("h1a", "Northern Relief Coalition", "ORG"), ("h1a", "NRC", "ORG"), ("h1a", "Kessarine", "LOC"),
            ("h1a", "Kanaan", "PER"), ("h1a", "Lina Kanaan", "PER"),
            ("h1b", "Tel al Maruf", "LOC"), ("h1b", "Idris Kanaan", "PER"), ("h1b", "NRC", "ORG"),
            ("h1b", "Kesarine", "LOC"), ("h1b", "Lina Kanaan", "PER"),
            ("h1c", "Tell Marouf", "LOC"), ("h1c", "Kessar River", "LOC"),
            ("h1c", "Northern Relief Coalition", "ORG"), ("h1c", "Kessarine", "LOC"),
        ],
        "gold": [
            {"h1a": ["Tell el-Marouf"], "h1b": ["Tel al Maruf"], "h1c": ["Tell Marouf"]},
            {"h1a": ["Governor Idris Kanaan", "Mr Kanaan"],
             "h1b": ["the provincial governor", "Idris Kanaan"], "h1c": ["The provincial governor"]},
            {"h1a": ["Dr Lina Kanaan", "Ms Kanaan"], "h1b": ["Lina Kanaan"]},
            {"h1a": ["Kessar River"], "h1c": ["Kessar River"]},
            {"h1a": ["Northern Relief Coalition", "NRC"], "h1b": ["NRC"], "h1c": ["Northern Relief Coalition"]},
            {"h1a": ["Kessarine"], "h1b": ["Kesarine"], "h1c": ["Kessarine"]},
        ],
    },
    {
        "texts": {
            "h2a": (
                "Fighters of the Eastern Hills Defence Army (EHDA) shelled Qarat Nour at dawn. "
                "The group, which villagers call the Copper Hand, has held Bir Salem since March. "
                "Defence Minister Orla Brandt said troops would retake the ridge. Ms Brandt spoke in Valmora."
            ),
            "h2b": (
                "The so-called Copper Hand fired on Karat Nur again, witnesses said. "
                "Col. Marek Solvay, the army spokesman, said two soldiers died near Bir Salim. "
                "A farmer, Jonas Brandt, said Mr Brandt's house in Bir Samer was hit."
            ),
            "h2c": (
                "The EHDA denied shelling Qarat-Noor. The defence minister, Orla Brandt, flew to Valmora. "
                "The army spokesman said Solvay would brief reporters. Bir Samer was quiet."
            ),
        },
        "ner": [
            ("h2a", "Eastern Hills Defence Army", "ORG"), ("h2a", "Qarat Nour", "LOC"), ("h2a", "Bir Salem", "LOC"),
            ("h2a", "Orla Brandt", "PER"), ("h2a", "Brandt", "PER"), ("h2a", "Valmora", "LOC"),
            ("h2b", "Karat Nur", "LOC"), ("h2b", "Marek Solvay", "PER"), ("h2b", "Bir Salim", "LOC"),
            ("h2b", "Jonas Brandt", "PER"), ("h2b", "Bir Samer", "LOC"),
            ("h2c", "EHDA", "ORG"), ("h2c", "Qarat-Noor", "LOC"), ("h2c", "Orla Brandt", "PER"),
            ("h2c", "Valmora", "LOC"), ("h2c", "Solvay", "PER"), ("h2c", "Bir Samer", "LOC"),
        ],
        "gold": [
            {"h2a": ["Eastern Hills Defence Army", "EHDA", "Copper Hand"], "h2b": ["Copper Hand"],
             "h2c": ["EHDA"]},
            {"h2a": ["Qarat Nour"], "h2b": ["Karat Nur"], "h2c": ["Qarat-Noor"]},
            {"h2a": ["Bir Salem"], "h2b": ["Bir Salim"]},
            {"h2b": ["Bir Samer"], "h2c": ["Bir Samer"]},
            {"h2a": ["Defence Minister Orla Brandt", "Ms Brandt"],
             "h2c": ["The defence minister", "Orla Brandt"]},
            {"h2b": ["Jonas Brandt", "Mr Brandt"]},
            {"h2b": ["Col. Marek Solvay", "the army spokesman"], "h2c": ["The army spokesman", "Solvay"]},
            {"h2a": ["Valmora"], "h2c": ["Valmora"]},
        ],
    },
    {
        "texts": {
            "h3a": (
                "Polls closed in Zeytoun amid complaints from the People's Renewal Party (PRP). "
                "Its leader, Selim Haddar, said ballots were missing in Marrak. "
                "Commission chair Nadia Orfel rejected the claim. Ms. Orfel called it baseless."
            ),
            "h3b": (
                "Selim Hadar, who heads the PRP, demanded a recount in Zaitun. The commission chair said "
                "counting in Marrat was complete. Sami Haddad, a rival candidate, conceded."
            ),
            "h3c": (
                "In Zeitoun, supporters of Haddar gathered outside the count. Nadia Orfel said the "
                "People's Renewal Party had filed no formal complaint. Mr. Haddad stayed home in Marrak."
            ),
        },
        "ner": [
            ("h3a", "Zeytoun", "LOC"), ("h3a", "People's Renewal Party", "ORG"), ("h3a", "PRP", "ORG"),
            ("h3a", "Selim Haddar", "PER"), ("h3a", "Marrak", "LOC"), ("h3a", "Nadia Orfel", "PER"),
            ("h3b", "Selim Hadar", "PER"), ("h3b", "PRP", "ORG"), ("h3b", "Zaitun", "LOC"),
            ("h3b", "Marrat", "LOC"), ("h3b", "Sami Haddad", "PER"),
            ("h3c", "Zeitoun", "LOC"), ("h3c", "Haddar", "PER"), ("h3c", "Nadia Orfel", "PER"),
            ("h3c", "People's Renewal Party", "ORG"), ("h3c", "Marrak", "LOC"),
        ],
        "gold": [
            {"h3a": ["Zeytoun"], "h3b": ["Zaitun"], "h3c": ["Zeitoun"]},
            {"h3a": ["People's Renewal Party", "PRP"], "h3b": ["PRP"], "h3c": ["People's Renewal Party"]},
            {"h3a": ["Selim Haddar"], "h3b": ["Selim Hadar"], "h3c": ["Haddar"]},
            {"h3a": ["Marrak"], "h3c": ["Marrak"]},
            {"h3b": ["Marrat"]},
            {"h3a": ["Commission chair Nadia Orfel", "Ms. Orfel"], "h3b": ["The commission chair"],
             "h3c": ["Nadia Orfel"]},
            {"h3b": ["Sami Haddad"], "h3c": ["Mr. Haddad"]},
        ],
    },
]


# A second held-out set, written after the first had informed one fix (mixed-case titles); scored once.
HELDOUT_2: list[Story] = [
    {
        "texts": {
            "h4a": (
                "Dockworkers in Port Saffa walked out on Monday, the Harbour Workers' Union (HWU) said. "
                "Union secretary Mirela Tosk said the strike would last a week. Port director Anselm Kaur "
                "called it illegal. Mr Kaur said cargo would be diverted to Nessa Bay."
            ),
            "h4b": (
                "In Port Safa, the HWU picketed the main gate. The port director said talks had failed. "
                "Tosk, who leads the union, told reporters the walkout was legal. Ships queued off Nessa Bay."
            ),
            "h4c": (
                "Police escorted trucks out of Port Saffah on Tuesday. The Harbour Workers' Union, known locally "
                "as the Blue Caps, blocked the road. Ms. Tosk said her members would stay. A dock worker, "
                "Piet Kaur, said he feared for his job."
            ),
        },
        "ner": [
            ("h4a", "Port Saffa", "LOC"), ("h4a", "Harbour Workers' Union", "ORG"), ("h4a", "Mirela Tosk", "PER"),
            ("h4a", "Anselm Kaur", "PER"), ("h4a", "Kaur", "PER"), ("h4a", "Nessa Bay", "LOC"),
            ("h4b", "Port Safa", "LOC"), ("h4b", "HWU", "ORG"), ("h4b", "Tosk", "PER"), ("h4b", "Nessa Bay", "LOC"),
            ("h4c", "Port Saffah", "LOC"), ("h4c", "Harbour Workers' Union", "ORG"), ("h4c", "Piet Kaur", "PER"),
        ],
        "gold": [
            {"h4a": ["Port Saffa"], "h4b": ["Port Safa"], "h4c": ["Port Saffah"]},
            # "the union" added to the gold after the description linker found it (it was an annotation gap).
            {"h4a": ["Harbour Workers' Union", "HWU"], "h4b": ["HWU", "the union"],
             "h4c": ["Harbour Workers' Union", "Blue Caps"]},
            {"h4a": ["Union secretary Mirela Tosk"], "h4b": ["Tosk"], "h4c": ["Ms. Tosk"]},
            {"h4a": ["Port director Anselm Kaur", "Mr Kaur"], "h4b": ["The port director"]},
            {"h4c": ["Piet Kaur"]},
            {"h4a": ["Nessa Bay"], "h4b": ["Nessa Bay"]},
        ],
    },
    {
        "texts": {
            "h5a": (
                "Clashes broke out in Ain Zahra between supporters of the National Unity Bloc and the Green Dawn "
                "Movement (GDM). Interior Minister Koral Benes blamed the GDM. Benes said 12 people were hurt in "
                "Ain Zahra and nearby Ain Zahran."
            ),
            "h5b": (
                "The interior minister, Koral Beneš, said police had restored order in Ein Zahra. Leaders of "
                "the Green Dawn, as the movement is widely known, denied starting the fight."
            ),
            "h5c": (
                "In Ayn Zahra, shops reopened. A spokesman for the National Unity Bloc, Tamsin Rook, said the "
                "bloc would not retaliate. Mrs Rook added that Benes had lost control."
            ),
        },
        "ner": [
            ("h5a", "Ain Zahra", "LOC"), ("h5a", "National Unity Bloc", "ORG"), ("h5a", "Green Dawn Movement", "ORG"),
            ("h5a", "GDM", "ORG"), ("h5a", "Koral Benes", "PER"), ("h5a", "Benes", "PER"), ("h5a", "Ain Zahran", "LOC"),
            ("h5b", "Koral Beneš", "PER"), ("h5b", "Ein Zahra", "LOC"), ("h5b", "Green Dawn", "ORG"),
            ("h5c", "Ayn Zahra", "LOC"), ("h5c", "National Unity Bloc", "ORG"), ("h5c", "Tamsin Rook", "PER"),
            ("h5c", "Benes", "PER"),
        ],
        "gold": [
            {"h5a": ["Ain Zahra"], "h5b": ["Ein Zahra"], "h5c": ["Ayn Zahra"]},
            {"h5a": ["Ain Zahran"]},
            # "the bloc" added to the gold after the description linker found it (an annotation gap).
            {"h5a": ["National Unity Bloc"], "h5c": ["National Unity Bloc", "the bloc"]},
            {"h5a": ["Green Dawn Movement", "GDM"], "h5b": ["Green Dawn"]},
            {"h5a": ["Interior Minister Koral Benes", "Benes"], "h5b": ["The interior minister", "Koral Beneš"],
             "h5c": ["Benes"]},
            {"h5c": ["Tamsin Rook", "Mrs Rook"]},
        ],
    },
    {
        "texts": {
            "h6a": (
                "Rescuers pulled four miners from the Kovar Deep shaft near Velsk on Thursday. The mine's owner, "
                "Ostrava Minerals, said 30 men were still trapped. Regional governor Dana Hollis said she had "
                "asked for army help."
            ),
            "h6b": (
                "Families gathered outside the Kovar Deep mine in Welsk. Governor Dana Holis promised an inquiry. "
                "Ostrava Minerals chief executive Ivo Marek declined to comment. Marek has run the firm since 2019."
            ),
            "h6c": (
                "The regional governor visited the Kovar Deep site. Ms Hollis met relatives. The company said "
                "Mr Marek would travel to Velsk on Friday. Velsko, a village 5 km away, sent volunteers."
            ),
        },
        "ner": [
            ("h6a", "Kovar Deep", "LOC"), ("h6a", "Velsk", "LOC"), ("h6a", "Ostrava Minerals", "ORG"),
            ("h6a", "Dana Hollis", "PER"), ("h6b", "Kovar Deep", "LOC"), ("h6b", "Welsk", "LOC"),
            ("h6b", "Dana Holis", "PER"), ("h6b", "Ostrava Minerals", "ORG"), ("h6b", "Ivo Marek", "PER"),
            ("h6b", "Marek", "PER"), ("h6c", "Kovar Deep", "LOC"), ("h6c", "Velsk", "LOC"), ("h6c", "Velsko", "LOC"),
        ],
        "gold": [
            {"h6a": ["Kovar Deep"], "h6b": ["Kovar Deep"], "h6c": ["Kovar Deep"]},
            {"h6a": ["Velsk"], "h6b": ["Welsk"], "h6c": ["Velsk"]},
            {"h6c": ["Velsko"]},
            {"h6a": ["Ostrava Minerals"], "h6b": ["Ostrava Minerals"]},
            {"h6a": ["Regional governor Dana Hollis"], "h6b": ["Governor Dana Holis"],
             "h6c": ["The regional governor", "Ms Hollis"]},
            {"h6b": ["chief executive Ivo Marek", "Marek"], "h6c": ["Mr Marek"]},
        ],
    },
]


# A third held-out set, written after the second had informed fixes (syllable count, short forms); it
# gives the final, untuned figure.
HELDOUT_3: list[Story] = [
    {
        "texts": {
            "h7a": (
                "Gen. Oskar Lind, the army chief of staff, ordered troops into Qaryat Sidi on Sunday. The Sidi "
                "Relief Network, known by its initials, SRN, said 200 families had no shelter. Lind said the road "
                "to Mirna was open."
            ),
            "h7b": (
                "Troops entered Karyat Sidi at dawn. An SRN volunteer said water was rising near Marna, a hamlet "
                "south of Mirna. The army chief of staff did not comment. General Lind later flew over the area."
            ),
            "h7c": (
                "In Qariat Sidi, residents said Gen. Lind had promised pumps. Lind's deputy, Col. Runa Lind, is "
                "his sister. Colonel Lind said she would stay in Mirna."
            ),
        },
        "ner": [
            ("h7a", "Oskar Lind", "PER"), ("h7a", "Qaryat Sidi", "LOC"), ("h7a", "Sidi Relief Network", "ORG"),
            ("h7a", "Lind", "PER"), ("h7a", "Mirna", "LOC"),
            ("h7b", "Karyat Sidi", "LOC"), ("h7b", "SRN", "ORG"), ("h7b", "Marna", "LOC"), ("h7b", "Mirna", "LOC"),
            ("h7b", "Lind", "PER"),
            ("h7c", "Qariat Sidi", "LOC"), ("h7c", "Runa Lind", "PER"), ("h7c", "Lind", "PER"), ("h7c", "Mirna", "LOC"),
        ],
        "gold": [
            {"h7a": ["Gen. Oskar Lind", "Lind"], "h7b": ["The army chief of staff", "General Lind"],
             "h7c": ["Gen. Lind", "Lind"]},
            {"h7c": ["Col. Runa Lind", "Colonel Lind"]},
            {"h7a": ["Qaryat Sidi"], "h7b": ["Karyat Sidi"], "h7c": ["Qariat Sidi"]},
            {"h7a": ["Sidi Relief Network", "SRN"], "h7b": ["SRN"]},
            {"h7a": ["Mirna"], "h7b": ["Mirna"], "h7c": ["Mirna"]},
            {"h7b": ["Marna"]},
        ],
    },
    {
        "texts": {
            "h8a": (
                "Negotiators from Tavria and the Ostmark Republic met in Saint-Ilan on Wednesday. Trade Minister "
                "Jérôme Abadie said a deal was close. The Ostmark delegation was led by Hedda Strand."
            ),
            "h8b": (
                "Talks in St Ilan ran late. Jerome Abadie, Tavria's trade minister, said tariffs on grain would "
                "fall. Ms Strand said Ostmark wanted more time."
            ),
            "h8c": (
                "Abadie and Strand shook hands in Saint Ilan. The trade minister called the result fair. "
                "Mr. Abadie flies home on Friday."
            ),
        },
        "ner": [
            ("h8a", "Tavria", "LOC"), ("h8a", "Ostmark Republic", "LOC"), ("h8a", "Saint-Ilan", "LOC"),
            ("h8a", "Jérôme Abadie", "PER"), ("h8a", "Ostmark", "MISC"), ("h8a", "Hedda Strand", "PER"),
            ("h8b", "St Ilan", "LOC"), ("h8b", "Jerome Abadie", "PER"), ("h8b", "Tavria", "LOC"),
            ("h8b", "Strand", "PER"), ("h8b", "Ostmark", "LOC"),
            ("h8c", "Abadie", "PER"), ("h8c", "Strand", "PER"), ("h8c", "Saint Ilan", "LOC"),
        ],
        "gold": [
            {"h8a": ["Trade Minister Jérôme Abadie"], "h8b": ["Jerome Abadie"],
             "h8c": ["Abadie", "The trade minister", "Mr. Abadie"]},
            {"h8a": ["Hedda Strand"], "h8b": ["Ms Strand"], "h8c": ["Strand"]},
            {"h8a": ["Saint-Ilan"], "h8b": ["St Ilan"], "h8c": ["Saint Ilan"]},
            {"h8a": ["Tavria"], "h8b": ["Tavria"]},
            {"h8a": ["Ostmark Republic", "Ostmark"], "h8b": ["Ostmark"]},
        ],
    },
]


def _occurrences(text: str, surface: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", text)]


def heldout_mentions(story: Story) -> list[tuple[str, int, int, str, str]]:
    """The simulated NER mentions of one held-out story as (source, start, end, text, label)."""
    texts = story["texts"]
    out: list[tuple[str, int, int, str, str]] = []
    for source, surface, label in sorted(story["ner"], key=lambda n: -len(n[1])):
        taken = [(s, e) for src, s, e, _, _ in out if src == source]
        for s, e in _occurrences(texts[source], surface):
            if not any(s < e2 and s2 < e for s2, e2 in taken):
                out.append((source, s, e, surface, label))
    return out


def gold_spans(story: Story) -> dict[tuple[str, int, int], int]:
    """Gold span -> entity index; longer forms claim their characters first."""
    texts = story["texts"]
    forms = [(src, form, k) for k, ent in enumerate(story["gold"]) for src, fs in ent.items() for form in fs]
    gold: dict[tuple[str, int, int], int] = {}
    for src, form, k in sorted(forms, key=lambda f: -len(f[1])):
        for s, e in _occurrences(texts[src], form):
            if not any(g[0] == src and s < g[2] and g[1] < e for g in gold):
                gold[(src, s, e)] = k
    return gold


def pairwise(pred: Sequence[Sequence[tuple[str, int, int]]], gold: Mapping[tuple[str, int, int], int]
             ) -> tuple[int, int, int]:
    """(true merged pairs, predicted merged pairs, gold merged pairs) over mention spans."""
    pred_pairs = {tuple(sorted(p)) for cluster in pred for p in combinations(cluster, 2)}
    gold_pairs = {tuple(sorted(p)) for p in combinations(gold, 2) if gold[p[0]] == gold[p[1]]}
    return len(pred_pairs & gold_pairs), len(pred_pairs), len(gold_pairs)


# ---------------------------------------------------------------------------------------------------------
# Dev cases (used to tune the linker).
# ---------------------------------------------------------------------------------------------------------
def ner(texts: Mapping[str, str], spec: Sequence[tuple[str, str, str]]) -> list[Mention]:
    """Simulated tagger output: every whole-word occurrence of each (source, surface, label)."""
    story: Story = {"texts": dict(texts), "ner": list(spec), "gold": []}
    return [Mention(*m) for m in heldout_mentions(story)]


def entity_of(entities: Sequence[Entity], form: str) -> Entity:
    hits = [e for e in entities if e.name == form or form in e.aliases]
    assert len(hits) == 1, f"{form!r} is in {len(hits)} entities: {[e.name for e in hits]}"
    return hits[0]


def test_transliteration_variants_merge() -> None:
    texts = {
        "a": "Shelling hit Dar Hamiz and the market of al-Qasr on Sunday.",
        "b": "Residents of Dar-Hamees fled towards El Qasr, where Ma'arat Souq was shut.",
        "c": "In Darhamiz the clinic closed. Maarat Suq reopened later.",
        "d": "Aid convoys reached Dar Hameez and Dār Ḥamīz by nightfall; Qasr stayed cut off.",
        "e": "Dar Hamiz was calm.",
    }
    spec = [("a", "Dar Hamiz", "LOC"), ("a", "al-Qasr", "LOC"), ("b", "Dar-Hamees", "LOC"), ("b", "El Qasr", "LOC"),
            ("b", "Ma'arat Souq", "LOC"), ("c", "Darhamiz", "LOC"), ("c", "Maarat Suq", "LOC"),
            ("d", "Dar Hameez", "LOC"), ("d", "Dār Ḥamīz", "LOC"), ("d", "Qasr", "LOC"), ("e", "Dar Hamiz", "LOC")]
    entities = link_entities(texts, ner(texts, spec))
    dar = entity_of(entities, "Dar Hamiz")
    assert dar.name == "Dar Hamiz" and dar.type == "PLACE"
    assert dar.aliases == sorted(["Dar-Hamees", "Darhamiz", "Dar Hameez", "Dār Ḥamīz"])
    assert dar.sources == ["a", "b", "c", "d", "e"]
    assert set(entity_of(entities, "al-Qasr").aliases) | {entity_of(entities, "al-Qasr").name} == {
        "al-Qasr", "El Qasr", "Qasr"}
    assert entity_of(entities, "Maarat Suq") is entity_of(entities, "Ma'arat Souq")
    assert len(entities) == 3


# Fictional name pairs for the matching keys: spelling variants of one name, and different names.
SAME_NAME = [("Dar Hamiz", "Dar-Hamees"), ("Dar Hamiz", "Darhamiz"), ("Dar Hamiz", "Dar Hameez"),
             ("al-Qasr", "El Qasr"), ("Zeytoun", "Zaitun"), ("Ras el-Teyn", "Ras al Tein"),
             ("Khirbet Sulim", "Kherbet Soulim"), ("Beit Ommar", "Beit Umar"), ("Nahr Jabbour", "Nahr Jabur"),
             ("Qalat Zor", "Kalaat Zour"), ("Ma'arat", "Maarat"), ("Dār Ḥamīz", "Dar Hamiz"),
             ("Tell Marouf", "Tel Maruf"), ("Sousan", "Susan"), ("Vardaman", "Wardaman"), ("Yusuf", "Youssef"),
             ("Kassem", "Qasim"), ("Haddar", "Hadar"), ("Saraqeb", "Saraqib"), ("Bir Salem", "Bir Salim"),
             ("Tamrah", "Tamra"), ("Umm Sheif", "Um Shaif"), ("Kharvesh", "Charvesh")]
DIFFERENT_NAMES = [("Orvel", "Mereth"), ("Adiv", "Arkan"), ("Kalat", "Kalam"), ("Marrak", "Marrat"),
                   ("Bir Salem", "Bir Samer"), ("Sidi Tamrun", "Sidi Tamrat"), ("Haddar", "Haddad"),
                   ("Omar", "Amir"), ("Kessar", "Kessarine"), ("Dar Hamiz", "Dar Hamid"), ("Salem", "Salma"),
                   ("Halina", "Helena"), ("Tamar", "Timor"), ("Nahr Jabbour", "Nahr Jabal"), ("Orla", "Orly"),
                   ("Dask", "Dusk"), ("Soren", "Saran"), ("Beit Lahia", "Beit Lahya Jadida"),
                   ("Kafr Nabi", "Kafr Nabo"), ("Milan", "Malin"), ("Torsk", "Torsko"), ("Ramla", "Ramlah Sur")]


def test_name_key_pairs() -> None:
    # Trade-off (see VOWEL_VARIANT_RATIO): at 80 every variant pair merges and one pair of different names,
    # "Halina" / "Helena" (same consonants, one vowel apart), merges too; 85 would keep it apart but lose
    # "Yusuf" / "Youssef".
    def match(a: str, b: str) -> bool:
        return keys_match(name_keys(a), name_keys(b))
    assert [pair for pair in SAME_NAME if not match(*pair)] == []
    assert sum(match(*pair) for pair in DIFFERENT_NAMES) <= 1


def test_similar_but_different_names_stay_apart() -> None:
    # One differing consonant keeps names apart, even where it is a real transliteration variant (a gap
    # the linker accepts rather than merging "Kalat" with "Kalam"); vowel variants merge (test above).
    texts = {
        "a": "Tomas Orvel met Anja Mereth in Kalat. Mr. Adiv and Mr. Arkan waited in Sidi Tamrun.",
        "b": "Orvel and Mereth left Kalam for Sidi Tamrat. Adiv stayed; Arkan did not.",
    }
    spec = [("a", "Tomas Orvel", "PER"), ("a", "Anja Mereth", "PER"), ("a", "Kalat", "LOC"),
            ("a", "Sidi Tamrun", "LOC"), ("b", "Orvel", "PER"), ("b", "Mereth", "PER"), ("b", "Kalam", "LOC"),
            ("b", "Sidi Tamrat", "LOC"), ("b", "Adiv", "PER"), ("b", "Arkan", "PER")]
    entities = link_entities(texts, ner(texts, spec))
    names = {e.name: e for e in entities}
    assert names["Tomas Orvel"].sources == ["a", "b"] and names["Anja Mereth"].sources == ["a", "b"]
    for one, other in [("Kalat", "Kalam"), ("Sidi Tamrun", "Sidi Tamrat"), ("Tomas Orvel", "Anja Mereth")]:
        assert entity_of(entities, one) is not entity_of(entities, other)
    assert entity_of(entities, "Mr. Adiv") is entity_of(entities, "Adiv")
    assert entity_of(entities, "Mr. Arkan") is entity_of(entities, "Arkan")
    assert entity_of(entities, "Adiv") is not entity_of(entities, "Arkan")


def test_acronym_definitions_and_bare_acronyms() -> None:
    texts = {
        "a": "The Sulin Valley Liberation Front (SVLF) claimed the attack on Orsk.",
        "b": "Fighters of the Sulin Valley Liberation Front, known by its initials, SVLF, held the pass.",
        "c": "An SVLF commander denied it. The Orsk Water Board (OWB) cut supplies; the OWB blamed the SVLF.",
    }
    spec = [("a", "Sulin Valley Liberation Front", "ORG"), ("a", "Orsk", "LOC"),
            ("b", "Sulin Valley Liberation Front", "ORG"), ("c", "Orsk Water Board", "ORG")]
    entities = link_entities(texts, ner(texts, spec))
    front = entity_of(entities, "SVLF")
    assert (front.name, front.type, front.aliases) == ("Sulin Valley Liberation Front", "GROUP", ["SVLF"])
    assert front.sources == ["a", "b", "c"] and len(front.mentions) == 6
    assert all(m.label == "" for m in front.mentions if m.text == "SVLF")
    board = entity_of(entities, "OWB")
    assert (board.name, board.type, len(board.mentions)) == ("Orsk Water Board", "ORG", 3)


def test_nicknames_given_by_the_reports() -> None:
    texts = {
        "a": "The Sulin Valley Liberation Front, which many here call the Ash Brigade, shelled Orsk.",
        "b": "Gunmen from the so-called Ash Brigade were seen near Orsk on Monday.",
        "c": "Tarek Olun, also known as Abu Sami, leads the Ash Brigade. Abu Sami was not seen.",
        "d": "The Kessan militia, dubbed the Grey Lanterns, stayed out of the fight.",
        "e": "The Orsk Traders Union shut its shops. The group, which shopkeepers call the Ledger, wants calm.",
    }
    spec = [("a", "Sulin Valley Liberation Front", "ORG"), ("a", "Orsk", "LOC"), ("b", "Orsk", "LOC"),
            ("c", "Tarek Olun", "PER"), ("d", "Kessan", "MISC"), ("e", "Orsk Traders Union", "ORG")]
    entities = link_entities(texts, ner(texts, spec))
    front = entity_of(entities, "Ash Brigade")
    assert front.name == "Sulin Valley Liberation Front" and front.type == "GROUP"
    assert front.sources == ["a", "b", "c"]
    olun = entity_of(entities, "Abu Sami")
    assert olun.name == "Tarek Olun" and olun.type == "PERSON" and len(olun.mentions) == 3
    lanterns = entity_of(entities, "Grey Lanterns")
    assert lanterns.type == "GROUP" and lanterns is not entity_of(entities, "Kessan")
    union = entity_of(entities, "Ledger")
    assert (union.name, union.type, union.aliases) == ("Orsk Traders Union", "ORG", ["Ledger"])


def test_short_forms_of_organisation_names() -> None:
    texts = {
        "a": "The Iron Reed Coalition marched through Kell Valley. The Kell Valley Front stayed away.",
        "b": "Leaders of the Iron Reed said Kell Valley was calm.",
    }
    spec = [("a", "Iron Reed Coalition", "ORG"), ("a", "Kell Valley", "LOC"), ("a", "Kell Valley Front", "ORG"),
            ("b", "Iron Reed", "ORG"), ("b", "Kell Valley", "LOC")]
    entities = link_entities(texts, ner(texts, spec))
    reed = entity_of(entities, "Iron Reed")
    assert (reed.name, reed.aliases, reed.sources) == ("Iron Reed Coalition", ["Iron Reed"], ["a", "b"])
    assert entity_of(entities, "Kell Valley").type == "PLACE"
    assert entity_of(entities, "Kell Valley Front").type == "GROUP"
    assert entity_of(entities, "Kell Valley") is not entity_of(entities, "Kell Valley Front")


def test_person_titles_honorifics_and_surnames() -> None:
    texts = {
        "a": "Interior Minister Halina Vardaman visited Orsk. Ms Vardaman said the curfew would stay. "
             "Vardaman later met Gen. Piet Rostam, the regional police commander.",
        "b": "The interior minister defended the curfew. Ms. Vardaman spoke for ten minutes. "
             "The regional police commander declined to comment.",
        "c": "Rostam said his officers were ready. Mr. Adiv, a shopkeeper, disagreed. Piet said nothing. "
             "Harbour police chief Tomas Veld agreed. The harbour police chief gave no figures.",
    }
    spec = [("a", "Halina Vardaman", "PER"), ("a", "Orsk", "LOC"), ("a", "Vardaman", "PER"),
            ("a", "Piet Rostam", "PER"), ("c", "Rostam", "PER"), ("c", "Piet", "PER"), ("c", "Tomas Veld", "PER")]
    entities = link_entities(texts, ner(texts, spec))
    minister = entity_of(entities, "Halina Vardaman")
    assert minister.type == "PERSON" and minister.sources == ["a", "b"]
    assert minister.aliases == sorted(["Interior Minister Halina Vardaman", "Ms Vardaman", "Vardaman",
                                       "the interior minister", "Ms. Vardaman"])
    general = entity_of(entities, "Piet Rostam")
    # a lone first name joins the one person of the story with that given name
    assert general.aliases == ["Gen. Piet Rostam", "Piet", "Rostam", "the regional police commander"]
    veld = entity_of(entities, "Tomas Veld")
    assert veld.aliases == ["Harbour police chief Tomas Veld", "the harbour police chief"] and len(veld.mentions) == 2
    assert general.sources == ["a", "b", "c"]
    adiv = entity_of(entities, "Mr. Adiv")
    assert adiv.type == "PERSON" and adiv.name == "Adiv" and adiv.mentions[0].label == ""


def test_tagger_span_shapes_and_title_ambiguity() -> None:
    # The tagger may include the title or honorific in its span; titles held by two people link to neither.
    texts = {
        "a": "Interior Minister Halina Vardaman and Finance Minister Oren Dask met Deputy Minister Ilse Dask. "
             "The minister said talks went well.",
        "b": "The finance minister left early. Ms. Vardaman stayed. H. Vardaman is expected in Orsk.",
        "c": "Yusuf al-Haddad met Omar Kassem. Youssef el-Hadad later met Amir Kassem and Omar Qasim.",
    }
    spec = [("a", "Interior Minister Halina Vardaman", "PER"), ("a", "Oren Dask", "PER"), ("a", "Ilse Dask", "PER"),
            ("b", "Ms. Vardaman", "PER"), ("b", "H. Vardaman", "PER"), ("b", "Orsk", "LOC"),
            ("c", "Yusuf al-Haddad", "PER"), ("c", "Omar Kassem", "PER"), ("c", "Youssef el-Hadad", "PER"),
            ("c", "Amir Kassem", "PER"), ("c", "Omar Qasim", "PER")]
    entities = link_entities(texts, ner(texts, spec))
    minister = entity_of(entities, "Halina Vardaman")
    # "Vardaman": the bare personal name of "Ms. Vardaman" is listed as a form too.
    assert minister.aliases == ["H. Vardaman", "Interior Minister Halina Vardaman", "Ms. Vardaman", "Vardaman"]
    assert entity_of(entities, "the finance minister").name == "Oren Dask"
    assert entity_of(entities, "Ilse Dask") is not entity_of(entities, "Oren Dask")
    assert all("The minister" not in e.aliases for e in entities)  # "minister" heads two people's titles
    assert entity_of(entities, "Youssef el-Hadad").name in ("Yusuf al-Haddad", "Youssef el-Hadad")
    assert entity_of(entities, "Omar Qasim") is entity_of(entities, "Omar Kassem")
    assert entity_of(entities, "Amir Kassem") is not entity_of(entities, "Omar Kassem")


def test_honorific_gender_separates_people_sharing_a_surname() -> None:
    texts = {
        "a": "Halina Vardaman said she would stay in Orsk. Her brother, Emil Vardaman, said he would leave. "
             "Ms Vardaman called him stubborn. Emil laughed.",
        "b": "Mr Vardaman packed his car. Ms Vardaman did not.",
    }
    spec = [("a", "Halina Vardaman", "PER"), ("a", "Emil Vardaman", "PER"), ("a", "Orsk", "LOC"), ("a", "Emil", "PER")]
    entities = link_entities(texts, ner(texts, spec))
    halina, emil = entity_of(entities, "Halina Vardaman"), entity_of(entities, "Emil Vardaman")
    assert sorted(m.text for m in halina.mentions) == ["Halina Vardaman", "Ms Vardaman", "Ms Vardaman"]
    assert sorted(m.text for m in emil.mentions) == ["Emil", "Emil Vardaman", "Mr Vardaman"]


def test_dateline_and_titled_surname() -> None:
    texts = {
        "a": "ORSK (Meridian Wire) - Interior Minister Halina Vardaman toured Orsk on Friday.",
        "b": "ORSK (MW) - Interior Minister Vardaman said the curfew would end.",
    }
    spec = [("a", "ORSK", "LOC"), ("a", "Meridian Wire", "ORG"), ("a", "Halina Vardaman", "PER"), ("a", "Orsk", "LOC"),
            ("b", "ORSK", "LOC")]
    entities = link_entities(texts, ner(texts, spec))
    orsk = entity_of(entities, "ORSK")
    assert (orsk.name, orsk.aliases, orsk.sources) == ("Orsk", ["ORSK"], ["a", "b"])
    assert entity_of(entities, "Interior Minister Vardaman").name == "Halina Vardaman"
    assert entity_of(entities, "MW").name == "Meridian Wire"  # by its initials, not as the place's acronym


def test_rank_separates_namesakes_and_place_short_forms() -> None:
    texts = {
        "a": "Maj. Ilka Dorn led the convoy to Saint-Var. Dr. Teo Dorn, her cousin, treated the wounded.",
        "b": "In St Var, Dr Dorn said supplies were short. Major Dorn disagreed. The Kessan Republic sent aid.",
        "c": "Kessan and the Orsk Council pledged money; Orsk itself did not.",
    }
    spec = [("a", "Ilka Dorn", "PER"), ("a", "Teo Dorn", "PER"), ("a", "Saint-Var", "LOC"), ("b", "St Var", "LOC"),
            ("b", "Kessan Republic", "LOC"), ("c", "Kessan", "LOC"), ("c", "Orsk Council", "ORG"), ("c", "Orsk", "LOC")]
    entities = link_entities(texts, ner(texts, spec))
    assert entity_of(entities, "Dr Dorn").name == "Teo Dorn"
    assert entity_of(entities, "Major Dorn").name == "Ilka Dorn"
    assert entity_of(entities, "St Var") is entity_of(entities, "Saint-Var")
    assert entity_of(entities, "Kessan") is entity_of(entities, "Kessan Republic")
    assert entity_of(entities, "Orsk") is not entity_of(entities, "Orsk Council")


def test_type_mapping() -> None:
    texts = {"a": "Noor Tal of the Kessan Water Authority met the Red Hand Militia and Halvic envoys in Orsk."}
    spec = [("a", "Noor Tal", "PER"), ("a", "Kessan Water Authority", "ORG"), ("a", "Red Hand Militia", "ORG"),
            ("a", "Halvic", "MISC"), ("a", "Orsk", "LOC")]
    types = {e.name: e.type for e in link_entities(texts, ner(texts, spec))}
    assert types == {"Noor Tal": "PERSON", "Kessan Water Authority": "ORG", "Red Hand Militia": "GROUP",
                     "Halvic": "OTHER", "Orsk": "PLACE"}


def test_output_does_not_depend_on_input_order() -> None:
    story = HELDOUT[1]
    texts = dict(story["texts"])
    mentions = [Mention(*m) for m in heldout_mentions(story)]
    first = link_entities(texts, mentions)
    shuffled = random.Random(7).sample(mentions, len(mentions))
    again = link_entities(dict(reversed(list(texts.items()))), shuffled + shuffled[:3])
    assert first == again
    counts = [(-len(e.sources), -len(e.mentions), e.name) for e in first]
    assert counts == sorted(counts)


def test_mismatched_span_is_rejected() -> None:
    with pytest.raises(ValueError, match="does not match"):
        link_entities({"a": "Orsk is quiet."}, [Mention("a", 0, 3, "Orsk", "LOC")])
    with pytest.raises(ValueError, match="not in texts"):
        link_entities({"a": "Orsk is quiet."}, [Mention("b", 0, 4, "Orsk", "LOC")])


_WORDS = ["Orsk", "Dar", "Hamiz", "Ms", "Mr.", "Vardaman", "Halina", "the", "interior", "minister", "SVLF",
          "(SVLF)", "Front", "Liberation", "so-called", "Ash", "Brigade", "said", ",", "which", "call",
          "Gen.", "Interior", "Minister", "also", "known", "as", "el-Qasr"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=30), min_size=1, max_size=3),
       st.lists(st.tuples(st.integers(0, 2), st.integers(0, 29), st.integers(1, 3),
                          st.sampled_from(["PER", "ORG", "LOC", "MISC"])), max_size=12))
def test_every_mention_span_reads_back_from_its_text(docs: list[list[str]],
                                                      picks: list[tuple[int, int, int, str]]) -> None:
    texts = {f"s{k}": " ".join(words) for k, words in enumerate(docs)}
    mentions = []
    for doc, first, length, label in picks:
        words = docs[doc % len(docs)]
        first %= len(words)
        start = len(" ".join(words[:first])) + (1 if first else 0)
        end = start + len(" ".join(words[first:first + length]))
        source = f"s{doc % len(docs)}"
        mentions.append(Mention(source, start, end, texts[source][start:end], label))
    entities = link_entities(texts, mentions)
    seen = [m for e in entities for m in e.mentions]
    assert len(seen) == len(set(seen))
    for m in seen:
        assert 0 <= m.start < m.end <= len(texts[m.source]) and texts[m.source][m.start:m.end] == m.text
    for e in entities:
        assert e.name not in e.aliases and e.aliases == sorted(set(e.aliases))
        assert e.sources == sorted({m.source for m in e.mentions})
    # No input mention that names something is dropped: each overlaps an output mention (it may have been
    # trimmed, joined to its neighbour or widened); only honorifics, "the", punctuation, words without a
    # capital letter ("interior") and mentions whose capitalised words are also written in lower case
    # ("Interior", "Interior the") may go.
    lower = {w for text in texts.values() for w in text.split() if w.islower()}
    for m in mentions:
        capitalised = [w for w in m.text.split() if any(c.isupper() for c in w)]
        if not capitalised or all(w.lower() in lower for w in capitalised):
            continue  # its only capitalised words are also written in lower case: "Interior the"
        if any(w.rstrip(".").lower() not in HONORIFICS and w.lower() != "the" and any(c.isalpha() for c in w)
               for w in m.text.split()):
            assert any(o.source == m.source and o.start < m.end and m.start < o.end for o in seen), m


def heldout_scores(stories: Sequence[Story] = HELDOUT) -> tuple[float, float, int]:
    """Pairwise merge precision and recall over all held-out stories, and the number of false merges
    (merged pairs of two gold mentions of different entities)."""
    tp = predicted = gold_total = false_merges = 0
    for story in stories:
        entities = link_entities(story["texts"], [Mention(*m) for m in heldout_mentions(story)])
        pred = [[(m.source, m.start, m.end) for m in e.mentions] for e in entities]
        gold = gold_spans(story)
        t, p, g = pairwise(pred, gold)
        tp, predicted, gold_total = tp + t, predicted + p, gold_total + g
        false_merges += sum(1 for cluster in pred for a, b in combinations(cluster, 2)
                            if a in gold and b in gold and gold[a] != gold[b])
    return tp / predicted, tp / gold_total, false_merges


# Pairwise merge scores (over mention spans, so span-boundary errors count too) and floors. Each set was
# written before it was first scored; the first figure is that first score.
#   HELDOUT   first P=0.967 R=0.725 (0 false-merge pairs); after tuning on the dev cases P=0.974 R=0.938;
#             now 1.000/1.000 (one fix, mixed-case titles "Commission chair X", was prompted by its error).
#   HELDOUT_2 first P=0.917 R=0.917 (3 false-merge pairs, "Velsk"/"Velsko"); now 1.000/1.000 (prompted
#             fixes: syllable count in fuzzy matching, organisation short forms, "chief executive").
#   HELDOUT_3 first P=0.800 R=0.622 (7 false-merge pairs); now P=0.878 R=0.800 (prompted fixes: ranks,
#             "St"/"Saint", "Ostmark Republic"/"Ostmark"). Left: "Mirna"/"Marna" merge (one vowel apart),
#             "Lind's" read as the most recent Lind, "the army chief of staff" not a known title head.
# Tagger-shape fixes (span cleaning, label vote, "the <noun>" descriptions): HELDOUT and HELDOUT_3 unchanged;
# HELDOUT_2 fell to P=0.896 only by two correct links the gold had not annotated ("the union", "the bloc"),
# which were then added to it (the previous linker scores R=0.896 on the corrected gold, this one 1.000/1.000).
@pytest.mark.parametrize(("stories", "min_precision", "min_recall"),
                         [(HELDOUT, 0.95, 0.95), (HELDOUT_2, 0.95, 0.95), (HELDOUT_3, 0.85, 0.70)])
def test_heldout_merge_scores(stories: list[Story], min_precision: float, min_recall: float) -> None:
    precision, recall, _ = heldout_scores(stories)
    assert precision >= min_precision and recall >= min_recall


# ---------------------------------------------------------------------------------------------------------
# Regression tests for the shapes of real tagger output (issue: entity gold on the example stories with the
# trained NER tagger). Mentions are given as explicit (source, start, end) spans, as the tagger returns them.
# ---------------------------------------------------------------------------------------------------------
def spans(texts: Mapping[str, str], spec: Sequence[tuple[str, str, str, int]]) -> list[Mention]:
    """Mentions from (source, exact surface, label, occurrence index) -- the surface may carry junk."""
    out = []
    for source, surface, label, nth in spec:
        start = -1
        for _ in range(nth + 1):
            start = texts[source].index(surface, start + 1)
        out.append(Mention(source, start, start + len(surface), surface, label))
    return out


def test_tagger_junk_spans_are_cleaned() -> None:
    # "Dr" alone and ". Voss" (the tagger split "Dr." at its period); "Ms" alone; a trailing "of"; a lone "The".
    texts = {"a": "“We had no beds,” Dr. Voss said. His colleague, Ms. Orla Brenner, agreed. The Coastal Union of "
                  "Pellin rejected it, organisers told The Harrow."}
    mentions = spans(texts, [("a", "Dr", "PER", 0), ("a", ". Voss", "PER", 0), ("a", "Ms", "PER", 0),
                             ("a", ". Orla Brenner", "PER", 0), ("a", "Coastal Union of", "ORG", 0),
                             ("a", "The", "ORG", 1), ("a", "Harrow", "ORG", 0)])
    entities = link_entities(texts, mentions)
    forms = {e.name: e for e in entities}
    assert set(forms) == {"Voss", "Orla Brenner", "Coastal Union", "Harrow"}
    assert forms["Voss"].aliases == ["Dr. Voss"] and forms["Voss"].type == "PERSON"
    assert forms["Orla Brenner"].aliases == ["Ms. Orla Brenner"]
    assert [m.text for m in forms["Harrow"].mentions] == ["The Harrow"]


def test_split_names_are_joined_and_places_take_their_feature_noun() -> None:
    texts = {"a": "Victims were taken to Belgar General Hospital. The opposition Front for Coastal Unity marched "
                  "along the Merrow ridge road? No: along the Merrow ridge. The Tessel River dam held.",
             "b": "Shelling near Merrow ridge stopped. Belgar itself was calm."}
    mentions = spans(texts, [("a", "Belgar", "PER", 0), ("a", "General Hospital", "LOC", 0),
                             ("a", "Front for", "ORG", 0), ("a", "Coastal Unity", "MISC", 0),
                             ("a", "Merrow", "LOC", 1), ("a", "Tessel River", "LOC", 0), ("b", "Merrow", "LOC", 0),
                             ("b", "Belgar", "LOC", 0)])
    entities = link_entities(texts, mentions)
    assert entity_of(entities, "Belgar General Hospital").mentions[0].text == "Belgar General Hospital"
    assert entity_of(entities, "Front for Coastal Unity").type == "GROUP"
    ridge = entity_of(entities, "Merrow ridge")
    assert ridge.sources == ["a", "b"] and ridge.type == "PLACE"
    assert entity_of(entities, "Tessel River").mentions[0].text == "Tessel River"  # not "Tessel River dam"
    assert entity_of(entities, "Belgar") is not entity_of(entities, "Belgar General Hospital")


def test_place_tagged_as_person_in_one_report_follows_the_story_vote() -> None:
    texts = {"a": "Shops in Qarnoush reopened.", "b": "Qarnush was quiet.", "c": "In Qarnoush, Mr Qarnoush waited.",
             "d": "Stallholders in Karnoush returned. Qarnoush will recover, the mayor said.",
             "e": "Qarnoush mourned its dead."}
    mentions = spans(texts, [("a", "Qarnoush", "LOC", 0), ("b", "Qarnush", "LOC", 0), ("c", "Qarnoush", "LOC", 0),
                             ("c", "Mr Qarnoush", "PER", 0), ("d", "Karnoush", "PER", 0),
                             ("d", "Qarnoush", "PER", 0), ("e", "Qarnoush", "LOC", 0)])
    entities = link_entities(texts, mentions)  # 2 person tags of 6: at most a third, so the place vote wins
    town = entity_of(entities, "Karnoush")
    assert town.type == "PLACE" and town.sources == ["a", "b", "c", "d", "e"]
    assert entity_of(entities, "Mr Qarnoush").type == "PERSON"  # an honorific keeps a person a person


def test_person_forms_and_acronym_titles() -> None:
    texts = {"a": "NLA commander Teodor Brenn spoke first. Party leader Dr. Ines Varga replied. Mr. Quell, "
                  "a farmer, said nothing.",
             "b": "Teodor Brenn left. Ines Varga stayed. Ansel Quell went home."}
    mentions = spans(texts, [("a", "NLA", "ORG", 0), ("a", "Teodor Brenn", "PER", 0), ("a", ".", "PER", 1),
                             ("a", "Ines Varga", "PER", 0), ("a", "Quell", "PER", 0), ("b", "Teodor Brenn", "PER", 0),
                             ("b", "Ines Varga", "PER", 0), ("b", "Ansel Quell", "PER", 0)])
    entities = link_entities(texts, mentions)
    assert "NLA commander Teodor Brenn" in entity_of(entities, "Teodor Brenn").aliases
    assert {"Party leader Dr. Ines Varga", "Dr. Ines Varga"} <= set(entity_of(entities, "Ines Varga").aliases)
    assert {"Mr. Quell", "Quell"} <= set(entity_of(entities, "Ansel Quell").aliases)  # the bare surname too
    assert entity_of(entities, "NLA").type == "ORG"


def test_nicknames_in_appositions_and_relative_clauses() -> None:
    texts = {
        "a": "Shells were fired by the Coastal Defence League, the so-called Grey Gulls.",
        "b": "The Party of Renewal, whose supporters are known as the Red Caps, marched. The Tessin Watch, a "
             "monitor, counted them. The banners have given the party its nickname, the Lantern Bearers.",
        "c": "The CDL, whose fighters call themselves the Storm Petrels, denied it. Grey Gulls units withdrew.",
    }
    spec = [("a", "Coastal Defence League", "ORG"), ("b", "Party of Renewal", "ORG"), ("b", "Tessin Watch", "ORG"),
            ("c", "CDL", "ORG")]
    entities = link_entities(texts, ner(texts, spec))
    league = entity_of(entities, "Coastal Defence League")
    assert {"Grey Gulls", "CDL", "Storm Petrels"} <= set(league.aliases) and league.sources == ["a", "c"]
    party = entity_of(entities, "Party of Renewal")
    assert {"Red Caps", "Lantern Bearers"} <= set(party.aliases)  # "the party": the org named "Party ..."
    assert entity_of(entities, "Tessin Watch").aliases == []


def test_definite_descriptions_link_to_the_one_entity_with_that_head_noun() -> None:
    texts = {
        "a": "The Water Ministry said the Orlen Valley was flooded. The ministry sent boats up the valley.",
        "b": "Aid reached the valley late. The ministry's figures differ. The Kessel Square rally and the "
             "Dunmarrow Square vigil went ahead; the square was full.",
        "c": "The army shelled the hills, the Highland Army said. Crowds waved flags. The flags became the "
             "symbol of the Flags of Dawn. Traders blamed the bridge; Tilsen Bridge was shut. The Water Ministry "
             "agreed.",
        "d": "Ruled by the bridge, they said.",
    }
    spec = [("a", "Water Ministry", "ORG"), ("a", "Orlen Valley", "LOC"), ("b", "Kessel Square", "LOC"),
            ("b", "Dunmarrow Square", "LOC"), ("c", "Highland Army", "ORG"), ("c", "Flags of Dawn", "ORG"),
            ("c", "Tilsen Bridge", "LOC"), ("c", "Water Ministry", "ORG")]
    entities = link_entities(texts, ner(texts, spec))
    ministry = entity_of(entities, "Water Ministry")
    # b never names the ministry but two reports do, so b's "the ministry" links too
    assert ministry.aliases == ["the ministry"] and len(ministry.mentions) == 4
    assert ministry.sources == ["a", "b", "c"]
    assert "the valley" in entity_of(entities, "Orlen Valley").aliases
    assert entity_of(entities, "Kessel Square").aliases == []  # two squares: "the square" is neither
    assert entity_of(entities, "Highland Army").aliases == []  # "the army": a generic noun, not linked
    assert entity_of(entities, "Flags of Dawn").aliases == []  # "The flags" comes before the name
    assert entity_of(entities, "Tilsen Bridge").aliases == []  # before the name; one report names it


def test_a_name_the_text_calls_a_place_is_a_place() -> None:
    texts = {
        "a": "Flags in the capital, Mereth, were lowered. Mereth mourned. Talks moved to the town of Kessel.",
        "b": "Mereth said nothing. The regional capital, Orvel, stayed calm.",
    }
    # The tagger, which cannot know these invented names, reads them as people.
    spec = [("a", "Mereth", "PER"), ("a", "Kessel", "PER"), ("b", "Mereth", "PER"), ("b", "Orvel", "PER")]
    entities = link_entities(texts, ner(texts, spec))
    assert [entity_of(entities, n).type for n in ("Mereth", "Kessel", "Orvel")] == ["PLACE", "PLACE", "PLACE"]
    # Without the apposition the tagger's label stands.
    texts = {"a": "Mereth said nothing. Later Mereth left."}
    entities = link_entities(texts, ner(texts, [("a", "Mereth", "PER")]))
    assert entity_of(entities, "Mereth").type == "PERSON"


def test_a_name_after_the_on_a_line_of_its_own_is_not_a_heading() -> None:
    """Found by the property test above: "the Orsk" alone on a line was taken for a title-case heading."""
    entities = link_entities({"s0": "the Orsk"}, [Mention("s0", 0, 8, "the Orsk", "ORG")])
    assert [e.name for e in entities] == ["Orsk"]
