"""Syndication: one policy for the original of a copy group (credited outlet, then earliest, then first seen)."""

from __future__ import annotations

import datetime as dt
import itertools

from corroborate.cluster import SyndicationIndex, choose_original
from corroborate.cluster.features import minhash_signature, shingle_set

WIRE = (
    "Flood barriers along the Orvane river failed overnight, forcing the evacuation of 2,400 residents "
    "from the lower districts of Velstad, mayor Ilsa Kovell said on Tuesday. Rescue boats from Lindmark "
    "reached the stranded farms before dawn and engineers began sealing the breach with sandbags. The regional "
    "water board said the barriers had been inspected in March and passed every test."
)
OTHER = (
    "Dock workers in Marrow Bay walked out at noon after talks on wages collapsed, leaving forty cargo "
    "ships idle in the harbour, the union's spokesman Teodor Quaid told reporters at the gate."
)


def _feed(index: SyndicationIndex, rid: str, text: str, day: int | None, outlet: str | None = None,
          cites: tuple[str, ...] = ()) -> tuple[str | None, dict[str, str]]:
    shingles = shingle_set(text)
    published = dt.date(2031, 3, day) if day else None
    return index.add(rid, minhash_signature(text, shingles), published, len(shingles), None, outlet, cites)


def _originals(reports: list[tuple[str, str, int | None, str | None, tuple[str, ...]]]) -> dict[str, str]:
    index = SyndicationIndex()
    for rid, text, day, outlet, cites in reports:
        _feed(index, rid, text, day, outlet, cites)
    return {rid: index.original_of(rid) for rid, *_ in reports}


def test_the_credited_outlet_is_the_original_in_any_arrival_order() -> None:
    reports = [
        ("copy-1", WIRE + " (Via Valley Ledger)", 3, "Coast Times", ("Valley Ledger",)),
        ("ledger", WIRE, 5, "Valley Ledger", ()),  # published later than the copy, but credited by it
        ("copy-2", WIRE + " Reporting by the Valley Ledger.", 4, "Hill Post", ("Valley Ledger",)),
        ("other", OTHER, 1, "Dock News", ()),
    ]
    for order in itertools.permutations(reports):
        originals = _originals(list(order))
        assert originals == {"copy-1": "ledger", "ledger": "ledger", "copy-2": "ledger", "other": "other"}


def test_without_credits_the_earliest_dated_then_the_first_seen_is_the_original() -> None:
    assert _originals([("m", WIRE, None, None, ()), ("k", WIRE, None, None, ()), ("x", WIRE, 9, None, ())])["m"] == "x"
    # Undated ties: the first seen, not the smallest id.
    assert _originals([("m", WIRE, None, None, ()), ("k", WIRE, None, None, ())]) == {"m": "m", "k": "m"}


def test_the_newcomer_that_becomes_original_repoints_the_group() -> None:
    index = SyndicationIndex()
    assert _feed(index, "late", WIRE, 8) == (None, {})
    assert _feed(index, "later", WIRE, 9) == ("late", {})
    original, changed = _feed(index, "early", WIRE, 2)
    assert original is None and changed == {"late": "early", "later": "early"}


def test_choose_original_ignores_a_member_crediting_its_own_outlet() -> None:
    members = ["a", "b"]
    outlet = {"a": "ledger", "b": "post"}
    cites = {"a": frozenset({"ledger"}), "b": frozenset()}
    key = {"a": (dt.date(2031, 1, 1), 0), "b": (dt.date(2031, 1, 2), 1)}
    # "a" credits its own outlet only: nobody else credits it, and it credits someone, so "b" ranks first.
    assert choose_original(members, outlet, cites, key) == "b"
