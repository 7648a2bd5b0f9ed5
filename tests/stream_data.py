"""Test data for the store tests: a fictional news stream written as JSON-lines files.

``write_stream(folder, stories, per_story)`` writes ``stories`` fictional events (invented towns, people and
outlets), each reported ``per_story`` times with different wording, plus one syndicated copy per story, spread
over dated files; the gold story of every report is in its ``gold_story`` field (which the readers ignore:
a ``story`` field would be taken as the user's grouping and bypass the clusterer).
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

TOWNS = [
    "Norvik",
    "Kessel",
    "Tarsova",
    "Lindmark",
    "Orvane",
    "Velstad",
    "Marrow Bay",
    "Quillon",
    "Estrany",
    "Brackwater",
    "Sundal",
    "Pellamy",
    "Ravenholt",
    "Ost Karra",
    "Duneford",
    "Halvik",
    "Corran",
    "Myrefield",
    "Skelby",
    "Tolvane",
]
EVENTS = [
    ("flood", "river burst its banks", ["water", "levee", "evacuation", "rain", "sandbags", "rescue boats"]),
    ("fire", "fire swept through a textile factory", ["blaze", "firefighters", "smoke", "workers", "arson"]),
    ("strike", "dock workers walked out", ["union", "wages", "port", "cargo", "negotiations", "pickets"]),
    (
        "election",
        "mayoral election ended in a recount",
        ["ballots", "votes", "candidate", "recount", "turnout"],
    ),
    ("bridge", "the old rail bridge collapsed", ["span", "engineers", "girders", "train", "inspection"]),
    ("outbreak", "a fever outbreak closed schools", ["clinic", "patients", "vaccine", "fever", "quarantine"]),
    ("quake", "an earthquake shook the valley", ["tremor", "magnitude", "aftershocks", "rubble", "seismic"]),
    ("heist", "thieves emptied the museum vault", ["jewels", "police", "vault", "alarm", "detectives"]),
]
FIRST = ["Ilsa", "Teodor", "Marta", "Oskar", "Renate", "Vilem", "Soraya", "Anders", "Petra", "Luka"]
LAST = [
    "Brandt",
    "Kovell",
    "Ostrander",
    "Maelis",
    "Vantork",
    "Drummel",
    "Hesketh",
    "Quaid",
    "Sorrel",
    "Tamsin",
]
OUTLETS = [
    "Norvik Courier",
    "Valley Ledger",
    "Eastgate Monitor",
    "Harbor Signal",
    "Meridian Wire",
    "Tarsova Post",
]
FILLER = [
    "Residents gathered near the square",
    "Officials promised an update by evening",
    "Local shops stayed closed for the day",
    "Witnesses described a chaotic scene",
    "The council will meet again next week",
    "Volunteers arrived from nearby villages",
]


def _report(
    rng: random.Random,
    k: int,
    outlet: str,
    town: str,
    event: tuple[str, str, list[str]],
    person: str,
    day: dt.date,
) -> dict[str, object]:
    kind, phrase, words = event
    a, b, c = rng.sample(words, 3)
    n = rng.randint(3, 90)
    # Each sentence role has several phrasings, so two independent reports of one event share their facts and
    # names but little of their wording (word 3-shingle containment well under the 0.6 that marks a copy).
    leads = [
        f"In {town}, {phrase} on {day:%A}, according to {person}, who leads the local {kind} response.",
        f"{person}, head of the {kind} response in {town}, confirmed that {phrase} on {day:%A}.",
        f"Authorities in {town} said {phrase} on {day:%A}; {person} is coordinating the {kind} response.",
        f"It was {day:%A} when {phrase} in {town}, {person} recalled.",
        f"{town} woke up on {day:%A} to news that {phrase}, with {person} in charge of the {kind} response.",
    ]
    concerns = [
        f"{person} said the {a} and the {b} were the main concern for {town}.",
        f"For {person}, the {a} mattered more than the {b}.",
        f"The {a} worried officials in {town} most, followed by the {b}, {person} said.",
        f"{person} listed the {a} and the {b} as priorities.",
        f"Questions about the {a} and the {b} dominated a briefing by {person}.",
    ]
    filler = rng.choice(FILLER)
    asides = [
        f"{filler}, and the {c} was discussed at length.",
        f"{filler}; talk of the {c} continued.",
        f"{filler} while the {c} remained a topic.",
        f"{filler}. The {c} came up again and again.",
    ]
    counts = [
        f"{town} counted {n} {a} teams, {person} told {outlet}.",
        f"{outlet} learned that {n} {a} teams were working in {town}.",
        f"There were {n} {a} teams deployed in {town}, according to {outlet}.",
        f"{person} put the number of {a} teams at {n} in an interview with {outlet}.",
    ]
    nexts = [
        f"{person} expects a fuller picture of the {b} within days.",
        f"A review of the {b} is due later in the week, {outlet} reported.",
        f"Next, the {kind} team in {town} will look at the {b}.",
        f"Nobody in {town} would guess how long the {b} might take to sort out.",
        f"The {b} will be on the agenda when {person} meets the council.",
    ]
    sentences = [rng.choice(leads), rng.choice(concerns), rng.choice(asides), rng.choice(counts), rng.choice(nexts)]
    rng.shuffle(sentences)
    return {
        "title": f"{town} {kind}: {a} and {b} ({k})",
        "text": " ".join(sentences),
        "outlet": outlet,
        "published": day.isoformat(),
    }


def write_stream(folder: Path, stories: int, per_story: int, seed: int = 3, files: int = 4) -> list[dict[str, object]]:
    """Write the fictional stream into ``files`` JSONL files under ``folder``; return the records in order."""
    rng = random.Random(seed)
    records: list[dict[str, object]] = []
    start = dt.date(2031, 5, 1)
    for s in range(stories):
        town = TOWNS[s % len(TOWNS)] + ("" if s < len(TOWNS) else f" {s // len(TOWNS) + 1}")
        event = EVENTS[(s * 3) % len(EVENTS)]
        person = f"{FIRST[s % len(FIRST)]} {LAST[(s * 7) % len(LAST)]}"
        day = start + dt.timedelta(days=(s * 2) % 60)
        for k in range(per_story):
            rec = _report(rng, k, OUTLETS[k % len(OUTLETS)], town, event, person, day + dt.timedelta(days=k % 3))
            rec.update(id=f"s{s}-r{k}", gold_story=f"gold-{s}")
            records.append(rec)
        copy = dict(records[-per_story])
        copy.update(id=f"s{s}-copy", outlet="Syndicate Daily", text=str(copy["text"]) + " (Via Meridian Wire)")
        records.append(copy)
    rng.shuffle(records)
    records.sort(key=lambda r: str(r["published"]))
    folder.mkdir(parents=True, exist_ok=True)
    size = -(-len(records) // files)
    for f in range(files):
        with (folder / f"part-{f:02d}.jsonl").open("w", encoding="utf-8") as fh:
            for rec in records[f * size : (f + 1) * size]:
                fh.write(json.dumps(rec) + "\n")
    return records
