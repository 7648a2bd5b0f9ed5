"""Union-find shared by every stage that groups items by a pairwise relation (entities, quotes, copies)."""

from __future__ import annotations


class DisjointSet:
    """Union-find over node indices; the smaller index is always the root, so results are order-free."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def grow(self, size: int) -> None:
        self.parent.extend(range(len(self.parent), size))

    def find(self, k: int) -> int:
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> dict[int, list[int]]:
        out: dict[int, list[int]] = {}
        for k in range(len(self.parent)):
            out.setdefault(self.find(k), []).append(k)
        return out
