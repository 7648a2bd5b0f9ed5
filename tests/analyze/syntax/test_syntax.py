"""The shipped UD tagger + parser (corroborate.analyze.syntax): loading, the Doc contract, and a floor on EWT dev.

Sentences here are written for the tests (general English), not taken from any treebank. The floor test reads the
first 300 sentences of UD English-EWT **dev** (gold tokens and sentences) and is skipped when the data is absent.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from corroborate.analyze.syntax import PIPES, load_parser, model_hash, model_path, parse

# The shipped model scores UPOS 0.950 and LAS 0.816 on the first 300 EWT dev sentences (benchmarks/parser_ud.py's
# scorer); a broken or untrained model is far below these floors.
FLOOR_UPOS = 0.93
FLOOR_LAS = 0.80


def _sentences(doc: Doc) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in doc.sents]


def _check_trees(doc: Doc) -> None:
    for sent in doc.sents:
        roots = [t for t in sent if t.head.i == t.i]
        assert len(roots) == 1, f"{len(roots)} roots in {sent.text!r}"
        assert roots[0].dep_ == "ROOT"
        for token in sent:
            assert sent.start <= token.head.i < sent.end, f"head of {token.text!r} outside its sentence"
            assert token.dep_, f"no relation on {token.text!r}"


def test_shipped_model_loads_with_its_pipes() -> None:
    nlp = load_parser()
    assert tuple(nlp.pipe_names) == PIPES
    assert load_parser() is nlp  # cached
    assert (model_path() / "MODEL_CARD.md").is_file()
    assert re.fullmatch(r"[0-9a-f]{16}", model_hash())
    size = sum(f.stat().st_size for f in model_path().rglob("*") if f.is_file())
    assert size <= 30e6


def test_one_root_per_sentence_and_heads_inside() -> None:
    nlp = load_parser()
    words = "The committee approved the new budget on Tuesday . Critics said that it cuts too much .".split()
    starts = [i in (0, 9) for i in range(len(words))]
    (doc,) = parse([Doc(nlp.vocab, words=words, sent_starts=starts)])
    assert _sentences(doc) == [(0, 9), (9, len(words))]
    _check_trees(doc)
    by_text = {t.text: t for t in doc}
    assert by_text["approved"].dep_ == "ROOT"
    assert by_text["committee"].head.text == "approved" and by_text["committee"].dep_ == "nsubj"


def test_preset_sentence_starts_are_kept() -> None:
    """Sentences the caller set are never re-split nor merged, even where the parser would choose otherwise."""
    nlp = load_parser()
    words = "He left early . She stayed late and we talked for hours".split()
    # One "sentence" over both clauses, then a start in the middle of a clause.
    starts = [i in (0, 8) for i in range(len(words))]
    (doc,) = parse([Doc(nlp.vocab, words=words, sent_starts=starts)])
    assert _sentences(doc) == [(0, 8), (8, len(words))]
    _check_trees(doc)


def test_blank_english_doc_with_unset_starts() -> None:
    """A Doc from spacy.blank("en") (another vocabulary); unset starts count as "not a sentence start"."""
    blank = spacy.blank("en")
    doc = blank("The dog barked at the cat. Then it ran away and hid under the old table.")
    for token in doc:
        token.is_sent_start = True if token.i in (0, 7) else None
    (out,) = parse([doc])
    assert out is doc
    assert _sentences(doc) == [(0, 7), (7, len(doc))]
    _check_trees(doc)
    assert all(t.dep_ for t in doc) and all(t.pos_ for t in doc)
    # Without any start set, the whole Doc is one sentence unless the parser is allowed to segment.
    one = blank("The dog barked. The cat ran.")
    parse([one])
    assert len(list(one.sents)) == 1
    free = blank("The dog barked. The cat ran.")
    parse([free], segment_unset=True)
    _check_trees(free)


def test_parse_again_and_empty_doc() -> None:
    """A parsed Doc can be parsed again (same trees); an empty Doc passes through."""
    blank = spacy.blank("en")
    doc = blank("Prices rose sharply in the spring. Nobody expected it.")
    parse([doc])
    heads = [t.head.i for t in doc]
    parse([doc])
    assert [t.head.i for t in doc] == heads
    assert parse([blank("")])[0].text == ""


def test_unambiguous_parts_of_speech() -> None:
    blank = spacy.blank("en")
    doc = blank("The children and their teacher walked to the museum because it was open.")
    parse([doc])
    pos = {t.text: t.pos_ for t in doc}
    assert pos["The"] == "DET" and pos["the"] == "DET"
    assert pos["and"] == "CCONJ"
    assert pos["children"] == "NOUN" and pos["museum"] == "NOUN"
    assert pos["walked"] == "VERB"
    assert pos["to"] == "ADP"
    assert pos["it"] == "PRON"
    assert pos["."] == "PUNCT"


def test_floor_on_ewt_dev(shared_data: Path) -> None:
    path = shared_data / "ud" / "UD_English-EWT" / "en_ewt-ud-dev.conllu.gz"
    if not path.is_file():
        pytest.skip(f"UD English-EWT dev not found at {path} (see ../shared/data/ud/README.md)")
    from parser_ud import score_treebank

    scores = score_treebank(path, max_sentences=300)
    assert scores["sentences"] == 300
    assert scores["sentences_kept"] == 1.0 and scores["sentences_with_one_root"] == 1.0
    assert scores["upos"] >= FLOOR_UPOS, scores
    assert scores["las"] >= FLOOR_LAS, scores
