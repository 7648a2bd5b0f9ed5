"""Coverage: unique statements per source, and what most others carry that one omits."""

from __future__ import annotations

from corroborate.analyze.story.coverage import coverage
from corroborate.analyze.text.sentences import split_sentences
from corroborate.model import Article
from corroborate.records import CoverageRecord, EntityRecord, QuoteRecord, TextSpan


def _article(aid: str, text: str, copy_of: str | None = None) -> Article:
    return Article(id=aid, location=aid, text=text, sentences=split_sentences(text), duplicate_of=copy_of)


# Fictional: a ferry fire off Port Ilmen reported by three outlets and one copy.
A = _article("a", "Fire broke out on the ferry Marisol off Port Ilmen on Tuesday. All 212 passengers were rescued by coastguard boats. "
                  "The captain was taken to hospital with burns.")
B = _article("b", "All 212 passengers were rescued by coastguard boats after fire broke out on the ferry Marisol off Port Ilmen. "
                  "The ferry company suspended sailings for a week.")
C = _article("c", "Fire broke out on the ferry Marisol off Port Ilmen on Tuesday. A passenger filmed the blaze from a lifeboat.")
COPY = _article("c-copy", "Fire broke out on the ferry Marisol off Port Ilmen on Tuesday. A passenger filmed the blaze from a lifeboat.", "c")


def _by_source(items: list[CoverageRecord]) -> dict[str, dict]:
    return {c.source: c.to_dict() for c in items}


def test_unique_statements_are_what_no_other_source_carries() -> None:
    cov = _by_source(coverage([A, B, C]))
    assert any("captain was taken to hospital" in u for u in cov["a"]["unique"])
    assert any("suspended sailings" in u for u in cov["b"]["unique"])
    assert not any("212 passengers" in u for u in cov["a"]["unique"])  # B carries it too


def test_omits_what_most_others_carry() -> None:
    cov = _by_source(coverage([A, B, C]))
    assert any("212 passengers" in o for o in cov["c"]["omits"])
    assert not cov["a"]["omits"] or all("212" not in o for o in cov["a"]["omits"])


def test_a_copy_is_not_an_independent_majority() -> None:
    # With the copy, C's facts are carried by two reports but one origin: "filmed the blaze" is not a
    # majority fact that A and B omit.
    cov = _by_source(coverage([A, B, C, COPY]))
    assert not any("filmed the blaze" in o for o in cov["a"]["omits"] + cov["b"]["omits"])


def test_every_line_is_the_text_of_its_span_in_the_right_source() -> None:
    texts = {x.id: x.text for x in (A, B, C, COPY)}
    for record in coverage([A, B, C, COPY]):
        assert len(record.unique) == len(record.unique_spans) and len(record.omits) == len(record.omits_spans)
        for line, span in zip(record.unique, record.unique_spans, strict=True):
            assert span.source == record.source and texts[span.source][span.start : span.end] == line
        for line, span in zip(record.omits, record.omits_spans, strict=True):
            assert span.source != record.source and texts[span.source][span.start : span.end] == line


def _span(article: Article, needle: str) -> TextSpan:
    start = article.text.index(needle)
    return TextSpan(source=article.id, start=start, end=start + len(needle), text=needle)


def test_entities_and_quotes_most_carry_are_omissions_too() -> None:
    a = _article("a", 'The Ilmen Coastguard said: "We got everyone off." ' + A.text)
    b = _article("b", 'The Ilmen Coastguard said: "We got everyone off." ' + B.text)
    name = [_span(a, "Ilmen Coastguard"), _span(b, "Ilmen Coastguard")]
    entities = [EntityRecord(name="Ilmen Coastguard", type="ORG", aliases=[], sources=["a", "b"], mentions=2,
                             spans=name, name_span=name[0])]
    quote = [_span(a, "We got everyone off."), _span(b, "We got everyone off.")]
    quotes = [QuoteRecord(speaker="Ilmen Coastguard", text="We got everyone off.", sources=["a", "b"], spans=quote,
                          partial=False)]
    cov = _by_source(coverage([a, b, C], None, entities, quotes))
    # the name, and the quotation with the source's own marks, each cut from a source that carries it
    assert "Ilmen Coastguard" in cov["c"]["omits"] and '"We got everyone off."' in cov["c"]["omits"]
