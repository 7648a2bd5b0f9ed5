"""Syndication: exact and near-duplicate copies of one report (word 3-shingle containment; MinHash LSH in
the stream, via datasketch).

A copy points at its *original*, chosen by one policy (:func:`choose_original`): the member other members credit,
then the earliest published, then the first seen. Groups are connected components of the "near-duplicate"
relation. ``brief`` and ``ingest`` both place reports through this index (the stream driver), so they agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence

import numpy as np
from datasketch import MinHash, MinHashLSH

from .features import NUM_PERM, as_minhash, jaccard

# One definition of a copy everywhere: word 3-shingle *containment* (share of the shorter report's shingles
# found in the other) >= 0.6, estimated from MinHash signatures (below). Measured exactly, the example stories'
# copies score 0.888-0.910 and their independent reports at most 0.219; DUC 2004 same-cluster pairs are bimodal
# (1,979 of 2,250 below 0.1, 100 at or above 0.6 — wire versions of one story), see docs/benchmarks.md.
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


def original_key(published: dt.date | None, seen: int) -> tuple[dt.date, int]:
    """Date part of the original's sort key: earliest published first (undated last), then the first seen."""
    return (published or _FAR_FUTURE, seen)


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
        self._key: dict[str, tuple[dt.date, int]] = {}
        self._outlet: dict[str, str | None] = {}
        self._cites: dict[str, frozenset[str]] = {}
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

    def matches(self, signature: np.ndarray, size: int = 0, minhash: MinHash | None = None) -> list[str]:
        """Indexed reports that are copies of (or copied by) the report with ``signature``, sorted."""
        found = self._lsh.query(minhash if minhash is not None else as_minhash(signature))
        return sorted(k for k in found if self.is_copy(signature, size, k))

    def add(
        self,
        rid: str,
        signature: np.ndarray,
        published: dt.date | None,
        size: int = 0,
        home: Callable[[str], str] | None = None,
        outlet: str | None = None,
        cites: Sequence[str] = (),
    ) -> tuple[str | None, dict[str, str]]:
        """Index one report (``size``: its distinct shingle count, 0 if unknown; ``outlet`` and ``cites``: its
        outlet and the outlets it credits); return (its original or None, {copy id: new original} for copies
        whose original changed).

        ``home`` (the store passes "story of a report") keeps groups from different homes apart: a report that
        copies members of two stories joins the group whose original comes first, and the other group stays
        as it is, so a copy always lives in its original's story.
        """
        minhash = as_minhash(signature)  # one wrapper for the query and the insert
        roots = sorted({self._root(k) for k in self.matches(signature, size, minhash)})
        if home is not None and roots:
            first = min(roots, key=lambda r: self._key[r])
            roots = [r for r in roots if home(r) == home(first)]
        self._lsh.insert(rid, minhash, check_duplication=False)
        self._signatures[rid] = signature
        self._sizes[rid] = size
        self._key[rid] = original_key(published, len(self._key))
        self._outlet[rid] = outlet.casefold() if outlet else None
        self._cites[rid] = frozenset(c.casefold() for c in cites)
        self._parent[rid] = rid
        self._members[rid] = [rid]
        if not roots:
            return None, {}
        members = [rid] + [m for root in roots for m in self._members.pop(root)]
        winner = choose_original(members, self._outlet, self._cites, self._key)
        changed: dict[str, str] = {}
        for member in members:
            if member != rid and self._root(member) != winner:
                changed[member] = winner
        for member in members:
            self._parent[member] = winner
        self._members[winner] = members
        return (None if winner == rid else winner), changed


def choose_original(
    members: Sequence[str],
    outlet: Mapping[str, str | None],
    cites: Mapping[str, frozenset[str]],
    key: Mapping[str, tuple[dt.date, int]],
) -> str:
    """The one policy for the original of a copy group: the member whose outlet another member credits
    ("(Via Meridian Press)"), then one that credits nobody, then the earliest published (undated last), then the
    first seen."""
    credited: dict[str, int] = {}
    for m in members:
        for c in cites[m]:
            credited[c] = credited.get(c, 0) + 1

    def rank(m: str) -> tuple[int, int, dt.date, int]:
        own = outlet[m]
        by_others = own is not None and credited.get(own, 0) - (1 if own in cites[m] else 0) > 0
        return (0 if by_others else 1, 1 if cites[m] else 0, *key[m])

    return min(members, key=rank)


def estimated_containment(j: float, size_a: int, size_b: int) -> float:
    """Containment of the smaller shingle set in the larger, from their Jaccard ``j`` and sizes (capped at 1)."""
    shared = j * (size_a + size_b) / (1.0 + j)
    return min(1.0, shared / max(1, min(size_a, size_b)))


def containment(a: frozenset[bytes], b: frozenset[bytes]) -> float:
    """Share of the shorter report's word 3-shingles that the other report also has."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))
