"""The precision tally of benchmarks/judged_precision.py: verdicts match output items by key, never by position."""

from __future__ import annotations

from judged_precision import items, score


def _briefing(speaker: str, disputed: bool) -> dict[str, object]:
    return {
        "claims": [{"measure": "killed", "subject": "people", "disputed": disputed,
                    "values": [{"text": "12", "low": 12, "high": 12, "sources": ["a"]},
                               {"text": "15", "low": 15, "high": 15, "sources": ["b"]}]}],
        "quotes": [{"speaker": speaker, "text": "We will rebuild the bridge", "sources": ["a"]},
                   {"speaker": None, "text": "No speaker here", "sources": ["b"]}],
        "entities": [{"name": "Ana Ruiz", "type": "PERSON", "aliases": ["Ruiz"], "sources": ["a"], "mentions": 2}],
    }


def test_every_kind_is_listed_and_unspoken_quotes_are_not_judged() -> None:
    kinds = sorted(it["kind"] for it in items("c1", _briefing("Ana Ruiz", disputed=True)))
    assert kinds == ["claim", "dispute", "entity", "speaker"]  # no summary or story in this briefing


def test_a_changed_item_is_unjudged_not_counted_with_the_old_verdict() -> None:
    old = items("c1", _briefing("Ana Ruiz", disputed=True))
    verdicts = [{"cluster": it["cluster"], "kind": it["kind"], "key": it["key"],
                 "verdict": "wrong" if it["kind"] == "dispute" else "ok"} for it in old]
    same = score(verdicts, {"c1": _briefing("Ana Ruiz", disputed=True)})
    assert same["dispute"] == {"clusters": 1, "output": 1, "judged": 1, "ok": 0, "precision": 0.0}
    assert same["speaker"]["precision"] == 1.0
    changed = score(verdicts, {"c1": _briefing("Luis Ortega", disputed=False)})
    assert changed["speaker"] == {"clusters": 1, "output": 1, "judged": 0, "ok": 0, "precision": None}
    assert changed["dispute"]["output"] == 0
    assert changed["claim"]["judged"] == 1  # the claim's identity (measure, subject, values) did not change


def test_keep_merges_a_later_round_with_the_verdicts_already_kept(tmp_path, monkeypatch) -> None:
    import argparse
    import json

    import judged_precision as jp

    store = tmp_path / "verdicts.jsonl"
    monkeypatch.setattr(jp, "VERDICTS", store)
    monkeypatch.setattr(jp, "REPO", tmp_path)

    def round_(name: str, rows: list[tuple[str, str]]) -> argparse.Namespace:
        sheet = tmp_path / name
        sheet.write_text("".join(json.dumps({"cluster": "c1", "kind": "entity", "key": k, "label": k,
                                             "verdict": v, "why": "", "evidence": {}}) + "\n" for k, v in rows))
        return argparse.Namespace(worksheet=str(sheet))

    jp.cmd_keep(round_("one.jsonl", [("a", "ok"), ("b", "wrong")]))
    jp.cmd_keep(round_("two.jsonl", [("b", "ok"), ("c", "ok")]))
    kept = {v["key"]: v["verdict"] for v in map(json.loads, store.read_text().splitlines())}
    assert kept == {"a": "ok", "b": "ok", "c": "ok"}
    assert "evidence" not in store.read_text()


def test_summary_sentences_and_the_headline_are_judged_by_their_text() -> None:
    briefing = {"story": {"headline": "Floods close the Marvel Bridge", "headline_from": "summary"},
                "summary": [{"text": "Floods closed the Marvel Bridge on Tuesday.", "origin": "a",
                             "spans": [{"source": "a", "start": 0, "end": 43}]}]}
    first = {it["kind"]: it["key"] for it in items("c1", briefing)}
    assert set(first) == {"standalone", "headline"}
    briefing["story"]["headline"] = "Floods close the bridge"
    second = {it["kind"]: it["key"] for it in items("c1", briefing)}
    assert second["standalone"] == first["standalone"] and second["headline"] != first["headline"]
