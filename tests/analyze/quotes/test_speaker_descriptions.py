"""Speaker descriptions, shared surnames and relayed words on the report's parse (fictional text).

A definite description ("the company", "police", "the policy") is the one organisation of the report it can
denote, else no speaker; a person noun ("the researchers", "a spokeswoman") is never a named speaker; two people
sharing a surname are never swapped; words a speaker only relays ("she recalls him saying") are not hers.
"""

from __future__ import annotations

from corroborate.analyze.quotes import Reading, find_quotes
from corroborate.analyze.story.assemble import _canonical_speaker
from support import parsed_reading as reading
from support import parsed_speakers as said_by


def test_the_company_is_the_business_named_just_before() -> None:
    text = ("Ivo Darel worked for twenty years as head of design at Orvan Foods in Keldport.\n\n"
            "\u201cWe are shocked by his death,\u201d the company said in a statement.")
    assert said_by(text)["We are shocked by his death"] == "Orvan Foods"


def test_the_company_with_no_business_named_has_no_speaker() -> None:
    text = "Ivo Darel spoke on Monday.\n\n\u201cWe are shocked by the fire,\u201d the company said."
    assert said_by(text)["We are shocked by the fire"] is None


def test_person_descriptions_are_no_speaker() -> None:
    text = ("Marta Quill and Ivo Darel studied the samples for a year.\n\n"
            "\u201cThe samples were contaminated from the start,\u201d the researchers wrote.")
    assert said_by(text)["The samples were contaminated from the start"] is None


def test_a_statement_is_its_authors() -> None:
    text = ("Orvan Foods Inc closed its Keldport plant on Friday.\n\n"
            "\u201cWe will rebuild the plant within a year,\u201d a statement from Orvan Foods Inc said.")
    assert said_by(text)["We will rebuild the plant within a year"] == "Orvan Foods Inc"


def test_statement_from_unnamed_people_is_no_speaker() -> None:
    text = ("Orvan Foods Inc closed its Keldport plant on Friday.\n\n"
            "\u201cThe board met twice last week,\u201d according to a statement from several board members.")
    assert said_by(text)["The board met twice last week"] is None


def test_police_is_the_police_department_the_report_names() -> None:
    text = ("Officers of the Keldport Police Department arrived at noon.\n\n"
            "\u201cThe suspect fled on foot toward the river,\u201d police said.")
    assert said_by(text)["The suspect fled on foot toward the river"] == "Keldport Police Department"


def test_a_name_modifying_a_role_noun_is_not_the_speaker() -> None:
    text = ("Jana Marek sued the firm last year.\n\n"
            "A Marek spokeswoman said her lawyers are \u201cstudying the offer closely.\u201d")
    assert said_by(text)["studying the offer closely."] is None


def test_shared_surname_goes_to_the_person_named_as_actor() -> None:
    quote = "\n\n\u201cHe taught me everything I know about colour,\u201d said Vosk."
    text = "Eda Vosk is the daughter of the painter Ivo Vosk and a designer herself." + quote
    assert said_by(text)["He taught me everything I know about colour"] == "Eda Vosk"
    # where the parse cannot tell the two apart, the surname stays as written, never the other person
    text = "Among the guests was Eda Vosk, the daughter of the fashion icon Ivo Vosk." + quote
    assert said_by(text)["He taught me everything I know about colour"] in ("Eda Vosk", "Vosk")


def test_canonical_speaker_keeps_a_surname_two_entities_share() -> None:
    from corroborate.analyze.entities import Entity

    eda = Entity(name="Eda Vosk", type="PERSON", aliases=["Vosk"], mentions=[], sources=["r1"])
    ivo = Entity(name="Ivo Vosk", type="PERSON", aliases=["Vosk"], mentions=[], sources=["r1"])
    assert _canonical_speaker("Vosk", [eda, ivo]) == "Vosk"
    assert _canonical_speaker("Vosk", [eda]) == "Eda Vosk"


def test_relayed_words_are_not_the_relayers() -> None:
    text = ("Ruth Holm found her son on the floor that morning.\n\n"
            "\u201cMommy,\u201d she recalls him saying. \u201cHelp me.\u201d")
    assert said_by(text)["Mommy Help me."] is None


def test_pronoun_skips_a_person_of_the_other_gender() -> None:
    text = ("Carter Holm, 4, fell ill in May. He had a fever for a week.\n\n"
            "His mother, Ruth Holm, took him to the hospital in Keldport.\n\n"
            "Carter could not stand when she lifted him. \u201cHe could not move his arm at all,\u201d she said.")
    assert said_by(text)["He could not move his arm at all"] == "Ruth Holm"


def test_subject_outside_an_as_reported_clause_is_not_the_speaker() -> None:
    text = ("He was the heart of the Keldport Players and, as reported in the Varn Courier in 2012, "
            "\u201ckindness guided everything he did on the stage.\u201d")
    assert said_by(text)["kindness guided everything he did on the stage."] is None


def test_relative_clause_piece_is_not_a_speaker() -> None:
    text = ("Ivo Darel trained with many teachers. Among them was his sister Ana Darel, who he once told the "
            "Courier was \u201cthe best teacher in the world.\u201d")
    assert said_by(text)["the best teacher in the world."] is None


def test_organisation_noun_falls_back_to_the_one_story_organisation() -> None:
    text = "Ivo Darel spoke on Monday.\n\n\u201cThe road stays closed until Friday,\u201d the department said."
    r = reading(text)
    one = Reading(r.doc, r.named, (), [("Keldport Roads Department", ("Keldport roads",))])
    assert {q.text: q.speaker for q in find_quotes(text, (), one)}["The road stays closed until Friday"] \
        == "Keldport Roads Department"
    two = Reading(r.doc, r.named, (), [("Keldport Roads Department", ()), ("Varn Police Department", ())])
    assert {q.text: q.speaker for q in find_quotes(text, (), two)}["The road stays closed until Friday"] is None
