"""One claim across outlets: per-item prices, event verbs read from the parse, crowds, speakers of a value."""

from __future__ import annotations

from corroborate.analyze.claims import find_numbers, group_claims
from support import number_in, numbers_in


def test_a_price_per_share_is_one_claim_whatever_verb_gives_it() -> None:
    a = number_in("Holders would be offered $55 (£41) per share, valuing the firm at $9bn.", "$55")
    b = number_in("At $55 a share, the price at which Vance tweeted he would bid, the deal tops $9 billion.", "$55")
    assert a.key == b.key and a.subject == "price per share"
    (group,) = [g for g in group_claims([("x", a), ("y", b)]) if g.values[0].low == 55]
    assert group.values[0].sources == ["x", "y"]


def test_a_per_hour_sum_stays_a_time_rate() -> None:
    m = number_in("The cleaners earn $15 an hour at the depot.", "$15")
    assert m.key[-1].endswith("/hour")


def test_a_year_naming_a_thing_does_not_date_the_event() -> None:
    m = number_in("Mayor Tolle channeled a 1970s film hero after the fire that left seven dead.", "seven")
    assert m.measure == "killed" and m.scope == "story"
    text = "In 1998 the same river flood left eleven dead."
    (old,) = find_numbers(text, [(0, len(text))], story_year=2024)
    assert old.scope == "background"


def test_an_event_verb_beyond_a_place_phrase_gives_the_event_measure() -> None:
    m = number_in("The agency reported 40 people in 12 districts had been diagnosed with cholera.", "40")
    assert m.measure == "cases" and not m.open_measure


def test_a_thing_with_an_event_verb_keeps_its_open_measure() -> None:
    m = number_in("Crews said 14 rockets in the valley were destroyed overnight.", "14")
    assert m.measure != "destroyed" or m.subject in (None, "rockets")


def test_a_count_verb_agent_is_the_speaker() -> None:
    m = number_in("Through May, 14 cases have been confirmed by the regional health board.", "14")
    assert m.attributed_to is not None and "health board" in m.attributed_to


def test_a_gerund_speech_verb_gives_the_speaker() -> None:
    m = number_in("The drought has deepened, with relief groups warning that 2 million people need food aid.",
             "2 million")
    assert m.attributed_to is not None and "relief groups" in m.attributed_to


def test_crowd_verbs_and_crowd_nouns_are_one_claim() -> None:
    a = number_in("Some 30 demonstrators on Friday held a protest outside the depot.", "Some 30")
    b = number_in("Nearly 30 picketed in Dorvale and blocked the gates of the depot.", "Nearly 30")
    assert a.measure == b.measure == "protesters" and a.key == b.key


def test_a_value_names_every_outlets_speaker() -> None:
    a = number_in("The army said 40 rockets hit the town.", "40")
    b = number_in("Forty rockets hit the town, the defence ministry said.", "Forty")
    groups = [g for g in group_claims([("x", a), ("y", b)]) if g.values[0].low == 40]
    (value,) = groups[0].values
    assert value.sources == ["x", "y"]
    assert value.attributed_to is not None and "army" in value.attributed_to \
        and "defence ministry" in value.attributed_to


def test_a_time_after_by_is_no_speaker() -> None:
    m = number_in("Last year just nine cases had been confirmed by that month.", "nine")
    assert m.attributed_to is None


def test_a_place_count_before_an_event_verb_is_not_the_event() -> None:
    text = "The ministry said 50 people in 24 districts had been diagnosed with cholera."
    assert number_in(text, "24").measure != "cases" and number_in(text, "50").measure == "cases"


def test_two_figures_of_one_sentence_are_two_quantities_never_one_claim() -> None:
    from dataclasses import replace

    text = "The stain on the hand ran at about 45 degrees, and the stain on the forearm at around 90 degrees."
    a = number_in(text, "about 45")
    # the same clause words for both figures (as a parse that misses the coordination gives them)
    b = replace(a, start=a.start + 60, end=a.end + 60, text="around 90", low=90.0, high=90.0)
    c = replace(a, sentence=(0, 50))  # another outlet's 45 in the same words
    groups = group_claims([("x", a), ("x", b), ("y", c)])
    with_45 = [g for g in groups if any(v.low == 45 for v in g.values)]
    assert with_45 and all(all(v.low != 90 for v in g.values) for g in with_45)
    assert not any(g.disputed for g in groups)


def test_numbers_that_name_a_thing_are_not_quantities() -> None:
    text = ("A 911 dispatcher in Velstad sent two patrol cars to I-95 near the 4200 block of Orvane Road, "
            "where a man in a Porsche 911 had hit 15 jerry cans and 62 inmates watched from a bus.")
    found = {m.text for m in numbers_in(text)}
    assert "two" in found and "62" in found and "15" in found
    assert not {"911", "95", "4200"} & found


def test_a_short_form_of_one_named_speaker_is_that_speaker() -> None:
    from corroborate.analyze.claims.numbers import _attributions

    # one value, credited by three outlets to the ministry under two forms: one speaker, the full form
    assert _attributions(["the Interior Ministry", "the ministry", "the Interior Ministry"]) == "the Interior Ministry"
    # two ministries named: the bare form could be either, so it stays as written
    both = _attributions(["the Interior Ministry", "the ministry", "the Health Ministry"])
    assert both is not None and both.split("; ") == ["the Health Ministry", "the Interior Ministry", "the ministry"]
    # different speakers keep theirs
    assert _attributions(["the army", "a monitoring group"]) == "a monitoring group; the army"
