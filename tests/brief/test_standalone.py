"""Summary sentences must read on their own, and a story with no usable outlet title still gets a headline
(issue 13). Fictional text throughout."""

from __future__ import annotations

import pytest

from corroborate.analyze.story.analyze import fragment_sentences
from corroborate.analyze.syntax import parse
from corroborate.brief.headline import summary_headline
from corroborate.brief.standalone import stands_alone
from corroborate.document import make_doc
from corroborate.model import Article
from corroborate.records import CitedSpan, SummaryItem, TextSpan


@pytest.mark.parametrize("text", [
    "The Marvel Bridge reopened on Tuesday after two years of repairs.",
    '"We will rebuild it," said the mayor, Ana Ruiz.',
    "That decision was taken by the council on Monday.",
    "Officials said the bridge is safe (though engineers disagree).",
])
def test_statements_stand_alone(text: str) -> None:
    assert stands_alone(text)


@pytest.mark.parametrize("text", [
    "He told the council the bridge was safe.",           # leading pronoun
    "That will come on Monday, with the council's vote.",  # demonstrative subject
    "That's nearly double last year's figure.",
    "The Latest on the bridge closure (all times local):",  # label, no final punctuation
    "Don't miss: the bridge reopens",                       # widget / headline
    "The reason for the delay is simple;",                  # cut-off fragment
    "“We will rebuild it, whatever it costs.”",             # a bare quotation: who said it?
    "“We will rebuild it,” he said.",                       # a quotation given to a bare pronoun
])
def test_dependent_or_furniture_sentences_do_not(text: str) -> None:
    assert not stands_alone(text)


def _article(text: str) -> Article:
    import re

    article = Article(id="a1", location="a1.txt", text=text)
    article.sentences = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    return article


def _marked(lines: list[str]) -> set[str]:
    """The sentences (one per line) that fragment_sentences marks, on a parsed Doc."""
    doc = make_doc(_article("\n".join(lines)))
    parse([doc])
    return {s.text for s in fragment_sentences({"a1": doc})}


def test_the_parse_marks_captions_and_back_references_not_statements() -> None:
    lines = [
        "The city council of Marvel voted on Tuesday to reopen the old bridge.",
        "An official photograph of the old bridge, taken from the north bank in 1921.",
        "The man had joined hundreds of onlookers on the bank.",
        "Mayor Ana Ruiz said the repairs cost less than planned.",
    ]
    marked = _marked(lines)
    assert lines[1] in marked and lines[2] in marked
    assert lines[0] not in marked and lines[3] not in marked


def test_an_unparsed_doc_marks_nothing() -> None:
    doc = make_doc(_article("A photograph of the bridge."))
    assert fragment_sentences({"a1": doc}) == []


def _item(text: str, sources: list[str], start: int = 0) -> SummaryItem:
    spans = [CitedSpan(source=s, start=start, end=start + len(text), text=text, support=1.0) for s in sources]
    return SummaryItem(text=text, sources=sources, spans=spans, origin=sources[0], score=1.0)


def test_summary_headline_is_the_lead_unless_it_states_a_disputed_figure() -> None:
    told = _item("Twelve people died in the floods that closed the Marvel Bridge.", ["a", "b", "c"])
    second = _item("Floods closed the Marvel Bridge on Tuesday.", ["a"], start=100)
    assert summary_headline([told, second], []) == "Twelve people died in the floods that closed the Marvel Bridge"
    # the lead states a disputed death toll: the headline falls back to the next sentence
    toll = [TextSpan(source="b", start=0, end=6, text="Twelve")]
    assert summary_headline([told, second], toll) == "Floods closed the Marvel Bridge on Tuesday"
    assert summary_headline([told], toll) is None


def test_a_long_lead_is_cut_and_marked() -> None:
    words = " ".join(f"w{k}" for k in range(40)) + "."
    headline = summary_headline([_item(words, ["a"])], [])
    assert headline is not None and headline.endswith(" …") and len(headline.split()) == 17


def test_reported_speech_is_judged_by_its_reported_clause() -> None:
    lines = [
        "Repairs to the Orvane bridge will begin in July, the ministry said.",  # news attribution: fine
        "The man will face trial in July, police said.",                        # the reported subject leans back
        "The bridge will reopen in July, he said.",                             # who is he?
    ]
    marked = _marked(lines)
    assert lines[0] not in marked
    assert lines[1] in marked and lines[2] in marked


def test_a_pronoun_for_a_person_before_any_name_leans_back() -> None:
    lines = [
        "The government said his death was unrelated to the protests.",
        "Police said they had detained four men near the market.",
        "After his release, Tomas Ferrand thanked the court.",
    ]
    marked = _marked(lines)
    assert lines[0] in marked
    assert lines[1] not in marked
    assert lines[2] in marked  # cataphora reads as a reference back too: left out (a loss, not an error)


def test_the_lead_is_the_most_corroborated_opening_sentence() -> None:
    import datetime as dt

    from corroborate import Config
    from corroborate.model import RawReport
    from corroborate.pipeline import brief_reports

    raws = [
        RawReport("a", "a", "Farmers in the Velstad valley gathered their sheep before the first winter storm arrived. "
                  "Floodwater from the Orvane river closed the Marvel Bridge in Velstad on Tuesday, officials said.",
                  published=dt.date(2031, 6, 10)),
        RawReport("b", "b", "Floodwater from the Orvane river closed the Marvel Bridge in Velstad on Tuesday, officials "
                  "said. Engineers will inspect the bridge piers once the water falls.", published=dt.date(2031, 6, 11)),
    ]
    briefing = brief_reports(raws, Config()).briefings[0]
    first = briefing["summary"][0]
    assert first["text"].startswith("Floodwater from the Orvane river") and sorted(first["sources"]) == ["a", "b"]
    assert briefing["story"]["headline_from"] == "summary"
    assert briefing["story"]["headline"] == first["text"].rstrip(".")


def test_the_parse_marks_list_items_and_captions_with_a_subject_but_not_unique_descriptions() -> None:
    lines = [
        "Play with twenty different kittens like a lion, a cheetah and a tiger.",  # imperative list item
        "River rafting with several players who paddle in the raft.",             # no finite main verb
        "Ana Ruiz and her two brothers before she was diagnosed with the flu.",     # caption
        "The most important person in the town is Ana Ruiz, a survey found.",       # superlative: unique
        "The mayor of Marvel said the bridge would reopen in May.",
    ]
    marked = _marked(lines)
    assert lines[0] in marked and lines[1] in marked and lines[2] in marked
    assert lines[3] not in marked and lines[4] not in marked
