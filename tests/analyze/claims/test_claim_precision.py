"""Claim groups a reader can use: no names as figures, no unit-only labels, one quantity per group."""

from __future__ import annotations

from corroborate.analyze.claims import find_numbers, group_claims
from corroborate.analyze.claims.tree import stem
from support import number_in, numbers_in


def _texts(sentence: str) -> set[str]:
    return {m.text for m in numbers_in(sentence)}


def test_emergency_numbers_and_model_numbers_are_names() -> None:
    assert "911" not in _texts("The clerk called 911 just after midnight.")
    assert "911" not in _texts("All 911 centers in Valdor can receive texts.")
    assert "360" not in _texts("Gamepad for Zentrix 360 was designed with privacy in mind.")
    assert "911" not in _texts("A 911 cell phone call came from a parked car.")
    # a count of people is a count whatever its digits
    assert "112" in _texts("The flood in Ostmark killed 112 people.")
    assert "62" in _texts("The toll in the valley rose from 12 to 62 overnight.")


def test_one_stemmer_for_singular_and_plural() -> None:
    assert stem("degree") == stem("degrees")
    assert stem("lanes") == stem("lane")


def test_a_bare_unit_takes_its_subject_from_the_parse_or_is_not_a_claim() -> None:
    assert number_in("The median age of the riders was 7.6 years.", "7.6").subject == "median age (years)"
    assert number_in("The bear ended up in Kelso town, 12 miles away.", "12").subject == "miles away"
    share = number_in("Over two years, the Fifth Circuit affirmed 26 of 31 appeals, or 84 percent.", "84 percent")
    assert share.subject == "percent of appeals affirmed"
    # nothing says what the unit measures: no claim
    assert not {"15"} & _texts("I was there for 15 years.")
    # a share in brackets restates the count before it
    assert "7%" not in _texts("Six (7%) riders had minor injuries.")


def test_exceptions_periods_and_conversions_are_not_figures() -> None:
    assert "one" not in _texts("All but one rider was taken to hospital.")
    assert "over 10" not in _texts("The plan would cost the town $3m over 10 years.")
    assert "£30" not in _texts("Holders were offered $40 (£30) per share.")


def test_a_sum_of_listed_costs_is_the_costs_not_its_first_item() -> None:
    total = number_in("The trial cost it $512,417 in witness fees, deposition and court reporter costs.",
                      "$512,417")
    fees = number_in("The request includes about $400,000 in expert witness fees, the filing said.",
                     "about $400,000")
    assert total.key != fees.key and total.key[-1] == "price"
    assert fees.subject == "expert witness fees"


def test_precise_near_equal_sums_of_one_key_dispute() -> None:
    a = number_in("The firm filed papers seeking $512,417 in legal costs from the former partner.", "$512,417")
    b = number_in("The firm said the trial cost it $512,418 in witness fees, deposition and court reporter costs.",
                  "$512,418")
    (group,) = [g for g in group_claims([("x", a), ("y", b)]) if g.measure == "money"]
    assert group.disputed and len(group.values) == 2


def _mentions(source: str, text: str) -> list[tuple[str, object]]:
    return [(source, m) for m in find_numbers(text, [])]


def test_one_report_s_conflicting_figures_of_one_measure_are_not_one_claim() -> None:
    items = _mentions("x", "At least four cases were confirmed in Ostland. In all, 32 cases have been confirmed "
                           "so far this year, officials said.")
    items += _mentions("y", "In all, 32 cases have been confirmed so far this year, health officials said.")
    groups = [g for g in group_claims(items) if g.measure == "cases"]  # type: ignore[arg-type]
    assert [[v.low for v in g.values] for g in groups] == [[32.0]]


def test_a_report_s_total_stays_when_it_also_gives_a_part() -> None:
    items = _mentions("x", "More than 200,000 people have been displaced by the fighting. "
                           "Around 100,000 people were displaced into neighbouring Varia.")
    lows = [g.values[0].low for g in group_claims(items) if g.measure == "displaced"]  # type: ignore[arg-type]
    assert lows == [200_000]


def test_rival_speakers_in_one_report_keep_one_claim() -> None:
    items = _mentions("x", "Eight people were arrested, police said. Ten people were arrested, organiser Jan Holm "
                           "said.")
    items += _mentions("y", "Nine people were arrested at the depot.")
    groups = [g for g in group_claims(items) if g.measure == "arrested"]  # type: ignore[arg-type]
    assert len(groups) == 1 and sorted(v.low for v in groups[0].values) == [8.0, 9.0, 10.0]


def test_one_report_s_two_figures_under_one_label_are_not_shown() -> None:
    items = _mentions("x", "Dana Roe has lived next door for 10 years. The Hales have lived in the street for 21 "
                           "years.")
    assert not [g for g in group_claims(items) if g.measure == "years"]  # type: ignore[arg-type]


def test_a_light_verb_does_not_describe_a_bare_unit() -> None:
    assert "8%" not in _texts("Most riders had a cold; 8% had neither condition.")
    assert number_in("Tesla shares fell 5% on Tuesday.", "5%").subject == "percent (tesla shares fell)"
