"""Stream syndication (MinHash estimates of word 3-shingle containment): what is a copy and what is not."""

from __future__ import annotations

import datetime as dt

import pytest

from corroborate.cluster.features import jaccard, minhash_signature, shingle_set
from corroborate.cluster.syndication import SyndicationIndex, containment, estimated_containment

WIRE = (
    "Flood barriers along the Orvane river failed overnight, forcing the evacuation of 2,400 residents from the "
    "lower districts of Velstad, mayor Ilsa Kovell said on Tuesday. Rescue boats from Lindmark reached the "
    "stranded farms before dawn and engineers began sealing the breach with sandbags. The regional water board "
    "said the barriers had been inspected in March and passed every test. Kovell asked residents of the upper "
    "town to open schools and halls to the displaced families for at least a week. Forecasters expect two more "
    "days of heavy rain over the Orvane basin, which could push the river above Tuesday's peak."
)
# A wire copy an editor reworked: new first sentence, one sentence cut, a few words changed, a credit added.
EDITED = (
    "Velstad's lower districts were emptied overnight. Rescue boats from Lindmark reached the stranded farms "
    "before dawn and engineers began sealing the breach with sandbags. The regional water board said the "
    "barriers had been inspected in March and passed every check. Kovell asked residents of the upper town to "
    "open schools and halls to the displaced families for at least a week. Forecasters expect two more days "
    "of heavy rain over the Orvane basin, which could push the river above its Tuesday peak. (Via Valley Ledger)"
)
# The same event told independently.
INDEPENDENT = (
    "Mayor Ilsa Kovell ordered the lower districts of Velstad evacuated after the Orvane flood barriers gave way "
    "during the night. About 2,400 people left their homes, and boats sent from Lindmark picked up families cut "
    "off on farms. Engineers worked through the morning to plug the breach, while forecasters warned that more "
    "rain was on the way for the basin."
)


def _index_pair(a: str, b: str) -> tuple[str | None, float, float]:
    index = SyndicationIndex()
    sa, sb = shingle_set(a), shingle_set(b)
    index.add("a", minhash_signature(a, sa), dt.date(2031, 3, 4), len(sa))
    original, _ = index.add("b", minhash_signature(b, sb), dt.date(2031, 3, 5), len(sb))
    return original, jaccard(minhash_signature(a), minhash_signature(b)), containment(sa, sb)


def test_edited_wire_copy_is_a_copy_in_the_stream_although_its_jaccard_is_low() -> None:
    original, j, exact = _index_pair(WIRE, EDITED)
    assert j < 0.7 and exact >= 0.6  # the case the old Jaccard-only index missed
    assert original == "a"


def test_independent_report_of_the_same_event_is_not_a_copy() -> None:
    original, _, exact = _index_pair(WIRE, INDEPENDENT)
    assert exact < 0.2
    assert original is None


def test_trimmed_copy_is_a_copy_and_size_unknown_falls_back_to_jaccard() -> None:
    trimmed = WIRE.rsplit(" Kovell asked", 1)[0]
    assert _index_pair(WIRE, trimmed)[0] == "a"
    index = SyndicationIndex()  # features stored before shingle counts existed: size 0
    index.add("a", minhash_signature(WIRE), None, 0)
    assert index.add("b", minhash_signature(EDITED), None, 0)[0] is None  # Jaccard < 0.7: not a copy


@pytest.mark.parametrize(("j", "a", "b", "expected"), [(1.0, 50, 50, 1.0), (0.5, 100, 50, 1.0), (0.25, 60, 40, 0.5)])
def test_estimated_containment_formula(j: float, a: int, b: int, expected: float) -> None:
    assert estimated_containment(j, a, b) == pytest.approx(expected)


def test_groups_in_different_homes_are_not_merged_by_a_bridging_report() -> None:
    first_half, second_half = WIRE[: len(WIRE) // 2], WIRE[len(WIRE) // 2 :]
    index = SyndicationIndex()
    home = {"early": "story-1", "late": "story-2"}
    for rid, text, day in (("early", first_half, 1), ("late", second_half, 2)):
        shingles = shingle_set(text)
        index.add(rid, minhash_signature(text, shingles), dt.date(2031, 3, day), len(shingles), home.__getitem__)
    shingles = shingle_set(WIRE)  # contains both halves: a copy of each
    original, changed = index.add("bridge", minhash_signature(WIRE, shingles), dt.date(2031, 3, 3), len(shingles),
                                  home.__getitem__)
    assert original == "early" and changed == {}
    assert index.original_of("late") == "late"
    # Without homes the bridge merges the two groups under the earliest member.
    index = SyndicationIndex()
    for rid, text, day in (("early", first_half, 1), ("late", second_half, 2)):
        shingles = shingle_set(text)
        index.add(rid, minhash_signature(text, shingles), dt.date(2031, 3, day), len(shingles))
    shingles = shingle_set(WIRE)
    assert index.add("bridge", minhash_signature(WIRE, shingles), dt.date(2031, 3, 3), len(shingles)) == (
        "early", {"late": "early"})
