"""The story desk: FastAPI routes for the pages (Jinja2 templates, htmx for partial updates) and the HTTP API.

Pages: ``/stories`` (list, search, filters, sort, paging), ``/stories/{id}`` (one briefing),
``/stories/{id}/sources/{source}?item=...`` (a cited source with the supporting spans highlighted), ``/brief``
(paste or upload). API: ``GET /api/stories``, ``GET /api/stories/{id}``, ``POST /api/brief``; the OpenAPI
document at ``/openapi.json`` and its reading at ``/docs`` (rendered here, server-side: FastAPI's own Swagger
page loads its script from a CDN and runs inline script, which the desk's policy forbids).
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import FastAPI, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..config import Config
from ..errors import CorroborateError, NoUsableInputError
from ..render.safe import display_inline, json_text, link_label, link_url
from . import charts, desk
from .security import BodyLimit, SecurityHeaders

HERE = Path(__file__).parent
# Uploads: at most this many files and pasted texts, this many bytes in one request. Each file is also held to
# the CLI's per-input limit (config.max_input_bytes), by the same reader, with the same rejection.
MAX_FILES = 50
MAX_BODY_BYTES = 20_000_000
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(("html", "svg", "xml"), default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["inline"] = lambda v: display_inline(str(v)) if v is not None else ""
    env.filters["link_url"] = link_url
    env.filters["link_label"] = link_label
    env.filters["q"] = lambda v: quote(str(v), safe="")
    env.globals["version"] = __version__
    return env


def _json(data: Any, status: int = 200) -> Response:
    return Response(json_text(data, indent=2) + "\n", status_code=status, media_type="application/json")


def _upload_name(index: int, name: str | None) -> str:
    """A file name fit for the temporary folder that keeps the upload's suffix (the suffix picks the reader)."""
    base = _SAFE_NAME.sub("_", Path(name or "upload.txt").name).strip("._") or "upload.txt"
    stem, dot, suffix = base.rpartition(".")
    if dot and len(suffix) <= 10:
        return f"{index:03d}-{stem[:60]}.{suffix.lower()}"
    return f"{index:03d}-{base[:60]}"


