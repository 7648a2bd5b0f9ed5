"""Data objects of entity linking: the public Mention/Entity records and the linker's working nodes."""

from __future__ import annotations

from dataclasses import dataclass, field

from corroborate.unionfind import DisjointSet


@dataclass(frozen=True)
class Mention:
    """One span of a source's cleaned text that names an entity.

    ``label`` is the NER label (PER, ORG, LOC, MISC) or "" for a mention the linker found itself (a title
    phrase, an honorific with a surname, an acronym, a nickname).
    """

    source: str
    start: int
    end: int
    text: str
    label: str


@dataclass
class Entity:
    """One real-world entity across reports: its canonical name, type, other surface forms and mentions."""

    name: str
    type: str  # PERSON | ORG | PLACE | GROUP | OTHER
    aliases: list[str]
    mentions: list[Mention]
    sources: list[str]


@dataclass
class Node:
    """A mention while it is being linked.

    ``kind``: "name" (a name, possibly with a title or honorific), "alias" (a nickname the reports give),
    "acronym" or "title" (a title phrase standing for a person: "the interior minister"). ``cls`` is the
    entity type the mention suggests ("" when unknown). For person names, ``name`` is the personal name
    without title or honorific, ``title`` the lower-case title phrase, ``gender`` "m"/"f"/None and ``rank``
    a military or professional rank.
    """

    mention: Mention
    kind: str
    cls: str
    name: str
    title: str | None = None
    gender: str | None = None
    rank: str | None = None  # "gen", "col", "dr"... from the title words before the name
    voted: bool = field(default=True)  # whether the mention's own label votes on the entity type

    @property
    def words(self) -> list[str]:
        return self.name.split()


class NodeList(list[Node]):
    """The linker's nodes, indexed by source so overlap checks stay linear in one report's mentions."""

    def __init__(self) -> None:
        super().__init__()
        self.by_source: dict[str, list[int]] = {}

    def append(self, node: Node) -> None:
        self.by_source.setdefault(node.mention.source, []).append(len(self))
        super().append(node)


def overlapping(nodes: list[Node], source: str, start: int, end: int) -> list[int]:
    """Indices of nodes in ``source`` whose span overlaps ``[start, end)``."""
    ids = nodes.by_source.get(source, []) if isinstance(nodes, NodeList) else range(len(nodes))
    return [k for k in ids if nodes[k].mention.source == source
            and nodes[k].mention.start < end and start < nodes[k].mention.end]


def add_node(nodes: list[Node], uf: DisjointSet, node: Node) -> int:
    """Append a node (and its union-find slot); returns its index."""
    nodes.append(node)
    uf.grow(len(nodes))
    return len(nodes) - 1


def mention_order(m: Mention) -> tuple[str, int, int, str, str]:
    """The sort key of mentions: by source, then position (then label and text, for a total order)."""
    return (m.source, m.start, m.end, m.label, m.text)
