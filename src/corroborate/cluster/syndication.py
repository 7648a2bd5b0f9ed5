"""Syndication: exact and near-duplicate copies of one report (word 3-shingle containment; MinHash LSH in
the stream, via datasketch).

A copy points at its *original*: the earliest published member of its near-duplicate group, ties (and
undated reports, which sort last) broken by the smallest id. Groups are connected components of the
"near-duplicate" relation, so the incremental index and the batch function :func:`mark_syndication` agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

import numpy as np
from datasketch import MinHashLSH

from ..model import Article
from ..unionfind import DisjointSet
from .features import NUM_PERM, as_minhash, jaccard, shingle_set

# One definition of a copy everywhere: word 3-shingle *containment* (share of the shorter report's shingles
# found in the other) >= 0.6. In a briefing (mark_syndication) it is exact; the example stories' copies score
# 0.888-0.910 and their independent reports at most 0.219; DUC 2004 same-cluster pairs are bimodal (1,979 of
# 2,250 below 0.1, 100 at or above 0.6 — wire versions of one story), see docs/benchmarks.md.
SYNDICATION_CONTAINMENT = 0.6
# In the stream index it is estimated from the MinHash Jaccard estimate J and the two shingle counts a, b:
# |A & B| = J (a + b) / (1 + J). The estimate's error grows with the size ratio, so a pair must also reach
# MIN_JACCARD (containment 0.6 at sizes up to 1.4:1, a trimmed copy of 1.0 at up to 3.3:1): 64 permutations give
# J a standard error ~0.06 there, and independent same-story reports (J ~0.05-0.1) sit 3+ errors below.
MIN_JACCARD = 0.3
# LSH retrieval threshold, below MIN_JACCARD so borderline copies are still retrieved and then verified.
LSH_THRESHOLD = 0.25
# Reports stored before shingle counts were kept (size unknown) fall back to an estimated Jaccard of 0.7.
SYNDICATION_JACCARD = 0.7

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

    def __init__(self, threshold: float = SYNDICATION_CONTAINMENT) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
        self._signatures: dict[str, np.ndarray] = {}
        self._sizes: dict[str, int] = {}  # distinct shingles per report (0 = unknown)
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

    def is_copy(self, signature: np.ndarray, size: int, other: str) -> bool:
        """Does the report with ``signature`` (``size`` shingles) copy the indexed report ``other`` (or vice
        versa)? Estimated containment when both sizes are known, estimated Jaccard otherwise."""
        j = jaccard(signature, self._signatures[other])
        other_size = self._sizes[other]
        if size <= 0 or other_size <= 0:
            return j >= SYNDICATION_JACCARD
        return j >= MIN_JACCARD and estimated_containment(j, size, other_size) >= self.threshold

    def matches(self, signature: np.ndarray, size: int = 0) -> list[str]:
        """Indexed reports that are copies of (or copied by) the report with ``signature``, sorted."""
        found = self._lsh.query(as_minhash(signature))
        return sorted(k for k in found if self.is_copy(signature, size, k))

    def add(
        self,
        rid: str,
        signature: np.ndarray,
        published: dt.date | None,
        size: int = 0,
        home: Callable[[str], str] | None = None,
    ) -> tuple[str | None, dict[str, str]]:
        """Index one report (``size``: its distinct shingle count, 0 if unknown); return (its original or None,
        {copy id: new original} for re-pointed copies).

        ``home`` (the store passes "story of a report") keeps groups from different homes apart: a report that
        copies members of two stories joins the group whose original is earliest, and the other group stays
        as it is, so a copy always lives in its original's story.
        """
        roots = sorted({self._root(k) for k in self.matches(signature, size)})
        if home is not None and roots:
            first = min(roots, key=lambda r: self._key[r])
            roots = [r for r in roots if home(r) == home(first)]
        self._lsh.insert(rid, as_minhash(signature), check_duplication=False)
        self._signatures[rid] = signature
        self._sizes[rid] = size
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


def estimated_containment(j: float, size_a: int, size_b: int) -> float:
    """Containment of the smaller shingle set in the larger, from their Jaccard ``j`` and sizes (capped at 1)."""
    shared = j * (size_a + size_b) / (1.0 + j)
    return min(1.0, shared / max(1, min(size_a, size_b)))


def containment(a: frozenset[bytes], b: frozenset[bytes]) -> float:
    """Share of the shorter report's word 3-shingles that the other report also has."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def mark_syndication(articles: Sequence[Article], threshold: float = SYNDICATION_CONTAINMENT) -> dict[str, str]:
    """Copy id -> original id for every exact or near-duplicate copy among ``articles`` (one story's reports).

    Exact shingle containment over all pairs (a briefing has tens of reports, not millions); the stream
    index (:class:`SyndicationIndex`) estimates the same measure from MinHash signatures. Groups are connected
    components; the original is the earliest published member, then the smallest id
    (``pipeline.choose_originals`` refines it with credit lines). Articles are compared in id order, so the
    result does not depend on the input order.
    """
    ordered = sorted(articles, key=lambda a: a.id)
    shingles = [shingle_set(a.text) for a in ordered]
    uf = DisjointSet(len(ordered))
    for i in range(len(ordered)):
        for j in range(i + 1, len(ordered)):
            if containment(shingles[i], shingles[j]) >= threshold:
                uf.union(i, j)
    groups = [[ordered[k] for k in members] for members in uf.groups().values()]
    out: dict[str, str] = {}
    for members in groups:
        origin = min(members, key=lambda a: original_key(a.id, a.published))
        out.update({a.id: origin.id for a in members if a.id != origin.id})
    return dict(sorted(out.items()))
