"""Speakers checked with the dependency parse and pronouns resolved on the report's Doc (fictional text).

Each test builds the report's Doc as the story analysis does (tokens, sentences, parse, NER, linked entities)
and reads the quotations through :class:`corroborate.analyze.quotes.Reading`.
"""

from __future__ import annotations

from corroborate.analyze.quotes import Reading, find_quotes
from corroborate.analyze.story.analyze import documents
from corroborate.analyze.story.assemble import _reading
from corroborate.analyze.text import split_sentences
from corroborate.model import Article
from support import parsed_quotes as quotes
from support import parsed_reading as reading
from support import parsed_speakers as said_by


def test_pronoun_goes_to_the_subject_not_a_possessor() -> None:
    text = ("Rudolf Marek, who was Ivan Petrov's lawyer for thirty years, said his client had a hard life.\n\n"
            "\u201cHe would get calls in the middle of the night,\u201d he said.")
    assert said_by(text)["He would get calls in the middle of the night"] == "Rudolf Marek"


def test_pronoun_with_two_candidate_people_has_no_speaker() -> None:
    text = ("Mayor Ola Brand met Governor Tim Roe at the town hall on Monday.\n\n"
            "\u201cWe agreed on nothing at all,\u201d he said.")
    q = quotes(text)[0]
    assert q.speaker is None
    assert q.speaker_span is not None and text[q.speaker_span[0]:q.speaker_span[1]] == "he"


def test_pronoun_skips_names_inside_quotations() -> None:
    text = ("Keld council leader Ada Kestrel spoke to reporters on Friday.\n\n"
            "\u201cI told Bruno Vasque the bridge would be closed for a month,\u201d she said.")
    assert said_by(text)["I told Bruno Vasque the bridge would be closed for a month"] == "Ada Kestrel"


def test_subject_replaces_an_appositive_fragment() -> None:
    text = ("Marta Quill, a flood engineer at Orvan Water in Keldport, Varn, said: "
            "\u201cThe dam will hold through the winter.\u201d")
    assert said_by(text)["The dam will hold through the winter."] == "Marta Quill"


def test_outlet_that_carried_the_report_is_never_the_speaker() -> None:
    text = "\u201cThe road to Keldport is closed until Friday,\u201d the Varn Courier reported."
    assert said_by(text, outlet="Varn Courier")["The road to Keldport is closed until Friday"] is None
    assert said_by(text)["The road to Keldport is closed until Friday"] is not None


def test_addressee_of_told_is_not_the_speaker() -> None:
    text = "Nina Vosk spoke after the vote. \u201cWe were there all night,\u201d she told WKLD."
    r = reading(text)
    cue = text.index("told")
    station = (text.index("WKLD"), text.index("WKLD") + 4)
    assert not r.speaker_ok(station, (cue, cue + 4))
    assert said_by(text)["We were there all night"] == "Nina Vosk"


def test_title_fragment_is_not_a_speaker() -> None:
    text = "\u201cThe convoy left at dawn,\u201d said Maj. Ivo Darel."
    r = reading(text)
    start = text.index("Maj")
    assert not r.speaker_ok((start, start + 3), None)
    assert said_by(text)["The convoy left at dawn"] != "Maj"


def test_clause_is_not_a_speaker() -> None:
    r = reading("Pell Orsova defended his officers, telling the press they \u201cdid the best they could.\u201d")
    text = r.doc.user_data["text"]
    clause = (text.index("Pell"), text.index(" officers") + len(" officers"))
    assert not r.speaker_ok(clause, None)
    assert r.speaker_ok((text.index("Pell"), text.index(" defended")), None)


def test_capitalised_headline_is_not_a_speaker() -> None:
    r = reading("STAYING THE COURSE: \u201cWe never stop learning from our students.\u201d")
    text = r.doc.user_data["text"]
    assert not r.speaker_ok((0, text.index(":")), None)


def test_lowercase_sentence_after_a_full_stop_is_not_an_attribution() -> None:
    text = ("\u201cWe will rebuild the school,\u201d Jane Dorne said. \u201cIt is over.\u201d meanwhile, Bob Raske "
            "said \u201cwe are not done yet.\u201d")
    found = {q.text: q.speaker for q in find_quotes(text)}
    assert found["we are not done yet."] == "Bob Raske"
    assert all("we are not done" not in t for t, s in found.items() if s == "Jane Dorne")


def test_lowercase_fragment_after_a_full_stop_is_not_a_continuation() -> None:
    text = "\u201cWe will win,\u201d Jane Dorne said. \u201cthe plan was a good one for all.\u201d"
    assert [q.text for q in find_quotes(text)][0] == "We will win"


def test_quote_paragraph_inherits_only_when_no_one_else_intervenes() -> None:
    text = ("\u201cThe harbour reopens on Monday,\u201d said Lise Marrow. Her deputy Tomas Varga disagreed.\n\n"
            "\u201cThe cranes are still broken and the pier is not safe for anyone.\u201d")
    found = said_by(text)
    assert found["The harbour reopens on Monday"] == "Lise Marrow"
    assert found["The cranes are still broken and the pier is not safe for anyone."] is None


def test_subjects_possessor_is_the_antecedent_when_no_person_is_subject() -> None:
    text = ("Senator Hanna Lindqvist questioned the director of Orvan Bank, Pavel Sorin, for an hour.\n\n"
            "Lindqvist's questions came after weeks of delay.\n\n"
            "\u201cThis is about accountability and nothing else,\u201d she said.")
    assert said_by(text)["This is about accountability and nothing else"] == "Hanna Lindqvist"


def test_surname_speaker_gets_the_full_name_mentioned_before() -> None:
    text = ("Water director Darius Keln defended the shut-offs on Monday.\n\n"
            "\u201cSomeone has to pay for the pipes,\u201d Keln said.")
    assert said_by(text)["Someone has to pay for the pipes"] == "Darius Keln"


def test_unnamed_subject_blocks_a_named_person_in_a_clause() -> None:
    text = ("The nominee later wrote that Jane Roe is \u201cprotected by the press.\u201d\n\n"
            "He then added: \u201cI am fighting the press and her friends in the capital.\u201d")
    assert said_by(text)["I am fighting the press and her friends in the capital."] is None


def _linked(text: str, people: dict[str, list[str]]) -> Reading:
    """A Reading whose linked entities are given: canonical name -> surface forms (each found in ``text``)."""
    from corroborate.analyze.entities import Entity
    from corroborate.analyze.entities.nodes import Mention

    article = Article(id="r1", location="r1", text=text, sentences=split_sentences(text))
    docs = documents([article], [])
    entities = [Entity(name, "PERSON", [f for f in forms if f != name],
                       [Mention("r1", text.index(f), text.index(f) + len(f), f, "PER" if f[0].isupper() else "")
                        for f in forms], ["r1"]) for name, forms in people.items()]
    return _reading(article, docs["r1"], entities)


def test_shared_surname_and_title_alias_are_not_guessed() -> None:
    text = ("Tavi Brann and his brother Olek Brann run the mill.\n\n"
            "\u201cWe will not sell the mill to anyone,\u201d Mr Brann said.\n\n"
            "\u201cThe offer was too low for the workers,\u201d the executive said.")
    r = _linked(text, {"Olek Brann": ["Olek Brann", "Mr Brann", "the executive"], "Tavi Brann": ["Tavi Brann"]})
    found = {q.text: q.speaker for q in find_quotes(text, (), r)}
    assert found["We will not sell the mill to anyone"] == "Mr Brann"
    assert found["The offer was too low for the workers"] in (None, "the executive")
