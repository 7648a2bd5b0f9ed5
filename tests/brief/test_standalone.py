"""Summary sentences must read on their own, and a story with no usable outlet title still gets a headline
(issue 13). Fictional text throughout."""

from __future__ import annotations

import pytest

from corroborate.analyze.story.analyze import fragment_sentences
from corroborate.analyze.syntax import parse
from corroborate.brief.briefing import stands_alone, summary_headline
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


def test_the_parse_marks_captions_and_back_references_not_statements() -> None:
    lines = [
        "The city council of Marvel voted on Tuesday to reopen the old bridge.",
        "An official photograph of the old bridge, taken from the north bank in 1921.",
        "The man had joined hundreds of onlookers on the bank.",
        "Mayor Ana Ruiz said the repairs cost less than planned.",
    ]
    doc = make_doc(_article("\n".join(lines)))
    parse([doc])
    marked = {s.text for s in fragment_sentences({"a1": doc})}
    assert lines[1] in marked and lines[2] in marked
    assert lines[0] not in marked and lines[3] not in marked


def test_an_unparsed_doc_marks_nothing() -> None:
    doc = make_doc(_article("A photograph of the bridge."))
    assert fragment_sentences({"a1": doc}) == []


def _item(text: str, sources: list[str], start: int = 0) -> SummaryItem:
    spans = [CitedSpan(source=s, start=start, end=start + len(text), text=text, support=1.0) for s in sources]
    return SummaryItem(text=text, sources=sources, spans=spans, origin=sources[0], score=1.0)


def test_summary_headline_takes_the_most_corroborated_lead_and_never_a_disputed_figure() -> None:
    lead = _item("Floods closed the Marvel Bridge on Tuesday.", ["a"])
    told = _item("Twelve people died in the floods that closed the Marvel Bridge.", ["a", "b", "c"], start=50)
    later = _item("The bridge was built in 1921 by a local firm.", ["a", "b", "c", "d"], start=200)
    assert summary_headline([lead, told], []) == "Twelve people died in the floods that closed the Marvel Bridge"
    # the corroborated sentence states a disputed death toll: the headline falls back to the other lead
    toll = [TextSpan(source="b", start=50, end=56, text="Twelve")]
    assert summary_headline([lead, told], toll) == "Floods closed the Marvel Bridge on Tuesday"
    # a detail further down is not a headline, however many outlets carry it
    assert summary_headline([lead, told, _item("x " * 30 + "end.", ["a"]), later], toll) == (
        "Floods closed the Marvel Bridge on Tuesday")


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
    doc = make_doc(_article("\n".join(lines)))
    parse([doc])
    marked = {s.text for s in fragment_sentences({"a1": doc})}
    assert lines[0] not in marked
    assert lines[1] in marked and lines[2] in marked
