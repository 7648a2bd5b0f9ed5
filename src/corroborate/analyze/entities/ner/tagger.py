"""Run the shipped NER network on token lists or whole article texts.

Words are cut into wordpieces by the ``tokenizers`` BERT tokenizer shipped next to the weights; the network
scores each word's first wordpiece; a constrained Viterbi pass picks the best *valid* IOB2 sequence (no
``I-X`` after ``O`` or after another type) instead of repairing greedy tags afterwards.
Whole texts are split into sentences and tokens by syntok, whose tokens carry offsets into the original text,
so every returned span cuts exactly the entity's characters. These sentences are the network's input windows,
syntok's own, not the repaired sentence spans of :func:`corroborate.analyze.text.split_sentences` (other windows
would change the tags, and the tagger needs syntok's tokens in any case).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import torch
from syntok import segmenter
from tokenizers import Tokenizer

from .encoder import CASE_PAD, TokenTagger, case_class, load_model
from .tags import TAGS, bio_spans

# Longest wordpiece sequence given to the network in one piece (incl. [CLS]/[SEP]); longer sentences are
# tagged in consecutive chunks. CoNLL-2003's longest test sentence has 180 wordpieces, so it is never cut.
MAX_PIECES = 256
# Batches are filled up to this many padded wordpieces (or BATCH_SENTENCES sentences). Sentences are sorted by
# length first so padding stays small. On CoNLL test (1 thread, bf16) 1024/2048/4096 pieces x 64/256
# sentences all ran 570-730 sentences per CPU-second, within the noise of the shared machine.
BATCH_PIECES = 4096
BATCH_SENTENCES = 256
NEG_INF = -1e4


@dataclass(frozen=True)
class _Encoded:
    """One chunk of a sentence as model input: ids, casing classes and each word's first-piece index."""

    ids: list[int]
    cases: list[int]
    first_piece: list[int]  # -1 for a word the tokenizer dropped entirely (e.g. only control characters)


def load_wordpiece_tokenizer(path: Path) -> Tokenizer:
    """The BERT tokenizer with padding and truncation off (chunking is done here, on word boundaries)."""
    tokenizer = Tokenizer.from_file(str(path))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    return tokenizer


def encode_sentences(tokenizer: Tokenizer, sentences: Sequence[Sequence[str]]) -> list[list[_Encoded]]:
    """Encode each sentence as one or more chunks of at most :data:`MAX_PIECES` wordpieces."""
    result: list[list[_Encoded]] = []
    encodings = tokenizer.encode_batch([list(s) for s in sentences], is_pretokenized=True)
    for words, enc in zip(sentences, encodings, strict=True):
        pieces: list[list[tuple[int, int]]] = [[] for _ in words]
        for piece_id, word, (start, end) in zip(enc.ids, enc.word_ids, enc.offsets, strict=True):
            if word is not None:
                pieces[word].append((piece_id, case_class(words[word][start:end])))
        result.append(_chunk(pieces, tokenizer))
    return result


def _chunk(pieces: list[list[tuple[int, int]]], tokenizer: Tokenizer) -> list[_Encoded]:
    """Pack words greedily into chunks that fit :data:`MAX_PIECES` with [CLS]/[SEP] around each."""
    cls_id, sep_id = _special_id(tokenizer, "[CLS]"), _special_id(tokenizer, "[SEP]")
    chunks: list[_Encoded] = []
    ids: list[int] = [cls_id]
    cases: list[int] = [CASE_PAD]
    first: list[int] = []
    for word_pieces in pieces:
        word_pieces = word_pieces[: MAX_PIECES - 2]
        if first and len(ids) + len(word_pieces) > MAX_PIECES - 1:
            chunks.append(_Encoded(ids + [sep_id], cases + [CASE_PAD], first))
            ids, cases, first = [cls_id], [CASE_PAD], []
        first.append(len(ids) if word_pieces else -1)
        ids.extend(p for p, _ in word_pieces)
        cases.extend(c for _, c in word_pieces)
    chunks.append(_Encoded(ids + [sep_id], cases + [CASE_PAD], first))
    return chunks


