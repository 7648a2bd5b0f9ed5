"""Syndication: exact and near-duplicate copies of one report, found with MinHash LSH (datasketch).

A copy points at its *original*: the earliest published member of its near-duplicate group, ties (and
undated reports, which sort last) broken by the smallest id. Groups are connected components of the
"near-duplicate" relation, so the incremental index and the batch function :func:`mark_syndication` agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np
from datasketch import MinHashLSH

from ..model import Article
from .features import NUM_PERM, as_minhash, jaccard, minhash_signature

# 0.7 estimated Jaccard of word 3-shingles: a wire story re-run with a new headline, a trimmed tail or an
# added credit line stays above it, while two outlets' independent write-ups of one event score < 0.3 on
# the DUC 2004 and ECB+ clusters (max 0.41 across 2,300 same-story pairs, measured by
# benchmarks/clustering.py --syndication-check). No gold syndication set exists; this is a safe margin.
SYNDICATION_JACCARD = 0.7
# LSH recall threshold a bit below the verified one, so borderline copies are still retrieved.
LSH_THRESHOLD = 0.6

_FAR_FUTURE = dt.date.max


def original_key(report_id: str, published: dt.date | None) -> tuple[dt.date, str]:
    """Sort key of the original: earliest published first (undated last), then smallest id."""
    return (published or _FAR_FUTURE, report_id)


class SyndicationIndex:
    """Incremental near-duplicate groups over MinHash signatures.

    ``add`` returns the new report's original (``None`` if it starts its own group) and the copies whose
    original changed because the newcomer is earlier. Hand-written union-find: datasketch answers "who is
    similar", not "which group", and the group's original must follow the earliest member.
    """

    def __init__(self, threshold: float = SYNDICATION_JACCARD) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
        self._signatures: dict[str, np.ndarray] = {}
        self._key: dict[str, tuple[dt.date, str]] = {}
        self._parent: dict[str, str] = {}
        self._members: dict[str, list[str]] = {}  # root -> members (root's group only)

    def __len__(self) -> int:
        return len(self._signatures)

    def _root(self, rid: str) -> str:
        while self._parent[rid] != rid:
            self._parent[rid] = self._parent[self._parent[rid]]
            rid = self._parent[rid]
        return rid

    def original_of(self, rid: str) -> str:
        """The group's original (the root is always the original)."""
        return self._root(rid)

    def matches(self, signature: np.ndarray) -> list[str]:
        """Stored reports whose estimated Jaccard with ``signature`` reaches the threshold, sorted."""
        found = self._lsh.query(as_minhash(signature))
        return sorted(k for k in found if jaccard(signature, self._signatures[k]) >= self.threshold)

    def add(self, rid: str, signature: np.ndarray, published: dt.date | None) -> tuple[str | None, dict[str, str]]:
        """Index one report; return (its original or None, {copy id: new original} for re-pointed copies)."""
        roots = sorted({self._root(k) for k in self.matches(signature)})
        self._lsh.insert(rid, as_minhash(signature), check_duplication=False)
        self._signatures[rid] = signature
        self._key[rid] = original_key(rid, published)
        self._parent[rid] = rid
        self._members[rid] = [rid]
        if not roots:
            return None, {}
        groups = [rid, *roots]
        winner = min(groups, key=lambda r: self._key[r])
        changed: dict[str, str] = {}
        for root in groups:
            if root == winner:
                continue
            for member in self._members.pop(root):
                self._parent[member] = winner
                self._members[winner].append(member)
                if member != rid:
                    changed[member] = winner
        return (None if winner == rid else winner), changed


def mark_syndication(articles: Sequence[Article], threshold: float = SYNDICATION_JACCARD) -> dict[str, str]:
    """Copy id -> original id for every exact or near-duplicate copy among ``articles``.

    Usable on any batch (e.g. one briefing's sources) so independent origins can be counted: the number of
    origins is ``len(articles) - len(result)``. Articles are indexed in id order, so the result does not
    depend on the input order.
    """
    index = SyndicationIndex(threshold)
    for article in sorted(articles, key=lambda a: a.id):
        index.add(article.id, minhash_signature(article.text), article.published)
    out = {}
    for article in articles:
        original = index.original_of(article.id)
        if original != article.id:
            out[article.id] = original
    return dict(sorted(out.items()))
