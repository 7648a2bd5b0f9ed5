"""Line-labelled documents for the furniture model, derived from real pages in ``../shared/data``.

Each page's visible text is split into blocks (:func:`corroborate.clean.blocks.html_blocks`); a block is labelled
by the ground truth the dataset publishes:

* ``body``: the block's words occur in the true article body (blocks of <= 3 words must equal a whole body
  paragraph, so "Video" is not body because "videos" occurs in it);
* a furniture class where the dataset labels furniture finely: ``headline``, ``caption`` (L3S "supplemental",
  Google-Trends caption/image/video), ``byline`` (author/date), ``related`` (L3S related content), ``comment``;
* ``other`` for every other block (navigation, prompts, ads, footers...).

Matching is on ASCII alphanumeric word keys, because L3S-GN1 and Google-Trends publish their labelled text with
every non-ASCII character replaced by "?" while the HTML keeps the real characters.

Nothing is copied into the repository: pages are read from ``../shared/data`` and the derived lines are cached
under ``.cache/`` (git-ignored).
"""

from __future__ import annotations

import ast
import gzip
import hashlib
import json
import pickle
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from corroborate.clean.blocks import html_blocks

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
BOILERPLATE = SHARED / "boilerplate"
CACHE = ROOT / ".cache" / "clean_data"
LABELS = ("body", "headline", "caption", "byline", "related", "comment", "other")
_WORD = re.compile(r"[a-z0-9]+")


@dataclass
class Page:
    dataset: str
    page_id: str
    split: str  # train | dev | test
    lines: list[str]
    labels: list[str]


def key(text: str) -> str:
    """Word key for matching: ASCII alphanumeric runs, lower-cased, space-delimited on both ends."""
    words = _WORD.findall(text.lower().replace("?", " "))
    return " " + " ".join(words) + " " if words else ""


def _decode(data: bytes) -> str:
    head = data[:4096].decode("ascii", "ignore").lower()
    m = re.search(r"charset=[\"']?([\w-]+)", head)
    for enc in ([m.group(1)] if m else []) + ["utf-8", "cp1252"]:
        try:
            return data.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("cp1252", "replace")


def _strip_declaration(page: str) -> str:
    # lxml refuses str input that carries an XML encoding declaration.
    return re.sub(r"^\s*<\?xml[^>]*>", "", page)


class _Labeller:
    """Labels blocks of one page from its body text and (optionally) finer furniture texts."""

    def __init__(self, body: str, furniture: dict[str, list[str]]) -> None:
        self.body_key = key(body)
        self.paragraphs = {key(p) for p in body.split("\n\n")}
        self.furniture = {label: {key(t) for t in texts if key(t)} for label, texts in furniture.items()}
        self.furniture_all = {label: " ".join(keys) for label, keys in self.furniture.items()}

    def label(self, block: str) -> str:
        k = key(block)
        if not k:
            return "other"
        n = k.count(" ") - 1
        in_body = k in self.paragraphs or (n >= 4 and k in self.body_key)
        for label, keys in self.furniture.items():
            if k in keys or (n >= 4 and k in self.furniture_all[label] and not in_body):
                return label
        return "body" if in_body else "other"


def _page(dataset: str, page_id: str, split: str, html: bytes, labeller: _Labeller) -> Page | None:
    lines = html_blocks(_strip_declaration(_decode(html)))
    if not lines:
        return None
    return Page(dataset, page_id, split, lines, [labeller.label(line) for line in lines])


def _splits(folder: Path) -> dict[str, str]:
    path = folder / "splits.json"
    if not path.exists():
        return {}
    data = json.loads(path.read_text())
    out: dict[str, str] = {}
    for split in ("train", "dev", "test"):
        for pid in data.get(split, []):
            out[str(pid)] = split
    return out


def _l3s() -> Iterator[Page]:
    folder = BOILERPLATE / "l3s-gn1"
    gt = json.load(gzip.open(folder / "ground-truth.json.gz"))
    blocks = json.load(gzip.open(folder / "blocks.json.gz"))
    splits = _splits(folder)
    for pid, rec in gt.items():
        related = [t for lab, t in blocks.get(pid, []) if lab == "related-content"]
        furniture = {
            "headline": [rec.get("headline") or ""],
            "caption": (rec.get("supplemental") or "").split("\n\n"),
            "related": related,
            "comment": (rec.get("comments") or "").split("\n\n"),
        }
        html = gzip.open(folder / "html" / f"{pid}.html.gz").read()
        page = _page("l3s-gn1", pid, splits.get(pid, "train"), html, _Labeller(rec["articleBody"], furniture))
        if page:
            yield page


_GT_CLASSES = {"title": "headline", "caption": "caption", "image": "caption", "video": "caption",
               "author": "byline", "date": "byline", "comment": "comment", "subtitle": "headline"}  # fmt: skip


