"""Issue 9: the learned furniture classifier, furniture markers, page blocks, and removals with their reasons.

Every line here is written for these tests (fictional names and places), not taken from any gold set.
"""

from __future__ import annotations

import dataclasses

import pytest

from corroborate.clean import clean_report, clean_reports
from corroborate.clean.blocks import html_blocks
from corroborate.clean.furniture_model import MODEL_PATH, FurnitureModel, ModelError, default_model
from corroborate.clean.markers import marker_reason
from corroborate.config import CleanOptions, Config, resolve_config
from corroborate.model import RawReport

PROSE2 = (
    "Engineers said the piers could be repaired within a year, but the regional transport office has not yet "
    "set aside money for the work, and the council will vote again on the budget in March."
)
PROSE = (
    "The council in Vellmar voted on Tuesday to close the old river bridge after engineers found cracks in two "
    "of its piers, a decision that will add twenty minutes to the commute of about 4,000 residents."
)


def test_shipped_model_loads_small_and_calibrated() -> None:
    model = default_model()
    assert MODEL_PATH.stat().st_size <= 10_000_000  # issue 9: at most 10 MB shipped
    assert 0.5 < model.threshold < 1.0
    assert {"caption", "related", "byline", "other"} <= set(model.classes)  # kinds of furniture
    assert len(model.sha256) == 64
    assert FurnitureModel.load().sha256 == model.sha256  # same bytes, same hash: results can name the model


def test_model_scores_prompts_above_report_prose() -> None:
    model = default_model()
    lines = [PROSE, "Sign up for our daily newsletter", PROSE.replace("Vellmar", "Oskarby")]
    scores = model.scores(lines)
    assert scores[1] > 0.9 > max(scores[0], scores[2])
    assert all(0.0 <= s <= 1.0 for s in scores)


def test_verdict_kind_only_where_asked() -> None:
    model = default_model()
    assert model.scores([PROSE])[0] < model.threshold
    verdicts = model.verdicts([PROSE, "Sign up for our daily newsletter"], kind_min=model.threshold)
    assert verdicts[0].kind == ""  # below kind_min: the kind head is not run
    assert verdicts[1].kind in default_model().classes and 0 < verdicts[1].kind_score <= 1


def test_unreadable_model_is_a_clear_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "furniture.json.gz"
    bad.write_bytes(b"not gzip")
    with pytest.raises(ModelError, match="make train-clean"):
        FurnitureModel.load(bad)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Rescuers dig through the rubble in Tarvé on Sunday. (AP Photo/Lena Marsh)", "photo credit"),
        ("Lena Marsh / AFP / Getty Images A boy walks past the shuttered market.", "photo credit"),
        ("The mayor of Oskarby speaks to reporters. REUTERS/Tomas Varo", "photo credit"),
        ("Image copyright Meridian Press Image caption The bridge was built in 1911", "caption"),
        ("JUST WATCHED Floods close Vell bridge Replay More Videos ... MUST WATCH Floods close Vell bridge 02:13", "video"),
        ("Media playback is unsupported on your device", "video"),
        ("Write to Lena Marsh at lena.marsh@example.com", "contact line"),
        ("lmarsh@example.com or 555-201-3344", "contact line"),
        ("Tomas Varo in Oskarby contributed to this report.", "contribution line"),
        ("(Reporting by Lena Marsh; Editing by Tomas Varo)", "contribution line"),
        ("Read or Share this story: https://example.com/abc", "share prompt"),
        ("Story continues below", "advertisement"),
        ("Read more:", "related links"),
        ("■ Related: Council to review bridge budget", "related links"),
        ("[Vellmar council votes to close the old river bridge]", "related links"),
        ("Follow Lena Marsh on Twitter and Instagram.", "follow prompt"),
    ],
)
def test_markers_name_furniture(line: str, reason: str) -> None:
    assert marker_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        PROSE,
        "[Update: the council has since reopened one lane.]",  # an editor's note is report text
        "[Marsh, p. 41]",
        "3 of 5 residents said they would drive the long way round.",
        "The photographer, who works for Getty Images, said she was pushed. " * 8,  # long prose mentioning a credit
        "Read more about the vote, the council said, on its website.",
    ],
)
def test_markers_leave_report_text(line: str) -> None:
    assert marker_reason(line) is None