def _special_id(tokenizer: Tokenizer, token: str) -> int:
    found = tokenizer.token_to_id(token)
    if found is None:
        raise ValueError(f"tokenizer has no {token} token; the model's tokenizer.json is not a BERT one")
    return int(found)


def _transition_scores() -> tuple[torch.Tensor, torch.Tensor]:
    """Start and transition scores allowing only valid IOB2: ``I-X`` only after ``B-X``/``I-X``."""
    n = len(TAGS)
    start = torch.zeros(n)
    trans = torch.zeros(n, n)
    for j, tag in enumerate(TAGS):
        if tag.startswith("I-"):
            start[j] = NEG_INF
            for i, prev in enumerate(TAGS):
                if prev[2:] != tag[2:]:
                    trans[i, j] = NEG_INF
    return start, trans


_START, _TRANS = _transition_scores()


def viterbi(emissions: torch.Tensor, lengths: torch.Tensor) -> list[list[int]]:
    """Best valid tag path per row of ``emissions`` (batch, words, tags) given each row's word count."""
    batch, steps, n = emissions.shape
    if steps == 0:
        return [[] for _ in range(batch)]
    # Decode in float32: bf16 reductions in the per-step loop cost more than the network on CPU.
    emissions = emissions.float()
    score = emissions[:, 0] + _START
    back = torch.empty(batch, steps, n, dtype=torch.long)
    identity = torch.arange(n).expand(batch, n)
    for t in range(1, steps):
        best, arg = (score[:, :, None] + _TRANS[None]).max(dim=1)
        active = (t < lengths)[:, None]
        score = torch.where(active, best + emissions[:, t], score)
        back[:, t] = torch.where(active, arg, identity)
    last = score.argmax(dim=1)
    path = [last]
    for t in range(steps - 1, 0, -1):
        last = back[:, t].gather(1, last[:, None]).squeeze(1)
        path.append(last)
    ordered = torch.stack(path[::-1], dim=1).tolist()
    return [row[: int(length)] for row, length in zip(ordered, lengths, strict=True)]


