"""Citations: the mechanical support check and citing every source that carries a sentence."""

from __future__ import annotations

from corroborate.brief.citations import find_citations, supports, verify_citation
from corroborate.model import Article, Span

S = "A blast tore through the central market of Tarvé on Saturday, killing 62 people, officials said."


def _article(aid: str, text: str) -> Article:
    return Article(id=aid, location=aid, text=text, sentences=[(0, len(text))])


def test_support_needs_the_content_and_the_same_numbers() -> None:
    assert supports(S, "On Saturday a blast tore through Tarvé's central market, killing 62 people.", 0.6)
    assert not supports(S, "A blast tore through the central market of Tarvé on Saturday, killing 80 people.", 0.6)
    assert not supports(S, "The minister visited Tarvé on Saturday.", 0.6)


def test_negation_must_agree() -> None:
    assert not supports("The group claimed the attack.", "The group did not claim the attack.", 0.6)
    assert supports("The group did not claim the attack.", "The group has not claimed the attack.", 0.6)


def test_find_citations_cites_every_supporting_source_and_only_them() -> None:
    origin = _article("a", S)
    same = _article(
        "b", "Officials said 62 people were killed when a blast tore through the central market of Tarvé on Saturday."
    )
    other_number = _article(
        "c", "A blast tore through the central market of Tarvé on Saturday, killing more than 80 people."
    )
    unrelated = _article("d", "Floods closed the Vell bridge.")
    found = find_citations(S, Span("a", 0, len(S)), [origin, same, other_number, unrelated], 0.6)
    assert [c.span.source for c in found] == ["a", "b"]
    by_id = {a.id: a for a in (origin, same, other_number, unrelated)}
    assert all(verify_citation(S, c.span, by_id, 0.6) for c in found)
    assert not verify_citation(S, Span("c", 0, 10), by_id, 0.6)
    assert not verify_citation(S, Span("b", 0, 10_000), by_id, 0.6)
