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
from .features import NUM_PERM, as_minhash, jaccard

# 0.7 estimated Jaccard of word 3-shingles for the stream index: a wire story re-run with a new headline, a
# trimmed tail or an added credit line stays above it; set by judgement (no gold syndication set exists). On
# DUC 2004 same-cluster pairs, exact Jaccard is bimodal like containment (see SYNDICATION_CONTAINMENT).
SYNDICATION_JACCARD = 0.7
# 0.6 shingle containment for one story's reports (mark_syndication): the example stories' copies score
# 0.886-0.918 and their independent reports at most 0.163; DUC 2004 same-cluster pairs are bimodal (1,864 of
# 2,250 below 0.1, 99 at or above 0.6 — wire versions of one story), see docs/benchmarks.md.
SYNDICATION_CONTAINMENT = 0.6
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


def _shingles(text: str) -> frozenset[tuple[str, str, str]]:
    words = text.casefold().split()
    return frozenset(zip(words, words[1:], words[2:], strict=False))


def containment(a: frozenset[tuple[str, str, str]], b: frozenset[tuple[str, str, str]]) -> float:
    """Share of the shorter report's word 3-shingles that the other report also has."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def mark_syndication(articles: Sequence[Article], threshold: float = SYNDICATION_CONTAINMENT) -> dict[str, str]:
    """Copy id -> original id for every exact or near-duplicate copy among ``articles`` (one story's reports).

    Exact shingle containment over all pairs (a briefing has tens of reports, not millions): a copy that was
    trimmed, extended or lightly edited keeps most of the original's shingles even when its Jaccard drops
    below the stream index's MinHash threshold. Groups are connected components; the original is the
    earliest published member, then the smallest id (``pipeline.choose_originals`` refines it with credit
    lines). Articles are compared in id order, so the result does not depend on the input order.
    """
    ordered = sorted(articles, key=lambda a: a.id)
    shingles = [_shingles(a.text) for a in ordered]
    parent = list(range(len(ordered)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(ordered)):
        for j in range(i + 1, len(ordered)):
            if containment(shingles[i], shingles[j]) >= threshold:
                parent[find(j)] = find(i)
    groups: dict[int, list[Article]] = {}
    for i, article in enumerate(ordered):
        groups.setdefault(find(i), []).append(article)
    out: dict[str, str] = {}
    for members in groups.values():
        origin = min(members, key=lambda a: original_key(a.id, a.published))
        out.update({a.id: origin.id for a in members if a.id != origin.id})
    return dict(sorted(out.items()))
