"""The desk's data: stories and briefings read from the store exactly as ``corroborate stories`` / ``show`` read
them, a bounded cache of computed briefings, and the views the pages show (citations, highlighted spans).

Nothing here briefs a second way: a stored story's briefing is :func:`corroborate.pipeline.brief_stored`, a
pasted or uploaded set is :func:`corroborate.pipeline.brief_paths` over the files written to a temporary folder
(the CLI's readers, size limit and rejections).
"""

from __future__ import annotations

import datetime as dt
import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..config import Config
from ..errors import CorroborateError
from ..render.safe import display_inline
from ..render.spans import highlighted, item_spans

if TYPE_CHECKING:
    from ..store import Store

# Briefings kept in memory (stored stories and briefs made on the brief page); the oldest are dropped.
MAX_CACHED_BRIEFINGS = 64
MAX_KEPT_BRIEFS = 16
PAGE_SIZE = 20
SORTS = ("newest", "oldest", "reports", "outlets")


class NoStory(CorroborateError):
    """The asked-for story (or brief) is not there."""


@dataclass(frozen=True)
class StoryFilter:
    """What the stories page and ``GET /api/stories`` filter by (the store's own filters)."""

    query: str | None = None
    outlet: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None


def parse_day(value: str | None) -> dt.date | None:
    """``YYYY-MM-DD`` or empty -> a date or None; anything else is a :class:`ValueError`."""
    if value is None or not value.strip():
        return None
    return dt.date.fromisoformat(value.strip())


def outlets_of(stories: list[dict[str, Any]]) -> list[str]:
    """Every outlet of these stories, for the outlet filter."""
    return sorted({str(o) for s in stories for o in s["sources"]}, key=lambda o: (o.casefold(), o))


def sort_stories(stories: list[dict[str, Any]], sort: str) -> list[dict[str, Any]]:
    """The store lists newest first; the other orders are stable re-sorts of that list."""
    if sort == "oldest":
        return sorted(stories, key=lambda s: (str(s["first_published"] or "9999"), str(s["id"])))
    if sort == "reports":
        return sorted(stories, key=lambda s: -int(s["counts"]["articles"]))
    if sort == "outlets":
        return sorted(stories, key=lambda s: -int(s["counts"]["sources"]))
    return stories


@dataclass
class Page:
    items: list[dict[str, Any]]
    number: int
    pages: int
    total: int