def _googletrends() -> Iterator[Page]:
    folder = BOILERPLATE / "googletrends-2017"
    gt = json.load(gzip.open(folder / "ground-truth.json.gz"))
    splits = _splits(folder)
    by_boilernet = {rec.get("boilernet_id"): pid for pid, rec in gt.items()}
    resolved = {by_boilernet.get(b, b): s for b, s in splits.items()}
    for pid, rec in gt.items():
        fields = rec.get("labelled_fields") or {}
        if isinstance(fields, str):
            fields = ast.literal_eval(fields)
        furniture: dict[str, list[str]] = {}
        for name, texts in fields.items():
            label = _GT_CLASSES.get(name, "other")
            furniture.setdefault(label, []).extend(texts)
        html = gzip.open(folder / "html" / f"{pid}.html.gz").read()
        labeller = _Labeller(rec["articleBody"], furniture)
        page = _page("googletrends-2017", pid, resolved.get(pid, "train"), html, labeller)
        if page:
            yield page


def _body_only(dataset: str, default_split: str) -> Iterator[Page]:
    folder = BOILERPLATE / dataset
    gt = json.load(gzip.open(folder / "ground-truth.json.gz"))
    splits = _splits(folder)
    for pid, rec in gt.items():
        if not (rec.get("articleBody") or "").strip() or rec.get("lang", "en") != "en":
            continue
        if dataset == "readability" and rec.get("kind") not in ("news", "other"):
            continue
        furniture = {"comment": (rec.get("comments") or "").split("\n\n")} if rec.get("comments") else {}
        html = gzip.open(folder / "html" / f"{pid}.html.gz").read()
        if dataset == "cleaneval":  # the CleanEval wrapper line is not part of the page
            html = re.sub(rb"^\s*<text [^>]*>|</text>\s*$", b"", html)
        page = _page(dataset, pid, splits.get(pid, default_split), html, _Labeller(rec["articleBody"], furniture))
        if page:
            yield page


def _cleaneval_splits() -> dict[str, str]:
    data = json.loads((BOILERPLATE / "cleaneval" / "splits.json").read_text())
    out: dict[str, str] = {}
    for name, ids in (data.get("boilernet_ce_split") or {}).items():
        for pid in ids:
            out[str(pid)] = {"train": "train", "dev": "dev", "test": "test"}.get(name, name)
    return out


def _article_extraction() -> Iterator[Page]:
    folder = SHARED / "article-extraction"
    gt = json.load(gzip.open(folder / "ground-truth.json.gz"))
    for pid, rec in sorted(gt.items()):
        html = gzip.open(folder / "html" / f"{pid}.html.gz").read()
        page = _page("article-extraction", pid, "test", html, _Labeller(rec["articleBody"], {}))
        if page:
            yield page


# dataset -> (reader, published split available). CleanPortalEval, Readability and the 181 article-extraction
# pages have no published split: they are evaluation-only here (never trained on).
DATASETS = {
    "l3s-gn1": lambda: _l3s(),
    "googletrends-2017": lambda: _googletrends(),
    "dragnet": lambda: _body_only("dragnet", "train"),
    "cleaneval": lambda: _fix_cleaneval(_body_only("cleaneval", "train")),
    "cleanportaleval": lambda: _body_only("cleanportaleval", "test"),
    "readability": lambda: _body_only("readability", "test"),
    "article-extraction": lambda: _article_extraction(),
}
TRAIN_DATASETS = ("l3s-gn1", "googletrends-2017", "dragnet", "cleaneval")


def _fix_cleaneval(pages: Iterator[Page]) -> Iterator[Page]:
    splits = _cleaneval_splits()
    for page in pages:
        page.split = splits.get(page.page_id, "dev" if page.page_id.startswith("dev-") else "train")
        yield page


def _fingerprint(dataset: str) -> str:
    folder = SHARED / "article-extraction" if dataset == "article-extraction" else BOILERPLATE / dataset
    h = hashlib.sha256(Path(__file__).read_bytes())
    h.update((ROOT / "src" / "corroborate" / "clean" / "blocks.py").read_bytes())
    for name in sorted(p.name for p in folder.iterdir() if p.is_file()):
        h.update(name.encode())
        h.update(str((folder / name).stat().st_size).encode())
    return h.hexdigest()[:16]


def load(dataset: str) -> list[Page]:
    """All labelled pages of ``dataset`` (cached per data and code fingerprint)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"{dataset}-{_fingerprint(dataset)}.pkl"
    if path.exists():
        with path.open("rb") as fh:
            return [Page(*row) for row in pickle.load(fh)]
    pages = list(DATASETS[dataset]())
    with path.open("wb") as fh:  # plain tuples: loadable whichever module name this file runs under
        pickle.dump([(p.dataset, p.page_id, p.split, p.lines, p.labels) for p in pages], fh)
    return pages


def data_hashes() -> dict[str, str]:
    """sha256 of each dataset's ground truth file, recorded in model cards and results."""
    out = {}
    for name in DATASETS:
        folder = SHARED / "article-extraction" if name == "article-extraction" else BOILERPLATE / name
        gt = folder / "ground-truth.json.gz"
        if gt.exists():
            out[name] = hashlib.sha256(gt.read_bytes()).hexdigest()
    return out


if __name__ == "__main__":
    from collections import Counter

    for name in DATASETS:
        pages = load(name)
        counts = Counter((p.split, lab) for p in pages for lab in p.labels)
        print(name, len(pages), dict(sorted(counts.items())))
