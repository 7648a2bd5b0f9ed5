"""Coverage ranking: a new person's name outranks a new place, and page furniture (captions, gallery labels,
credits, repeated templates) ranks after every statement of the report (fictional text)."""

from __future__ import annotations

from collections.abc import Sequence

from corroborate.analyze.story.analyze import documents, find_entities
from corroborate.analyze.story.assemble import entity_records
from corroborate.analyze.story.coverage import coverage
from corroborate.analyze.story.coverage_units import mark_furniture, read_sentences
from corroborate.analyze.text.sentences import split_sentences
from corroborate.model import Article
from corroborate.records import CoverageRecord


def _article(aid: str, text: str) -> Article:
    return Article(id=aid, location=aid, text=text, sentences=split_sentences(text))


def _parsed(articles: Sequence[Article]) -> dict[str, CoverageRecord]:
    docs = documents(articles, [])
    records = entity_records(find_entities(articles, docs, []), docs)
    return {c.source: c for c in coverage(articles, docs, records)}


# Fictional: a warehouse fire in the port of Talvik, three outlets.
SHARED = (
    "Fire destroyed a grain warehouse in the port of Talvik on Monday. Firefighters fought the blaze for nine hours. "
)


def test_a_new_persons_name_ranks_before_a_new_place() -> None:
    # both lines add one name nobody else gives; who acted is what the gold of real stories picks most
    mine = _article(
        "mine",
        SHARED + "The smoke drifted over the village of Orsk by the afternoon. "
        "Fire chief Henrik Solvang said the roof collapsed within an hour.",
    )
    others = [_article(f"o{k}", SHARED + "The harbour stayed open to ships.") for k in range(2)]
    unique = _parsed([mine, *others])["mine"].unique
    solvang = next(i for i, u in enumerate(unique) if "Solvang" in u)
    orsk = next(i for i, u in enumerate(unique) if "Orsk" in u)
    assert solvang < orsk


def test_captions_and_gallery_lines_rank_after_every_statement() -> None:
    gallery = " ".join(
        f"Hide Caption {n} of 4 Photos: Warehouse fire in Talvik {who} watches the flames near the quay on Monday."
        for n, who in enumerate(["Dock worker Mira Eklund", "Pilot Jon Ravn", "Trader Ulla Brask", "Guard Tor Lind"], 1)
    )
    mine = _article("mine", SHARED + gallery + " The owner said the stock was insured.")
    others = [_article(f"o{k}", SHARED + "The harbour stayed open to ships.") for k in range(2)]
    cov = _parsed([mine, *others])["mine"]
    ranked = cov.unique + cov.more_unique
    insured = next(i for i, u in enumerate(ranked) if "insured" in u)
    captions = [i for i, u in enumerate(ranked) if "Caption" in u]
    # the captions carry more new names, yet the report's own statement comes first
    assert captions and insured < min(captions)


def test_furniture_is_a_marker_a_caption_label_or_a_template_opening() -> None:
    text = (
        "Gallery: Talvik fire in pictures A crane lifts a burnt beam from the quay. "
        "Gallery: Talvik fire in pictures A boat sprays water on the warehouse roof. "
        "Gallery: Talvik fire in pictures A worker rests on a bollard at dawn. "
        "Crews reached the Talvik grain warehouse on the east quay within minutes. "
        "A second crew joined them at the Talvik grain warehouse on the east quay later. "
        "A third crew stood by at the Talvik grain warehouse on the east quay all night. "
        "Read or Share this story: the fire in Talvik."
    )
    article = _article("x", text)
    docs = documents([article], [])
    sentences = read_sentences([article], docs)
    mark_furniture(sentences)
    flagged = [(s.text.strip(), s.furniture) for s in sentences]
    assert [f for t, f in flagged if t.startswith("Gallery")] == [True] * 3  # one template opens three lines
    # prose that repeats a long place name mid-sentence is no template
    crews = [f for t, f in flagged if "crew" in t.lower()]
    assert len(crews) == 3 and not any(crews)
    assert [f for t, f in flagged if t.startswith("Read or Share")] == [True]  # a marker of clean.markers