class NerTagger:
    """Named-entity tagger (PER/ORG/LOC/MISC) trained on CoNLL-2003; get it with ``ner.load_tagger()``.

    Reads: token lists or plain texts. Returns: IOB2 tags per token, or spans ``(start, end, label)``.
    Deterministic: inference only, no sampling.
    """

    def __init__(self, model: TokenTagger, tokenizer: Tokenizer, use_bf16: bool) -> None:
        """Wrap ``model`` as given; with ``use_bf16`` it is converted *in place* to bfloat16 weights."""
        # bf16 weights rather than autocast: torch's fused encoder-layer path ignores autocast (ran fp32);
        # bf16 weights ran CoNLL test 1.8x faster at the same F1 (0.8907 both), 1 thread, AMX CPU.
        self.model = (model.to(torch.bfloat16) if use_bf16 else model).eval()
        self.tokenizer = tokenizer
        self.use_bf16 = use_bf16

    @classmethod
    def from_directory(cls, directory: Path, use_bf16: bool | None = None) -> NerTagger:
        """Load ``config.json``/``weights.pt``/``tokenizer.json``; bf16 by default where the CPU has it."""
        if use_bf16 is None:
            use_bf16 = bf16_is_fast()
        return cls(load_model(directory), load_wordpiece_tokenizer(directory / "tokenizer.json"), use_bf16)

    def tag_tokens(self, sentences: list[list[str]]) -> list[list[str]]:
        """IOB2 tags for each token of each sentence (same shape as the input)."""
        encoded = encode_sentences(self.tokenizer, sentences)
        flat = [chunk for chunks in encoded for chunk in chunks]
        predicted = self._predict(flat)
        out: list[list[str]] = []
        position = 0
        for chunks in encoded:
            tags: list[str] = []
            for _ in chunks:
                tags.extend(TAGS[i] for i in predicted[position])
                position += 1
            out.append(_repair_chunk_joins(tags))
        return out

    def tag_text(self, text: str) -> list[tuple[int, int, str]]:
        """Entity spans ``(start, end, label)`` on ``text``, sorted by start."""
        return self.tag_texts([text])[0]

    def tag_texts(self, texts: list[str]) -> list[list[tuple[int, int, str]]]:
        """:meth:`tag_text` for many texts, batched together for speed."""
        sentences: list[list[tuple[int, str]]] = []
        owners: list[int] = []
        for index, text in enumerate(texts):
            for paragraph in segmenter.analyze(text):
                for sentence in paragraph:
                    tokens = [(token.offset, token.value) for token in sentence if token.value]
                    if tokens:
                        sentences.append(tokens)
                        owners.append(index)
        tagged = self.tag_tokens([[value for _, value in sentence] for sentence in sentences])
        spans: list[list[tuple[int, int, str]]] = [[] for _ in texts]
        for owner, sentence, tags in zip(owners, sentences, tagged, strict=True):
            for first, last, label in bio_spans(tags):
                start = sentence[first][0]
                end = sentence[last - 1][0] + len(sentence[last - 1][1])
                spans[owner].append((start, end, label))
        return [sorted(found) for found in spans]

    def _predict(self, chunks: list[_Encoded]) -> list[list[int]]:
        """Tag ids per word for each chunk, run in length-sorted batches."""
        order = sorted(range(len(chunks)), key=lambda i: len(chunks[i].ids))
        results: list[list[int]] = [[] for _ in chunks]
        start = 0
        while start < len(order):
            longest = len(chunks[order[start]].ids)
            end = start + 1
            while end < len(order) and end - start < BATCH_SENTENCES:
                longest = len(chunks[order[end]].ids)
                if longest * (end - start + 1) > BATCH_PIECES:
                    break
                end += 1
            batch = [chunks[i] for i in order[start:end]]
            for i, tags in zip(order[start:end], self._predict_batch(batch), strict=True):
                results[i] = tags
            start = end
        return results

    def _predict_batch(self, batch: list[_Encoded]) -> list[list[int]]:
        width = max(len(c.ids) for c in batch)
        words = max(len(c.first_piece) for c in batch)
        ids = torch.zeros(len(batch), width, dtype=torch.long)
        cases = torch.zeros(len(batch), width, dtype=torch.long)
        first = torch.zeros(len(batch), words, dtype=torch.long)
        dropped = torch.zeros(len(batch), words, dtype=torch.bool)
        for row, chunk in enumerate(batch):
            ids[row, : len(chunk.ids)] = torch.tensor(chunk.ids)
            cases[row, : len(chunk.cases)] = torch.tensor(chunk.cases)
            if chunk.first_piece:
                positions = torch.tensor(chunk.first_piece)
                first[row, : len(positions)] = positions.clamp_min(0)
                dropped[row, : len(positions)] = positions < 0
        lengths = torch.tensor([len(c.first_piece) for c in batch])
        with torch.inference_mode():
            logits = self.model(ids, cases, ids != 0)
        scores = torch.log_softmax(logits.float(), dim=-1)
        emissions = scores.gather(1, first[:, :, None].expand(-1, -1, scores.shape[-1]))
        only_o = torch.full((len(TAGS),), NEG_INF)
        only_o[0] = 0.0
        emissions = torch.where(dropped[:, :, None], only_o, emissions)
        return viterbi(emissions, lengths)


def _repair_chunk_joins(tags: list[str]) -> list[str]:
    """Make tags valid IOB2 where chunks were joined: an ``I-X`` that cannot continue becomes ``B-X``."""
    previous = "O"
    for i, tag in enumerate(tags):
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            tags[i] = "B-" + tag[2:]
        previous = tags[i]
    return tags


def bf16_is_fast() -> bool:
    """True when oneDNN has native bf16 on this CPU (AVX512-BF16/AMX): 2-3x faster than fp32 there."""
    try:
        return bool(torch.ops.mkldnn._is_mkldnn_bf16_supported())
    except (AttributeError, RuntimeError):
        return False
