"""The process pool of a batch: forked workers that inherit the compiled rule packs, stop with
the batch process (even when it is killed) and return results in input order."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Iterable, Iterator

from ..engine.select import RuleChoice

class BatchError(Exception):
    """The batch as a whole cannot go on (e.g. a worker process died); the message is one line."""


def default_jobs() -> int:
    """All the cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _mp_context():
    # fork: workers inherit the parent's compiled rule packs and start in milliseconds
    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return None


_PARENT_PID: int | None = None  # in a worker: the batch process that started it
_IN_FILE = False  # in a worker: inside fix_one, where a SIGTERM unwinds (removing a temporary file)


def _init_worker(rules: RuleChoice, parent: int | None = None) -> None:
    global _PARENT_PID
    _PARENT_PID = parent
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, _on_term)
    _die_with_parent()
    if _orphaned():  # the batch process died before the line above took effect
        os._exit(1)
    rules.ruleset()  # once per worker (a no-op when forked from a parent that has them)


def _die_with_parent() -> None:
    """Linux: have the kernel send this worker SIGTERM when the batch process dies, even by
    SIGKILL. Without it a worker of a killed batch waits for work forever (it holds the write end
    of its own task pipe, so it never sees end-of-file)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM, 0, 0, 0)  # 1: PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # no libc to call: _orphaned() still stops file work
        pass


def _on_term(signum, frame) -> None:
    if _IN_FILE:
        raise SystemExit(128 + signum)  # unwind: atomic_write removes its temporary file
    os._exit(128 + signum)  # idle, or between files: nothing to undo


def _orphaned() -> bool:
    """In a worker whose batch process is gone (killed): nobody will take its results, and files
    should stop changing once the command is dead, so the rest of its chunk is left alone."""
    return _PARENT_PID is not None and os.getppid() != _PARENT_PID


def ordered_map(fn: Callable, chunks: Iterable, workers: int,
                rules: RuleChoice = RuleChoice()) -> Iterator:
    """``fn(chunk)`` for every chunk, in order: in this process when ``workers`` is 1, else in a
    pool of that many processes with at most two chunks a worker in flight, so a long (or endless)
    iterable of chunks is consumed as fast as it is processed, not read ahead into memory."""
    if workers <= 1:
        for chunk in chunks:
            yield fn(chunk)
        return
    # (Compiled here, once, the patterns are inherited by every forked worker: a rule set read
    # from the cache compiles each pattern on first use, which each worker would do again.)
    rules.ruleset().warm()
    pool = ProcessPoolExecutor(workers, mp_context=_mp_context(), initializer=_init_worker,
                               initargs=(rules, os.getpid()))
    pending: deque = deque()
    try:
        for chunk in chunks:
            pending.append(pool.submit(fn, chunk))
            if len(pending) >= 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    except BrokenProcessPool:
        raise BatchError("a worker process died (out of memory?); batch stopped") from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def set_in_file(flag: bool) -> None:
    """In a worker: whether it is inside one file's work, where a SIGTERM unwinds (so that
    atomic_write removes its temporary file) instead of exiting at once."""
    global _IN_FILE
    _IN_FILE = flag


def orphaned() -> bool:
    return _orphaned()
