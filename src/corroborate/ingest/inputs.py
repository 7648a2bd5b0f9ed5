"""What the command line accepts as an input: a path, ``-`` (standard input) or a URL. Standard library only, so
building the argument parser (``--help``, ``--version``) imports no reader."""

from __future__ import annotations

from pathlib import Path
from typing import Any


class UrlList(type(Path())):  # type: ignore[misc]  # a concrete Path class (PosixPath or WindowsPath)
    """A ``--urls FILE`` argument: the path of a file with one URL a line (``#`` starts a comment)."""


class Url(str):
    """A URL given where paths are expected: a string (``Path`` would fold its ``//``) that answers the few
    path questions the CLI asks of its inputs (it exists nowhere on disk)."""

    @property
    def name(self) -> str:
        return ""

    @property
    def suffix(self) -> str:
        return ""

    def exists(self) -> bool:
        return False

    def is_dir(self) -> bool:
        return False

    def resolve(self) -> Url:
        return self


def is_url(value: object) -> bool:
    return isinstance(value, str) and value.lower().startswith(("http://", "https://"))


def input_argument(value: str) -> Path | Url:
    """argparse ``type`` of an input: a URL stays a :class:`Url`, anything else is a ``Path`` (``-``: stdin)."""
    return Url(value) if is_url(value) else Path(value)


def add_input_arguments(parser: Any, what: str) -> None:
    """The inputs of ``brief`` and ``ingest``: paths, URLs or ``-`` (stdin), plus ``--urls FILE``."""
    parser.add_argument(
        "paths",
        nargs="*",
        action="extend",
        default=[],
        type=input_argument,
        help=f"{what}: .txt .html .json .jsonl files, RSS/Atom feeds, WARC, folders, URLs, or - for standard input",
    )
    parser.add_argument("--urls", type=UrlList, action="append", dest="paths", metavar="FILE", help="URLs, one a line")
