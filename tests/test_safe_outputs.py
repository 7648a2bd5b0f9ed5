"""Issue 16, every output safe: each audited defect as a payload fixture, plus property tests.

Payloads are the audit's own records. A test reads the output the way its reader does: Markdown parsed by
markdown-it-py (CommonMark with the GFM table and strikethrough rules on), HTML by ``html.parser``, JSON by
``json`` and checked against the schema, the terminal table as the characters a terminal receives.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import os
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from corroborate import brief_paths
from corroborate.analyze.timex import find_timexes
from corroborate.analyze.timex.calendar import day_value, parse_day
from corroborate.cli import main
from corroborate.cli_store import _print_summary, _story_table
from corroborate.outputs import OutputError, atomic_output, check_output
from corroborate.render import render
from corroborate.render.safe import BIDI_CONTROLS, display_inline
from corroborate.render.schema import BRIEFING_SCHEMA
from corroborate.render.view import sections

BODY = (
    "A blast tore through the central market of Qasreen on Saturday, killing 62 people, officials said. "
    "The road to the market remains closed, police said."
)
MARKDOWN_INJECTION = {"story": "x<script>alert(1)</script>", "title": "T\n\nSummary\n=======", "text": BODY}
TERMINAL_ESCAPES = {
    "title": "\u001b[2J\u001b[31mBreaking news\u001b[0m",
    "outlet": "Ledger\u001b]0;pwned\u0007",
    "text": BODY,
}
BIDI_SPOOF = {
    "id": "report-\u202egpj.exe",
    "title": "Minister \u202eresigns\u202c today",
    "outlet": "\u2067Daily\u2069",
    "text": BODY.replace("Qasreen", "\u202eQasreen\u202c"),
}
JAVASCRIPT_URL = {"id": "js", "url": "javascript:alert(document.cookie)", "text": BODY}
HTTP_URL = {"id": "ok", "url": "https://news.example/markets/blast?id=7", "outlet": "News", "text": BODY}
IMPOSSIBLE_DATE = {"published": "1998-11-08", "text": "The vote will be held on Sept. 31, officials said on Monday."}

_MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])
# The blocks the Markdown renderer writes: headings, paragraphs (the story line), lists of lines and sources.
_RENDERER_BLOCKS = {"heading", "paragraph", "inline", "bullet_list", "ordered_list", "list_item"}
# The elements the HTML renderer writes.
_RENDERER_TAGS = frozenset(
    "html head meta title style body article h1 p section h2 ul ol li strong sup a details summary pre em hr div "
    "blockquote mark".split()
)


def _write_records(folder: Path, *records: dict[str, Any]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "payload.json"
    path.write_text(json.dumps(list(records)), encoding="utf-8")
    return path


def _brief(folder: Path, *records: dict[str, Any]) -> list[dict[str, Any]]:
    return brief_paths([_write_records(folder, *records)]).briefings


def _walk(tokens: list[Any]) -> list[Any]:
    out = []
    for t in tokens:
        out.append(t)
        out.extend(_walk(t.children or []))
    return out


def _inline_text(token: Any) -> str:
    return "".join(c.content for c in token.children or [] if c.type in ("text", "code_inline"))


def markdown_problems(md: str, briefing: dict[str, Any]) -> list[str]:
    """What in ``md`` the renderer did not write: raw HTML, other blocks, headings, non-http(s) links."""
    tokens = _MD.parse(md)
    problems = [f"raw html {t.content!r}" for t in _walk(tokens) if t.type.startswith("html")]
    problems += [f"block {t.type}" for t in tokens if t.type.rsplit("_", 1)[0] not in _RENDERER_BLOCKS]
    problems += [
        f"link to {t.attrs.get('href')!r}"
        for t in _walk(tokens)
        if t.type == "link_open" and not str(t.attrs.get("href", "")).startswith(("http://", "https://"))
    ]
    headings = [(t.tag, _inline_text(tokens[i + 1])) for i, t in enumerate(tokens) if t.type == "heading_open"]
    titles = [s.title for s in sections(briefing)] + ["Sources"] + (["Rejected inputs"] if briefing["rejected"] else [])
    expected = [("h1", display_inline(briefing["story"]["headline"] or "") or "Untitled story")]
    expected += [("h2", title) for title in titles]
    if headings != expected:
        problems.append(f"headings {headings} != {expected}")
    return problems


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.hrefs += [v or "" for k, v in attrs if k == "href"]


def html_problems(page: str) -> list[str]:
    parser = _Tags()
    parser.feed(page)
    problems = [f"tag <{t}>" for t in sorted(parser.tags - _RENDERER_TAGS)]
    problems += [f"href {h!r}" for h in parser.hrefs if not h.startswith(("#", "http://", "https://"))]
    return problems


def _unsafe_to_show(text: str) -> set[str]:
    """Characters a terminal or viewer would act on: controls (but line breaks and tabs), bidi controls,
    separators, lone surrogates."""
    return {
        ch
        for ch in text
        if (unicodedata.category(ch) in ("Cc", "Cs") and ch not in "\n\t")
        or ch in BIDI_CONTROLS
        or ch in "\u2028\u2029"
    }


# --- Markdown injection --------------------------------------------------------------------------------------


def test_story_id_and_title_cannot_inject_markdown(tmp_path: Path) -> None:
    [briefing] = _brief(tmp_path, MARKDOWN_INJECTION)
    md = render([briefing], "md")
    assert markdown_problems(md, briefing) == []
    assert "<script>" not in md
    meta = _inline_text(_MD.parse(md)[4])  # the story line after the h1
    assert meta.endswith("story x<script>alert(1)</script>")  # shown as the text it is


def test_newlines_in_outlet_and_id_stay_inside_their_line(tmp_path: Path) -> None:
    record = {"id": "a\n## id", "outlet": "Evil\n# Outlet\n---", "title": "T\n\nSummary\n=======", "text": BODY}
    [briefing] = _brief(tmp_path, record)
    md = render([briefing], "md")
    assert markdown_problems(md, briefing) == []
    legend = md.split("## Sources\n\n", 1)[1].splitlines()
    assert len(legend) == 1 and legend[0].startswith("1. ")


# --- Terminal escapes and bidi controls ----------------------------------------------------------------------


def test_escape_sequences_reach_no_output(tmp_path: Path) -> None:
    [briefing] = _brief(tmp_path, TERMINAL_ESCAPES)
    for fmt in ("md", "html", "json", "jsonl"):
        assert _unsafe_to_show(render([briefing], fmt)) == set(), fmt
    assert "Breaking news" in render([briefing], "md")


def test_bidi_controls_are_neutralised_in_every_output_but_kept_in_the_data(tmp_path: Path) -> None:
    [briefing] = _brief(tmp_path, BIDI_SPOOF)
    for fmt in ("md", "html", "json", "jsonl"):
        assert not set(render([briefing], fmt)) & BIDI_CONTROLS, fmt
    data = json.loads(render([briefing], "json"))
    assert data["sources"][0]["text"] == BIDI_SPOOF["text"]  # the stored text keeps them, written escaped
    assert "\\u202e" in render([briefing], "json")
    md = render([briefing], "md")
    assert "Minister resigns today" in md and "Qasreen" in md


def _quiet_main(argv: list[str]) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(argv) == 0
    return out.getvalue()


@pytest.fixture(scope="module")
def story_row(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One row of ``corroborate stories -f json`` from a real database: the shape ``_story_table`` reads."""
    folder = tmp_path_factory.mktemp("row")
    db = str(folder / "c.db")
    _quiet_main(["ingest", str(_write_records(folder / "in", HTTP_URL)), "--db", db, "--no-progress"])
    [row] = json.loads(_quiet_main(["stories", "--db", db, "-f", "json"]))
    return dict(row)


