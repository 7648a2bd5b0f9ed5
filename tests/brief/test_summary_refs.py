"""A summary sentence that refers back (a surname, "the statement", "that issue") must find its referent in an
earlier summary sentence (issue 13). Fictional text throughout."""

from __future__ import annotations

import pytest

from corroborate.brief.headline import _headline_cut, central_headline
from corroborate.brief.standalone import stands_alone
from corroborate.brief.summarize_refs import Refs, StoryRefs, arrange
from corroborate.model import Article
from corroborate.records import EntityRecord, TextSpan

FULL = "Council leader Ana Ruiz opened the Marvel Bridge on Tuesday."
SHORT = "Ruiz said the repairs cost less than planned."


def _person(name: str, mentions: list[tuple[int, str]], source: str = "a") -> EntityRecord:
    spans = [TextSpan(source=source, start=s, end=s + len(t), text=t) for s, t in mentions]
    aliases = sorted({t for _, t in mentions} - {name})
    return EntityRecord(name=name, type="PERSON", aliases=aliases, sources=[source], mentions=len(spans),
                        spans=spans)


def _refs(texts: list[str], entities: list[EntityRecord]) -> list[Refs]:
    story = StoryRefs(entities)
    starts = [sum(len(t) + 1 for t in texts[:i]) for i in range(len(texts))]
    return [story.refs("a", s, t) for s, t in zip(starts, texts, strict=True)]


def test_a_surname_needs_the_full_name_earlier_in_the_summary() -> None:
    texts = [FULL, SHORT]
    ruiz = _person("Ana Ruiz", [(FULL.index("Ana"), "Ana Ruiz"), (len(FULL) + 1, "Ruiz")])
    full, short = _refs(texts, [ruiz])
    assert short.needs == (frozenset({"E:Ana Ruiz"}),)
    assert "E:Ana Ruiz" in full.gives and not full.needs
    assert arrange([0, 1], [full, short]) == ([0, 1], [])
    # the surname sentence selected first: the introducing sentence is moved before it
    assert arrange([1, 0], [full, short]) == ([0, 1], [])
    # nothing introduces her: the sentence is left out
    assert arrange([1], [full, short]) == ([], [1])


def test_a_person_never_named_in_full_cannot_be_introduced() -> None:
    text = "Sometimes Rusty walks a hundred miles a week."
    rusty = _person("Rusty", [(text.index("Rusty"), "Rusty")])
    (refs,) = _refs([text], [rusty])
    assert arrange([0], [refs]) == ([], [0])


@pytest.mark.parametrize(("text", "need"), [
    ("The lion had been in fights, according to the statement.", "W:statement"),
    ("The decision is, in some ways, a compromise.", "W:decision"),
    ("To get around that issue, the engineers built a second span.", "W:issue"),
    ("“The bridge is safe,” the official said.", "X:official"),
    ("When he arrived he handed over the $100, the clerk said.", "N:100"),
    ("The new boarding process has been in the works for months.", "W:boarding"),
])
def test_back_references_need_an_earlier_mention(text: str, need: str) -> None:
    (refs,) = _refs([text], [])
    assert frozenset({need}) in refs.needs


@pytest.mark.parametrize("text", [
    "The decision to close the bridge was taken by the council of Marvel.",
    "The statement by the ministry gave no figures.",
    "The official death toll rose to twelve on Tuesday.",
    "Officials said that Ruiz would attend.",
    "The 2019 floods closed the bridge this week.",
])
def test_complete_descriptions_need_nothing(text: str) -> None:
    (refs,) = _refs([text], [])
    assert refs.needs == ()


def test_an_earlier_mention_meets_a_shell_noun_but_a_plural_does_not_introduce_a_speaker() -> None:
    texts = ["Officials issued a statement on the bridge on Monday.",
             "The bridge will reopen in May, according to the statement.",
             "“It is safe,” the official said."]
    refs = _refs(texts, [])
    assert arrange([0, 1, 2], refs) == ([0, 1], [2])


