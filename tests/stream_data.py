"""Test data for the store tests: a fictional news stream written as JSON-lines files.

``write_stream(folder, stories, per_story)`` writes ``stories`` fictional events (invented towns, people and
outlets), each reported ``per_story`` times with different wording, plus one syndicated copy per story, spread
over dated files; the gold story of every report is in its ``story`` field.
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
    picks = rng.sample(words, 3)
    sentences = [
        f"In {town}, {phrase} on {day:%A}, according to {person}, who leads the local {kind} response.",
        f"{person} said the {picks[0]} and the {picks[1]} were the main concern for {town}.",
        f"{rng.choice(FILLER)}, and the {picks[2]} was discussed at length.",
        f"{town} counted {rng.randint(3, 90)} {picks[0]} teams, {person} told {outlet}.",
    ]
    rng.shuffle(sentences)
    return {
        "title": f"{town} {kind}: {picks[0]} and {picks[1]} ({k})",
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
            rec.update(id=f"s{s}-r{k}", story=f"gold-{s}")
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
