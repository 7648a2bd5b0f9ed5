"""Clean: furniture removed with reasons, every sentence kept, outlet/date/cites detected."""

from __future__ import annotations

import datetime as dt

import pytest

from corroborate.clean import clean_report, clean_reports, normalize_text
from corroborate.clean.furniture import furniture_reason
from corroborate.model import RawReport

FURNITURE = [
    "Skip to main content",
    "Skip to content",
    "Home | World | Politics | Sport | Opinion",
    "Vote Now",
    "Vote now!",
    "Join our commenting forum",
    "Join the conversation",
    "Comments (12)",
    "Sign up for our newsletter",
    "Sign up to the Morning Briefing newsletter",
    "Get notifications from Harbour Ledger",
    "Turn on breaking news alerts",
    "Register to read more",
    "Already a subscriber? Log in",
    "Share this article",
    "Share on Facebook",
    "Twitter",
    "Advertisement",
    "ADVERTISEMENT",
    "Story continues below advertisement",
    "Most Read",
    "Read more: Floods close the Vell bridge",
    "Related topics",
    "Photo: Ana Lukas / Meridian Press",
    "(Image credit: Tomas Varo)",
    "Rescuers search the rubble in Tarvé on Sunday. (Photo by Ana Lukas/Meridian Press)",
    "© 2026 The Harbour Ledger. All rights reserved.",
    "Copyright 2026 Vellmark Courier",
    "By",
    "Author:",
    "Updated:",
    "Updated: 7 March 2026, 14:02",
    "Published 8 March 2026",
    "Sources: Meridian Press, Vellmark Courier",
    "We use cookies to improve your experience.",
    "Follow us on Twitter",
    "5 min read",
    "Listen to this article",
]
SENTENCES = [
    "He denied it.",
    "The road remains closed.",
    "Share prices in Tarvé fell 4% on Monday.",
    "Sources said the convoy had left before dawn.",
    "Vote counting resumed on Tuesday, officials said.",
    "Home owners in Krell were told to leave.",
    "Most of the wounded were taken to the Vell hospital.",
    "Photographs of the damage circulated widely online, and the ministry said they were authentic.",
    "“We will not leave,” she said.",
    "Comments by the minister angered the opposition.",
    "By nightfall, the fires were out.",
    "Updated figures are expected on Friday, the ministry said.",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_furniture_lines_are_recognised(line: str) -> None:
    assert furniture_reason(line) is not None


@pytest.mark.parametrize("line", SENTENCES)
def test_report_sentences_are_not_furniture(line: str) -> None:
    assert furniture_reason(line) is None


def test_clean_keeps_every_sentence_and_records_removed_lines() -> None:
    body = "\n".join(["Floods close the Vell bridge", *FURNITURE[:10], *SENTENCES, *FURNITURE[10:]])
    article = clean_report(RawReport(id="r", location="r.txt", text=body, title_in_text=True))
    assert article.title == "Floods close the Vell bridge"
    for sentence in SENTENCES:
        assert sentence in article.text
    assert article.removed_lines == [" ".join(line.split()) for line in FURNITURE]
    for line in FURNITURE:
        assert line not in article.text.split("\n")


def test_unicode_oddities_are_normalised() -> None:
    assert normalize_text("a\u00a0b\u200bc\r\nd\u202fe\u00adf") == "a bc\nd ef"


def test_outlet_date_and_via_credit() -> None:
    text = (
        "Skip to main content\nDam talks stall\nVELLMARK, March 7 (Meridian Press) - Talks stalled on Friday.\n"
        "He denied it.\n(Via Meridian Press)\n© 2026 Harbour Ledger. All rights reserved.\n"
    )
    article = clean_report(RawReport(id="r", location="r.txt", text=text, title_in_text=True))
    assert article.outlet == "Harbour Ledger"
    assert article.cites_outlets == ["Meridian Press"]
    assert article.published == dt.date(2026, 3, 7) and article.published_how == "dateline"


def test_wire_dateline_names_the_outlet_when_nothing_else_does() -> None:
    text = "Dam talks stall\nKRELL, 7 March 2026 (Meridian Press) - Talks stalled on Friday.\n"
    article = clean_report(RawReport(id="r", location="r.txt", text=text, title_in_text=True))
    assert article.outlet == "Meridian Press" and article.published == dt.date(2026, 3, 7)


def test_yearless_dateline_takes_the_year_from_other_reports() -> None:
    a = RawReport(
        id="a", location="a", text="Talks stall\nKRELL, March 7 (Meridian Press) - Talks stalled.\n", title_in_text=True
    )
    b = RawReport(id="b", location="b", text="Talks\nThe talks began on 2 March 2025 in Krell.\n", title_in_text=True)
    cleaned = {x.id: x for x in clean_reports([a, b])}
    assert cleaned["a"].published == dt.date(2025, 3, 7)


def test_repeated_template_lines_across_reports_are_removed_but_shared_sentences_kept() -> None:
    one = "Talks stall\nVellmark Live\nThe talks stalled.\nHe denied it.\n"
    two = "Flood warning\nVellmark Live\nThe river rose.\nHe denied it.\n"
    a, b = clean_reports([RawReport("a", "a", one, title_in_text=True), RawReport("b", "b", two, title_in_text=True)])
    assert "Vellmark Live" in a.removed_lines and "Vellmark Live" in b.removed_lines
    assert "He denied it." in a.text and "He denied it." in b.text


def test_hard_wrapped_lines_are_joined() -> None:
    text = "Headline\nThe minister said the talks\nwould resume next week.\nHe denied it.\n"
    article = clean_report(RawReport("r", "r", text, title_in_text=True))
    assert "The minister said the talks would resume next week." in article.text


def test_a_one_line_report_that_repeats_its_title_keeps_its_text() -> None:
    line = "Floodwater cut the rail line between Vell and Krell on Monday."
    article = clean_report(RawReport("r", "r.json", line, title=line))
    assert article.text == line


def test_bulleted_list_items_and_correction_notices_stay_while_credits_and_links_go() -> None:
    """Real pages (benchmarks/extraction.py) put list items after a dash and corrections in the body."""
    kept = [
        "- Residents of the lower town can register at the Vell school",
        "- Boats will run every hour until Friday",
        "- Double-tap the alarm to reach the flood desk",
        "Correction, 9 March 2026: An earlier version of this report misstated the height of the Vell levee.",
    ]
    removed = ["— Meridian Press", "-- The Valley Ledger", "(Via Eastgate Monitor)", "Corrections", "Report an error"]
    body = "\n".join(["Floods close the Vell bridge", "The Vell bridge was closed on Monday.", *kept, *removed])
    article = clean_report(RawReport(id="r", location="r.txt", text=body, title_in_text=True))
    for line in kept:
        assert line in article.text
    assert article.removed_lines == removed
