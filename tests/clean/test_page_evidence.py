"""Issue 9: furniture found from a line's shape and its place in the report (credits, galleries, doubled text,
embed ids, "About <Name>" blurbs, trailing link blocks and embed intros).

Every line here is written for these tests (fictional names and places), not taken from any gold set.
"""

from __future__ import annotations

import pytest

from corroborate.clean import clean_report
from corroborate.clean.furniture import furniture_reason, has_doubled_run
from corroborate.clean.markers import marker_reason
from corroborate.model import RawReport

PROSE = (
    "The council in Vellmar voted on Tuesday to close the old river bridge after engineers found cracks in two "
    "of its piers, a decision that will add twenty minutes to the commute of about 4,000 residents."
)
PROSE2 = (
    "Engineers said the piers could be repaired within a year, but the regional transport office has not yet "
    "set aside money for the work, and the council will vote again on the budget in March."
)
PROSE3 = "Mayor Ilse Varga said the town would run a free shuttle bus across the newer bridge until the work is done."


def _clean(*lines: str):  # noqa: ANN202 - the Article
    return clean_report(RawReport(id="r1", location="r1.txt", text="\n\n".join(lines)))


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Two divers check the piers of the old bridge in Vellmar. (Lena Marsh/Meridian Press)", "photo credit"),
        ("Workers close the bridge on Tuesday. (Tomas Varo/AP)", "photo credit"),
        ("The river at dawn near Oskarby. Photo courtesy of Ilse Varga", "photo credit"),
        ("Residents queue for the shuttle bus. Video by Tomas Varo via #Vellmar.", "photo credit"),
        # A flattened gallery runs past the length limit of other markers: its button text names it anyway.
        ("The old bridge at dusk, seen from the ferry landing. Hide Caption 2 of 9 " * 8, "gallery"),
        ("The council closed the bridge, officials said. (Published Tuesday, Mar. 3, 2015)", "video"),
    ],
)
def test_markers_name_credits_galleries_and_video_blurbs(line: str, reason: str) -> None:
    assert marker_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        PROSE,
        "The ratio of arches to piers (3/4) is unusual, the engineers said.",  # a fraction in brackets, no credit
        "Photos by residents show cracks in two piers, the council said in a statement on Tuesday.",
        "The council said the figures were updated (Published data, March 2015) and posted online.",
        "Read the report, the mayor said, before the vote.",
    ],
)
def test_markers_leave_report_sentences(line: str) -> None:
    assert marker_reason(line) is None
    assert furniture_reason(line) is None


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("K7fQ2mZp9Xa", "embed code"),
        (
            "Vellmar council votes to shut the old river bridge Vellmar council votes to shut the old river bridge",
            "doubled text",
        ),
        ("Read more from the Meridian Press in German.", "related links"),
        ("Read more on this story: Vellmar bridge diary: the night shift", "related links"),
    ],
)
def test_line_shapes_name_furniture(line: str, reason: str) -> None:
    assert furniture_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    ["Vellmar", "COVID19", "2015-03-03", "B2B", "rebuilding", "Harbour-7", "iPhone12", "365Weather", "Sailor2024"],
)
def test_words_codes_and_dates_are_not_embed_codes(line: str) -> None:
    assert furniture_reason(line) != "embed code"


def test_doubled_run_needs_an_immediate_repeat_of_eight_words() -> None:
    assert has_doubled_run("a b c d e f g h a b c d e f g h i".split())
    assert not has_doubled_run("a b c d e f g a b c d e f g".split())  # seven words only
    assert not has_doubled_run("a b c d e f g h x a b c d e f g h".split())  # not adjacent
    assert not has_doubled_run(PROSE.split())
    refrain = "you spoke about me as a mother, spoke about me as a mother, and then you left."
    assert furniture_reason(refrain) is None  # a quote's repeat for effect is report text


def test_about_blurb_after_the_report_is_removed_but_a_narrated_box_is_kept() -> None:
    blurb = "Meridian Rail operates 300 trains a day between Vellmar and Oskarby and employs 2,100 people."
    article = _clean(PROSE, PROSE2, "About Meridian Rail", blurb)
    assert blurb not in article.text and "About Meridian Rail" not in article.text
    assert {r.reason for r in article.removals} == {"about section"}
    story = "Varga was born in Vellmar in 1961 and ran the ferry service for twenty years."
    kept = _clean(PROSE, "About Varga", story, PROSE2)
    assert story in kept.text  # past tense: the report's own profile box, not a blurb


def test_a_links_block_that_ends_the_report_goes_with_its_teasers() -> None:
    teaser = "Ferry returns: after 40 years, the Vellmar ferry is back on the river. Locals are thrilled."
    article = _clean(PROSE, PROSE2, "Latest headlines", teaser, "Oskarby market: stalls reopen after the flood")
    assert article.text == PROSE + "\n\n" + PROSE2
    # The same header followed by the report's own prose (a long paragraph) does not start a trailing block.
    long_para = PROSE + " " + PROSE2
    kept = _clean(PROSE, "Latest headlines", long_para)
    assert long_para in kept.text


def test_colon_lines_ending_the_report_are_lost_embeds_but_one_may_be_a_sentence() -> None:
    intros = ["In this video, Varga walks the bridge with its engineers:", "Varga and the engineers at the pier:"]
    article = _clean(PROSE, PROSE2, *intros)
    assert all(line not in article.text for line in intros)
    assert {r.reason for r in article.removals} == {"embed intro"}
    one = "Varga told the Meridian Press that the bridge would reopen:"
    assert one in _clean(PROSE, PROSE2, one).text
    inside = _clean(PROSE, "The council listed three options:", PROSE2, PROSE3)
    assert "The council listed three options:" in inside.text


def test_headline_lines_after_a_read_more_link_at_the_end_are_links_but_a_table_mid_report_is_not() -> None:
    link = "Read more on this story: Vellmar bridge diary: the night shift"
    also = "Vellmar bridge diary: the divers"
    article = _clean(PROSE, PROSE2, link, also)
    assert article.text == PROSE + "\n\n" + PROSE2
    rows = ["Piers", "North pier", "1911", "South pier", "1923"]
    kept = _clean(PROSE, "See also: Vellmar bridges", *rows, PROSE2, PROSE3)
    assert all(row in kept.text.split("\n\n") for row in rows)  # a table after a link line is article text
