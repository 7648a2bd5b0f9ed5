"""Sentence spans on the failure classes of real news text (issue 9, deliverable 3).

One test per failure class: titles before a name, acronyms, glued sentences (a lower-case word glued to a
sentence starter, a stop glued to a quote, an acronym or number glued to a starter), datelines and footnote
markers; then a property test of the span invariants. All sentences are constructed (invented people, places and
outlets).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.analyze.text.sentences import split_sentences


def _texts(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Northland Gov. Dana Whitfield signed the water bill on Tuesday.",
        "The measure was written by Sen. Arlo Brandt and Rep. Tova Lindqvist of the river district.",
        "Lt. Gen. Oren Castell said the brigade would leave by March.",
        "Det. Sgt. Mira Osei and Capt. Jonah Reyes led the search.",
        "Maj. Ilse Varga, a spokeswoman, confirmed the figure.",
    ],
)
def test_title_before_a_name_does_not_end_a_sentence(text: str) -> None:
    assert _texts(text) == [text]


def test_title_then_a_pronoun_still_ends_a_sentence() -> None:
    text = "The petition was handed to the Gov. He refused to read it."
    assert _texts(text) == ["The petition was handed to the Gov.", "He refused to read it."]


def test_acronyms_do_not_end_a_sentence() -> None:
    text = (
        "The U.N. envoy met U.S. Sen. Arlo Brandt in Geneva. Officials at the U.N Security Council declined to "
        "comment."
    )
    assert _texts(text) == [
        "The U.N. envoy met U.S. Sen. Arlo Brandt in Geneva.",
        "Officials at the U.N Security Council declined to comment.",
    ]


def test_lower_case_word_glued_to_a_sentence_starter_is_split() -> None:
    text = "The count was first published by the HeraldThough the ministry disputes how it was done."
    assert _texts(text) == [
        "The count was first published by the Herald",
        "Though the ministry disputes how it was done.",
    ]


def test_names_with_inner_capitals_are_never_split() -> None:
    text = (
        "A McDonald franchise owner filmed the queue on an iPhone, posted it to YouTube and compared it to a "
        "PlayStation launch, and LinkedIn and WhatsApp users shared it, as did a MacKay aide."
    )
    assert _texts(text) == [text]


def test_stop_glued_to_a_quote_is_split() -> None:
    text = "She called the delay “a question of survival”.Officials say the plan is ready."
    assert _texts(text) == ["She called the delay “a question of survival”.", "Officials say the plan is ready."]
    text = "He said the talks were “finished.”The next morning he returned to the table."
    assert _texts(text) == ["He said the talks were “finished.”", "The next morning he returned to the table."]


def test_straight_quotes_glued_to_a_stop_are_split_on_the_right_side() -> None:
    closing = 'The sign read "Closed."Then the lights went out.'
    assert _texts(closing) == ['The sign read "Closed."', "Then the lights went out."]
    opening = 'The call reached the dispatch center."Stay where you are," the operator said.'
    assert _texts(opening) == ["The call reached the dispatch center.", '"Stay where you are," the operator said.']


def test_acronym_or_number_glued_to_a_sentence_starter_is_split() -> None:
    text = "The vote in the committee was 7-4.The motion now goes to the U.N.The agency has not replied."
    assert _texts(text) == [
        "The vote in the committee was 7-4.",
        "The motion now goes to the U.N.",
        "The agency has not replied.",
    ]


def test_datelines_stay_with_their_sentence() -> None:
    text = (
        "KARESH (Meridian Press) — The bridge reopened on Friday.\n\n"
        "PORTVILLE, Ore. (Meridian Press) — Crews cleared the road."
    )
    assert _texts(text) == [
        "KARESH (Meridian Press) — The bridge reopened on Friday.",
        "PORTVILLE, Ore. (Meridian Press) — Crews cleared the road.",
    ]


def test_footnote_markers_belong_to_the_sentence_before() -> None:
    text = "The harbour was dredged in 1911. [4] [5] Its lighthouse followed a year later. [6]"
    assert _texts(text) == ["The harbour was dredged in 1911. [4] [5]", "Its lighthouse followed a year later. [6]"]


_PIECES = [
    "Gov.", "Sen.", "U.N.", "U.S.", "Dr.", "Kristo", "Lane", "said", "the", "PostThough", "HeraldThe", "iPhone",
    "”.", ".”", '."', '"', "“", "’", ".", "!", "?", "…", "(AP)", "—", "-", "[3]", "5-4.", "The", "But", "He",
    " ", " ", " ", "\n", "\n\n", " \n \n", "\t",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=60).map("".join) | st.text(max_size=200))
def test_spans_are_trimmed_ordered_disjoint_and_inside_a_paragraph(text: str) -> None:
    last = 0
    for start, end in split_sentences(text):
        assert last <= start < end <= len(text)
        piece = text[start:end]
        assert piece == piece.strip()
        assert not re.search(r"\n\s*\n", piece)
        last = end
