"""docs/config.md documents every option, and its sample TOML is exactly the defaults."""

from __future__ import annotations

import dataclasses
import re
import tomllib
from pathlib import Path
from typing import Any

from corroborate.config import Config, resolve_config

DOC = Path(__file__).resolve().parents[1] / "docs" / "config.md"


def _options(obj: Any, prefix: str = "") -> list[str]:
    out: list[str] = []
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        if dataclasses.is_dataclass(value):
            out += _options(value, f"{prefix}{f.name}.")
        else:
            out.append(prefix + f.name)
    return out


def test_every_option_has_a_row_in_the_table() -> None:
    rows = set(re.findall(r"^\| `([a-z_.]+)` \|", DOC.read_text(encoding="utf-8"), re.M))
    assert rows == set(_options(Config()))


def test_the_sample_file_gives_the_defaults(tmp_path: Path) -> None:
    sample = re.search(r"```toml\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert sample is not None
    tomllib.loads(sample.group(1))  # it parses
    path = tmp_path / "c.toml"
    path.write_text(sample.group(1), encoding="utf-8")
    assert resolve_config(path) == Config()