def _table_row(template: dict[str, Any], **cells: str | None) -> str:
    return _story_table([{**template, **cells}])


def test_story_table_strips_escapes_and_controls(story_row: dict[str, Any]) -> None:
    table = _table_row(story_row, id="st-\u001b[2Jx", headline=TERMINAL_ESCAPES["title"] + " \u202eevil\u2028next")
    assert _unsafe_to_show(table) == set()
    assert len(table.splitlines()) == 2 and "Breaking news evil next" in table


def test_ingest_outcome_table_strips_controls(capsys: pytest.CaptureFixture[str]) -> None:
    outcome = SimpleNamespace(
        status="rejected", location="in/\u001b[31mred\u202e.json", detail="bad\u001b]0;x\u0007\nline"
    )
    summary = SimpleNamespace(notable=[outcome], counts={"rejected": 1}, total=1, seconds=0.1, db_counts={})
    _print_summary(summary, Path("c.db"))  # type: ignore[arg-type]
    out = capsys.readouterr().out
    assert _unsafe_to_show(out) == set()
    assert len(out.splitlines()) == 4 and "red" in out


# --- URLs ----------------------------------------------------------------------------------------------------


def test_javascript_url_is_dropped_and_flagged(tmp_path: Path) -> None:
    [briefing] = _brief(tmp_path, JAVASCRIPT_URL, HTTP_URL)
    data = json.loads(render([briefing], "json"))
    jsonschema.validate(data, BRIEFING_SCHEMA)
    by_id = {s["id"]: s for s in data["sources"]}
    assert by_id["js"]["url"] is None and "javascript" in by_id["js"]["url_rejected"]
    assert by_id["ok"]["url"] == HTTP_URL["url"] and by_id["ok"]["url_rejected"] is None
    md, page = render([briefing], "md"), render([briefing], "html")
    assert "javascript" not in md.lower() and "javascript" not in page.lower()
    links = [t.attrs["href"] for t in _walk(_MD.parse(md)) if t.type == "link_open"]
    assert links == [HTTP_URL["url"]]
    assert html_problems(page) == [] and f'href="{HTTP_URL["url"]}"' in page


