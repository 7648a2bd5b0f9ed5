"""Named-entity tagger (corroborate.analyze.entities.ner): spans and labels on fictional text, IOB helpers, CoNLL gate."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import torch

from corroborate.analyze.entities.ner import MODEL_DIR, NerTagger, load_tagger
from corroborate.analyze.entities.ner.encoder import (
    CASE_LOWER,
    CASE_MIXED,
    CASE_NOALPHA,
    CASE_TITLE,
    CASE_UPPER,
    case_class,
    dequantized_state,
    quantize_rows,
)
from corroborate.analyze.entities.ner.tagger import MAX_PIECES, encode_sentences, viterbi
from evallib.ner_data import TAGS, bio_spans, iob1_to_iob2, read_conll2003
from evallib.ner_metrics import entity_scores

# Hand-written fictional sentences and every entity a working model must find in them (surface, label).
# Known miss, not asserted: with a bare unseen name the verb alone is weak evidence ("visited Karesh" -> PER).
CASES: list[tuple[str, list[tuple[str, str]]]] = [
    ("Prime Minister Jane Doe arrived in Karesh on Monday.", [("Jane Doe", "PER"), ("Karesh", "LOC")]),
    (
        "The Velmora Shipping Company said its chief executive, Tomas Albrecht, would travel to Ostravia "
        "next week.",
        [("Velmora Shipping Company", "ORG"), ("Tomas Albrecht", "PER"), ("Ostravia", "LOC")],
    ),
    (
        "Governor Idris Kanaan met officials of the Northern Relief Coalition in the town of Tell Marouf "
        "on Tuesday.",
        [("Idris Kanaan", "PER"), ("Northern Relief Coalition", "ORG"), ("Tell Marouf", "LOC")],
    ),
    (
        "Harrowgate United beat Kestrel City 2-1 in the Ostravian Cup final in Port Selwyn.",
        [("Harrowgate United", "ORG"), ("Kestrel City", "ORG"), ("Ostravian Cup", "MISC"), ("Port Selwyn", "LOC")],
    ),
    (
        "A spokesman for the Karesh Central Bank said the bank would cut rates, the Harbour Ledger reported.",
        [("Karesh Central Bank", "ORG"), ("Harbour Ledger", "ORG")],
    ),
]

ARTICLE = (
    "Prime Minister Jane Doe arrived in Karesh on Monday.\n\n"
    "The Velmora Shipping Company said its chief executive, Tomas Albrecht, would travel to Ostravia "
    "next week.\n\nNo names here, only weather and prices."
)


@pytest.fixture(scope="module")
def tagger() -> NerTagger:
    return load_tagger()


def surfaces(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    return [(text[start:end], label) for start, end, label in spans]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_tag_text_finds_fictional_entities_with_exact_offsets(
    tagger: NerTagger, text: str, expected: list[tuple[str, str]]
) -> None:
    assert surfaces(text, tagger.tag_text(text)) == expected


def test_article_spans_cut_entity_text_across_paragraphs(tagger: NerTagger) -> None:
    spans = tagger.tag_text(ARTICLE)
    found = surfaces(ARTICLE, spans)
    assert found == [
        ("Jane Doe", "PER"),
        ("Karesh", "LOC"),
        ("Velmora Shipping Company", "ORG"),
        ("Tomas Albrecht", "PER"),
        ("Ostravia", "LOC"),
    ]
    assert spans == sorted(spans)
    assert all(0 <= s < e <= len(ARTICLE) and ARTICLE[s:e].strip() == ARTICLE[s:e] for s, e, _ in spans)
    last_paragraph = ARTICLE.rindex("No names")
    assert all(s < last_paragraph for s, _, _ in spans)


def test_tag_texts_matches_one_by_one_and_handles_empty(tagger: NerTagger) -> None:
    texts = [CASES[1][0], "", "   \n  ", ARTICLE]
    batched = tagger.tag_texts(texts)
    assert batched == [tagger.tag_text(t) for t in texts]
    assert batched[1] == [] and batched[2] == []


def test_load_tagger_is_cached() -> None:
    assert load_tagger() is load_tagger()
    assert load_tagger().model.training is False


def test_tag_tokens_shape_and_valid_iob2(tagger: NerTagger) -> None:
    sentences = [["Jane", "Doe", "arrived", "in", "Karesh", "."], [], ["\u200b", "Ostravia"], ["Velmora"] * 3]
    tags = tagger.tag_tokens(sentences)
    assert [len(t) for t in tags] == [len(s) for s in sentences]
    assert tags[0] == ["B-PER", "I-PER", "O", "O", "B-LOC", "O"]
    assert tags[2][0] == "O"  # a token the wordpiece tokenizer drops entirely
    for row in tags:
        assert_valid_iob2(row)


def test_sentence_longer_than_the_network_window_is_tagged_in_chunks(tagger: NerTagger) -> None:
    clause = "the Velmora Shipping Company said its chief executive , Tomas Albrecht , would travel to Ostravia ;"
    words = clause.split() * 16  # one "sentence" of about 380 wordpieces: two chunks
    (chunks,) = encode_sentences(tagger.tokenizer, [words])
    assert len(chunks) == 2 and all(len(c.ids) <= MAX_PIECES for c in chunks)
    split = len(chunks[0].first_piece)
    (tags,) = tagger.tag_tokens([words])
    assert len(tags) == len(words)
    assert_valid_iob2(tags)
    # Each chunk is tagged as if it were its own sentence, and the pieces are put back in order.
    assert tags == sum(tagger.tag_tokens([words[:split], words[split:]]), [])
    tail = [(" ".join(words[split:][s:e]), label) for s, e, label in bio_spans(tags[split:])]
    assert ("Tomas Albrecht", "PER") in tail and ("Velmora Shipping Company", "ORG") in tail
    assert_valid_iob2(tags)


def test_spans_always_lie_inside_text_and_hug_tokens(tagger: NerTagger) -> None:
    rng = random.Random(11)
    pieces = ["Jane", "Doe", "Karesh", "of", "the", ".", ",", "-", "'s", "\u00e9", "\u200b", " ", "\n\n", "ÉMILE"]
    texts = ["".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(40)) for _ in range(30)]
    for text, spans in zip(texts, tagger.tag_texts(texts), strict=True):
        for start, end, label in spans:
            assert 0 <= start < end <= len(text) and label in {"PER", "ORG", "LOC", "MISC"}
            assert text[start:end] == text[start:end].strip()


def assert_valid_iob2(tags: list[str]) -> None:
    previous = "O"
    for tag in tags:
        assert tag in TAGS
        if tag.startswith("I-"):
            assert previous[2:] == tag[2:], tags
        previous = tag


def test_iob1_to_iob2_and_bio_spans() -> None:
    iob1 = ["I-PER", "I-PER", "B-PER", "O", "I-LOC", "I-ORG", "O"]
    iob2 = iob1_to_iob2(iob1)
    assert iob2 == ["B-PER", "I-PER", "B-PER", "O", "B-LOC", "B-ORG", "O"]
    assert bio_spans(iob2) == [(0, 2, "PER"), (2, 3, "PER"), (4, 5, "LOC"), (5, 6, "ORG")]
    assert bio_spans(["O", "I-MISC", "I-MISC"]) == [(1, 3, "MISC")]


def test_case_class_keeps_what_the_uncased_vocabulary_loses() -> None:
    assert case_class("karesh") == CASE_LOWER
    assert case_class("Karesh") == CASE_TITLE
    assert case_class("A") == CASE_TITLE
    assert case_class("NATO") == CASE_UPPER
    assert case_class("McAllen") == CASE_MIXED
    assert case_class("1996") == CASE_NOALPHA


def test_viterbi_never_returns_an_invalid_transition() -> None:
    generator = torch.Generator().manual_seed(7)
    emissions = torch.randn(16, 12, len(TAGS), generator=generator) * 5
    lengths = torch.tensor([random.Random(i).randint(0, 12) for i in range(16)])
    for row, length in zip(viterbi(emissions, lengths), lengths, strict=True):
        assert len(row) == int(length)
        assert_valid_iob2([TAGS[i] for i in row])


def test_int8_storage_round_trip_is_stable() -> None:
    stored = torch.load(MODEL_DIR / "weights.pt", map_location="cpu", weights_only=True)
    restored = dequantized_state(stored)
    for name in ("word_embeddings.weight", "layers.0.linear1.weight"):
        assert stored[name].dtype == torch.int8 and restored[name].dtype == torch.float32
        values, scale = quantize_rows(restored[name])
        assert torch.equal(values, stored[name])
        assert torch.allclose(scale, stored[name + ".__scale"])


def test_shipped_model_fits_the_size_budget() -> None:
    size = sum(f.stat().st_size for f in MODEL_DIR.iterdir() if f.is_file())
    assert size <= 30_000_000


# Quick gate on the first 300 CoNLL-2003 test sentences (672 entities).
GATE_SENTENCES = 300
GATE_FLOOR = 0.91  # shipped model measured 0.9296 overall F1 there (bf16); full test set 0.8907


def test_conll2003_quick_gate(tagger: NerTagger, shared_data: Path) -> None:
    path = shared_data / "ner" / "conll2003" / "eng.testb.gz"
    if not path.is_file():
        pytest.skip(f"CoNLL-2003 test not found at {path}")
    sentences = read_conll2003(path)[:GATE_SENTENCES]
    predicted = tagger.tag_tokens([s.tokens for s in sentences])
    scores = entity_scores([s.tags for s in sentences], predicted)
    assert scores["overall"]["f1"] >= GATE_FLOOR, scores
