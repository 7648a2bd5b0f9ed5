"""Clean: real-text handling (issue 9) — datelines cut and recorded, repeated paragraphs kept once, a .txt
headline taken only when the first line is shaped like one, outlets read from credit lines and wire tags.

Every example is made up for this file (fictional places and outlets, as in examples/).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest

from corroborate import Config, brief_paths
from corroborate.analyze.text.sentences import skip_spans, split_sentences
from corroborate.clean import clean_report, is_headline_shaped
from corroborate.clean.dateline import find_datelines
from corroborate.clean.metadata import copyright_year, outlet_from_lines, parse_dateline
from corroborate.ingest.readers import read_paths
from corroborate.model import RawReport
from corroborate.render.schema import BRIEFING_SCHEMA

# (paragraph, place, month, day, agency, the text left after the cut)
DATELINES = [
    ("ORVEL (Reuters) - Talks resumed on Monday.", "ORVEL", None, None, "Reuters", "Talks resumed on Monday."),
    ("MERETH (AP) — The dam held overnight.", "MERETH", None, None, "Associated Press", "The dam held overnight."),
    ("PORT ALDIS, March 3 (Reuters) - Grain prices fell.", "PORT ALDIS", 3, 3, "Reuters", "Grain prices fell."),
    ("KARESH, March 7 (Meridian Press) - A blast hit the market.", "KARESH", 3, 7, "Meridian Press",
     "A blast hit the market."),
    ("VELLMARK — Ferries stopped running.", "VELLMARK", None, None, None, "Ferries stopped running."),
    ("Tarvé, Nov 16 (AFP) – Rescuers reached the village.", "Tarvé", 11, 16, "Agence France-Presse",
     "Rescuers reached the village."),
    ("SULIN, Ossa. (AP) — Crews cleared the road.", "SULIN, Ossa.", None, None, "Associated Press",
     "Crews cleared the road."),
    ("KRELL, 7 March 2026 (Meridian Press) -- Talks stalled.", "KRELL", 3, 7, "Meridian Press", "Talks stalled."),
    ("Orvel (Harbour Wire) “We will rebuild,” the mayor said.", "Orvel", None, None, "Harbour Wire",
     "“We will rebuild,” the mayor said."),
]

NOT_DATELINES = [
    "Vellmark - on the edge of the marsh - is a town of ferries.",  # a title-case place before a dash: prose
    "In Orvel, Tomas — the ferryman — refused to leave.",
    "Correction, 9 March 2026: An earlier version of this report misstated the toll.",
    "ON THE RECORD: The minister spoke for an hour.",  # an upper-case heading with a colon and no date
    "NATO — the alliance — said nothing.",  # lower case after the dash: the sentence goes on
    "The Northern Liberation Front (NLF) denied involvement.",
    "Prime Minister Jane Doe (left) met the rescuers.",
]


@pytest.mark.parametrize(("paragraph", "place", "month", "day", "agency", "rest"), DATELINES)
def test_datelines_are_parsed(
    paragraph: str, place: str, month: int | None, day: int | None, agency: str | None, rest: str
) -> None:
    found = parse_dateline(paragraph)
    assert found is not None
    record, end = found
    assert (record.place, record.month, record.day, record.agency) == (place, month, day, agency)
    assert paragraph[end:] == rest
    assert record.text == paragraph[:end].rstrip()


@pytest.mark.parametrize("paragraph", NOT_DATELINES)
def test_prose_that_only_looks_like_a_dateline_is_left_alone(paragraph: str) -> None:
    assert parse_dateline(paragraph) is None
    assert find_datelines(paragraph) == []


def _sentences(article):  # type: ignore[no-untyped-def]
    spans = skip_spans(split_sentences(article.text), [(d.start, d.end) for d in article.datelines])
    return [article.text[s:e] for s, e in spans]


def test_a_dateline_is_recorded_as_a_span_and_no_sentence_carries_it() -> None:
    text = (
        "Dam talks stall\n\nPORT ALDIS, March 3 (Meridian Press) - Talks stalled on Friday.\n\n"
        "Officials met in PORT ALDIS (the port) again.\n\n© 2026 Meridian Press. All rights reserved.\n"
    )
    article = clean_report(RawReport(id="r", location="r.txt", text=text, title_in_text=True))
    assert article.text.startswith("PORT ALDIS, March 3 (Meridian Press) - Talks stalled on Friday.")  # text whole
    d = article.dateline
    assert d is not None and article.text[d.start : d.end].rstrip() == d.text
    assert (d.text, d.place, d.month, d.day, d.year, d.agency) == (
        "PORT ALDIS, March 3 (Meridian Press) -", "PORT ALDIS", 3, 3, None, "Meridian Press")
    assert _sentences(article)[0] == "Talks stalled on Friday."
    assert "Officials met in PORT ALDIS (the port) again." in _sentences(article)  # only a paragraph's start
    assert article.published == dt.date(2026, 3, 3) and article.published_how == "dateline"
    assert article.outlet == "Meridian Press"


def test_a_dateline_later_in_the_report_is_found_at_its_paragraph_start() -> None:
    text = "The ferry sank.\n\nORVEL (AP) — Divers reached it.\n\nNo one was hurt."
    (record,) = find_datelines(text)
    assert record.agency == "Associated Press" and text[record.end :].startswith("Divers reached it.")


def test_a_dateline_alone_in_its_paragraph_makes_no_sentence() -> None:
    article = clean_report(RawReport("r", "r.json", "ORVEL (Reuters) -\n\nDivers reached the ferry.\n", fmt="json"))
    assert _sentences(article) == ["Divers reached the ferry."]


def test_a_wire_tag_names_the_outlet_when_nothing_else_does() -> None:
    article = clean_report(RawReport("r", "r.json", "MERETH (AP) — The dam held overnight.\n", fmt="json"))
    assert article.outlet == "Associated Press" and _sentences(article) == ["The dam held overnight."]
    assert article.published is None  # no month or day in the dateline


def test_sentences_and_briefing_spans_skip_the_dateline(tmp_path: Path) -> None:
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "wire.txt").write_text(
        "Ferry sinks off Orvel\n\nORVEL, May 4 (Harbour Wire) - A ferry sank off Orvel on Sunday, killing 12 people, "
        "the coastguard said.\n\nDivers recovered the bodies on Monday.\n",
        encoding="utf-8",
    )
    (folder / "ledger.txt").write_text(
        "Twelve dead as ferry sinks\n\nA ferry sank off Orvel on Sunday, killing 12 people, the coastguard said.\n\n"
        "The port stayed closed.\n",
        encoding="utf-8",
    )
    (briefing,) = brief_paths([folder], Config()).briefings
    jsonschema.validate(briefing, BRIEFING_SCHEMA)
    sources = {s["id"]: s for s in briefing["sources"]}
    wire = sources["wire"]
    d = wire["dateline"]
    assert {k: d[k] for k in ("text", "place", "month", "day", "year", "agency")} == {
        "text": "ORVEL, May 4 (Harbour Wire) -", "place": "ORVEL", "month": 5, "day": 4, "year": None,
        "agency": "Harbour Wire"}
    assert wire["text"][d["start"] : d["end"]].rstrip() == d["text"]
    assert sources["ledger"]["dateline"] is None
    assert wire["text"].startswith("ORVEL, May 4 (Harbour Wire) - A ferry sank off Orvel")  # the text is whole
    for source in sources.values():
        for s in source["sentences"]:
            assert 0 <= s["start"] < s["end"] <= len(source["text"])
            assert "(Harbour Wire)" not in source["text"][s["start"] : s["end"]]
    for item in briefing["summary"]:
        for span in item["spans"]:
            assert sources[span["source"]]["text"][span["start"] : span["end"]]
    json.dumps(briefing)  # the record serialises


def test_a_paragraph_repeated_verbatim_is_kept_once() -> None:
    paragraph = (
        "Rescue crews worked through the night to reach the villages cut off by the landslide above Tarvé, "
        "and the regional governor said the road would reopen by Friday."
    )
    text = f"Landslide cuts off Tarvé\n\n{paragraph}\n\nThe road remains closed.\n\n{paragraph}\n"
    article = clean_report(RawReport("r", "r.txt", text, title_in_text=True))
    assert article.text.count(paragraph) == 1
    assert article.text == f"{paragraph}\n\nThe road remains closed."
    assert [(r.line, r.reason) for r in article.removals] == [(paragraph, "repeated paragraph")]
    assert article.removed_lines == [paragraph]


def test_short_or_list_like_lines_may_repeat_on_purpose() -> None:
    """An interview series asks each guest the same question; a recipe card repeats its steps."""
    question = "What made you open a bakery in Krell?"
    text = f"Three bakers of Krell\n\n{question}\n\nMy mother did.\n\n{question}\n\nThe flour mill did.\n"
    article = clean_report(RawReport("r", "r.txt", text, title_in_text=True))
    assert article.text.count(question) == 2 and not article.removals


def test_a_one_paragraph_txt_is_briefed_as_body(tmp_path: Path) -> None:
    """Regression (issue 9): a .txt of one paragraph lost it as the 'headline' and was rejected."""
    folder = tmp_path / "story"
    folder.mkdir()
    line = "A ferry sank off Orvel on Sunday, killing 12 people, the coastguard said."
    (folder / "one.txt").write_text(line + "\n", encoding="utf-8")
    (folder / "two.txt").write_text(f"Ferry sinks off Orvel\n\n{line}\n\nThe port stayed closed.\n", encoding="utf-8")
    run = brief_paths([folder], Config())
    assert run.rejected == []
    (briefing,) = run.briefings
    sources = {s["id"]: s for s in briefing["sources"]}
    assert sources["one"]["text"] == line and sources["one"]["title"] is None
    assert sources["two"]["title"] == "Ferry sinks off Orvel"


def test_a_txt_whose_first_line_is_a_sentence_keeps_it(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("Divers reached the ferry on Monday.\nNo one else was found.\n", encoding="utf-8")
    (raw,), _ = read_paths([path])
    article = clean_report(raw)
    assert article.title is None
    assert article.text == "Divers reached the ferry on Monday.\n\nNo one else was found."


@pytest.mark.parametrize(
    ("line", "following", "expected"),
    [
        ("Ferry sinks off Orvel", "A ferry sank on Sunday.", True),
        ("Will the Orvel ferry run again?", "The operator did not say.", True),  # a question may be a headline
        ("Ferry sinks off Orvel", "", False),  # nothing after it: a one-paragraph report is all body
        ("Divers reached the ferry on Monday.", "No one else was found.", False),  # ends like a sentence
        ("The minister said the talks", "would resume next week.", False),  # hard-wrapped: the sentence goes on
        ("Orvel ferry: what we know so far, who was on board, and what the coastguard has said about it, and "
         "what happens next", "A ferry sank.", False),  # too long for a headline
        ("Storms, floods and a closed port:", "Here is the list.", False),
    ],
)
def test_is_headline_shaped(line: str, following: str, expected: bool) -> None:
    assert is_headline_shaped(line, following) is expected


@pytest.mark.parametrize(
    ("line", "outlet", "year"),
    [
        ("© Copyright Harbour Ledger 2026", "Harbour Ledger", 2026),
        ("Copyright © 2026 The Valley Ledger. All rights reserved.", "The Valley Ledger", 2026),
        ("(c) 2025-2026 Eastgate Monitor", "Eastgate Monitor", 2025),
        ("© 2026 AP", "Associated Press", 2026),
    ],
)
def test_copyright_marks_and_years_are_not_part_of_the_outlet(line: str, outlet: str, year: int) -> None:
    assert outlet_from_lines([line]) == outlet
    assert copyright_year([line]) == year


def test_a_one_line_report_opening_with_a_player_message_is_kept() -> None:
    """Regression: reports stored as one line (Multi-News) that open with a video player's message lost their
    whole text as "video" furniture and were rejected."""
    from corroborate.clean import clean_reports
    from corroborate.model import RawReport

    prose = " ".join(f"Sentence {k} of the report says the council met in Orvel on Tuesday." for k in range(12))
    (article,) = clean_reports([RawReport("a", "a", "Media playback is unsupported on your device " + prose)])
    assert "Sentence 11 of the report" in article.text
    # A short player line beside real paragraphs is still furniture.
    (page,) = clean_reports([RawReport("b", "b", "Media playback is unsupported on your device\n\n" + prose)])
    assert page.text.startswith("Sentence 0") and [r.reason for r in page.removals] == ["video"]
