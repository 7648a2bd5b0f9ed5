"""Entity rules for what real pages make a tagger output that names nothing, or only part of a name: letters,
numerals, tickers, common words out of title-case phrases, headings, families, eponyms, names cut at "of" or
at a hyphen, and the types of institutions and "X of Y" names. Fictional text."""

from __future__ import annotations

from collections.abc import Sequence

from tests.analyze.entities.test_name_rules import forms, names, owner, tag

from corroborate.analyze.entities import Entity, Mention, link_entities
from corroborate.analyze.entities.junk import drop_junk


def _at(text: str, surface: str, label: str, source: str = "a", nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Mention(source, start, start + len(surface), surface, label)


def _by_name(entities: Sequence[Entity], name: str) -> Entity:
    hits = [e for e in entities if e.name == name]
    assert len(hits) == 1, [(e.name, e.type, e.aliases) for e in entities]
    return hits[0]


def test_letters_numerals_and_eras_are_no_names() -> None:
    text = "The T-shaped stain dates from the XIV century, about 1350 CE, said Ilse Marrak of Orvel."
    mentions = [_at(text, "T", "MISC"), _at(text, "XIV", "MISC"), _at(text, "CE", "MISC"),
                _at(text, "Ilse Marrak", "PER"), _at(text, "Orvel", "LOC")]
    kept = {m.text for m in drop_junk({"a": text}, mentions)}
    assert kept == {"Ilse Marrak", "Orvel"}


def test_a_one_letter_organisation_stays() -> None:
    text = "Velsko posted the video on X, where it spread."
    kept = {m.text for m in drop_junk({"a": text}, [_at(text, "X", "ORG"), _at(text, "Velsko", "PER")])}
    assert kept == {"X", "Velsko"}


def test_state_abbreviations_are_not_roman_numerals() -> None:
    text = "Voters in MI and DC went to the polls."
    kept = {m.text for m in drop_junk({"a": text}, [_at(text, "MI", "LOC"), _at(text, "DC", "LOC")])}
    assert kept == {"MI", "DC"}


def test_quote_widget_tickers_are_cut_off() -> None:
    text = ("Shares of Velsko Motors Inc.'s VLSK, +5.77% board rose, while the Orvel Composite Index OCX, -1.2% "
            "slipped and the OSX, +0.4% gained.")
    mentions = [_at(text, "Velsko Motors Inc.'s VLSK", "ORG"), _at(text, "Orvel Composite Index OCX", "MISC"),
                _at(text, "OSX", "MISC")]
    kept = {m.text for m in drop_junk({"a": text}, mentions)}
    assert kept == {"Velsko Motors Inc.", "Orvel Composite Index"}


def test_common_word_out_of_a_title_case_phrase_is_dropped() -> None:
    text = ("She founded the Hairdressers at Heart programme. Venture capital firm Dask Partners paid for it. "
            "Ilse Marrak said the heart of the plan was training.")
    mentions = [_at(text, "Heart", "ORG"), _at(text, "Venture", "ORG"), _at(text, "Dask Partners", "ORG"),
                _at(text, "Ilse Marrak", "PER")]
    kept = {m.text for m in drop_junk({"a": text}, mentions)}
    assert kept == {"Dask Partners", "Ilse Marrak"}


def test_common_word_written_alone_as_a_name_stays() -> None:
    text = "Shoppers queued outside. Target said sales rose, and Target will open more stores."
    mentions = [_at(text, "Target", "ORG"), _at(text, "Target", "ORG", nth=1)]
    assert [m.text for m in drop_junk({"a": text}, mentions)] == ["Target", "Target"]


def test_section_headings_are_dropped() -> None:
    text = "The policy has several parts.\n\nVoice Recognition\n\nYou can turn Voice Recognition off, Velsko said."
    mentions = [_at(text, "Voice Recognition", "MISC"), _at(text, "Voice Recognition", "MISC", nth=1),
                _at(text, "Velsko", "ORG")]
    assert [m.text for m in drop_junk({"a": text}, mentions)] == ["Velsko"]


def test_a_family_is_not_its_member() -> None:
    texts = {"a": "Tomas Lindqvist, 6, fell ill. His mother, Agnes Lindqvist, took him home. At the hospital, "
                  "the Lindqvist family waited. The Marraks, their neighbours, came too."}
    mentions = tag(texts, [("a", "Tomas Lindqvist", "PER"), ("a", "Agnes Lindqvist", "PER"),
                           ("a", "Lindqvist", "PER"), ("a", "Marraks", "PER")])
    entities = link_entities(texts, mentions)
    assert "Lindqvist" not in names(entities)
    assert "Marraks" not in names(entities)


def test_a_stage_name_after_the_is_still_a_person() -> None:
    text = "Fans cheered when the Velvet sang, and the Velvet said he would return."
    mentions = [_at(text, "Velvet", "PER"), _at(text, "Velvet", "PER", nth=1)]
    assert len(drop_junk({"a": text}, mentions)) == 2


def test_eponym_before_a_disease_noun_is_not_a_person() -> None:
    texts = {"a": "Doctors ruled out Halvorsen-Brik Syndrome and the Tamsk virus, said Dr. Ilse Marrak."}
    mentions = tag(texts, [("a", "Halvorsen-Brik", "PER"), ("a", "Tamsk", "LOC"), ("a", "Ilse Marrak", "PER")])
    entities = link_entities(texts, mentions)
    assert _by_name(entities, "Halvorsen-Brik Syndrome").type == "OTHER"
    assert _by_name(entities, "Tamsk").type == "OTHER"
    assert _by_name(entities, "Ilse Marrak").type == "PERSON"


def test_name_cut_at_of_the_is_joined() -> None:
    texts = {"a": "Ilse Marrak of the Orvel Committee for the Study of Claims of the Ancient Roads spoke."}
    mentions = tag(texts, [("a", "Orvel Committee for the Study of Claims of", "ORG"), ("a", "Ancient Roads", "MISC"),
                           ("a", "Ilse Marrak", "PER")])
    entities = link_entities(texts, mentions)
    assert _by_name(entities, "Orvel Committee for the Study of Claims of the Ancient Roads").type == "ORG"
    assert "Ancient Roads" not in names(entities)
    assert "Ilse Marrak" in names(entities)  # a person "of" a body is not joined to it


def test_institution_head_before_a_span_is_part_of_the_name() -> None:
    texts = {"a": "Division of Coastal Fisheries, Orvel Ministry of Water; Division of Salt Marshes."}
    mentions = tag(texts, [("a", "Coastal Fisheries", "MISC"), ("a", "Salt Marshes", "MISC"),
                           ("a", "Orvel Ministry of Water", "ORG")])
    entities = link_entities(texts, mentions)
    assert _by_name(entities, "Division of Coastal Fisheries").type == "ORG"
    assert _by_name(entities, "Division of Salt Marshes").type == "ORG"
    assert "Coastal Fisheries" not in names(entities)


def test_two_full_names_joined_by_and_are_split_and_a_unit_is_not_its_body() -> None:
    texts = {"a": "Ilse Marrak, a surgeon at the University of Kessel and Saint Ilse Hospital Kessel, said it.",
             "b": "Saint Ilse Hospital Kessel treated him. The University of Kessel School of Law was not involved."}
    mentions = tag(texts, [("a", "University of Kessel and Saint Ilse Hospital Kessel", "ORG"),
                           ("b", "Saint Ilse Hospital Kessel", "ORG"), ("a", "Ilse Marrak", "PER"),
                           ("b", "University of Kessel School of Law", "ORG")])
    entities = link_entities(texts, mentions)
    assert _by_name(entities, "Saint Ilse Hospital Kessel").sources == ["a", "b"]
    university = _by_name(entities, "University of Kessel")
    assert "University of Kessel School of Law" not in forms(university)


def test_the_hospital_links_nowhere_when_two_hospitals_are_named() -> None:
    texts = {"a": "He was taken to Velsko Mercy Hospital in Orvel. Doctors at the hospital were puzzled.",
             "b": "Specialists at Children's Hospital Dask saw similar cases. The hospital declined to comment."}
    mentions = tag(texts, [("a", "Velsko Mercy Hospital", "LOC"), ("a", "Orvel", "LOC"),
                           ("b", "Children's Hospital Dask", "LOC")])
    entities = link_entities(texts, mentions)
    mercy = _by_name(entities, "Velsko Mercy Hospital")
    assert not any(a.lower() == "the hospital" for a in mercy.aliases)
    assert mercy.type == "ORG"  # a hospital people work at is a body
    assert _by_name(entities, "Orvel").type == "PLACE"


def test_type_of_an_x_of_y_name_comes_from_its_head() -> None:
    texts = {"a": "Pilgrims saw the Chalice of Orvel, said to have held the wine of Francis of Orvel. "
                  "The Chalice of Orvel is kept in the Cathedral of Orvel."}
    mentions = tag(texts, [("a", "Chalice of Orvel", "LOC"), ("a", "Francis of Orvel", "LOC"),
                           ("a", "Cathedral of Orvel", "LOC")])
    entities = link_entities(texts, mentions)
    assert _by_name(entities, "Chalice of Orvel").type == "OTHER"
    assert _by_name(entities, "Francis of Orvel").type == "PERSON"
    assert _by_name(entities, "Cathedral of Orvel").type == "PLACE"


def test_coded_name_cut_at_its_hyphen_is_joined() -> None:
    text = "Tests found KV-D12 in six children; KV-D12 is rare."
    texts = {"a": text}
    mentions = [_at(text, "KV", "MISC"), _at(text, "D12", "MISC"), _at(text, "KV-D12", "MISC", nth=1)]
    entities = link_entities(texts, mentions)
    assert [e.name for e in entities] == ["KV-D12"]
    assert len(entities[0].mentions) == 2


def test_word_before_a_weekday_opens_a_days_name() -> None:
    texts = {"a": "Markets crashed on what traders called Black Tuesday. Velsko won Orvel Monday, and Orvel voted."}
    mentions = tag(texts, [("a", "Black", "LOC"), ("a", "Orvel", "LOC"), ("a", "Velsko", "PER")])
    entities = link_entities(texts, mentions)
    assert _by_name(entities, "Black Tuesday").type == "OTHER"
    assert "Orvel" in names(entities)  # a report that writes the word alone too: no day's name
    assert "Orvel Monday" not in names(entities)


def test_a_name_written_as_a_thing_is_not_an_organisation() -> None:
    texts = {"a": "Velsko said the new Orbix will listen all the time. Owners can turn off your Orbix at night, "
                  "and Velsko promised a fix. A Dask Herald story said the Orbix sold well.",
             "b": "The Dask Herald reported sales of the Orbix. Velsko declined to comment."}
    mentions = tag(texts, [("a", "Velsko", "ORG"), ("a", "Orbix", "ORG"), ("a", "Dask Herald", "ORG"),
                           ("b", "Dask Herald", "ORG"), ("b", "Orbix", "ORG"), ("b", "Velsko", "ORG")])
    entities = link_entities(texts, mentions)
    assert owner(entities, "Orbix").type == "OTHER"
    assert owner(entities, "Velsko").type == "ORG"
    assert owner(entities, "Dask Herald").type == "ORG"  # "a Dask Herald story": the paper's name as a modifier


def test_field_of_a_job_title_and_a_cut_title_case_term_are_dropped() -> None:
    text = ("Vice President of Education Ilse Marrak used Bloodstain Pattern Analysis, the Orvel Gazette said. "
            "The Director of Orvel spoke too.")
    mentions = [_at(text, "Education", "ORG"), _at(text, "Ilse Marrak", "PER"), _at(text, "Bloodstain", "MISC"),
                _at(text, "Orvel Gazette", "ORG"), _at(text, "Orvel", "LOC", nth=1)]
    kept = {m.text for m in drop_junk({"a": text}, mentions)}
    assert kept == {"Ilse Marrak", "Orvel Gazette", "Orvel"}  # no name after "Director of Orvel": Orvel stays


def test_a_bare_surname_is_not_the_relative_named_in_passing() -> None:
    texts = {"a": "It was Agnes Brik, the daughter of the famed tailor Oskar Brik, who spoke first. "
                  "\"He was a mentor,\" said Brik, who runs a salon."}
    mentions = tag(texts, [("a", "Agnes Brik", "PER"), ("a", "Oskar Brik", "PER"), ("a", "Brik", "PER")])
    entities = link_entities(texts, mentions)
    assert "Brik" in forms(_by_name(entities, "Agnes Brik"))
    assert "Brik" not in forms(_by_name(entities, "Oskar Brik"))
