"""The placing step of the stream driver: dedupe, mark copies, group into stories and store prepared batches.

Reads :class:`~corroborate.pipeline.PreparedBatch` objects in input order; writes each batch in one transaction
and accounts for every input as an :class:`Outcome`, named by the user's own ids. The in-memory state
(syndication index, clusterer, id maps) is rebuilt from the database on start, so a killed run resumes exactly
where the last committed batch ended and makes the decisions an uninterrupted run would have made.

Identity: a report is its user id. The same id with the same report again is already stored; with a changed
text it is a *revision* of that report (the old text kept as history, the story briefed from the latest, never
a second outlet); the same report under another id adds that id to the stored report.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from dataclasses import dataclass

from ..brief.headline import story_headline
from ..cluster.features import ReportFeatures
from ..cluster.stories import Decision, Embedder, StoryClusterer
from ..cluster.syndication import SyndicationIndex
from ..config import Config
from ..pipeline import Prepared, PreparedBatch
from ..store.db import Store, StoredReport


@dataclass(frozen=True)
class Outcome:
    """What happened to one input: stored | duplicate | revised | already-stored | rejected, with the detail.

    ``report_id`` is the user's id of the report; ``story_id`` the story it is in (None for a rejection).
    """

    location: str
    status: str
    report_id: str | None
    detail: str
    story_id: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        return {
            "location": self.location,
            "status": self.status,
            "report_id": self.report_id,
            "story_id": self.story_id,
            "detail": self.detail,
        }


class IngestState:
    """Everything the placing step keeps in memory, rebuilt from the store on start."""

    def __init__(self, store: Store, config: Config | None = None, embedder: Embedder | None = None) -> None:
        self.store = store
        self.config = config or Config()
        self.syndication = SyndicationIndex()
        self.clusterer = StoryClusterer(embedder)
        self.story_of: dict[str, str] = {}  # report key -> the story the clusterer placed it in
        # Consolidation (cluster/stories.py, CONSOLIDATE_SCORE): a placed story moved into another story; reports
        # are stored (and shown) under ``shown(placed story)``. Stories the user gave are never moved.
        self.moved: dict[str, str] = store.story_moves()
        self.given: set[str] = store.given_stories()
        self.hash_of: dict[str, str] = {}  # report key -> cleaned-text hash
        self.source_of: dict[str, str] = {}  # report key -> the user's id
        self.current: dict[str, str] = {}  # the user's id -> key of its latest revision
        self.revision: dict[str, int] = {}  # report key -> revision number
        self.placing: Prepared | None = None  # the report being placed (not yet in the store)
        self.run_id: int | None = None  # the database's run this process writes (runs table)
        self._rebuild()

    def _rebuild(self) -> None:
        placed = self.store.placements()
        for row in self.store.replay_rows():
            feats = ReportFeatures.from_json(json.loads(row.features), row.signature)
            self.syndication.add(
                row.id, feats.signature, feats.published, feats.shingles, self.story_of.__getitem__,
                row.outlet, row.cites,
            )  # fmt: skip
            story = placed.get(row.id, row.story_id)
            self.remember(row.id, row.content_hash, story, row.source_id, row.revision)
            if row.clustered:
                self.clusterer.replay(row.id, feats, story)

    def shown(self, story: str) -> str:
        """The story a placed story's reports are stored and shown under (itself unless consolidated)."""
        moved = self.moved
        while story in moved:
            story = moved[story]
        return story

    def consolidate(self) -> dict[str, str]:
        """Move the one-report stories the clusterer finds belong to an established story (end of a batch);
        returns stored story -> the story it now is."""
        given = self.given
        moves = self.clusterer.consolidate(lambda sid: sid in given or sid in self.moved)
        out: dict[str, str] = {}
        for story, into in sorted(moves.items()):
            old, new = self.shown(story), self.shown(into)
            self.moved[story] = into
            if old != new:
                self.store.move_story(old, new, self.run_id)
                out[old] = new
        return out

    def remember(self, rid: str, chash: str, story_id: str, source_id: str, revision: int = 1) -> None:
        self.hash_of[rid] = chash
        self.story_of[rid] = story_id
        self.source_of[rid] = source_id
        self.revision[rid] = revision
        self.current[source_id] = rid

    def copy_kind(self, copy_id: str, original: str) -> str:
        return "exact" if self.hash_of.get(copy_id) == self.hash_of.get(original) else "near"

    def text_of(self, rid: str) -> tuple[str | None, str]:
        """Title and text of a stored report or of the one being placed (for the embedding stage)."""
        if self.placing is not None and self.placing.article.id == rid:
            return self.placing.article.title, self.placing.article.text
        return self.store.text_of(rid)

    def known(self, rid: str) -> bool:
        return rid in self.story_of

    def place(self, item: Prepared, previous: str | None) -> tuple[str | None, Decision, dict[str, str]]:
        """Copies first (a copy joins its original's story), then the story: a revision stays in its report's
        story, a story the user gave is kept, and an independent report goes to the clusterer."""
        article = item.article
        rid = article.id
        self.placing = item
        original, changed = self.syndication.add(
            rid, item.features.signature, item.features.published, item.features.shingles,
            self.story_of.__getitem__, article.outlet, article.cites_outlets,
        )  # fmt: skip
        if original is not None and self.source_of.get(original) == item.source_id:
            original = None  # an earlier revision of the same report is not its original
        if previous is not None or article.story:
            story = self.story_of[previous] if previous is not None else str(article.story)
            # A revision stays in its report's story and a story the user gave is kept: copy links into another
            # story are not made (a copy always lives in its original's story).
            if original is not None and self.story_of[original] != story:
                original = None
            if any(self.story_of[c] != story for c in changed):
                changed = {}
            if previous is not None:
                return original, Decision(story, False, 1.0, "revision"), changed
            new = story not in self.clusterer.stories
            self.given.add(story)
            self.clusterer.replay(rid, item.features, story)
            return original, Decision(story, new, 1.0, "given"), changed
        group_story = None
        if original is not None:
            group_story = self.story_of[original]
        elif changed:
            group_story = self.story_of[min(changed)]  # the group's members share one story (``home``)
        if group_story is not None:
            return original, Decision(group_story, False, 1.0, "syndication"), changed
        return None, self.clusterer.assign(rid, item.features), changed


