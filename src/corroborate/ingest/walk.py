"""Which files to read, and reading one safely: folders walked without leaving them, special files refused.

A folder is walked recursively in sorted order. A symbolic link is followed only when its target lies inside
the folder named on the command line; a link out of it (``passwd.txt -> /etc/passwd``), a dangling link and a
link loop are recorded as rejections, never followed or dropped silently. Named pipes, sockets and devices are
refused after ``os.stat`` and before any ``open`` (opening a FIFO blocks until a writer appears), and files are
opened non-blocking and read with a byte cap, so neither a FIFO swapped in after the check nor a file that
grows while read can hang or exhaust memory.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError

# 10,000 levels: deeper folder trees are almost certainly a generated trap; real archives nest < 10 levels.
MAX_FOLDER_DEPTH = 10_000
# 1,000,000 entries in one walk: beyond this the walk stops with a rejection naming the limit.
MAX_WALK_ENTRIES = 1_000_000


class Skipped(type(Path())):  # type: ignore[misc]  # a concrete Path class (PosixPath or WindowsPath)
    """A path the walk found and refused (a link out of the folder, a loop, a dangling link), with the reason.

    It travels where paths travel (the ``ingest`` engines, pickled to Dask workers) so the reader records it
    as a rejection instead of reading it.
    """

    reason: str = ""

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (skipped, (str(self), self.reason))


def skipped(path: Path | str, reason: str) -> Skipped:
    item = Skipped(path)
    item.reason = reason
    return item


class Sourced(type(Path())):  # type: ignore[misc]  # a concrete Path class (PosixPath or WindowsPath)
    """A local file holding bytes fetched from ``source`` (a feed URL ``watch`` polled): reports read from it
    are located at the source, not at the temporary file."""

    source: str = ""

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (sourced, (str(self), self.source))


def sourced(path: Path | str, source: str) -> Sourced:
    item = Sourced(path)
    item.source = source
    return item


def location_of(path: Path) -> str:
    """Where a report read from ``path`` comes from: its source URL for a fetched file, else the path."""
    return path.source if isinstance(path, Sourced) else display(path)


def display(path: Path | str) -> str:
    """A printable location: undecodable bytes in a file name (``b'\\xff'``) shown as ``\\xff``, not as lone
    surrogates that would crash any UTF-8 writer."""
    text = str(path)
    try:
        raw = os.fsencode(text)
    except UnicodeEncodeError:  # a lone surrogate that no file name byte produced
        raw = text.encode("utf-8", errors="backslashreplace")
    return raw.decode("utf-8", errors="backslashreplace")


def special_kind(mode: int) -> str | None:
    """What a non-regular, non-directory file is, or None for a regular file or folder."""
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return "not a regular file"


def _os_reason(exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied: cannot read this file"
    if exc.errno == errno.ENOENT:
        return "no such file"
    if exc.errno == errno.ELOOP:
        return "symbolic link loop: the link never reaches a file"
    if exc.errno == errno.EISDIR:
        return "is a folder"
    if exc.errno == errno.ENAMETOOLONG:
        return "file name too long"
    return f"cannot read file: {exc.strerror or exc}"


def _inside(target: str, root: str) -> bool:
    return target == root or target.startswith(root.rstrip(os.sep) + os.sep)


def _link_rejection(path: Path, root: str) -> Skipped | None:
    """For a symbolic link under ``root``: a rejection when it dangles, loops or leads out of ``root``."""
    try:
        target = os.path.realpath(path, strict=True)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return skipped(path, "symbolic link loop: the link never reaches a file; not followed")
        raw = os.readlink(path) if path.is_symlink() else "?"
        return skipped(path, f"dangling symbolic link to {display(raw)} (target missing); not followed")
    except RuntimeError:  # very old Pythons report loops this way
        return skipped(path, "symbolic link loop: the link never reaches a file; not followed")
    if not _inside(target, root):
        return skipped(
            path,
            f"symbolic link to {display(target)}, outside the input folder {display(root)}; not followed",
        )
    return None


def walk(paths: Sequence[Path | str]) -> Iterator[Path | str]:
    """Files named, and files under folders named (recursively, sorted); what the walk refuses comes as a
    :class:`Skipped` path with its reason. ``-`` (standard input) and URLs (strings) pass through."""
    for given in paths:
        if str(given) == "-" or (isinstance(given, str) and given.lower().startswith(("http://", "https://"))):
            yield given
            continue
        path = given if isinstance(given, Path) else Path(given)
        try:
            mode = path.stat().st_mode
        except OSError:
            yield path  # reading it reports why (no such file, permission, dangling or looping link)
            continue
        if stat.S_ISDIR(mode):
            yield from _walk_folder(path)
        else:
            yield path


def _walk_folder(folder: Path) -> Iterator[Path]:
    root = os.path.realpath(folder)
    found: list[Path] = []
    seen_dirs: set[tuple[int, int]] = set()
    stack: list[tuple[Path, int]] = [(folder, 0)]
    entries = 0
    while stack:
        current, depth = stack.pop()
        try:
            info = current.stat()
        except OSError as exc:
            found.append(skipped(current, _os_reason(exc)))
            continue
        key = (info.st_dev, info.st_ino)
        if key in seen_dirs:
            found.append(skipped(current, "folder already read (symbolic link loop); skipped"))
            continue
        seen_dirs.add(key)
        if depth > MAX_FOLDER_DEPTH:
            found.append(skipped(current, f"folder nested over {MAX_FOLDER_DEPTH} levels"))
            continue
        try:
            with os.scandir(current) as it:
                children = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            found.append(skipped(current, f"cannot list folder: {_os_reason(exc)}"))
            continue
        for entry in children:
            entries += 1
            if entries > MAX_WALK_ENTRIES:
                found.append(skipped(folder, f"over {MAX_WALK_ENTRIES} entries; walk stopped"))
                stack.clear()
                break
            child = Path(entry.path)
            if entry.is_symlink():
                rejection = _link_rejection(child, root)
                if rejection is not None:
                    found.append(rejection)
                    continue
            try:
                is_dir = entry.is_dir(follow_symlinks=True)
            except OSError as exc:
                found.append(skipped(child, _os_reason(exc)))
                continue
            if is_dir:
                stack.append((child, depth + 1))
            else:
                found.append(child)
    yield from sorted(found)


def open_regular(path: Path, max_bytes: int) -> BinaryIO:
    """Open a regular file of at most ``max_bytes`` for reading; raise :class:`InputError` with the reason."""
    try:
        info = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ENOENT and path.is_symlink():
            raise InputError(f"dangling symbolic link to {display(os.readlink(path))} (target missing)") from exc
        raise InputError(_os_reason(exc)) from exc
    if stat.S_ISDIR(info.st_mode):
        raise InputError("is a folder")
    kind = special_kind(info.st_mode)
    if kind is not None:
        raise InputError(f"{kind}, not a regular file; not read")
    _check_size(info.st_size, max_bytes)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise InputError(_os_reason(exc)) from exc
    kind = special_kind(os.fstat(fd).st_mode)  # swapped for a FIFO after the check: opened, never blocked on
    if kind is not None:
        os.close(fd)
        raise InputError(f"{kind}, not a regular file; not read")
    return os.fdopen(fd, "rb")


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """Read a regular file of at most ``max_bytes``; raise :class:`InputError` with the reason otherwise."""
    with open_regular(path, max_bytes) as stream:
        try:
            data = stream.read(max_bytes + 1)
        except OSError as exc:
            raise InputError(_os_reason(exc)) from exc
    if len(data) > max_bytes:
        raise InputError(f"file too large: over the {max_bytes / 1e6:.0f} MB limit (it grew while read)")
    return data


def _check_size(size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise InputError(f"file too large: {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit")
