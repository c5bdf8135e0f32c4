"""``cleaner jsonl``: clean one field of every JSON Lines record, in bounded chunks, so memory
stays flat however long the stream is; malformed lines are reported and passed or dropped."""

from __future__ import annotations

import json
import os
import stat
import sys
from contextlib import closing
from dataclasses import dataclass
from functools import partial
from typing import BinaryIO, Callable, Iterator, TextIO

import click

from ..engine.select import RuleChoice
from ..records import cleaned_record, dumps, json_type
from .pool import default_jobs, ordered_map

JSONL_CHUNK_LINES = 256
JSONL_CHUNK_BYTES = 1 << 20


@dataclass(frozen=True)
class JsonlOptions:
    field: str = "text"
    title_field: str | None = None  # the field holding each record's title, if any
    mode: str = "auto"
    explain: bool = False
    on_error: str = "pass"  # "pass": write the line as it came; "drop": leave it out
    rules: RuleChoice = RuleChoice()


def _clean_record(line: bytes, opts: JsonlOptions) -> bytes:
    """One record, cleaned (``cleaner.records``, which engines use too) and serialised;
    ValueError (with a one-line message) if malformed."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"invalid JSON: {exc.msg} at column {exc.colno}") from None
    except UnicodeDecodeError:
        raise ValueError("invalid JSON: not UTF-8") from None
    if isinstance(record, dict) and not isinstance(record.get(opts.field, ""), str):
        raise ValueError(f"field {opts.field!r} is {json_type(record[opts.field])}, not a string")
    # The page's URL is not passed on (url_field=None): jsonl cleans the field it is given.
    return dumps(cleaned_record(record, field=opts.field, url_field=None, title_field=opts.title_field,
                                mode=opts.mode, explain=opts.explain, rules=opts.rules))


def _jsonl_chunk(opts: JsonlOptions, chunk: tuple[int, list[bytes]]) -> tuple[bytes, list[tuple[int, str]]]:
    first, lines = chunk
    out: list[bytes] = []
    errors: list[tuple[int, str]] = []
    for number, line in enumerate(lines, first):
        body = line.rstrip(b"\r\n")
        if not body.strip():
            out.append(body + b"\n")  # a blank line goes through as it is
            continue
        try:
            out.append(_clean_record(body, opts))
        except ValueError as exc:
            errors.append((number, str(exc)))
            if opts.on_error == "pass":
                out.append(body + b"\n")
    return b"".join(out), errors


def _line_chunks(stream: BinaryIO, on_read: Callable[[int], None] | None = None
                 ) -> Iterator[tuple[int, list[bytes]]]:
    """(first line number, lines): up to JSONL_CHUNK_LINES lines or JSONL_CHUNK_BYTES bytes."""
    number, lines, size = 1, [], 0
    for line in stream:
        lines.append(line)
        size += len(line)
        if len(lines) >= JSONL_CHUNK_LINES or size >= JSONL_CHUNK_BYTES:
            if on_read:
                on_read(size)
            yield number, lines
            number, lines, size = number + len(lines), [], 0
    if lines:
        if on_read:
            on_read(size)
        yield number, lines


def _stream_size(stream: BinaryIO) -> int | None:
    try:
        info = os.fstat(stream.fileno())
    except (OSError, AttributeError, ValueError):
        return None
    return info.st_size if stat.S_ISREG(info.st_mode) else None


def filter_jsonl(instream: BinaryIO, outstream: BinaryIO, *, name: str = "<stdin>",
                 opts: JsonlOptions = JsonlOptions(), jobs: int | None = None,
                 err: TextIO | None = None, progress: bool | None = None) -> int:
    """``cleaner jsonl``: clean ``opts.field`` of every record from ``instream`` to ``outstream``,
    every other field as it was. Each malformed line is reported on ``err`` as
    ``cleaner: NAME:LINE: reason``; returns how many were."""
    err = err or sys.stderr
    size = _stream_size(instream)
    if progress is None:
        progress = err.isatty() and size is not None
    bar = click.progressbar(length=size, file=err, label="cleaning") if progress and size else None
    errors = 0
    chunks = _line_chunks(instream, bar.update if bar else None)
    try:
        if bar:
            bar.__enter__()
        with closing(ordered_map(partial(_jsonl_chunk, opts), chunks, jobs or default_jobs(), opts.rules)) as results:
            for data, problems in results:
                for number, message in problems:
                    if bar:
                        err.write("\r\x1b[K")
                    err.write(f"cleaner: {name}:{number}: {message}\n")
                    errors += 1
                outstream.write(data)
    finally:
        if bar:
            bar.__exit__(None, None, None)
    outstream.flush()
    return errors
