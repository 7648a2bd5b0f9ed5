"""Output files: checked before any work starts, then written atomically.

:func:`check_output` refuses, with a message that says what to do, an output that cannot be (or must not be)
written: a folder, a device or pipe (``/dev/full``), a read-only file, a path under a file, or one of the
command's own inputs (an input file, a file inside an input folder, the database, the config). The checks run
before the work so a long run never ends in a traceback. :func:`write_output` and :func:`atomic_output` write
to a temporary file in the target's folder and ``os.replace`` it over the target, so a reader sees the old
file or the whole new one, never a part.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from .errors import CorroborateError


class OutputError(CorroborateError):
    """An output path cannot be written; the message says why and what to use instead."""


def _nearest_existing(path: Path) -> Path:
    for parent in path.parents:
        if parent.exists():
            return parent
    return Path(path.anchor or ".")


def _is_input(target: Path, inputs: Iterable[object], inside_folders: bool) -> Path | None:
    """The input ``target`` is (or, for a folder, lies inside and would be read from), else None."""
    for given in inputs:
        if not isinstance(given, Path) or str(given) == "-":  # None, a URL, standard input
            continue
        if given.resolve() == target:  # named as an input, existing yet or not (a new --db)
            return given
        if not given.exists():
            continue
        if given.is_dir():
            folder = given.resolve()
            if (target.exists() or inside_folders) and target.is_relative_to(folder):
                return given
        elif target.exists() and os.path.samefile(given, target):
            return given
    return None


def check_output(output: Path | None, inputs: Iterable[object] = (), *, read_while_writing: bool = False) -> None:
    """Raise :class:`OutputError` unless ``output`` (None: standard output) can be written as a new file.

    ``inputs`` are what the command reads (paths are checked; None, URLs and ``-`` are skipped).
    ``read_while_writing`` (ingest) also refuses a new file inside an input folder, since the folder is still
    being read while the output is written.
    """
    if output is None:
        return
    target = output.resolve()
    where = f"cannot write {output}"
    if target.is_dir():
        raise OutputError(f"{where}: it is a folder; name a file, e.g. {output / 'briefing.md'}")
    if target.exists():
        mode = target.stat().st_mode
        if not stat.S_ISREG(mode):
            raise OutputError(
                f"{where}: not a regular file (a device or pipe); name a file, or leave out the "
                "option to write to standard output"
            )
        if not os.access(target, os.W_OK):
            raise OutputError(f"{where}: the file is read-only; name another file or change its permissions")
    same = _is_input(target, inputs, read_while_writing)
    if same is not None:
        what = "inside the input folder" if same.is_dir() and same.resolve() != target else "the input"
        raise OutputError(
            f"{where}: it is {what} {same}; writing it would overwrite or feed back an input, so name a file elsewhere"
        )
    folder = _nearest_existing(target)
    if not folder.is_dir():
        raise OutputError(f"{where}: {folder} is a file, not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"{where}: no permission to create files in {folder}")


@contextlib.contextmanager
def atomic_output(output: Path) -> Iterator[TextIO]:
    """A text stream whose content replaces ``output`` in one step when the block ends without an error.

    The temporary file sits beside the target (so ``os.replace`` is atomic), is created with the target's
    permissions (a new file: 0666 less the umask) and is removed if the block fails. Folders above it are
    created.
    """
    target = output.resolve()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        if target.exists():  # a replaced file keeps its permissions
            os.chmod(fd, stat.S_IMODE(target.stat().st_mode))
    except OSError as exc:
        raise OutputError(f"cannot write {output}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, target)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise OutputError(f"cannot write {output}: {exc.strerror or exc}") from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def write_output(text: str, output: Path | None) -> None:
    """Write ``text`` to ``output`` atomically, or to standard output when it is None."""
    if output is None:
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except OSError as exc:
            raise OutputError(f"cannot write to standard output: {exc.strerror or exc}") from exc
        return
    with atomic_output(output) as stream:
        stream.write(text)
