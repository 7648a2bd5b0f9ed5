"""The document model (issue 11): a spaCy Doc per report whose span layers cut exactly their characters."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.document import Item, data_of, layer, make_doc, span_record, text_span, write_layer
from corroborate.model import Article, Dateline

TEXT = "WASHINGTON (AP) - He met officials near the U.S. border. It cost $5m.  Then more came."


def _article() -> Article:
    dl_end = TEXT.index("He")
    first_end = TEXT.index(" It")
    second = TEXT.index("It"), TEXT.index("5m.") + 3
    third = TEXT.index("Then"), len(TEXT)
    return Article(
        id="r1",
        location="r1.txt",
        text=TEXT,
        sentences=[(dl_end, first_end), second, third],
        datelines=[Dateline(text="WASHINGTON (AP) -", place="WASHINGTON", agency="Associated Press", start=0, end=dl_end)],
    )


def test_make_doc_writes_sentences_and_datelines_and_sets_sentence_starts() -> None:
    article = _article()
    doc = make_doc(article)
    assert doc.user_data["source"] == "r1"
    assert [s.text for s in layer(doc, "sentences")] == [TEXT[s:e].strip() for s, e in article.sentences]
    assert [s.text for s in layer(doc, "datelines")] == ["WASHINGTON (AP) -"]
    starts = {s.start for s in doc.sents}
    assert {s.start for s in layer(doc, "sentences")} <= starts
    assert layer(doc, "datelines")[0].start in starts


def test_a_span_inside_a_token_splits_it_and_keeps_the_other_layers() -> None:
    doc = make_doc(_article())
    before = [(s.start_char, s.end_char) for s in layer(doc, "sentences")]
    us = TEXT.index("U.S.")
    money = TEXT.index("5m")
    [place] = write_layer(doc, "entities", [Item(us, us + 3, "LOC")])  # "U.S" inside the token "U.S."
    assert place.text == "U.S" and place.label_ == "LOC"
    write_layer(doc, "numbers", [Item(money, money + 1, "money", {"unit": "USD"})])  # "5" inside "5m."
    assert [s.text for s in layer(doc, "numbers")] == ["5"]
    assert data_of(doc, "numbers") == [{"unit": "USD"}]
    # the earlier layers still cut the same characters after the tokens were split
    assert [(s.start_char, s.end_char) for s in layer(doc, "sentences")] == before
    assert [s.text for s in layer(doc, "entities")] == ["U.S"]
    record = span_record(layer(doc, "entities")[0])
    assert (record.source, record.start, record.end, record.text) == ("r1", us, us + 3, "U.S")


def test_spans_are_trimmed_of_whitespace_and_bad_spans_fail_clearly() -> None:
    doc = make_doc(_article())
    start = TEXT.index("  Then")
    assert text_span(doc, start, start + 6).text == "Then"
    with pytest.raises(ValueError, match="outside a text"):
        write_layer(doc, "quotes", [Item(0, len(TEXT) + 1)])
    with pytest.raises(ValueError, match="unknown layer"):
        write_layer(doc, "opinions", [Item(0, 2)])


_WORDS = st.sampled_from(["U.S.", "$5m", "(AP)", "don't", "#tag", "e-mail", "well-known", "3.5%", "—", "Mr.", "x"])


@settings(max_examples=60, deadline=None)
@given(
    words=st.lists(_WORDS, min_size=1, max_size=25),
    seps=st.lists(st.sampled_from([" ", "  ", "\n", "\n\n", ""]), min_size=25, max_size=25),
    cuts=st.lists(st.tuples(st.integers(0, 400), st.integers(0, 40)), max_size=12),
)
def test_every_layer_cuts_exactly_the_characters_it_was_given(words: list[str], seps: list[str], cuts: list) -> None:
    text = "".join(w + s for w, s in zip(words, seps, strict=False)) or "x"
    doc = make_doc(Article(id="p", location="p", text=text, sentences=[(0, len(text))]))
    layers = ("entities", "quotes", "numbers", "timex")
    wanted: dict[str, list[str]] = {}
    for k, (start, length) in enumerate(cuts):
        start = min(start, len(text))
        end = min(len(text), start + length)
        name = layers[k % len(layers)]
        items = [Item(start, end)]
        write_layer(doc, name, items)
        piece = text[start:end].strip()
        wanted[name] = [piece] if piece else []
    for name, texts in wanted.items():
        assert [s.text for s in layer(doc, name)] == texts
    assert doc.text == text
    assert layer(doc, "sentences")[0].text == text.strip() or not text.strip()


def test_the_trained_parser_reads_the_report_doc_and_keeps_its_sentences() -> None:
    from corroborate.analyze.syntax import parse

    article = _article()
    doc = make_doc(article)
    write_layer(doc, "entities", [Item(TEXT.index("U.S."), TEXT.index("U.S.") + 3, "LOC")])  # splits a token
    (parsed,) = parse([doc])
    assert parsed is doc and doc.has_annotation("DEP") and doc.has_annotation("POS")
    for sentence in layer(doc, "sentences"):
        roots = [t for t in sentence if t.head == t]
        assert len(roots) == 1 and all(sentence.start <= t.head.i < sentence.end for t in sentence)
    assert [s.text for s in layer(doc, "entities")] == ["U.S"]


def test_a_parsed_doc_keeps_its_trees_when_a_layer_splits_tokens() -> None:
    """The story driver parses every Doc before the components write layers; a split token keeps its place
    in the tree (first piece) and the sentence boundaries stay where they were."""
    from corroborate.analyze.syntax import parse

    text = 'Police said 12 people were killed.\n\nThe mayor told reporters "we are grieving" on Monday.'
    doc = make_doc(Article(id="a", location="x", text=text, sentences=[(0, 34), (36, len(text))]))
    parse([doc])
    before = [s.start_char for s in doc.sents]
    grieving = text.index("grieving")
    write_layer(doc, "quotes", [Item(grieving + 2, grieving + 5, "QUOTE")])
    assert [s.start_char for s in doc.sents] == before
    pieces = [t for t in doc if grieving <= t.idx < grieving + len("grieving")]
    assert [t.text for t in pieces] == ["gr", "iev", "ing"]
    assert pieces[0].dep_ != "dep" and all(t.head == pieces[0] and t.dep_ == "dep" for t in pieces[1:])
    assert all(t.sent.start_char == before[1] for t in pieces)
