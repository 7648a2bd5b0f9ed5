"""Would ONNX Runtime make the NER faster? The shipped tagger under torch against the same network exported to
ONNX (fp32) and dynamically quantized to int8, on CoNLL-2003 test: F1 and sentences per CPU-second, 1 thread.

Issue 15 asks to consider ONNX Runtime for the NER and measure speed and F1 against today's. This needs packages
the product does not depend on; install them in the venv first (they are not in pyproject.toml):

    .venv/bin/pip install onnxruntime onnx onnxscript
    .venv/bin/python benchmarks/ner_onnx.py [--data ../shared/data/ner] [--out /tmp/ner-onnx]

The exported files (~90 MB fp32, ~23 MB int8) go to ``--out`` outside the repo. Only the network's forward pass
changes: the wordpiece encoding, the chunking and the constrained Viterbi are the tagger's own, so F1 moves only
by what the runtime and the quantization change in the scores.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

import torch

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

from corroborate.analyze.entities.ner import MODEL_DIR, NerTagger  # noqa: E402
from evallib.ner_data import read_conll2003  # noqa: E402
from evallib.ner_metrics import entity_scores  # noqa: E402
from evallib.run_info import with_run_info  # noqa: E402


class _OnnxForward:
    """Stands in for the torch network inside :class:`NerTagger`: the same inputs, the logits as a tensor."""

    def __init__(self, path: Path) -> None:
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        self.session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])

    def __call__(self, ids: torch.Tensor, cases: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        feed = {"ids": ids.numpy(), "cases": cases.numpy(), "mask": mask.numpy()}
        return torch.from_numpy(self.session.run(None, feed)[0])


def export(out: Path) -> tuple[Path, Path]:
    """The shipped network as ONNX (dynamic batch and length; torch's dynamo exporter, as the legacy tracer
    bakes the batch size into the attention reshapes) and its int8 dynamic quantization."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    from corroborate.analyze.entities.ner.encoder import load_model

    out.mkdir(parents=True, exist_ok=True)
    fp32, int8 = out / "ner.onnx", out / "ner.int8.onnx"
    model = load_model(MODEL_DIR).eval()
    ids = torch.randint(1000, 30000, (4, 20), generator=torch.Generator().manual_seed(13))
    cases = torch.ones_like(ids)
    mask = torch.ones_like(ids, dtype=torch.bool)
    batch, width = torch.export.Dim("batch", max=1024), torch.export.Dim("width", max=512)
    shapes = {"ids": {0: batch, 1: width}, "cases": {0: batch, 1: width}, "mask": {0: batch, 1: width}}
    torch.onnx.export(model, (ids, cases, mask), str(fp32), input_names=["ids", "cases", "mask"],
                      output_names=["logits"], dynamic_shapes=shapes, dynamo=True)
    quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8)
    return fp32, int8


def _size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*")) / 1e6


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data" / "ner")
    ap.add_argument("--out", type=Path, default=Path("/tmp/ner-onnx"))
    ap.add_argument("--json", type=Path, default=REPO / "benchmarks" / "results" / "ner_onnx.json")
    args = ap.parse_args()
    test = args.data / "conll2003" / "eng.testb.gz"
    if not test.is_file():
        print(f"skipped: CoNLL-2003 test not found at {test}")
        return 0
    try:
        import onnxruntime  # noqa: F401
    except ImportError:
        print("skipped: onnxruntime is not installed (pip install onnxruntime onnx onnxscript)")
        return 0
    torch.set_num_threads(1)
    sentences = read_conll2003(test)
    tokens, gold = [s.tokens for s in sentences], [s.tags for s in sentences]
    fp32, int8 = export(args.out)
    runs: dict[str, Any] = {}
    for name, forward, size in (("torch fp32 (shipped)", None, None), ("onnxruntime fp32", fp32, _size_mb(fp32)),
                                ("onnxruntime int8 (dynamic)", int8, _size_mb(int8))):
        tagger = NerTagger.from_directory(MODEL_DIR, use_bf16=False)
        if forward is not None:
            tagger.model = _OnnxForward(forward)  # type: ignore[assignment]
        wall, cpu = time.perf_counter(), time.process_time()
        predicted = tagger.tag_tokens(tokens)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        f1 = entity_scores(gold, predicted)["overall"]["f1"]
        runs[name] = {"f1": round(f1, 4), "sentences_per_cpu_second": round(len(tokens) / cpu, 1),
                      "sentences_per_second": round(len(tokens) / wall, 1), "model_mb": size,
                      "load_average_1min": round(os.getloadavg()[0], 2)}
        print(f"{name:28s} F1 {f1:.4f}  {len(tokens) / cpu:.0f} sentences per CPU-second "
              f"({len(tokens) / wall:.0f}/s wall, load {os.getloadavg()[0]:.1f})")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(with_run_info({"benchmark": "ner_onnx", "threads": 1, "runs": runs}, [test]),
                                    indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
