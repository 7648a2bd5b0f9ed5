"""Every item of every briefing points at spans that cut exactly its text (issue 11): the bundled examples and
generated stories, speaker, attribution and date-expression spans included; every output validates against the
generated schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corroborate import Config
from corroborate.cli import main
from corroborate.model import RawReport
from corroborate.pipeline import brief_reports
from corroborate.render.schema import BRIEFING_SCHEMA, DOCUMENT_SCHEMA
from span_check import span_problems

EXAMPLES = sorted(p for p in (Path(__file__).parents[1] / "examples").iterdir() if p.is_dir())


@pytest.mark.parametrize("story", EXAMPLES, ids=lambda p: p.name)
def test_every_example_item_cuts_its_spans_exactly(story: Path, tmp_path: Path) -> None:
    out = tmp_path / "b.json"
    assert main(["brief", str(story), "--format", "json", "-o", str(out)]) == 0
    document = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(document, DOCUMENT_SCHEMA)
    briefings = document if isinstance(document, list) else [document]
    for briefing in briefings:
        assert span_problems(briefing) == []
        assert briefing["quotes"] and briefing["entities"]  # the check had something to check
    spans = [s for b in briefings for q in b["quotes"] for s in q["speaker_spans"]]
    assert spans, "no speaker span in the example"


def test_multi_story_output_validates(tmp_path: Path) -> None:
    out = tmp_path / "all.json"
    assert main(["brief", *map(str, EXAMPLES), "--format", "json", "-o", str(out)]) == 0
    document = json.loads(out.read_text(encoding="utf-8"))
    assert isinstance(document, list) and len(document) >= len(EXAMPLES)
    jsonschema.validate(document, DOCUMENT_SCHEMA)
    assert all(span_problems(b) == [] for b in document)


# Fictional names and places; sentences in the shapes news reports use for quotes, figures and dates.
_NAME = st.sampled_from(["Tomas Reyl", "Anika Vell", "Jorun Mast", "the Krell police", "Interior Minister Oda Brenn"])
_QUOTE = st.sampled_from(["We will rebuild the bridge", "Nobody was warned", "The talks are over for now"])
_DAY = st.sampled_from(["on Friday", "on Monday", "yesterday", "on 3 May 2031", "last week"])
_COUNT = st.sampled_from(["12", "at least 40", "dozens of", "more than 300", "two"])
_SENTENCE = st.one_of(
    st.builds(lambda n, q: f'"{q}," {n} said.', _NAME, _QUOTE),
    st.builds(lambda n, q: f'{n} said: "{q}."', _NAME, _QUOTE),
    st.builds(lambda c, d, n: f"{c.capitalize()} people were killed {d} in Krell, {n} said.", _COUNT, _DAY, _NAME),
    st.builds(lambda c, d: f"Floods closed {c} roads near Vell {d}.", _COUNT, _DAY),
    st.builds(lambda n, d: f"{n} visited the Vell dam {d}.", _NAME, _DAY),
)
_REPORT = st.lists(_SENTENCE, min_size=2, max_size=6).map(lambda ss: "Dam bursts in Krell\n" + " ".join(ss))


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_REPORT, min_size=2, max_size=4))
def test_generated_stories_cut_their_spans_exactly(reports: list[str]) -> None:
    raws = [RawReport(f"r{i}", f"r{i}", text, title_in_text=True) for i, text in enumerate(reports)]
    for briefing in brief_reports(raws, Config(), one_story=True).briefings:
        jsonschema.validate(briefing, BRIEFING_SCHEMA)
        assert span_problems(briefing) == []
