"""Entity rules for kinds of error real pages show: titles widened over a clause, a word that is one person's
surname and another's given name, a firm's partners' names typed as a person, short forms of long names,
datelines' agency credits, glued time phrases and quantifiers, lower-case spelt-out acronyms, "X police" and
area words left out of a body's name. Fictional text."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import spacy
from spacy.tokens import Doc

from corroborate.analyze.entities import Entity, Mention, link_entities
from corroborate.analyze.entities.junk import doc_syntax


def tag(texts: Mapping[str, str], spec: Sequence[tuple[str, str, str]]) -> list[Mention]:
    """Every whole-word occurrence of each (source, surface, label) is a tagger mention (longest first)."""
    out: list[Mention] = []
    for source, surface, label in sorted(spec, key=lambda s: -len(s[1])):
        for m in re.finditer(r"(?<![\w-])" + re.escape(surface) + r"(?![\w])", texts[source]):
            if not any(o.source == source and o.start < m.end() and m.start() < o.end for o in out):
                out.append(Mention(source, m.start(), m.end(), m.group(), label))
    return sorted(out, key=lambda m: (m.source, m.start))


def forms(entity: Entity) -> set[str]:
    return {entity.name, *entity.aliases}


def owner(entities: Sequence[Entity], form: str) -> Entity:
    hits = [e for e in entities if form in forms(e)]
    assert len(hits) == 1, f"{form!r} is in {len(hits)} entities"
    return hits[0]


def names(entities: Sequence[Entity]) -> set[str]:
    return {f for e in entities for f in forms(e)}


def _parsed(text: str, pos: dict[str, str]) -> Doc:
    """A Doc of ``text`` split at spaces, each word tagged ``pos[word]`` (else PROPN), all hanging off word 0."""
    words = text.split(" ")
    tags = [pos.get(w, "PROPN") for w in words]
    return Doc(spacy.blank("en").vocab, words=words, spaces=[True] * (len(words) - 1) + [False], pos=tags,
               deps=["ROOT"] + ["dep"] * (len(words) - 1), heads=[0] * len(words))


def test_title_widening_stops_at_a_word_the_parse_reads_as_a_verb() -> None:
    text = "Envoys would not recognize coup leader Col. Arvid Seln today."
    doc = _parsed(text, {"Envoys": "NOUN", "would": "AUX", "not": "PART", "recognize": "VERB", "coup": "NOUN",
                         "leader": "NOUN", "today.": "NOUN"})
    texts = {"a": text}
    entities = link_entities(texts, tag(texts, [("a", "Arvid Seln", "PER")]), doc_syntax({"a": doc}))
    seln = owner(entities, "Arvid Seln")
    assert "coup leader Col. Arvid Seln" in seln.aliases
    assert not any("recognize" in f for f in forms(seln))


def test_a_word_that_is_one_persons_surname_and_anothers_given_name_stays_alone() -> None:
    texts = {"a": "Mara Lind met her son Tobin Orsa and Hal Tobin, the doctor. Tobin smiled.",
             "b": "Tobin said she was well. Hal Tobin and Tobin Orsa left."}
    spec = [("a", "Mara Lind", "PER"), ("a", "Tobin Orsa", "PER"), ("a", "Hal Tobin", "PER"), ("a", "Tobin", "PER"),
            ("b", "Tobin", "PER"), ("b", "Hal Tobin", "PER"), ("b", "Tobin Orsa", "PER")]
    entities = link_entities(texts, tag(texts, spec))
    assert "Tobin" not in owner(entities, "Hal Tobin").aliases
    assert "Tobin" not in owner(entities, "Tobin Orsa").aliases


def test_a_word_that_is_one_persons_surname_and_anothers_given_name_joins_the_one_named_before_it() -> None:
    texts = {"a": "Mara Lind and her son Tobin Orsa arrived. Tobin smiled.",
             "b": "Hal Tobin, the doctor, met Mara Lind. Tobin said she was well."}
    spec = [("a", "Mara Lind", "PER"), ("a", "Tobin Orsa", "PER"), ("a", "Tobin", "PER"),
            ("b", "Hal Tobin", "PER"), ("b", "Mara Lind", "PER"), ("b", "Tobin", "PER")]
    entities = link_entities(texts, tag(texts, spec))
    assert sorted(m.source for m in owner(entities, "Tobin Orsa").mentions) == ["a", "a"]
    assert sorted(m.source for m in owner(entities, "Hal Tobin").mentions) == ["b", "b"]
    texts = {"a": "Hal Tobin, the doctor, met Mara Lind.", "b": "Dr. Tobin said she was well."}
    entities = link_entities(texts, tag(texts, [("a", "Hal Tobin", "PER"), ("a", "Mara Lind", "PER")]))
    assert "Dr. Tobin" in owner(entities, "Hal Tobin").aliases  # no one's given name: the surname joins


def test_partners_names_of_a_firm_are_its_short_form_not_a_person() -> None:
    texts = {"a": "Investment firm Varga Telling Orm & Pike sued. Varga Telling said it would appeal.",
             "b": "She worked at Varga Telling for years. Lisa Varga, a painter, was not involved."}
    spec = [("a", "Varga Telling Orm & Pike", "ORG"), ("a", "Varga Telling", "PER"),
            ("b", "Varga Telling", "PER"), ("b", "Lisa Varga", "PER")]
    entities = link_entities(texts, tag(texts, spec))
    firm = owner(entities, "Varga Telling Orm & Pike")
    assert firm.type == "ORG" and "Varga Telling" in firm.aliases
    assert owner(entities, "Lisa Varga").type == "PERSON" and owner(entities, "Lisa Varga") is not firm
    # A person with a title stays a person though a foundation bears the name.
    texts = {"a": "Senator Oda Brask spoke. The Oda Brask Foundation paid."}
    entities = link_entities(texts, tag(texts, [("a", "Oda Brask", "PER"), ("a", "Oda Brask Foundation", "ORG")]))
    assert owner(entities, "Oda Brask").type == "PERSON"
    assert owner(entities, "Oda Brask") is not owner(entities, "Oda Brask Foundation")


def test_leading_words_of_a_long_name_are_its_short_form_but_a_place_is_not() -> None:
    texts = {"a": "The Third Circuit Court of Review ruled. The Third Circuit said so.",
             "b": "In Port Selm, the Port Selm Daily Ledger reported."}
    spec = [("a", "Third Circuit Court of Review", "ORG"), ("a", "Third Circuit", "ORG"),
            ("b", "Port Selm", "LOC"), ("b", "Port Selm Daily Ledger", "ORG")]
    entities = link_entities(texts, tag(texts, spec))
    assert "Third Circuit" in owner(entities, "Third Circuit Court of Review").aliases
    assert owner(entities, "Port Selm") is not owner(entities, "Port Selm Daily Ledger")


def test_dateline_credit_is_an_organisation() -> None:
    texts = {"a": "Orvel (KNT) The talks ended. Officials in Orvel said so."}
    entities = link_entities(texts, tag(texts, [("a", "Orvel", "LOC"), ("a", "KNT", "LOC")]))
    assert owner(entities, "KNT").type == "ORG" and owner(entities, "Orvel").type == "PLACE"


def test_time_phrase_and_quantifier_glued_before_a_name_are_cut_off() -> None:
    texts = {"a": "The 14th Century Varnholt mosque stands. Raids hit All Of North Tessaly.",
             "b": "Varnholt is quiet. North Tessaly is calm."}
    spec = [("a", "14th Century Varnholt", "ORG"), ("a", "All Of North Tessaly", "LOC"),
            ("b", "Varnholt", "LOC"), ("b", "North Tessaly", "LOC")]
    entities = link_entities(texts, tag(texts, spec))
    assert not any("Century" in f or "All Of" in f for f in names(entities))
    assert owner(entities, "Varnholt").sources == ["a", "b"]


def test_lower_case_spelt_out_acronym_names_the_thing() -> None:
    texts = {"a": "Doctors tracked grey lung fever (GLF) in the valley. GLF spread.", "b": "GLF cases rose."}
    entities = link_entities(texts, tag(texts, [("a", "GLF", "ORG"), ("b", "GLF", "ORG")]))
    fever = owner(entities, "GLF")
    assert fever.name == "grey lung fever" and fever.type == "OTHER" and fever.sources == ["a", "b"]
    texts = {"a": "Doctors tracked the new cases (GLF) in the valley."}  # initials do not fit: nothing added
    entities = link_entities(texts, tag(texts, [("a", "GLF", "ORG")]))
    assert forms(owner(entities, "GLF")) == {"GLF"}


def test_place_police_is_the_force_the_story_names_in_full() -> None:
    texts = {"a": "The Harlow Police Department opened a case.", "b": "Harlow police said the road was shut."}
    spec = [("a", "Harlow Police Department", "ORG"), ("b", "Harlow", "LOC")]
    entities = link_entities(texts, tag(texts, spec))
    assert "Harlow police" in owner(entities, "Harlow Police Department").aliases
    texts = {"a": "Harlow police said the road was shut. The police left."}  # no force named: the place stays
    entities = link_entities(texts, tag(texts, [("a", "Harlow", "LOC")]))
    assert "Harlow police" not in names(entities) and owner(entities, "Harlow").type == "PLACE"


def test_area_word_left_out_of_a_bodys_name() -> None:
    texts = {"a": "The Dunmore County Water Board met.", "b": "The Dunmore Water Board agreed.",
             "c": "The Dunmore Harbour Board did not."}
    spec = [("a", "Dunmore County Water Board", "ORG"), ("b", "Dunmore Water Board", "ORG"),
            ("c", "Dunmore Harbour Board", "ORG")]
    entities = link_entities(texts, tag(texts, spec))
    assert "Dunmore Water Board" in owner(entities, "Dunmore County Water Board").aliases
    assert owner(entities, "Dunmore Harbour Board") is not owner(entities, "Dunmore Water Board")


def test_party_state_tags_photo_credits_and_a_person_after_an_organisation() -> None:
    texts = {"a": "Sen. Ilsa Brandt (D-Mass.) spoke. Harbour Board Orla Fenn resigned.\nAP Photo/Tova Rask"}
    spec = [("a", "Ilsa Brandt", "PER"), ("a", "D-Mass", "PER"), ("a", "Harbour Board", "ORG"),
            ("a", "Orla Fenn", "PER"), ("a", "AP", "ORG"), ("a", "Photo/Tova Rask", "PER")]
    entities = link_entities(texts, tag(texts, spec))
    assert "D-Mass" not in names(entities)
    assert owner(entities, "Orla Fenn").type == "PERSON" and owner(entities, "Harbour Board").type == "ORG"
    assert owner(entities, "Tova Rask").type == "PERSON"
