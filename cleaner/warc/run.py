"""``cleaner warc``: the pages of archives cleaned in the ``fix`` process pool, one JSON line
each, a summary at the end."""

from __future__ import annotations

import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from functools import partial
from typing import BinaryIO, Iterable, Iterator, TextIO

from ..engine.select import RuleChoice
from ..limits import DEFAULT_MAX_BYTES
from ..records import clean_record, dumps
from .read import Failed, Page, Skipped, read_records

PAGES_PER_CHUNK = 16  # pages handed to a worker at a time (fewer when they are large)
CHUNK_BYTES = 4 << 20

# ----------------------------------------------------------------------------- cleaning

@dataclass(frozen=True)
class WarcOptions:
    explain: bool = False
    rules: RuleChoice = RuleChoice()
    max_bytes: int | None = DEFAULT_MAX_BYTES
    timeout: float | None = None


def clean_page(page: Page, opts: WarcOptions = WarcOptions()) -> dict:
    """A page's output record (``url``, ``warc_record_id``, ``date``, ``mode``, ``title``,
    ``lang``, ``text``, and ``removed`` with ``explain``), or one with an ``error`` field."""
    record = {"url": page.url, "warc_record_id": page.warc_record_id, "date": page.date,
              "mode": page.mode, "title": None, "lang": None, "text": page.payload}
    return clean_record(record, mode=page.mode, explain=opts.explain, rules=opts.rules, metadata=True,
                        charset=page.charset, max_bytes=opts.max_bytes, timeout=opts.timeout)


def _clean_chunk(opts: WarcOptions, pages: list[Page]) -> list[tuple[int, bytes | None, str | None]]:
    out = []
    for page in pages:
        record = clean_page(page, opts)
        if "error" in record:
            out.append((page.number, None, record["error"]))
        else:
            out.append((page.number, dumps(record), None))
    return out


@dataclass
class WarcSummary:
    pages: int = 0
    failed: int = 0
    skipped: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    read_seconds: float = 0.0  # time spent reading and parsing records (the reader's share)

    @property
    def exit_code(self) -> int:
        return 2 if self.failed else 0

    def __str__(self) -> str:
        skipped = sum(self.skipped.values())
        kinds = ", ".join(f"{n} {kind}" for kind, n in self.skipped.most_common())
        rate = self.pages / self.seconds if self.seconds > 0 else 0.0
        return (f"{self.pages} pages, {skipped} skipped" + (f" ({kinds})" if kinds else "")
                + f", {self.failed} failed, {rate:.1f} pages/s")


def _chunks(items: Iterable[Page | Skipped | Failed], size: int = PAGES_PER_CHUNK,
            max_bytes: int = CHUNK_BYTES) -> Iterator[tuple[list, list]]:
    """(pages, other records) batches; pages of a batch go to one worker together."""
    pages: list[Page] = []
    others: list = []
    total = 0
    for item in items:
        if isinstance(item, Page):
            pages.append(item)
            total += len(item.payload)
        else:
            others.append(item)
        if len(pages) >= size or total >= max_bytes:
            yield pages, others
            pages, others, total = [], [], 0
    if pages or others:
        yield pages, others


class _TimedIterator:
    """Wraps an iterator, adding up the time spent inside its ``next``."""

    def __init__(self, iterator):
        self.iterator = iterator
        self.seconds = 0.0

    def __iter__(self):
        return self

    def __next__(self):
        start = time.perf_counter()
        try:
            return next(self.iterator)
        finally:
            self.seconds += time.perf_counter() - start


def run(files: Iterable[str], out: BinaryIO, *, opts: WarcOptions = WarcOptions(), jobs: int | None = None,
        err: TextIO | None = None, progress: bool | None = None, stdin: BinaryIO | None = None) -> WarcSummary:
    """``cleaner warc``: one JSON line per page of ``files`` ("-" is stdin) on ``out``; a line
    ``cleaner: FILE: record N: reason`` on ``err`` for each bad record, the summary last."""
    from contextlib import closing

    from ..batch import default_jobs, ordered_map

    err = err or sys.stderr
    if progress is None:
        progress = err.isatty()
    workers = jobs or default_jobs()
    summary = WarcSummary()
    started = time.perf_counter()

    def say(line: str) -> None:
        if progress:
            err.write("\r\x1b[K")
        err.write(line + "\n")
        err.flush()

    for path in files:
        name = "<stdin>" if path == "-" else path
        try:
            stream = (stdin or sys.stdin.buffer) if path == "-" else open(path, "rb")
        except OSError as exc:
            say(f"cleaner: {name}: {exc.strerror or exc}")
            summary.failed += 1
            continue
        reader = _TimedIterator(read_records(stream))
        try:
            results = ordered_map(partial(_clean_batch, opts), _chunks(reader), workers, opts.rules)
            with closing(results):
                for cleaned, others in results:
                    for item in others:
                        if isinstance(item, Skipped):
                            summary.skipped[item.kind] += 1
                        else:
                            summary.failed += 1
                            say(f"cleaner: {name}: record {item.number}: {item.reason}")
                    for number, line, error in cleaned:
                        if error is not None:
                            summary.failed += 1
                            say(f"cleaner: {name}: record {number}: {error}")
                        else:
                            summary.pages += 1
                            out.write(line)
                    if progress:  # a status line (the total is unknown until the end)
                        err.write(f"\r\x1b[Kcleaning: {summary.pages} pages")
                        err.flush()
        finally:
            summary.read_seconds += reader.seconds
            if path != "-":
                stream.close()
    out.flush()
    summary.seconds = time.perf_counter() - started
    if progress:
        err.write("\r\x1b[K")
    err.write(f"cleaner: {summary}\n")
    err.flush()
    return summary


def _clean_batch(opts: WarcOptions, batch: tuple[list[Page], list]) -> tuple[list, list]:
    """In a worker: a batch's pages cleaned; its skipped and failed records ride along, so that
    messages come out in the order of the file."""
    pages, others = batch
    return _clean_chunk(opts, pages), others