def test_schema_refuses_a_non_http_url() -> None:
    source_schema = BRIEFING_SCHEMA["properties"]["sources"]["items"]["properties"]["url"]
    jsonschema.validate("https://a.example/x", source_schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate("javascript:alert(1)", source_schema)


# --- Output paths --------------------------------------------------------------------------------------------


@pytest.fixture()
def payload(tmp_path: Path) -> Path:
    return _write_records(tmp_path / "in", HTTP_URL)


@pytest.fixture()
def no_work(monkeypatch: pytest.MonkeyPatch) -> None:
    """The path checks must run before any briefing work starts."""

    def fail(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("work started before the output path was checked")

    monkeypatch.setattr("corroborate.pipeline.brief_paths", fail)  # cli imports it when the command runs


def test_output_directory_is_a_clear_error_before_work(
    payload: Path, tmp_path: Path, no_work: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["brief", str(payload), "-o", str(tmp_path)]) == 2
    assert "folder" in capsys.readouterr().err


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_output_device_is_a_clear_error_before_work(
    payload: Path, no_work: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["brief", str(payload), "-o", "/dev/full"]) == 2
    assert "/dev/full" in capsys.readouterr().err


def test_output_naming_an_input_is_refused_and_the_input_kept(
    payload: Path, no_work: None, capsys: pytest.CaptureFixture[str]
) -> None:
    before = payload.read_bytes()
    assert main(["brief", str(payload), "-o", str(payload)]) == 2
    assert payload.read_bytes() == before
    assert "input" in capsys.readouterr().err
    assert main(["brief", str(payload.parent), "-o", str(payload)]) == 2  # a file inside an input folder
    assert payload.read_bytes() == before


def test_schema_output_directory_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "-o", str(tmp_path)]) == 2
    assert "error" in capsys.readouterr().err


def test_output_under_a_file_is_a_clear_error(payload: Path) -> None:
    with pytest.raises(OutputError, match="not a folder"):
        check_output(payload / "b.md")


