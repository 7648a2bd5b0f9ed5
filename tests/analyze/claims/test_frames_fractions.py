"""Open-measure groups by frame, rates, durations of a price, shares, speakers and other events' figures."""

from __future__ import annotations

import pytest

from corroborate.analyze.claims import find_numbers, group_claims
from support import number_in, numbers_in


def test_a_rate_is_its_own_measure() -> None:
    rate = number_in("The volunteers hiked 18 miles a day through the valley.", "18")
    length = number_in("The volunteers hiked 240 miles through the valley.", "240")
    assert rate.measure.endswith("per day") and rate.key != length.key
    groups = group_claims([("a", rate), ("b", length)])
    assert len(groups) == 2 and not any(g.disputed for g in groups)


def test_a_duration_is_not_what_a_price_buys() -> None:
    m = number_in("The tourist paid $60 for 45 minutes on the boat, the guide said.", "$60")
    assert m.measure == "money" and m.subject is not None and "minutes" not in m.subject


def test_values_of_one_noun_said_of_different_things_stay_apart() -> None:
    fired = number_in("Militants fired 410 rockets at the border towns on Monday.", "410")
    hit = number_in("Militants said 95 rockets hit the border towns on Monday.", "95")
    assert fired.frame != hit.frame
    groups = group_claims([("a", fired), ("b", hit)])
    assert len(groups) == 2 and not any(g.disputed for g in groups)


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("Rebels now hold a third of the southern province.", "a third", 0.33),
        ("Half of the ballots were spoiled.", "Half", 0.5),
        ("Two-thirds of the nurses joined the strike.", "Two-thirds", 0.67),
        ("The storm flooded half the harbour district.", "half", 0.5),
    ],
)
def test_fractions_are_shares(sentence: str, text: str, value: float) -> None:
    m = number_in(sentence, text)
    assert (m.measure, m.unit, m.low, m.high) == ("share", "fraction", value, value)


def test_a_period_is_not_a_share_and_a_share_is_never_an_event_count() -> None:
    assert not [m for m in numbers_in("In the first half of the season the club lost nine games.") if m.measure == "share"]
    shares = [m for m in numbers_in("Half of the 40 people killed were children.") if m.measure == "share"]
    assert all(m.measure != "killed" for m in shares)


def test_a_speaker_is_a_name_or_a_role() -> None:
    m = number_in("You personally owe 300 dollars, you said.", "300 dollars")
    assert m.attributed_to is None
    m = number_in("Flooding displaced 400 families, officials said.", "400")
    assert m.attributed_to == "officials"


def test_a_figure_about_earlier_events_is_background() -> None:
    text = ("The previous offensives lasted for weeks. Both were far deadlier, killing hundreds of civilians. "
            "On Friday three civilians were killed.")
    second = text.index("Both")
    third = text.index("On Friday")
    sentences = [(0, second - 1), (second, third - 1), (third, len(text))]
    found = {m.text: m for m in find_numbers(text, sentences)}
    assert found["hundreds"].scope == "background" and found["three"].scope == "story"
    groups = group_claims([("a", found["hundreds"]), ("b", found["three"])])
    assert not any(g.disputed for g in groups)
