"""Article-body extraction gate on real pages (benchmarks/extraction.py, the scrapinghub benchmark's 181 pages).

1. The scorer reproduces the benchmark's published figures from the published extractor outputs.
2. corroborate's HTML path (trafilatura + clean stage) keeps its measured quality, and the clean stage removes
   little that the benchmark's ground truth calls article text. A removed repeat whose first copy the cleaned
   text keeps is not counted. 15 lines measured with the furniture markers and model (issue 9; 8 before):
   10 furniture by the product's definition (follow / newsletter prompts, copyright lines, "(Reporting by
   ...)", "Story continues below gallery"), 2 "Pro tip: get more ... ideas here!" prompts, and 3 true article
   lines the model took for furniture (two tour-date list items and a "Path C: ..." list line); a list item
   starting with "-" or a correction notice dropped again fails here.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "benchmarks"))

import extraction  # noqa: E402

# Published F1 (scrapinghub/article-extraction-benchmark README) for outputs shipped with the data.
PUBLISHED_F1 = {"AutoExtract": 0.970, "Diffbot": 0.951, "readability": 0.922, "dragnet": 0.907, "html-text": 0.665}
# Measured: F1 0.964 (P 0.958, R 0.970) with the furniture model and markers (0.961 before); floor under it.
F1_FLOOR = 0.958
MAX_BODY_LINES_REMOVED = 15


@pytest.fixture(scope="module")
def pages(shared_data: Path) -> tuple[dict[str, str], dict[str, str]]:
    if not extraction.data_dir().exists():
        pytest.skip(f"{extraction.data_dir()} not found")
    return extraction.load()


def test_scorer_reproduces_published_figures(pages: tuple[dict[str, str], dict[str, str]]) -> None:
    truth, _ = pages
    outputs = extraction.reference_outputs()
    for name, f1 in PUBLISHED_F1.items():
        assert extraction.score(truth, outputs[name])["f1"] == pytest.approx(f1, abs=0.0015), name


def test_html_path_quality_and_clean_stage_keeps_article_text(pages: tuple[dict[str, str], dict[str, str]]) -> None:
    truth, html = pages
    systems, info = extraction.ours(html)
    scores = extraction.score(truth, systems["corroborate (trafilatura + clean)"])
    assert scores["f1"] >= F1_FLOOR, scores
    lost = extraction.wrongly_removed(truth, info["removed"], systems["corroborate (trafilatura + clean)"])
    assert len(lost) <= MAX_BODY_LINES_REMOVED, lost
    assert not any(item["line"].startswith(("-", "Correction")) for item in lost), lost
