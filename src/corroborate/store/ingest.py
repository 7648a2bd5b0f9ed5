"""The sequential half of ``corroborate ingest``: dedupe, cluster and store prepared batches.

Reads :class:`~.prepare.PreparedBatch` objects in input order; writes each batch in one transaction and
accounts for every input as an :class:`Outcome`. The in-memory state (syndication index, clusterer,
content-hash map) is rebuilt from the database on start, so a killed run resumes exactly where the last
committed batch ended and makes the same decisions an uninterrupted run would have made.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..cluster.features import ReportFeatures
from ..cluster.stories import Decision, Embedder, StoryClusterer
from ..cluster.syndication import SyndicationIndex
from ..model import Article
from .db import Store, StoredReport
from .prepare import Prepared, PreparedBatch


@dataclass(frozen=True)
class Outcome:
    """What happened to one input: stored | duplicate | already-stored | rejected, with the detail."""

    location: str
    status: str
    report_id: str | None
    detail: str

    def to_dict(self) -> dict[str, str | None]:
        return {
            "location": self.location,
            "status": self.status,
            "report_id": self.report_id,
            "detail": self.detail,
        }


def headline_of(article: Article) -> str:
    if article.title and article.title.strip():
        return article.title.strip()
    first = article.text.strip().split("\n", 1)[0]
    return first[:100] + ("…" if len(first) > 100 else "")


class IngestState:
    """Everything the sequential step keeps in memory, rebuilt from the store on start."""

    def __init__(self, store: Store, embedder: Embedder | None = None) -> None:
        self.store = store
        self.syndication = SyndicationIndex()
        self.clusterer = StoryClusterer(embedder)
        self.story_of: dict[str, str] = {}  # report id -> story id (for copies joining their original)
        self.published: dict[str, dt.date | None] = {}
        self.hash_of: dict[str, str] = {}
        self.current: Article | None = None  # the report being placed (not yet in the store)
        self._rebuild()

    def _rebuild(self) -> None:
        for rid, sid, published, _dup, chash, clustered, features, signature in self.store.replay_rows():
            feats = ReportFeatures.from_json(json.loads(features), signature)
            self.syndication.add(rid, feats.signature, feats.published, feats.shingles, self.story_of.__getitem__)
            self.remember(rid, chash, sid, feats.published)
            if clustered:
                self.clusterer.replay(rid, feats, sid)
            del published

    def remember(self, rid: str, chash: str, story_id: str, published: dt.date | None) -> None:
        self.hash_of[rid] = chash
        self.story_of[rid] = story_id
        self.published[rid] = published

    def copy_kind(self, copy_id: str, original: str) -> str:
        return "exact" if self.hash_of.get(copy_id) == self.hash_of.get(original) else "near"

    def text_of(self, rid: str) -> tuple[str | None, str]:
        """Title and text of a stored report or of the one being placed (for the embedding stage)."""
        if self.current is not None and self.current.id == rid:
            return self.current.title, self.current.text
        return self.store.text_of(rid)

    def known(self, rid: str) -> bool:
        return rid in self.story_of

    def place(self, item: Prepared) -> tuple[str | None, Decision, dict[str, str]]:
        """Syndication first (copies join their original's story), then clustering for independents."""
        rid = item.article.id
        self.current = item.article
        original, changed = self.syndication.add(
            rid, item.features.signature, item.features.published, item.features.shingles, self.story_of.__getitem__
        )
        group_story = None
        if original is not None or changed:
            # The group's story: the story of its earliest member already stored.
            anchors = [original] if original is not None else sorted(changed, key=self._order_key)[:1]
            group_story = self.story_of[anchors[0]]
        if group_story is not None:
            return original, Decision(group_story, False, 1.0, "syndication"), changed
        return None, self.clusterer.assign(rid, item.features), changed

    def _order_key(self, rid: str) -> tuple[dt.date, str]:
        from ..cluster.syndication import original_key

        return original_key(rid, self.published.get(rid))


def commit_batch(store: Store, state: IngestState, batch: PreparedBatch, emit: Callable[[Outcome], None]) -> None:
    """Dedupe, cluster and write one batch in one transaction; emit one outcome per input."""
    outcomes: list[Outcome] = []
    with store.transaction():
        for rejection in batch.rejections:
            store.add_rejection(rejection.location, rejection.reason)
            outcomes.append(Outcome(rejection.location, "rejected", None, rejection.reason))
        for item in batch.items:
            outcomes.append(_store_one(store, state, item))
    for location, rid, first in batch.repeats:
        outcomes.append(Outcome(location, "already-stored", rid, f"same report as {first} in this batch"))
    for outcome in outcomes:
        emit(outcome)


def _store_one(store: Store, state: IngestState, item: Prepared) -> Outcome:
    article = item.article
    rid = article.id
    if state.known(rid):
        return Outcome(article.location, "already-stored", rid, f"in story {state.story_of[rid]}")
    chash = article.content_hash
    original, decision, changed = state.place(item)
    state.hash_of[rid] = chash
    how = state.copy_kind(rid, original) if original is not None else None
    article.duplicate_of = original
    for copy_id, new_original in sorted(changed.items()):
        store.repoint_copy(copy_id, new_original, state.copy_kind(copy_id, new_original))
    store.insert_report(
        StoredReport(
            article=article,
            source_id=item.source_id,
            content_hash=chash,
            duplicate_how=how,
            story_id=decision.story_id,
            clustered=decision.stage not in ("syndication",),
            stage=decision.stage,
            score=round(decision.score, 6),
            features=item.features_json,
            signature=item.features.signature.tobytes(),
        )
    )
    store.upsert_story(decision.story_id, rid, headline_of(article), article.published)
    state.remember(rid, chash, decision.story_id, article.published)
    if original is not None:
        return Outcome(article.location, "duplicate", rid, f"{how} copy of {original}, story {decision.story_id}")
    note = "new story" if decision.new_story else f"joined ({decision.stage}, {decision.score:.2f})"
    return Outcome(article.location, "stored", rid, f"story {decision.story_id}: {note}")


def ingest_batches(
    store: Store,
    batches: Iterable[PreparedBatch],
    emit: Callable[[Outcome], None],
    embedder: Embedder | None = None,
) -> IngestState:
    """Commit every batch in order (the caller decides where batches are prepared)."""
    state = IngestState(store, embedder)
    for batch in batches:
        commit_batch(store, state, batch, emit)
    return state
