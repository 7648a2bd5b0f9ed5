"""The error boundary: an exception in one component on one report (or one story) is recorded, and the run goes on.

A briefing lists what failed (``errors``: component, source, message); nothing else about the report or the
story is lost. Programming errors are not hidden: every message names the exception type.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from .model import ComponentError

T = TypeVar("T")
# Messages are cut here: a recorded error must not carry a whole report (some exceptions quote their input).
MAX_MESSAGE_CHARS = 300


def describe(exc: BaseException) -> str:
    text = f"{type(exc).__name__}: {exc}"
    return text if len(text) <= MAX_MESSAGE_CHARS else text[: MAX_MESSAGE_CHARS - 1] + "…"


def guarded(
    component: str,
    source: str | None,
    errors: list[ComponentError],
    func: Callable[[], T],
    fallback: T,
) -> T:
    """``func()``; on an exception, record it in ``errors`` and return ``fallback``."""
    try:
        return func()
    except Exception as exc:  # noqa: BLE001 - the boundary records every failure of a component
        errors.append(ComponentError(component, describe(exc), source))
        return fallback
