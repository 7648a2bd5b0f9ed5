"""Pronoun speakers across sentences, glued quotation marks and contractions in cross-outlet matching
(fictional text)."""

from __future__ import annotations

from corroborate.analyze.quotes import find_quotes, same_quote
from corroborate.analyze.quotes.marks import scan
from support import parsed_quotes as quotes
from support import parsed_speakers as said_by


def test_subject_pronoun_continues_the_earlier_speaker() -> None:
    text = ("\u201cWe start on Monday,\u201d Ada Kestrel said. She then accused Bruno Vasque of stalling the works.\n\n"
            "\u201cThis is a delay nobody asked for,\u201d she said.")
    assert said_by(text)["This is a delay nobody asked for"] == "Ada Kestrel"


def test_pronoun_of_the_other_gender_is_not_continued() -> None:
    text = ("\u201cWe start on Monday,\u201d Ada Kestrel said. She then met Bruno Vasque and Tom Orr at the depot.\n\n"
            "\u201cThis is a delay nobody asked for,\u201d he said.")
    assert said_by(text)["This is a delay nobody asked for"] is None


def test_object_of_a_subordinate_clause_does_not_block_the_subject() -> None:
    text = ("When the police arrested Bruno Vasque, Ada Kestrel called the mayor.\n\n"
            "\u201cThis is about safety,\u201d she said.")
    assert said_by(text)["This is about safety"] == "Ada Kestrel"


def test_object_of_the_subjects_own_verb_still_blocks() -> None:
    text = ("Mayor Ola Brand thanked Governor Tim Roe at the town hall on Monday.\n\n"
            "\u201cWe agreed on nothing at all,\u201d he said.")
    assert quotes(text)[0].speaker is None


def test_mark_glued_to_a_full_stop_opens_a_quotation() -> None:
    text = 'The line went quiet at the depot."We have them now. It is over," Tom Orr said.'
    found = find_quotes(text)
    assert [q.text for q in found] == ["We have them now. It is over"]
    assert len(scan('He said "we are done."Then he left.')) == 1


def test_contraction_and_spelled_out_form_are_one_quotation() -> None:
    assert same_quote("It's not the time to cut the budget for the schools",
                      "It is not the time to cut the budget for the schools")
    assert not same_quote("It's not the time to cut the budget for the schools",
                          "It is the time to cut the budget for the schools")


def test_possessor_outside_the_subject_is_no_antecedent() -> None:
    text = ("At Tom Orr's house on Sunday, a neighbour wondered whether the works would ever end.\n\n"
            "\u201cIt has been months,\u201d he said.")
    assert said_by(text)["It has been months"] is None


def test_it_speaker_is_the_organisation_that_is_subject() -> None:
    text = ("The Varn Water Authority has warned that the dam could fail.\n\n"
            "The valley\u2019s \u201cfarms and villages\u201d must be evacuated, it said.")
    assert said_by(text)["farms and villages"] == "Varn Water Authority"


def test_it_speaker_without_an_organisation_subject_stays_unknown() -> None:
    text = ("Tom Orr said the dam could fail.\n\n"
            "The valley\u2019s \u201cfarms and villages\u201d must be evacuated, it said.")
    assert said_by(text)["farms and villages"] is None