def test_a_definite_description_echoing_a_name_needs_the_name() -> None:
    texts = ["Held in a museum in Marvel, the shroud bears an image of a bridge.",
             "The Shroud of Marvel is a linen cloth studied for centuries."]
    shroud = EntityRecord(name="Shroud of Marvel", type="OTHER", aliases=[], sources=["a"], mentions=1,
                          spans=[TextSpan(source="a", start=len(texts[0]) + 5, end=len(texts[0]) + 21,
                                          text="Shroud of Marvel")])
    refs = _refs(texts, [shroud])
    assert refs[0].needs == (frozenset({"E:Shroud of Marvel"}),)
    assert arrange([0, 1], refs) == ([1, 0], [])


@pytest.mark.parametrize("text", [
    "You can control the bridge lights with your voice.",      # addressed to the reader
    "Ana was a pillar of the council and our dear friend.",    # first person outside quotation marks
    "Is the bridge safe at last?",                             # a question
    "(Ruiz has since left the council.)",                      # an aside
    "The gunman fired on the crowd from the bank, it said.",   # the source is a bare pronoun
    "In her case, it seems to have.",                          # the verb is in the sentence before
    "The talks covered how the bridge could “serve the city,”...",  # cut short
    "Shares of Marvel Corp.'s MVL, +5.77% rose on Tuesday.",  # a ticker quote
    "By midday. it was at $46.20 a share.",                   # a missed sentence boundary
    "Finally, after years of repairs, the bridge reopened.",   # a connective
    "Of course, that is not the end of the repairs.",
    "Some, like the mayor, have called for an inquiry.",
])
def test_sentences_that_are_not_statements_of_the_report(text: str) -> None:
    assert not stands_alone(text)


@pytest.mark.parametrize("text", [
    "Some 50 residents protested at the bridge on Tuesday.",
    "“We will rebuild it,” said the mayor, Ana Ruiz.",
    "World War I ended before the bridge was built.",
    "U.S. officials said the bridge was safe.",
])
def test_statements_still_stand_alone(text: str) -> None:
    assert stands_alone(text)


def test_a_long_lead_is_cut_where_a_trailing_phrase_begins() -> None:
    lead = ("Several members of the council said Wednesday they had met several times over the "
            "past week to discuss the mayor's proposal to sell the old bridge to a private company in what "
            "would be the largest sale in the city's history.")
    assert _headline_cut(lead.split()) == (
        "Several members of the council said Wednesday they had met several times over the past "
        "week to discuss the mayor's proposal to sell the old bridge to a private company …")
    fits = ("The Marvel council voted on Tuesday to sell the old bridge, which has been closed to traffic since "
            "2019, to a private firm.")
    assert _headline_cut(fits.split()) == fits[:-1]


def _report(rid: str, sentences: list[str]) -> Article:
    text = " ".join(sentences)
    article = Article(id=rid, location=f"{rid}.txt", text=text)
    spans, at = [], 0
    for s in sentences:
        spans.append((at, at + len(s)))
        at += len(s) + 1
    article.sentences = spans
    return article


def test_the_central_headline_is_the_lead_the_other_reports_share_most() -> None:
    reports = [
        _report("a", ["Flood waters closed the Marvel Bridge on Tuesday after heavy rain.",
                      "Local bakers said their sales had dropped sharply over the summer."]),
        _report("b", ["Heavy rain closed the Marvel Bridge on Tuesday, the council said.",
                      "Flood waters rose two metres."]),
        _report("c", ["A bakery owner in Marvel told reporters that summer sales had been weak this year.",
                      "The bridge closed after heavy rain and flood waters on Tuesday."]),
    ]
    assert central_headline(reports, [], [], []) == "Flood waters closed the Marvel Bridge on Tuesday after heavy rain"
    # a lead stating a value of a disputed claim is passed over
    disputed = [TextSpan(source="a", start=0, end=10, text="Flood wate")]
    assert central_headline(reports, [], [], disputed) == (
        "The bridge closed after heavy rain and flood waters on Tuesday")
    # two reports are too few to tell what is corroborated
    assert central_headline(reports[:2], [], [], []) is None
