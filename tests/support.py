"""Helpers shared by tests (imported as ``support``; fixtures live in conftest.py)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


def shared_root() -> Path:
    env = os.environ.get("CORROBORATE_SHARED")
    return Path(env) if env else REPO.parent / "shared"


def example_story_dirs() -> list[Path]:
    return sorted(p for p in (REPO / "examples").iterdir() if p.is_dir()) if (REPO / "examples").is_dir() else []


def load_gold(slug: str, folder: str = "gold") -> dict[str, Any]:
    return json.loads((REPO / "tests" / folder / f"{slug}.json").read_text(encoding="utf-8"))


def source_articles(briefing: dict[str, Any]) -> list[Any]:
    """The briefing's sources as Articles (id and cleaned text, read from the JSON), to re-check its citations
    against the texts it cites, independently of how the pipeline made them."""
    from corroborate.model import Article

    return [Article(id=s["id"], location=s["location"], text=s["text"]) for s in briefing["sources"]]


def numbers_in(sentence: str) -> list[Any]:
    """The number mentions of one sentence (the claims finder on a one-sentence text)."""
    from corroborate.analyze.claims import find_numbers

    return list(find_numbers(sentence, [(0, len(sentence))]))


def number_in(sentence: str, text: str) -> Any:
    """The one number mention of ``sentence`` written ``text``."""
    (m,) = [m for m in numbers_in(sentence) if m.text == text]
    return m


def parsed_reading(text: str, outlet: str | None = None) -> Any:
    """One report's :class:`corroborate.analyze.quotes.Reading` as the story analysis builds it (tokens,
    sentences, parse, NER, linked entities) - the quote tests read quotations through it."""
    from corroborate.analyze.story.analyze import documents, find_entities
    from corroborate.analyze.story.assemble import _reading
    from corroborate.analyze.text import split_sentences
    from corroborate.model import Article

    article = Article(id="r1", location="r1", text=text, sentences=split_sentences(text), outlet=outlet)
    docs = documents([article], [])
    return _reading(article, docs["r1"], find_entities([article], docs, []))


def parsed_quotes(text: str, outlet: str | None = None) -> list[Any]:
    """The quotations of one report, found on its parse."""
    from corroborate.analyze.quotes import find_quotes

    return find_quotes(text, (), parsed_reading(text, outlet))


def parsed_speakers(text: str, outlet: str | None = None) -> dict[str, str | None]:
    """Each quotation of one report and the speaker found for it."""
    return {q.text: q.speaker for q in parsed_quotes(text, outlet)}
