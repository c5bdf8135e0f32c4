"""Bounds on one document's size and time, so a batch over dirty corpora never hangs.

Errors here are one line, say what was refused and why, and share a base class with decoding
errors: whatever cannot be cleaned is an ``InputError``."""

from __future__ import annotations

import contextvars
import time
from contextlib import contextmanager

DEFAULT_MAX_BYTES = 50 * 2**20  # a web page is rarely over a few MB; 50 MB is a corpus accident


class InputError(ValueError):
    """The input cannot be cleaned (binary, undecodable, too large, too slow); one line."""


class InputTooLarge(InputError):
    pass


class CleanTimeout(InputError):
    pass


_deadline: contextvars.ContextVar[float | None] = contextvars.ContextVar("deadline", default=None)


def check_size(size: int, max_bytes: int | None) -> None:
    if max_bytes is not None and size > max_bytes:
        raise InputTooLarge(f"input is {size / 2**20:.1f} MiB, over the {max_bytes / 2**20:g} MiB "
                            f"limit (max_bytes); nothing was cleaned")


@contextmanager
def deadline(seconds: float | None):
    """Within the block, ``check()`` raises CleanTimeout once ``seconds`` have passed."""
    if seconds is None:
        yield
        return
    token = _deadline.set(time.monotonic() + seconds)
    try:
        yield
    finally:
        _deadline.reset(token)


def check() -> None:
    """Called between stages and every few hundred lines: cheap when no deadline is set."""
    limit = _deadline.get()
    if limit is not None and time.monotonic() > limit:
        raise CleanTimeout("took longer than the timeout; nothing was cleaned")
