"""The token-classification network: a small BERT encoder (MiniLM layout), a casing embedding and a tag head.

Written on plain ``torch.nn`` (``TransformerEncoderLayer`` is BERT's post-norm block) rather than loaded
through ``transformers`` so the shipped model needs only torch and ``tokenizers`` at run time, loads in well
under a second and can keep fewer layers than the network it was initialised from. The pretrained encoder,
all-MiniLM-L6-v2, is uncased; the casing embedding gives the tagger back the capitalisation that matters most
for names (it starts at zero, so training begins from the pretrained network unchanged).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

import torch
from torch import nn

# Casing classes of one wordpiece, read from the original (not lower-cased) characters.
CASE_PAD, CASE_LOWER, CASE_TITLE, CASE_UPPER, CASE_MIXED, CASE_NOALPHA = range(6)
NUM_CASES = 6


def case_class(piece: str) -> int:
    """Capitalisation class of a wordpiece's original characters (what the uncased vocabulary throws away)."""
    letters = [c for c in piece if c.isalpha()]
    if not letters:
        return CASE_NOALPHA
    if all(c.islower() for c in letters):
        return CASE_LOWER
    if all(c.isupper() for c in letters):
        return CASE_UPPER if len(letters) > 1 else CASE_TITLE
    if letters[0].isupper() and all(c.islower() for c in letters[1:]):
        return CASE_TITLE
    return CASE_MIXED


@dataclass(frozen=True)
class EncoderConfig:
    """Shape of the network; stored next to the weights so a model file says how to rebuild it."""

    vocab_size: int = 30522
    hidden: int = 384
    heads: int = 12
    ffn: int = 1536
    layers: int = 6
    max_positions: int = 512
    num_tags: int = 9
    dropout: float = 0.1

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(asdict(self), indent=2, sort_keys=True) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> EncoderConfig:
        return cls(**json.loads(path.read_text(encoding="utf-8")))


class TokenTagger(nn.Module):
    """Wordpiece ids + casing classes -> per-wordpiece tag scores (logits)."""

    def __init__(self, config: EncoderConfig) -> None:
        super().__init__()
        self.config = config
        self.word_embeddings = nn.Embedding(config.vocab_size, config.hidden, padding_idx=0)
        # Absolute positions with BERT's (always zero) token-type row folded in at initialisation.
        self.position_embeddings = nn.Embedding(config.max_positions, config.hidden)
        self.case_embeddings = nn.Embedding(NUM_CASES, config.hidden)
        nn.init.zeros_(self.case_embeddings.weight)
        self.embed_norm = nn.LayerNorm(config.hidden, eps=1e-12)
        self.dropout = nn.Dropout(config.dropout)
        self.layers = nn.ModuleList(
            nn.TransformerEncoderLayer(
                config.hidden,
                config.heads,
                config.ffn,
                dropout=config.dropout,
                activation="gelu",
                layer_norm_eps=1e-12,
                batch_first=True,
            )
            for _ in range(config.layers)
        )
        self.head = nn.Linear(config.hidden, config.num_tags)

    def forward(self, ids: torch.Tensor, cases: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """``ids``/``cases``/``mask`` are (batch, length); ``mask`` is True on real wordpieces."""
        positions = torch.arange(ids.shape[1], device=ids.device)
        hidden = self.word_embeddings(ids) + self.position_embeddings(positions)[None]
        hidden = hidden + self.case_embeddings(cases)
        hidden = self.dropout(self.embed_norm(hidden))
        padding = ~mask
        for layer in self.layers:
            hidden = layer(hidden, src_key_padding_mask=padding)
        return self.head(self.dropout(hidden))


def from_pretrained_bert(state: dict[str, torch.Tensor], config: EncoderConfig) -> TokenTagger:
    """Build a tagger whose encoder copies the first ``config.layers`` layers of a HF BERT state dict."""
    model = TokenTagger(config)
    with torch.no_grad():
        model.word_embeddings.weight.copy_(state["embeddings.word_embeddings.weight"])
        type_row = state["embeddings.token_type_embeddings.weight"][0]
        positions = state["embeddings.position_embeddings.weight"][: config.max_positions] + type_row
        model.position_embeddings.weight.copy_(positions)
        model.embed_norm.weight.copy_(state["embeddings.LayerNorm.weight"])
        model.embed_norm.bias.copy_(state["embeddings.LayerNorm.bias"])
        for i, layer in enumerate(model.layers):
            assert isinstance(layer, nn.TransformerEncoderLayer)
            p = f"encoder.layer.{i}."
            qkv = ("query", "key", "value")
            layer.self_attn.in_proj_weight.copy_(
                torch.cat([state[f"{p}attention.self.{n}.weight"] for n in qkv])
            )
            assert layer.self_attn.in_proj_bias is not None
            layer.self_attn.in_proj_bias.copy_(torch.cat([state[f"{p}attention.self.{n}.bias"] for n in qkv]))
            pairs = {
                "self_attn.out_proj": "attention.output.dense",
                "norm1": "attention.output.LayerNorm",
                "linear1": "intermediate.dense",
                "linear2": "output.dense",
                "norm2": "output.LayerNorm",
            }
            for ours, theirs in pairs.items():
                for kind in ("weight", "bias"):
                    layer.get_parameter(f"{ours}.{kind}").copy_(state[f"{p}{theirs}.{kind}"])
    return model


# Matrices with at least this many entries are stored as per-row int8; the rest (biases, norms, the tag head)
# stay float32. Per-row int8 keeps the shipped file near 23 MB for six layers (fp32 would be ~90 MB).
QUANTIZE_MIN_NUMEL = 100_000


def quantize_rows(matrix: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """Symmetric per-row int8: ``(int8 values, float32 scale per row)``, ``matrix ~= values * scale``."""
    matrix = matrix.detach().float().cpu()
    scale = matrix.abs().amax(dim=1, keepdim=True).clamp_min(1e-12) / 127.0
    return torch.round(matrix / scale).clamp(-127, 127).to(torch.int8), scale


def quantized_state(model: TokenTagger) -> dict[str, torch.Tensor]:
    """State dict with large matrices as symmetric per-row int8 (``name`` int8 + ``name.__scale`` fp32)."""
    out: dict[str, torch.Tensor] = {}
    for name, tensor in model.state_dict().items():
        tensor = tensor.detach().float().cpu()
        if tensor.dim() == 2 and tensor.numel() >= QUANTIZE_MIN_NUMEL:
            out[name], out[name + ".__scale"] = quantize_rows(tensor)
        else:
            out[name] = tensor
    return out


def dequantized_state(stored: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    """Inverse of :func:`quantized_state`: float32 tensors ready for ``load_state_dict``."""
    out: dict[str, torch.Tensor] = {}
    for name, tensor in stored.items():
        if name.endswith(".__scale"):
            continue
        scale = stored.get(name + ".__scale")
        out[name] = tensor.float() * scale if scale is not None else tensor
    return out


def save_model(model: TokenTagger, directory: Path) -> None:
    """Write ``config.json`` and int8 ``weights.pt`` into ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    model.config.save(directory / "config.json")
    torch.save(quantized_state(model), directory / "weights.pt")


def load_model(directory: Path) -> TokenTagger:
    """Rebuild a saved tagger in eval mode (weights_only load: the file cannot run code)."""
    config = EncoderConfig.load(directory / "config.json")
    model = TokenTagger(config)
    stored = torch.load(directory / "weights.pt", map_location="cpu", weights_only=True)
    model.load_state_dict(dequantized_state(stored))
    return model.eval()