def commit_batch(store: Store, state: IngestState, batch: PreparedBatch, emit: Callable[[Outcome], None]) -> None:
    """Dedupe, place and write one batch in one transaction; emit one outcome per input."""
    outcomes: list[Outcome] = []
    touched: set[str] = set()
    with store.transaction():
        for rejection in batch.rejections:
            store.add_rejection(rejection.location, rejection.reason)
            outcomes.append(Outcome(rejection.location, "rejected", None, rejection.reason))
        placed: dict[str, str] = {}  # user id of a report placed in this batch -> its key
        for item in batch.items:
            outcome = _store_one(store, state, item)
            placed[item.source_id] = item.article.id
            if outcome.story_id:
                touched.add(outcome.story_id)
            outcomes.append(outcome)
        for location, source_id, _first_location, first_id in batch.repeats:
            rid = placed.get(first_id) or state.current.get(first_id)
            outcomes.append(_repeat(store, state, location, source_id, rid, first_id))
        moved = state.consolidate()
        touched.update(moved.values())
        store.refresh_stories(sorted(touched | moved.keys()), story_headline)
    for outcome in outcomes:
        if outcome.story_id in moved:
            outcome = dataclasses.replace(outcome, story_id=state.shown(outcome.story_id))
        emit(outcome)


def _repeat(store: Store, state: IngestState, location: str, source_id: str, rid: str | None, first: str) -> Outcome:
    """The same report as one already placed: an id of its own is kept as another id of the stored report."""
    if rid is None or not state.known(rid):
        return Outcome(location, "rejected", None, f"same report as {first}, which was not stored")
    return _already(store, state, location, source_id, rid)


def _already(store: Store, state: IngestState, location: str, source_id: str, rid: str) -> Outcome:
    stored = state.source_of[rid]
    story = state.shown(state.story_of[rid])
    if source_id != stored and store.add_alias(source_id, rid, location, state.run_id):
        detail = f"same report as {stored}; id {source_id!r} added to it"
        return Outcome(location, "already-stored", stored, detail, story)
    later = "" if state.current.get(stored) == rid else " (an earlier revision)"
    return Outcome(location, "already-stored", stored, f"same report as {stored}{later}, story {story}", story)


def _store_one(store: Store, state: IngestState, item: Prepared) -> Outcome:
    article = item.article
    rid = article.id
    source = item.source_id
    if state.known(rid):
        return _already(store, state, article.location, source, rid)
    previous = state.current.get(source)
    chash = article.content_hash
    if previous is not None and state.hash_of.get(previous) == chash:
        # The same id with the same cleaned text (declared metadata or the reader changed): not a revision.
        story = state.shown(state.story_of[previous])
        detail = f"same text as the stored {source}, story {story}"
        return Outcome(article.location, "already-stored", source, detail, story)
    original, decision, changed = state.place(item, previous)
    state.hash_of[rid] = chash
    how = state.copy_kind(rid, original) if original is not None else None
    article.duplicate_of = original
    for copy_id, new_original in sorted(changed.items()):
        store.repoint_copy(copy_id, new_original, state.copy_kind(copy_id, new_original))
    revision = state.revision[previous] + 1 if previous is not None else 1
    shown = state.shown(decision.story_id)
    store.insert_report(
        StoredReport(
            article=article,
            source_id=source,
            content_hash=chash,
            duplicate_how=how,
            story_id=shown,
            clustered=decision.stage in ("founder", "lexical", "embedding", "rejected-by-embedding", "given"),
            stage=decision.stage,
            score=round(decision.score, 6),
            features=item.features_json,
            signature=item.features.signature.tobytes(),
            revision=revision,
        ),
        state.run_id,
    )
    if shown != decision.story_id:
        store.add_placement(rid, decision.story_id)
    if previous is not None:
        store.supersede(previous, rid)
    state.remember(rid, chash, decision.story_id, source, revision)
    story = shown
    if previous is not None:
        return Outcome(article.location, "revised", source, f"revision {revision} of {source}, story {story}", story)
    if original is not None:
        of = state.source_of[original]
        return Outcome(article.location, "duplicate", source, f"{how} copy of {of}, story {story}", story)
    note = "new story" if decision.new_story else f"joined ({decision.stage}, {decision.score:.2f})"
    return Outcome(article.location, "stored", source, f"story {story}: {note}", story)
