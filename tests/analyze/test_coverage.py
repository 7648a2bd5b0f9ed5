"""Coverage: unique statements per source, and what most others carry that one omits."""

from __future__ import annotations

from corroborate.analyze.coverage import coverage
from corroborate.analyze.sentences import split_sentences
from corroborate.model import Article


def _article(aid: str, text: str, copy_of: str | None = None) -> Article:
    return Article(id=aid, location=aid, text=text, sentences=split_sentences(text), duplicate_of=copy_of)


# Fictional: a ferry fire off Port Ilmen reported by three outlets and one copy.
A = _article("a", "Fire broke out on the ferry Marisol off Port Ilmen on Tuesday. All 212 passengers were rescued by coastguard boats. "
                  "The captain was taken to hospital with burns.")
B = _article("b", "All 212 passengers were rescued by coastguard boats after fire broke out on the ferry Marisol off Port Ilmen. "
                  "The ferry company suspended sailings for a week.")
C = _article("c", "Fire broke out on the ferry Marisol off Port Ilmen on Tuesday. A passenger filmed the blaze from a lifeboat.")
COPY = _article("c-copy", "Fire broke out on the ferry Marisol off Port Ilmen on Tuesday. A passenger filmed the blaze from a lifeboat.", "c")


def _by_source(items: list[dict]) -> dict[str, dict]:
    return {c["source"]: c for c in items}


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


def test_entities_and_quotes_most_carry_are_omissions_too() -> None:
    entities = [{"name": "Ilmen Coastguard", "sources": ["a", "b"]}]
    quotes = [{"text": "We got everyone off", "sources": ["a", "b"]}]
    cov = _by_source(coverage([A, B, C], entities, quotes))
    assert "Ilmen Coastguard" in cov["c"]["omits"] and "“We got everyone off”" in cov["c"]["omits"]
