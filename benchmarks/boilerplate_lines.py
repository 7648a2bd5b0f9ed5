"""Line-level article-text precision / recall / F1 on the test pages of each boilerplate dataset (issue 9).

Every system is scored on the same lines: the visible-text blocks of each page (``clean/blocks.py``), labelled
article text or not from the dataset's own ground truth (``training/clean_data.py``; the datasets' definitions,
not ours: several count captions and credits as article text). Systems, run in the same process:

* ``corroborate text path``: the page's whole visible text through the clean stage (rules, markers, model),
  as a user's pasted or scraped text would go;
* ``corroborate HTML path``: trafilatura extraction then the clean stage (what ``brief page.html`` does);
* ``trafilatura`` (default ``extract``) and ``jusText`` (English stoplist), run on the same HTML.

A system keeps a line when the line's words occur in its output (short lines: as a whole output paragraph).
Pages are the test splits of L3S-GN1, Google-Trends-2017, Dragnet and CleanEval (never trained on), and all of
CleanPortalEval, Readability (news and other real pages) and the 181 article-extraction pages (never trained on).
Writes ``benchmarks/results/boilerplate_lines.json``. ``--limit N`` scores the first N pages per dataset.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import justext
import trafilatura

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))
import clean_data  # noqa: E402
from corroborate.clean import clean_report  # noqa: E402
from corroborate.clean.furniture_model import default_model  # noqa: E402
from corroborate.ingest.html import extract_html  # noqa: E402
from corroborate.model import RawReport  # noqa: E402
from evallib.run_info import with_run_info  # noqa: E402

OUT = ROOT / "benchmarks" / "results" / "boilerplate_lines.json"


def data_folders() -> list[Path]:
    """The dataset folders the pages are read from (``clean_data``'s readers and :func:`_html`)."""
    shared = {"article-extraction": clean_data.SHARED / "article-extraction"}
    return [shared.get(name, clean_data.BOILERPLATE / name) for name in clean_data.DATASETS]


def _html(page: clean_data.Page) -> str:
    if page.dataset == "article-extraction":
        path = clean_data.SHARED / "article-extraction" / "html" / f"{page.page_id}.html.gz"
    else:
        path = clean_data.BOILERPLATE / page.dataset / "html" / f"{page.page_id}.html.gz"
    return clean_data._strip_declaration(clean_data._decode(gzip.open(path).read()))


def _text_path(page: clean_data.Page, html: str) -> str:
    return clean_report(RawReport(id="p", location="p", text="\n\n".join(page.lines))).text


def _html_path(page: clean_data.Page, html: str) -> str:
    extracted = extract_html(html)
    return clean_report(RawReport(id="p", location="p", text=extracted.text, title=extracted.title)).text


def _trafilatura(page: clean_data.Page, html: str) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return trafilatura.extract(html) or ""


def _justext(page: clean_data.Page, html: str) -> str:
    try:
        paragraphs = justext.justext(html.encode("utf-8"), justext.get_stoplist("English"))
    except Exception:  # noqa: BLE001 - jusText raises on some pages; score them as empty output
        return ""
    return "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)


SYSTEMS: dict[str, Callable[[clean_data.Page, str], str]] = {
    "corroborate text path": _text_path,
    "corroborate HTML path": _html_path,
    "trafilatura": _trafilatura,
    "jusText": _justext,
}


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def evaluate(limit: int | None) -> dict[str, object]:
    results: dict[str, object] = {}
    for name in clean_data.DATASETS:
        pages = [p for p in clean_data.load(name) if name not in clean_data.TRAIN_DATASETS or p.split == "test"]
        pages = pages[:limit] if limit else pages
        counts = {s: [0, 0, 0] for s in SYSTEMS}
        seconds = dict.fromkeys(SYSTEMS, 0.0)
        for page in pages:
            html = _html(page)
            gold = [lab == "body" for lab in page.labels]
            for system, run in SYSTEMS.items():
                t0 = time.perf_counter()
                output = run(page, html)
                seconds[system] += time.perf_counter() - t0
                labeller = clean_data._Labeller(output, {})
                for line, g in zip(page.lines, gold, strict=True):
                    kept = labeller.label(line) == "body"
                    c = counts[system]
                    c[0] += kept and g
                    c[1] += kept and not g
                    c[2] += g and not kept
        results[name] = {
            "pages": len(pages),
            "lines": sum(len(p.lines) for p in pages),
            "systems": {s: {**_prf(*counts[s]), "ms_per_page": round(1000 * seconds[s] / max(1, len(pages)), 1)}
                        for s in SYSTEMS},  # fmt: skip
        }
        print(name, json.dumps(results[name]), file=sys.stderr)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    report = {
        "command": "python benchmarks/boilerplate_lines.py" + (f" --limit {args.limit}" if args.limit else ""),
        "commit": commit,
        "model_sha256": default_model().sha256,
        "versions": {"trafilatura": trafilatura.__version__, "justext": getattr(justext, "__version__", "3.x")},
        "data_sha256": clean_data.data_hashes(),
        "datasets": evaluate(args.limit),
    }
    if not args.limit:
        OUT.write_text(json.dumps(with_run_info(report, data_folders()), indent=1) + "\n")
    print(json.dumps(report["datasets"], indent=1))


if __name__ == "__main__":
    main()