def page_of(items: list[dict[str, Any]], number: int, size: int = PAGE_SIZE) -> Page:
    pages = max(1, -(-len(items) // size))
    number = min(max(1, number), pages)
    return Page(items[(number - 1) * size : number * size], number, pages, len(items))


class BriefingCache:
    """Computed briefings (or pages rendered from them), keyed by what they were computed from, least recently
    used dropped first.

    A stored story's key is its id plus its current reports (ids and revisions), so a story that ``ingest``
    grows or revises is briefed again on its next view. One lock serialises the pipeline: its models are shared
    by every request and briefing is CPU-bound anyway.
    """

    def __init__(self, size: int = MAX_CACHED_BRIEFINGS) -> None:
        self.size = size
        self._items: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self._lock = threading.Lock()
        self.brief_lock = threading.Lock()

    def get(self, key: tuple[Any, ...]) -> Any:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def put(self, key: tuple[Any, ...], value: Any) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)


def story_key(story: dict[str, Any]) -> tuple[Any, ...]:
    reports = tuple(sorted((str(r["id"]), r.get("revision"), r.get("copy_of")) for r in story["reports"]))
    return ("story", str(story["id"]), reports)


class Desk:
    """The database the desk serves and the briefings it has computed."""

    def __init__(self, db: Path, config: Config | None = None) -> None:
        self.db = db
        self.config = config or Config()
        self.cache = BriefingCache()
        self.pages = BriefingCache()  # rendered story pages, keyed like the briefings they show
        self._briefs: OrderedDict[str, list[dict[str, Any]]] = OrderedDict()
        self._briefs_lock = threading.Lock()

    @contextmanager
    def store(self) -> Iterator[Store]:
        """A fresh read connection per request: what ``ingest`` committed meanwhile is seen at once."""
        from ..store import Store

        if not self.db.exists():
            raise NoStory(f"no database at {self.db}; fill one with `corroborate ingest PATH --db {self.db}`")
        store = Store.for_reading(self.db)
        try:
            yield store
        finally:
            store.close()

    def stories(self, flt: StoryFilter = StoryFilter()) -> list[dict[str, Any]]:
        """Exactly ``corroborate stories --format json`` for the same filters."""
        if not self.db.exists():
            return []
        with self.store() as store:
            return store.stories(since=flt.since, until=flt.until, outlet=flt.outlet, query=flt.query)

    def story_key(self, story_id: str) -> tuple[Any, ...]:
        """What a story's briefing is computed from (its current reports), read for this story alone."""
        with self.store() as store:
            articles = store.story_articles(story_id, with_text=False)
        if not articles:
            raise NoStory(f"no story {display_inline(story_id)!r} in {self.db}")
        reports = [{"id": a.id, "revision": a.revision, "copy_of": a.duplicate_of} for a in articles]
        return story_key({"id": story_id, "reports": reports})

    def cached_briefing(self, story: dict[str, Any]) -> dict[str, Any] | None:
        found: dict[str, Any] | None = self.cache.get(story_key(story))
        return found

    def briefing(self, story_id: str) -> dict[str, Any]:
        """``corroborate show ID --format json``'s briefing (computed once per state of the story)."""
        from ..pipeline import brief_stored

        key = self.story_key(story_id)
        found: dict[str, Any] | None = self.cache.get(key)
        if found is not None:
            return found
        with self.cache.brief_lock:
            found = self.cache.get(key)
            if found is None:
                with self.store() as store:
                    found = brief_stored(store, story_id, self.config)
                self.cache.put(key, found)
        return found

    def cached_page(self, story_id: str) -> tuple[tuple[Any, ...], str | None]:
        """The story's key and its rendered page when one is cached for the story as it is now (one small query:
        fast enough to run on the event loop, so a cached page costs no thread hop)."""
        key = self.story_key(story_id)
        page: str | None = self.pages.get(key)
        return key, page

    def story_page(self, story_id: str, render: Callable[[dict[str, Any]], str]) -> str:
        """The story page, rendered once per state of the story."""
        key, page = self.cached_page(story_id)
        if page is None:
            page = render(self.briefing(story_id))
            self.pages.put(key, page)
        return page

    def keep_brief(self, briefings: list[dict[str, Any]]) -> str:
        """Keep a brief page result for its pages (source views); returns its unguessable token."""
        token = secrets.token_urlsafe(16)
        with self._briefs_lock:
            self._briefs[token] = briefings
            while len(self._briefs) > MAX_KEPT_BRIEFS:
                self._briefs.popitem(last=False)
        return token

    def kept_brief(self, token: str) -> list[dict[str, Any]]:
        with self._briefs_lock:
            found = self._briefs.get(token)
        if found is None:
            raise NoStory("this brief is no longer kept; brief the reports again")
        return found


# ---------------------------------------------------------------------------------------------------------------
# Citations: every cited item names the spans that support it; a citation link opens the cited source with
# those spans highlighted.


@dataclass
class Cite:
    """One citation mark: the source's number, its id and the item whose spans it highlights."""

    number: int
    source: str
    item: str


@dataclass
class Item:
    """One shown statement with its citations."""

    text: str
    cites: list[Cite]
    label: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def source_numbers(briefing: dict[str, Any]) -> dict[str, int]:
    return {s["id"]: i for i, s in enumerate(briefing["sources"], start=1)}


def _cites(numbers: dict[str, int], sources: Sequence[str], item: str) -> list[Cite]:
    return [Cite(numbers[s], s, item) for s in sorted(set(sources), key=lambda s: numbers.get(s, 0)) if s in numbers]


def _claim_label(claim: dict[str, Any]) -> str:
    subject = f" ({claim['subject']})" if claim.get("subject") else ""
    return f"{claim['measure']}{subject}"


def disagreements(briefing: dict[str, Any]) -> list[dict[str, Any]]:
    """Disputed claims, each with its values: who claims what, every value citable (render.view's rule: only
    claims the analysis marked disputed, never an update or a background figure)."""
    numbers = source_numbers(briefing)
    out = []
    for ci, claim in enumerate(briefing["claims"]):
        if not claim["disputed"]:
            continue
        values = [
            Item(
                str(value["text"]),
                _cites(numbers, value["sources"], f"claim-{ci}-{vi}"),
                value["attributed_to"] or "the outlet itself",
            )
            for vi, value in enumerate(claim["values"])
        ]
        out.append({"label": _claim_label(claim), "choices": values})
    return out


def summary_items(briefing: dict[str, Any]) -> list[Item]:
    numbers = source_numbers(briefing)
    items = []
    for i, s in enumerate(briefing["summary"]):
        dates = "; ".join(f"{d['expression']} = {d['date']}" for d in s.get("dates") or [])
        items.append(Item(str(s["text"]), _cites(numbers, s["sources"], f"summary-{i}"), None, {"dates": dates}))
    return items


def fact_items(briefing: dict[str, Any]) -> list[Item]:
    """Figures carried by two or more outlets (or disputed / updated), as in the static formats' key facts."""
    numbers = source_numbers(briefing)
    items = []
    for ci, claim in enumerate(briefing["claims"]):
        carried = {s for v in claim["values"] for s in v["sources"]}
        if not (claim["disputed"] or claim.get("updates") or len(carried) >= 2):
            continue
        label = _claim_label(claim)
        if claim.get("scope") == "background":
            label += f" [background: {claim.get('scope_marker') or 'another time or event'}]"
        for vi, value in enumerate(claim["values"]):
            who = f", according to {value['attributed_to']}" if value["attributed_to"] else ""
            flag = " (disputed)" if claim["disputed"] else (" (updated)" if claim.get("updates") else "")
            items.append(Item(f"{value['text']}{who}{flag}", _cites(numbers, value["sources"], f"claim-{ci}-{vi}"),
                              label))
    return items


def quotes_by_speaker(briefing: dict[str, Any]) -> list[dict[str, Any]]:
    """Quotes grouped by speaker (unattributed last); each quote with every outlet's own wording."""
    numbers = source_numbers(briefing)
    groups: dict[str, list[dict[str, Any]]] = {}
    for qi, quote in enumerate(briefing["quotes"]):
        speaker = quote["speaker"] or ""
        wordings = []
        for source in sorted(set(quote["sources"]), key=lambda s: numbers.get(s, 0)):
            words = " … ".join(str(sp["text"]) for sp in quote.get("spans") or [] if sp.get("source") == source)
            wordings.append({"cite": _cites(numbers, [source], f"quote-{qi}"), "text": words})
        groups.setdefault(speaker, []).append(
            {"text": quote["text"], "partial": bool(quote.get("partial")), "wordings": wordings,
             "cites": _cites(numbers, quote["sources"], f"quote-{qi}")}
        )
    order = sorted(groups, key=lambda s: (s == "", s.casefold()))
    return [{"speaker": s or "unattributed", "quotes": groups[s]} for s in order]


def timeline_items(briefing: dict[str, Any]) -> list[Item]:
    numbers = source_numbers(briefing)
    return [
        Item(str(t["text"]), _cites(numbers, t["sources"], f"timeline-{i}"), str(t["date"]))
        for i, t in enumerate(briefing["timeline"])
    ]


def entity_items(briefing: dict[str, Any]) -> list[Item]:
    numbers = source_numbers(briefing)
    items = []
    for i, e in enumerate(briefing["entities"]):
        aliases = [a for a in e["aliases"] if a != e["name"]]
        items.append(Item(str(e["name"]), _cites(numbers, e["sources"], f"entity-{i}"), str(e["type"]),
                          {"aliases": aliases}))
    return items


def has_disagreement(briefing: dict[str, Any]) -> bool:
    return any(c["disputed"] for c in briefing["claims"])


def source_view(briefing: dict[str, Any], source_id: str, item: str | None) -> dict[str, Any]:
    """One source of a briefing with the spans of ``item`` highlighted."""
    numbers = source_numbers(briefing)
    for source in briefing["sources"]:
        if source["id"] == source_id:
            spans = item_spans(briefing, item) if item else []
            return {
                "source": source,
                "number": numbers[source_id],
                "pieces": highlighted(str(source.get("text") or ""), spans, source_id),
                "marked": any(s.get("source") == source_id for s in spans),
            }
    raise NoStory(f"no source {display_inline(source_id)!r} in this story")
