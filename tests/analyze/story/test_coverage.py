"""Coverage: a short ranked list per source of statements only it carries, and of what most others carry that it
omits; every line a whole sentence of a source (fictional text)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from corroborate.analyze.story.analyze import documents, find_entities
from corroborate.analyze.story.assemble import entity_records
from corroborate.analyze.story.coverage import coverage
from corroborate.analyze.text.sentences import split_sentences
from corroborate.config import CoverageOptions
from corroborate.model import Article
from corroborate.records import CoverageRecord, EntityRecord, QuoteRecord, TextSpan


def _article(aid: str, text: str, copy_of: str | None = None) -> Article:
    return Article(id=aid, location=aid, text=text, sentences=split_sentences(text), duplicate_of=copy_of)


def _by_source(items: list[CoverageRecord]) -> dict[str, CoverageRecord]:
    return {c.source: c for c in items}


def _parsed(articles: Sequence[Article], entities: bool = True) -> list[CoverageRecord]:
    """Coverage as the story analysis computes it: parsed Docs, the entity layer and the linked entities."""
    docs = documents(articles, [])
    records = entity_records(find_entities(articles, docs, []), docs) if entities else []
    return coverage(articles, docs, records)


# Fictional: a ferry fire off Port Ilmen reported by three outlets and one copy (read without a parse).
A = _article("a", "Fire broke out on the ferry Marisol off Port Ilmen on Tuesday. All 212 passengers were rescued by coastguard boats. "
                  "The captain was taken to hospital with burns.")
B = _article("b", "All 212 passengers were rescued by coastguard boats after fire broke out on the ferry Marisol off Port Ilmen. "
                  "The ferry company suspended sailings for a week.")
C = _article("c", "Fire broke out on the ferry Marisol off Port Ilmen on Tuesday. A passenger filmed the blaze from a lifeboat.")
COPY = _article("c-copy", "Fire broke out on the ferry Marisol off Port Ilmen on Tuesday. A passenger filmed the blaze from a lifeboat.", "c")

# Fictional: the Orvane dam bursts above the town of Kessa; four outlets.
SHARED = ("The Orvane dam burst on Sunday night, flooding the valley town of Kessa. "
          "Rescuers pulled 40 people from rooftops, the regional governor said. ")
DAM_A = _article("dam-a", SHARED
                 + "Flood Updates\n\nMayor Warns Residents Of More Heavy Rain Ahead This Week\n\n"
                 "Coach Milo Fenwick led the town's football team to a league title last spring. "
                 "Engineer Pavla Dremmer warned the Orvane dam operator that cracks had spread along the spillway. "
                 "Keep pets indoors and charge your phones tonight. "
                 "Ms Dremmer had warned the dam operator that cracks had spread along the spillway, her letter shows.")
DAM_B = _article("dam-b", SHARED + "Volunteers from nearby farms handed out soup and woollen blankets at the church. "
                 "The Kessa hospital treated 17 people for hypothermia. "
                 "Nurse Edda Lindqvist said the wards were full by dawn. "
                 "Governor Ansel Corvin declared a state of emergency in the valley. "
                 "Schools across the valley will stay closed until Friday.")
DAM_C = _article("dam-c", SHARED + "Governor Ansel Corvin declared a state of emergency in the valley. "
                 "Schools across the valley will stay closed until Friday. "
                 "Army trucks brought drinking water to the school gym.")
DAM_D = _article("dam-d", "The Orvane dam burst on Sunday night, flooding the valley town of Kessa. "
                 "Governor Ansel Corvin declared a state of emergency in the valley. "
                 "Farmers downstream lost most of their cattle.")


@pytest.fixture(scope="module")
def dam() -> dict[str, CoverageRecord]:
    return _by_source(_parsed([DAM_A, DAM_B, DAM_C, DAM_D]))


def _sentences(article: Article) -> set[str]:
    return {article.text[s:e].strip() for s, e in article.sentences}


def test_unique_statements_are_what_no_other_source_carries() -> None:
    cov = _by_source(coverage([A, B, C]))
    assert any("captain was taken to hospital" in u for u in cov["a"].unique)
    assert any("suspended sailings" in u for u in cov["b"].unique)
    assert not any("212 passengers" in u for u in cov["a"].unique)  # B carries it too


def test_omits_what_most_others_carry() -> None:
    cov = _by_source(coverage([A, B, C]))
    assert any("212 passengers" in o for o in cov["c"].omits)
    assert all("212" not in o for o in cov["a"].omits)


def test_a_copy_is_not_an_independent_majority() -> None:
    # With the copy, C's facts are carried by two reports but one origin: "filmed the blaze" is not a
    # majority fact that A and B omit.
    cov = _by_source(coverage([A, B, C, COPY]))
    assert not any("filmed the blaze" in o for o in cov["a"].omits + cov["b"].omits)


def test_every_line_is_a_whole_sentence_of_its_span_in_the_right_source(dam: dict[str, CoverageRecord]) -> None:
    stories = [([A, B, C, COPY], _by_source(coverage([A, B, C, COPY]))), ([DAM_A, DAM_B, DAM_C, DAM_D], dam)]
    for articles, cov in stories:
        by_id = {x.id: x for x in articles}
        for record in cov.values():
            assert len(record.unique) == len(record.unique_spans)
            assert len(record.omits) == len(record.omits_spans) == len(record.omits_sources)
            for line, span in zip(record.unique, record.unique_spans, strict=True):
                assert span.source == record.source and by_id[span.source].text[span.start : span.end] == line
                assert line in _sentences(by_id[span.source])
            for line, span, carriers in zip(record.omits, record.omits_spans, record.omits_sources, strict=True):
                assert span.source != record.source and by_id[span.source].text[span.start : span.end] == line
                assert line in _sentences(by_id[span.source])
                assert span.source in carriers and record.source not in carriers


def test_story_facts_rank_before_asides_and_headings_and_tips_are_never_lines(dam: dict[str, CoverageRecord]) -> None:
    unique = dam["dam-a"].unique
    # both name someone no other outlet names; the engineer's warning is about the dam the story is about, the
    # coach's title is not
    assert unique and "Pavla Dremmer" in unique[0]
    assert [i for i, u in enumerate(unique) if "football" in u] in ([], [1], [2], [3], [4])
    assert not any("Flood Updates" in u for u in unique)  # a heading: no verb
    assert not any("More Rain" in u for u in unique)  # a headline: title case, no closing stop
    assert not any("charge your phones" in u for u in unique)  # an instruction to the reader, not a fact


def test_names_and_figures_no_other_source_gives_rank_first(dam: dict[str, CoverageRecord]) -> None:
    unique = dam["dam-b"].unique
    rank = {key: next(i for i, u in enumerate(unique) if key in u) for key in ("17 people", "Lindqvist", "soup")}
    assert rank["17 people"] < rank["soup"] and rank["Lindqvist"] < rank["soup"]


def test_a_fact_said_twice_by_one_source_is_one_line(dam: dict[str, CoverageRecord]) -> None:
    assert sum("cracks had spread along the spillway" in u for u in dam["dam-a"].unique) == 1


def test_omits_are_ranked_by_how_many_others_carry_them(dam: dict[str, CoverageRecord]) -> None:
    omits = dam["dam-a"].omits
    # the state of emergency is told by B, C and D, the schools by B and C; the water trucks and the hospital
    # by one each
    assert len(omits) == 2 and "state of emergency" in omits[0] and "Schools" in omits[1]
    assert dam["dam-a"].omits_sources == [["dam-b", "dam-c", "dam-d"], ["dam-b", "dam-c"]]
    assert not any("hypothermia" in o or "Army trucks" in o for o in omits)
    # D lacks the rescue that A, B and C report
    assert any("40 people" in o for o in dam["dam-d"].omits)


def test_a_bare_name_is_never_a_line(dam: dict[str, CoverageRecord]) -> None:
    a = _article("a", 'The Ilmen Coastguard said: "We got everyone off." ' + A.text)
    b = _article("b", 'The Ilmen Coastguard said: "We got everyone off." ' + B.text)
    name = [_span(a, "Ilmen Coastguard"), _span(b, "Ilmen Coastguard")]
    entities = [EntityRecord(name="Ilmen Coastguard", type="ORG", aliases=[], sources=["a", "b"], mentions=2,
                             spans=name, name_span=name[0])]
    quote = [_span(a, "We got everyone off."), _span(b, "We got everyone off.")]
    quotes = [QuoteRecord(speaker="Ilmen Coastguard", text="We got everyone off.", sources=["a", "b"], spans=quote,
                          partial=False)]
    cov = _by_source(coverage([a, b, C], None, entities, quotes))
    # the name and the quotation most others carry are omitted by C: shown by the sentence that tells them
    assert 'The Ilmen Coastguard said: "We got everyone off."' in cov["c"].omits
    names = {e.name for e in entities}
    for record in list(cov.values()) + list(dam.values()):
        for line in record.unique + record.omits:
            assert line not in names and len(line.split()) >= 2


def test_caps_hold_and_a_smaller_cap_keeps_the_best_lines() -> None:
    people = ["Ilse Varga", "Tomas Brenn", "Odile Mercer", "Piet Halvorsen", "Nadia Solberg", "Jonas Kemp",
              "Rina Castell", "Aurel Dimas"]
    rich = _article("rich", SHARED + " ".join(
        f"{who}, a resident of street {n}, said the water reached {n + 1} metres." for n, who in enumerate(people, 3)))
    others = [_article(f"o{k}", SHARED + "Governor Ansel Corvin declared a state of emergency in the valley.")
              for k in range(4)]
    docs = documents([rich, *others], [])
    full = _by_source(coverage([rich, *others], docs))
    assert len(full["rich"].unique) == CoverageOptions().max_unique == 5
    assert all(len(r.omits) <= CoverageOptions().max_omits for r in full.values())
    short = _by_source(coverage([rich, *others], docs, options=CoverageOptions(max_unique=2, max_omits=1)))
    assert short["rich"].unique == full["rich"].unique[:2]
    assert all(len(r.omits) <= 1 for r in short.values())


def test_a_name_entity_linking_ties_to_another_source_is_not_new() -> None:
    # "Kesa" is how one outlet spells Kessa; once the story links the two, the spelling is no fact of its own.
    one = _article("one", "Floodwater reached the old bridge of Kessa overnight. Rescuers pulled 40 people from rooftops.")
    two = _article("two", "Floodwater reached the old bridge of Kesa overnight. Rescuers pulled 40 people from rooftops.")
    three = _article("three", "Rescuers pulled 40 people from rooftops, the governor said.")
    docs = documents([one, two, three], [])
    unlinked = _by_source(coverage([one, two, three], docs))
    spans = [_span(one, "Kessa"), _span(two, "Kesa")]
    linked = [EntityRecord(name="Kessa", type="PLACE", aliases=["Kesa"], sources=["one", "two"], mentions=2,
                           spans=spans, name_span=spans[0])]
    tied = _by_source(coverage([one, two, three], docs, linked))
    assert any("Kesa" in u for u in unlinked["two"].unique)  # the spelling alone looks new
    assert not any("Kesa" in u for u in tied["two"].unique)


def _span(article: Article, needle: str) -> TextSpan:
    start = article.text.index(needle)
    return TextSpan(source=article.id, start=start, end=start + len(needle), text=needle)