def test_removed_lines_carry_reason_and_score() -> None:
    text = "\n\n".join(
        [PROSE, "Media caption The bridge was built in 1911", PROSE2, "Read more:"]
    )
    article = clean_report(RawReport(id="r1", location="r1.json", text=text))
    assert article.removed_lines == [r.line for r in article.removals]
    assert {r.reason for r in article.removals} == {"caption", "related links"}
    # Rules decide first; the model only scores the lines they keep, so a rule's removal has no model score.
    assert all(r.score is None for r in article.removals)
    assert "Vellmar" in article.text and "piers could be repaired" in article.text


def test_model_can_be_switched_off_and_threshold_set() -> None:
    lines = [PROSE, "Council to review bridge budget", "Oskarby mayor urges calm", PROSE2]
    raw = RawReport(id="r1", location="r1.json", text="\n\n".join(lines))
    off = clean_reports([raw], CleanOptions(model=False))[0]
    assert all(r.score is None for r in off.removals)
    strict = clean_reports([raw], CleanOptions(model_threshold=0.0))[0]
    # Threshold 0 would remove every line; removals by the model are undone rather than emptying a report.
    assert strict.text.strip()
    assert resolve_config(overrides={"clean.model_threshold": 0.5}).clean.model_threshold == 0.5


def test_model_removal_is_recorded_as_model_kind() -> None:
    lines = [PROSE, "Filed under: Politics", PROSE2]
    scores = default_model().scores(lines)
    assert scores[1] > max(scores[0], scores[2])  # a tag line between paragraphs
    raw = RawReport(id="r1", location="r1.json", text="\n\n".join(lines))
    article = clean_reports([raw], CleanOptions(model_threshold=scores[1] - 1e-9))[0]
    assert [(r.line, r.reason[:7]) for r in article.removals] == [("Filed under: Politics", "model: ")]
    assert article.removals[0].score == pytest.approx(scores[1], abs=1e-4)
    assert dataclasses.asdict(Config())["clean"]["model"] is True


def test_html_blocks_split_where_a_browser_breaks_lines() -> None:
    page = (
        "<html><head><title>T</title><style>p{}</style></head><body><nav>Home <a>World</a></nav>"
        "<p>First <b>bold</b> paragraph.<br>After break<!-- note --> goes on</p><script>x()</script>"
        "<ul><li>One</li><li>Two</li></ul><div hidden>secret</div>tail</body></html>"
    )
    assert html_blocks(page) == ["Home World", "First bold paragraph.", "After break goes on", "One", "Two", "tail"]


def test_html_blocks_survive_deep_nesting() -> None:
    assert html_blocks("<div>" * 1_500 + "deep" + "</div>" * 1_500) == ["deep"]
    assert isinstance(html_blocks("<div>" * 50_000 + "x"), list)  # past the parser's limit: no exception


def test_rules_run_in_linear_time_on_pathological_lines() -> None:
    """A nested quantifier in one marker once took minutes on a long line without spaces (issue 9 review)."""
    import signal
    import time

    from corroborate.clean.furniture import furniture_reason

    lines = ["A" * 5000, "a" * 5000, "AB " * 2000, "Ab " * 2000, "(" + "a/" * 2000, "1 of " * 1000, "[" + "Ab " * 1500]
    signal.signal(signal.SIGALRM, lambda *_: (_ for _ in ()).throw(TimeoutError("furniture rules backtrack")))
    signal.alarm(10)
    try:
        start = time.perf_counter()
        for line in lines:
            furniture_reason(line)
        default_model().scores(lines)
    finally:
        signal.alarm(0)
    assert time.perf_counter() - start < 10