def test_ingest_outcomes_directory_is_a_clear_error(
    payload: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "c.db"
    assert main(["ingest", str(payload), "--db", str(db), "--outcomes", str(tmp_path), "--no-progress"]) == 2
    assert "folder" in capsys.readouterr().err
    assert not db.exists()  # refused before anything was stored
    assert main(["ingest", str(payload), "--db", str(db), "--outcomes", str(db)]) == 2
    # inside the folder being ingested, the outcomes file would be read as an input while it is written
    assert main(["ingest", str(payload.parent), "--db", str(db), "--outcomes", str(payload.parent / "o.jsonl")]) == 2
    assert not db.exists() and sorted(p.name for p in payload.parent.iterdir()) == ["payload.json"]


def test_output_is_written_whole_or_not_at_all(tmp_path: Path) -> None:
    target = tmp_path / "b.md"
    target.write_text("old briefing\n", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_output(target) as stream:
        stream.write("half a new one")
        raise RuntimeError("render failed")
    assert target.read_text(encoding="utf-8") == "old briefing\n"
    with atomic_output(target) as stream:
        stream.write("new briefing\n")
    assert target.read_text(encoding="utf-8") == "new briefing\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.md"]  # no temporary file left beside it
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask  # a usual file, not mkstemp's 0600
    target.chmod(0o640)
    with atomic_output(target) as stream:
        stream.write("again\n")
    assert target.stat().st_mode & 0o777 == 0o640


def test_brief_writes_the_file_atomically(payload: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "b.json"
    assert main(["brief", str(payload), "-f", "json", "-o", str(target)]) == 0
    jsonschema.validate(json.loads(target.read_text(encoding="utf-8")), BRIEFING_SCHEMA)
    assert [p.name for p in target.parent.iterdir()] == ["b.json"]


# --- Impossible dates, and show -o ---------------------------------------------------------------------------


def test_impossible_date_is_unresolved_not_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write_records(tmp_path, IMPOSSIBLE_DATE)
    assert main(["brief", str(path), "-f", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert all(not entry["date"].endswith("-09-31") for entry in data["timeline"])


def test_stored_story_with_an_impossible_date_can_be_shown_to_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write_records(tmp_path / "in", IMPOSSIBLE_DATE)
    db = tmp_path / "c.db"
    assert main(["ingest", str(path), "--db", str(db), "--no-progress"]) == 0
    capsys.readouterr()
    assert main(["stories", "--db", str(db), "-f", "json"]) == 0
    [story] = json.loads(capsys.readouterr().out)
    target = tmp_path / "show.md"
    assert main(["show", story["id"], "--db", str(db), "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8").startswith("# ")
    assert capsys.readouterr().out == ""
    assert main(["show", story["id"], "--db", str(db), "-o", str(db)]) == 2  # never over the database
    assert "input" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        (IMPOSSIBLE_DATE["text"], "Sept. 31"),
        ("The law passed on 29 February 2001.", "29 February 2001"),
        ("It was filed on 1998-09-31.", "1998-09-31"),
        ("Polls close on April 31, 1999, officials said.", "April 31, 1999"),
        ("Talks resume Feb. 29, the envoy said.", "Feb. 29"),  # 1998 has no 29 February
        ("The count ends at 3 p.m. Sept. 31, they said.", "3 p.m. Sept. 31"),
    ],
)
def test_impossible_calendar_day_is_recorded_unresolved(text: str, expression: str) -> None:
    [timex] = [t for t in find_timexes(text, dt.date(1998, 11, 8)) if t.text == expression]
    assert timex.how.startswith("unresolved: no such calendar day")
    assert timex.value.startswith("XXXX")


def test_day_constructor_returns_none_for_days_the_calendar_lacks() -> None:
    assert day_value(1998, 9, 31) is None and day_value(2001, 2, 29) is None and day_value(10_000, 1, 1) is None
    assert day_value(2000, 2, 29) == "2000-02-29"
    assert parse_day("1998-09-31") is None and parse_day("XXXX-09-30") is None and parse_day("1998-09-30T10:00")


_MONTHS = ["January", "Feb.", "February", "April", "June", "Sept.", "September", "November"]


@settings(max_examples=300, deadline=None)
@given(
    month=st.sampled_from(_MONTHS),
    day=st.integers(1, 31),
    year=st.none() | st.integers(1500, 2099),
    reference=st.none() | st.dates(),
    tail=st.sampled_from(["", " at 3 p.m.", ", then two days later", " next year", ", the day after"]),
)
def test_any_month_day_and_reference_resolves_without_error(
    month: str, day: int, year: int | None, reference: dt.date | None, tail: str
) -> None:
    """Every day a resolved value names exists, whatever the text and the reference date (years 1..9999)."""
    when = f"{month} {day}" + (f", {year}" if year else "")
    for timex in find_timexes(f"The vote will be held on {when}{tail}, officials said on Monday.", reference):
        if re.match(r"\d{4}-\d\d-\d\d", timex.value):
            assert parse_day(timex.value) is not None, timex


# --- Properties: any text in any field -----------------------------------------------------------------------

_ANY_TEXT = st.text(st.characters(exclude_categories=()), max_size=40) | st.sampled_from(
    [
        "# h",
        "\n\nSummary\n=======",
        "<script>x</script>",
        "javascript:alert(1)",
        "\u001b[2J",
        "\u202e",
        "1. x",
        "- x",
        "> q",
        "```",
        "[a](javascript:x)",
        "&amp;",
        "|a|b|\n|-|-|",
        "    code",
        "\r\n---\r\n",
        "<!--",
    ]
)
_FIELDS = ("title", "outlet", "story", "id", "author", "url")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(fields=st.fixed_dictionaries({k: _ANY_TEXT for k in _FIELDS}), inside=_ANY_TEXT, after=_ANY_TEXT)
def test_any_text_in_any_field_renders_only_what_the_renderer_writes(
    tmp_path_factory: pytest.TempPathFactory, fields: dict[str, str], inside: str, after: str
) -> None:
    # The fixed middle line keeps the report usable when cleaning removes a line of the arbitrary text ('©').
    text = f"A blast tore through the market of {inside} on Saturday, killing 62 people.\n{BODY}\n{after}"
    record = {**fields, "id": "r" + fields["id"], "text": text}  # a blank id is rejected, rightly
    [briefing] = _brief(tmp_path_factory.mktemp("any"), record)
    md = render([briefing], "md")
    assert markdown_problems(md, briefing) == []
    assert _unsafe_to_show(md) == set()
    page = render([briefing], "html")
    assert html_problems(page) == [] and _unsafe_to_show(page) == set()
    data = json.loads(render([briefing], "json"))
    jsonschema.validate(data, BRIEFING_SCHEMA)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cells=st.fixed_dictionaries({k: _ANY_TEXT for k in ("id", "headline", "first_published", "last_published")}))
def test_any_text_in_the_story_table_has_no_control_characters(
    story_row: dict[str, Any], cells: dict[str, str]
) -> None:
    table = _table_row(story_row, **cells)
    assert _unsafe_to_show(table) == set()
    assert len(table.splitlines()) == 2


@pytest.fixture(scope="module")
def base_briefing(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A briefing with every section filled (two outlets disagreeing, a quote, a date, a rejected input)."""
    folder = tmp_path_factory.mktemp("base")
    other = {
        "id": "b",
        "outlet": "Ledger",
        "published": "2026-03-08",
        "text": (
            "A blast tore through the central market of Qasreen on Saturday, killing more than 80 people, a monitoring "
            'group said. Prime Minister Jane Doe called the attack "a cowardly act", officials said.'
        ),
    }
    (folder / "bad.json").write_text("{", encoding="utf-8")
    first = {**HTTP_URL, "published": "2026-03-08"}
    return brief_paths([_write_records(folder, first, other), folder / "bad.json"], one_story=True).briefings[0]


def _replace_strings(value: Any, draw: Any) -> Any:
    if isinstance(value, str):
        return draw(_ANY_TEXT)
    if isinstance(value, dict):
        return {k: (v if k == "schema_version" else _replace_strings(v, draw)) for k, v in value.items()}
    if isinstance(value, list):
        return [_replace_strings(v, draw) for v in value]
    return value


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_text_in_any_briefing_string_renders_only_what_the_renderer_writes(
    base_briefing: dict[str, Any], data: st.DataObject
) -> None:
    """Below ingest (which repairs some fields): a briefing whose every string is arbitrary text still renders
    only the markup, headings, elements and links the renderers write."""
    briefing = _replace_strings(base_briefing, data.draw)
    md = render([briefing], "md")
    assert markdown_problems(md, briefing) == [] and _unsafe_to_show(md) == set()
    page = render([briefing], "html")
    assert html_problems(page) == [] and _unsafe_to_show(page) == set()
    for fmt in ("json", "jsonl"):
        text = render([briefing], fmt)
        assert _unsafe_to_show(text) == set()
        text.encode("utf-8")
