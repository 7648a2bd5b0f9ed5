"""Print every cleaning-gold mismatch of the example stories (a diagnostic; the tests assert the same)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from corroborate import Config, brief_paths

REPO = Path(__file__).resolve().parents[1]


def norm(text: str) -> str:
    return " ".join(text.split())


def check(folder: Path, gold_path: Path) -> int:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    (briefing,) = brief_paths([folder], Config(), one_story=True).briefings  # one event per folder
    sources = {s["id"]: s for s in briefing["sources"]}
    problems = 0
    for sid, exp in gold["sources"].items():
        got = sources[sid]
        text = norm(got["text"])
        lines = {norm(x) for x in got["text"].split("\n")}
        for s in exp["sentences"]:
            if norm(s) not in text:
                print(f"{folder.name}/{sid}: LOST sentence {s!r}")
                problems += 1
        for f in exp["furniture"]:
            if norm(f) in lines or (len(f.split()) > 2 and norm(f) in text):
                print(f"{folder.name}/{sid}: KEPT furniture {f!r}")
                problems += 1
        for key, field in [
            ("headline", "title"),
            ("outlet", "outlet"),
            ("published", "published"),
            ("duplicate_of", "duplicate_of"),
            ("cites", "cites_outlets"),
        ]:
            if exp[key] != got[field]:
                print(f"{folder.name}/{sid}: {key} expected {exp[key]!r} got {got[field]!r}")
                problems += 1
    return problems


if __name__ == "__main__":
    total = 0
    pairs = [
        (d, REPO / "tests" / "gold" / f"{d.name}.json") for d in sorted((REPO / "examples").iterdir()) if d.is_dir()
    ]
    if len(sys.argv) > 1:
        pairs = [(Path(sys.argv[1]), Path(sys.argv[2]))]
    for folder, gold in pairs:
        if gold.is_file():
            total += check(folder, gold)
    print(f"{total} problems")