def create_app(db: Path, config: Config | None = None, *, max_body: int = MAX_BODY_BYTES) -> FastAPI:
    """The desk over the database ``db`` (read per request, so what ``ingest`` adds shows at once)."""
    the_desk = desk.Desk(db, config)
    env = _environment()
    app = FastAPI(
        title="corroborate story desk",
        version=__version__,
        description="Stories and briefings from a corroborate database; brief pasted or uploaded reports.",
        docs_url=None,
        redoc_url=None,
    )
    app.add_middleware(BodyLimit, limit=max_body)
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.state.desk = the_desk

    def page(name: str, status: int = 200, **context: Any) -> HTMLResponse:
        return HTMLResponse(env.get_template(name).render(**context), status_code=status)

    def not_found(request: Request, exc: Exception) -> Response:
        if request.url.path.startswith("/api/"):
            return _json({"detail": str(exc)}, 404)
        return page("error.html", 404, title="Not found", message=str(exc))

    @app.exception_handler(desk.NoStory)
    async def _no_story(request: Request, exc: desk.NoStory) -> Response:
        return not_found(request, exc)

    def story_filter(q: str | None, outlet: str | None, since: str | None, until: str | None) -> desk.StoryFilter:
        try:
            return desk.StoryFilter(
                query=q.strip() if q and q.strip() else None,
                outlet=outlet.strip() if outlet and outlet.strip() else None,
                since=desk.parse_day(since),
                until=desk.parse_day(until),
            )
        except ValueError:
            raise HTTPException(422, "dates are YYYY-MM-DD") from None

    # ---------------------------------------------------------------- pages

    @app.get("/", include_in_schema=False)
    def home() -> RedirectResponse:
        return RedirectResponse("/stories", status_code=303)

    @app.get("/stories", response_class=HTMLResponse, include_in_schema=False)
    def stories_page(
        request: Request,
        q: str | None = None,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        sort: str = "newest",
        page_no: Annotated[int, Query(alias="page", ge=1)] = 1,
    ) -> HTMLResponse:
        flt = story_filter(q, outlet, since, until)
        sort = sort if sort in desk.SORTS else "newest"
        found = desk.sort_stories(the_desk.stories(flt), sort)
        paged = desk.page_of(found, page_no)
        rows = [{"story": s, "briefing": the_desk.cached_briefing(s)} for s in paged.items]
        params = {k: v for k, v in {"q": q, "outlet": outlet, "since": since, "until": until, "sort": sort}.items()
                  if v}
        context: dict[str, Any] = {
            "title": "Stories",
            "rows": rows,
            "page": paged,
            "params": params,
            "query_of": lambda n: urlencode({**params, "page": n}),
            "outlets": desk.outlets_of(found if flt == desk.StoryFilter() else the_desk.stories()),
            "sorts": desk.SORTS,
            "has_disagreement": desk.has_disagreement,
            "db": str(the_desk.db),
            "db_exists": the_desk.db.exists(),
        }
        if request.headers.get("hx-request") and request.headers.get("hx-target") == "story-rows":
            return page("_story_rows.html", **context)
        return page("stories.html", **context)

    @app.get("/stories/{story_id}/badge", response_class=HTMLResponse, include_in_schema=False)
    def story_badge(story_id: str) -> HTMLResponse:
        briefing = the_desk.briefing(story_id)
        return page("_badge.html", disagree=desk.has_disagreement(briefing), story_id=story_id)

    def story_context(briefing: dict[str, Any], base: str, title: str) -> dict[str, Any]:
        return {
            "title": title,
            "b": briefing,
            "base": base,
            "disagreements": desk.disagreements(briefing),
            "summary": desk.summary_items(briefing),
            "facts": desk.fact_items(briefing),
            "quotes": desk.quotes_by_speaker(briefing),
            "timeline": desk.timeline_items(briefing),
            "entities": desk.entity_items(briefing),
            "timeline_chart": charts.timeline_chart(briefing["timeline"]),
            "coverage_chart": charts.coverage_chart(briefing),
            "numbers": desk.source_numbers(briefing),
        }

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    async def story_page(story_id: str) -> HTMLResponse:
        _key, cached = the_desk.cached_page(story_id)
        if cached is not None:
            return HTMLResponse(cached)

        def render(briefing: dict[str, Any]) -> str:
            title = display_inline(briefing["story"]["headline"] or "") or "Untitled story"
            context = story_context(briefing, f"/stories/{quote(story_id, safe='')}", title)
            return env.get_template("story.html").render(**context)

        return HTMLResponse(await run_in_threadpool(the_desk.story_page, story_id, render))

    def source_response(request: Request, briefing: dict[str, Any], base: str, source_id: str,
                        item: str | None) -> HTMLResponse:
        view = desk.source_view(briefing, source_id, item)
        context: dict[str, Any] = {"title": "Source", "v": view, "b": briefing, "base": base, "item": item}
        if request.headers.get("hx-request"):
            return page("_source.html", **context)
        return page("source.html", **context)

    @app.get("/stories/{story_id}/sources/{source_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_source(request: Request, story_id: str, source_id: str, item: str | None = None) -> HTMLResponse:
        return source_response(request, the_desk.briefing(story_id), f"/stories/{quote(story_id, safe='')}",
                               source_id, item)

    @app.get("/brief", response_class=HTMLResponse, include_in_schema=False)
    def brief_form() -> HTMLResponse:
        return page("brief.html", title="Brief reports", limits=limits(), boxes=range(2),
                    writable=the_desk.db.exists())

    @app.get("/brief/paste-box", response_class=HTMLResponse, include_in_schema=False)
    def paste_box(n: Annotated[int, Query(ge=0, lt=MAX_FILES)] = 0) -> HTMLResponse:
        """One more text box, and the button for the next one (up to the upload limit)."""
        return page("_paste_more.html", n=n, limit=MAX_FILES)

    def limits() -> dict[str, int]:
        return {"files": MAX_FILES, "body": max_body, "per_input": the_desk.config.max_input_bytes}

    def run_brief(files: list[UploadFile], texts: list[str], one_story: bool, store: bool = False) -> dict[str, Any]:
        """Write the uploads and pasted texts to a temporary folder and brief it as ``corroborate brief`` does
        (``store``: also ``ingest`` it into the desk's database)."""
        from ..pipeline import brief_paths

        texts = [t for t in texts if t.strip()]
        uploads = [f for f in files if f.filename or f.size]
        if len(uploads) + len(texts) > MAX_FILES:
            raise HTTPException(413, f"at most {MAX_FILES} files and texts in one brief")
        if not uploads and not texts:
            raise HTTPException(422, "nothing to brief: paste a text or choose a file")
        cap = the_desk.config.max_input_bytes
        names: dict[str, str] = {}
        stored: list[str] = []
        with tempfile.TemporaryDirectory(prefix="corroborate-desk-") as tmp:
            folder = Path(tmp)
            for i, upload in enumerate(uploads):
                name = _upload_name(i, upload.filename)
                # One byte past the per-input limit is enough for the reader to reject it as the CLI does.
                (folder / name).write_bytes(upload.file.read(cap + 1))
                names[name] = display_inline(upload.filename or name)
            for j, text in enumerate(texts):
                name = f"{len(uploads) + j:03d}-pasted-{j + 1}.txt"
                (folder / name).write_text(text, encoding="utf-8")
                names[name] = f"pasted text {j + 1}"
            prefix = str(folder) + "/"

            def shown(location: str) -> str:
                if location.startswith(prefix):
                    rest = location[len(prefix):]
                    head, sep, tail = rest.partition(":")
                    return names.get(head, head) + sep + tail
                return location

            with the_desk.cache.brief_lock:
                try:
                    run = brief_paths([folder], the_desk.config, one_story=one_story)
                except NoUsableInputError as exc:
                    raise HTTPException(422, str(exc).replace(prefix, "")) from None
                if store:
                    from ..stream import run_ingest

                    run_ingest([folder], the_desk.db, config=the_desk.config, progress=False)
            if store:
                stored = sorted({str(b["story"]["id"]) for b in run.briefings})
        for briefing in run.briefings:
            for source in briefing["sources"]:
                source["location"] = shown(str(source["location"]))
            for rejection in briefing["rejected"]:
                rejection["location"] = shown(str(rejection["location"]))
        rejected = [{"location": shown(r.location), "reason": r.reason} for r in run.rejected]
        return {"briefings": run.briefings, "rejected": rejected, "notes": [shown(n) for n in run.notes],
                "stored": stored}

    @app.post("/brief", response_class=HTMLResponse, include_in_schema=False)
    def brief_submit(
        files: Annotated[list[UploadFile], File()] = [],  # noqa: B006 - FastAPI's declared default
        texts: Annotated[list[str], Form()] = [],  # noqa: B006
        one_story: Annotated[bool, Form()] = False,
        store: Annotated[bool, Form()] = False,
    ) -> HTMLResponse:
        try:
            result = run_brief(files, texts, one_story, store)
        except HTTPException as exc:
            return page("brief.html", exc.status_code, title="Brief reports", limits=limits(), boxes=range(2),
                        error=str(exc.detail), writable=the_desk.db.exists())
        token = the_desk.keep_brief(result["briefings"])
        stories = [
            story_context(b, f"/briefs/{token}/{i}", display_inline(b["story"]["headline"] or "") or "Untitled story")
            for i, b in enumerate(result["briefings"])
        ]
        return page("brief_result.html", title="Briefing", stories=stories, result=result)

    @app.get("/briefs/{token}/{index}/sources/{source_id}", response_class=HTMLResponse, include_in_schema=False)
    def brief_source(request: Request, token: str, index: int, source_id: str, item: str | None = None
                     ) -> HTMLResponse:
        briefings = the_desk.kept_brief(token)
        if not 0 <= index < len(briefings):
            raise desk.NoStory("no such story in this brief")
        return source_response(request, briefings[index], f"/briefs/{token}/{index}", source_id, item)

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs() -> HTMLResponse:
        spec = app.openapi()
        operations = [
            {"method": method.upper(), "path": path, "op": op}
            for path, methods in spec["paths"].items()
            for method, op in methods.items()
        ]
        return page("docs.html", title="HTTP API", spec=spec, operations=operations)

    # ---------------------------------------------------------------- API

    @app.get("/api/stories", tags=["stories"], summary="List stories (as `corroborate stories --format json`)")
    def api_stories(
        q: Annotated[str | None, Query(description="every word in a report's headline or text (FTS5)")] = None,
        outlet: Annotated[str | None, Query(description="a report from this outlet (case-insensitive)")] = None,
        since: Annotated[str | None, Query(description="a report published on or after YYYY-MM-DD")] = None,
        until: Annotated[str | None, Query(description="a report published on or before YYYY-MM-DD")] = None,
    ) -> Response:
        return _json(the_desk.stories(story_filter(q, outlet, since, until)))

    @app.get("/api/stories/{story_id}", tags=["stories"],
             summary="One story's briefing (as `corroborate show ID --format json`)")
    def api_story(story_id: str) -> Response:
        from ..render import render

        return Response(render([the_desk.briefing(story_id)], "json"), media_type="application/json")

    @app.post("/api/brief", tags=["brief"],
              summary="Brief uploaded files and pasted texts (as `corroborate brief --format json`, always a list)")
    def api_brief(
        files: Annotated[list[UploadFile], File(description="report files: .txt .md .html .json .jsonl ...")] = [],  # noqa: B006
        texts: Annotated[list[str], Form(description="pasted report texts, one per field")] = [],  # noqa: B006
        one_story: Annotated[bool, Form(description="brief everything as one story")] = False,
    ) -> Response:
        result = run_brief(files, texts, one_story)
        return _json(result["briefings"])

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith(("/api/", "/static/")):
            return await http_exception_handler(request, exc)
        return page("error.html", exc.status_code, title="Cannot show this page", message=str(exc.detail))

    @app.exception_handler(CorroborateError)
    async def _error(request: Request, exc: CorroborateError) -> Response:
        if request.url.path.startswith("/api/"):
            return _json({"detail": str(exc)}, 400)
        return page("error.html", 400, title="Error", message=str(exc))

    return app
